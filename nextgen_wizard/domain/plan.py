"""The rules: Answers + court catalog + as-of date -> an ordered Checklist.

Everything that shows steps (wizard, CLI, PDF) reads this result; nothing else
decides which steps apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .answers import AccountType, Answers, CourtLogin, Role
from .courts import Catalog, Court, NextGenState, NextGenStatus
from .dates import long_date
from .pacer import (
    ACCOUNT_TYPE_HOW,
    CreationKind,
    UsernameKind,
    classify_created_on,
    classify_username,
)
from .steps import (
    HOW,
    MFA_REQUIRED_BY,
    MFA_VOLUNTARY_FROM,
    PACER_SERVICE_CENTER,
    TITLES,
    Contact,
    Status,
    StepId,
)


@dataclass(frozen=True)
class Step:
    id: StepId
    status: Status
    title: str
    why: str
    how: tuple[str, ...]
    court: str | None = None
    optional: bool = False
    due: date | None = None
    available_from: date | None = None
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class CourtSummary:
    id: str
    name: str
    status: NextGenStatus
    login_url: str
    web_url: str | None
    contact: Contact


@dataclass(frozen=True)
class Checklist:
    as_of: date
    steps: tuple[Step, ...]
    courts: tuple[CourtSummary, ...] = ()
    filer_name: str | None = None
    firm_name: str | None = None
    notes: tuple[str, ...] = field(default=())
    reminders: tuple[str, ...] = ()  # names of the OS keyring entries holding the user's logins

    def step_ids(self) -> list[str]:
        return [s.id.value for s in self.steps]

    def find(self, step_id: StepId, court: str | None = None) -> Step | None:
        for step in self.steps:
            if step.id is step_id and step.court == court:
                return step
        return None


class UnknownCourtError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def court_contact(court: Court) -> Contact:
    return Contact(
        name=f"Clerk's office, {court.name}",
        emails=court.emails,
        phones=court.phones,
        url=court.web_url,
    )


def _step(step_id: StepId, status: Status, why: str, **kwargs: object) -> Step:
    return Step(id=step_id, status=status, title=TITLES[step_id], why=why, how=HOW[step_id], **kwargs)  # type: ignore[arg-type]


def _court_step(step_id: StepId, court: Court, status: Status, why: str, **kwargs: object) -> Step:
    return Step(
        id=step_id,
        status=status,
        title=f"{TITLES[step_id]} ({court.name})",
        why=why,
        how=HOW[step_id],
        court=court.id,
        contacts=(court_contact(court),),
        **kwargs,  # type: ignore[arg-type]
    )


def _prepare_deadline(courts: list[Court], as_of: date) -> tuple[date | None, Court | None]:
    """The earliest last-day-to-prepare among courts that have not switched yet."""
    pending = [
        (c.last_day_to_prepare(), c) for c in courts if c.nextgen_status(as_of).state is NextGenState.UPCOMING
    ]
    dated: list[tuple[date, Court]] = [(d, c) for d, c in pending if d is not None]
    if not dated:
        return None, None
    return min(dated, key=lambda pair: pair[0])


def _deadline_words(deadline: date, court: Court, as_of: date) -> str:
    switch = f"{court.name} switches to NextGen on {long_date(court.nextgen_go_live)}"  # type: ignore[arg-type]
    if as_of > deadline:
        return f"{switch}; the last day to prepare was {long_date(deadline)}: act now."
    words = f"{switch}; act by {long_date(deadline)}."
    if court.prepare_by == deadline:
        day_after = date.fromordinal(deadline.toordinal() + 1)
        words += f' (The court\'s notice says "prior to {long_date(day_after)}".)'
    return words


def _account_step(answers: Answers, deadline: date | None, court: Court | None, as_of: date) -> Step:
    pacer = answers.pacer
    due = deadline
    if pacer.uses_shared_account:
        why = "You use a shared PACER account. Shared accounts can no longer be used by CM/ECF filers."
        status = Status.TODO
    elif pacer.has_own_account is False:
        why = "You do not have your own PACER account; every filer needs one."
        status = Status.TODO
    elif pacer.has_own_account:
        return _step(StepId.GET_INDIVIDUAL_PACER_ACCOUNT, Status.DONE, "You have your own PACER account.")
    else:
        why = "We do not know yet whether you have your own individual PACER account."
        status = Status.VERIFY
    if due and court:
        why += " " + _deadline_words(due, court, as_of)
    return _step(StepId.GET_INDIVIDUAL_PACER_ACCOUNT, status, why, due=due, contacts=(PACER_SERVICE_CENTER,))


def _legacy_evidence(answers: Answers) -> tuple[Status, str]:
    """Is the user's own account legacy? (status, reason in plain words)."""
    pacer = answers.pacer
    if pacer.account_type is AccountType.UPGRADED:
        return Status.DONE, 'You checked: your Account Type is "Upgraded PACER Account".'
    if pacer.account_type is AccountType.LEGACY:
        return Status.TODO, 'Your Account Type is "Legacy PACER Account".'
    by_name = classify_username(pacer.username) if pacer.username else None
    by_date = classify_created_on(pacer.created_on) if pacer.created_on else None
    if by_name and by_name.kind is UsernameKind.LEGACY:
        if by_date and by_date.kind is CreationKind.UPGRADED:
            return Status.VERIFY, (
                f"Your username {pacer.username} has the old legacy form, but the account "
                f"was created after August 11, 2014. {ACCOUNT_TYPE_HOW}"
            )
        return (
            Status.TODO,
            f"Your username {pacer.username} has the old legacy form (two letters, four digits).",
        )
    if by_date and by_date.kind is CreationKind.LEGACY:
        return Status.TODO, by_date.message
    if by_date and by_date.kind is CreationKind.AMBIGUOUS:
        return Status.VERIFY, by_date.message
    if by_date and by_date.kind is CreationKind.UPGRADED:
        return Status.DONE, by_date.message
    if by_name and by_name.kind is UsernameKind.UPGRADED_FORMAT:
        return Status.VERIFY, f"Your username {pacer.username} looks upgraded. {ACCOUNT_TYPE_HOW}"
    if by_name:
        return Status.VERIFY, by_name.message
    return Status.VERIFY, f"We cannot tell whether your account is legacy. {ACCOUNT_TYPE_HOW}"


