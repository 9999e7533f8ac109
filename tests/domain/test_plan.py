from datetime import date

import pytest

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.domain.plan import UnknownCourtError, plan
from nextgen_wizard.domain.steps import Status, StepId
from tests.helpers import CATALOG, answers, checklist, statuses

GET = StepId.GET_INDIVIDUAL_PACER_ACCOUNT
UPGRADE = StepId.UPGRADE_PACER_ACCOUNT


def test_a_filer_with_everything_done_sees_only_done_and_the_link() -> None:
    result = checklist(answers())
    assert statuses(result) == {
        ("get-individual-pacer-account", None): "done",
        ("upgrade-pacer-account", None): "done",
        ("enroll-mfa", None): "done",
        ("link-cmecf-account", "mab"): "todo",
    }


# --- individual account -------------------------------------------------------


@pytest.mark.parametrize(
    ("pacer", "status"),
    [
        ({"has_own_account": False}, Status.TODO),
        ({"has_own_account": True, "uses_shared_account": True}, Status.DONE),  # plus "use your own"
        ({"has_own_account": None, "uses_shared_account": True}, Status.TODO),
        ({"has_own_account": True, "uses_shared_account": False}, Status.DONE),
        ({"has_own_account": None, "uses_shared_account": None}, Status.VERIFY),
    ],
)
def test_individual_account(pacer: dict, status: Status) -> None:
    raw = answers(**{f"pacer.{k}": v for k, v in pacer.items()})
    assert checklist(raw).find(GET).status is status


def test_shared_account_says_why() -> None:
    raw = answers(**{"pacer.uses_shared_account": True, "pacer.has_own_account": None})
    step = checklist(raw).find(GET)
    assert "shared" in step.why.lower()
    assert step.contacts[0].emails == ("pacer@psc.uscourts.gov",)


def test_no_account_needs_no_upgrade_step() -> None:
    result = checklist(answers(**{"pacer.has_own_account": False, "pacer.account_type": None}))
    assert result.find(UPGRADE) is None


# --- upgrade -----------------------------------------------------------------


def _upgrade(as_of: str = "2026-11-23", courts: tuple[str, ...] = ("mab",), **pacer: object):
    raw = answers(**{"pacer.account_type": None, **{f"pacer.{k}": v for k, v in pacer.items()}})
    raw["courts"] = list(courts)
    raw["cmecf"] = {}
    return checklist(raw, as_of).find(UPGRADE)


@pytest.mark.parametrize(
    ("pacer", "status"),
    [
        ({"account_type": "legacy"}, Status.TODO),
        ({"account_type": "upgraded", "username": "ab1234"}, Status.DONE),
        ({"username": "ab1234"}, Status.TODO),
        ({"username": "AB1234", "created_on": "2009-01-01"}, Status.TODO),
        ({"username": "ab1234", "created_on": "2016-01-01"}, Status.TODO),  # username beats date
        ({"created_on": "2013-05-01"}, Status.TODO),
        ({"created_on": "2014-08-01"}, Status.VERIFY),
        ({"created_on": "2014-08-10"}, Status.VERIFY),
        ({"created_on": "2014-08-11"}, Status.DONE),
        ({"username": "janedoe2016"}, Status.VERIFY),
        ({"username": "abc123"}, Status.VERIFY),
        ({"account_type": "unknown"}, Status.VERIFY),
        ({}, Status.VERIFY),
    ],
)
def test_upgrade_status_from_type_username_and_date(pacer: dict, status: Status) -> None:
    assert _upgrade(**pacer).status is status


def test_the_august_gap_is_explained_in_the_plan() -> None:
    step = _upgrade(created_on="2014-08-05")
    assert "August 1, 2014" in step.why and "August 11, 2014" in step.why
    assert "Account Type" in step.why


def test_alsb_before_the_switch_upgrade_by_may_2() -> None:
    step = _upgrade(as_of="2020-04-15", courts=("alsb",), username="ab1234")
    assert step.status is Status.TODO
    assert step.due == date(2020, 5, 2)
    assert '"prior to May 3, 2020"' in step.why


