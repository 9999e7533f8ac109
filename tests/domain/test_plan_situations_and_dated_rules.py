"""Each "Wrong today" case (each failed on the code before), the newer situations,
dated rules, and a property test over random answers."""

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextgen_wizard.domain.answers import Role, SignInProblem, answers_from_dict
from nextgen_wizard.domain.plan import plan
from nextgen_wizard.domain.render import render_json, render_text
from nextgen_wizard.domain.render_html import render_html
from nextgen_wizard.domain.render_ics import calendar_items
from nextgen_wizard.domain.rules import RULES, RULES_CHECKED, in_force
from nextgen_wizard.domain.steps import Status, StepId
from tests.helpers import CATALOG, EXAMPLES, answers, checklist, statuses

UPGRADE = StepId.UPGRADE_PACER_ACCOUNT


def _codes(result) -> set[str]:
    return {w.code for w in result.warnings}


# --- Wrong today, one test each ------------------------------------------------------------------


def test_upgraded_form_username_beats_an_early_creation_date() -> None:
    raw = answers(
        **{"pacer.account_type": None, "pacer.username": "pat.lawyer2016", "pacer.created_on": "2012-05-01"}
    )
    step = checklist(raw).find(UPGRADE)
    assert step.status is not Status.TODO  # was "you must upgrade"
    assert "keeps its creation date" in step.why


def test_upgrade_step_says_to_write_the_new_username_down() -> None:
    raw = answers(**{"pacer.account_type": "legacy"})
    step = checklist(raw).find(UPGRADE)
    assert "new username" in step.why and "write it down" in step.why
    assert any("NEW username" in line and "write the new username down" in line for line in step.how)


def test_own_legacy_account_plus_the_firms_shared_one() -> None:
    raw = answers(**{"pacer.uses_shared_account": True, "pacer.account_type": "legacy"})
    result = checklist(raw)
    found = statuses(result)
    assert found[("get-individual-pacer-account", None)] == "done"  # was "to do"
    assert found[("use-own-account-for-filing", None)] == "todo"
    assert found[("upgrade-pacer-account", None)] == "todo"
    assert "viewing only" in result.find(StepId.USE_OWN_ACCOUNT_FOR_FILING).why


@pytest.mark.parametrize(
    ("changes", "as_of", "code", "paths"),
    [
        ({"cmecf.mab": {"linked": True}}, "2021-09-01", "linked-before-switch", ("cmecf.mab.linked",)),
        (
            {"pacer.account_type": "upgraded", "pacer.username": "ab1234"},
            "2026-11-23",
            "upgraded-type-legacy-username",
            ("pacer.account_type", "pacer.username"),
        ),
        (
            {"cmecf.mab": {"knows_login": False, "login_recorded": True}},
            "2026-11-23",
            "unknown-login-but-recorded",
            ("cmecf.mab.knows_login", "cmecf.mab.login_recorded"),
        ),
        (
            {"pacer.account_type": None, "pacer.username": "ab1234", "pacer.created_on": "2016-01-01"},
            "2026-11-23",
            "legacy-username-created-after-cutoff",
            ("pacer.username", "pacer.created_on"),
        ),
        (
            {"pacer.account_type": "legacy", "pacer.username": "longusername"},
            "2026-11-23",
            "legacy-type-upgraded-username",
            ("pacer.account_type", "pacer.username"),
        ),
        ({"pacer.mfa_enrolled": True}, "2020-04-15", "mfa-before-it-existed", ("pacer.mfa_enrolled",)),
        (
            {"cmecf.mab": {"has_filing_account": False, "linked": True}},
            "2026-11-23",
            "no-filing-account-but-login",
            ("cmecf.mab.has_filing_account",),
        ),
        (
            {"pacer.can_sign_in": True, "pacer.sign_in_problem": "inactive"},
            "2026-11-23",
            "sign-in-problem-but-can-sign-in",
            ("pacer.can_sign_in", "pacer.sign_in_problem"),
        ),
        (
            {"role": "non-attorney", "attorney.cja_panel": True},
            "2026-11-23",
            "attorney-answers-for-another-role",
            ("role", "attorney.cja_panel"),
        ),
    ],
)
def test_contradictions_become_warnings(changes: dict, as_of: str, code: str, paths: tuple) -> None:
    raw = answers(**changes)
    if code == "linked-before-switch":
        raw["cmecf"]["mab"] = {"has_filing_account": True, "knows_login": True, "linked": True}
    result = checklist(raw, as_of)
    warning = next(w for w in result.warnings if w.code == code)
    assert set(paths) <= set(warning.answers)
    assert warning.text.endswith(".") and "Check" in warning.text
    assert result.warnings_for(paths[0])


