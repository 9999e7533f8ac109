"""One wizard per user: a lock the OS releases when the process ends, even when killed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .files import why_not_written
from .paths import make_private_dir


class LockUnavailable(OSError):
    """The lock file cannot be made (read-only or unwritable data folder); str() says why."""


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    def acquire(self) -> bool:
        """True when this process is the only wizard; False when another one holds the lock.

        Raises LockUnavailable when the lock file cannot be created at all.
        """
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            make_private_dir(self.path.parent)
            descriptor = os.open(self.path, flags, 0o600)  # a link planted here is not followed
        except OSError as error:
            raise LockUnavailable(why_not_written(error, self.path.parent)) from None
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(descriptor, 0, os.SEEK_SET)  # every instance locks the same byte
                msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            return False
        try:
            os.ftruncate(descriptor, 0)
            os.write(descriptor, str(os.getpid()).encode())
        except OSError:
            pass  # the pid is only informative; the lock itself is held
        self._descriptor = descriptor
        return True

    def release(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing drops the lock
            self._descriptor = None
