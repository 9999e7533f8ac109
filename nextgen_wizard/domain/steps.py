"""The fixed vocabulary of checklist steps and their wording (shared by GUI, PDF and tests).

Menu paths and facts come from ../shared/facts/pacer-nextgen-facts.md.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .i18n import N_, _
from .record import Record


class StepId(StrEnum):
    GET_INDIVIDUAL_PACER_ACCOUNT = "get-individual-pacer-account"
    UPGRADE_PACER_ACCOUNT = "upgrade-pacer-account"
    FIRM_BILLING_ACCOUNT = "firm-billing-account"
    ENROLL_MFA = "enroll-mfa"
    RECOVER_CMECF_LOGIN = "recover-cmecf-login"
    SAVE_CMECF_LOGIN = "save-cmecf-login"
    REQUEST_EFILING_PRIVILEGES = "request-efiling-privileges"
    LINK_CMECF_ACCOUNT = "link-cmecf-account"
    # version 2 situations
    USE_OWN_ACCOUNT_FOR_FILING = "use-own-account-for-filing"
    RECOVER_PACER_LOGIN = "recover-pacer-login"
    REACTIVATE_PACER_ACCOUNT = "reactivate-pacer-account"
    REGAIN_MFA_ACCESS = "regain-mfa-access"
    STAFF_FILING_ACCESS = "staff-filing-access"
    CJA_EXEMPTION = "cja-exemption"
    FILE_IN_ACMS = "file-in-acms"
    REGISTER_FILING_AGENT = "register-filing-agent"
    ADD_FILING_AGENT = "add-filing-agent"
    LINK_TRUSTEE_ACCOUNT = "link-trustee-account"
    ADD_SECONDARY_EMAILS = "add-secondary-emails"
    FILE_CLAIMS_WITH_EPOC = "file-claims-with-epoc"


class Status(StrEnum):
    TODO = "todo"
    DONE = "done"
    VERIFY = "verify"  # we cannot tell: the user must check
    SCHEDULED = "scheduled"  # can only be done from a date


# Marked for the catalog, kept in English here: show them with status_label() (or _()).
STATUS_WORDS = {
    # Translators: a checklist step's status: still to be done.
    Status.TODO: N_("To do"),
    # Translators: a checklist step's status: already done.
    Status.DONE: N_("Done"),
    # Translators: a checklist step's status: we cannot tell, the user must check (needs checking).
    Status.VERIFY: N_("Check"),
    # Translators: a checklist step's status: it can only be done from a later date.
    Status.SCHEDULED: N_("Not yet possible"),
}


def status_label(status: Status, optional: bool = False) -> str:
    """ "To do", "Done (optional)"... in the current language (the checklist's status line)."""
    word = _(STATUS_WORDS[status])
    # Translators: {status} is a step's status word ("To do", "Done"...); the step can be skipped.
    return _("{status} (optional)").format(status=word) if optional else word


class Contact(Record, frozen=True):
    """Whom to ask: a help desk's name, e-mail addresses, phone numbers and web page."""

    name: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    url: str | None = None
    hours: str | None = None
    note: str | None = None  # e.g. "no phone or email known: use the court's website"


PACER_SERVICE_CENTER = Contact(
    name="PACER Service Center",
    emails=("pacer@psc.uscourts.gov",),
    phones=("800-676-6856",),
    url="https://pacer.uscourts.gov",
    hours=N_("Monday to Friday, 8 a.m. to 6 p.m. Central Time"),  # translated where shown
)

MANAGE_MY_ACCOUNT_URL = "https://pacer.psc.uscourts.gov/pscof/login.jsf"
REGISTRATION_URL = "https://pacer.psc.uscourts.gov/pscof/regWizard.jsf"

# Dates from PACER's MFA announcements (facts file, "Multi-factor authentication").
MFA_VOLUNTARY_FROM = date(2025, 5, 11)
MFA_RANDOM_SELECTION_FROM = date(2025, 8, 11)
MFA_REQUIRED_BY = date(2025, 12, 31)  # the announced goal; no source says it was met or moved
# Corrected (late 2026): from late September 2025, enrol only when PACER prompts you.
MFA_WHEN_PROMPTED_FROM = date(2025, 9, 28)
PASSWORD_RULES_FROM = date(2025, 8, 25)
INACTIVE_SELF_RESET_FROM = date(2025, 10, 16)
LEGACY_CUTOFF_TEXT = "August 11, 2014"

TITLES: dict[StepId, str] = {
    StepId.GET_INDIVIDUAL_PACER_ACCOUNT: N_("Have your own individual PACER account"),
    StepId.UPGRADE_PACER_ACCOUNT: N_("Upgrade your PACER account"),
    StepId.FIRM_BILLING_ACCOUNT: N_("Set up a firm billing account (PACER Administrative Account)"),
    StepId.ENROLL_MFA: N_("Turn on multi-factor authentication (MFA) in PACER"),
    StepId.RECOVER_CMECF_LOGIN: N_("Get your old CM/ECF login back"),
    StepId.SAVE_CMECF_LOGIN: N_("Write down or safely save your CM/ECF login and password"),
    StepId.REQUEST_EFILING_PRIVILEGES: N_("Ask for e-filing privileges"),
    StepId.LINK_CMECF_ACCOUNT: N_("Link your CM/ECF account to your PACER account"),
    StepId.USE_OWN_ACCOUNT_FOR_FILING: N_("File with your own PACER account, not the shared one"),
    StepId.RECOVER_PACER_LOGIN: N_("Get back into your PACER account"),
    StepId.REACTIVATE_PACER_ACCOUNT: N_("Reactivate your PACER account"),
    StepId.REGAIN_MFA_ACCESS: N_("Sign in without your lost MFA device"),
    StepId.STAFF_FILING_ACCESS: N_("Decide how your staff file for you"),
    StepId.CJA_EXEMPTION: N_("Set up fee-exempt access for CJA panel work"),
    StepId.FILE_IN_ACMS: N_("File new cases in ACMS with your PACER login"),
    StepId.REGISTER_FILING_AGENT: N_("Register as a filing agent"),
    StepId.ADD_FILING_AGENT: N_("Add your filing agents in CM/ECF"),
    StepId.LINK_TRUSTEE_ACCOUNT: N_("Link your trustee account separately"),
    StepId.ADD_SECONDARY_EMAILS: N_("Add secondary emails for court notices (optional)"),
    StepId.FILE_CLAIMS_WITH_EPOC: N_("File proofs of claim through ePOC (no login needed)"),
}

MFA_WHEN_PROMPTED_TITLE = N_("Be ready to turn on MFA when PACER prompts you")


# TITLES, MFA_WHEN_PROMPTED_TITLE and HOW are marked for the catalog and kept in English here:
# the plan translates them (step_title(), how_lines()) when it builds a checklist.
HOW: dict[StepId, tuple[str, ...]] = {
    StepId.GET_INDIVIDUAL_PACER_ACCOUNT: (
        N_("Register at PACER's registration wizard: {url}"),
        N_(
            "Register as yourself, not for the firm: shared PACER accounts can no longer be "
            "used by CM/ECF filers."
        ),
        N_(
            "PACER asks for your date of birth (it cannot be changed later), a valid email "
            "address and security questions."
        ),
    ),
    StepId.UPGRADE_PACER_ACCOUNT: (
        N_('Sign in at PACER\'s Manage My Account and look at "Account Type".'),
        N_(
            '"Upgraded PACER Account": nothing to do. "Legacy PACER Account": choose '
            "Upgrade and follow the prompts."
        ),
        N_(
            "The upgrade asks for your date of birth (permanent), a valid email address and "
            "security questions."
        ),
        N_(
            "It keeps your account but has you create a NEW username of at least 8 characters (do not "
            "reuse your CM/ECF login): write the new username down, you sign in with it from then on."
        ),
    ),
    StepId.FIRM_BILLING_ACCOUNT: (
        N_(
            "Register a PACER Administrative Account (PAA) for the firm: it is for billing "
            "and managing users only, it cannot search or file."
        ),
        N_(
            'Add each person: PAA Maintenance > "Add Existing PACER Account to My PAA", with '
            "their 7-digit account number, last name and a remark."
        ),
        N_(
            "Each person accepts the request in their own Manage My Account. Filing fees still "
            "need a card in each person's own account."
        ),
    ),
    StepId.ENROLL_MFA: (
        N_(
            "Install an authenticator app (for example Authy, Duo, FreeOTP, Google or "
            "Microsoft Authenticator). PACER does not use text messages or push."
        ),
        N_(
            "Make sure the email address in your PACER account is current: adding an app "
            "needs a code sent there."
        ),
        N_(
            'Manage My Account > "Enroll" (or Settings > "Manage MFA Settings"), add the app, '
            'and also get backup codes (10 codes, "Get New Codes") and keep them safe.'
        ),
        N_("If you use third-party filing software, check that it supports MFA before you enroll."),
    ),
    StepId.RECOVER_CMECF_LOGIN: (
        N_(
            "First look in your browser's saved passwords (for example Settings > Passwords; search "
            "for this court's ecf address): the browser no longer fills the old login in, but its "
            "saved entry may still be there."
        ),
        N_(
            "Not there? Contact the clerk's office of this court (below), not PACER: only the court can "
            "give you back your CM/ECF login or reset its password."
        ),
        N_("Once you have it, save it safely (OS keyring or on paper) before you link."),
        N_(
            "If it cannot be recovered, submit a new e-file registration through PACER (Manage My "
            "Account > Maintenance); some courts then link the old account themselves."
        ),
    ),
    StepId.SAVE_CMECF_LOGIN: (
        N_(
            "Open your browser's saved passwords (for example Settings > Passwords) and find "
            "this court's CM/ECF login."
        ),
        N_(
            "Save the login and password in this app (it keeps them in your computer's "
            "keyring) or write them down and keep the paper safe."
        ),
        N_(
            "The court warns: a login kept only in the browser is lost at the switch and cannot be recovered."
        ),
    ),
    StepId.REQUEST_EFILING_PRIVILEGES: (
        N_("Sign in at PACER's Manage My Account > Maintenance."),
        N_(
            'Choose "Attorney Admissions/E-File Registration" (attorneys) or "Non-Attorney '
            'E-File Registration" (everyone else), pick this court and submit.'
        ),
        N_("The court processes the request and emails you. Pro hac vice requests go the same way."),
    ),
    StepId.LINK_CMECF_ACCOUNT: (
        N_("Sign in to this court's CM/ECF with your upgraded PACER username and password."),
        N_(
            'Utilities > "Link a CM/ECF account to my PACER account" (appellate courts: '
            '"Link my filer account to my PACER account").'
        ),
        N_(
            "Enter your old CM/ECF login and password for this court, check that both accounts "
            "shown are yours, then Submit. A link cannot be undone."
        ),
        N_(
            "A confirmation email follows. If the filing menus do not appear, refresh the page "
            "or clear the browser cache."
        ),
    ),
    StepId.USE_OWN_ACCOUNT_FOR_FILING: (
        N_("Sign in to CM/ECF and file only with your own (upgraded) PACER account."),
        N_(
            "Keep the firm's shared account for searching and viewing only; it cannot be linked "
            "to a filing account."
        ),
    ),
    StepId.RECOVER_PACER_LOGIN: (
        N_('On PACER\'s login page choose "Forgot Username" or "Forgot Password" and follow the prompts.'),
        N_(
            "A lost username may need your 7-digit PACER account number (on a PACER invoice or "
            "statement); if you do not have it, call the PACER Service Center."
        ),
    ),
    StepId.REACTIVATE_PACER_ACCOUNT: (
        N_("Call or email the PACER Service Center (below) and ask them to reactivate the account."),
        N_("An inactive account can still be upgraded."),
    ),
    StepId.REGAIN_MFA_ACCESS: (
        N_(
            "A filing due today or tomorrow? Call the clerk's office of that court first (below) and "
            "ask how to file under its emergency or technical-failure procedure; do not wait for PACER."
        ),
        N_("At the MFA prompt, sign in with one of your 10 backup codes instead of an app code."),
        N_(
            "Once in, open Manage MFA Settings: add the authenticator app on your new phone, delete "
            'the lost one, and choose "Get New Codes" for a fresh set of backup codes.'
        ),
        N_(
            "No backup codes and no other app? Contact the PACER Service Center (below); no "
            'self-service reset was found. PACER\'s "MFA - Logging In" learning aid covers this case.'
        ),
    ),
    StepId.STAFF_FILING_ACCESS: (
        N_(
            "Check this court's local rules on others filing under your login: some allow it only "
            "if you authorize it."
        ),
        N_(
            "The better route: each staff member gets their own upgraded PACER account and a "
            'Filing Agent registration ("Non-Attorney E-File Registration"); you then add them in CM/ECF.'
        ),
    ),
    StepId.CJA_EXEMPTION: (
        N_("Ask the PACER Service Center (below) to add the CJA flag to your existing PACER account."),
        N_(
            'In CM/ECF choose Utilities > "Change PACER Exemption Status" at the start of each '
            "session of CJA work: the default is not exempt."
        ),
        N_(
            "An undated D.N.H. page describes two accounts, one exempt and one not; it predates "
            "NextGen, where each filer has one individual account. Follow the one-account way unless "
            "your court tells you otherwise today."
        ),
    ),
    StepId.FILE_IN_ACMS: (
        N_("Sign in to the court's ACMS with your upgraded PACER username and password."),
        N_(
            "No filer registration here yet? Request it in PACER: Manage My Account > Maintenance > "
            '"Attorney Admissions/E-File Registration", then this court.'
        ),
        N_("ACMS case numbers are short (for example 21-20); CM/ECF numbers look like 21-70002."),
    ),
    StepId.REGISTER_FILING_AGENT: (
        N_("Use your own upgraded PACER account (not the attorney's)."),
        N_(
            'Manage My Account > Maintenance > "Non-Attorney E-File Registration", this court, '
            'Role in Court "Filing Agent". If you had a CM/ECF agent login here, link it instead.'
        ),
        N_(
            "After the court approves it, the attorney or trustee adds you in CM/ECF; the docket "
            "still shows them as the filer, and you get notices only as their secondary email."
        ),
    ),
    StepId.ADD_FILING_AGENT: (
        N_("Each agent first registers with their own PACER account as a Filing Agent at this court."),
        N_(
            "Then in CM/ECF: Utilities > Your Account > Maintain Your ECF Account > More User "
            "Information > Find Filing Agent, select the agent, set the permissions (Internet "
            "Payment = Y to pay fees), Return to Account Screen, Submit."
        ),
        N_(
            "Agents attached before the court's NextGen switch stay attached. Trustee staff may "
            "also need adding to the court's fee-exemption order."
        ),
    ),
    StepId.LINK_TRUSTEE_ACCOUNT: (
        N_(
            "Before you link anything here: a link cannot be undone. Do not link your trustee CM/ECF "
            "login to the PACER account you use as an attorney unless this court says you may."
        ),
        N_(
            "D. Nev. Bankruptcy requires a separate PACER account for each CM/ECF account (one for "
            "your trustee login, one for your attorney login); D. Ariz. Bankruptcy points extra "
            "accounts to filing agents instead. Check this court's NextGen page."
        ),
        N_(
            "With a second PACER account for the trustee login, sign in to CM/ECF with it and link the "
            "trustee login there, the same way as the attorney login."
        ),
    ),
    StepId.ADD_SECONDARY_EMAILS: (
        N_("In this court's CM/ECF: Utilities > Maintain Your ECF Account > Email Information."),
        N_(
            "Add up to five addresses (for example staff) to get copies of notices (NEFs); do it at "
            "each court, it is not a PACER setting."
        ),
        N_("Do not add third-party services: courts warn they can expose sealed documents."),
    ),
    StepId.FILE_CLAIMS_WITH_EPOC: (
        N_("Open the court's electronic proof of claim (ePOC) form on its website: it needs no login."),
        N_(
            "Some courts require ePOC for filers without an account, or a signed form as well: "
            "check the court's page for creditors."
        ),
        N_(
            'To file other documents, register in PACER: "Non-Attorney E-File Registration", Role "Creditor".'
        ),
    ),
}


def step_title(step_id: StepId) -> str:
    """A step's title in the current language."""
    return _(TITLES[step_id])


def translated_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Lines marked with N_() in the current language; {url} is PACER's registration address."""
    return tuple(_(line).replace("{url}", REGISTRATION_URL) for line in lines)


def how_lines(step_id: StepId) -> tuple[str, ...]:
    """A step's "how" lines in the current language."""
    return translated_lines(HOW[step_id])
