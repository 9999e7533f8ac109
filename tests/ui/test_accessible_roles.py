"""What the app's own accessible interfaces tell a screen reader (offscreen, through Qt's
accessibility API): a court's group on the link page is a form named after the court, and
View > Language says it opens a submenu. Orca hears them in tests/a11y/test_orca_walk.py."""

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from nextgen_wizard.domain.answers import Answers, CourtLogin
from nextgen_wizard.ui.accessibility import CourtGroup, install_accessibility
from nextgen_wizard.ui.wizard import PageId
from tests.ui.helpers import make_wizard


def test_a_court_on_the_link_page_is_a_form_named_after_the_court(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_accessibility()
    answers = Answers(courts=["mab"], cmecf={"mab": CourtLogin(has_filing_account=True)})
    wizard = make_wizard(qtbot, tmp_path, answers=answers)
    page = wizard.page(PageId.LINK)
    page.initializePage()
    groups = page.findChildren(CourtGroup)
    assert groups, "the link page shows no court"
    interface = QAccessible.queryAccessibleInterface(groups[0])
    assert interface.role() == QAccessible.Role.Form  # a panel made Orca read its step twice
    assert interface.text(QAccessible.Text.Name) == "Massachusetts Bankruptcy Court (mab)"


def test_the_language_item_says_it_opens_a_submenu(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_accessibility()
    wizard = make_wizard(qtbot, tmp_path)
    wizard.finish_start()  # the View menu is filled right after the first paint
    item = next(a for a in wizard.view_menu.actions() if a.menu() is not None)
    interface = QAccessible.queryAccessibleInterface(item)
    assert interface.text(QAccessible.Text.Name) == "Language"
    assert interface.role() == QAccessible.Role.MenuItem
    state = interface.state()
    assert (state.expandable, state.collapsed, state.expanded) == (True, True, False)
    assert interface.childCount() == 1 and interface.child(0).object() is item.menu()

    wizard.view_menu.popup(wizard.mapToGlobal(wizard.rect().center()))
    item.menu().popup(wizard.mapToGlobal(wizard.rect().center()))
    QApplication.processEvents()
    state = interface.state()
    assert (state.expanded, state.collapsed) == (True, False)
    item.menu().hide()
    wizard.view_menu.hide()
