import json
from datetime import date

import pytest

from nextgen_wizard.domain.answers import (
    MIGRATIONS,
    SCHEMA_VERSION,
    AccountType,
    Answers,
    AnswersError,
    Role,
    SignInProblem,
    answers_from_dict,
    answers_to_dict,
    migrate,
)
from tests.helpers import EXAMPLES

ISSUE_EXAMPLE = {
    "schema_version": 1,
    "role": "attorney",
    "courts": ["mab", "alsb"],
    "pacer": {
        "has_own_account": True,
        "uses_shared_account": False,
        "username": "ab1234",
        "account_type": "unknown",
        "created_on": "2013-05-01",
        "mfa_enrolled": False,
    },
    "cmecf": {
        "mab": {
            "has_filing_account": True,
            "knows_login": False,
            "login_saved_in_browser": True,
            "linked": False,
        }
    },
    "firm": {"wants_billing_account": True, "has_billing_account": False},
}


def test_the_documented_example_loads() -> None:
    answers = answers_from_dict(ISSUE_EXAMPLE)
    assert answers.role is Role.ATTORNEY
    assert answers.courts == ["mab", "alsb"]
    assert answers.pacer.account_type is AccountType.UNKNOWN
    assert answers.pacer.created_on == date(2013, 5, 1)
    assert answers.cmecf["mab"].login_saved_in_browser is True
    assert answers.login_for("alsb").knows_login is None  # unanswered court: all unknown


def test_round_trip_keeps_every_answer() -> None:
    answers = answers_from_dict(ISSUE_EXAMPLE)
    again = answers_from_dict(json.loads(json.dumps(answers_to_dict(answers))))
    assert again == answers


def test_minimal_file_is_all_unanswered() -> None:
    assert answers_from_dict({"schema_version": 1}) == Answers()


def test_every_problem_is_reported_with_its_path() -> None:
    bad = {
        "schema_version": 1,
        "role": "lawyer",
        "courts": ["mab", "MAB", 7],
        "pacer": {
            "created_on": "2013-13-01",
            "has_own_account": "yes",
            "username": "ab 12",
            "account_type": "old",
        },
        "cmecf": {"mad": {"linked": 1}},
        "firm": [],
    }
    with pytest.raises(AnswersError) as caught:
        answers_from_dict(bad)
    problems = caught.value.problems
    expected = [
        'pacer.created_on: "2013-13-01" is not a date (YYYY-MM-DD)',
        'pacer.has_own_account: "yes" is not true, false or null',
        'courts[1]: "MAB" is listed twice',
        "courts[2]: 7 is not a name",
        "cmecf.mad: not one of your courts (mab)",
        "cmecf.mad.linked: 1 is not true, false or null",
        "firm: [] is not an object ({...})",
    ]
    for line in expected:
        assert line in problems
    assert any(p.startswith('role: "lawyer" is not one of "attorney" or "non-attorney" or') for p in problems)
    assert any(p.startswith("pacer.username: A PACER username has no spaces") for p in problems)
    assert any(p.startswith('pacer.account_type: "old" is not one of') for p in problems)


def test_unknown_fields_are_reported_with_a_suggestion() -> None:
    with pytest.raises(AnswersError) as caught:
        answers_from_dict({"schema_version": 1, "pacer": {"has_own_acount": True}, "colors": 1})
    assert 'pacer.has_own_acount: unknown field; did you mean "has_own_account"?' in caught.value.problems
    assert any(p.startswith("colors: unknown field") for p in caught.value.problems)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({}, 'schema_version: missing; add "schema_version": 3'),
        (
            {"schema_version": 4},
            "schema_version: 4 is from a newer version of NextGen Ready; update the app to read it",
        ),
        ({"schema_version": 0}, "schema_version: 0 is not 3"),
        ({"schema_version": True}, "schema_version: true is not 3"),  # as JSON writes it
    ],
)
def test_schema_version_is_checked(raw: dict, problem: str) -> None:
    with pytest.raises(AnswersError) as caught:
        answers_from_dict(raw)
    assert problem in caught.value.problems


def test_not_an_object_at_all() -> None:
    with pytest.raises(AnswersError) as caught:
        answers_from_dict([1, 2])
    assert "not an answers object" in caught.value.problems[0]


def test_null_means_unanswered_and_dates_must_be_strict() -> None:
    assert answers_from_dict({"schema_version": 1, "role": None, "pacer": None}).role is None
    with pytest.raises(AnswersError):
        answers_from_dict({"schema_version": 1, "pacer": {"created_on": "20130501"}})


