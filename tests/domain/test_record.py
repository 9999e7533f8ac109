"""Records behave as the dataclasses they replaced: what callers, tests and logs rely on."""

from __future__ import annotations

import copy

import pytest

from nextgen_wizard.domain.plan import Step
from nextgen_wizard.domain.record import FrozenRecordError, Record, as_dict, field, fields, replace
from nextgen_wizard.storage.vault import Credential


class Point(Record, frozen=True):
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


class Draft(Record):
    title: str = ""


def test_fields_defaults_and_a_fresh_default_for_each_record() -> None:
    a, b = Point(1), Point(2, 3)
    assert (a.x, a.y, b.x, b.y) == (1, 0, 2, 3)
    a.tags.append("one")
    assert Point(1).tags == [], "a default_factory list is shared between records"
    assert list(fields(Point)) == ["x", "y", "tags"]


def test_frozen_records_refuse_changes_and_hash_by_value() -> None:
    point = Point(1, 2)
    with pytest.raises(FrozenRecordError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.y  # type: ignore[misc]
    assert point.x == 1
    assert len({Point(1, 2, ()), Point(1, 2, ())}) == 1  # type: ignore[arg-type]


def test_mutable_records_change_compare_by_value_and_are_not_hashable() -> None:
    draft = Draft()
    draft.title = "new"
    assert draft == Draft("new") and draft != Draft("old")
    assert Point(1) != (1, 0, [])
    with pytest.raises(TypeError):
        hash(draft)


def test_wrong_arguments_fail_as_a_dataclass_would() -> None:
    with pytest.raises(TypeError, match="missing 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected 'z'"):
        Point(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 3 arguments"):
        Point(1, 2, [], 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="has no default"):

        class Wrong(Record):
            a: int = 1
            b: int

    with pytest.raises(ValueError, match="default_factory"):

        class Shared(Record):
            items: list[int] = []  # noqa: RUF012 - the mistake this test makes on purpose


def test_repr_leaves_out_secrets() -> None:
    credential = Credential(login="jdoe", password="hunter2-secret")
    assert "jdoe" in repr(credential)
    assert "hunter2" not in repr(credential) and "hunter2" not in str(credential)


def test_replace_copy_and_as_dict() -> None:
    point = Point(1, 2, ["a"])
    moved = replace(point, y=9)
    assert (moved.x, moved.y, point.y) == (1, 9, 2)
    assert copy.deepcopy(point) == point
    assert as_dict({"p": [point]}) == {"p": [{"x": 1, "y": 2, "tags": ["a"]}]}


def test_the_apps_types_are_records() -> None:
    assert issubclass(Step, Record) and issubclass(Credential, Record)
