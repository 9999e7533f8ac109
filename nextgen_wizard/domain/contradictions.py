"""Contradictory answers: each becomes a warning with a code, the answers involved and what to check.

The plan still follows its rules (account type, then username, then creation date; see
docs/domain-rules.md); a warning tells the user which answers disagree so they can fix
one. The wizard shows each warning on the page where one of its answers was given
(`answers` holds their paths, court paths with the court id).
"""

from __future__ import annotations

from datetime import date

from .answers import AccountType, Answers, Role, SignInProblem
from .courts import Court, NextGenState
from .dates import long_date
from .i18n import _
from .pacer import LEGACY_CUTOFF, UsernameKind, classify_username
from .record import Record
from .steps import MFA_VOLUNTARY_FROM


class AnswerWarning(Record, frozen=True):
    """Answers that contradict each other: a code, the answers involved, and a sentence."""

    code: str
    answers: tuple[str, ...]
    text: str


# Every code find_warnings() can return, with the contradiction it names (docs/checklist-format.md).
WARNING_CODES: dict[str, str] = {
    "upgraded-type-legacy-username": 'Account Type "upgraded" with a legacy-form username',
    "legacy-type-upgraded-username": 'Account Type "legacy" with an upgraded-form username',
    "legacy-type-created-after-cutoff": 'Account Type "legacy" for an account created from 2014-08-11',
    "legacy-username-created-after-cutoff": "a legacy-form username for an account created from 2014-08-11",
    "sign-in-problem-but-can-sign-in": "can sign in to PACER, yet a sign-in problem is given",
    "mfa-before-it-existed": "MFA answers for a date before PACER offered MFA (2025-05-11)",
    "mfa-device-lost-not-enrolled": "a lost MFA device without MFA turned on",
    "staff-login-without-staff": "staff use the login, yet no staff file for the filer",
    "attorney-answers-for-another-role": "attorney-only answers for a filer who is not an attorney",
    "linked-before-switch": "linked at a court before its NextGen switch",
    "unknown-login-but-recorded": "does not know the CM/ECF login, yet it is recorded safely",
    "no-filing-account-but-login": "no filing account at a court, yet a login or link for it",
    "unrecoverable-but-known-login": "the CM/ECF login cannot be recovered, yet it is known",
}


def _court_warnings(answers: Answers, court: Court, as_of: date) -> list[AnswerWarning]:
    found = []
    login = answers.login_for(court.id)
    path = f"cmecf.{court.id}"
    status = court.nextgen_status(as_of)
    if login.linked and status.state is NextGenState.UPCOMING:
        found.append(
            AnswerWarning(
                "linked-before-switch",
                (f"{path}.linked",),
                _(
                    "You said your account is linked at {court}, but linking opens only when the court "
                    "switches to NextGen on {date}. Check the date and whether you meant another court."
                ).format(court=court.name, date=long_date(status.go_live)),  # type: ignore[arg-type]
            )
        )
    if login.knows_login is False and login.login_recorded:
        found.append(
            AnswerWarning(
                "unknown-login-but-recorded",
                (f"{path}.knows_login", f"{path}.login_recorded"),
                _(
                    "You said you do not know your CM/ECF login for {court}, but also that it is kept "
                    "safely (keyring or paper). Check that saved copy: if it is right, you know the login."
                ).format(court=court.name),
            )
        )
    if login.has_filing_account is False and (login.linked or login.knows_login or login.login_recorded):
        found.append(
            AnswerWarning(
                "no-filing-account-but-login",
                (f"{path}.has_filing_account", f"{path}.knows_login", f"{path}.linked"),
                _(
                    "You said you have no filing account at {court}, but also gave a login or link "
                    "for it. Check whether you had a CM/ECF account there before."
                ).format(court=court.name),
            )
        )
    if login.recovery_failed and login.knows_login:
        found.append(
            AnswerWarning(
                "unrecoverable-but-known-login",
                (f"{path}.knows_login", f"{path}.recovery_failed"),
                _(
                    "You said your old CM/ECF login for {court} cannot be recovered, but also that "
                    "you know it. Check which is right: with a working login you can simply link."
                ).format(court=court.name),
            )
        )
    return found


