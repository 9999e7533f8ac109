"""What the GUI needs from the outside world besides one session's answers: the folders, the log
file, the one safe writer, what a court data download found and the keyring backends on offer.

The ui package never imports storage (an import-linter contract): it comes here instead, so the
walls stay where docs/architecture.md draws them. Only names, nothing is loaded or opened here.
"""

from __future__ import annotations

from ..storage.court_downloads import CourtUpdate
from ..storage.files import WriteError, write_file
from ..storage.lazy_logger import LazyLogger, log_to_file_when_needed
from ..storage.paths import HOME_VARIABLE, AppPaths, app_paths


def keyring_candidates() -> dict[str, str]:
    """Why each system keyring of this OS is or is not usable (the self-test's check)."""
    from ..storage.keyring_backends import keyring_candidates as candidates

    return candidates()


__all__ = [
    "HOME_VARIABLE",
    "AppPaths",
    "CourtUpdate",
    "LazyLogger",
    "WriteError",
    "app_paths",
    "keyring_candidates",
    "log_to_file_when_needed",
    "write_file",
]
