"""`nextgen-wizard mark`: tick a step off from the command line, see it done with its day in the
checklist JSON, untick it; bad step or court ids are exit 2 naming them; a lock is respected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run


def _steps(*extra: str) -> dict[tuple[str, str | None], dict]:
    data = json.loads(run("checklist", "--format", "json", "--as-of", "2026-12-04", *extra).stdout)
    return {(s["id"], s["court"]): s for s in data["steps"]}


@pytest.fixture
def mab() -> None:
    assert run("set", "courts", '["mab"]').returncode == 0
    assert run("set", "role", "attorney").returncode == 0


def test_ticking_a_court_step_changes_its_answer_and_keeps_the_day(mab: None) -> None:
    assert _steps()[("link-cmecf-account", "mab")]["status"] != "done"
    ticked = run("mark", "link-cmecf-account", "--court", "mab", "--as-of", "2026-12-04")
    assert ticked.returncode == 0 and "Done on 2026-12-04" in ticked.stdout
    step = _steps()[("link-cmecf-account", "mab")]
    assert step["status"] == "done" and step["done_on"] == "2026-12-04"
    assert run("mark", "link-cmecf-account", "--court", "mab", "--undo").returncode == 0
    step = _steps()[("link-cmecf-account", "mab")]
    assert step["status"] != "done" and step["done_on"] is None


def test_a_step_no_answer_stands_for_is_kept_done_with_its_day(mab: None) -> None:
    assert run("set", "staff.files_for_me", "true").returncode == 0
    assert run("set", "staff.uses_my_login", "true").returncode == 0
    assert _steps()[("staff-filing-access", None)]["status"] == "verify"
    assert run("mark", "staff-filing-access", "--as-of", "2026-11-30").returncode == 0
    step = _steps()[("staff-filing-access", None)]
    assert step["status"] == "done" and step["done_on"] == "2026-11-30" and "ticked this off" in step["why"]
    assert run("mark", "staff-filing-access", "--undo").returncode == 0
    assert _steps()[("staff-filing-access", None)]["status"] == "verify"


@pytest.mark.parametrize(
    ("arguments", "named"),
    [(("wait-for-letter",), '"wait-for-letter" is not a step'),
     (("link-cmecf-account", "--court", "zzz"), '"zzz" is not one of your courts'),
     (("link-trustee-account", "--court", "mab"), "is not on your checklist")],
)  # fmt: skip
def test_unknown_steps_and_courts_are_exit_2_naming_them(mab: None, arguments: tuple, named: str) -> None:
    result = run("mark", *arguments)
    assert result.returncode == 2 and named in result.stderr


def test_a_step_whose_answer_firm_policy_locks_is_refused(mab: None, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    policy = tmp_path / "policy.toml"
    policy.write_text('[answers."firm.wants_billing_account"]\nvalue = true\nlocked = true\n'
                      '[answers."firm.has_billing_account"]\nvalue = false\nlocked = true\n')  # fmt: skip
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(policy))
    result = run("mark", "firm-billing-account")
    assert result.returncode != 0 and "locked by your firm's policy" in result.stderr
    assert _steps()[("firm-billing-account", None)]["status"] == "todo"


def test_a_step_that_waits_says_since_when_and_what_to_do_when_it_takes_too_long(mab: None) -> None:
    assert run("set", "pacer.has_own_account", "false").returncode == 0
    assert run("set", "pacer.registers_with_card", "false").returncode == 0
    asked = run("mark", "get-individual-pacer-account", "--requested", "--as-of", "2026-11-01")
    assert asked.returncode == 0 and "Waiting since November 1, 2026 for PACER's activation letter" in asked.stdout
    step = _steps()[("get-individual-pacer-account", None)]  # the checklist of 2026-12-04
    assert step["waiting_since"] == "2026-11-01" and "longer than it usually takes" in step["why"]
    early = json.loads(run("checklist", "--format", "json", "--as-of", "2026-11-05").stdout)["steps"][0]
    assert "If nothing has come by November 15, 2026, call the PACER Service Center" in early["why"]
    assert run("mark", "get-individual-pacer-account", "--requested", "--undo").returncode == 0
    assert _steps()[("get-individual-pacer-account", None)]["waiting_since"] is None
    refused = run("mark", "enroll-mfa", "--requested")
    assert refused.returncode == 2 and "does not wait on anyone" in refused.stderr
