"""Rotated logs in the user log folder. Nothing secret is ever passed to a logger."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    import logging
    from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LazyLogger:
    """A module's logger, made when something is first logged.

    Most commands never log, and importing `logging` costs a headless command about 4 ms.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, method: str):  # debug, info, warning, error, ...
        import logging

        return getattr(logging.getLogger(self.name), method)


_handler: logging.Handler | None = None


def setup_logging(log_file: Path) -> logging.Handler | None:
    """Log to a rotated file (one per process); stays without a file log when the folder is not writable."""
    import logging
    from logging.handlers import RotatingFileHandler

    from .paths import make_private_dir

    global _handler
    root = logging.getLogger("nextgen_wizard")
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        make_private_dir(log_file.parent)
        handler = RotatingFileHandler(log_file, maxBytes=512_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    _handler = handler
    return handler
