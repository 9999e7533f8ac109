from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QTextBrowser

from ...domain.render import render_text
from ..context import WizardContext
from .base import AnswerPage


class ChecklistPage(AnswerPage):
    help_key = "checklist"

    def __init__(self, context: WizardContext) -> None:
        super().__init__(context, "Your checklist", "Work through it, tick steps off, keep it on your desk.")
        self.view = QTextBrowser()
        self.view.setAccessibleName("Checklist")
        self.view.setOpenExternalLinks(True)
        self.view.setMinimumHeight(320)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.save_text = QPushButton("Save as &text...")
        self.save_text.clicked.connect(self._save_text)
        row.addWidget(self.save_text)
        row.addStretch(1)
        self.body.addLayout(row)

    def load(self) -> None:
        self.view.setPlainText(render_text(self.context.plan()))

    def _save_text(self) -> None:
        name = f"NextGen-checklist-{self.context.as_of.isoformat()}.txt"
        path, _ = QFileDialog.getSaveFileName(self, "Save checklist", name, "Text (*.txt)")
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(render_text(self.context.plan()))
        except OSError as error:
            QMessageBox.warning(self, "Not saved", f"The checklist could not be saved: {error.strerror}.")