def test_every_example_file_loads() -> None:
    files = sorted(EXAMPLES.glob("*.json"))
    assert len(files) >= 4
    for path in files:
        answers_from_dict(json.loads(path.read_text(encoding="utf-8")))


def test_keyring_entry_names_keep_their_case() -> None:
    answers = answers_from_dict({"schema_version": 1, "keyring_entries": ["NextGen Ready: PACER"]})
    assert answers.keyring_entries == ["NextGen Ready: PACER"]


def test_older_versions_are_migrated_step_by_step() -> None:
    """The mechanism a version 2 will use: each migration lifts one version."""

    def from_zero(raw: dict) -> dict:  # a made-up version 0 that called the role "job"
        raw["role"] = raw.pop("job")
        return raw

    answers = answers_from_dict(
        {"schema_version": 0, "job": "attorney"}, migrations={0: from_zero, **MIGRATIONS}
    )
    assert answers.role is Role.ATTORNEY
    with pytest.raises(AnswersError):  # without the migration, version 0 is refused
        answers_from_dict({"schema_version": 0, "job": "attorney"})


# --- schema version 2 -------------------------------------------------------------------------


def _leaves(data: object, path: str = "") -> dict[str, object]:
    if isinstance(data, dict):
        found: dict[str, object] = {}
        for key, value in data.items():
            found |= _leaves(value, f"{path}.{key}" if path else key)
        return found
    return {path: data}


def _v1_files() -> list:
    return [p for p in sorted(EXAMPLES.glob("*.json")) if json.loads(p.read_text())["schema_version"] == 1]


def test_schema_version_is_3_with_migrations_from_1_and_2() -> None:
    assert SCHEMA_VERSION == 3 and 1 in MIGRATIONS and 2 in MIGRATIONS


@pytest.mark.parametrize("raw", [ISSUE_EXAMPLE, *(json.loads(p.read_text()) for p in _v1_files())])
def test_migrating_version_1_loses_nothing(raw: dict) -> None:
    assert raw["schema_version"] == 1
    before = json.loads(json.dumps(raw))
    migrated = migrate(raw)
    assert raw == before  # the caller's dict is untouched
    assert migrated["schema_version"] == 3
    saved = answers_to_dict(answers_from_dict(raw))
    assert saved["schema_version"] == 3
    old, new = _leaves(before), _leaves(saved)
    for path, value in old.items():
        if path == "schema_version":
            continue
        assert new[path] == value, path
    # version 2's new fields start unanswered
    assert saved["staff"] == {"files_for_me": None, "uses_my_login": None, "secondary_emails": None}


def test_every_example_file_is_version_1_or_2_and_some_are_each() -> None:
    versions = {json.loads(p.read_text())["schema_version"] for p in EXAMPLES.glob("*.json")}
    assert versions == {1, 2}


def test_version_2_fields_round_trip() -> None:
    raw = {
        "schema_version": 2,
        "role": "filing-agent",
        "courts": ["mab"],
        "pacer": {"can_sign_in": False, "sign_in_problem": "mfa-device-lost", "registers_with_card": False},
        "cmecf": {
            "mab": {
                "recovery_failed": True,
                "pro_hac_vice": False,
                "old_cmecf_cases": None,
                "trustee_linked": True,
                "secondary_emails_added": False,
            }
        },
        "attorney": {"cja_panel": True, "trustee": False},
        "staff": {"files_for_me": True, "uses_my_login": False, "secondary_emails": True},
        "creditor": {"claims_only": True},
    }
    answers = answers_from_dict(raw)
    assert answers.role is Role.FILING_AGENT
    assert answers.pacer.sign_in_problem is SignInProblem.MFA_DEVICE_LOST
    assert answers.cmecf["mab"].recovery_failed is True
    assert answers_from_dict(json.loads(json.dumps(answers_to_dict(answers)))) == answers


def test_version_2_problems_are_reported_with_their_paths() -> None:
    with pytest.raises(AnswersError) as caught:
        answers_from_dict(
            {"schema_version": 2, "pacer": {"sign_in_problem": "forgot"}, "staff": {"uses_my_logn": True}}
        )
    assert any(p.startswith('pacer.sign_in_problem: "forgot" is not one of') for p in caught.value.problems)
    assert 'staff.uses_my_logn: unknown field; did you mean "uses_my_login"?' in caught.value.problems
