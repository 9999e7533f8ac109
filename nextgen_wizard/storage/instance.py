"""One wizard per user: a lock the OS releases when the process ends, even when killed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from .paths import make_private_dir


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """True when this process is the only wizard; False when another one holds the lock."""
        make_private_dir(self.path.parent)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the process's life
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)  # every instance must lock the same byte ("a+" starts at the end)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the lock
            self._handle = None
