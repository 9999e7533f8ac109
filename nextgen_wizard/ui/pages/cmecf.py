from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from ...domain.i18n import N_, _
from ...session import Session
from ..widgets import (
    Choice,
    Notice,
    WrappingCheckBox,
    announce,
    button_row,
    clear_layout,
    run_in_background,
    text_label,
)
from .base import AnswerPage

if TYPE_CHECKING:
    from ..credentials import CredentialDialog


FOLLOW_UPS = {
    "recovery_failed": N_("Did the clerk or the court's reset page fail to give the {court} login back?"),
    "pro_hac_vice": N_("Are you admitted at {court} for one case only (pro hac vice)?"),
    "old_cmecf_cases": N_("Do you still file in {court} cases opened before it moved to ACMS?"),
    "trustee_linked": N_("Is your trustee account at {court} linked to PACER too?"),
    "secondary_emails_added": N_("Have you added staff notice emails to your {court} account?"),
}  # translated where shown; {court} is a court id such as mab


class CourtLoginBox(QGroupBox):
    """The questions about one court's old CM/ECF login."""

    def __init__(self, page: CmecfPage, court_id: str, court_name: str) -> None:
        super().__init__(f"{court_name} ({court_id})")
        self.setObjectName("card")  # one clearly separated block per court
        self.page, self.court_id = page, court_id
        self.setAccessibleName(_("CM/ECF login at {court}").format(court=court_name))
        login = page.session.answers.login_for(court_id)
        layout = QVBoxLayout(self)
        self.has_account = Choice(_("Do you have a CM/ECF filing account at {court}?").format(court=court_id))
        self.knows = Choice(_("Do you know its login and password ({court})?").format(court=court_id))
        self.browser = WrappingCheckBox(
            _("Only my browser remembers this login ({court})").format(court=court_id)
        )
        self.recorded = WrappingCheckBox(
            _("I have written it down or saved it safely ({court})").format(court=court_id)
        )
        self.save_button = QPushButton(_("Save {court} login in the keyring...").format(court=court_id))
        self.forget_button = QPushButton(_("Remove {court} login from the keyring").format(court=court_id))
        self.save_status = text_label("")
        self.forget_button.clicked.connect(lambda: page.forget(court_id, self.save_status))
        self.forget_button.setVisible(page.session.keyring.has_saved_login(court_id))
        self.browser_warning = Notice()
        self.browser_warning.setAccessibleName(_("Warning about the {court} login").format(court=court_id))
        # Rarer questions, each shown only while an answer opens it (domain/questions.py).
        self.follow_ups: dict[str, Choice] = {
            name: Choice(_(question).format(court=court_id)) for name, question in FOLLOW_UPS.items()
        }
        for widget in (self.has_account, self.knows, self.browser, self.browser_warning, self.recorded):
            layout.addWidget(widget)
        for name, choice in self.follow_ups.items():
            choice.set_value(getattr(login, name))
            choice.changed.connect(self.store)
            layout.addWidget(choice)
        layout.addLayout(button_row(self.save_button, self.forget_button))
        layout.addWidget(self.save_status)
        self.has_account.set_value(login.has_filing_account)
        self.knows.set_value(login.knows_login)
        self.browser.setChecked(bool(login.login_saved_in_browser))
        self.recorded.setChecked(bool(login.login_recorded))
        self.has_account.changed.connect(self.store)
        self.knows.changed.connect(self.store)
        self.browser.toggled.connect(self.store)
        self.recorded.toggled.connect(self.store)
        self.save_button.clicked.connect(self.save_login)
        self._enable()

    def _enable(self) -> None:
        filing = self.has_account.value() is not False
        for widget in (self.knows, self.browser, self.recorded, self.save_button):
            widget.setEnabled(filing)
        opened = self.page.session.open_questions()
        for name, choice in self.follow_ups.items():
            choice.setVisible(f"cmecf.{self.court_id}.{name}" in opened)
        only_in_browser = self.browser.isChecked() and not self.recorded.isChecked()
        self.browser_warning.show_text(
            _(
                "A login only your browser remembers is lost when you stop using that browser, and "
                "you need it once more to link {court}. Write it down or save it in the keyring now."
            ).format(court=self.court_id)
            if only_in_browser and filing
            else ""
        )
        if not self.page.session.keyring.saves_logins:
            self.save_button.setEnabled(False)
            self.save_status.setText(
                _("Your firm has turned off saving passwords here: write the login down.")
            )

    def store(self) -> None:
        self.page.set_answers(
            {
                f"cmecf.{self.court_id}.has_filing_account": self.has_account.value(),
                f"cmecf.{self.court_id}.knows_login": self.knows.value(),
                f"cmecf.{self.court_id}.login_saved_in_browser": self.browser.isChecked() or None,
                f"cmecf.{self.court_id}.login_recorded": self.recorded.isChecked() or None,
            }
        )
        opened = self.page.session.open_questions()  # after the answers above: they open or close these
        paths = {name: f"cmecf.{self.court_id}.{name}" for name in self.follow_ups}
        self.page.set_answers(
            {path: self.follow_ups[name].value() if path in opened else None for name, path in paths.items()}
        )
        self._enable()
        self.page.changed()

    def show_saved(self) -> None:
        """After the keyring saved this login: the answers say it is known and kept safely."""
        login = self.page.session.answers.login_for(self.court_id)
        for widget in (self.knows, self.recorded):
            widget.blockSignals(True)
        self.knows.set_value(login.knows_login)
        self.recorded.setChecked(bool(login.login_recorded))
        for widget in (self.knows, self.recorded):
            widget.blockSignals(False)
        self._enable()

    def save_login(self) -> None:
        self.page.open_keyring_dialog(self.court_id, f"CM/ECF ({self.court_id})", self.save_status)


