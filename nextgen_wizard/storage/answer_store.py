"""The saved answers: atomic, versioned JSON; a bad file is moved aside, never lost or overwritten."""

from __future__ import annotations

import errno
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..domain.answers import (
    SCHEMA_VERSION,
    Answers,
    AnswersError,
    answers_from_dict,
    answers_to_dict,
    schema_version_of,
)
from .answer_files import MAX_ANSWERS_BYTES
from .paths import make_private_dir

log = logging.getLogger(__name__)


class StoreWriteError(OSError):
    """The answers could not be written; the message says why and what to do."""


@dataclass
class LoadResult:
    answers: Answers
    notices: list[str] = field(default_factory=list)
    writable: bool = True  # False: the file must not be overwritten (newer version, or stuck)
    existed: bool = False


def _write_problem(path: Path, error: OSError) -> str:
    folder = path.parent
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        why = f"the disk holding {folder} is full"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = f"the folder {folder} is read-only or you may not write there"
    else:
        why = f"{error.strerror or error} ({folder})"
    return (
        f"Your answers could not be saved: {why}. They are still here in the wizard; "
        "use Save as... to keep them somewhere else."
    )


def write_json_atomically(path: Path, data: object) -> None:
    """Temporary file in the same folder, flush + fsync, then os.replace: old or new, never half."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:  # mkstemp: mode 0600
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if os.name == "posix":
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


class AnswerStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.writable = True

    def load(self) -> LoadResult:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return LoadResult(Answers())
        except OSError as error:
            self.writable = False
            return LoadResult(
                Answers(),
                [
                    f"Your saved answers ({self.path}) cannot be read: {error.strerror}. "
                    "The wizard starts fresh and will not overwrite that file."
                ],
                writable=False,
            )
        if size > MAX_ANSWERS_BYTES:
            return self._quarantine(f"it is {size:,} bytes, far larger than any answers file")
        try:
            raw = json.loads(self.path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return self._quarantine("it is damaged (not readable JSON)")
        except OSError as error:
            self.writable = False
            return LoadResult(Answers(), [f"{self.path} cannot be read: {error.strerror}."], writable=False)
        version = schema_version_of(raw)
        if version is not None and version > SCHEMA_VERSION:
            self.writable = False
            return LoadResult(
                Answers(),
                [
                    f"Your saved answers ({self.path}) were written by a newer version of NextGen Ready "
                    f"(format {version}). They were left untouched. Update the app to continue with them; "
                    "until then this session is not saved there (use Save as... to keep it)."
                ],
                writable=False,
                existed=True,
            )
        try:
            return LoadResult(answers_from_dict(raw), existed=True)
        except AnswersError as error:
            return self._quarantine("it does not hold valid answers (" + "; ".join(error.problems[:3]) + ")")

    def _quarantine(self, why: str) -> LoadResult:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"answers.corrupt-{stamp}.json")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"answers.corrupt-{stamp}-{counter}.json")
        try:
            os.replace(self.path, target)
        except OSError as error:
            self.writable = False
            log.warning("could not move a damaged answers file aside: %s", error.strerror)
            return LoadResult(
                Answers(),
                [
                    f"Your saved answers could not be used: {why}. The file could not be moved aside "
                    f"({error.strerror}), so it is left as it was and this session is not saved there."
                ],
                writable=False,
            )
        log.warning("moved damaged answers aside to %s", target.name)
        return LoadResult(
            Answers(),
            [
                f"Your saved answers could not be used: {why}. The file was kept as {target}. "
                "The wizard starts fresh."
            ],
        )

    def save(self, answers: Answers) -> None:
        if not self.writable:
            raise StoreWriteError(
                f"Not saved: {self.path} is left untouched (see the earlier message). "
                "Use Save as... to keep your answers elsewhere."
            )
        self._write(self.path, answers)
        log.info("answers saved")

    def save_as(self, answers: Answers, path: Path, *, overwrite: bool = False) -> None:
        if path.exists() and not overwrite:
            raise StoreWriteError(f"{path} already exists; choose another name.")
        self._write(path, answers, private_dir=False)

    def _write(self, path: Path, answers: Answers, *, private_dir: bool = True) -> None:
        try:
            if private_dir:
                make_private_dir(path.parent)
            write_json_atomically(path, answers_to_dict(answers))
        except OSError as error:
            log.error("saving answers failed: %s", error.strerror)
            raise StoreWriteError(_write_problem(path, error)) from None

    def remove(self) -> list[Path]:
        """Delete the saved answers and any damaged copies; returns what was removed."""
        removed = []
        for path in [self.path, *sorted(self.path.parent.glob("answers.corrupt-*.json"))]:
            if path.exists():
                path.unlink()
                removed.append(path)
        return removed
