"""The calendar export as real calendar clients read it: python `icalendar` and libical (through
Debian's GObject bindings in the system python3). Two attorneys' exports imported into one
shared calendar keep both; exporting again updates instead of duplicating; every deadline has
reminders; a checklist with nothing dated writes no file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from nextgen_wizard.domain.render_ics import NothingToSchedule, render_ics
from tests.cli.test_cli import run
from tests.helpers import EXAMPLES, answers, checklist
from tests.packaging.tools import ours_or_skip as skip_or_fail

PROBE = Path(__file__).with_name("libical_probe.py")


def _libical(*files: Path) -> dict:
    python = shutil.which("python3", path="/usr/bin:/bin")
    if python is None:
        skip_or_fail("the system python3 is needed for libical's bindings")
    result = subprocess.run([python, str(PROBE), *map(str, files)], capture_output=True, text=True, timeout=60)
    if result.returncode != 0 and ("ICalGLib" in result.stderr or "No module named 'gi'" in result.stderr):
        skip_or_fail("libical's bindings are not installed (Debian: gir1.2-ical-3.0 python3-gi)")
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def _legacy(name: str, firm: str = "Example LLP") -> dict:
    raw = json.loads((EXAMPLES / "legacy-alsb.json").read_text())
    raw["filer"] = {"name": name, "firm": firm}
    return raw


def test_two_filers_in_one_shared_calendar_keep_both_and_say_whose_deadline(tmp_path: Path) -> None:
    from icalendar import Calendar

    first, second = tmp_path / "pat.ics", tmp_path / "sam.ics"
    first.write_bytes(render_ics(checklist(_legacy("Pat Example"), "2020-04-15")))
    second.write_bytes(render_ics(checklist(_legacy("Sam Sample"), "2020-04-15")))
    found = _libical(first, second)
    counts = [len(found["files"][str(path)]["events"]) for path in (first, second)]
    assert all(f["parsed"] and f["errors"] == 0 for f in found["files"].values())
    assert found["merged"]["events"] == sum(counts)  # no UID shared between the two filers
    assert any(s.startswith("Pat Example: Last day") for s in found["merged"]["summaries"])
    assert any(s.startswith("Sam Sample: Last day") for s in found["merged"]["summaries"])
    for path in (first, second):  # python icalendar agrees
        assert len(Calendar.from_ical(path.read_bytes()).walk("VEVENT")) == counts[0]


def test_exporting_again_later_updates_the_same_events(tmp_path: Path) -> None:
    raw = json.loads((EXAMPLES / "upgraded-linked.json").read_text())
    court = raw["courts"][0]
    raw["cmecf"] = {court: {"has_filing_account": True, "knows_login": True, "linked": False}}
    monday, friday = tmp_path / "monday.ics", tmp_path / "friday.ics"
    monday.write_bytes(render_ics(checklist(raw, "2026-11-23")))
    friday.write_bytes(render_ics(checklist(raw, "2026-11-27")))  # the password reminder's start moved
    found = _libical(monday, friday)
    assert found["merged"]["events"] == len(found["files"][str(monday)]["events"])


def test_every_last_day_has_reminders_a_week_and_a_day_before(tmp_path: Path) -> None:
    from icalendar import Calendar

    path = tmp_path / "alsb.ics"
    path.write_bytes(render_ics(checklist(_legacy("Pat Example"), "2020-04-15")))
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    last_day = next(e for e in events if "Last day" in str(e["SUMMARY"]))
    triggers = sorted(a.decoded("TRIGGER").days for a in last_day.walk("VALARM"))
    assert triggers == [-7, -1]
    assert all(e["UID"].endswith("@nextgen-ready.invalid") and "2020-04-15" not in e["UID"] for e in events)
    assert all(event["alarms"] >= 1 for event in _libical(path)["files"][str(path)]["events"])


def test_nothing_dated_means_no_calendar_file(tmp_path: Path) -> None:
    raw = answers(**{"cmecf.mab": {"has_filing_account": True, "knows_login": True, "linked": True}})
    nothing = checklist(raw, "2024-06-01")  # before the 180-day password rule; every step done
    with pytest.raises(NothingToSchedule):
        render_ics(nothing)
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(raw))
    out = tmp_path / "dates.ics"
    result = run("checklist", "--answers", str(answers_file), "--as-of", "2024-06-01", "--format", "ics",
                 "-o", str(out))  # fmt: skip
    assert result.returncode == 1 and "no calendar" in result.stderr and "No file was written" in result.stderr
    assert not out.exists()
