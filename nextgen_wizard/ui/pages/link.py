from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ...domain.i18n import _
from ...domain.steps import Status, StepId
from ...session import Session
from ..accessibility import CourtGroup
from ..widgets import WrappingCheckBox, clear_layout
from .base import AnswerPage
from .step_view import StepView


class LinkPage(AnswerPage):
    help_key = "link"

    def __init__(self, session: Session) -> None:
        super().__init__(
            session,
            _("Link your accounts"),
            _("Each court links your old CM/ECF account to your PACER account once."),
        )

    def build(self) -> None:
        self.courts_box = QWidget()
        self.courts_layout = QVBoxLayout(self.courts_box)
        self.courts_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.courts_box)
        self.body.addStretch(1)
        self.checks: dict[str, QCheckBox] = {}

    def load(self) -> None:
        clear_layout(self.courts_layout)
        self.checks = {}
        checklist = self.session.plan()
        for court in checklist.courts:
            step = checklist.find(StepId.LINK_CMECF_ACCOUNT, court.id) or checklist.find(
                StepId.REQUEST_EFILING_PRIVILEGES, court.id
            )
            if step is None:
                continue
            box = CourtGroup(f"{court.name} ({court.id})")
            layout = QVBoxLayout(box)
            layout.addWidget(StepView(step, self.session.as_of, with_title=False))
            if step.id is StepId.LINK_CMECF_ACCOUNT:
                check = WrappingCheckBox(_("I have linked my account at {court}").format(court=court.id))
                check.setChecked(step.status is Status.DONE)
                if step.status is Status.SCHEDULED:
                    check.setEnabled(False)
                    check.setText(_("Linking at {court} opens on the date above").format(court=court.id))
                check.toggled.connect(lambda checked, cid=court.id: self._linked(cid, checked))
                layout.addWidget(check)
                self.checks[court.id] = check
            self.courts_layout.addWidget(box)

    def _linked(self, court_id: str, checked: bool) -> None:
        self.session.set_court_answer(court_id, "linked", True if checked else None)
        self.changed()
