"""What the outside audit of December 2026 found wrong in the advice, each checked as a lawyer
reading the checklist would notice it, and every step's sources one click away."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.domain.courts import NextGenState
from nextgen_wizard.domain.plan import plan
from nextgen_wizard.domain.render import render_json, render_text
from nextgen_wizard.domain.rules import RULES
from nextgen_wizard.domain.sources import SOURCES, split_keys
from nextgen_wizard.domain.steps import StepId
from tests.helpers import CATALOG, EXAMPLES, ROOT, answers, checklist


def _example(name: str, as_of: str = "2026-12-04"):
    return checklist(json.loads((EXAMPLES / name).read_text()), as_of)


def test_pro_hac_vice_says_the_order_depends_on_the_court_and_links_its_page() -> None:
    step = _example("pro-hac-vice.json").find(StepId.REQUEST_EFILING_PRIVILEGES, "mab")
    assert "after the court grants your motion" not in step.why
    assert "order depends on the court" in step.why and "BEFORE you file the motion" in step.why
    assert "https://www.mab.uscourts.gov/pro-hac-vice-procedures" in step.why
    raw = answers(courts=["nysd"], **{"cmecf.nysd": {"has_filing_account": False, "pro_hac_vice": True}})
    raw["cmecf"].pop("mab")
    nysd = checklist(raw).find(StepId.REQUEST_EFILING_PRIVILEGES, "nysd")
    assert "https://wp.nysd.uscourts.gov/index.php/attorney/prohac" in nysd.why
    assert "https://wp.nysd.uscourts.gov/index.php/attorney/prohac" in [s.url for s in nysd.sources]


def test_trustee_is_warned_before_the_link_step_that_a_link_cannot_be_undone() -> None:
    raw = json.loads((EXAMPLES / "trustee.json").read_text())
    raw["cmecf"]["mab"]["linked"] = False
    result = checklist(raw)
    ids = [(s.id, s.court) for s in result.steps]
    trustee = result.find(StepId.LINK_TRUSTEE_ACCOUNT, "mab")
    assert ids.index((StepId.LINK_TRUSTEE_ACCOUNT, "mab")) < ids.index((StepId.LINK_CMECF_ACCOUNT, "mab"))
    assert "cannot be undone" in trustee.why and "separate PACER account" in trustee.why
    assert "Some courts want" not in " ".join(trustee.how)


def test_lost_mfa_device_with_a_filing_due_says_what_to_do_today() -> None:
    step = _example("lost-mfa-device.json").find(StepId.REGAIN_MFA_ACCESS)
    assert "filing is due" in step.why and "emergency or technical-failure" in step.why
    assert "clerk" in step.how[0]
    names = [c.name for c in step.contacts]
    assert names[0] == "PACER Service Center" and any("Massachusetts" in n or "mad" in n.lower() for n in names[1:])


def test_ninth_circuit_registered_filer_needs_no_link_and_acms_all_new_only_from_october_2023() -> None:
    result = _example("ninth-circuit-acms.json")
    assert result.find(StepId.LINK_CMECF_ACCOUNT, "ca9") is None
    acms = result.find(StepId.FILE_IN_ACMS, "ca9").why
    assert "no link step" in acms and "October 1, 2023" in acms and "2021" not in acms
    raw = json.loads((EXAMPLES / "ninth-circuit-acms.json").read_text())
    raw["cmecf"]["ca9"]["old_cmecf_cases"] = True  # still no link: the court says no further action
    assert checklist(raw).find(StepId.LINK_CMECF_ACCOUNT, "ca9") is None
    early = checklist(raw, "2022-06-01").find(StepId.FILE_IN_ACMS, "ca9")
    assert "new immigration petitions" in early.why and "all new cases" not in early.why
    ca9 = CATALOG["ca9"]
    assert ca9.emails and ca9.phones and "emergenc" in ca9.phones[0]


def test_forgotten_username_with_a_stale_email_goes_straight_to_the_psc() -> None:
    raw = answers(**{"pacer.can_sign_in": False, "pacer.sign_in_problem": "forgot-login", "pacer.email_current": False})
    step = checklist(raw).find(StepId.RECOVER_PACER_LOGIN)
    assert "out of date" in step.why and "call the PACER Service Center directly" in step.why
    assert "clerk" in step.why
    assert not step.how[0].startswith("On PACER's login page")  # not the reset that goes to the old email
    fresh = checklist(answers(**{"pacer.can_sign_in": False, "pacer.sign_in_problem": "forgot-login"}))
    assert fresh.find(StepId.RECOVER_PACER_LOGIN).how[0].startswith("On PACER's login page")


def test_cja_two_account_note_is_not_shown_as_current() -> None:
    step = checklist(answers(**{"attorney.cja_panel": True})).find(StepId.CJA_EXEMPTION)
    how = " ".join(step.how)
    assert "predates NextGen" in how and "follow your court's instructions where they differ" not in how


def test_a_claims_only_creditor_gets_no_pacer_account_or_mfa_to_do() -> None:
    result = _example("creditor-epoc.json")
    ids = {s.id for s in result.steps}
    assert ids == {StepId.FILE_CLAIMS_WITH_EPOC}
    assert any("need no PACER account" in note for note in result.notes)


def test_the_bap9_lead_time_is_on_the_registration_step_not_the_link_step() -> None:
    raw = answers(courts=["bap9"], **{"cmecf.bap9": {"has_filing_account": False}})
    raw["cmecf"].pop("mab")
    assert "up to 7 days" in checklist(raw).find(StepId.REQUEST_EFILING_PRIVILEGES, "bap9").why
    raw["cmecf"]["bap9"] = {"has_filing_account": True, "knows_login": True}
    assert "7 days" not in checklist(raw).find(StepId.LINK_CMECF_ACCOUNT, "bap9").why


def test_after_the_switch_the_browser_is_still_worth_a_look_before_the_clerk() -> None:
    raw = answers(**{"cmecf.mab": {"has_filing_account": True, "knows_login": None, "login_saved_in_browser": True}})
    step = checklist(raw).find(StepId.RECOVER_CMECF_LOGIN, "mab")
    assert "saved passwords" in step.how[0] and "saved passwords" in step.why
    assert "which lost it" not in step.why


@pytest.mark.parametrize(
    ("court", "as_of", "state"),
    [("ca2", "2014-12-01", NextGenState.LIVE), ("ca2", "2014-10-01", NextGenState.UPCOMING),
     ("mdd", "2022-01-01", NextGenState.UPCOMING), ("deb", "2021-03-01", NextGenState.LIVE),
     ("ca9", "2018-04-15", NextGenState.UPCOMING), ("ca9", "2018-05-15", NextGenState.UNKNOWN),
     ("ca9", "2018-06-01", NextGenState.LIVE)],
)  # fmt: skip
def test_replays_before_2023_know_the_searched_go_live_dates_and_say_they_are_unconfirmed(
    court: str, as_of: str, state: NextGenState
) -> None:
    status = CATALOG[court].nextgen_status(date.fromisoformat(as_of))
    assert status.state is state
    assert "not yet confirmed" in status.text


def test_replays_speak_in_their_own_tense_and_say_when_the_rules_were_checked() -> None:
    mid_2025 = checklist(answers(**{"pacer.mfa_enrolled": False}), "2025-07-01")
    mfa = mid_2025.find(StepId.ENROLL_MFA)
    assert "will be selected" in mfa.why and "were selected" not in mfa.why
    replay = render_text(checklist(answers(), "2019-06-01"))
    assert "later than the date shown" in replay


def test_a_court_with_no_phone_or_email_names_its_circuit_clerk() -> None:
    raw = answers(courts=["bap10"], **{"cmecf.bap10": {"has_filing_account": True, "knows_login": True}})
    raw["cmecf"].pop("mab")
    step = checklist(raw).find(StepId.LINK_CMECF_ACCOUNT, "bap10")
    assert any("Tenth Circuit" in c.name and c.phones for c in step.contacts)


def test_website_links_point_at_the_courts_sites_not_their_filing_hosts() -> None:
    for court_id in ("cand", "paed", "vid", "gub", "bap9", "cofc", "jpml", "nmib", "nmid", "vib"):
        web = CATALOG[court_id].web_url
        assert web and web.startswith("https://") and "://ecf." not in web and "bap09" not in web, court_id


def test_the_court_of_appeals_for_veterans_claims_is_there_and_marked_as_not_from_the_feed() -> None:
    cavc = CATALOG["cavc"]
    assert not cavc.in_feed and cavc.acms_status(date(2026, 10, 1)).all_new_cases
    assert cavc.acms_status(date(2026, 9, 30)) is None
    assert [c.id for c in CATALOG.search("veterans")] == ["cavc"]


def test_courts_paeb_shows_the_login_help_extension() -> None:
    result = subprocess.run([sys.executable, "-m", "nextgen_wizard", "courts", "paeb"], capture_output=True,
                            text=True, timeout=60, cwd=ROOT)  # fmt: skip
    assert "215-408-2800 ext. 2817 (For login/pswd assistance)" in result.stdout


# --- sources a reader can follow -----------------------------------------------------------------


def test_every_rule_and_court_correction_cites_only_known_sources_with_addresses() -> None:
    keys = {key for rule in RULES.values() for key in split_keys(rule.source)}
    keys |= {key for court in CATALOG.courts for key in court.source_keys}
    assert keys - set(SOURCES) == set()
    for source in SOURCES.values():
        assert re.match(r"https?://[^\s/]+\.[a-z]{2,}", source.url), source.key
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", source.read), source.key


def test_docs_sources_is_current_and_no_doc_points_outside_the_repository() -> None:
    check = subprocess.run([sys.executable, str(ROOT / "packaging" / "sources_doc.py"), "--check"],
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    assert check.returncode == 0, check.stdout
    for doc in [*(ROOT / "docs").glob("*.md"), ROOT / "README.md"]:
        assert "../shared" not in doc.read_text(encoding="utf-8"), doc.name


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_step_of_every_example_lists_a_source_address(path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    data = json.loads(render_json(plan(answers_from_dict(raw), CATALOG, date(2026, 12, 4))))
    for step in data["steps"]:
        assert step["sources"], (path.name, step["id"])
        assert all(s["url"].startswith(("https://", "http://")) and s["title"] for s in step["sources"])


def test_spanish_glosses_presentar_once_and_fixes_the_flagged_phrases() -> None:
    catalogs = "".join((ROOT / "resources" / "locale" / "es" / "LC_MESSAGES" / f"{area}.po").read_text(encoding="utf-8")
                       for area in ("domain", "ui", "cli"))  # fmt: skip
    assert catalogs.count("(radicar)") == 1
    assert "Rama Judicial federal" in catalogs and "poder judicial" not in catalogs.lower()
    assert "mostrándole a él" not in catalogs and "síndico (trustee) le añade" not in catalogs
