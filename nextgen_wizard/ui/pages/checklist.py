from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
)

from ... import __version__
from ...domain.dates import long_date
from ...domain.plan import Checklist
from ...domain.render_html import render_html
from ...domain.steps import STATUS_WORDS, Contact
from ...session import Session
from ..widgets import announce, button_row, run_in_background, text_label
from .base import AnswerPage

ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole, as a number (no Qt enum needed)
DEMO_BANNER = "DEMO - fictional data, nothing is saved"


def _reach(contact: Contact) -> str:
    return ", ".join([*contact.emails, *contact.phones]) or contact.note or contact.url or ""


def show_steps(steps: QListWidget, checklist: Checklist) -> None:
    """The plan as a list a screen reader walks item by item: warnings first, then one item per step
    (its status in words first, then the title, dates and details), then the courts' contacts."""
    steps.clear()
    for warning in checklist.warnings:
        steps.addItem(f"Please check: {warning.text}")
    for note in checklist.notes:
        steps.addItem(note)
    for step in checklist.steps:
        words = STATUS_WORDS[step.status] + (" (optional)" if step.optional else "")
        when = ""
        if step.due:
            when = f" - due {long_date(step.due)}"
        elif step.available_from:
            when = f" - from {long_date(step.available_from)}"
        details = [step.why, *step.how, *(f"{c.name}: {_reach(c)}" for c in step.contacts)]
        item = QListWidgetItem("\n".join([f"{words}: {step.title}{when}", *(f"    {d}" for d in details)]))
        item.setData(ACCESSIBLE_TEXT_ROLE, f"{words}: {step.title}{when}. " + " ".join(details))
        steps.addItem(item)
    for court in checklist.courts:
        steps.addItem(f"Contact - {court.contact.name}: {_reach(court.contact)}")


class ChecklistPage(AnswerPage):
    help_key = "checklist"

    def __init__(self, session: Session) -> None:
        super().__init__(session, "Your checklist", "Work through it, tick steps off, keep it on your desk.")

    def build(self) -> None:
        # One item per step, its status in words first, details below it: a screen reader walks the
        # steps one by one (a formatted text view would be one long label).
        self.steps = QListWidget()
        self.steps.setAccessibleName("Your steps, each with its status")
        self.steps.setWordWrap(True)  # long lines wrap: nothing is cut off or scrolls sideways
        self.steps.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.steps.setProperty("textElideMode", "ElideNone")
        self.steps.setSpacing(4)
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
            page=self.page_size.currentData(),
            banner=DEMO_BANNER if self.session.demo else None,
            author=self.answers.filer.name,
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
        items = (self.steps.item(index) for index in range(self.steps.count()))
        return "\n".join(item.text() for item in items if item is not None)

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