def test_consistent_answers_give_no_warnings() -> None:
    assert checklist(answers()).warnings == ()


def test_browser_only_login_after_the_switch_is_the_same_for_unknown_and_false() -> None:
    plans = []
    for knows in (None, False):
        raw = answers(
            **{
                "cmecf.mab": {
                    "has_filing_account": True,
                    "knows_login": knows,
                    "login_saved_in_browser": True,
                }
            }
        )
        plans.append(statuses(checklist(raw, "2026-11-23")))
    assert plans[0] == plans[1]
    assert plans[0][("recover-cmecf-login", "mab")] == "todo"
    assert ("save-cmecf-login", "mab") not in plans[0]


def test_ninth_circuit_new_cases_go_to_acms_not_cmecf_linking() -> None:
    raw = answers(courts=["ca9"], **{"cmecf.ca9": {"has_filing_account": True, "knows_login": True}})
    raw["cmecf"] = {"ca9": {"has_filing_account": True, "knows_login": True, "old_cmecf_cases": False}}
    result = checklist(raw, "2026-11-23")
    acms = result.find(StepId.FILE_IN_ACMS, "ca9")
    assert acms.status is Status.DONE and "no further action" in acms.why
    assert result.find(StepId.LINK_CMECF_ACCOUNT, "ca9") is None
    raw["cmecf"]["ca9"]["old_cmecf_cases"] = None  # not asked yet: still no link (the court says so)
    assert checklist(raw, "2026-11-23").find(StepId.LINK_CMECF_ACCOUNT, "ca9") is None
    raw["cmecf"]["ca9"]["old_cmecf_cases"] = True
    assert checklist(raw, "2026-11-23").find(StepId.LINK_CMECF_ACCOUNT, "ca9") is None
    # before October 1, 2023 only immigration petitions were in ACMS: CM/ECF linking is the rule
    before = checklist(raw, "2023-09-30")
    assert before.find(StepId.LINK_CMECF_ACCOUNT, "ca9").optional is False
    assert before.find(StepId.FILE_IN_ACMS, "ca9").status is Status.VERIFY
    assert checklist(raw, "2021-04-30").find(StepId.FILE_IN_ACMS, "ca9") is None


def test_second_circuit_is_partly_on_acms() -> None:
    raw = answers(courts=["ca2"])
    raw["cmecf"] = {"ca2": {"has_filing_account": True, "knows_login": True}}
    result = checklist(raw, "2026-11-23")
    assert result.find(StepId.FILE_IN_ACMS, "ca2").status is Status.VERIFY
    assert result.find(StepId.LINK_CMECF_ACCOUNT, "ca2").status is Status.TODO


def test_a_2020_replay_carries_no_2025_rules() -> None:
    raw = answers(
        courts=["alsb"],
        **{"pacer.account_type": None, "pacer.username": "ab1234", "pacer.mfa_enrolled": False},
    )
    raw["cmecf"] = {"alsb": {"knows_login": True}}
    result = checklist(raw, "2020-04-15")
    assert result.find(StepId.ENROLL_MFA) is None
    assert all(item[1] != "pacer-password-change" for item in calendar_items(result))
    everything = render_text(result) + render_json(result)
    assert "180" not in everything and "14 to 45" not in everything and "MFA" not in everything
    later = checklist(raw, "2026-11-23")
    assert any(item[1] == "pacer-password-change" for item in calendar_items(later))