def _upgrade_step(answers: Answers, deadline: date | None, court: Court | None, as_of: date) -> Step | None:
    pacer = answers.pacer
    if pacer.has_own_account is False:
        return None  # a new account is created upgraded
    if pacer.uses_shared_account and not pacer.has_own_account:
        return None  # the shared account is replaced, not upgraded
    status, why = _legacy_evidence(answers)
    if status is Status.DONE:
        return _step(StepId.UPGRADE_PACER_ACCOUNT, status, why)
    if deadline and court:
        why += " " + _deadline_words(deadline, court, as_of)
    else:
        why += " You cannot link or file in NextGen until the account is upgraded."
    return _step(StepId.UPGRADE_PACER_ACCOUNT, status, why, due=deadline, contacts=(PACER_SERVICE_CENTER,))


def _firm_step(answers: Answers) -> Step | None:
    if answers.firm.wants_billing_account and not answers.firm.has_billing_account:
        return _step(
            StepId.FIRM_BILLING_ACCOUNT,
            Status.TODO,
            "Your firm wants one bill for everyone's PACER fees. This is optional.",
            optional=True,
            contacts=(PACER_SERVICE_CENTER,),
        )
    return None


def _mfa_step(answers: Answers, as_of: date) -> Step | None:
    if as_of < MFA_VOLUNTARY_FROM:
        return None
    if answers.pacer.mfa_enrolled:
        return _step(StepId.ENROLL_MFA, Status.DONE, "You have turned on MFA in PACER.")
    if as_of <= MFA_REQUIRED_BY:
        why = (
            "PACER requires MFA for everyone who files (CM/ECF access) by December 31, 2025; "
            "filers were selected at random from August 11, 2025."
        )
        due: date | None = MFA_REQUIRED_BY
    else:
        why = (
            "PACER requires MFA for everyone who files (CM/ECF access) since December 31, 2025 "
            "(some courts said the rollout continues over the coming months). After three "
            'skipped prompts, "User Update Required" blocks your access.'
        )
        due = None
    status = Status.TODO if answers.pacer.mfa_enrolled is False else Status.VERIFY
    if status is Status.VERIFY:
        why = "We do not know whether you have turned on MFA. " + why
    if answers.pacer.email_current is not True:
        why += " Check first that the email address in your PACER account is current."
    return _step(StepId.ENROLL_MFA, status, why, due=due, contacts=(PACER_SERVICE_CENTER,))


