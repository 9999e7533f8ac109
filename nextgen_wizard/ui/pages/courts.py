from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ...domain.answers import Role
from ...domain.courts import Court
from ...domain.i18n import _
from ...domain.text import MAX_TEXT_LENGTH
from ...session import Session
from ..widgets import Options, SearchField, announce, text_label
from .base import AnswerPage


class CourtsPage(AnswerPage):
    help_key = "courts"

    def __init__(self, session: Session) -> None:
        super().__init__(session, _("You and your courts"), _("Who you are, and where you file."))

    def build(self) -> None:
        self.role = Options(
            _("Who are you?"),
            [
                (_("&Attorney"), Role.ATTORNEY),
                (_("Paralegal or assistant who &files for an attorney or trustee"), Role.FILING_AGENT),
                (_("Other non-a&ttorney staff"), Role.NON_ATTORNEY),
                (_("A cr&editor (claims and notices)"), Role.CREDITOR),
                (_("Filing for myself, without an attorney (&pro se)"), Role.PRO_SE),
            ],
        )
        self.role.changed.connect(self._role_changed)
        self.body.addWidget(self.role)

        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("optional, printed on your checklist"))
        self.firm = QLineEdit()
        self.firm.setPlaceholderText(_("optional, printed on your checklist"))
        for field in (self.name, self.firm):
            field.setMaxLength(MAX_TEXT_LENGTH)  # a huge paste is cut here, not frozen on
        name_label, firm_label = QLabel(_("Your na&me:")), QLabel(_("F&irm:"))
        name_label.setBuddy(self.name)
        firm_label.setBuddy(self.firm)
        form.addRow(name_label, self.name)
        form.addRow(firm_label, self.firm)
        self.name.textEdited.connect(self._names_changed)
        self.firm.textEdited.connect(self._names_changed)
        self.body.addLayout(form)

        box = QGroupBox(_("Courts where you file"))
        layout = QVBoxLayout(box)
        search_label = QLabel(_("Find a &court (name, state such as MA, or id such as mab):"))
        self.search = SearchField()
        search_label.setBuddy(self.search)
        search_label.setWordWrap(True)  # long in some languages, and at large text sizes
        self.search.textChanged.connect(self._search)
        self.search.submitted.connect(self._add_selected)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setAccessibleName(_("Matching courts"))
        self.results.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.results.itemActivated.connect(lambda _item: self._add_selected())
        layout.addWidget(self.results)
        self.search_note = text_label("")
        self.search_note.setAccessibleName(_("Search result"))
        self.search_note.hide()
        layout.addWidget(self.search_note)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("A&dd court"))
        self.add_button.clicked.connect(self._add_selected)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        chosen_label = QLabel(_("&Your courts:"))
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(_("Your courts"))
        self.chosen.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        for listing in (self.results, self.chosen):  # long court names wrap; nothing scrolls sideways
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chosen_label.setBuddy(self.chosen)
        chosen_label.setWordWrap(True)
        layout.addWidget(chosen_label)
        layout.addWidget(self.chosen)
        self.remove_button = QPushButton(_("&Remove court"))
        self.remove_button.clicked.connect(self._remove_selected)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(box)
        self.body.addStretch(1)
        self.setTabOrder(self.search, self.results)

    def load(self) -> None:
        self.role.set_value(self.answers.role)
        self.name.setText(self.answers.filer.name or "")
        self.firm.setText(self.answers.filer.firm or "")
        self._search(self.search.text())
        self._show_chosen()
        self.lock(self.role, "role")
        self.lock(self.firm, "filer.firm")
        for widget in (self.search, self.results, self.add_button, self.chosen, self.remove_button):
            self.lock(widget, "courts")

    def _role_changed(self, value: Role | None) -> None:
        self.set_answer("role", value)
        self.changed()

    def _names_changed(self) -> None:
        self.set_answer("filer.name", self.name.text().strip() or None)
        if not self.session.is_locked("filer.firm"):
            self.set_answer("filer.firm", self.firm.text().strip() or None)

    def _item(self, court: Court) -> QListWidgetItem:
        status = court.nextgen_status(self.session.as_of).text
        item = QListWidgetItem(f"{court.name} ({court.id}) - {status}")
        item.setData(Qt.ItemDataRole.UserRole, court.id)
        return item

    def _search(self, text: str) -> None:
        self.results.clear()
        found = self.session.catalog.search(text)[:50] if text.strip() else []
        for court in found:
            if court.id not in self.answers.courts:
                self.results.addItem(self._item(court))
        if self.results.count():
            self.results.setCurrentRow(0)
        note = ""
        if text.strip() and not found:
            note = _(
                'No court matches "{text}". Try a state ("MA"), words of the name '
                '("massachusetts bankruptcy") or an id ("mab").'
            ).format(text=text.strip())
        elif found and not self.results.count():
            note = _("Every court that matches is already in your list.")
        self.search_note.setVisible(bool(note))
        if note != self.search_note.text():
            announce(self.search_note, note)

    def _show_chosen(self) -> None:
        self.chosen.clear()
        for court_id in self.answers.courts:
            court = self.session.catalog.get(court_id)
            if court is not None:
                self.chosen.addItem(self._item(court))

    def add_court(self, court_id: str) -> None:
        from ...session import ChangeRefused

        try:
            self.session.add_court(court_id)
        except ChangeRefused as error:
            self.save_notice.show_text(_("Not added: {problems}").format(problems=" ".join(error.problems)))
            return
        self._show_chosen()
        self._search(self.search.text())
        self.changed()

    def _add_selected(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.add_court(item.data(Qt.ItemDataRole.UserRole))

    def _remove_selected(self) -> None:
        item = self.chosen.currentItem()
        if item is None:
            return
        from ...session import ChangeRefused

        try:
            self.session.remove_court(item.data(Qt.ItemDataRole.UserRole))
        except ChangeRefused as error:
            self.save_notice.show_text(_("Not removed: {problems}").format(problems=" ".join(error.problems)))
            return
        self._show_chosen()
        self.changed()

    def blocked_reason(self) -> str | None:
        role, courts = self.answers.role is None, not self.answers.courts
        if role and courts:
            return _("choose who you are and add at least one court (find it, then Add court).")
        if role:
            return _("choose who you are.")
        if courts:
            return _("add at least one court (find it, then Add court).")
        return None
