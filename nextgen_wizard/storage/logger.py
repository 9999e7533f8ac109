"""A module's logger, made when something is first logged (storage/logs.py sets up the file)."""

from __future__ import annotations


class LazyLogger:
    """Stands in for logging.getLogger(name) until a message is logged.

    Most commands never log, and importing `logging` costs a headless command about 4 ms.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, method: str):  # debug, info, warning, error, exception
        import logging

        return getattr(logging.getLogger(self.name), method)
