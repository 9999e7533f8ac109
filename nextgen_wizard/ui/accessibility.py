"""What a screen reader needs that Qt's widgets do not say by themselves: headings, as headings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from .widgets import TextLabel


class Heading(TextLabel):
    """A page's title: exposed with the heading role, and able to take focus so a page change is read out."""

    def __init__(self, text: str, level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.level = level
        self.setObjectName(f"heading{level}")
        self.setWordWrap(True)
        self.setProperty("textFormat", "PlainText")  # by name: no Qt enum before the first paint
        # Not in the Tab chain (it is no control), but focus can be put on it, and Tab goes on from it.
        self.setProperty("focusPolicy", "ClickFocus")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * (1.45 if level == 1 else 1.15))
        font.setBold(True)
        self.setFont(font)


def install_accessibility() -> None:
    """Expose headings with the heading role (once; before the first Heading is shown, or a screen
    reader keeps the plain label it met first)."""
    from .heading_role import install

    install()


def announce_focus(widget: QWidget) -> None:
    """Put the keyboard focus on `widget` and tell assistive technology, also offscreen."""
    widget.setFocus()
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Focus))


class FocusBeforeCaret(QObject):
    """Lets assistive technology hear of a text field's focus before the field moves its caret.

    A QLineEdit reached with Tab selects its text (or places its caret) while it handles the focus
    event, and Qt reports that focus to assistive technology only afterwards: a screen reader
    hears the caret first, takes the field as already focused, and says nothing of an empty field
    (or reads its text before its name). This filter hands the field its focus event a moment
    later, after Qt has reported the focus. Leaving, the field keeps its (then unpainted) selection,
    as when the window loses focus: otherwise "text unselected" is said after the next control.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) or not isinstance(watched, QWidget):
            return False
        if getattr(event, "_nextgen_again", False):
            return False
        from PySide6.QtGui import QAccessible, QFocusEvent

        if not QAccessible.isActive():
            return False
        if kind == QEvent.Type.FocusOut:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            kept = QFocusEvent(kind, Qt.FocusReason.ActiveWindowFocusReason)
            kept._nextgen_again = True  # type: ignore[attr-defined]
            QApplication.sendEvent(watched, kept)
            return True
        again = QFocusEvent(kind, event.reason())  # type: ignore[attr-defined]
        again._nextgen_again = True  # type: ignore[attr-defined]

        def deliver() -> None:
            if watched.hasFocus():
                from PySide6.QtWidgets import QApplication

                QApplication.sendEvent(watched, again)

        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, watched, deliver)
        return True


_focus_before_caret: FocusBeforeCaret | None = None


def focus_before_caret(container: QWidget) -> None:
    """Install FocusBeforeCaret on every line edit inside `container` (once each)."""
    from PySide6.QtWidgets import QLineEdit

    global _focus_before_caret
    if _focus_before_caret is None:
        _focus_before_caret = FocusBeforeCaret()
    for field in container.findChildren(QLineEdit):
        if not field.property("nextgen_focus_first"):
            field.setProperty("nextgen_focus_first", True)
            field.installEventFilter(_focus_before_caret)


class Announcer(QLabel):
    """Says a short message through the screen reader without moving the focus.

    Exposed as a notification (heading_role.py); showing it makes the screen reader speak it (Orca
    reads a notification when it appears). It paints nothing: the same words are on screen where
    they belong (under the page, in the dialog).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("announcer")
        self.setFixedSize(1, 1)
        self.hide()

    def paintEvent(self, event) -> None:  # nothing to draw
        return

    def say(self, text: str) -> None:
        from PySide6.QtGui import QAccessible

        self.hide()
        self.setText(text)
        if text and QAccessible.isActive():
            self.show()
            self.raise_()


def announce_text(widget: QWidget, text: str) -> None:
    """Speak `text` through the screen reader, from the window of `widget` (its own Announcer)."""
    window = widget.window()
    announcer = window.findChild(Announcer, "announcer")
    if announcer is None:
        announcer = Announcer(window)
    announcer.say(text)