def find_warnings(answers: Answers, courts: list[Court], as_of: date) -> list[AnswerWarning]:
    """Every contradiction in the answers, account answers first, then each court in order."""
    found: list[AnswerWarning] = []
    pacer = answers.pacer
    kind = classify_username(pacer.username).kind if pacer.username else None
    after_cutoff = pacer.created_on is not None and pacer.created_on >= LEGACY_CUTOFF
    if pacer.account_type is AccountType.UPGRADED and kind is UsernameKind.LEGACY:
        found.append(
            AnswerWarning(
                "upgraded-type-legacy-username",
                ("pacer.account_type", "pacer.username"),
                _(
                    'You said Account Type is "Upgraded PACER Account", but {username} has the '
                    "old two-letters-four-digits form; upgrading gives an account a new username of 8 or "
                    "more characters. Check Account Type and the username you sign in with."
                ).format(username=pacer.username),
            )
        )
    if pacer.account_type is AccountType.LEGACY and kind is UsernameKind.UPGRADED_FORMAT:
        found.append(
            AnswerWarning(
                "legacy-type-upgraded-username",
                ("pacer.account_type", "pacer.username"),
                _(
                    'You said Account Type is "Legacy PACER Account", but {username} has the form of '
                    "an upgraded username (legacy usernames are two letters and four digits). Check Account "
                    "Type in Manage My Account."
                ).format(username=pacer.username),
            )
        )
    if pacer.account_type is AccountType.LEGACY and after_cutoff:
        found.append(
            AnswerWarning(
                "legacy-type-created-after-cutoff",
                ("pacer.account_type", "pacer.created_on"),
                _(
                    "You said Account Type is legacy, but the account was created on "
                    "{date}, after PACER's August 11, 2014 change. Check "
                    "the creation date and Account Type."
                ).format(date=long_date(pacer.created_on)),  # type: ignore[arg-type]
            )
        )
    if kind is UsernameKind.LEGACY and after_cutoff and pacer.account_type is not AccountType.UPGRADED:
        found.append(
            AnswerWarning(
                "legacy-username-created-after-cutoff",
                ("pacer.username", "pacer.created_on"),
                _(
                    "{username} has the old legacy form, but the account was created on "
                    "{date}, after PACER's August 11, 2014 change. The plan goes "
                    "by the username. Check Account Type in Manage My Account."
                ).format(username=pacer.username, date=long_date(pacer.created_on)),  # type: ignore[arg-type]
            )
        )
    if pacer.can_sign_in is True and pacer.sign_in_problem is not None:
        found.append(
            AnswerWarning(
                "sign-in-problem-but-can-sign-in",
                ("pacer.can_sign_in", "pacer.sign_in_problem"),
                _(
                    "You said you can sign in to PACER, but also gave a sign-in problem. "
                    "Check which is right."
                ),
            )
        )
    mfa_paths = [
        path
        for path, given in (
            ("pacer.mfa_enrolled", pacer.mfa_enrolled is True),
            ("pacer.sign_in_problem", pacer.sign_in_problem is SignInProblem.MFA_DEVICE_LOST),
        )
        if given
    ]
    if mfa_paths and as_of < MFA_VOLUNTARY_FROM:
        found.append(
            AnswerWarning(
                "mfa-before-it-existed",
                tuple(mfa_paths),
                _(
                    "Your MFA answers do not fit {date}: PACER offered MFA only from May 11, "
                    "2025. Check the date you are planning for."
                ).format(date=long_date(as_of)),
            )
        )
    if pacer.sign_in_problem is SignInProblem.MFA_DEVICE_LOST and pacer.mfa_enrolled is False:
        found.append(
            AnswerWarning(
                "mfa-device-lost-not-enrolled",
                ("pacer.sign_in_problem", "pacer.mfa_enrolled"),
                _(
                    "You said you lost your MFA device, but also that MFA is not turned on. Check whether "
                    "PACER asks you for an authenticator code when you sign in."
                ),
            )
        )
    if answers.staff.uses_my_login and answers.staff.files_for_me is False:
        found.append(
            AnswerWarning(
                "staff-login-without-staff",
                ("staff.files_for_me", "staff.uses_my_login"),
                _(
                    "You said no staff file for you, but also that staff use your login. "
                    "Check which is right."
                ),
            )
        )
    attorney_only = [
        f"attorney.{name}" for name in ("cja_panel", "trustee") if getattr(answers.attorney, name) is True
    ]
    if attorney_only and answers.role is not None and answers.role is not Role.ATTORNEY:
        found.append(
            AnswerWarning(
                "attorney-answers-for-another-role",
                ("role", *attorney_only),
                # Translators: {role} is the role's id in the answers file ("pro-se", "creditor"...).
                _(
                    "CJA panel and trustee answers apply to attorneys, but your role is "
                    '"{role}". Check your role.'
                ).format(role=answers.role.value),
            )
        )
    for court in courts:
        found += _court_warnings(answers, court, as_of)
    return found
