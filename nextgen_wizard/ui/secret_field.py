"""A password field whose characters never reach assistive technology.

Qt's QLineEdit, even in Password echo mode, reports each typed character in its accessibility
"text inserted" events, and screen readers (Orca) speak them. So the widget never holds the
secret: it holds one bullet per character, and the secret is kept beside it, in this object.
Every way text gets in is handled here (typing, paste, input methods are off); every way it goes
out of the widget (backspace, delete, selection) is mirrored by position, since all the
widget's characters are the same. What cannot be mirrored safely is turned off: undo/redo, drag
and drop, the context menu. "Show password" shows the secret in a separate, read-only label
that is hidden from assistive technology (sighted users only asked to see it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QLineEdit

BULLET = "\u2022"
_BLOCKED = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.Copy,
            QKeySequence.StandardKey.Cut)  # fmt: skip


class SecretLineEdit(QLineEdit):
    """Holds a secret; shows, and tells assistive technology, only bullets."""

    secretChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._secret = ""
        self.setEchoMode(QLineEdit.EchoMode.Password)  # masked on screen as well
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.setDragEnabled(False)
        self.setMaxLength(200)

    # --- the secret -----------------------------------------------------------------------------

    def secret(self) -> str:
        return self._secret

    def clear_secret(self) -> None:
        self._secret = ""
        super().clear()
        self.secretChanged.emit()

    # --- edits ------------------------------------------------------------------------------------

    def _insert(self, text: str) -> None:
        text = "".join(c for c in text if c.isprintable() and c not in "\r\n")
        if not text:
            return
        start = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
        length = len(self.selectedText()) if self.hasSelectedText() else 0
        room = self.maxLength() - (len(self._secret) - length)
        text = text[: max(0, room)]
        self._secret = self._secret[:start] + text + self._secret[start + length :]
        super().insert(BULLET * len(text))  # replaces the selection: the bullets follow the secret
        self.secretChanged.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if any(event.matches(key) for key in _BLOCKED):
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self._insert(QGuiApplication.clipboard().text())
            event.accept()
            return
        key = Qt.KeyboardModifier
        modifiers = event.modifiers() & (key.ControlModifier | key.AltModifier | key.MetaModifier)
        typed = event.text()
        if typed and typed.isprintable() and not modifiers:
            self._insert(typed)
            event.accept()
            return
        before = len(super().text())
        super().keyPressEvent(event)  # moves, selects, deletes: on bullets only
        removed = before - len(super().text())
        if removed > 0:  # every deletion ends with the cursor where the removed run began
            start = self.cursorPosition()
            self._secret = self._secret[:start] + self._secret[start + removed :]
            self.secretChanged.emit()
        if len(self._secret) != len(super().text()):  # never expected; fail safe: start over
            self.clear_secret()


def show_secret_as_picture(label: QLabel, secret: str) -> None:
    """The secret drawn as a picture: seen on screen, with no text for assistive technology."""
    if not secret:
        label.clear()
        return
    metrics = label.fontMetrics()
    ratio = label.devicePixelRatioF()
    width, height = metrics.horizontalAdvance(secret) + 8, metrics.height() + 4
    picture = QPixmap(int(width * ratio), int(height * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setFont(label.font())
    painter.setPen(label.palette().windowText().color())
    painter.drawText(4, 2 + metrics.ascent(), secret)
    painter.end()
    label.setPixmap(picture)
