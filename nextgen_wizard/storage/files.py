"""The one way the app writes a file, and the one way it reads one it did not write itself.

Writing: a temporary file made by `tempfile.mkstemp` beside the target (unpredictable name,
created exclusively, never through a symlink), written, flushed and fsynced, read back and
checked, then renamed over the target. On any failure the old file is untouched and the
error says what happened in words. Reading: only a regular file, never more than a cap,
without blocking on a FIFO or following a link planted in its place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from ..domain.i18n import _

TEMP_PREFIX = ".nextgen-"
TEMP_SUFFIX = ".tmp"
# Names of temporary files earlier versions left behind; removed like our own.
LEGACY_TEMP_GLOBS = (".answers-*.tmp", ".*.tmp")


class WriteError(OSError):
    """Nothing was replaced; str() is the sentence for the user."""


class ReadError(OSError):
    """The file could not be read as a regular file under the cap; str() says why."""


class NotAllowed(ReadError):
    """The file is there but may not be read (permissions): nothing is wrong with it."""


Check = Callable[[bytes], str | None]  # returns the problem in words, or None when the bytes are right


def why_not_written(error: OSError, folder: Path) -> str:
    """The reason in words a lawyer understands."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return _("the disk holding {folder} is full").format(folder=folder)
    if error.errno == errno.EROFS:
        return _("{folder} is on a read-only disk").format(folder=folder)
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("you may not write in {folder}").format(folder=folder)
    if error.errno == errno.ENOENT:
        return _("the folder {folder} does not exist").format(folder=folder)
    if error.errno == errno.ENOTDIR:
        return _("{folder} is not a folder").format(folder=folder)
    return _("{reason} ({folder})").format(reason=error.strerror or error, folder=folder)


def _not_written(path: Path, why: object) -> str:
    return _("{path} was not written: {why}. Nothing was replaced.").format(path=path, why=why)


def _cannot_read(path: Path, error: OSError) -> str:
    return _("{path} cannot be read ({reason})").format(path=path, reason=error.strerror or error)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_file(
    path: Path,
    data: bytes,
    *,
    overwrite: bool = True,
    check: Check | None = None,
    mode: int | None = None,
) -> None:
    """Replace `path` with `data` atomically, or raise WriteError and leave `path` as it was.

    `check` re-reads what was written (a PDF re-opened, a calendar parsed back) before the rename.
    Without `overwrite`, an existing target is refused rather than replaced.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not data:
        raise WriteError(
            _("{path} was not written: there was nothing to write. Nothing was replaced.").format(path=path)
        )
    if not overwrite and os.path.lexists(path):
        raise WriteError(
            _("{path} already exists; choose another name or allow replacing it").format(path=path)
        )
    if os.path.isdir(path):
        raise WriteError(_("{path} is a folder; choose a file name").format(path=path))
    import tempfile  # here: with shutil and random it is ~6 ms that read-only commands skip

    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    except OSError as error:
        raise WriteError(_not_written(path, why_not_written(error, folder))) from None
    try:
        try:
            with os.fdopen(descriptor, "wb") as handle:  # mkstemp: 0600, O_EXCL, no link followed
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if mode is not None:
                os.chmod(temporary, mode)
            written = Path(temporary).read_bytes()
        except OSError as error:
            raise WriteError(_not_written(path, why_not_written(error, folder))) from None
        if written != data:
            raise WriteError(_not_written(path, _("the disk gave back something else")))
        problem = check(written) if check else None
        if problem:
            raise WriteError(_not_written(path, problem))
        if not overwrite and os.path.lexists(path):
            raise WriteError(
                _("{path} already exists; choose another name or allow replacing it").format(path=path)
            )
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise WriteError(_not_written(path, why_not_written(error, folder))) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(folder)


def remove_leftover_temporaries(folder: Path, older_than_seconds: float = 0.0) -> list[Path]:
    """Delete temporary files of the app's own naming that a killed run left in `folder`."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    patterns = (f"{TEMP_PREFIX}*{TEMP_SUFFIX}", *LEGACY_TEMP_GLOBS)
    seen: set[Path] = set()
    for pattern in patterns:
        for candidate in folder.glob(pattern):
            if candidate in seen:
                continue
            seen.add(candidate)
            try:
                info = candidate.lstat()
                if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than_seconds:
                    continue
                candidate.unlink()
            except OSError:
                continue
            removed.append(candidate)
    return removed


def read_file(path: Path, cap: int) -> bytes:
    """The bytes of a regular file of at most `cap` bytes; anything else raises ReadError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ReadError(
                _("{path} is a link, not a file; it was not followed").format(path=path)
            ) from None
        if error.errno == errno.EISDIR:
            raise ReadError(_("{path} is a folder, not a file").format(path=path)) from None
        if error.errno in (errno.EACCES, errno.EPERM):
            raise NotAllowed(_cannot_read(path, error)) from None
        raise ReadError(_cannot_read(path, error)) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(
                _("{path} is not a regular file (a device, pipe or folder is in its place)").format(path=path)
            )
        if info.st_size > cap:
            raise ReadError(
                _("{path} is {size:,} bytes, far larger than it can be").format(path=path, size=info.st_size)
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, 65536)
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                raise ReadError(
                    _("{path} grew past {cap:,} bytes while being read").format(path=path, cap=cap)
                )
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        if isinstance(error, ReadError):
            raise
        raise ReadError(_cannot_read(path, error)) from None
    finally:
        os.close(descriptor)
