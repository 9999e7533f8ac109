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
    note: str | None = None  # e.g. "no phone or email known: use the court's website"


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
MFA_REQUIRED_BY = date(2025, 12, 31)  # the announced goal; no source says it was met or moved
# Corrected (late 2026): from late September 2025, enrol only when PACER prompts you.
MFA_WHEN_PROMPTED_FROM = date(2025, 9, 28)
PASSWORD_RULES_FROM = date(2025, 8, 25)
INACTIVE_SELF_RESET_FROM = date(2025, 10, 16)
LEGACY_CUTOFF_TEXT = "August 11, 2014"

TITLES: dict[StepId, str] = {
    StepId.GET_INDIVIDUAL_PACER_ACCOUNT: "Have your own individual PACER account",
    StepId.UPGRADE_PACER_ACCOUNT: "Upgrade your PACER account",
    StepId.FIRM_BILLING_ACCOUNT: "Set up a firm billing account (PACER Administrative Account)",
    StepId.ENROLL_MFA: "Turn on multi-factor authentication (MFA) in PACER",
    StepId.RECOVER_CMECF_LOGIN: "Get your old CM/ECF login back",
    StepId.SAVE_CMECF_LOGIN: "Write down or safely save your CM/ECF login and password",
    StepId.REQUEST_EFILING_PRIVILEGES: "Ask for e-filing privileges",
    StepId.LINK_CMECF_ACCOUNT: "Link your CM/ECF account to your PACER account",
    StepId.USE_OWN_ACCOUNT_FOR_FILING: "File with your own PACER account, not the shared one",
    StepId.RECOVER_PACER_LOGIN: "Get back into your PACER account",
    StepId.REACTIVATE_PACER_ACCOUNT: "Reactivate your PACER account",
    StepId.REGAIN_MFA_ACCESS: "Sign in without your lost MFA device",
    StepId.STAFF_FILING_ACCESS: "Decide how your staff file for you",
    StepId.CJA_EXEMPTION: "Set up fee-exempt access for CJA panel work",
    StepId.FILE_IN_ACMS: "File new cases in ACMS with your PACER login",
    StepId.REGISTER_FILING_AGENT: "Register as a filing agent",
    StepId.ADD_FILING_AGENT: "Add your filing agents in CM/ECF",
    StepId.LINK_TRUSTEE_ACCOUNT: "Link your trustee account separately",
    StepId.ADD_SECONDARY_EMAILS: "Add secondary emails for court notices (optional)",
    StepId.FILE_CLAIMS_WITH_EPOC: "File proofs of claim through ePOC (no login needed)",
}

MFA_WHEN_PROMPTED_TITLE = "Be ready to turn on MFA when PACER prompts you"


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
        "It keeps your account but has you create a NEW username of at least 8 characters (do not "
        "reuse your CM/ECF login): write the new username down, you sign in with it from then on.",
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
        "If it cannot be recovered, submit a new e-file registration through PACER (Manage My "
        "Account > Maintenance); some courts then link the old account themselves.",
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
    StepId.USE_OWN_ACCOUNT_FOR_FILING: (
        "Sign in to CM/ECF and file only with your own (upgraded) PACER account.",
        "Keep the firm's shared account for searching and viewing only; it cannot be linked "
        "to a filing account.",
    ),
    StepId.RECOVER_PACER_LOGIN: (
        'On PACER\'s login page choose "Forgot Username" or "Forgot Password" and follow the prompts.',
        "A lost username may need your 7-digit PACER account number (on a PACER invoice or "
        "statement); if you do not have it, call the PACER Service Center.",
    ),
    StepId.REACTIVATE_PACER_ACCOUNT: (
        "Call or email the PACER Service Center (below) and ask them to reactivate the account.",
        "An inactive account can still be upgraded.",
    ),
    StepId.REGAIN_MFA_ACCESS: (
        "At the MFA prompt, sign in with one of your 10 backup codes instead of an app code.",
        "Once in, open Manage MFA Settings: add the authenticator app on your new phone, delete "
        'the lost one, and choose "Get New Codes" for a fresh set of backup codes.',
        "No backup codes and no other app? Contact the PACER Service Center (below); no "
        'self-service reset was found. PACER\'s "MFA - Logging In" learning aid covers this case.',
    ),
    StepId.STAFF_FILING_ACCESS: (
        "Check this court's local rules on others filing under your login: some allow it only "
        "if you authorize it.",
        "The better route: each staff member gets their own upgraded PACER account and a "
        'Filing Agent registration ("Non-Attorney E-File Registration"); you then add them in CM/ECF.',
    ),
    StepId.CJA_EXEMPTION: (
        "Ask the PACER Service Center (below) to add the CJA flag to your existing PACER account.",
        'In CM/ECF choose Utilities > "Change PACER Exemption Status" at the start of each '
        "session of CJA work: the default is not exempt.",
        "One court (D.N.H.) instead describes two accounts, one exempt and one not: follow "
        "your court's instructions where they differ.",
    ),
    StepId.FILE_IN_ACMS: (
        "Sign in to the court's ACMS with your upgraded PACER username and password.",
        "No filer registration here yet? Request it in PACER: Manage My Account > Maintenance > "
        '"Attorney Admissions/E-File Registration", then this court.',
        "ACMS case numbers are short (for example 21-20); CM/ECF numbers look like 21-70002.",
    ),
    StepId.REGISTER_FILING_AGENT: (
        "Use your own upgraded PACER account (not the attorney's).",
        'Manage My Account > Maintenance > "Non-Attorney E-File Registration", this court, '
        'Role in Court "Filing Agent". If you had a CM/ECF agent login here, link it instead.',
        "After the court approves it, the attorney or trustee adds you in CM/ECF; the docket "
        "still shows them as the filer, and you get notices only as their secondary email.",
    ),
    StepId.ADD_FILING_AGENT: (
        "Each agent first registers with their own PACER account as a Filing Agent at this court.",
        "Then in CM/ECF: Utilities > Your Account > Maintain Your ECF Account > More User "
        "Information > Find Filing Agent, select the agent, set the permissions (Internet "
        "Payment = Y to pay fees), Return to Account Screen, Submit.",
        "Agents attached before the court's NextGen switch stay attached. Trustee staff may "
        "also need adding to the court's fee-exemption order.",
    ),
    StepId.LINK_TRUSTEE_ACCOUNT: (
        "Your trustee CM/ECF account and your attorney CM/ECF account are linked separately.",
        "Some courts want a separate PACER account for each CM/ECF account: check this court's "
        "NextGen page before you link the second one.",
    ),
    StepId.ADD_SECONDARY_EMAILS: (
        "In this court's CM/ECF: Utilities > Maintain Your ECF Account > Email Information.",
        "Add up to five addresses (for example staff) to get copies of notices (NEFs); do it at "
        "each court, it is not a PACER setting.",
        "Do not add third-party services: courts warn they can expose sealed documents.",
    ),
    StepId.FILE_CLAIMS_WITH_EPOC: (
        "Open the court's electronic proof of claim (ePOC) form on its website: it needs no login.",
        "Some courts require ePOC for filers without an account, or a signed form as well: "
        "check the court's page for creditors.",
        'To file other documents, register in PACER: "Non-Attorney E-File Registration", Role "Creditor".',
    ),
}
