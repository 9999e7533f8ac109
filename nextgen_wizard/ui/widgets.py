"""Shared widgets: yes/no/not-sure questions, link labels, notice banners, background calls.

What the first page uses sets Qt enum values through Qt's property system by name, so the
`Qt` namespace (PySide6 converts all its enums on first use, ~15 ms) waits until after the
first paint; code that runs later imports `Qt` where it needs it.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, QPoint, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.i18n import N_, _

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


class TextLabel(QLabel):
    """A label that lays a word-wrapped text out once for each width it is given.

    Qt's layouts ask a word-wrapped label for its height at the same few widths again and again
    (QWidgetItem.minimumHeightForWidth has no cache), and QLabel lays the whole text out every
    time: before the first paint that was about 100 layouts of the Welcome page's four
    paragraphs, a tenth of the window's making. The heights are kept for the current text and
    font and forgotten on any change event (font, style sheet, palette, ...).
    """

    _heights: dict[int, int]
    _heights_for: tuple[str, str] | None = None

    def heightForWidth(self, width: int) -> int:
        shown = (self.text(), self.font().key())
        if shown != self._heights_for or len(self._heights) > 8:
            self._heights, self._heights_for = {}, shown
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:
        self._heights_for = None
        super().changeEvent(event)


class _Wrapping:
    """A radio button or check box whose text wraps onto more lines when the width runs out.

    Qt's buttons never wrap, so a long answer (large text, a longer language) would push the page
    off the side. The whole text stays the accessible name and keeps its access key; it is shown
    with line breaks put in for the width the layout gives the button.
    """

    full_text = ""

    def _plain_width(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text.replace("&", ""))  # type: ignore[attr-defined]

    def _overhead(self) -> int:
        """Indicator, spacing, padding and border: the button's width beyond its text."""
        shown = self.text().split("\n")  # type: ignore[attr-defined]
        return super().sizeHint().width() - max(self._plain_width(line) for line in shown)  # type: ignore[misc]

    def _wrapped(self, width: int) -> str:
        room = max(width - self._overhead(), self.fontMetrics().averageCharWidth() * 8)  # type: ignore[attr-defined]
        lines: list[str] = []
        for word in self.full_text.split(" "):
            if lines and self._plain_width(f"{lines[-1]} {word}") <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return "\n".join(lines)

    def _show(self, text: str) -> None:
        if text != self.text():  # type: ignore[attr-defined]
            super().setText(text)  # type: ignore[misc]
            self.updateGeometry()  # type: ignore[attr-defined]

    def setText(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleName(text.replace("&", ""))  # type: ignore[attr-defined]
        self._show(self._wrapped(self.width()) if self.isVisible() else text)  # type: ignore[attr-defined]

    def _height(self, lines: int) -> int:
        shown = self.text().count("\n") + 1  # type: ignore[attr-defined]
        line = self.fontMetrics().lineSpacing()  # type: ignore[attr-defined]
        return super().sizeHint().height() + (lines - shown) * line  # type: ignore[misc]

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height(self._wrapped(width).count("\n") + 1)

    def sizeHint(self) -> QSize:
        """On one line, as Qt's own button (a flow layout places it at this width)."""
        return QSize(self._overhead() + self._plain_width(self.full_text), self._height(1))

    def minimumSizeHint(self) -> QSize:
        widest_word = max(self._plain_width(word) for word in self.full_text.split(" "))
        least = self.fontMetrics().averageCharWidth() * 8  # type: ignore[attr-defined]
        one_line = self._overhead() + self._plain_width(self.full_text)
        return QSize(min(one_line, self._overhead() + max(widest_word, least)), self._height(1))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # type: ignore[misc]
        self._show(self._wrapped(self.width()))  # type: ignore[attr-defined]


    def _shrinkable(self) -> None:
        """Qt's buttons never get narrower than their one-line text; these may (they wrap)."""
        from PySide6.QtWidgets import QSizePolicy

        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)  # type: ignore[attr-defined]


