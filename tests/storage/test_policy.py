"""Firm policy: presets, locks, a malformed file, and that the app keeps working."""

import json
import os
from pathlib import Path

import pytest

from nextgen_wizard.domain.answers import Answers, Role
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.paths import app_paths
from nextgen_wizard.storage.policy import apply_policy, load_policy, policy_path
from tests.cli.test_cli import run
from tests.helpers import ROOT

EXAMPLE = ROOT / "packaging" / "deploy" / "policy.example.toml"

POLICY = """
[firm]
name = "Example & Sample LLP"
support = "IT help desk, 555-0100"

[wizard]
credential_storage = false

[answers."role"]
value = "attorney"
locked = true

[answers."courts"]
value = ["mab", "mad"]
locked = false
"""


@pytest.fixture
def policy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(POLICY)
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(path))
    return path


def test_the_example_policy_is_valid() -> None:
    policy = load_policy(EXAMPLE)
    assert policy.problems == []
    assert policy.firm_name == "Example & Sample LLP"
    assert policy.locked == {"firm.has_billing_account", "firm.wants_billing_account"}


def test_location_is_site_config_unless_overridden(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEXTGEN_WIZARD_POLICY", raising=False)
    assert policy_path(app_paths().site_config).name == "policy.toml"
    assert "NextGen Ready" in str(policy_path(app_paths().site_config))
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(tmp_path / "x.toml"))
    assert policy_path(app_paths().site_config) == tmp_path / "x.toml"


def test_locked_wins_unlocked_only_prefills(policy_file: Path) -> None:
    policy = load_policy(policy_file)
    fresh = apply_policy(policy, Answers()).answers
    assert fresh.role is Role.ATTORNEY and fresh.courts == ["mab", "mad"]
    assert fresh.filer.firm == "Example & Sample LLP"
    mine = apply_policy(policy, Answers(role=Role.NON_ATTORNEY, courts=["alsb"]))
    assert mine.answers.role is Role.ATTORNEY  # locked
    assert mine.answers.courts == ["alsb"]  # unlocked: the person's own choice stays
    assert "role is locked by your firm's policy" in mine.overridden[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[firm]\nname = "X"\ncolour = "blue"\n', "line 3: firm.colour: unknown setting"),
        ('[answers."role"]\nvalue = "boss"\nlocked = true\n', 'line 1: answers."role": "boss" is not one of'),
        (
            '[answers."pacer.username"]\nvalue = "ab1234"\n',
            'line 1: answers."pacer.username": cannot be preset',
        ),
        ('[wizard]\ncredential_storage = "no"\n', "line 2: wizard.credential_storage: must be true or false"),
        ('[answers."courts"]\nvalue = ["mab"]\nlocked = "yes"\n', "locked must be true or false"),
        ("[firm\nname = 1\n", "not valid TOML"),
    ],
)
def test_malformed_policy_names_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(text)
    policy = load_policy(path)
    assert policy.presets == {} and policy.problems
    assert any(str(path) in p and expected in p for p in policy.problems), policy.problems
    if "TOML" not in expected:  # a wrong key is left out; a file that does not parse fails closed
        assert not policy.failed


