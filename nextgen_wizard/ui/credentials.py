"""The dialog that saves a login and password in the OS keyring, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.i18n import _
from ..domain.pacer import (
    PasswordRule,
    cmecf_login_warning,
    password_problems,
    password_rule_text,
)
from ..session import KeyringLocked, KeyringTimeout, NoSecureKeyring, VaultError
from .accessibility import focus_before_caret
from .secret_field import SecretLineEdit, show_secret_as_picture
from .widgets import announce, run_in_background, text_label

Keep = Callable[[str, str], str]  # (login, password) -> what to tell the user; blocks on the keyring


class CredentialDialog(QDialog):
    """Login + password (with a reveal toggle); Save writes to the vault and reads it back."""

    def __init__(
        self,
        keep: Keep,
        where: str,
        what: str,
        *,
        login: str = "",
        check_pacer_rules: bool = False,
        person: tuple[str | None, str | None] = (None, None),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.keep, self.check_pacer_rules, self.person = keep, check_pacer_rules, person
        self.saved_message: str | None = None
        self.refused = False
        # Translators: {what} is "PACER" or "CM/ECF (mab)".
        self.setWindowTitle(_("Save your {what} login").format(what=what))
        self.setSizeGripEnabled(True)
        self.setMinimumWidth(min(self.fontMetrics().averageCharWidth() * 60, 1200))
        layout = QVBoxLayout(self)
        layout.addWidget(
            # Translators: {where} is the keyring's name, e.g. "Windows Credential Manager".
            text_label(
                _(
                    "The login and password are kept in {where}, your computer's own password store; "
                    "NextGen Ready writes only the entry's name in its answers. You can remove them any time."
                ).format(where=where)
            )
        )
        form = QFormLayout()
        self.login = QLineEdit(login)
        self.password = SecretLineEdit()  # its characters never reach assistive technology
        login_label, password_label = QLabel(_("&Login:")), QLabel(_("&Password:"))
        login_label.setBuddy(self.login)
        password_label.setBuddy(self.password)
        form.addRow(login_label, self.login)
        form.addRow(password_label, self.password)
        layout.addLayout(form)
        self.reveal = QCheckBox(_("S&how password"))
        self.reveal.toggled.connect(self._reveal)
        layout.addWidget(self.reveal)
        self.shown = QLabel()  # the revealed password, as a picture only (no text for a screen reader)
        self.shown.setAccessibleName(_("Your password, shown on screen only"))
        self.shown.hide()
        layout.addWidget(self.shown)
        self.feedback = text_label("")
        self.feedback.setAccessibleName(_("Password feedback"))
        layout.addWidget(self.feedback)
        self.status = text_label("")
        self.status.setAccessibleName(_("Save status"))
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.login.textChanged.connect(self._check)
        self.password.secretChanged.connect(self._check)
        focus_before_caret(self)
        self._check()

    def _reveal(self, shown: bool) -> None:
        self.shown.setVisible(shown)
        show_secret_as_picture(self.shown, self.password.secret() if shown else "")

    def _check(self) -> None:
        notes = []
        warning = cmecf_login_warning(self.login.text()) if not self.check_pacer_rules else None
        if warning:
            notes.append(warning)
        secret = self.password.secret()
        if self.reveal.isChecked():
            show_secret_as_picture(self.shown, secret)
        if self.check_pacer_rules and secret:
            first, last = self.person
            failed = password_problems(secret, first_name=first, last_name=last, username=self.login.text())
            if failed:
                notes.append(
                    _("PACER's 2025 rules this password does not meet: {rules}.").format(
                        rules="; ".join(password_rule_text(rule) for rule in failed)
                    )
                )
            else:
                notes.append(_("This password meets PACER's 2025 rules."))
        announce(self.feedback, "\n".join(notes))
        if self.check_pacer_rules:
            # The password field's description: the rules when it is empty, then what is still
            # missing; a screen reader says it on arrival and again whenever it changes.
            self.password.setAccessibleDescription(
                "\n".join(notes) if secret else _("PACER's 2025 password rules: {rules}.").format(
                    rules="; ".join(password_rule_text(rule) for rule in PasswordRule)
                )
            )
        ready = bool(self.login.text().strip() and secret)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ready)

    def save(self) -> None:
        login, password = self.login.text().strip(), self.password.secret()
        announce(self.status, _("Saving in the keyring..."))
        self.buttons.setEnabled(False)
        run_in_background(lambda: self.keep(login, password), self._saved)

    def _saved(self, message: str | None, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if error is None:
            self.saved_message = message
            self.password.clear_secret()  # the secret leaves this window as soon as it is stored
            announce(self.status, message or "")
            self.accept()
            return
        if isinstance(error, NoSecureKeyring):
            self.refused = True
            announce(self.status, str(error))
            self.password.clear_secret()
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        elif isinstance(error, (KeyringLocked, KeyringTimeout, VaultError)):
            announce(self.status, _("{error} (Nothing was saved. Press Save to retry.)").format(error=error))
        else:
            announce(
                self.status,
                _("Nothing was saved: {error}. Press Save to retry.").format(error=type(error).__name__),
            )