def test_mfa_advice_is_enrol_when_prompted_since_autumn_2025() -> None:
    raw = answers(**{"pacer.mfa_enrolled": False, "pacer.email_current": False})
    step = checklist(raw, "2026-11-23").find(StepId.ENROLL_MFA)
    assert step.due is None and "prompt" in step.title.lower()
    assert "only when PACER prompts" in step.why and "email" in step.why
    text = " ".join(step.how)
    assert (
        "Do not enrol before PACER prompts" in text and "backup codes" in text and "authenticator app" in text
    )
    early = checklist(raw, "2025-06-01").find(StepId.ENROLL_MFA)
    assert early.due == date(2025, 12, 31)  # the first announcements, as they were then


@pytest.mark.parametrize("court", ["wvsb", "tneb", "gub", "akb", "mab", "ca1", "bap1"])
def test_court_contacts_on_the_checklist_are_clean(court: str) -> None:
    raw = answers(courts=[court])
    raw["cmecf"] = {}
    text = render_text(checklist(raw))
    for bad in (
        "localhost",
        "webmaster",
        "chambers@",
        "866-222-8029",
        "janet_stafford",
        "617-748-9650" if court == "ca1" else "@@",
    ):
        assert bad not in text, (court, bad)


def test_the_august_2014_gap_and_the_trainer_script() -> None:
    # docs/trainers.md: with the example's legacy-form username the username decides; the gap
    # shows once the username is cleared and the date is 2014-08-05 (as is "prior to August 10").
    for day in ("2014-08-01", "2014-08-05", "2014-08-09", "2014-08-10"):
        raw = answers(**{"pacer.account_type": None, "pacer.created_on": day})
        step = checklist(raw).find(UPGRADE)
        assert step.status is Status.VERIFY and "Account Type" in step.why
    example = json.loads((EXAMPLES / "legacy-alsb.json").read_text())
    example["pacer"]["created_on"] = "2014-08-05"
    assert checklist(example, "2020-04-15").find(UPGRADE).status is Status.TODO


# --- the missing situations --------------------------------------------------------------------------


def _one(step_id: StepId, court: str | None = None, as_of: str = "2026-11-23", **changes: object):
    return checklist(answers(**changes), as_of).find(step_id, court)


def test_forgotten_pacer_login_self_service_and_the_october_2025_release() -> None:
    step = _one(
        StepId.RECOVER_PACER_LOGIN, **{"pacer.can_sign_in": False, "pacer.sign_in_problem": "forgot-login"}
    )
    assert step.status is Status.TODO and "Forgot Username" in step.how[0] and "7-digit" in step.how[1]
    assert "October 16, 2025" in step.why
    older = _one(
        StepId.RECOVER_PACER_LOGIN,
        None,
        "2025-10-15",
        **{"pacer.can_sign_in": False, "pacer.sign_in_problem": "forgot-login"},
    )
    assert "October 16, 2025" not in older.why


@pytest.mark.parametrize("problem", ["inactive", "deactivated"])
def test_inactive_and_deactivated_accounts_go_to_the_psc(problem: str) -> None:
    step = _one(
        StepId.REACTIVATE_PACER_ACCOUNT, **{"pacer.can_sign_in": False, "pacer.sign_in_problem": problem}
    )
    assert step.status is Status.TODO and step.contacts[0].name == "PACER Service Center"


def test_lost_cmecf_login_self_service_clerk_and_fallback() -> None:
    raw = answers(courts=["mdd", "mad"])
    raw["cmecf"] = {
        "mdd": {"has_filing_account": True, "knows_login": False},
        "mad": {"has_filing_account": True, "knows_login": False, "recovery_failed": True},
    }
    result = checklist(raw)
    mdd = result.find(StepId.RECOVER_CMECF_LOGIN, "mdd")
    assert "https://www.mdd.uscourts.gov/account-password-maintenance" in mdd.how[0]
    assert any("clerk" in line for line in mdd.how)
    mad = result.find(StepId.REQUEST_EFILING_PRIVILEGES, "mad")
    assert "cannot be recovered" in mad.why and "links your old account itself" in mad.why
    assert result.find(StepId.LINK_CMECF_ACCOUNT, "mad") is None


