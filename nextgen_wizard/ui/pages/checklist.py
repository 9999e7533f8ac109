from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
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
from ...domain.i18n import N_, _, ngettext
from ...domain.plan import Checklist
from ...domain.render_html import render_html
from ...domain.steps import STATUS_WORDS, Contact, Status
from ...session import Session
from ..widgets import announce, button_row, run_in_background, text_label
from .base import AnswerPage

ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole, as a number (no Qt enum needed)
ACCESSIBLE_DESCRIPTION_ROLE = 12  # Qt.ItemDataRole.AccessibleDescriptionRole
STEP_ROLE = 256  # Qt.ItemDataRole.UserRole: the step's (id, court), on the items that can be ticked
DEMO_BANNER = N_("DEMO - fictional data, nothing is saved")  # translated where used


def _reach(contact: Contact) -> str:
    return ", ".join([*contact.emails, *contact.phones]) or contact.note or contact.url or ""


def show_steps(steps: QListWidget, checklist: Checklist) -> None:
    """The plan as a list a screen reader walks item by item: warnings first, then one item per step
    (its status in words first, then the title, dates and details), then the courts' contacts."""
    steps.clear()
    for warning in checklist.warnings:
        steps.addItem(_("Please check: {warning}").format(warning=warning.text))
    for note in checklist.notes:
        steps.addItem(note)
    for step in checklist.steps:
        status = _(STATUS_WORDS[step.status])
        words = _("{status} (optional)").format(status=status) if step.optional else status
        when = ""
        if step.due:
            # Translators: follows a step's title in the checklist: " - due November 30, 2026".
            when = _(" - due {date}").format(date=long_date(step.due))
        elif step.available_from:
            # Translators: follows a step's title in the checklist: " - from December 1, 2026".
            when = _(" - from {date}").format(date=long_date(step.available_from))
        if step.done_on:
            # Translators: follows a step's title in the checklist: " - done on November 30, 2026".
            when = _(" - done on {date}").format(date=long_date(step.done_on))
        details = [step.why, *step.how, *(f"{c.name}: {_reach(c)}" for c in step.contacts)]
        item = QListWidgetItem("\n".join([f"{words}: {step.title}{when}", *(f"    {d}" for d in details)]))
        # A short name (status and title) and the details as the description: a screen reader
        # says the name, and the details only when asked.
        item.setData(ACCESSIBLE_TEXT_ROLE, f"{words}: {step.title}{when}")
        item.setData(ACCESSIBLE_DESCRIPTION_ROLE, " ".join(details))
        # A real check box per step (Space ticks it): ticked means done, the day is kept.
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if step.status is Status.DONE else Qt.CheckState.Unchecked)
        item.setData(STEP_ROLE, (step.id.value, step.court))
        steps.addItem(item)
    for court in checklist.courts:
        contact = court.contact
        steps.addItem(_("Contact - {name}: {reach}").format(name=contact.name, reach=_reach(contact)))
    # Each item says where it is in the list ("1 of 9"): Orca does not say it by default.
    total = steps.count()
    for row in range(total):
        item = steps.item(row)
        name = item.data(ACCESSIBLE_TEXT_ROLE) or item.text()
        # Translators: after a checklist item's name, for a screen reader: "(1 of 9)".
        spoken = _("{name} ({n} of {total})").format(name=name, n=row + 1, total=total)
        item.setData(ACCESSIBLE_TEXT_ROLE, spoken)