def test_alsb_after_the_switch_upgrade_is_due_now() -> None:
    """A court already on NextGen: nobody files there until upgraded and linked, so it is due today
    (not some later court's last day, not "no date")."""
    step = _upgrade(as_of="2026-11-23", courts=("alsb",), username="ab1234")
    assert step.status is Status.TODO
    assert step.due == date(2026, 11, 23)
    assert "already on NextGen" in step.why and "Do it now" in step.why
    assert "upgrade-due-now" in step.rules


def test_alsb_deadline_passed_but_not_switched_says_act_now() -> None:
    step = _upgrade(as_of="2020-05-03", courts=("alsb",), username="ab1234")
    assert step.due == date(2020, 5, 2)
    assert "act now" in step.why


def test_mab_before_the_switch_due_the_day_before() -> None:
    step = _upgrade(as_of="2021-09-01", courts=("mab",), account_type="legacy")
    assert step.due == date(2021, 9, 19)


def test_earliest_pending_court_sets_the_deadline() -> None:
    step = _upgrade(as_of="2020-04-15", courts=("mab", "alsb"), account_type="legacy")
    assert step.due == date(2020, 5, 2)
    step = _upgrade(as_of="2020-06-01", courts=("mab", "alsb"), account_type="legacy")
    # alsb has switched: the upgrade is due now, not at mab's switch in 2021
    assert step.due == date(2020, 6, 1) and "already on NextGen" in step.why


# --- firm billing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("firm", "present"),
    [
        ({"wants_billing_account": True, "has_billing_account": False}, True),
        ({"wants_billing_account": True, "has_billing_account": None}, True),
        ({"wants_billing_account": True, "has_billing_account": True}, False),
        ({"wants_billing_account": False}, False),
        ({}, False),
    ],
)
def test_firm_billing_is_optional_and_only_when_wanted(firm: dict, present: bool) -> None:
    raw = answers()
    raw["firm"] = firm
    step = checklist(raw).find(StepId.FIRM_BILLING_ACCOUNT)
    assert (step is not None) == present
    if step:
        assert step.optional and step.status is Status.TODO


# --- MFA -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "enrolled", "status", "due"),
    [
        ("2025-05-10", False, None, None),
        ("2025-05-11", False, Status.TODO, date(2025, 12, 31)),
        ("2025-09-27", None, Status.VERIFY, date(2025, 12, 31)),
        ("2025-09-28", None, Status.TODO, None),  # from here: enrol when PACER prompts
        ("2025-12-31", None, Status.TODO, None),
        ("2026-01-01", False, Status.TODO, None),
        ("2026-11-23", True, Status.DONE, None),
    ],
)
def test_mfa(as_of: str, enrolled: bool | None, status: Status | None, due: date | None) -> None:
    raw = answers(**{"pacer.mfa_enrolled": enrolled, "pacer.email_current": None})
    step = checklist(raw, as_of).find(StepId.ENROLL_MFA)
    if status is None:
        assert step is None
        return
    assert step.status is status and step.due == due
    if status is not Status.DONE:
        assert "email" in step.why


# --- per court: login, save, link, privileges ----------------------------------------


def _court(as_of: str, court: str = "mab", **login: object):
    raw = answers()
    raw["courts"] = [court]
    raw["cmecf"] = {court: login}
    return statuses(checklist(raw, as_of)), checklist(raw, as_of)


def test_unknown_login_after_switch_sends_to_the_clerk_not_pacer() -> None:
    found, result = _court("2026-11-23", has_filing_account=True, knows_login=False)
    assert found[("recover-cmecf-login", "mab")] == "todo"
    step = result.find(StepId.RECOVER_CMECF_LOGIN, "mab")
    assert "ecf_accounts@mab.uscourts.gov" in step.contacts[0].emails
    assert "saved passwords" in step.how[0]  # the browser first, then the clerk
    assert "not PACER" in step.how[1]


def test_unsure_about_login_is_a_verify() -> None:
    found, _ = _court("2026-11-23", has_filing_account=True)
    assert found[("recover-cmecf-login", "mab")] == "verify"