def test_lost_mfa_device_backup_codes_second_app_then_psc() -> None:
    step = _one(
        StepId.REGAIN_MFA_ACCESS, **{"pacer.can_sign_in": False, "pacer.sign_in_problem": "mfa-device-lost"}
    )
    how = " ".join(step.how)
    assert how.index("backup codes") < how.index("Manage MFA Settings") < how.index("PACER Service Center")


def test_staff_on_the_attorneys_login_and_filing_agents() -> None:
    shared = _one(StepId.STAFF_FILING_ACCESS, **{"staff.files_for_me": True, "staff.uses_my_login": True})
    assert "up to five" in shared.why and "local-rule" in shared.why
    assert "Filing Agent" in " ".join(shared.how)
    add = _one(StepId.ADD_FILING_AGENT, "mab", **{"staff.files_for_me": True, "staff.uses_my_login": False})
    assert "Find Filing Agent" in " ".join(add.how)
    agent = checklist(answers(role="filing-agent", **{"cmecf.mab": {"has_filing_account": False}}))
    step = agent.find(StepId.REGISTER_FILING_AGENT, "mab")
    assert step.status is Status.TODO and 'Role in Court "Filing Agent"' in " ".join(step.how)


def test_cja_trustee_pro_hac_vice_secondary_emails_creditors_pro_se() -> None:
    cja = _one(StepId.CJA_EXEMPTION, **{"attorney.cja_panel": True})
    assert "Change PACER Exemption Status" in " ".join(cja.how) and "two accounts" in " ".join(cja.how)
    trustee = _one(StepId.LINK_TRUSTEE_ACCOUNT, "mab", **{"attorney.trustee": True})
    assert trustee.status is Status.TODO
    phv = checklist(answers(**{"cmecf.mab": {"has_filing_account": False, "pro_hac_vice": True}}))
    assert "Pro Hac Vice" in phv.find(StepId.REQUEST_EFILING_PRIVILEGES, "mab").why
    emails = _one(StepId.ADD_SECONDARY_EMAILS, "mab", **{"staff.secondary_emails": True})
    assert emails.optional and "up to five" in " ".join(emails.how)
    creditor = checklist(answers(role="creditor", **{"creditor.claims_only": True}))
    assert creditor.find(StepId.FILE_CLAIMS_WITH_EPOC, "mab").status is Status.TODO
    assert creditor.find(StepId.LINK_CMECF_ACCOUNT, "mab") is None
    pro_se = checklist(answers(role="pro-se", **{"cmecf.mab": {"has_filing_account": False}}))
    step = pro_se.find(StepId.REQUEST_EFILING_PRIVILEGES, "mab")
    assert "Non-Attorney E-File Registration" in step.why and step.status is Status.VERIFY


def test_lead_times() -> None:
    raw = answers(**{"pacer.has_own_account": False, "pacer.registers_with_card": False})
    assert "7 to 10 business days" in checklist(raw).find(StepId.GET_INDIVIDUAL_PACER_ACCOUNT).why
    raw = answers(**{"cmecf.mab": {"has_filing_account": False}})
    assert "business day" in checklist(raw).find(StepId.REQUEST_EFILING_PRIVILEGES, "mab").why


# --- dates and the rules ---------------------------------------------------------------------------------


def test_rules_checked_is_printed_and_goes_stale_after_a_year() -> None:
    fresh = checklist(answers(), RULES_CHECKED.isoformat())
    assert "Rules last checked: December 4, 2026." in render_text(fresh)
    assert not fresh.rules_may_have_changed
    later = checklist(answers(), (RULES_CHECKED + timedelta(days=366)).isoformat())
    assert later.rules_may_have_changed
    assert "may have changed" in render_text(later) and "pacer.uscourts.gov" in render_text(later)
    assert json.loads(render_json(later))["rules_may_have_changed"] is True


