"""A module's logger, made when something is first logged; the wizard's log file opens then too."""

from __future__ import annotations

import _thread  # built in and always loaded (threading is not)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from pathlib import Path

_log_file_to_open: Path | None = None
_opening = _thread.allocate_lock()  # threads logging their first message at once open the file once


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
            with _opening:
                if _log_file_to_open is not None:  # not opened by another thread meanwhile
                    from .log_file import setup_logging

                    setup_logging(_log_file_to_open)
                    _log_file_to_open = None  # only now: a thread that sees None finds the file open
        return getattr(logging.getLogger(self.name), method)