class ChecklistPage(AnswerPage):
    help_key = "checklist"

    def __init__(self, session: Session) -> None:
        super().__init__(
            session, _("Your checklist"), _("Work through it, tick steps off, keep it on your desk.")
        )

    def build(self) -> None:
        # One item per step, its status in words first, details below it: a screen reader walks the
        # steps one by one (a formatted text view would be one long label).
        self.steps = QListWidget()
        self.steps.setAccessibleName(_("Your steps, each with its status"))
        self.steps.setWordWrap(True)  # long lines wrap: nothing is cut off or scrolls sideways
        self.steps.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.steps.setProperty("textElideMode", "ElideNone")
        self.steps.setSpacing(4)
        self.steps.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.body.addWidget(self.steps, 1)
        self.steps.itemChanged.connect(self._ticked)
        self.page_size = QComboBox()
        self.page_size.addItem(_("US Letter"), "letter")
        self.page_size.addItem("A4", "a4")
        size_label = QLabel(_("Paper si&ze:"))
        size_label.setBuddy(self.page_size)
        self.preview_button = QPushButton(_("Print previe&w..."))
        self.print_button = QPushButton(_("&Print..."))
        self.pdf_button = QPushButton(_("Save as P&DF..."))
        self.html_button = QPushButton(_("Save as HT&ML..."))
        self.html_button.setToolTip(_("A web page with real headings and lists, for screen readers"))
        self.html_button.clicked.connect(self.save_html)
        self.ics_button = QPushButton(_("Add dates to ca&lendar..."))
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
        self.status.setAccessibleName(_("Export status"))
        self.body.addWidget(self.status)

    def options(self):  # -> PrintOptions; printing is imported when first used: a faster start
        from ..printing import PrintOptions

        return PrintOptions(
            page=self.page_size.currentData(),
            banner=_(DEMO_BANNER) if self.session.demo else None,
            author=self.answers.filer.name,
        )

    def html(self, scale: float = 1.0) -> str:
        info = self.session.keyring.known_info()  # never waits for the keyring on the GUI thread
        secure = bool(info and info.accepted)
        return render_html(
            self.session.plan(),
            generated=date.today(),
            version=__version__,
            secure_keyring=secure,
            banner=_(DEMO_BANNER) if self.session.demo else None,
            support=self.session.policy.support,
            scale=scale,
        )

    def load(self) -> None:


        self._show_steps()
        if self.session.keyring.known_info() is None:
            # Find the keyring off the GUI thread, then show where the reminders are.
            run_in_background(self.session.keyring.info, lambda _info, _error: self._keyring_known())

    def _show_steps(self) -> None:
        self.steps.blockSignals(True)  # filling the list is not the user ticking
        try:
            show_steps(self.steps, self.session.plan())
        finally:
            self.steps.blockSignals(False)

    def _ticked(self, item: QListWidgetItem) -> None:
        """The user ticked or unticked a step: record it through the session, save, show the plan."""
        from ...session import SessionError

        key = item.data(STEP_ROLE)
        if not key:
            return
        step_id, court = key
        done = item.checkState() == Qt.CheckState.Checked
        row = self.steps.row(item)
        try:
            step = self.session.mark_step(step_id, court, done=done)
        except SessionError as error:
            self._show_steps()
            self.save_notice.show_text(_("Not changed: {problems}").format(problems=" ".join(error.problems)))
            return
        problem = self.session.save()
        if problem and not self.session.demo:
            self.save_notice.show_text(problem)
        self._show_steps()
        self.steps.setCurrentRow(min(row, self.steps.count() - 1))
        said = _("Ticked off: {title}") if done else _("Not done any more: {title}")
        announce(self.status, said.format(title=step.title))
        self.changed()

    def text(self) -> str:
        """Everything the steps list says, as a screen reader would read it (for tests)."""
        items = (self.steps.item(index) for index in range(self.steps.count()))
        return "\n".join(item.text() for item in items if item is not None)

    def save_html(self, path: Path | None = None) -> Path | None:
        from ...export_writer import write_export

        name = f"NextGen-checklist-{self.session.as_of.isoformat()}.html"
        path = path or self._ask_path(_("Save checklist as a web page"), name, _("Web page (*.html)"))
        if path is None:
            return None

        def write() -> bool:
            write_export(path, self.html().encode("utf-8"), "html", overwrite=True)
            return True

        if self._export(_("The web page was not saved."), write) is None:
            return None
        announce(self.status, _("Saved {path}. Open it in a browser or a screen reader.").format(path=path))
        return path

    def _keyring_known(self) -> None:
        if self.session.keyring.known_info() is not None and self.isVisible():
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
        path, _kind = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), kind)
        return Path(path) if path else None  # the dialog itself asks before replacing a file

    def save_pdf(self, path: Path | None = None) -> Path | None:
        from ..printing import default_pdf_name, save_pdf

        path = path or self._ask_path(
            _("Save checklist as PDF"), default_pdf_name(self.session.as_of), _("PDF (*.pdf)")
        )
        if path is None:
            return None
        pages = self._export(_("The PDF was not saved."), lambda: save_pdf(self.html(), path, self.options()))
        if pages is None:
            return None
        saved = ngettext("Saved {path} ({pages} page).", "Saved {path} ({pages} pages).", pages)
        announce(self.status, saved.format(path=path, pages=pages))
        return path

    def save_ics(self, path: Path | None = None) -> Path | None:
        from ...domain.render_ics import NothingToSchedule, render_ics

        try:
            calendar = render_ics(self.session.plan())
        except NothingToSchedule as nothing:
            announce(self.status, str(nothing))  # no file: a calendar without events is not valid
            return None
        name = f"NextGen-dates-{self.session.as_of.isoformat()}.ics"
        path = path or self._ask_path(_("Add dates to your calendar"), name, _("Calendar (*.ics)"))
        if path is None:
            return None
        from ...export_writer import write_export

        def write() -> bool:
            write_export(path, calendar, "ics", overwrite=True)
            return True

        saved = self._export(_("The calendar file was not saved."), write)
        if saved is None:
            return None
        announce(self.status, _("Saved {path}. Open it to add the dates to your calendar.").format(path=path))
        return path

    def _export(self, not_saved: str, write):
        """`not_saved`: the whole first sentence, e.g. "The PDF was not saved." (translated as one)."""
        try:
            return write()
        except OSError as error:  # ExportError: the sentence says what happened, nothing was replaced
            text = _("{not_saved} {error} Try another folder.").format(not_saved=not_saved, error=error)
            announce(self.status, text)
            QMessageBox.warning(self, _("Not saved"), self.status.text())
            return None