def _court_steps(court: Court, login: CourtLogin, role: Role | None, as_of: date) -> list[Step]:
    status = court.nextgen_status(as_of)
    before = status.state is NextGenState.UPCOMING
    if login.has_filing_account is False:
        registration = (
            "Attorney Admissions/E-File Registration"
            if role is not Role.NON_ATTORNEY
            else "Non-Attorney E-File Registration"
        )
        why = f"You do not have a CM/ECF filing account at this court yet: use {registration}."
        if before:
            why += (
                f" Until {long_date(status.go_live)} ask the clerk how to register; "  # type: ignore[arg-type]
                "from then on it goes through PACER."
            )
        return [_court_step(StepId.REQUEST_EFILING_PRIVILEGES, court, Status.TODO, why)]

    steps: list[Step] = []
    if not login.linked:
        last_day = court.last_day_to_prepare() if before else None
        browser_can_still_help = bool(login.login_saved_in_browser) and before
        if login.knows_login is False and not browser_can_still_help:
            why = "You do not know your CM/ECF login or password for this court."
            if login.login_saved_in_browser:
                why += " It was only saved in your browser, which lost it at the switch."
            steps.append(_court_step(StepId.RECOVER_CMECF_LOGIN, court, Status.TODO, why))
        elif login.knows_login is None and not login.login_recorded:
            steps.append(
                _court_step(
                    StepId.RECOVER_CMECF_LOGIN,
                    court,
                    Status.VERIFY,
                    "Check that you know your CM/ECF login and password for this court: you "
                    "need both to link. If you do not, ask the clerk (not PACER).",
                )
            )
        if login.login_saved_in_browser and (login.knows_login is not False or before):
            if login.login_recorded:
                steps.append(
                    _court_step(
                        StepId.SAVE_CMECF_LOGIN, court, Status.DONE, "You saved your CM/ECF login safely."
                    )
                )
            else:
                why = "Your CM/ECF login is only remembered by your browser."
                why += (
                    f" It will be lost at the switch on {long_date(status.go_live)} and cannot be recovered."  # type: ignore[arg-type]
                    if before
                    else " You need it to link; keep a copy outside the browser."
                )
                steps.append(_court_step(StepId.SAVE_CMECF_LOGIN, court, Status.TODO, why, due=last_day))
    steps.append(_link_step(court, login, status))
    return steps


def _link_step(court: Court, login: CourtLogin, status: NextGenStatus) -> Step:
    notices = " ".join(court.notices)
    if login.linked:
        return _court_step(
            StepId.LINK_CMECF_ACCOUNT, court, Status.DONE, "You linked your accounts at this court."
        )
    if status.state is NextGenState.UPCOMING:
        why = (
            f"Linking opens when the court switches to NextGen on {long_date(status.go_live)}"  # type: ignore[arg-type]
            "; you need your upgraded PACER login and your CM/ECF login and password."
        )
        return _court_step(
            StepId.LINK_CMECF_ACCOUNT, court, Status.SCHEDULED, why, available_from=status.go_live
        )
    if status.state is NextGenState.UNKNOWN:
        why = f"{status.text} Link as soon as it is on NextGen."
        return _court_step(StepId.LINK_CMECF_ACCOUNT, court, Status.VERIFY, f"{why} {notices}".strip())
    why = (
        f"{status.text} Linking is per court and must be done before you can file here; "
        "you need your upgraded PACER login and your CM/ECF login and password."
    )
    if login.has_filing_account is None:
        why += " (If you never had a filing account here, ask for e-filing privileges instead.)"
    return _court_step(StepId.LINK_CMECF_ACCOUNT, court, Status.TODO, f"{why} {notices}".strip())


def resolve_courts(court_ids: list[str], catalog: Catalog) -> list[Court]:
    """The catalog's courts for these ids; every unknown id is reported with suggestions."""
    courts, problems = [], []
    for index, court_id in enumerate(court_ids):
        court = catalog.get(court_id)
        if court is not None:
            courts.append(court)
            continue
        close = catalog.suggest(court_id)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; see `nextgen-wizard courts`"
        problems.append(f'courts[{index}]: "{court_id}" is not a known court id{hint}')
    if problems:
        raise UnknownCourtError(problems)
    return courts


def plan(answers: Answers, catalog: Catalog, as_of: date) -> Checklist:
    courts = resolve_courts(answers.courts, catalog)
    deadline, deadline_court = _prepare_deadline(courts, as_of)
    candidates: list[Step | None] = [
        _account_step(answers, deadline, deadline_court, as_of),
        _upgrade_step(answers, deadline, deadline_court, as_of),
        _firm_step(answers),
        _mfa_step(answers, as_of),
    ]
    for court in courts:
        candidates.extend(_court_steps(court, answers.login_for(court.id), answers.role, as_of))
    notes = () if courts else ("No courts chosen yet: add the courts where you file.",)
    return Checklist(
        as_of=as_of,
        steps=tuple(s for s in candidates if s is not None),
        courts=tuple(
            CourtSummary(c.id, c.name, c.nextgen_status(as_of), c.login_url, c.web_url, court_contact(c))
            for c in courts
        ),
        filer_name=answers.filer.name,
        firm_name=answers.filer.firm,
        notes=notes,
        reminders=tuple(answers.keyring_entries),
    )