class WrappingRadioButton(_Wrapping, QRadioButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QRadioButton.__init__(self, parent)
        self._shrinkable()
        self.setText(text)


class WrappingCheckBox(_Wrapping, QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, parent)
        self._shrinkable()
        self.setText(text)


class Options(QGroupBox):
    """A question with one answer picked from radio buttons; nothing picked means unanswered."""

    changed = Signal(object)

    def __init__(self, question: str, options: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        # The question is a wrapping label, not the group box's title (a title never wraps, so a long
        # question would push the page off the side at large text sizes); the box keeps the grouping.
        super().__init__(parent)
        self.question = question
        self.setObjectName("questionGroup")
        plain_question = question.replace("&", "")
        self.setAccessibleName(plain_question)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.label = TextLabel(question)
        self.label.setObjectName("question")
        self.label.setWordWrap(True)
        outer.addWidget(self.label)
        self.group = QButtonGroup(self)
        self.values: list[Any] = []
        layout: QLayout = QVBoxLayout() if len(options) > 3 else FlowLayout()
        layout.setContentsMargins(8, 0, 0, 0)
        outer.addLayout(layout)
        for index, (text, value) in enumerate(options):
            button = WrappingRadioButton(text)
            # The button is named by its answer alone: the box (a panel named by the question) is
            # what a screen reader says once on entering it, not again for every answer.
            button.setAccessibleName(text.replace("&", ""))
            self.group.addButton(button, index)
            layout.addWidget(button)
            self.values.append(value)
        self.group.idToggled.connect(self._toggled)
        # The question's access key goes to the box, which hands the focus to the chosen answer (or
        # the first): the label labels the box (one question), not a button (which would repeat it).
        # Click focus only, so the box itself is no Tab stop (set by name: see the module's top).
        self.setProperty("focusPolicy", "ClickFocus")
        self.label.setBuddy(self)

    def focusInEvent(self, event) -> None:
        buttons = self.group.buttons()
        answer = self.group.checkedButton() or (buttons[0] if buttons else None)
        if answer is not None and answer.isEnabled():
            answer.setFocus(event.reason())
        else:
            super().focusInEvent(event)

    def title(self) -> str:
        return self.question

    def _toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.changed.emit(self.value())

    def value(self) -> Any:
        index = self.group.checkedId()
        return self.values[index] if index >= 0 else None

    def set_value(self, value: Any) -> None:
        if value is None and self.group.checkedId() >= 0 and self.values[self.group.checkedId()] == "unsure":
            return  # "Not sure" is stored as unanswered: keep showing what the user picked
        self.group.blockSignals(True)
        self.group.setExclusive(False)
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(False)
            if value is not None and self.values[index] == value:
                button.setChecked(True)
        self.group.setExclusive(True)
        self.group.blockSignals(False)


class Choice(Options):
    """Yes / No / Not sure, mapped to True / False / None."""

    def __init__(
        self,
        question: str,
        labels: tuple[str, ...] = (N_("Yes"), N_("No"), N_("Not sure")),
        parent: QWidget | None = None,
    ) -> None:
        values: list[Any] = [True, False, "unsure"][: len(labels)]
        super().__init__(question, list(zip([_(label) for label in labels], values, strict=True)), parent)

    def value(self) -> bool | None:
        value = super().value()
        return value if isinstance(value, bool) else None


def announce(label: QLabel, text: str) -> None:
    """Change a status text and tell screen readers it changed (it is not conveyed by colour)."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    label.setText(text)
    label.setAccessibleDescription(text)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.NameChanged))


def text_label(text: str, *, rich: bool = False) -> QLabel:
    label = TextLabel(text)
    label.setWordWrap(True)
    label.setProperty("textFormat", "RichText" if rich else "PlainText")  # Qt.TextFormat
    if rich:
        label.setOpenExternalLinks(True)  # links open in the browser, mailto: in the mail client
        label.setProperty("textInteractionFlags", "TextBrowserInteraction")  # Qt.TextInteractionFlag
    return label


class SearchField(QLineEdit):
    """A line edit whose Enter means "take this one", not the dialog's default button (Next)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def clear_layout(layout: QVBoxLayout) -> None:
    """Remove and delete every widget of a layout (a page rebuilt from the latest plan)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def button_row(*buttons: QWidget) -> FlowLayout:
    """Buttons at their natural size, from the left, wrapping onto more lines when the text is large."""
    row = FlowLayout()
    for button in buttons:
        row.addWidget(button)
    return row


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps to the next line when the width runs out, so a row of
    buttons never goes off the side at large text sizes (Qt's own flow-layout example, kept small)."""

    # No expandingDirections() override (Qt's example returns "none"): returning any Qt.Orientation
    # from Python makes PySide6 convert the whole `Qt` namespace (~20 ms) during the first layout,
    # before the first paint. QLayout's default ("both") takes no extra space here: every page ends
    # with addStretch(1), and a stretch factor keeps the spare height for itself.

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = max(self.spacing(), 6)
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def link(url: str, text: str | None = None) -> str:
    import html  # not before the first paint (with html.entities: 2 ms)

    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text or url)}</a>'


