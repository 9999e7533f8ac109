"""The rarer situations, asked only when the role opens them: CJA panel, trustee, staff, creditors."""

from __future__ import annotations

from ...domain.i18n import N_, _
from ...session import Session
from ..widgets import Choice
from .base import AnswerPage

# Answer path -> the question (domain.questions.SITUATION_PATHS, in the same order); each is shown
# only while the session says an answer opens it.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("attorney.cja_panel", N_("Are you on a &CJA panel (appointed counsel in criminal cases)?")),
    ("attorney.trustee", N_("Are you a bankruptcy &trustee (with a trustee account as well)?")),
    ("staff.files_for_me", N_("Does a paralegal or assistant &file documents for you?")),
    ("staff.uses_my_login", N_("Do they sign in with &your PACER login?")),
    ("staff.secondary_emails", N_("Should staff get the court's notices by &email too?")),
    ("creditor.claims_only", N_("Do you only file &proofs of claim (and read notices)?")),
)  # translated where shown


class SituationPage(AnswerPage):
    help_key = "situation"
    warning_paths = ("attorney", "staff", "creditor", "role")

    def __init__(self, session: Session) -> None:
        super().__init__(session, _("Your situation"), _("A few questions that change what you need to do."))

    def build(self) -> None:
        self.questions: dict[str, Choice] = {}
        for path, question in QUESTIONS:
            choice = Choice(_(question))
            choice.changed.connect(lambda value, p=path: self._changed(p, value))
            self.body.addWidget(choice)
            self.questions[path] = choice
        self.body.addStretch(1)

    def load(self) -> None:
        opened = self.session.open_questions()
        for path, choice in self.questions.items():
            section, name = path.split(".")
            choice.set_value(getattr(getattr(self.answers, section), name))
            choice.setVisible(path in opened)
            self.lock(choice, path)

    def _changed(self, path: str, value: bool | None) -> None:
        changes: dict[str, object] = {path: value}
        if path == "staff.files_for_me" and value is not True:
            changes["staff.uses_my_login"] = None  # its follow-up closes with it
        from ...session import ChangeRefused

        try:
            self.session.set_answers(changes)
        except ChangeRefused as error:
            self.save_notice.show_text(_("Not changed: {problems}").format(problems=" ".join(error.problems)))
        opened = self.session.open_questions()
        for other, choice in self.questions.items():
            choice.setVisible(other in opened)
        self.changed()