def test_browser_only_login_before_switch_must_be_saved_by_the_day_before() -> None:
    found, result = _court("2021-09-01", knows_login=False, login_saved_in_browser=True)
    assert found[("save-cmecf-login", "mab")] == "todo"
    assert ("recover-cmecf-login", "mab") not in found  # the browser still has it
    step = result.find(StepId.SAVE_CMECF_LOGIN, "mab")
    assert step.due == date(2021, 9, 19)
    assert "cannot be recovered" in step.why


def test_browser_only_login_after_switch_is_lost_ask_the_clerk() -> None:
    found, result = _court("2026-11-23", knows_login=False, login_saved_in_browser=True)
    assert found[("recover-cmecf-login", "mab")] == "todo"
    assert ("save-cmecf-login", "mab") not in found
    assert "browser" in result.find(StepId.RECOVER_CMECF_LOGIN, "mab").why


def test_recorded_login_is_done() -> None:
    found, _ = _court("2021-09-01", knows_login=True, login_saved_in_browser=True, login_recorded=True)
    assert found[("save-cmecf-login", "mab")] == "done"


def test_link_scheduled_before_go_live_todo_after_done_when_linked() -> None:
    found, result = _court("2021-09-19", knows_login=True)
    assert found[("link-cmecf-account", "mab")] == "scheduled"
    assert result.find(StepId.LINK_CMECF_ACCOUNT, "mab").available_from == date(2021, 9, 20)
    found, _ = _court("2021-09-20", knows_login=True)
    assert found[("link-cmecf-account", "mab")] == "todo"
    found, _ = _court("2026-11-23", knows_login=True, linked=True)
    assert found[("link-cmecf-account", "mab")] == "done"


def test_linked_court_needs_no_login_steps() -> None:
    found, _ = _court("2026-11-23", knows_login=False, login_saved_in_browser=True, linked=True)
    assert ("recover-cmecf-login", "mab") not in found
    assert ("save-cmecf-login", "mab") not in found


def test_court_with_unknown_nextgen_date_before_the_feed_is_verify() -> None:
    found, result = _court("2022-06-01", court="ca1", knows_login=True)
    assert found[("link-cmecf-account", "ca1")] == "verify"
    assert "website" in result.find(StepId.LINK_CMECF_ACCOUNT, "ca1").why


def test_appellate_link_wording_and_ninth_circuit_acms_notice() -> None:
    _, result = _court("2026-11-23", court="ca9", knows_login=True, old_cmecf_cases=True)
    assert "ACMS" in result.find(StepId.FILE_IN_ACMS, "ca9").why
    step = result.find(StepId.LINK_CMECF_ACCOUNT, "ca9")
    assert any("Link my filer account" in line for line in step.how)


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("attorney", "Attorney Admissions/E-File Registration"),
        ("non-attorney", "Non-Attorney E-File Registration"),
    ],
)
def test_no_filing_account_requests_privileges_instead_of_linking(role: str, path: str) -> None:
    raw = answers(role=role)
    raw["cmecf"] = {"mab": {"has_filing_account": False}}
    result = checklist(raw)
    assert statuses(result)[("request-efiling-privileges", "mab")] == "todo"
    assert result.find(StepId.LINK_CMECF_ACCOUNT, "mab") is None
    assert path in result.find(StepId.REQUEST_EFILING_PRIVILEGES, "mab").why


# --- several courts, order, replay ---------------------------------------------------------


def test_several_courts_one_linked() -> None:
    raw = answers(courts=["mab", "mad", "alsb"])
    raw["cmecf"] = {
        "mab": {"knows_login": True, "linked": True},
        "mad": {"knows_login": True},
        "alsb": {"knows_login": True},
    }
    found = statuses(checklist(raw))
    assert found[("link-cmecf-account", "mab")] == "done"
    assert found[("link-cmecf-account", "mad")] == "todo"
    assert found[("link-cmecf-account", "alsb")] == "todo"


