from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from ... import __version__
from ...domain.dates import long_date
from ...domain.plan import Checklist
from ...domain.render_html import render_html
from ...domain.steps import STATUS_WORDS
from ...session import Session
from ..widgets import announce, button_row, run_in_background, text_label
from .base import AnswerPage

DEMO_BANNER = "DEMO - fictional data, nothing is saved"


def show_steps(tree: QTreeWidget, checklist: Checklist) -> None:
    """The plan as a tree: warnings first, then each step (status, title, dates), with its details."""
    tree.clear()
    for warning in checklist.warnings:
        QTreeWidgetItem(tree, [f"Please check: {warning.text}"])
    for note in checklist.notes:
        QTreeWidgetItem(tree, [note])
    for step in checklist.steps:
        words = STATUS_WORDS[step.status] + (" (optional)" if step.optional else "")
        when = ""
        if step.due:
            when = f" - due {long_date(step.due)}"
        elif step.available_from:
            when = f" - from {long_date(step.available_from)}"
        item = QTreeWidgetItem(tree, [f"{words}: {step.title}{when}"])
        QTreeWidgetItem(item, [step.why])
        for line in step.how:
            QTreeWidgetItem(item, [line])
        for contact in step.contacts:
            reach = ", ".join([*contact.emails, *contact.phones]) or contact.note or contact.url or ""
            QTreeWidgetItem(item, [f"{contact.name}: {reach}"])
    for court in checklist.courts:
        contact = court.contact
        reach = ", ".join([*contact.emails, *contact.phones]) or contact.note or contact.url or ""
        QTreeWidgetItem(tree, [f"Contact - {contact.name}: {reach}"])
    tree.expandAll()


class ChecklistPage(AnswerPage):
    help_key = "checklist"

    def __init__(self, session: Session) -> None:
        super().__init__(session, "Your checklist", "Work through it, tick steps off, keep it on your desk.")

    def build(self) -> None:
        # One item per step, its status in words first, details below it: a screen reader walks the
        # steps one by one (a formatted text view would be one long label).
        self.steps = QTreeWidget()
        self.steps.setHeaderHidden(True)
        self.steps.setAccessibleName("Your steps, one per line, each with its status")
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.body.addWidget(self.steps, 1)
        self.page_size = QComboBox()
        self.page_size.addItem("US Letter", "letter")
        self.page_size.addItem("A4", "a4")
        size_label = QLabel("Paper si&ze:")
        size_label.setBuddy(self.page_size)
        self.preview_button = QPushButton("Print previe&w...")
        self.print_button = QPushButton("&Print...")
        self.pdf_button = QPushButton("Save as P&DF...")
        self.html_button = QPushButton("Save as HT&ML...")
        self.html_button.setToolTip("A web page with real headings and lists, for screen readers")
        self.html_button.clicked.connect(self.save_html)
        self.ics_button = QPushButton("Add dates to ca&lendar...")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.ics_button.clicked.connect(self.save_ics)
        self.body.addLayout(
            button_row(
                size_label,
                self.page_size,
                self.preview_button,
                self.print_button,
                self.pdf_button,
                self.html_button,
                self.ics_button,
            )
        )
        self.status = text_label("")
        self.status.setAccessibleName("Export status")
        self.body.addWidget(self.status)

    def options(self):  # -> PrintOptions; printing is imported when first used: a faster start
        from ..printing import PrintOptions

        return PrintOptions(
            page=self.page_size.currentData(), banner=DEMO_BANNER if self.session.demo else None
        )

    def html(self, scale: float = 1.0) -> str:
        info = self.session.known_vault_info()  # never waits for the keyring on the GUI thread
        secure = bool(info and info.accepted)
        return render_html(
            self.session.plan(),
            generated=date.today(),
            version=__version__,
            secure_keyring=secure,
            banner=DEMO_BANNER if self.session.demo else None,
            support=self.session.support,
            scale=scale,
        )

    def load(self) -> None:


        show_steps(self.steps, self.session.plan())
        if self.session.known_vault_info() is None:
            # Find the keyring off the GUI thread, then show where the reminders are.
            run_in_background(self.session.vault_info, lambda _info, _error: self._keyring_known())

    def text(self) -> str:
        """Everything the steps list says, as a screen reader would read it (for tests)."""
        lines: list[str] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            lines.append(item.text(0))
            for index in range(item.childCount()):
                walk(item.child(index))

        for index in range(self.steps.topLevelItemCount()):
            walk(self.steps.topLevelItem(index))
        return "\n".join(lines)

    def save_html(self, path: Path | None = None) -> Path | None:
        from ...exports import write_export

        name = f"NextGen-checklist-{self.session.as_of.isoformat()}.html"
        path = path or self._ask_path("Save checklist as a web page", name, "Web page (*.html)")
        if path is None:
            return None

        def write() -> bool:
            write_export(path, self.html().encode("utf-8"), "html", overwrite=True)
            return True

        if self._export("The web page", write) is None:
            return None
        announce(self.status, f"Saved {path}. Open it in a browser or a screen reader.")
        return path

    def _keyring_known(self) -> None:
        if self.session.known_vault_info() is not None and self.isVisible():
            self.load()

    def preview(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from ..printing import paint_pages

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        html, options = self.html(), self.options()
        dialog.paintRequested.connect(lambda device: paint_pages(html, device, options))
        dialog.exec()

    def print_(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..printing import paint_pages

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            paint_pages(self.html(), printer, self.options())

    def _ask_path(self, title: str, name: str, kind: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), kind)
        return Path(path) if path else None  # the dialog itself asks before replacing a file

    def save_pdf(self, path: Path | None = None) -> Path | None:
        from ..printing import default_pdf_name, save_pdf

        path = path or self._ask_path(
            "Save checklist as PDF", default_pdf_name(self.session.as_of), "PDF (*.pdf)"
        )
        if path is None:
            return None
        pages = self._export("The PDF", lambda: save_pdf(self.html(), path, self.options()))
        if pages is None:
            return None
        announce(self.status, f"Saved {path} ({pages} page{'s' if pages > 1 else ''}).")
        return path

    def save_ics(self, path: Path | None = None) -> Path | None:
        from ...domain.render_ics import render_ics

        name = f"NextGen-dates-{self.session.as_of.isoformat()}.ics"
        path = path or self._ask_path("Add dates to your calendar", name, "Calendar (*.ics)")
        if path is None:
            return None
        from ...exports import write_export

        def write() -> bool:
            write_export(path, render_ics(self.session.plan()), "ics", overwrite=True)
            return True

        saved = self._export("The calendar file", write)
        if saved is None:
            return None
        announce(self.status, f"Saved {path}. Open it to add the dates to your calendar.")
        return path

    def _export(self, what: str, write):
        try:
            return write()
        except OSError as error:  # ExportError: the sentence says what happened, nothing was replaced
            announce(self.status, f"{what} was not saved. {error} Try another folder.")
            QMessageBox.warning(self, "Not saved", self.status.text())
            return None
