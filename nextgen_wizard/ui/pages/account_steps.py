"""Pages for the account-wide steps: upgrade, new account, firm billing, MFA."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...domain.answers import AccountType
from ...domain.i18n import _
from ...domain.steps import MANAGE_MY_ACCOUNT_URL, REGISTRATION_URL, StepId
from ...session import Session
from ..widgets import Choice, WrappingCheckBox, button_row, clear_layout, open_in_browser, text_label
from .base import AnswerPage
from .step_view import StepView


class StepPage(AnswerPage):
    """A page explaining one plan step, rebuilt from the plan each time it is shown."""

    step_id: StepId

    def __init__(self, session: Session, title: str, subtitle: str) -> None:
        super().__init__(session, title, subtitle)

    def build(self) -> None:
        self.step_box = QWidget()
        self.step_layout = QVBoxLayout(self.step_box)
        self.step_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.step_box)

    def show_step(self) -> None:
        clear_layout(self.step_layout)
        step = self.session.plan().find(self.step_id)
        if step is not None:
            self.step_layout.addWidget(StepView(step, self.session.as_of))

    def load(self) -> None:
        self.show_step()


def _open(parent: QWidget, url: str) -> None:
    open_in_browser(parent, url)


class UpgradePage(StepPage):
    help_key = "upgrade"
    step_id = StepId.UPGRADE_PACER_ACCOUNT
    warning_paths = ("pacer.account_type", "pacer.username")

    def __init__(self, session: Session) -> None:
        super().__init__(
            session, _("Upgrade your PACER account"), _("Legacy accounts cannot sign in to NextGen.")
        )

    def build(self) -> None:
        super().build()
        self.open_button = QPushButton(_("&Open Manage My Account in the browser"))
        self.open_button.clicked.connect(lambda: _open(self, MANAGE_MY_ACCOUNT_URL))
        # Translators: "Account Type" and "Upgraded PACER Account" are PACER's own words: keep them.
        self.done = WrappingCheckBox(_('I have &upgraded: Account Type now says "Upgraded PACER Account"'))
        self.done.toggled.connect(self._done_changed)
        self.body.addLayout(button_row(self.open_button))
        self.body.addWidget(self.done)
        self.body.addStretch(1)
        self.type_before: AccountType | None = None

    def load(self) -> None:
        self.show_step()
        self.type_before = self.answers.pacer.account_type
        self.done.blockSignals(True)
        self.done.setChecked(self.answers.pacer.account_type is AccountType.UPGRADED)
        self.done.blockSignals(False)
        self.lock(self.done, "pacer.account_type")

    def _done_changed(self, checked: bool) -> None:
        self.session.mark_upgraded(checked, self.type_before)
        self.changed()


class NewAccountPage(StepPage):
    help_key = "new_account"
    step_id = StepId.GET_INDIVIDUAL_PACER_ACCOUNT
    warning_paths = ("pacer.has_own_account", "pacer.registers_with_card")

    def __init__(self, session: Session) -> None:
        super().__init__(
            session, _("Get your own PACER account"), _("Shared accounts can no longer be used to file.")
        )

    def build(self) -> None:
        super().build()
        self.open_button = QPushButton(_("&Open PACER registration in the browser"))
        self.open_button.clicked.connect(lambda: _open(self, REGISTRATION_URL))
        self.done = WrappingCheckBox(_("I have &registered my own PACER account"))
        self.done.toggled.connect(self._done_changed)
        self.card = Choice(
            _("Will you register with a credit &card? (Without one, PACER mails an activation code.)")
        )
        self.card.changed.connect(self._card_changed)
        self.body.insertWidget(0, self.card)
        self.body.addLayout(button_row(self.open_button))
        self.body.addWidget(self.done)
        self.body.addStretch(1)

    def load(self) -> None:
        self.show_step()
        self.done.blockSignals(True)
        self.done.setChecked(bool(self.answers.pacer.has_own_account))
        self.done.blockSignals(False)
        self.card.set_value(self.answers.pacer.registers_with_card)
        self.card.setVisible("pacer.registers_with_card" in self.session.open_questions())
        self.lock(self.done, "pacer.has_own_account", "pacer.uses_shared_account")

    def _card_changed(self, value: bool | None) -> None:
        self.set_answer("pacer.registers_with_card", value)
        self.show_step()  # the lead time in the step's text depends on it
        self.changed()

    def _done_changed(self, checked: bool) -> None:
        self.session.mark_registered(checked)
        self.changed()


class FirmPage(AnswerPage):
    help_key = "firm"

    def __init__(self, session: Session) -> None:
        super().__init__(
            session, _("Firm billing account (optional)"), _("One PACER bill for the whole firm.")
        )

    def build(self) -> None:
        self.body.addWidget(
            text_label(
                _(
                    "A PACER Administrative Account (PAA) pays the PACER fees of the people the firm adds to "
                    "it. It cannot search or file, and each person still needs an individual account."
                )
            )
        )
        self.wants = Choice(_("Does your firm &want a firm billing account?"))
        self.has = Choice(_("Does your firm already h&ave one?"))
        self.wants.changed.connect(self._changed)
        self.has.changed.connect(self._changed)
        self.body.addWidget(self.wants)
        self.body.addWidget(self.has)
        self.body.addStretch(1)

    def load(self) -> None:
        self.wants.set_value(self.answers.firm.wants_billing_account)
        self.has.set_value(self.answers.firm.has_billing_account)
        self.lock(self.wants, "firm.wants_billing_account")
        self.lock(self.has, "firm.has_billing_account")

    def _changed(self) -> None:
        self.set_answer("firm.wants_billing_account", self.wants.value())
        self.set_answer("firm.has_billing_account", self.has.value())
        self.changed()


class MfaPage(StepPage):
    help_key = "mfa"
    step_id = StepId.ENROLL_MFA
    warning_paths = ("pacer.mfa_enrolled", "pacer.sign_in_problem")

    def __init__(self, session: Session) -> None:
        super().__init__(
            session, _("Multi-factor authentication"), _("PACER asks filers for a code from an app.")
        )

    def build(self) -> None:
        super().build()
        self.enrolled = Choice(_("Have you turned on &MFA in PACER?"))
        self.email = Choice(_("Is the &email address in your PACER account current?"))
        self.enrolled.changed.connect(self._changed)
        self.email.changed.connect(self._changed)
        self.body.insertWidget(0, self.enrolled)
        self.body.insertWidget(1, self.email)
        self.body.addStretch(1)

    def load(self) -> None:
        self.enrolled.set_value(self.answers.pacer.mfa_enrolled)
        self.email.set_value(self.answers.pacer.email_current)
        self.lock(self.enrolled, "pacer.mfa_enrolled")
        self.lock(self.email, "pacer.email_current")
        self.show_step()

    def _changed(self) -> None:
        self.set_answer("pacer.mfa_enrolled", self.enrolled.value())
        self.set_answer("pacer.email_current", self.email.value())
        self.show_step()
        self.changed()
