"""What a screen reader needs that Qt's widgets do not say by themselves: headings, as headings."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

_installed = False
_alive: dict[int, QAccessibleInterface] = {}  # Python-made interfaces, kept while their widget lives


class Heading(QLabel):
    """A page's title: exposed with the heading role, and able to take focus so a page change is read out."""

    def __init__(self, text: str, level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        install_accessibility()
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


class _HeadingInterface(QAccessibleWidget):
    def __init__(self, widget: Heading) -> None:
        super().__init__(widget, QAccessible.Role.Heading, widget.text())

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name and isinstance(widget, QLabel):
            return widget.text()
        return super().text(kind)


def _factory(class_name: str, target: Any) -> QAccessibleInterface | None:
    if isinstance(target, Heading):
        interface = _HeadingInterface(target)
        key = id(target)
        _alive[key] = interface
        target.destroyed.connect(lambda *_args, k=key: _alive.pop(k, None))
        return interface
    return None


def install_accessibility() -> None:
    """Register the factory once per process (before any Heading is asked for its interface)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce_focus(widget: QWidget) -> None:
    """Put the keyboard focus on `widget` and tell assistive technology, also offscreen."""
    widget.setFocus()
    if QAccessible.isActive():
        from PySide6.QtGui import QAccessibleEvent

        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Focus))
