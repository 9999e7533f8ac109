from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout

from ...domain.answers import AccountType, SignInProblem
from ...domain.dates import long_date, parse_typed_date
from ...domain.i18n import N_, _
from ...domain.pacer import UsernameKind, classify_username
from ...session import Session
from ..widgets import Choice, Options, WrappingCheckBox, announce, text_label
from .base import AnswerPage

MARKS = {
    UsernameKind.LEGACY: N_("Must be upgraded:"),
    UsernameKind.UPGRADED_FORMAT: N_("Looks fine:"),
    UsernameKind.UNUSUAL: N_("Please check:"),
    UsernameKind.INVALID: N_("Not a PACER username:"),
}  # translated where shown


class PacerPage(AnswerPage):
    help_key = "pacer"
    warning_paths = ("pacer",)

    def __init__(self, session: Session) -> None:
        super().__init__(
            session, _("Your PACER account"), _("Since NextGen, your own PACER account signs you in to file.")
        )

    def build(self) -> None:
        self.own = Options(
            _("Do you have your own PACER account?"),
            [
                (_("&Yes, an account that is mine alone"), "own"),
                (_("I sign in with a &shared (office) account"), "shared"),
                (_("Bo&th: my own account, and the office's shared one"), "both"),
                (_("N&o PACER account yet"), "none"),
                (_("Not su&re"), "unsure"),
            ],
        )
        self.own.changed.connect(self._own_changed)
        self.body.addWidget(self.own)
        self.can_sign_in = Choice(_("Can you sign in to PACER today?"))
        self.can_sign_in.changed.connect(self._sign_in_changed)
        self.body.addWidget(self.can_sign_in)
        self.problem = Options(
            _("What stops you?"),
            [
                (_("I &forgot my username or password"), SignInProblem.FORGOT_LOGIN),
                (_("PACER says my account is &inactive"), SignInProblem.INACTIVE),
                (_("PACER says my account was &deactivated"), SignInProblem.DEACTIVATED),
                (_("I lost the &phone or app with my MFA codes"), SignInProblem.MFA_DEVICE_LOST),
                (_("Something &else"), SignInProblem.UNKNOWN),
            ],
        )
        self.problem.changed.connect(self._problem_changed)
        self.body.addWidget(self.problem)

        self.details = QGroupBox(_("About your account"))
        layout = QVBoxLayout(self.details)
        username_label = QLabel(_("PACER &username:"))
        self.username = QLineEdit()
        self.username.setMaxLength(200)
        username_label.setBuddy(self.username)
        username_label.setWordWrap(True)
        self.username.textEdited.connect(self._username_changed)
        self.verdict = text_label("")
        self.verdict.setAccessibleName(_("Username check"))
        layout.addWidget(username_label)
        layout.addWidget(self.username)
        layout.addWidget(self.verdict)
        self.account_type = Options(
            _('What does PACER\'s Manage My Account show as "Account Type"?'),
            [
                # Translators: PACER's own words, shown on its Manage My Account page: keep them in English.
                (_("&Legacy PACER Account"), AccountType.LEGACY),
                # Translators: PACER's own words, shown on its Manage My Account page: keep them in English.
                (_("Up&graded PACER Account"), AccountType.UPGRADED),
                (_("I don't &know"), AccountType.UNKNOWN),
            ],
        )
        self.account_type.changed.connect(self._type_changed)
        layout.addWidget(self.account_type)
        self.knows_date = WrappingCheckBox(_("I know when the account was &created:"))
        # A plain field: type 2012-03-05 or 3/5/2012 (date pickers' sections are fiddly to type in).
        self.created = QLineEdit()
        self.created.setPlaceholderText(_("e.g. 2012-03-05 or 3/5/2012"))
        self.created.setMaxLength(10)
        self.created.setAccessibleName(_("Account creation date"))
        self.created_note = text_label("")
        self.created_note.setAccessibleName(_("Creation date check"))
        self.knows_date.toggled.connect(self._date_changed)
        self.created.textEdited.connect(lambda _text: self._date_changed())
        layout.addWidget(self.knows_date)
        layout.addWidget(self.created)
        layout.addWidget(self.created_note)
        self.body.addWidget(self.details)
        self.body.addStretch(1)

    def load(self) -> None:
        pacer = self.answers.pacer
        if pacer.uses_shared_account and pacer.has_own_account:
            own = "both"
        elif pacer.uses_shared_account:
            own = "shared"
        elif pacer.has_own_account is True:
            own = "own"
        elif pacer.has_own_account is False:
            own = "none"
        else:
            own = None
        self.own.set_value(own)
        self.username.setText(pacer.username or "")
        self.account_type.set_value(pacer.account_type)
        self.knows_date.blockSignals(True)
        self.knows_date.setChecked(pacer.created_on is not None)
        self.knows_date.blockSignals(False)
        if pacer.created_on is not None or not self.created.text():
            self.created.setText(pacer.created_on.isoformat() if pacer.created_on else "")
        self.can_sign_in.set_value(pacer.can_sign_in)
        self.problem.set_value(pacer.sign_in_problem)
        self._show_verdict()
        self._enable()

    def _enable(self) -> None:
        has_account = self.own.value() in ("own", "both", "unsure", None)
        self.details.setEnabled(has_account)
        self.can_sign_in.setVisible(has_account)
        self.problem.setVisible("pacer.sign_in_problem" in self.session.open_questions())
        self.created.setEnabled(self.knows_date.isChecked())
        self.lock(self.own, "pacer.has_own_account", "pacer.uses_shared_account")
        self.lock(self.account_type, "pacer.account_type")

    def _own_changed(self, value: str | None) -> None:
        own = {"own": True, "both": True, "shared": False, "none": False}.get(value or "")
        shared = {"own": False, "both": True, "shared": True, "none": False}.get(value or "")
        self.set_answer("pacer.has_own_account", own)
        self.set_answer("pacer.uses_shared_account", shared)
        self._enable()
        self.changed()

    def _sign_in_changed(self, value: bool | None) -> None:
        self.set_answer("pacer.can_sign_in", value)
        if value is not False:
            self.set_answer("pacer.sign_in_problem", None)  # the follow-up closes with its question
            self.problem.set_value(None)
        self._enable()
        self.changed()

    def _problem_changed(self, value: SignInProblem | None) -> None:
        self.set_answer("pacer.sign_in_problem", value)
        self.changed()

    def _show_verdict(self) -> None:
        text = self.username.text()
        if not text:
            self.verdict.setText("")
            self.username.setAccessibleDescription("")
            return
        check = classify_username(text)
        message = f"{_(MARKS[check.kind])} {check.message}"
        announce(self.verdict, message)
        self.username.setAccessibleDescription(message)

    def _username_changed(self, text: str) -> None:
        check = classify_username(text) if text else None
        self.set_answer("pacer.username", text if check and check.well_formed else None)
        self._show_verdict()
        self.changed()

    def _type_changed(self, value: AccountType | None) -> None:
        self.set_answer("pacer.account_type", value)
        self.changed()

    def _date_changed(self) -> None:
        text = self.created.text().strip()
        day = parse_typed_date(text) if self.knows_date.isChecked() else None
        if day is not None and not date(1988, 1, 1) <= day <= self.session.as_of:
            announce(
                self.created_note,
                _("{date} cannot be when the account was created.").format(date=long_date(day)),
            )
            day = None
        elif self.knows_date.isChecked() and text and day is None:
            announce(self.created_note, _("Type the date like 2012-03-05 or 3/5/2012."))
        else:
            announce(self.created_note, _("Created {date}.").format(date=long_date(day)) if day else "")
        self.set_answer("pacer.created_on", day.isoformat() if day else None)
        self._enable()
        self.changed()

    def blocked_reason(self) -> str | None:
        text = self.username.text()
        if text and not classify_username(text).well_formed:
            return _("correct the PACER username (see the note under it), or clear it.")
        return None
