"""Read an answers file a user, trainer or firm IT hands us, with one clear line per problem."""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.answers import Answers, AnswersError, answers_from_dict

MAX_ANSWERS_BYTES = 1_000_000  # an answers file is a few kB; anything this big is not one


class AnswersFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def read_answers_file(path: Path) -> Answers:
    try:
        size = path.stat().st_size
        if size > MAX_ANSWERS_BYTES:
            raise AnswersFileError(
                [f"{path}: {size:,} bytes is far too large for an answers file; check the file name"]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AnswersFileError([f"{path}: no such file; check the name and folder"]) from None
    except IsADirectoryError:
        raise AnswersFileError([f"{path}: is a folder, not an answers file"]) from None
    except OSError as error:
        raise AnswersFileError([f"{path}: cannot be read ({error.strerror or error})"]) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise AnswersFileError([f"{path}: is not a text file (expected JSON in UTF-8)"]) from None
    except json.JSONDecodeError as error:
        raise AnswersFileError(
            [f"{path}: is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]
        ) from None
    try:
        return answers_from_dict(data)
    except AnswersError as error:
        raise AnswersFileError([f"{path}: {p}" for p in error.problems]) from None
