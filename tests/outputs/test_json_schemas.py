"""The JSON Schemas (draft 2020-12) in docs/schemas, checked by the `jsonschema` library: every
example answers file and every example's checklist JSON validates; answers of the wrong shape
are refused by both the schema and the app's own loader (no shape slips past the loader)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from nextgen_wizard.domain.answers import AnswersError, answers_from_dict
from nextgen_wizard.domain.plan import plan
from nextgen_wizard.domain.render import render_json
from tests.helpers import CATALOG, EXAMPLES, ROOT

SCHEMAS = ROOT / "docs" / "schemas"


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_example_and_its_checklist_validate(path: Path) -> None:
    raw = json.loads(path.read_text())
    assert list(_validator("answers.schema.json").iter_errors(raw)) == []
    data = json.loads(render_json(plan(answers_from_dict(raw), CATALOG, date(2026, 12, 4))))
    assert [e.message for e in _validator("checklist.schema.json").iter_errors(data)] == []


@pytest.mark.parametrize(
    "wrong",
    [{"cmecf": True}, {"cmecf": 5}, {"pacer": True}, {"pacer": {"username": 5}}, {"courts": "mab"},
     {"courts": [1]}, {"filer": []}, {"cmecf": {"mab": True}}, {"keyring_entries": [5]}, {"role": 3},
     {"firm": 1}, {"cmecf": {"mab": {"linked": "yes"}}}, {"pacer": {"created_on": 5}}, {"colour": "blue"},
     {"pacer": {"account_type": "super"}}, {"schema_version": 9}],
)  # fmt: skip
def test_wrong_shapes_are_refused_by_the_schema_and_by_the_app(wrong: dict) -> None:
    raw = {"schema_version": 2, "courts": ["mab"], **wrong}
    assert list(_validator("answers.schema.json").iter_errors(raw)), wrong
    with pytest.raises(AnswersError):
        answers_from_dict(raw)
