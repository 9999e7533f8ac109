"""What the wizard keeps for its next start besides the answers: its language and the last page."""

from __future__ import annotations

from ..domain.i18n import _
from ..storage.files import read_file, write_file
from ..storage.lazy_logger import LazyLogger
from ..storage.paths import AppPaths

log = LazyLogger(__name__)

PROGRESS_FILE = "progress.txt"


class Preferences:
    """Kept in the user's folders; a demo keeps no language, a session that saves nothing no page."""

    def __init__(self, paths: AppPaths | None, *, keeps_language: bool, keeps_page: bool) -> None:
        self.paths = paths  # None: a session over answers in memory keeps nothing
        self.keeps_language = keeps_language
        self.keeps_page = keeps_page

    def remember_language(self, language: str) -> str | None:
        """Keep the wizard's language for its next start; the problem in words, or None when kept."""
        if self.paths is None or not self.keeps_language:
            return None  # a demo changes nothing on the trainer's computer
        from ..storage.preferences import save_language

        try:
            save_language(self.paths.config, language)
        except OSError as error:
            return _("The language could not be kept: {reason}").format(reason=error)
        return None

    def remember_page(self, page_name: str) -> None:
        if self.paths is None or not self.keeps_page:
            return
        try:
            write_file(self.paths.data / PROGRESS_FILE, page_name.encode("ascii"), mode=0o600)
        except (OSError, UnicodeEncodeError) as error:
            log.warning("could not remember the current page: %s", error)

    def last_page(self) -> str | None:
        if self.paths is None:
            return None
        try:
            text = read_file(self.paths.data / PROGRESS_FILE, 100).decode("ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return text or None