def mail_link(address: str) -> str:
    return link(f"mailto:{address}", address)


class Notice(QFrame):
    """A banner for what the user must not miss; the text itself says how serious it is."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("notice")
        layout = QVBoxLayout(self)
        self.label = text_label(text)
        self.label.setProperty("textInteractionFlags", "TextSelectableByMouse")  # Qt.TextInteractionFlag
        layout.addWidget(self.label)
        self.setVisible(bool(text))

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))


class CopyButton(QPushButton):
    """Copies a phone number (never a secret) to the clipboard."""

    def __init__(self, value: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Copy {number}").format(number=value), parent)
        self.value = value
        # Translators: {what} is e.g. "Clerk's Office phone"; {number} the phone number.
        self.setAccessibleName(_("Copy {what} {number}").format(what=what, number=value))
        self.clicked.connect(self._copy)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value)
        self.setText(_("Copied {number}").format(number=self.value))
        QTimer.singleShot(2000, lambda: self.setText(_("Copy {number}").format(number=self.value)))


class _Relay(QObject):
    done = Signal(object, object)  # (result, error)


def run_in_background(call: Callable[[], Any], on_done: Callable[[Any, BaseException | None], None]) -> None:
    """Run a slow call (the keyring) off the GUI thread; on_done runs back on the GUI thread."""
    import threading

    from PySide6.QtCore import Qt

    relay = _Relay()
    _pending.add(relay)

    def finish(result: Any, error: BaseException | None) -> None:
        _pending.discard(relay)
        on_done(result, error)

    relay.done.connect(finish, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            result, error = call(), None
        except BaseException as exc:  # handed to on_done
            result, error = None, exc
        relay.done.emit(result, error)

    threading.Thread(target=work, name="background-call", daemon=True).start()


_pending: set[_Relay] = set()  # keeps relays alive until their call is done


def order_tabs(page: QWidget) -> None:
    """Tab follows the page as it reads, in layout order (widgets made later, such as one block per
    court, would otherwise come last, after controls further down the page)."""
    tab_focus = 0x1  # Qt.FocusPolicy.TabFocus, as a number: no Qt enum before the first paint
    ordered = [w for w in reading_order(page) if w.focusPolicy().value & tab_focus]
    for first, second in itertools.pairwise(ordered):
        QWidget.setTabOrder(first, second)


def reading_order(widget: QWidget) -> list[QWidget]:
    """`widget`'s descendants in the order their layouts show them, top to bottom."""
    from PySide6.QtWidgets import QScrollArea

    found: list[QWidget] = []

    def visit_layout(layout: QLayout | None) -> None:
        for index in range(layout.count() if layout is not None else 0):
            item = layout.itemAt(index) if layout is not None else None
            if item is None:
                continue
            child = item.widget()
            if child is not None:
                visit(child)
            else:
                visit_layout(item.layout())

    def visit(node: QWidget | None) -> None:
        if node is None or node.isHidden():
            return
        found.append(node)
        if isinstance(node, QScrollArea):
            visit(node.widget())
        else:
            visit_layout(node.layout())

    visit_layout(widget.layout())
    return found


def open_in_browser(parent: QWidget, url: str) -> bool:
    """Open an address in the browser; when that fails, show it to copy (never fail silently)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    if QDesktopServices.openUrl(QUrl(url)):
        return True
    box = QMessageBox(parent)
    box.setWindowTitle(_("Open this address in your browser"))
    box.setText(
        _("The browser could not be opened from here. Copy this address into your browser:\n\n{url}").format(
            url=url
        )
    )
    box.setTextInteractionFlags(box.textInteractionFlags() | _selectable())
    copy = box.addButton(_("Copy the address"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(url))
    box.open()
    parent.setProperty("browser_fallback", url)  # for tests: what was shown
    return False


def _selectable():  # -> Qt.TextInteractionFlag
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
