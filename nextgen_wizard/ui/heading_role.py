"""The accessible interface that gives a Heading the heading role (installed before the first Heading
is made; its class is made when assistive technology first asks about a Heading)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from .accessibility import Heading

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

    from PySide6.QtGui import QAccessibleInterface

_installed = False
_alive: dict[int, QAccessibleInterface] = {}  # Python-made interfaces, kept while their widget lives
_interface_class: type | None = None


def _heading_interface_class() -> type:
    """The interface class, made on first use: with no assistive technology running, never."""
    global _interface_class
    if _interface_class is None:
        from PySide6.QtWidgets import QAccessibleWidget, QLabel

        class HeadingInterface(QAccessibleWidget):
            def __init__(self, widget: Heading) -> None:
                super().__init__(widget, QAccessible.Role.Heading, widget.text())

            def text(self, kind: QAccessible.Text) -> str:
                widget = self.widget()
                if kind == QAccessible.Text.Name and isinstance(widget, QLabel):
                    return widget.text()
                return super().text(kind)

        _interface_class = HeadingInterface
    return _interface_class


def _factory(class_name: str, target: Any) -> QAccessibleInterface | None:
    if isinstance(target, Heading):
        interface = _heading_interface_class()(target)
        key = id(target)
        _alive[key] = interface
        target.destroyed.connect(lambda *_args, k=key: _alive.pop(k, None))
        return interface
    return None


def install() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
