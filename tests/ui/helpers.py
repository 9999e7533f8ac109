"""Driving the wizard as a user would: pick answers on each page, press Next, watch the pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextgen_wizard.domain.answers import Answers, Role
from nextgen_wizard.session import Session
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.vault import MemoryVault

if TYPE_CHECKING:
    from nextgen_wizard.storage.vault import Vault
from nextgen_wizard.ui.widgets import Options
from nextgen_wizard.ui.wizard import NextGenWizard, PageId
from tests.helpers import CATALOG


def make_wizard(
    qtbot,
    tmp_path: Path,
    *,
    as_of: str = "2026-11-23",
    vault: Vault | None = None,
    answers: Answers | None = None,
) -> NextGenWizard:
    session = Session(
        answers=answers or Answers(),
        catalog=CATALOG,
        as_of=date.fromisoformat(as_of),
        vault=vault or MemoryVault(),
        store=AnswerStore(tmp_path / "answers.json"),
    )
    wizard = NextGenWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def pick(options: Options, value: Any) -> None:
    for index, button in enumerate(options.group.buttons()):
        if options.values[index] == value:
            button.click()
            return
    raise AssertionError(f"{options.title()} has no option {value!r}")


def page(wizard: NextGenWizard, page_id: PageId):
    assert wizard.currentId() == page_id, f"expected {page_id.name}, at {PageId(wizard.currentId()).name}"
    return wizard.currentPage()


class Walk:
    """Records the pages a wizard shows while a test answers them."""

    def __init__(self, wizard: NextGenWizard) -> None:
        self.wizard = wizard
        self.seen = [PageId(wizard.currentId())]

    def next(self) -> None:
        assert self.wizard.currentPage().isComplete(), f"{self.seen[-1].name} is not complete"
        self.wizard.next()
        self.seen.append(PageId(self.wizard.currentId()))
        if self.seen[-1] is PageId.SITUATION:
            self.situation()

    def situation(self, **answers: bool) -> None:
        """The rarer situations: "No" to every question shown, unless a test says otherwise."""
        situation = page(self.wizard, PageId.SITUATION)
        for path, choice in situation.questions.items():
            if not choice.isHidden():
                pick(choice, answers.get(path.replace(".", "__"), False))
        self.next()

    def courts(self, *court_ids: str, attorney: bool = True) -> None:
        courts = page(self.wizard, PageId.COURTS)
        pick(courts.role, Role.ATTORNEY if attorney else Role.NON_ATTORNEY)
        for court_id in court_ids:
            courts.search.setText(court_id)
            courts.add_button.click()
        self.next()

    def pacer(self, own: str, username: str = "", account_type: Any = None) -> None:
        pacer = page(self.wizard, PageId.PACER)
        pick(pacer.own, own)
        if username:
            pacer.username.setText(username)
            pacer.username.textEdited.emit(username)
        if account_type is not None:
            pick(pacer.account_type, account_type)
        self.next()

    def firm(self, wants: bool | None = False) -> None:
        firm = page(self.wizard, PageId.FIRM)
        if wants is not None:
            pick(firm.wants, wants)
        self.next()

    def mfa(self, enrolled: bool) -> None:
        mfa = page(self.wizard, PageId.MFA)
        pick(mfa.enrolled, enrolled)
        pick(mfa.email, True)
        self.next()

    def cmecf(self, **per_court: dict) -> None:
        cmecf = page(self.wizard, PageId.CMECF)
        for court_id, answers in per_court.items():
            box = cmecf.boxes[court_id]
            pick(box.has_account, answers.get("has", True))
            if "knows" in answers:
                pick(box.knows, answers["knows"])
            box.browser.setChecked(answers.get("browser", False))
        self.next()

    def link(self, *linked: str) -> None:
        link = page(self.wizard, PageId.LINK)
        for court_id in linked:
            link.checks[court_id].setChecked(True)
        self.next()

    def to_cmecf_page(self, court: str) -> None:
        """The usual answers up to the CM/ECF logins page: one court, an upgraded account, MFA on."""
        self.next()
        self.courts(court)
        self.pacer("own", "janedoe2016", "upgraded")
        self.firm(False)
        self.mfa(True)

    def final_steps(self) -> list[tuple[str, str | None, str]]:
        assert self.seen[-1] is PageId.CHECKLIST
        assert self.wizard.nextId() == -1
        return [(s.id.value, s.court, s.status.value) for s in self.wizard.session.plan().steps]


def type_login(qtbot, box, login: str, password: str):
    """Open a court's "Save ... in the keyring" dialog, type a login and password, press Save."""
    box.page.dialog = None
    box.save_button.click()
    qtbot.waitUntil(lambda: box.page.dialog is not None, timeout=5000)  # the keyring is checked first
    dialog = box.page.dialog
    dialog.login.setText(login)
    qtbot.keyClicks(dialog.password, password)  # typed, as a person types it
    dialog.save()
    return dialog
