"""What a screen reader needs that Qt's widgets do not say by themselves: headings as headings, a
court's group as a form."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGroupBox, QWidget

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


class CourtGroup(QGroupBox):
    """One court's part of a page, titled with the court: exposed as a form (see accessible_roles)."""


def install_accessibility() -> None:
    """Expose headings with the heading role and court groups as forms (once; before the first is
    shown, or a screen reader keeps the plain widget it met first)."""
    from .accessible_roles import install

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
                _focus_current_item(watched)

        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, watched, deliver)
        return True


def _focus_current_item(widget: QWidget) -> None:
    """A list that takes the focus with an item already current does not report that item: report
    it, so the screen reader says the item (with its place) and not only "list"."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent
    from PySide6.QtWidgets import QListView

    if isinstance(widget, QListView) and widget.currentIndex().isValid():
        event = QAccessibleEvent(widget, QAccessible.Event.Focus)
        event.setChild(widget.currentIndex().row())
        QAccessible.updateAccessibility(event)


_focus_before_caret: FocusBeforeCaret | None = None


def focus_before_caret(container: QWidget) -> None:
    """Install FocusBeforeCaret on every line edit and list inside `container` (once each): a
    list, too, makes its first item current while it handles the focus event, before Qt reports
    the list's focus, and the item is then not heard."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    global _focus_before_caret
    if _focus_before_caret is None:
        _focus_before_caret = FocusBeforeCaret()
    for field in [*container.findChildren(QLineEdit), *container.findChildren(QAbstractItemView)]:
        if not field.property("nextgen_focus_first"):
            field.setProperty("nextgen_focus_first", True)
            field.installEventFilter(_focus_before_caret)


class _Restore(QObject):
    """Gives a widget back its own description once it has lost the focus (see announce_text)."""

    def __init__(self, widget: QWidget, description: str) -> None:
        super().__init__(widget)
        self.description, self.message = description, ""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            from PySide6.QtCore import QTimer

            # After the next control is announced: a screen reader ignores the description
            # change of a control that no longer has the focus.
            QTimer.singleShot(0, watched, lambda: self._restore(watched))
        return False

    def _restore(self, widget: QWidget) -> None:
        if widget.accessibleDescription() == self.message:  # not changed by its page meanwhile
            widget.setAccessibleDescription(self.description)
        self.deleteLater()


def announce_text(widget: QWidget, text: str) -> None:
    """Say `text` through the screen reader now, without moving the focus.

    Screen readers speak a change of the focused control's description (Orca does, at once and
    alone); a notification object, the other way, makes Orca read the whole window first. So the
    message becomes the focused control's description until the focus leaves it.
    """
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    if not text or not QAccessible.isActive():
        return
    focused = QApplication.focusWidget() or widget.window()
    restore = next((c for c in focused.children() if isinstance(c, _Restore)), None)
    if restore is None:
        restore = _Restore(focused, focused.accessibleDescription())
    restore.message = text
    focused.setAccessibleDescription("")  # the same message again is a change too
    focused.setAccessibleDescription(text)
