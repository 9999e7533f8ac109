"""The accessible interface that gives a Heading the heading role (installed after the first paint)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel

from .accessibility import Heading

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

_installed = False
_alive: dict[int, QAccessibleInterface] = {}  # Python-made interfaces, kept while their widget lives


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


def install() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
