"""The rarer situations of 2026 in the wizard: asked only when an answer opens them, warned where given."""

from __future__ import annotations

from pathlib import Path

from nextgen_wizard.domain.answers import AccountType, Role, SignInProblem
from nextgen_wizard.domain.steps import StepId
from nextgen_wizard.ui.wizard import PageId as P
from tests.ui.helpers import Walk, make_wizard, page, pick


def _step_ids(wizard) -> set[str]:
    return {step.id.value for step in wizard.session.plan().steps}


def test_forgotten_pacer_login_opens_its_question_and_step(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    pacer = page(walk.wizard, P.PACER)
    pick(pacer.own, "own")
    assert pacer.problem.isHidden()  # the common case stays short
    pick(pacer.can_sign_in, False)
    assert not pacer.problem.isHidden()
    pick(pacer.problem, SignInProblem.FORGOT_LOGIN)
    assert StepId.RECOVER_PACER_LOGIN.value in _step_ids(walk.wizard)
    pick(pacer.can_sign_in, True)  # the follow-up closes with its question, and so does its answer
    assert pacer.problem.isHidden() and walk.wizard.session.answers.pacer.sign_in_problem is None
    assert StepId.RECOVER_PACER_LOGIN.value not in _step_ids(walk.wizard)


def test_a_contradiction_is_shown_on_the_page_where_it_was_answered(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    pacer = page(walk.wizard, P.PACER)
    pick(pacer.own, "own")
    pacer.username.setText("ab1234")
    pacer.username.textEdited.emit("ab1234")
    assert pacer.warnings.isHidden()
    pick(pacer.account_type, AccountType.UPGRADED)
    assert not pacer.warnings.isHidden() and "Please check:" in pacer.warnings.label.text()
    assert "upgrade" in pacer.warnings.label.text().lower()
    pick(pacer.account_type, AccountType.LEGACY)
    assert pacer.warnings.isHidden()


def test_staff_who_file_with_the_attorneys_login_get_the_filing_agent_route(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    pacer = page(walk.wizard, P.PACER)
    pick(pacer.own, "own")
    pick(pacer.account_type, AccountType.UPGRADED)
    walk.wizard.next()
    situation = page(walk.wizard, P.SITUATION)
    assert situation.questions["staff.uses_my_login"].isHidden()
    pick(situation.questions["staff.files_for_me"], True)
    assert not situation.questions["staff.uses_my_login"].isHidden()
    pick(situation.questions["staff.uses_my_login"], True)
    assert StepId.STAFF_FILING_ACCESS.value in _step_ids(walk.wizard)  # a local-rule question
    pick(situation.questions["staff.uses_my_login"], False)  # the better route: their own account
    assert StepId.ADD_FILING_AGENT.value in _step_ids(walk.wizard)
    pick(situation.questions["staff.files_for_me"], False)
    assert walk.wizard.session.answers.staff.uses_my_login is None


def test_a_filing_agent_is_asked_only_about_notice_emails(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    courts = page(walk.wizard, P.COURTS)
    pick(courts.role, Role.FILING_AGENT)
    courts.search.setText("mab")
    courts.add_button.click()
    walk.wizard.next()
    pick(page(walk.wizard, P.PACER).own, "own")
    walk.wizard.next()
    situation = page(walk.wizard, P.SITUATION)
    shown = [path for path, choice in situation.questions.items() if not choice.isHidden()]
    assert shown == ["staff.secondary_emails"]


def test_a_non_attorney_with_nothing_rare_skips_the_situation_page(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab", attorney=False)
    walk.pacer("own", "janedoe2016", AccountType.UPGRADED)
    assert P.SITUATION not in walk.seen


def test_a_lost_cmecf_login_opens_its_follow_up_and_a_browser_only_login_is_warned(
    qtbot, tmp_path: Path
) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.to_cmecf_page("mab")
    box = page(walk.wizard, P.CMECF).boxes["mab"]
    pick(box.has_account, True)
    assert box.follow_ups["recovery_failed"].isHidden()
    pick(box.knows, False)
    assert not box.follow_ups["recovery_failed"].isHidden()
    pick(box.follow_ups["recovery_failed"], True)
    assert walk.wizard.session.answers.cmecf["mab"].recovery_failed is True
    pick(box.knows, True)  # known after all: the follow-up and its answer close
    assert box.follow_ups["recovery_failed"].isHidden()
    assert walk.wizard.session.answers.cmecf["mab"].recovery_failed is None
    assert box.browser_warning.isHidden()
    box.browser.setChecked(True)
    assert not box.browser_warning.isHidden() and "Write it down" in box.browser_warning.label.text()
    box.recorded.setChecked(True)
    assert box.browser_warning.isHidden()


def test_the_situation_page_asks_exactly_the_domains_situation_questions() -> None:
    from nextgen_wizard.domain.questions import SITUATION_PATHS
    from nextgen_wizard.ui.pages.situation import QUESTIONS

    assert tuple(path for path, _ in QUESTIONS) == SITUATION_PATHS