def test_warnings_come_first_in_text_json_and_html() -> None:
    raw = answers(**{"pacer.account_type": "upgraded", "pacer.username": "ab1234"})
    result = checklist(raw)
    text = render_text(result)
    assert text.index("CHECK THESE ANSWERS FIRST") < text.index("1. ")
    data = json.loads(render_json(result))
    assert data["warnings"][0]["code"] == "upgraded-type-legacy-username"
    assert data["warnings"][0]["answers"] == ["pacer.account_type", "pacer.username"]
    html = render_html(result, generated=date(2026, 11, 25), version="test")
    assert html.index("Check these answers first") < html.index("Your steps")


# --- every example, and random answers -----------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_example_plans_cleanly(path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    for as_of in ("2020-04-15", "2021-09-01", "2025-09-01", "2026-11-25"):
        result = checklist(raw, as_of)
        (
            render_text(result),
            render_json(result),
            render_html(result, generated=date(2026, 11, 25), version="t"),
        )
        if as_of == "2026-11-25":
            assert result.warnings == (), (path.name, result.warnings)


def _answers_strategy():
    maybe = st.one_of(st.none(), st.booleans())
    login = st.fixed_dictionaries(
        {
            name: maybe
            for name in (
                "has_filing_account", "knows_login", "login_saved_in_browser", "login_recorded", "linked",
                "recovery_failed", "pro_hac_vice", "old_cmecf_cases", "trustee_linked", "secondary_emails_added",
            )
        }
    )  # fmt: skip
    courts = st.lists(
        st.sampled_from(["mab", "mad", "alsb", "ca9", "ca2", "bap1", "mdd", "ca1"]), unique=True, max_size=3
    )
    return courts.flatmap(
        lambda ids: st.fixed_dictionaries(
            {
                "schema_version": st.just(2),
                "role": st.one_of(st.none(), st.sampled_from([r.value for r in Role])),
                "courts": st.just(ids),
                "pacer": st.fixed_dictionaries(
                    {
                        "has_own_account": maybe,
                        "uses_shared_account": maybe,
                        "username": st.one_of(
                            st.none(), st.sampled_from(["ab1234", "pat.lawyer2016", "abc123", "x"])
                        ),
                        "account_type": st.one_of(
                            st.none(), st.sampled_from(["legacy", "upgraded", "unknown"])
                        ),
                        "created_on": st.one_of(
                            st.none(), st.dates(date(2000, 1, 1), date(2026, 1, 1)).map(str)
                        ),
                        "mfa_enrolled": maybe,
                        "email_current": maybe,
                        "can_sign_in": maybe,
                        "sign_in_problem": st.one_of(
                            st.none(), st.sampled_from([p.value for p in SignInProblem])
                        ),
                        "registers_with_card": maybe,
                    }
                ),
                "cmecf": st.fixed_dictionaries({court: login for court in ids}),
                "firm": st.fixed_dictionaries({"wants_billing_account": maybe, "has_billing_account": maybe}),
                "attorney": st.fixed_dictionaries({"cja_panel": maybe, "trustee": maybe}),
                "staff": st.fixed_dictionaries(
                    {"files_for_me": maybe, "uses_my_login": maybe, "secondary_emails": maybe}
                ),
                "creditor": st.fixed_dictionaries({"claims_only": maybe}),
            }
        )
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_answers_strategy(), as_of=st.dates(date(2014, 1, 1), date(2028, 12, 31)))
def test_random_answers_never_crash_nor_give_a_step_both_done_and_todo(raw: dict, as_of: date) -> None:
    result = plan(answers_from_dict(raw), CATALOG, as_of)
    seen: dict[tuple, set[Status]] = {}
    for step in result.steps:
        seen.setdefault((step.id, step.court), set()).add(step.status)
        for rule in step.rules:
            assert in_force(rule, as_of), (step.id, rule, as_of)
    for key, found in seen.items():
        assert not {Status.DONE, Status.TODO} <= found, key
        assert len(found) == 1, key  # one step per id and court
    render_text(result)
    render_json(result)
    calendar_items(result)


def test_every_rule_id_used_by_a_step_is_registered() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        result = checklist(json.loads(path.read_text()))
        for step in result.steps:
            assert set(step.rules) <= set(RULES), (path.name, step.id)