def test_a_wrong_key_leaves_the_others_in_force(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(
        '[firm]\nname = "X"\ncolour = "blue"\n[wizard]\ncredential_storage = false\n'
        '[answers."role"]\nvalue = "attorney"\nlocked = true\n'
    )
    policy = load_policy(path)
    assert policy.credential_storage is False and policy.firm_name == "X"
    assert policy.locked == {"role"} and len(policy.problems) == 1


def test_a_byte_order_mark_is_read_like_any_policy(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes("\ufeff[wizard]\ncredential_storage = false\n".encode())
    policy = load_policy(path)
    assert policy.problems == [] and policy.credential_storage is False


@pytest.mark.parametrize(
    "content",
    [b"[firm\n", b"\xff\xfe\x00garbage", b"[a]\n" + b"b = [" * 5000],
    ids=["not TOML", "not UTF-8", "nested too deep"],
)
def test_an_unreadable_policy_fails_closed(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(content)
    policy = load_policy(path)
    assert policy.failed and policy.credential_storage is False
    assert "Saving passwords and court data downloads are off" in policy.problems[0]


def test_a_named_policy_that_does_not_exist_fails_closed(tmp_path: Path) -> None:
    policy = load_policy(tmp_path / "missing.toml", required=True)
    assert policy.failed and policy.credential_storage is False and "does not exist" in policy.problems[0]
    assert not load_policy(tmp_path / "missing.toml").failed  # the default location may be empty


def test_court_ids_are_normalised_and_unknown_ones_named(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('[answers."courts"]\nvalue = [" MAB ", "xxb", "Mad"]\nlocked = true\n')
    policy = load_policy(path, known_courts={"mab", "mad"})
    assert policy.presets["courts"].value == ["mab", "mad"]
    assert any('"xxb" is not a court id' in p for p in policy.problems)


def test_a_lock_covers_every_path_below_it_and_its_parents(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('[answers."pacer.account_type"]\nvalue = "upgraded"\nlocked = true\n')
    policy = load_policy(path)
    assert policy.is_locked("pacer.account_type") and policy.is_locked("pacer")
    assert not policy.is_locked("pacer.username") and not policy.is_locked("pacer_x")


def test_toml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('[firm]\nname = "ok"\nsupport = \n')
    assert "line 3" in load_policy(path).problems[0]


def test_a_locked_answer_cannot_be_changed_from_the_cli(policy_file: Path) -> None:
    refused = run("set", "role", "non-attorney")
    assert refused.returncode == 2 and "locked by your firm's policy" in refused.stderr
    allowed = run("set", "courts", '["alsb"]')
    assert allowed.returncode == 0, allowed.stderr
    saved = json.loads(app_paths().answers_file.read_text())
    assert saved["courts"] == ["alsb"] and saved["role"] == "attorney"  # the locked preset applies


def test_a_locked_answer_wins_in_the_cli_checklist(policy_file: Path) -> None:
    AnswerStore(app_paths().answers_file).save(Answers(role=Role.NON_ATTORNEY, courts=["mab"]))
    result = run("checklist", "--format", "json")
    assert result.returncode == 0
    assert "role is locked by your firm's policy" in result.stderr


def test_set_validates_like_the_answers_file() -> None:
    bad = run("set", "pacer.created_on", "2013-13-01")
    assert bad.returncode == 2 and "is not a date (YYYY-MM-DD)" in bad.stderr
    unknown = run("set", "colour", "blue")
    assert unknown.returncode == 2 and "is not an answer" in unknown.stderr


def test_doctor_reports_the_policy_and_a_malformed_one(policy_file: Path) -> None:
    report = json.loads(run("doctor", "--format", "json").stdout)
    assert str(policy_file) in report["policy"] and "locked: role" in report["policy"]
    policy_file.write_text('[firm]\nname = "X"\ncolour = "blue"\n')
    broken_run = run("doctor", "--format", "json")
    broken = json.loads(broken_run.stdout)
    assert broken_run.returncode == 1 and "1 setting(s) left out" in broken["policy"]
    assert any("line 3" in p and "firm.colour" in p for p in broken["problems"])
    policy_file.write_text("[firm\n")
    unreadable_run = run("doctor", "--format", "json")
    unreadable = json.loads(unreadable_run.stdout)
    assert unreadable_run.returncode == 1 and "could NOT be used" in unreadable["policy"]
    assert unreadable["keyring"].get("turned_off_by_policy") is True


def test_the_app_still_starts_with_a_malformed_policy(policy_file: Path) -> None:
    policy_file.write_text("[firm\n")
    result = run("--self-test")
    assert result.returncode == 0
    checklist = run("checklist", "--answers", str(ROOT / "examples" / "legacy-alsb.json"))
    assert checklist.returncode == 0 and "policy could not be used" in checklist.stderr
    assert os.environ["NEXTGEN_WIZARD_POLICY"] == str(policy_file)
