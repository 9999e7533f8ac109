"""Accessible interfaces with the role a screen reader should hear: a Heading as a heading, a
CourtGroup as a form (installed before the first of them is made; each class is made when assistive
technology first asks about such a widget)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from .accessibility import CourtGroup, Heading

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

    from PySide6.QtGui import QAccessibleInterface

_installed = False
_alive: dict[int, QAccessibleInterface] = {}  # Python-made interfaces, kept while their widget lives
_interface_classes: dict[str, type] = {}


def _interface_class(kind: str) -> type:
    """The interface class for `kind`, made on first use: with no assistive technology running, never."""
    if kind not in _interface_classes:
        from PySide6.QtWidgets import QAccessibleWidget, QGroupBox, QLabel

        class HeadingInterface(QAccessibleWidget):
            def __init__(self, widget: Heading) -> None:
                super().__init__(widget, QAccessible.Role.Heading, widget.text())

            def text(self, kind: QAccessible.Text) -> str:
                widget = self.widget()
                if kind == QAccessible.Text.Name and isinstance(widget, QLabel):
                    return widget.text()
                return super().text(kind)

        class GroupInterface(QAccessibleWidget):
            # Orca reads a panel (Qt's group box) as its title plus every label in it with three
            # words or more, then the focused label again: a court's step was heard twice. A form is
            # read as its name and role only, and its labels once, each when it takes the focus.
            def __init__(self, widget: CourtGroup) -> None:
                super().__init__(widget, QAccessible.Role.Form, widget.title())

            def text(self, kind: QAccessible.Text) -> str:
                widget = self.widget()
                if kind == QAccessible.Text.Name and isinstance(widget, QGroupBox):
                    return widget.accessibleName() or widget.title().replace("&", "")
                return super().text(kind)

        _interface_classes.update(heading=HeadingInterface, group=GroupInterface)
    return _interface_classes[kind]


def _factory(class_name: str, target: Any) -> QAccessibleInterface | None:
    if isinstance(target, Heading):
        interface = _interface_class("heading")(target)
    elif isinstance(target, CourtGroup):
        interface = _interface_class("group")(target)
    else:
        return None
    key = id(target)
    _alive[key] = interface
    target.destroyed.connect(lambda *_args, k=key: _alive.pop(k, None))
    return interface


def install() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
