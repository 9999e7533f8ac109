"""What every page does: read answers when shown, write them as they change, save on Next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from ..context import WizardContext
from ..widgets import Notice


class AnswerPage(QWizardPage):
    help_key = "welcome"

    def __init__(self, context: WizardContext, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.context = context
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.built = False  # the widgets are made when the page is first shown: a faster start

    def ensure_built(self) -> None:
        if self.built:
            return
        self.built = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.save_notice = Notice()
        outer.addWidget(self.save_notice)
        # Everything scrolls, so nothing is clipped at large font sizes.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls inside take focus; it follows them
        body = QWidget()
        self.body = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.build()

    def build(self) -> None:
        """Make the page's widgets (once)."""

    @property
    def answers(self):  # -> Answers
        return self.context.answers

    def initializePage(self) -> None:
        self.ensure_built()
        self.load()

    def load(self) -> None:
        """Show the current answers in the widgets."""

    def lock(self, widget: QWidget, *paths: str) -> None:
        """Show an answer firm IT has locked as read-only, and say so."""
        if self.context.is_locked(*paths):
            widget.setEnabled(False)
            widget.setToolTip("Set by your firm's policy; ask your IT department to change it.")
            widget.setAccessibleDescription("Locked by your firm's policy")

    def changed(self) -> None:
        """An answer changed: the path and the side panel may change with it."""
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "refresh"):
            wizard.refresh()

    def validatePage(self) -> bool:
        problem = self.context.save()
        self.save_notice.show_text(problem or "")
        if problem:
            QMessageBox.warning(self, "Not saved", problem)
        return True
