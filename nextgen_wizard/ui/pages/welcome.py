from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ...domain.i18n import _
from ...session import Session
from ..widgets import Notice, button_row, text_label
from .base import AnswerPage


class WelcomePage(AnswerPage):
    help_key = "welcome"

    def __init__(self, session: Session) -> None:
        super().__init__(
            session, _("Welcome"), _("Get ready for NextGen CM/ECF without losing the ability to file.")
        )

    def build(self) -> None:
        self.body.addWidget(
            text_label(
                _(
                    "Federal courts now sign you in with one individual PACER account, and your old CM/ECF "
                    "filing account at each court has to be linked to it. This wizard finds out which steps "
                    "you still need, in about ten minutes, and ends with a checklist you can print."
                )
            )
        )
        self.body.addWidget(
            text_label(
                _(
                    "What is kept where: your answers stay in a file on this computer. Passwords are never "
                    "put in a file: if you ask, they go only to your computer's own password store (the "
                    "keyring). Nothing is sent anywhere."
                )
            )
        )
        self.body.addWidget(
            text_label(_("Press F1 or Help on any page for plain-language help and a glossary."))
        )
        self.notices = Notice("\n\n".join(self.session.notices))
        self.body.addWidget(self.notices)
        # Coming back weeks later: where you stand in one sentence, and a way straight to the checklist.
        self.standing = text_label("")
        self.standing.setObjectName("standing")
        self.standing.setAccessibleName(_("Where you stand"))
        self.to_checklist = QPushButton(_("Go to your &checklist"))
        self.to_checklist.clicked.connect(self._to_checklist)
        self.body.addWidget(self.standing)
        self.body.addLayout(button_row(self.to_checklist))
        if not self.session.saves and not self.session.demo and self.session.paths is not None:
            # answers from a newer version (left untouched), or a folder that cannot be written
            self.save_as_button = QPushButton(_("&Save answers as..."))
            self.save_as_button.clicked.connect(lambda: self.save_answers_as())
            self.body.addLayout(button_row(self.save_as_button))
        self.body.addStretch(1)

    def load(self) -> None:
        from ...domain.progress import where_you_stand

        sentence = where_you_stand(self.session.plan()) if self.session.answers.courts else None
        self.standing.setText(sentence or "")
        self.standing.setVisible(bool(sentence))
        self.to_checklist.setVisible(bool(sentence))

    def _to_checklist(self) -> None:
        from ..wizard import PageId

        wizard = self.wizard()
        if wizard is not None:
            wizard.go_to(PageId.CHECKLIST)  # type: ignore[attr-defined]  # NextGenWizard
