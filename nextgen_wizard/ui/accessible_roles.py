"""Accessible interfaces with the role a screen reader should hear: a Heading as a heading, a
CourtGroup as a form, a menu item that opens a submenu as expandable (installed before the first of
them is made; each class is made when assistive technology first asks about such an object)."""

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


def _without_mnemonic(text: str) -> str:
    """A label as a screen reader should say it: "&" marks the access key, "&&" is an ampersand."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def _interface_class(kind: str) -> type:
    """The interface class for `kind`, made on first use: with no assistive technology running, never."""
    if kind not in _interface_classes:
        from PySide6.QtWidgets import QAccessibleWidget

        class WidgetWithRole(QAccessibleWidget):
            """A widget with the role it is given, named as `name_of` reads it (kept up to date)."""

            def __init__(self, widget: Any, role: QAccessible.Role, name_of: Any) -> None:
                super().__init__(widget, role, name_of(widget))
                self._name_of = name_of

            def text(self, kind: QAccessible.Text) -> str:
                if kind == QAccessible.Text.Name:
                    return self._name_of(self.widget())
                return super().text(kind)

        _interface_classes.update(widget=WidgetWithRole, submenu=_submenu_item_class())
    return _interface_classes[kind]


def _submenu_item_class() -> type:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QAccessibleObject

    class SubmenuItemInterface(QAccessibleObject):
        """A menu item that opens a submenu (View > Language), as Qt's own item but expandable:
        Qt gives it the state of any menu item, and Orca said "Language" with nothing to tell it
        opens anything. Expandable and collapsed (expanded while its submenu shows), Orca says
        "Language collapsed", as it does for other things that open."""

        def __init__(self, action: Any, owner: Any) -> None:
            super().__init__(action)
            self._action = action
            self._owner = owner

        def isValid(self) -> bool:
            import shiboken6

            return shiboken6.isValid(self._action) and shiboken6.isValid(self._owner)

        def window(self) -> Any:
            return self._owner.windowHandle()

        def parent(self) -> Any:
            return QAccessible.queryAccessibleInterface(self._owner)

        def childCount(self) -> int:
            return 1 if self._action.menu() is not None else 0

        def child(self, index: int) -> Any:
            menu = self._action.menu()
            return QAccessible.queryAccessibleInterface(menu) if index == 0 and menu is not None else None

        def indexOfChild(self, child: Any) -> int:
            return 0 if child is not None and child.object() is self._action.menu() else -1

        def childAt(self, x: int, y: int) -> Any:
            return None

        def rect(self) -> QRect:
            return self._owner.actionGeometry(self._action).translated(self._owner.mapToGlobal(QPoint(0, 0)))

        def role(self) -> QAccessible.Role:
            return QAccessible.Role.MenuItem

        def state(self) -> QAccessible.State:
            state = QAccessible.State()
            state.focused = self._owner.activeAction() is self._action
            state.focusable = True
            state.expandable = True
            menu = self._action.menu()
            state.expanded = bool(menu is not None and menu.isVisible())
            state.collapsed = not state.expanded
            state.hasPopup = True
            state.disabled = not self._action.isEnabled()
            state.invisible = not self._owner.isVisible()
            return state

        def text(self, kind: QAccessible.Text) -> str:
            if kind == QAccessible.Text.Name:
                return _without_mnemonic(self._action.text())
            return ""

        def setText(self, kind: QAccessible.Text, text: str) -> None:
            pass

    return SubmenuItemInterface


def _factory(class_name: str, target: Any) -> QAccessibleInterface | None:
    if isinstance(target, Heading):
        interface = _interface_class("widget")(target, QAccessible.Role.Heading, Heading.text)
    elif isinstance(target, CourtGroup):
        # Orca reads a panel (Qt's group box) as its title plus every label in it with three words
        # or more, then the focused label again: a court's step was heard twice. A form is read as
        # its name and role only, and its labels once, each when it takes the focus.
        interface = _interface_class("widget")(target, QAccessible.Role.Form, _group_name)
    elif (owner := _submenu_owner(target)) is not None:
        interface = _interface_class("submenu")(target, owner)
    else:
        return None
    key = id(target)
    _alive[key] = interface
    target.destroyed.connect(lambda *_args, k=key: _alive.pop(k, None))
    return interface


def _group_name(group: CourtGroup) -> str:
    return group.accessibleName() or _without_mnemonic(group.title())


def _submenu_owner(target: Any) -> Any:
    """The menu that holds `target` when it is a menu item that opens a submenu (else None)."""
    from PySide6.QtGui import QAction

    if not isinstance(target, QAction) or target.menu() is None:
        return None
    from PySide6.QtWidgets import QMenu

    holders = (o for o in target.associatedObjects() if isinstance(o, QMenu) and o is not target.menu())
    return next(holders, None)


def install() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
