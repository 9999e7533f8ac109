"""What a screen reader needs that Qt's widgets do not say by themselves: headings, as headings."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

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
