"""The checklist as a tracker, in the real wizard: one check box per step; Space ticks it; the
tick is saved with its day, is there after a restart, changes the answer a step stands for, and
can be undone."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from nextgen_wizard.storage.paths import app_paths
from nextgen_wizard.ui.pages.checklist import STEP_ROLE
from nextgen_wizard.ui.wizard import NextGenWizard, PageId


def _checklist_page(qtbot, session):  # type: ignore[no-untyped-def]
    wizard = NextGenWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.go_to(PageId.CHECKLIST)
    page = wizard.currentPage()
    assert page.title() == "Your checklist"
    return wizard, page


def _row(page, step_id: str, court: str | None = None) -> int:  # type: ignore[no-untyped-def]
    for row in range(page.steps.count()):
        if page.steps.item(row).data(STEP_ROLE) == (step_id, court):
            return row
    raise AssertionError(f"{step_id} {court} not on the page")


def test_space_ticks_a_step_it_is_saved_with_its_day_and_kept_after_a_restart(qtbot, open_session) -> None:  # type: ignore[no-untyped-def]
    session = open_session("2026-12-04")
    session.set_answers({"role": "attorney", "courts": ["mab"], "cmecf.mab.has_filing_account": True,
                         "cmecf.mab.knows_login": True})  # fmt: skip
    wizard, page = _checklist_page(qtbot, session)
    row = _row(page, "link-cmecf-account", "mab")
    item = page.steps.item(row)
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Unchecked
    page.steps.setFocus()
    page.steps.setCurrentRow(row)
    qtbot.keyClick(page.steps, Qt.Key.Key_Space)  # the keyboard alone
    row = _row(page, "link-cmecf-account", "mab")
    assert page.steps.item(row).checkState() == Qt.CheckState.Checked
    assert "done on December 4, 2026" in page.steps.item(row).text()
    assert session.answers.login_for("mab").linked is True  # the answer the step stands for
    saved = json.loads(app_paths().answers_file.read_text())
    assert saved["done"] == {"link-cmecf-account:mab": "2026-12-04"} and saved["cmecf"]["mab"]["linked"] is True
    wizard.close()
    session.close()

    again = open_session("2026-12-20")
    _wizard, page = _checklist_page(qtbot, again)
    row = _row(page, "link-cmecf-account", "mab")
    assert page.steps.item(row).checkState() == Qt.CheckState.Checked
    assert "done on December 4, 2026" in page.steps.item(row).text()
    page.steps.setCurrentRow(row)
    page.steps.item(row).setCheckState(Qt.CheckState.Unchecked)  # untick
    assert again.answers.login_for("mab").linked is False and "link-cmecf-account:mab" not in again.answers.done
    assert page.status.text().startswith("Not done any more")


def test_each_step_is_a_check_box_named_by_its_step(qtbot, open_session) -> None:  # type: ignore[no-untyped-def]
    session = open_session("2026-12-04")
    session.set_answers({"role": "attorney", "courts": ["mab"]})
    _wizard, page = _checklist_page(qtbot, session)
    checkable = [page.steps.item(r) for r in range(page.steps.count()) if page.steps.item(r).data(STEP_ROLE)]
    assert len(checkable) == len(session.plan().steps)
    for item, step in zip(checkable, session.plan().steps, strict=True):
        assert step.title in item.data(11)  # its accessible text names the step
        assert (item.checkState() == Qt.CheckState.Checked) == (step.status.value == "done")


def test_coming_back_the_welcome_page_says_where_you_stand_and_goes_to_the_checklist(qtbot, open_session) -> None:  # type: ignore[no-untyped-def]
    session = open_session("2026-12-04")
    session.set_answers({"role": "attorney", "courts": ["mab"], "cmecf.mab.has_filing_account": True,
                         "cmecf.mab.knows_login": True, "pacer.has_own_account": True,
                         "pacer.account_type": "upgraded"})  # fmt: skip
    session.mark_step("link-cmecf-account", "mab")
    wizard = NextGenWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    welcome = wizard.currentPage()
    total = len(session.plan().steps)
    done = sum(1 for s in session.plan().steps if s.status.value == "done")
    assert welcome.standing.isVisible()
    assert welcome.standing.text().startswith(f"{done} of {total} steps done; next: ")
    assert "Turn on multi-factor" in welcome.standing.text() or "MFA" in welcome.standing.text()
    welcome.to_checklist.click()
    assert wizard.currentId() == PageId.CHECKLIST