def test_steps_come_in_a_fixed_order_account_steps_first_then_courts_in_order() -> None:
    raw = answers(
        courts=["mad", "mab"], **{"pacer.account_type": "legacy", "firm.wants_billing_account": True}
    )
    raw["cmecf"] = {
        "mad": {"knows_login": False},
        "mab": {"login_saved_in_browser": True, "knows_login": True},
    }
    ids = [(s.id.value, s.court) for s in checklist(raw).steps]
    assert ids == [
        ("get-individual-pacer-account", None),
        ("upgrade-pacer-account", None),
        ("firm-billing-account", None),
        ("enroll-mfa", None),
        ("recover-cmecf-login", "mad"),
        ("link-cmecf-account", "mad"),
        ("save-cmecf-login", "mab"),
        ("link-cmecf-account", "mab"),
    ]


def test_replaying_alsb_before_and_after_the_switch_gives_different_plans() -> None:
    raw = answers(
        courts=["alsb"],
        **{"pacer.account_type": None, "pacer.username": "ab1234", "pacer.mfa_enrolled": False},
    )
    raw["cmecf"] = {"alsb": {"knows_login": True}}
    before, after = checklist(raw, "2020-04-15"), checklist(raw, "2026-11-23")
    assert statuses(before)[("link-cmecf-account", "alsb")] == "scheduled"
    assert statuses(after)[("link-cmecf-account", "alsb")] == "todo"
    assert before.find(UPGRADE).due == date(2020, 5, 2) and after.find(UPGRADE).due == date(2026, 11, 23)
    assert before.find(StepId.ENROLL_MFA) is None and after.find(StepId.ENROLL_MFA) is not None


def test_every_step_id_and_status_is_reachable() -> None:
    """Guards the vocabulary: a new id or status must come with a rule and a test."""
    seen_ids, seen_statuses = set(), set()
    cases = [
        (answers(**{"pacer.uses_shared_account": True, "firm.wants_billing_account": True}), "2026-11-23"),
        (answers(**{"pacer.account_type": "legacy", "pacer.mfa_enrolled": None}), "2026-11-23"),
        (answers(**{"cmecf.mab": {"knows_login": False}}), "2026-11-23"),
        (answers(**{"cmecf.mab": {"login_saved_in_browser": True, "knows_login": True}}), "2021-09-01"),
        (answers(**{"cmecf.mab": {"has_filing_account": False}}), "2026-11-23"),
        (answers(**{"pacer.has_own_account": True, "pacer.uses_shared_account": True}), "2026-11-23"),
        (answers(**{"pacer.can_sign_in": False, "pacer.sign_in_problem": "forgot-login"}), "2026-11-23"),
        (answers(**{"pacer.can_sign_in": False, "pacer.sign_in_problem": "inactive"}), "2026-11-23"),
        (answers(**{"pacer.can_sign_in": False, "pacer.sign_in_problem": "mfa-device-lost"}), "2026-11-23"),
        (
            answers(
                courts=["mab", "ca9"],
                **{
                    "attorney": {"cja_panel": True, "trustee": True},
                    "staff": {"files_for_me": True, "uses_my_login": True, "secondary_emails": True},
                },
            ),
            "2026-11-23",
        ),
        (
            answers(courts=["mab"], **{"staff.files_for_me": True, "staff.uses_my_login": False}),
            "2026-11-23",
        ),
        (answers(role="filing-agent", **{"cmecf.mab": {"has_filing_account": False}}), "2026-11-23"),
        (answers(role="creditor", **{"creditor.claims_only": True}), "2026-11-23"),
    ]
    for raw, as_of in cases:
        for step in checklist(raw, as_of).steps:
            seen_ids.add(step.id)
            seen_statuses.add(step.status)
    assert seen_ids == set(StepId)
    assert seen_statuses == set(Status)


def test_unknown_court_ids_are_all_reported_with_suggestions() -> None:
    raw = answers(courts=["mabb", "zzzz"])
    raw["cmecf"] = {}
    with pytest.raises(UnknownCourtError) as caught:
        plan(answers_from_dict(raw), CATALOG, date(2026, 11, 23))
    assert caught.value.problems[0] == 'courts[0]: "mabb" is not a known court id; did you mean mab?'
    assert caught.value.problems[1].startswith('courts[1]: "zzzz" is not a known court id; see')


def test_no_courts_yet_gives_a_note() -> None:
    raw = answers(courts=[])
    raw["cmecf"] = {}
    assert checklist(raw).notes
