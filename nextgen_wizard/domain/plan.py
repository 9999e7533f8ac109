"""The rules: Answers + court catalog + as-of date -> an ordered Checklist.

Everything that shows steps (wizard, CLI, PDF) reads this result; nothing else
decides which steps apply. Every step names the rules (domain/rules.py) it applies;
a rule is applied only on the days it is in force, so a replay of any date shows
that day's plan. Contradictory answers become warnings (domain/contradictions.py).
"""

from __future__ import annotations

from datetime import date

from .answers import AccountType, Answers, CourtLogin, Role, SignInProblem
from .contradictions import AnswerWarning, find_warnings
from .courts import Catalog, Court, CourtType, NextGenState, NextGenStatus, data_text
from .dates import long_date
from .i18n import N_, _
from .pacer import (
    ACCOUNT_TYPE_HOW,
    CreationKind,
    UsernameKind,
    classify_created_on,
    classify_username,
)
from .progress import ANSWER_FOR_STEP, WAITS, done_key
from .record import Record, field, replace
from .rules import RULES, RULES_CHECKED, WHERE_TO_CHECK, in_force, rules_may_have_changed
from .sources import Source, sources_for, split_keys
from .steps import (
    MFA_RANDOM_SELECTION_FROM,
    MFA_REQUIRED_BY,
    MFA_WHEN_PROMPTED_TITLE,
    PACER_SERVICE_CENTER,
    Contact,
    Status,
    StepId,
    how_lines,
    step_title,
    translated_lines,
)


class Step(Record, frozen=True):
    """One thing to do (or done, or to check), with why, how and whom to ask."""

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
    rules: tuple[str, ...] = ()  # ids in domain/rules.py that this step applies
    sources: tuple[Source, ...] = ()  # the pages its rules (and its court's corrections) rest on
    done_on: date | None = None  # the day the user ticked it off (answers' `done`)
    waiting_since: date | None = None  # the day the user asked someone else (answers' `requested`)


class CourtSummary(Record, frozen=True):
    """One of the user's courts as the checklist shows it."""

    id: str
    name: str
    status: NextGenStatus
    login_url: str
    web_url: str | None
    contact: Contact


class Checklist(Record, frozen=True):
    """plan()'s result: the steps, courts and warnings that the wizard, the CLI and the PDF all show."""

    as_of: date
    steps: tuple[Step, ...]
    courts: tuple[CourtSummary, ...] = ()
    filer_name: str | None = None
    firm_name: str | None = None
    notes: tuple[str, ...] = field(default=())
    reminders: tuple[str, ...] = ()  # names of the OS keyring entries holding the user's logins
    warnings: tuple[AnswerWarning, ...] = ()  # contradictory answers, printed first
    rules_checked: date = RULES_CHECKED  # when the rules were last compared with their sources
    court_data: str = ""  # which court data the steps come from (Catalog.describe())

    def find(self, step_id: StepId, court: str | None = None) -> Step | None:
        for step in self.steps:
            if step.id is step_id and step.court == court:
                return step
        return None

    @property
    def rules_may_have_changed(self) -> bool:
        return rules_may_have_changed(self.as_of)

    def warnings_for(self, answer_path: str) -> list[AnswerWarning]:
        """The warnings that involve this answer (for the wizard page where it is asked)."""
        return [w for w in self.warnings if answer_path in w.answers]


class UnknownCourtError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def court_contact(court: Court) -> Contact:
    return Contact(
        # Translators: a contact's name; {court} is the court's proper name (kept in English).
        name=_("Clerk's office, {court}").format(court=court.name),
        emails=court.emails,
        phones=court.phones,
        url=court.web_url,
        note=data_text(court.contact_note),
    )


def _step(step_id: StepId, status: Status, why: str, **kwargs: object) -> Step:
    kwargs.setdefault("title", step_title(step_id))
    kwargs.setdefault("how", how_lines(step_id))
    return Step(id=step_id, status=status, why=why, **kwargs)  # type: ignore[arg-type]


