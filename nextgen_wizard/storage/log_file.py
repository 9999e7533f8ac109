"""Rotated logs in the user log folder. Nothing secret is ever passed to a logger."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .paths import make_private_dir

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


_handler: logging.Handler | None = None


def setup_logging(log_file: Path) -> logging.Handler | None:
    """Log to a rotated file (one per process); stays without a file log when the folder is not writable."""
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
