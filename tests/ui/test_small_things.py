"""The small things that make a wizard fight its users (issue 14's last list), each as a user meets it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nextgen_wizard.domain.answers import Role
from nextgen_wizard.ui.wizard import PageId as P
from tests.ui.helpers import Walk, make_wizard, page, pick


def test_next_says_why_it_is_not_available(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    courts = page(walk.wizard, P.COURTS)
    assert not courts.isComplete()
    assert not courts.blocked.isHidden()
    assert "choose who you are" in courts.blocked.text() and "add at least one court" in courts.blocked.text()
    pick(courts.role, Role.ATTORNEY)
    assert "choose who you are" not in courts.blocked.text()
    courts.search.setText("mab")
    courts.add_button.click()
    assert courts.isComplete() and courts.blocked.isHidden()


def test_enter_in_the_court_list_adds_the_court_and_stays_on_the_page(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    courts = page(walk.wizard, P.COURTS)
    pick(courts.role, Role.ATTORNEY)
    courts.search.setText("massachusetts bankruptcy")
    courts.results.setFocus()
    QTest.keyClick(courts.results, Qt.Key.Key_Return)
    assert walk.wizard.session.answers.courts == ["mab"]
    assert walk.wizard.currentId() == P.COURTS  # Enter never advances the wizard by surprise


def test_an_empty_court_search_says_so(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    courts = page(walk.wizard, P.COURTS)
    courts.search.setText("atlantis")
    assert not courts.search_note.isHidden() and 'No court matches "atlantis"' in courts.search_note.text()
    courts.search.setText("mab")
    assert courts.search_note.isHidden()


def test_a_creation_date_can_be_typed_the_way_people_write_it(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    pacer = page(walk.wizard, P.PACER)
    pick(pacer.own, "own")
    pacer.knows_date.setChecked(True)
    for typed, saved, note in (
        ("3/5/2012", "2012-03-05", "Created March 5, 2012."),
        ("2013-11-30", "2013-11-30", "Created November 30, 2013."),
        ("31/31/2012", None, "Type the date like"),
        ("2031-01-01", None, "cannot be when the account was created"),
    ):
        pacer.created.setText(typed)
        pacer.created.textEdited.emit(typed)
        created = walk.wizard.session.answers.pacer.created_on
        assert (created.isoformat() if created else None) == saved, typed
        assert note in pacer.created_note.text(), typed


def test_when_the_browser_cannot_open_the_address_is_shown_to_copy(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    walk.pacer("own", "ab1234", "legacy")
    upgrade = page(walk.wizard, P.UPGRADE)
    upgrade.open_button.click()
    shown = [box for box in upgrade.findChildren(QMessageBox) if box.isVisible()]
    assert shown and "https://pacer.psc.uscourts.gov" in shown[0].text()
    shown[0].close()


def test_the_demo_keeps_qts_own_settings_out_of_the_trainers_config(monkeypatch) -> None:
    import os

    from nextgen_wizard.ui.demo import enter_demo_home

    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    home = enter_demo_home()
    assert os.environ["XDG_CONFIG_HOME"] == str(home / "config")


def test_a_huge_paste_into_the_name_is_cut_at_the_field_not_frozen_on(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    courts = page(walk.wizard, P.COURTS)
    courts.name.insert("x" * 900_000)  # as a paste does
    courts.name.textEdited.emit(courts.name.text())
    assert len(courts.name.text()) == 200
    assert walk.wizard.session.answers.filer.name == "x" * 200


def test_the_keyring_dialog_says_where_in_one_sentence_and_fits_a_projector_at_twice_the_text(qtbot) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel

    from nextgen_wizard.ui.credentials import CredentialDialog

    dialog = CredentialDialog(lambda login, password: "saved", "Secret Service (GNOME Keyring)", "PACER")
    qtbot.addWidget(dialog)
    font = QFont(dialog.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    dialog.setFont(font)  # as --font-scale 2 does for every window
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()]
    assert any("Secret Service (GNOME Keyring)" in text and "never" not in text for text in texts)
    assert dialog.sizeHint().width() <= 1366 and dialog.sizeHint().height() <= 768


def test_tab_on_the_cmecf_page_starts_at_the_first_courts_first_question(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.to_cmecf_page("mab")
    cmecf = page(walk.wizard, P.CMECF)
    walk.wizard.activateWindow()
    qtbot.waitUntil(lambda: walk.wizard.focusWidget() is cmecf.heading, timeout=2000)  # page change
    QTest.keyClick(cmecf.heading, Qt.Key.Key_Tab)
    focus = walk.wizard.focusWidget()
    question = focus.parentWidget() if focus is not None else None  # an answer's group: its question
    assert question is not None and question.accessibleName().startswith("Do you have a CM/ECF filing account at mab?")
