"""Keyboard-only use, and an accessible name on every control a screen reader lands on."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QRadioButton, QWidget

from nextgen_wizard.ui.selftest import example_context
from nextgen_wizard.ui.wizard import NextGenWizard, PageId
from tests.ui.helpers import make_wizard


def name_of(widget: QWidget) -> str:
    """The name a screen reader says; an answer's with its question (the group's name) first."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = (interface.text(QAccessible.Text.Name) if interface else "").replace("&", "").strip()
    group = widget.parentWidget() if isinstance(widget, QRadioButton) else None
    if group is not None and group.accessibleName():
        return f"{group.accessibleName()} {name}"
    return name


class Keyboard:
    """Presses keys on whatever has the focus, as a person at a keyboard would. No mouse."""

    def __init__(self, qtbot, wizard: NextGenWizard) -> None:
        self.qtbot, self.wizard = qtbot, wizard

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(QApplication.focusWidget() or self.wizard, key, modifier)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        QTest.keyClicks(QApplication.focusWidget(), text)
        QApplication.processEvents()

    def tab_to(self, name: str) -> QWidget:
        for _ in range(80):
            self.press(Qt.Key.Key_Tab)
            focus = QApplication.focusWidget()
            if focus is not None and name_of(focus).startswith(name):
                return focus
        raise AssertionError(f"Tab never reached {name!r}")

    def choose(self, group: str, option: str) -> None:
        """Tab into a radio group, then arrow keys to the option, then Space."""
        self.tab_to(group)
        for _ in range(6):
            focus = QApplication.focusWidget()
            if name_of(focus) == f"{group} {option}":
                self.press(Qt.Key.Key_Space)
                assert focus.isChecked()
                return
            self.press(Qt.Key.Key_Right)
        raise AssertionError(f"no option {option!r} in {group!r}")

    def next_page(self) -> None:
        before = self.wizard.currentId()
        self.press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the &Next button's mnemonic
        # A mnemonic "animates" the click: the button fires about 100 ms later.
        self.qtbot.waitUntil(lambda: self.wizard.currentId() != before, timeout=2000)


def test_the_whole_wizard_with_the_keyboard_only(qtbot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path)
    wizard.activateWindow()
    keys = Keyboard(qtbot, wizard)
    keys.press(Qt.Key.Key_Return)  # Enter goes Next on a page that is complete
    assert wizard.currentId() == PageId.COURTS

    keys.choose("Who are you?", "Attorney")
    keys.tab_to("Find a court")
    keys.type("massachusetts bankruptcy")
    keys.press(Qt.Key.Key_Return)
    assert wizard.session.answers.courts == ["mab"]
    keys.next_page()

    keys.choose("Do you have your own PACER account?", "Yes, an account that is mine alone")
    keys.tab_to("PACER username")
    keys.type("janedoe2016")
    keys.choose('What does PACER\'s Manage My Account show as "Account Type"?', "Upgraded PACER Account")
    keys.choose("Can you sign in to PACER today?", "Yes")
    keys.next_page()

    assert wizard.currentId() == PageId.SITUATION  # an attorney's rarer situations, asked once
    for question in (
        "Are you on a CJA panel (appointed counsel in criminal cases)?",
        "Are you a bankruptcy trustee (with a trustee account as well)?",
        "Does a paralegal or assistant file documents for you?",
        "Should staff get the court's notices by email too?",
    ):
        keys.choose(question, "No")
    keys.next_page()

    assert wizard.currentId() == PageId.FIRM
    keys.choose("Does your firm want a firm billing account?", "No")
    keys.next_page()

    keys.choose("Have you turned on MFA in PACER?", "Yes")
    keys.choose("Is the email address in your PACER account current?", "Yes")
    keys.next_page()

    keys.choose("Do you have a CM/ECF filing account at mab?", "Yes")
    keys.choose("Do you know its login and password (mab)?", "Yes")
    keys.next_page()

    keys.tab_to("I have linked my account at mab")
    keys.press(Qt.Key.Key_Space)
    keys.next_page()

    assert wizard.currentId() == PageId.CHECKLIST
    assert {s.status.value for s in wizard.session.plan().steps} == {"done"}


def _focusable(page: QWidget) -> list[QWidget]:
    return [
        w
        for w in page.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(page) and w.isEnabled()
    ]


def test_every_focusable_input_on_every_page_has_an_accessible_name(qtbot) -> None:
    from datetime import date

    wizard = NextGenWizard(example_context(date(2026, 11, 23)))
    qtbot.addWidget(wizard)
    wizard.show()
    unnamed = []
    checked = 0
    for page_id in PageId:
        wizard.setStartId(page_id)
        wizard.restart()
        page = wizard.currentPage()
        for widget in _focusable(page):
            checked += 1
            if not name_of(widget):
                unnamed.append(
                    f"{page_id.name}: {type(widget).__name__} {getattr(widget, 'text', lambda: '')()}"
                )
    assert checked > 40
    assert unnamed == []


def test_the_name_check_notices_an_unnamed_input(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    page = QWidget()
    QVBoxLayout(page).addWidget(QLineEdit())
    qtbot.addWidget(page)
    page.show()
    assert [name_of(w) for w in _focusable(page)] == [""]


def test_buttons_and_labels_use_mnemonics(qtbot) -> None:
    from datetime import date

    wizard = NextGenWizard(example_context(date(2026, 11, 23)))
    qtbot.addWidget(wizard)
    wizard.setStartId(PageId.COURTS)
    wizard.restart()
    buttons = [
        b.text()
        for b in wizard.currentPage().findChildren(QAbstractButton)
        if not isinstance(b, QRadioButton)
    ]
    assert all("&" in text for text in buttons if text), buttons


def test_status_changes_are_exposed_to_screen_readers(qtbot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path)
    wizard.setStartId(PageId.PACER)
    wizard.restart()
    pacer = wizard.currentPage()
    pacer.username.setText("ab1234")
    pacer.username.textEdited.emit("ab1234")
    assert pacer.verdict.accessibleDescription().startswith("Must be upgraded:")
    assert pacer.username.accessibleDescription() == pacer.verdict.text()


def _contrast(a, b) -> float:
    def luminance(color) -> float:
        channels = []
        for value in (color.redF(), color.greenF(), color.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_contrast_in_light_and_dark_palettes_and_no_hard_coded_colours(qtbot) -> None:
    from datetime import date

    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel

    app = QApplication.instance()
    original = app.palette()
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#2b2c2f"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
    ):
        dark.setColor(role, QColor(colour))
    try:
        for palette in (original, dark):
            app.setPalette(palette)
            wizard = NextGenWizard(example_context(date(2026, 11, 23)))
            qtbot.addWidget(wizard)
            wizard.show()
            for page_id in PageId:
                wizard.setStartId(page_id)
                wizard.restart()
                for label in wizard.findChildren(QLabel):
                    if not label.isEnabled():  # greyed-out controls are exempt (WCAG 1.4.3)
                        continue
                    assert not label.styleSheet(), (
                        f"{page_id.name}: a hard-coded style on {label.text()[:30]!r}"
                    )
                    pal = label.palette()
                    ratio = _contrast(
                        pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)
                    )
                    assert ratio >= 4.5, f"{page_id.name}: contrast {ratio:.1f} for {label.text()[:30]!r}"
            assert not wizard.styleSheet()
    finally:
        app.setPalette(original)