def _court_step(step_id: StepId, court: Court, status: Status, why: str, **kwargs: object) -> Step:
    kwargs.setdefault("how", how_lines(step_id))
    return Step(
        id=step_id,
        status=status,
        # Translators: a step's title for one court; {court} is the court's proper name.
        title=_("{title} ({court})").format(title=step_title(step_id), court=court.name),
        why=why,
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


def _live_court(courts: list[Court], as_of: date) -> Court | None:
    """The first chosen court already on NextGen: there, nobody files until upgraded and linked."""
    return next((c for c in courts if c.nextgen_status(as_of).state is NextGenState.LIVE), None)


def _due_now_words(court: Court) -> str:
    return _(
        "{court} is already on NextGen: you cannot file there until this is done and your account is "
        "linked. Do it now."
    ).format(court=court.name)


def _deadline_words(deadline: date, court: Court, as_of: date) -> str:
    go_live = long_date(court.nextgen_go_live)  # type: ignore[arg-type]
    if as_of > deadline:
        return _(
            "{court} switches to NextGen on {go_live}; the last day to prepare was {deadline}: act now."
        ).format(court=court.name, go_live=go_live, deadline=long_date(deadline))
    words = _("{court} switches to NextGen on {go_live}; act by {deadline}.").format(
        court=court.name, go_live=go_live, deadline=long_date(deadline)
    )
    if court.prepare_by == deadline:
        day_after = date.fromordinal(deadline.toordinal() + 1)
        # Translators: quotes the court's notice (written in English), which gives the day after the deadline.
        words += " " + _('(The court\'s notice says "prior to {date}".)').format(date=long_date(day_after))
    return words


# --- PACER account ---------------------------------------------------------------------


def _account_steps(
    answers: Answers, deadline: date | None, court: Court | None, as_of: date, live: Court | None = None
) -> list[Step]:
    pacer = answers.pacer
    rules: tuple[str, ...] = ("individual-account",)
    if pacer.has_own_account and pacer.uses_shared_account:
        # Own account and the firm's shared one: they have an account; the shared one is for viewing.
        return [
            _step(
                StepId.GET_INDIVIDUAL_PACER_ACCOUNT,
                Status.DONE,
                _("You have your own PACER account."),
                rules=rules,
            ),
            _step(
                StepId.USE_OWN_ACCOUNT_FOR_FILING,
                Status.TODO,
                _(
                    "You also use a shared PACER account. Shared accounts can no longer be used by CM/ECF "
                    "filers: file with your own (upgraded) account and keep the shared one for viewing only."
                ),
                rules=rules,
            ),
        ]
    if pacer.uses_shared_account:
        why = _("You use a shared PACER account. Shared accounts can no longer be used by CM/ECF filers.")
        status = Status.TODO
    elif pacer.has_own_account is False:
        why = _("You do not have your own PACER account; every filer needs one.")
        status = Status.TODO
    elif pacer.has_own_account:
        return [
            _step(
                StepId.GET_INDIVIDUAL_PACER_ACCOUNT,
                Status.DONE,
                _("You have your own PACER account."),
                rules=rules,
            )
        ]
    else:
        why = _("We do not know yet whether you have your own individual PACER account.")
        status = Status.VERIFY
    if live is not None:
        why += " " + _due_now_words(live)
        deadline = as_of
        rules += ("upgrade-due-now",)
    elif due_words := (_deadline_words(deadline, court, as_of) if deadline and court else ""):
        why += " " + due_words
    if (status is Status.TODO and pacer.uses_shared_account is not True) or pacer.has_own_account is False:
        rules += ("registration-lead-time",)
        if pacer.registers_with_card is False:
            why += " " + _(
                "Without a credit card PACER mails you an activation token: allow 7 to 10 business "
                "days. Registering with a card is faster."
            )
        else:
            why += " " + _(
                "Registering with a credit card is fastest; without one, activation comes by "
                "letter in 7 to 10 business days."
            )
    return [
        _step(
            StepId.GET_INDIVIDUAL_PACER_ACCOUNT,
            status,
            why,
            due=deadline,
            contacts=(PACER_SERVICE_CENTER,),
            rules=rules,
        )
    ]


def _legacy_evidence(answers: Answers) -> tuple[Status, str]:
    """Is the user's own account legacy? Evidence in this order: Account Type, username, creation date."""
    pacer = answers.pacer
    if pacer.account_type is AccountType.UPGRADED:
        return Status.DONE, _('You checked: your Account Type is "Upgraded PACER Account".')
    if pacer.account_type is AccountType.LEGACY:
        return Status.TODO, _('Your Account Type is "Legacy PACER Account".')
    by_name = classify_username(pacer.username) if pacer.username else None
    by_date = classify_created_on(pacer.created_on) if pacer.created_on else None
    if by_name and by_name.kind is UsernameKind.LEGACY:
        why = _("Your username {username} has the old legacy form (two letters, four digits).").format(
            username=pacer.username
        )
        if by_date and by_date.kind is not CreationKind.LEGACY:
            # Translators: {how} is the sentence telling where to read the Account Type.
            why += " " + _("(Your creation date disagrees; the username decides. {how})").format(
                how=_(ACCOUNT_TYPE_HOW)
            )
        return Status.TODO, why
    if by_name and by_name.kind is UsernameKind.UPGRADED_FORMAT:
        why = _("Your username {username} has the upgraded form (8 or more characters).").format(
            username=pacer.username
        )
        if by_date and by_date.kind is not CreationKind.UPGRADED:
            why += " " + _(
                "An account created before August 2014 keeps its creation date when it is upgraded "
                "(it gets a new username), so the early date does not make it legacy."
            )
        return Status.VERIFY, f"{why} {_(ACCOUNT_TYPE_HOW)}"
    if by_date and by_date.kind is CreationKind.LEGACY:
        return Status.TODO, by_date.message
    if by_date and by_date.kind is CreationKind.AMBIGUOUS:
        return Status.VERIFY, by_date.message
    if by_date and by_date.kind is CreationKind.UPGRADED:
        return Status.DONE, by_date.message
    if by_name:
        return Status.VERIFY, by_name.message
    return Status.VERIFY, _("We cannot tell whether your account is legacy.") + " " + _(ACCOUNT_TYPE_HOW)


def _upgrade_step(
    answers: Answers, deadline: date | None, court: Court | None, as_of: date, live: Court | None = None
) -> Step | None:
    pacer = answers.pacer
    if not in_force("legacy-cutoff", as_of):
        return None  # before August 11, 2014 every account had the old form
    if pacer.has_own_account is False:
        return None  # a new account is created upgraded
    if pacer.uses_shared_account and not pacer.has_own_account:
        return None  # the shared account is replaced, not upgraded
    rules: tuple[str, ...] = ("legacy-cutoff", "legacy-evidence-order", "upgrade-new-username")
    status, why = _legacy_evidence(answers)
    if status is Status.DONE:
        return _step(StepId.UPGRADE_PACER_ACCOUNT, status, why, rules=rules)
    if live is not None:
        why += " " + _due_now_words(live)
        deadline = as_of
        rules = (*rules, "upgrade-due-now")
    elif deadline and court:
        why += " " + _deadline_words(deadline, court, as_of)
    else:
        why += " " + _("You cannot link or file in NextGen until the account is upgraded.")
    if status is Status.TODO:
        why += " " + _("Upgrading gives you a new username: write it down.")
    return _step(
        StepId.UPGRADE_PACER_ACCOUNT, status, why, due=deadline, contacts=(PACER_SERVICE_CENTER,), rules=rules
    )


class _SignInCase(Record, frozen=True):
    """One reason a filer cannot sign in to PACER, and the step that answers it."""

    step: StepId
    status: Status
    why: str  # N_: translated where the step is made
    rules: tuple[str, ...]
    self_reset: bool = False  # PACER's own reset of an inactive account, once in force, is added
    court_contacts: bool = False  # the filer's courts' clerks are named beside the PACER Service Center
    how: tuple[str, ...] | None = None  # N_ each; None: the step's usual lines


_FORGOT_WITH_STALE_EMAIL = "forgot-login-stale-email"  # FORGOT_LOGIN with pacer.email_current false
_SIGN_IN_CASES: dict[str, _SignInCase] = {
    _FORGOT_WITH_STALE_EMAIL: _SignInCase(
        StepId.RECOVER_PACER_LOGIN,
        Status.TODO,
        N_(
            "You cannot sign in to PACER: you forgot your username or password, and the email "
            "address in your PACER account is out of date. PACER's \"Forgot Username/Password\" sends "
            "its reset to that old address, so call the PACER Service Center directly: it can "
            "confirm who you are and update the email. For an old CM/ECF login of a court, ask that "
            "court's clerk."
        ),
        ("forgot-pacer-login", "forgot-login-stale-email"),
        court_contacts=True,
        how=(
            N_("Call the PACER Service Center (below); have your 7-digit PACER account number ready "
               "if you have it (it is on PACER invoices and statements)."),
            N_("Once you are back in, update the email address under Manage My Account."),
            N_("An old CM/ECF login for a court that has not switched is the court's, not PACER's: "
               "ask that court's clerk."),
        ),
    ),
    SignInProblem.FORGOT_LOGIN: _SignInCase(
        StepId.RECOVER_PACER_LOGIN,
        Status.TODO,
        N_(
            "You cannot sign in to PACER: you forgot your username or password. PACER resets it "
            "itself (not the court)."
        ),
        ("forgot-pacer-login",),
        self_reset=True,
    ),
    SignInProblem.INACTIVE: _SignInCase(
        StepId.REACTIVATE_PACER_ACCOUNT,
        Status.TODO,
        N_(
            "PACER says your account is inactive. After six months without use PACER marks the search "
            "status inactive; filers can still file in CM/ECF, and the PACER Service Center "
            "reactivates searching."
        ),
        ("inactive-account",),
        self_reset=True,
    ),
    SignInProblem.DEACTIVATED: _SignInCase(
        StepId.REACTIVATE_PACER_ACCOUNT,
        Status.TODO,
        N_(
            "PACER says your account is deactivated. PACER's FAQ says accounts unused for more than two "
            'years are deactivated automatically (court notices describe six months to "inactive" '
            "instead). Ask the PACER Service Center what it needs to reactivate the account."
        ),
        ("inactive-account",),
    ),
    SignInProblem.MFA_DEVICE_LOST: _SignInCase(
        StepId.REGAIN_MFA_ACCESS,
        Status.TODO,
        N_(
            "You lost the phone or app that makes your PACER MFA codes. If a filing is due before "
            "you are back in, call the clerk's office of that court today: courts take filings by "
            "their emergency or technical-failure procedure (in their local rules or CM/ECF "
            "procedures) when a filer cannot sign in. Then get your MFA back with the PACER "
            "Service Center."
        ),
        ("mfa-lost-device", "filing-due-cannot-sign-in"),
        court_contacts=True,
    ),
    SignInProblem.UNKNOWN: _SignInCase(
        StepId.RECOVER_PACER_LOGIN,
        Status.VERIFY,
        N_(
            'You cannot sign in to PACER and we do not know why. Try "Forgot Username" or "Forgot '
            "Password\" on PACER's login page; if PACER says the account is inactive or deactivated, call "
            "the PACER Service Center."
        ),
        ("forgot-pacer-login", "inactive-account"),
    ),
}


def _sign_in_case(problem: SignInProblem, email_current: bool | None, as_of: date) -> _SignInCase:
    if problem is SignInProblem.FORGOT_LOGIN and email_current is False:
        return _SIGN_IN_CASES[_FORGOT_WITH_STALE_EMAIL]
    if problem is SignInProblem.MFA_DEVICE_LOST and not in_force("mfa-lost-device", as_of):
        return _SIGN_IN_CASES[SignInProblem.UNKNOWN]
    return _SIGN_IN_CASES[problem]


def _sign_in_step(answers: Answers, as_of: date, courts: list[Court] | tuple[Court, ...] = ()) -> Step | None:
    pacer = answers.pacer
    if pacer.can_sign_in is not False and pacer.sign_in_problem is None:
        return None
    if pacer.can_sign_in is True:
        return None  # contradiction: reported as a warning
    case = _sign_in_case(pacer.sign_in_problem or SignInProblem.UNKNOWN, pacer.email_current, as_of)
    self_reset = case.self_reset and in_force("inactive-self-reset", as_of)
    why = _(case.why)
    if self_reset:
        why += " " + _(
            "Since October 16, 2025 filers whose search status went inactive can reset their own "
            "password there too."
        )
    contacts = (PACER_SERVICE_CENTER, *(court_contact(c) for c in courts)) if case.court_contacts else (
        PACER_SERVICE_CENTER,
    )
    extra: dict[str, object] = {} if case.how is None else {"how": tuple(_(line) for line in case.how)}
    rules = (*case.rules, "inactive-self-reset") if self_reset else case.rules
    return _step(case.step, case.status, why, contacts=contacts, rules=rules, **extra)


def _firm_step(answers: Answers) -> Step | None:
    if answers.firm.wants_billing_account and not answers.firm.has_billing_account:
        return _step(
            StepId.FIRM_BILLING_ACCOUNT,
            Status.TODO,
            _("Your firm wants one bill for everyone's PACER fees. This is optional."),
            optional=True,
            contacts=(PACER_SERVICE_CENTER,),
            rules=("firm-billing-account",),
        )
    return None


MFA_READY_HOW = (
    N_(
        "Do not enrol before PACER prompts you at login: no prompt, no action, and no call to the "
        "PACER Service Center is needed to enrol."
    ),
    N_(
        "Be ready: install an authenticator app (for example Authy, Duo, FreeOTP, Google or Microsoft "
        "Authenticator). PACER does not use text messages or push."
    ),
    N_(
        "Make sure the email address in your PACER account is current: adding an app needs a code sent there."
    ),
    N_(
        'When prompted: add the app, then choose "Get New Codes" for 10 backup codes and keep them '
        'safe. Apps can be added later under Settings > "Manage MFA Settings" (up to five).'
    ),
    N_('You can skip the prompt three times; after that "User Update Required" blocks your access.'),
    N_("If you use third-party filing software, check that it supports MFA before you enrol."),
)
PASSWORD_WHEN_PROMPTED = N_(
    "At the prompt you may also have to set a new password: 14 to 45 characters, an upper and a "
    "lower case letter, a special character, nothing from your name, username or email; "
    "changed every 180 days."
)


def _mfa_step(answers: Answers, as_of: date) -> Step | None:
    if in_force("mfa-when-prompted", as_of):
        rules: tuple[str, ...] = ("mfa-when-prompted",)
        how: tuple[str, ...] = translated_lines(MFA_READY_HOW)
        if in_force("password-2025", as_of):
            how += (_(PASSWORD_WHEN_PROMPTED),)
            rules += ("password-2025",)
        if answers.pacer.mfa_enrolled:
            return _step(
                StepId.ENROLL_MFA,
                Status.DONE,
                _("You have turned on MFA in PACER."),
                title=_(MFA_WHEN_PROMPTED_TITLE),
                how=how,
                rules=rules,
            )
        why = _(
            "PACER is turning on multi-factor authentication (MFA) for everyone who files, one "
            "filer at a time at login; PACER and the courts say to enrol only when PACER prompts "
            "you (its guidance since late September 2025). The announced goal was December 31, "
            "2025; no source says whether it was met."
        )
        if answers.pacer.email_current is not True:
            why += " " + _("Check now that the email address in your PACER account is current.")
        return _step(
            StepId.ENROLL_MFA,
            Status.TODO,
            why,
            title=_(MFA_WHEN_PROMPTED_TITLE),
            how=how,
            contacts=(PACER_SERVICE_CENTER,),
            rules=rules,
        )
    if not in_force("mfa-rollout-2025", as_of):
        return None
    rules = ("mfa-rollout-2025", *(("password-2025",) if in_force("password-2025", as_of) else ()))
    if answers.pacer.mfa_enrolled:
        return _step(StepId.ENROLL_MFA, Status.DONE, _("You have turned on MFA in PACER."), rules=rules)
    if as_of < MFA_RANDOM_SELECTION_FROM:
        why = _(
            "PACER will require MFA for everyone who files (CM/ECF access) by December 31, 2025; "
            "filers will be selected at random from August 11, 2025. Until then you may turn it on "
            "yourself."
        )
    else:
        why = _(
            "PACER requires MFA for everyone who files (CM/ECF access) by December 31, 2025; "
            "filers are being selected at random since August 11, 2025."
        )
    status = Status.TODO if answers.pacer.mfa_enrolled is False else Status.VERIFY
    if status is Status.VERIFY:
        why = _("We do not know whether you have turned on MFA.") + " " + why
    if answers.pacer.email_current is not True:
        why += " " + _("Check first that the email address in your PACER account is current.")
    return _step(
        StepId.ENROLL_MFA, status, why, due=MFA_REQUIRED_BY, contacts=(PACER_SERVICE_CENTER,), rules=rules
    )


def _staff_steps(answers: Answers, as_of: date) -> list[Step]:
    steps: list[Step] = []
    if answers.role is Role.ATTORNEY and answers.staff.uses_my_login:
        why = _(
            "Your staff file under your PACER login. Whether that is allowed is a local-rule "
            "question: some courts allow it only if you authorize it, others leave it to you."
        )
        rules: tuple[str, ...] = ("staff-own-account",)
        if in_force("mfa-five-apps", as_of):
            why += " " + _(
                "With MFA your account holds up to five authenticator apps: you plus four staff "
                "(filing software may take one)."
            )
            rules += ("mfa-five-apps",)
        steps.append(_step(StepId.STAFF_FILING_ACCESS, Status.VERIFY, why, rules=rules))
    if answers.role is Role.ATTORNEY and answers.attorney.cja_panel:
        steps.append(
            _step(
                StepId.CJA_EXEMPTION,
                Status.TODO,
                _("You are on a CJA panel: one PACER account can view fee-exempt for CJA work."),
                contacts=(PACER_SERVICE_CENTER,),
                rules=("cja-exemption",),
            )
        )
    return steps


# --- per court ---------------------------------------------------------------------------------


def _registration_step(
    court: Court, login: CourtLogin, answers: Answers, before: bool, go_live: date | None
) -> Step:
    role = answers.role
    rules: tuple[str, ...] = ("efile-registration",)
    lead = " " + _("Processing varies by court, from one business day to about a week: ask in good time.")
    if role is Role.FILING_AGENT:
        status = Status.TODO if court.type is CourtType.BANKRUPTCY else Status.VERIFY
        why = _(
            "You file for an attorney or trustee and have no filing-agent registration at this court yet."
        )
        if status is Status.VERIFY:
            why += " " + _(
                "Filing agents are mainly a bankruptcy-court registration: check that this "
                "court accepts them."
            )
        if court.registration_note:
            lead += " " + (data_text(court.registration_note) or "")
        return _court_step(
            StepId.REGISTER_FILING_AGENT, court, status, why + lead, rules=(*rules, "filing-agent")
        )
    if role is Role.ATTORNEY or role is None:
        registration = "Attorney Admissions/E-File Registration"
    else:
        registration = "Non-Attorney E-File Registration"
    if login.recovery_failed:
        # Translators: {registration} is PACER's English menu item ("Attorney Admissions/E-File
        # Registration" or "Non-Attorney E-File Registration"): it stays in English.
        why = _(
            "Your old CM/ECF login for this court cannot be recovered: submit a new e-file registration "
            "through PACER ({registration})."
        ).format(registration=registration)
        why += " " + (
            _("This court then links your old account itself.")
            if court.links_old_account_itself
            else _("Some courts then link the old account themselves; ask the clerk.")
        )
        rules += ("cmecf-login-unrecoverable",)
    else:
        # Translators: {registration} is PACER's English menu item: keep it in English, in quotes.
        why = _("You do not have a CM/ECF filing account at this court yet: use {registration}.").format(
            registration=registration
        )
    if role is Role.ATTORNEY and login.pro_hac_vice:
        why += " " + _(
            "For pro hac vice the order depends on the court: many (S.D.N.Y., E.D.N.Y., W.D.N.Y. "
            "Bankruptcy) need this registration, with \"Pro Hac Vice\" chosen, BEFORE you file the "
            "motion, which you then e-file yourself; others (N.D. Okla., D. Mass. Bankruptcy, W.D. Va. "
            "Bankruptcy) have you register after the motion or order, with the case number. Check this "
            "court's pro hac vice page first."
        )
        if court.pro_hac_vice_url:
            why += " " + _("This court's pro hac vice page: {url}").format(url=court.pro_hac_vice_url)
        rules += ("pro-hac-vice",)
    if role is Role.CREDITOR:
        # Translators: "Role" and "Creditor" are PACER's English field and choice: keep them.
        why += " " + _('Choose Role "Creditor".')
        rules += ("creditor-pro-se",)
    if role is Role.PRO_SE:
        why += " " + _(
            "Not every court accepts e-filing from parties without a lawyer: some only after an order "
            "allowing it, some offer an email inbox instead. Check this court's rules first."
        )
        rules += ("creditor-pro-se",)
    if before:
        why += " " + _(
            "Until {date} ask the clerk how to register; from then on it goes through PACER."
        ).format(date=long_date(go_live))  # type: ignore[arg-type]
    status = Status.VERIFY if role is Role.PRO_SE else Status.TODO
    if court.registration_note:
        lead += " " + (data_text(court.registration_note) or "")
    return _court_step(StepId.REQUEST_EFILING_PRIVILEGES, court, status, why + lead, rules=rules)


def _recover_how(court: Court) -> tuple[str, ...]:
    how = how_lines(StepId.RECOVER_CMECF_LOGIN)
    if court.login_help_url:
        how = (
            _("This court offers its own CM/ECF login retrieval or reset: {url}").format(
                url=court.login_help_url
            ),
            *how,
        )
    if court.links_old_account_itself:
        how += (_("This court links the old account itself after a new e-file registration."),)
    return how


def _login_steps(court: Court, login: CourtLogin, status: NextGenStatus) -> list[Step]:
    """Recover or save the old CM/ECF login before linking (not yet linked)."""
    steps: list[Step] = []
    before = status.state is NextGenState.UPCOMING
    browser_only = bool(login.login_saved_in_browser) and not login.login_recorded
    # After the switch a login that only the browser knew is lost, whether the filer said they
    # do not know it (false) or did not say (null): docs/domain-rules.md.
    lost_with_browser = browser_only and not before and login.knows_login is not True
    if (login.knows_login is False and not (browser_only and before)) or lost_with_browser:
        if login.login_recorded and login.knows_login is False:
            pass  # contradiction (warning): the recorded copy is the answer
        else:
            why = _("You do not know your CM/ECF login or password for this court.")
            if lost_with_browser or login.login_saved_in_browser:
                why += " " + _(
                    "It was only saved in your browser, which stopped filling it in at the switch; "
                    "look in the browser's saved passwords before you ask the clerk."
                )
            steps.append(
                _court_step(
                    StepId.RECOVER_CMECF_LOGIN,
                    court,
                    Status.TODO,
                    why,
                    how=_recover_how(court),
                    rules=("recover-cmecf-login", "save-browser-login"),
                )
            )
            return steps
    elif login.knows_login is None and not login.login_recorded:
        steps.append(
            _court_step(
                StepId.RECOVER_CMECF_LOGIN,
                court,
                Status.VERIFY,
                _(
                    "Check that you know your CM/ECF login and password for this court: you need both to "
                    "link. If you do not, use the court's own retrieval page where it has one, or ask the "
                    "clerk (not PACER)."
                ),
                how=_recover_how(court),
                rules=("recover-cmecf-login",),
            )
        )
    if login.login_saved_in_browser:
        if login.login_recorded:
            steps.append(
                _court_step(
                    StepId.SAVE_CMECF_LOGIN,
                    court,
                    Status.DONE,
                    _("You saved your CM/ECF login safely."),
                    rules=("save-browser-login",),
                )
            )
        else:
            why = _("Your CM/ECF login is only remembered by your browser.")
            why += " " + (
                _("It will be lost at the switch on {date} and cannot be recovered.").format(
                    date=long_date(status.go_live)  # type: ignore[arg-type]
                )
                if before
                else _("You need it to link; keep a copy outside the browser.")
            )
            due = date.fromordinal(status.go_live.toordinal() - 1) if before and status.go_live else None
            steps.append(
                _court_step(
                    StepId.SAVE_CMECF_LOGIN,
                    court,
                    Status.TODO,
                    why,
                    due=court.last_day_to_prepare() if before else due,
                    rules=("save-browser-login",),
                )
            )
    return steps


def _link_step(court: Court, login: CourtLogin, status: NextGenStatus, optional_why: str = "") -> Step:
    notices = " ".join(data_text(notice) or "" for notice in court.notices)
    rules = ("link-per-court",)
    optional = bool(optional_why)
    if login.linked:
        return _court_step(
            StepId.LINK_CMECF_ACCOUNT,
            court,
            Status.DONE,
            _("You linked your accounts at this court."),
            rules=rules,
        )
    if status.state is NextGenState.UPCOMING:
        why = _(
            "Linking opens when the court switches to NextGen on {date}; you need your upgraded PACER "
            "login and your CM/ECF login and password."
        ).format(date=long_date(status.go_live))  # type: ignore[arg-type]
        return _court_step(
            StepId.LINK_CMECF_ACCOUNT,
            court,
            Status.SCHEDULED,
            f"{optional_why}{why}",
            available_from=status.go_live,
            rules=rules,
            optional=optional,
        )
    if status.state is NextGenState.UNKNOWN:
        why = f"{optional_why}{status.text} " + _("Link as soon as it is on NextGen.")
        return _court_step(
            StepId.LINK_CMECF_ACCOUNT,
            court,
            Status.VERIFY,
            f"{why} {notices}".strip(),
            rules=rules,
            optional=optional,
        )
    why = f"{optional_why}{status.text} " + _(
        "Linking is per court and must be done before you can file here; "
        "you need your upgraded PACER login and your CM/ECF login and password."
    )
    if login.has_filing_account is None:
        why += " " + _("(If you never had a filing account here, ask for e-filing privileges instead.)")
    return _court_step(
        StepId.LINK_CMECF_ACCOUNT,
        court,
        Status.TODO,
        f"{why} {notices}".strip(),
        rules=rules,
        optional=optional,
    )


def _acms_step(court: Court, login: CourtLogin, as_of: date) -> Step | None:
    acms = court.acms_status(as_of)
    if acms is None:
        return None
    rule = {"ca9": "acms-ca9", "ca2": "acms-ca2", "cavc": "acms-cavc"}.get(court.id)
    rules = (rule,) if rule else ()
    since = long_date(acms.since)
    scope = data_text(acms.scope)
    if acms.all_new_cases:
        # Translators: {court} is the court's proper name; {scope} which cases, e.g. "all new cases".
        why = _(
            "{court} files {scope} in ACMS, not CM/ECF (ACMS since {since}); you sign in "
            "with your upgraded PACER login."
        ).format(court=court.name, scope=scope, since=since)
        if acms.old_cases_stay_in_cmecf:
            why += " " + _("Cases opened in CM/ECF before stay in CM/ECF.")
        if login.has_filing_account:
            done = _("You are a registered filer here: no further action is needed.")
            if court.acms_login_only:
                done = _(
                    "You are a registered filer here: you sign in with your PACER login and need no "
                    "further action, and no link step."
                )
            return _court_step(StepId.FILE_IN_ACMS, court, Status.DONE, why + " " + done, rules=rules)
        status = Status.TODO if login.has_filing_account is False else Status.VERIFY
        if status is Status.VERIFY:
            why += " " + _("If you are not yet a registered filer here, register through PACER first.")
        return _court_step(StepId.FILE_IN_ACMS, court, status, why, rules=rules)
    # Translators: {court} is the court's proper name; {scope} which cases, e.g. "some case types".
    why = _(
        "{court} files {scope} in ACMS with your PACER login; other cases stay in CM/ECF. "
        "Check the court's website for the system your case type uses."
    ).format(court=court.name, scope=scope)
    return _court_step(StepId.FILE_IN_ACMS, court, Status.VERIFY, why, rules=rules)


def _court_steps(court: Court, answers: Answers, as_of: date) -> list[Step]:
    login = answers.login_for(court.id)
    role = answers.role
    status = court.nextgen_status(as_of)
    before = status.state is NextGenState.UPCOMING
    steps: list[Step] = []

    if role is Role.CREDITOR and answers.creditor.claims_only and court.type is CourtType.BANKRUPTCY:
        return [
            _court_step(
                StepId.FILE_CLAIMS_WITH_EPOC,
                court,
                Status.TODO,
                _("You only file proofs of claim: the court's ePOC form needs no login or account."),
                rules=("creditor-pro-se",),
            )
        ]

    acms_step = _acms_step(court, login, as_of)
    acms = court.acms_status(as_of)
    all_new_in_acms = acms is not None and acms.all_new_cases
    if acms_step:
        steps.append(acms_step)

    if answers.role is Role.ATTORNEY and answers.attorney.trustee and court.type is CourtType.BANKRUPTCY:
        if login.trustee_linked:
            steps.append(
                _court_step(
                    StepId.LINK_TRUSTEE_ACCOUNT,
                    court,
                    Status.DONE,
                    _("You linked your trustee account here too."),
                    rules=("trustee-link",),
                )
            )
        else:
            st = Status.SCHEDULED if before else Status.TODO
            steps.append(
                _court_step(
                    StepId.LINK_TRUSTEE_ACCOUNT,
                    court,
                    st,
                    _(
                        "You are a trustee: your trustee CM/ECF account is linked on its own, not with "
                        "your attorney account, and a link cannot be undone. D. Nev. Bankruptcy requires "
                        "a separate PACER account for each CM/ECF account: do not link your trustee login "
                        "to your personal attorney PACER account unless this court says you may."
                    ),
                    available_from=status.go_live if before else None,
                    rules=("trustee-link",),
                )
            )
    cmecf_steps: list[Step] = []
    if login.has_filing_account is False or login.recovery_failed:
        if not (all_new_in_acms and login.has_filing_account is False):  # ACMS step covers registering
            cmecf_steps.append(_registration_step(court, login, answers, before, status.go_live))
    elif all_new_in_acms and login.old_cmecf_cases is False:
        pass  # nothing left in CM/ECF
    elif all_new_in_acms and court.acms_login_only and login.has_filing_account:
        pass  # a registered filer signs in with PACER: no further action, no link (ca9)
    else:
        optional_why = ""
        if all_new_in_acms and login.old_cmecf_cases is None:
            optional_why = _("Only if you still file in a case opened in CM/ECF before ACMS:") + " "
        if not login.linked and not optional_why:
            cmecf_steps += _login_steps(court, login, status)
        cmecf_steps.append(_link_step(court, login, status, optional_why))

    steps += cmecf_steps

    staff = answers.staff
    if (
        role is Role.ATTORNEY
        and staff.files_for_me
        and staff.uses_my_login is not True
        and court.type is CourtType.BANKRUPTCY
        and login.has_filing_account is not False
    ):
        steps.append(
            _court_step(
                StepId.ADD_FILING_AGENT,
                court,
                Status.SCHEDULED if before else Status.TODO,
                _(
                    "Staff file for you: once they have registered as filing agents with their own PACER "
                    "accounts, add them to your account at this court."
                ),
                available_from=status.go_live if before else None,
                rules=("filing-agent", "staff-own-account"),
            )
        )
    if (
        staff.secondary_emails
        and role in (Role.ATTORNEY, Role.FILING_AGENT)
        and login.has_filing_account is not False
    ):
        if login.secondary_emails_added:
            steps.append(
                _court_step(
                    StepId.ADD_SECONDARY_EMAILS,
                    court,
                    Status.DONE,
                    _("You added secondary emails at this court."),
                    optional=True,
                    rules=("secondary-emails",),
                )
            )
        else:
            steps.append(
                _court_step(
                    StepId.ADD_SECONDARY_EMAILS,
                    court,
                    Status.TODO,
                    _(
                        "You want others to get copies of this court's notices: secondary emails are set "
                        "per court in CM/ECF."
                    ),
                    optional=True,
                    rules=("secondary-emails",),
                )
            )
    return steps


def _claims_only(answers: Answers, courts: list[Court]) -> bool:
    """A creditor who only files proofs of claim, at bankruptcy courts only (ePOC, no login)."""
    return (
        answers.role is Role.CREDITOR
        and answers.creditor.claims_only is True
        and bool(courts)
        and all(c.type is CourtType.BANKRUPTCY for c in courts)
    )


def _with_progress(step: Step, answers: Answers, as_of: date) -> Step:
    """A step the user ticked off: its day, and, when no answer stands for it, done. A step the
    user is waiting on: since when, and what to do once it takes longer than it should."""
    key = done_key(step.id, step.court)
    asked, wait = answers.requested.get(key), WAITS.get(step.id)
    if asked is not None and wait is not None and step.status is not Status.DONE:
        overdue = date.fromordinal(asked.toordinal() + wait.days)
        since = _("Waiting since {date} for {whom}.").format(date=long_date(asked), whom=_(wait.waiting_for))
        if as_of > overdue:
            since += " " + _("That is longer than it usually takes: {then}.").format(then=_(wait.then))
        else:
            by = _("If nothing has come by {date}, {then}.")
            since += " " + by.format(date=long_date(overdue), then=_(wait.then))
        step = replace(step, why=f"{since} {step.why}", waiting_since=asked)
    day = answers.done.get(key)
    if day is None:
        return step
    if step.status is Status.DONE or step.id in ANSWER_FOR_STEP:
        return replace(step, done_on=day)  # an answer says whether it is done: that answer decides
    ticked = _("You ticked this off on {date}.").format(date=long_date(day))
    return replace(step, status=Status.DONE, why=f"{ticked} {step.why}", done_on=day)


def _with_sources_and_fallbacks(step: Step, courts: dict[str, Court], catalog: Catalog) -> Step:
    """The step's sources (its rules', then its court's corrections') and, for a court that
    publishes no phone or email, its circuit's court of appeals as someone to ask."""
    keys = [key for rule in step.rules for key in split_keys(RULES[rule].source)]
    court = courts.get(step.court or "")
    contacts = step.contacts
    if court is not None:
        keys += list(court.source_keys)
        circuit = _circuit_clerk(court, catalog)
        if circuit is not None:
            contacts = (*contacts, court_contact(circuit))
    return replace(step, sources=sources_for(keys), contacts=contacts)


def _circuit_clerk(court: Court, catalog: Catalog) -> Court | None:
    """The court of appeals of a court's circuit, when the court itself has no phone or email."""
    if court.phones or court.emails or not court.circuit:
        return None
    try:
        number = int(court.circuit)
    except ValueError:
        return None
    appeals = catalog.get(f"ca{number}")
    if appeals is None or appeals.id == court.id or not (appeals.phones or appeals.emails):
        return None
    return appeals


def resolve_courts(court_ids: list[str], catalog: Catalog) -> list[Court]:
    """The catalog's courts for these ids; every unknown id is reported with suggestions."""
    courts, problems = [], []
    for index, court_id in enumerate(court_ids):
        court = catalog.get(court_id)
        if court is not None:
            courts.append(court)
            continue
        close = catalog.suggest(court_id)
        if close:
            # Translators: {ids} is one or more court ids joined by " or " (translated separately).
            hint = _("; did you mean {ids}?").format(ids=_(" or ").join(close))
        else:
            # Translators: `nextgen-wizard courts` is a command: keep it as it is.
            hint = _("; see `nextgen-wizard courts`")
        problems.append(
            f"courts[{index}]: "
            + _('"{court_id}" is not a known court id{hint}').format(court_id=court_id, hint=hint)
        )
    if problems:
        raise UnknownCourtError(problems)
    return courts


def plan(answers: Answers, catalog: Catalog, as_of: date) -> Checklist:
    courts = resolve_courts(answers.courts, catalog)
    deadline, deadline_court = _prepare_deadline(courts, as_of)
    live = _live_court(courts, as_of)
    account_steps: list[Step | None] = [
        *_account_steps(answers, deadline, deadline_court, as_of, live),
        _sign_in_step(answers, as_of, courts),
        _upgrade_step(answers, deadline, deadline_court, as_of, live),
        _firm_step(answers),
        _mfa_step(answers, as_of),
    ]
    notes: list[str] = [] if courts else [_("No courts chosen yet: add the courts where you file.")]
    if _claims_only(answers, courts):
        # ePOC needs no login: no PACER account, upgrade or MFA to do for proofs of claim.
        account_steps = []
        notes.append(
            _(
                "Proofs of claim filed through the court's ePOC form need no PACER account, no upgrade "
                "and no MFA. You need those only to file other documents; then register as a creditor "
                "(see the step below)."
            )
        )
    candidates: list[Step | None] = [*account_steps, *_staff_steps(answers, as_of)]
    for court in courts:
        candidates.extend(_court_steps(court, answers, as_of))
    if rules_may_have_changed(as_of):
        # Translators: {where} names PACER's announcements page and the courts' websites.
        notes.append(
            _(
                "These rules were last checked on {checked}, more than a year before "
                "{as_of}: they may have changed. Check {where}."
            ).format(checked=long_date(RULES_CHECKED), as_of=long_date(as_of), where=_(WHERE_TO_CHECK))
        )
    by_id = {court.id: court for court in courts}
    return Checklist(
        as_of=as_of,
        steps=tuple(
            _with_progress(_with_sources_and_fallbacks(s, by_id, catalog), answers, as_of)
            for s in candidates
            if s is not None
        ),
        courts=tuple(
            CourtSummary(c.id, c.name, c.nextgen_status(as_of), c.login_url, c.web_url, court_contact(c))
            for c in courts
        ),
        filer_name=answers.filer.name,
        firm_name=answers.filer.firm,
        notes=tuple(notes),
        reminders=tuple(answers.keyring_entries),
        warnings=tuple(find_warnings(answers, courts, as_of)),
        court_data=catalog.describe(),
    )
