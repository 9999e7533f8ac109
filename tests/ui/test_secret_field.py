"""The password field keeps the secret to itself: typed, pasted, edited in the middle, replaced
by selection, every character ends up in the secret and only bullets in the widget (its text is
what Qt hands assistive technology, and what its text-inserted events carry)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QLabel

from nextgen_wizard.ui.secret_field import BULLET, SecretLineEdit, show_secret_as_picture

SECRET = "Zq9!mouse-Horse"


def _field(qtbot) -> SecretLineEdit:  # type: ignore[no-untyped-def]
    field = SecretLineEdit()
    qtbot.addWidget(field)
    field.show()
    return field


def test_typing_keeps_the_secret_beside_the_widget(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    qtbot.keyClicks(field, SECRET)
    assert field.secret() == SECRET
    assert field.text() == BULLET * len(SECRET) and field.displayText() != SECRET
    interface = QAccessible.queryAccessibleInterface(field)
    shown = interface.text(QAccessible.Text.Value) + interface.textInterface().text(0, 100)
    assert not set(shown) & set(SECRET)


def test_edits_in_the_middle_and_over_a_selection_are_mirrored(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    qtbot.keyClicks(field, "abcdef")
    field.setCursorPosition(3)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # removes c
    qtbot.keyClick(field, Qt.Key.Key_Delete)  # removes d
    qtbot.keyClicks(field, "XY")
    assert field.secret() == "abXYef"
    field.setSelection(1, 3)  # bXY
    qtbot.keyClicks(field, "7")
    assert field.secret() == "a7ef" and field.text() == BULLET * 4
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)  # a "word": all
    assert field.secret() == "" and field.text() == ""


def test_paste_goes_into_the_secret_and_undo_copy_do_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = _field(qtbot)
    QGuiApplication.clipboard().setText("pasted-S3cret")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.secret() == "pasted-S3cret" and field.text() == BULLET * 13
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.secret() == "pasted-S3cret"
    QGuiApplication.clipboard().setText("")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ""
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_show_password_is_a_picture_with_no_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    show_secret_as_picture(label, SECRET)
    assert label.text() == "" and not label.pixmap().isNull()
    interface = QAccessible.queryAccessibleInterface(label)
    assert SECRET not in interface.text(QAccessible.Text.Name) + interface.text(QAccessible.Text.Value)
