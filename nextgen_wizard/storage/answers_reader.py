"""Read an answers file a user, trainer or firm IT hands us, with one clear line per problem.

The bytes are parsed defensively: a file nested thousands of levels deep, a number with
thousands of digits, NaN, an unknown or non-integer schema version each count as damage
with a reason, never as an "unexpected problem".
"""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.answers import MIGRATIONS, SCHEMA_VERSION, Answers, AnswersError, answers_from_dict
from ..domain.i18n import _
from .files import ReadError, read_file

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

MAX_ANSWERS_BYTES = 1_000_000  # an answers file is a few kB; anything this big is not one
MAX_DEPTH = 20  # the answers format is four levels deep
MAX_NUMBER_DIGITS = 20


class AnswersFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class DamagedAnswers(ValueError):
    """The bytes are not an answers file; str() is the reason in words."""


class NewerAnswers(ValueError):
    """Written by a newer version of the app: never overwritten, never quarantined."""

    def __init__(self, version: int) -> None:
        super().__init__(_("format {version}").format(version=version))
        self.version = version


def _number(text: str) -> int | float:
    if len(text.lstrip("-").replace(".", "").split("e")[0].split("E")[0]) > MAX_NUMBER_DIGITS:
        raise DamagedAnswers(
            _("it holds a number {digits} digits long, which no answer has").format(digits=len(text))
        )
    return float(text) if any(c in text for c in ".eE") else int(text)


def _no_constant(name: str) -> Any:
    raise DamagedAnswers(_("it holds {name}, which is not a JSON value").format(name=name))


def _depth(value: Any, limit: int) -> int:
    """How deeply lists and objects nest, without recursion (stops counting past `limit`)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_answers_bytes(raw: bytes) -> Any:
    """Parsed JSON, or DamagedAnswers with the reason; NewerAnswers for a newer format."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DamagedAnswers(_("it is not a text file (expected JSON in UTF-8)")) from None
    try:
        data = json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise DamagedAnswers(
            _("it is not valid JSON (line {line}, column {column}: {reason})").format(
                line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from None
    except RecursionError:
        raise DamagedAnswers(_("it is nested far deeper than any answers file")) from None
    except ValueError as error:  # DamagedAnswers from the hooks, or an int too long to convert
        if isinstance(error, DamagedAnswers):
            raise
        raise DamagedAnswers(
            _("it holds a value that cannot be read ({reason})").format(reason=error)
        ) from None
    if _depth(data, MAX_DEPTH) > MAX_DEPTH:
        raise DamagedAnswers(_("it is nested far deeper than any answers file"))
    check_schema_version(data)
    return data


def check_schema_version(data: Any) -> None:
    if not isinstance(data, dict):
        raise DamagedAnswers(
            _("it holds {kind}, not an answers object ({{...}})").format(kind=type(data).__name__)
        )
    if "schema_version" not in data:
        return  # answers_from_dict names the missing field
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise DamagedAnswers(
            _("its schema_version {version} is not a whole number").format(version=json.dumps(version)[:20])
        )
    if version > SCHEMA_VERSION:
        raise NewerAnswers(version)
    reachable = all(v in MIGRATIONS for v in range(version, SCHEMA_VERSION))
    if not reachable:
        raise DamagedAnswers(
            _("its schema_version {version} is not one NextGen Ready ever wrote").format(version=version)
        )


def read_answers_file(path: Path) -> Answers:
    try:
        raw = read_file(path, MAX_ANSWERS_BYTES)
    except FileNotFoundError:
        raise AnswersFileError(
            [_("{path}: no such file; check the name and folder").format(path=path)]
        ) from None
    except ReadError as error:
        raise AnswersFileError([_("{reason}; check the file name").format(reason=error)]) from None
    try:
        data = parse_answers_bytes(raw)
    except DamagedAnswers as error:
        raise AnswersFileError([f"{path}: {error}"]) from None
    except NewerAnswers as error:
        raise AnswersFileError(
            [
                _(
                    "{path}: written by a newer version of NextGen Ready ({version}); "
                    "update the app to read it"
                ).format(path=path, version=error)
            ]
        ) from None
    try:
        return answers_from_dict(data)
    except AnswersError as error:
        raise AnswersFileError([f"{path}: {p}" for p in error.problems]) from None
