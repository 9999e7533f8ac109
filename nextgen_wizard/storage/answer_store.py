"""The saved answers: atomic, versioned JSON; a bad file is moved aside, never lost or overwritten."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..domain.answers import Answers, AnswersError, answers_from_dict, answers_to_dict
from ..domain.i18n import _
from ..domain.record import Record, field
from .answers_reader import MAX_ANSWERS_BYTES, DamagedAnswers, NewerAnswers, parse_answers_bytes
from .files import NotAllowed, ReadError, WriteError, read_file, remove_leftover_temporaries, write_file
from .lazy_logger import LazyLogger
from .paths import make_private_dir

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

    Validate = Callable[[Any], Answers]

log = LazyLogger(__name__)


class StoreWriteError(OSError):
    """The answers could not be written; the message says why and what to do."""


class LoadResult(Record):
    """The answers as loaded, notices for the user, and whether the file may be overwritten."""

    answers: Answers
    notices: list[str] = field(default_factory=list)
    writable: bool = True  # False: the file must not be overwritten (newer version, or stuck)
    existed: bool = False


def encode_answers(answers: Answers) -> bytes:
    """The bytes of an answers file; ensure_ascii keeps any odd character as an escape, never a crash."""
    return (json.dumps(answers_to_dict(answers), indent=2, ensure_ascii=True) + "\n").encode("ascii")


class AnswerStore:
    def __init__(self, path: Path, validate: Validate = answers_from_dict) -> None:
        self.path = path
        self.validate = validate
        self.writable = True

    def load(self) -> LoadResult:
        return self._load(quarantine=self._quarantine)

    def _load(self, quarantine: Callable[[str], LoadResult]) -> LoadResult:
        try:
            raw = read_file(self.path, MAX_ANSWERS_BYTES)
        except FileNotFoundError:
            return LoadResult(Answers())
        except NotAllowed as error:  # a permission problem is not damage: leave the file as it is
            return self._stuck(str(error))
        except ReadError as error:
            # Translators: "it" stands for the answers file at the start of a reason: "it is a folder".
            return quarantine(str(error).replace(str(self.path), _("it"), 1))
        try:
            data = parse_answers_bytes(raw)
        except DamagedAnswers as error:
            return quarantine(str(error))
        except NewerAnswers as error:
            self.writable = False
            return LoadResult(
                Answers(),
                [
                    _(
                        "Your saved answers ({path}) were written by a newer version of NextGen Ready "
                        "({version}). They were left untouched. Update the app to continue with them; "
                        "until then this session is not saved there (use Save as... to keep it)."
                    ).format(path=self.path, version=error)
                ],
                writable=False,
                existed=True,
            )
        try:
            return LoadResult(self.validate(data), existed=True)
        except AnswersError as error:
            return quarantine(
                _("it does not hold valid answers ({problems})").format(
                    problems="; ".join(error.problems[:3])
                )
            )

    def load_read_only(self) -> LoadResult:
        """Load without moving anything (the folder cannot be written): a damaged file is only named."""
        self.writable = False
        result = self._load(quarantine=self._stuck)
        self.writable = False
        return result

    def _stuck(self, why: str) -> LoadResult:
        self.writable = False
        return LoadResult(
            Answers(),
            [
                _(
                    "Your saved answers could not be used: {why}. The file is left as it was and this "
                    "session is not saved there."
                ).format(why=why)
            ],
            writable=False,
        )

    def quarantine_copy_name(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"answers.corrupt-{stamp}.json")
        counter = 1
        while os.path.lexists(target):
            counter += 1
            target = self.path.with_name(f"answers.corrupt-{stamp}-{counter}.json")
        return target

    def _quarantine(self, why: str) -> LoadResult:
        target = self.quarantine_copy_name()
        try:
            os.replace(self.path, target)
        except OSError as error:
            log.warning("could not move a damaged answers file aside: %s", error.strerror)
            return self._stuck(
                _("{why}; it could not be moved aside ({reason})").format(why=why, reason=error.strerror)
            )
        log.warning("moved damaged answers aside to %s (%s)", target.name, why)
        return LoadResult(
            Answers(),
            [
                _(
                    "Your saved answers could not be used: {why}. The file was kept as {copy}. "
                    "The wizard starts fresh."
                ).format(why=why, copy=target)
            ],
        )

    def keep_copy(self, why: str) -> Path | None:
        """Copy the saved file aside (it is still used, minus what `why` names); None when it cannot."""
        target = self.quarantine_copy_name()
        try:
            write_file(target, read_file(self.path, MAX_ANSWERS_BYTES), overwrite=False, mode=0o600)
        except OSError:
            return None
        log.warning("kept a copy of the answers as %s (%s)", target.name, why)
        return target

    def save(self, answers: Answers) -> None:
        if not self.writable:
            raise StoreWriteError(
                _(
                    "Not saved: {path} is left untouched (see the earlier message). "
                    "Use Save as... to keep your answers elsewhere."
                ).format(path=self.path)
            )
        data = encode_answers(answers)
        if self._file_holds(data):
            return  # the file already holds exactly these answers (quitting after only looking): no write
        self._write(self.path, data, overwrite=True)
        log.info("answers saved")

    def _file_holds(self, data: bytes) -> bool:
        """Whether the file is a regular file of exactly these bytes (not emptied, cut short, edited
        or replaced by a link): only then may a save be skipped."""
        try:
            return read_file(self.path, MAX_ANSWERS_BYTES) == data
        except OSError:
            return False

    def save_as(self, answers: Answers, path: Path, *, overwrite: bool = False) -> None:
        self._write(path, encode_answers(answers), overwrite=overwrite, private_dir=False)

    def _write(self, path: Path, data: bytes, *, overwrite: bool, private_dir: bool = True) -> None:
        self.validate(json.loads(data))  # never write what would be refused when read back
        try:
            if private_dir:
                make_private_dir(path.parent)
            write_file(path, data, overwrite=overwrite, check=self._reads_back, mode=0o600)
        except WriteError as error:
            log.error("saving answers failed: %s", error)
            raise StoreWriteError(
                _(
                    "Your answers could not be saved: {reason} They are still here in the wizard; "
                    "use Save as... to keep them somewhere else."
                ).format(reason=error)
            ) from None
        except OSError as error:
            raise StoreWriteError(
                _(
                    "Your answers could not be saved: {reason} ({folder}). They are "
                    "still here in the wizard; use Save as... to keep them somewhere else."
                ).format(reason=error.strerror or error, folder=path.parent)
            ) from None

    def _reads_back(self, written: bytes) -> str | None:
        try:
            self.validate(parse_answers_bytes(written))
        except (DamagedAnswers, NewerAnswers, AnswersError) as error:
            return _("what was written would not load again ({reason})").format(reason=error)
        return None

    def remove(self) -> list[Path]:
        """Delete the saved answers, damaged copies and leftover temporary files; returns what went."""
        removed = []
        folder = self.path.parent
        for path in [self.path, *sorted(folder.glob("answers.corrupt-*.json"))]:
            if path.is_dir() and not path.is_symlink():
                continue  # a folder is never the app's to delete, whatever its name (its files may be yours)
            if os.path.lexists(path):
                path.unlink()
                removed.append(path)
        removed += remove_leftover_temporaries(folder)
        return removed
