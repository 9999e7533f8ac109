import json

from nextgen_wizard.domain.render import render_json, render_text
from tests.helpers import answers, checklist

STEP_FIELDS = {
    "id",
    "court",
    "status",
    "optional",
    "title",
    "why",
    "how",
    "due",
    "available_from",
    "contacts",
    "rules",
    "sources",
    "done_on",
    "waiting_since",
}


def _legacy_alsb():
    raw = answers(
        courts=["alsb"],
        **{
            "pacer.account_type": None,
            "pacer.username": "ab1234",
            "filer": {"name": "Pat Example", "firm": "Example LLP"},
        },
    )
    raw["cmecf"] = {"alsb": {"knows_login": True}}
    return checklist(raw, "2020-04-15")


def test_json_carries_every_step_field_with_iso_dates() -> None:
    data = json.loads(render_json(_legacy_alsb()))
    assert data["as_of"] == "2020-04-15"
    assert data["format_version"] == 1
    assert data["courts"][0]["id"] == "alsb" and data["courts"][0]["nextgen"] == "upcoming"
    for step in data["steps"]:
        assert set(step) == STEP_FIELDS
    upgrade = next(s for s in data["steps"] if s["id"] == "upgrade-pacer-account")
    assert upgrade["due"] == "2020-05-02" and upgrade["status"] == "todo"
    link = next(s for s in data["steps"] if s["id"] == "link-cmecf-account")
    assert link["available_from"] == "2020-05-04" and link["court"] == "alsb"
    assert link["contacts"][0]["emails"] == ["alsbecf_helpdesk@alsb.uscourts.gov"]


def test_text_reads_as_a_checklist() -> None:
    text = render_text(_legacy_alsb())
    assert "For: Pat Example, Example LLP" in text
    assert "As of: April 15, 2020" in text
    assert "[ ] 2. Upgrade your PACER account" in text
    assert "To do - Due May 2, 2020" in text
    assert "Not yet possible - From May 4, 2020" in text
    assert "Not affiliated with the federal judiciary" in text
    assert all(len(line) <= 78 for line in text.splitlines())


def test_done_steps_are_ticked_without_instructions() -> None:
    text = render_text(checklist(answers()))
    assert "[x] 1. Have your own individual PACER account" in text
    assert "registration wizard" not in text


def test_overdue_dates_say_so() -> None:
    raw = answers(courts=["alsb"], **{"pacer.account_type": "legacy"})
    raw["cmecf"] = {}
    assert "Was due May 2, 2020" in render_text(checklist(raw, "2020-05-03"))
