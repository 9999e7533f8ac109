"""A module's logger, made when something is first logged; the wizard's log file opens then too."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from pathlib import Path

_log_file_to_open: Path | None = None


def log_to_file_when_needed(log_file: Path) -> None:
    """Send messages to `log_file`, opened (with its rotation) when the first message is logged.

    The wizard often logs nothing at all: it then never imports logging.handlers (about 12 ms and
    2 MiB) and leaves no empty log file behind.
    """
    global _log_file_to_open
    _log_file_to_open = log_file


class LazyLogger:
    """Stands in for logging.getLogger(name) until a message is logged.

    Most commands never log, and importing `logging` costs a headless command about 4 ms.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, method: str):  # debug, info, warning, error, exception
        import logging

        global _log_file_to_open
        if _log_file_to_open is not None:
            from .logs import setup_logging

            log_file, _log_file_to_open = _log_file_to_open, None
            setup_logging(log_file)
        return getattr(logging.getLogger(self.name), method)
