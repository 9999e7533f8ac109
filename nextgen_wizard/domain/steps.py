"""The fixed vocabulary of checklist steps and their wording (shared by GUI, PDF and tests).

Menu paths and facts come from ../shared/facts/pacer-nextgen-facts.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class StepId(StrEnum):
    GET_INDIVIDUAL_PACER_ACCOUNT = "get-individual-pacer-account"
    UPGRADE_PACER_ACCOUNT = "upgrade-pacer-account"
    FIRM_BILLING_ACCOUNT = "firm-billing-account"
    ENROLL_MFA = "enroll-mfa"
    RECOVER_CMECF_LOGIN = "recover-cmecf-login"
    SAVE_CMECF_LOGIN = "save-cmecf-login"
    REQUEST_EFILING_PRIVILEGES = "request-efiling-privileges"
    LINK_CMECF_ACCOUNT = "link-cmecf-account"


class Status(StrEnum):
    TODO = "todo"
    DONE = "done"
    VERIFY = "verify"  # we cannot tell: the user must check
    SCHEDULED = "scheduled"  # can only be done from a date


STATUS_WORDS = {
    Status.TODO: "To do",
    Status.DONE: "Done",
    Status.VERIFY: "Check",
    Status.SCHEDULED: "Not yet possible",
}


@dataclass(frozen=True)
class Contact:
    name: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    url: str | None = None
    hours: str | None = None


PACER_SERVICE_CENTER = Contact(
    name="PACER Service Center",
    emails=("pacer@psc.uscourts.gov",),
    phones=("800-676-6856",),
    url="https://pacer.uscourts.gov",
    hours="Monday to Friday, 8 a.m. to 6 p.m. Central Time",
)

MANAGE_MY_ACCOUNT_URL = "https://pacer.psc.uscourts.gov/pscof/login.jsf"
REGISTRATION_URL = "https://pacer.psc.uscourts.gov/pscof/regWizard.jsf"

# Dates from PACER's MFA announcements (facts file, "Multi-factor authentication").
MFA_VOLUNTARY_FROM = date(2025, 5, 11)
MFA_REQUIRED_BY = date(2025, 12, 31)

TITLES: dict[StepId, str] = {
    StepId.GET_INDIVIDUAL_PACER_ACCOUNT: "Have your own individual PACER account",
    StepId.UPGRADE_PACER_ACCOUNT: "Upgrade your PACER account",
    StepId.FIRM_BILLING_ACCOUNT: "Set up a firm billing account (PACER Administrative Account)",
    StepId.ENROLL_MFA: "Turn on multi-factor authentication (MFA) in PACER",
    StepId.RECOVER_CMECF_LOGIN: "Get your CM/ECF login back from the clerk",
    StepId.SAVE_CMECF_LOGIN: "Write down or safely save your CM/ECF login and password",
    StepId.REQUEST_EFILING_PRIVILEGES: "Ask for e-filing privileges",
    StepId.LINK_CMECF_ACCOUNT: "Link your CM/ECF account to your PACER account",
}

HOW: dict[StepId, tuple[str, ...]] = {
    StepId.GET_INDIVIDUAL_PACER_ACCOUNT: (
        f"Register at PACER's registration wizard: {REGISTRATION_URL}",
        "Register as yourself, not for the firm: shared PACER accounts can no longer be "
        "used by CM/ECF filers.",
        "PACER asks for your date of birth (it cannot be changed later), a valid email "
        "address and security questions.",
    ),
    StepId.UPGRADE_PACER_ACCOUNT: (
        'Sign in at PACER\'s Manage My Account and look at "Account Type".',
        '"Upgraded PACER Account": nothing to do. "Legacy PACER Account": choose '
        "Upgrade and follow the prompts.",
        "The upgrade asks for your date of birth (permanent), a valid email address and security questions.",
    ),
    StepId.FIRM_BILLING_ACCOUNT: (
        "Register a PACER Administrative Account (PAA) for the firm: it is for billing "
        "and managing users only, it cannot search or file.",
        'Add each person: PAA Maintenance > "Add Existing PACER Account to My PAA", with '
        "their 7-digit account number, last name and a remark.",
        "Each person accepts the request in their own Manage My Account. Filing fees still "
        "need a card in each person's own account.",
    ),
    StepId.ENROLL_MFA: (
        "Install an authenticator app (for example Authy, Duo, FreeOTP, Google or "
        "Microsoft Authenticator). PACER does not use text messages or push.",
        "Make sure the email address in your PACER account is current: adding an app "
        "needs a code sent there.",
        'Manage My Account > "Enroll" (or Settings > "Manage MFA Settings"), add the app, '
        'and also get backup codes (10 codes, "Get New Codes") and keep them safe.',
        "If you use third-party filing software, check that it supports MFA before you enroll.",
    ),
    StepId.RECOVER_CMECF_LOGIN: (
        "Contact the clerk's office of this court (below), not PACER: only the court can "
        "give you back your CM/ECF login or reset its password.",
        "Once you have it, save it safely (OS keyring or on paper) before you link.",
    ),
    StepId.SAVE_CMECF_LOGIN: (
        "Open your browser's saved passwords (for example Settings > Passwords) and find "
        "this court's CM/ECF login.",
        "Save the login and password in this app (it keeps them in your computer's "
        "keyring) or write them down and keep the paper safe.",
        "The court warns: a login kept only in the browser is lost at the switch and cannot be recovered.",
    ),
    StepId.REQUEST_EFILING_PRIVILEGES: (
        "Sign in at PACER's Manage My Account > Maintenance.",
        'Choose "Attorney Admissions/E-File Registration" (attorneys) or "Non-Attorney '
        'E-File Registration" (everyone else), pick this court and submit.',
        "The court processes the request and emails you. Pro hac vice requests go the same way.",
    ),
    StepId.LINK_CMECF_ACCOUNT: (
        "Sign in to this court's CM/ECF with your upgraded PACER username and password.",
        'Utilities > "Link a CM/ECF account to my PACER account" (appellate courts: '
        '"Link my filer account to my PACER account").',
        "Enter your old CM/ECF login and password for this court, check that both accounts "
        "shown are yours, then Submit. A link cannot be undone.",
        "A confirmation email follows. If the filing menus do not appear, refresh the page "
        "or clear the browser cache.",
    ),
}