class CmecfPage(AnswerPage):
    help_key = "cmecf"
    warning_paths = ("cmecf",)

    def __init__(self, session: Session) -> None:
        super().__init__(
            session,
            _("Your CM/ECF logins"),
            _(
                "Each court's old login is needed once, to link it. A login only your browser remembers "
                "is lost at the switch."
            ),
        )

    def build(self) -> None:
        self.courts_box = QWidget()
        self.courts_layout = QVBoxLayout(self.courts_box)
        self.courts_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.courts_box)
        pacer_box = QGroupBox(_("Your PACER login (optional)"))
        pacer_layout = QVBoxLayout(pacer_box)
        pacer_layout.addWidget(
            text_label(
                _(
                    "You may keep your PACER login in the keyring too; the wizard "
                    "checks the password against PACER's 2025 rules."
                )
            )
        )
        self.pacer_button = QPushButton(_("Save PACER login in the keyring..."))
        self.pacer_button.clicked.connect(self.save_pacer)
        self.pacer_status = text_label("")
        self.pacer_forget = QPushButton(_("Remove PACER login from the keyring"))
        self.pacer_forget.clicked.connect(lambda: self.forget(None, self.pacer_status))
        pacer_layout.addLayout(button_row(self.pacer_button, self.pacer_forget))
        pacer_layout.addWidget(self.pacer_status)
        self.body.addWidget(pacer_box)
        self.body.addStretch(1)
        self.boxes: dict[str, CourtLoginBox] = {}

    def load(self) -> None:
        if not self.session.keyring.saves_logins:
            self.pacer_button.setEnabled(False)
            self.pacer_status.setText(_("Your firm has turned off saving passwords in this app."))
        clear_layout(self.courts_layout)
        self.boxes = {}
        for court_id in self.answers.courts:
            court = self.session.catalog.get(court_id)
            box = CourtLoginBox(self, court_id, court.name if court else court_id)
            self.courts_layout.addWidget(box)
            self.boxes[court_id] = box
        self._show_forget_buttons()

    def set_answers(self, changes: dict) -> None:
        from ...session import ChangeRefused

        try:
            self.session.set_answers(changes)
        except ChangeRefused as error:
            self.save_notice.show_text(_("Not changed: {problems}").format(problems=" ".join(error.problems)))

    def save_pacer(self) -> None:
        self.open_keyring_dialog(None, "PACER", self.pacer_status)

    def open_keyring_dialog(self, court_id: str | None, what: str, status_label) -> None:
        """Find the keyring off the GUI thread; open the dialog only when it can really save there."""
        if not self.session.keyring.saves_logins:
            announce(status_label, _("Your firm has turned off saving passwords here: write the login down."))
            return
        announce(status_label, _("Checking the keyring..."))

        def checked(info, error: BaseException | None) -> None:
            if error is not None:
                announce(status_label, _("Nothing can be saved right now: {error}").format(error=error))
                return
            if not info.accepted:
                announce(
                    status_label,
                    _(
                        "Not saved: no secure keyring on this computer. Write the login down; the "
                        "printed checklist has a box for it."
                    ),
                )
                return
            announce(status_label, "")
            self._open_dialog(court_id, what, info.name, status_label)

        run_in_background(self.session.keyring.info, checked)

    def _open_dialog(self, court_id: str | None, what: str, where: str, status_label) -> None:
        from ..credentials import CredentialDialog

        options: dict = {}
        if court_id is None:
            name = (self.answers.filer.name or "").split()
            options = {
                "login": self.answers.pacer.username or "",
                "check_pacer_rules": True,
                "person": (name[0] if name else None, name[-1] if len(name) > 1 else None),
            }
        dialog = CredentialDialog(
            lambda login, password: self.session.keyring.keep_login(court_id, login, password),
            where,
            what,
            parent=self,
            **options,
        )
        dialog.finished.connect(lambda _result: self.record_result(dialog, court_id, status_label))
        self.dialog = dialog
        dialog.open()

    def forget(self, court_id: str | None, status_label) -> None:
        """Remove a reminder from the keyring (off the GUI thread) and from the answers."""

        def done(removed: bool | None, error: BaseException | None) -> None:
            if error is not None:
                announce(status_label, _("Not removed: {problems}").format(problems=error))
                return
            self.session.record_forgotten_login(court_id)
            self.session.save()
            announce(
                status_label, _("Removed from the keyring.") if removed else _("It was not in the keyring.")
            )
            if court_id in self.boxes:
                self.boxes[court_id].show_saved()
            self._show_forget_buttons()
            self.changed()

        run_in_background(lambda: self.session.keyring.forget_login(court_id), done)

    def _show_forget_buttons(self) -> None:
        for court_id, box in self.boxes.items():
            box.forget_button.setVisible(self.session.keyring.has_saved_login(court_id))
        self.pacer_forget.setVisible(self.session.keyring.has_saved_login(None))

    def record_result(self, dialog: CredentialDialog, court_id: str | None, status_label) -> None:
        if dialog.saved_message:
            self.session.record_saved_login(court_id)
            announce(status_label, dialog.saved_message)
            self.session.save()
            if court_id in self.boxes:
                self.boxes[court_id].show_saved()
            self._show_forget_buttons()
            self.changed()
        elif dialog.refused:
            announce(
                status_label,
                _(
                    "Not saved: no secure keyring on this computer. Write the login down; the "
                    "printed checklist has a box for it."
                ),
            )
