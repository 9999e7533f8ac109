"""Plain-language help for each page, and the glossary every help window ends with."""

from __future__ import annotations

import html

from ..domain.i18n import N_, _

# Terms and their explanations, in English: translated where shown (glossary_text). Proper names
# (PACER, CM/ECF, NextGen, PAA, MFA, ACMS) stay as they are; their explanations are translated.
GLOSSARY: dict[str, str] = {
    "PACER": N_(
        "Public Access to Court Electronic Records: the federal courts' website and account "
        "system. Since NextGen, your PACER account is also how you sign in to file."
    ),
    "CM/ECF": N_(
        "Case Management / Electronic Case Files: each court's own filing system. Your old "
        "CM/ECF login is per court."
    ),
    "NextGen": N_(
        "The new version of CM/ECF. After a court switches, you sign in with your PACER "
        "account, not your old CM/ECF login."
    ),
    N_("Legacy account"): N_(
        "A PACER account created before August 11, 2014 (usernames like AB1234). "
        "It must be upgraded before you can use NextGen."
    ),
    "PAA": N_(
        "PACER Administrative Account: a firm billing account that pays for its people's PACER "
        "fees. It cannot search or file."
    ),
    "MFA": N_(
        "Multi-factor authentication: a code from an app on your phone, on top of your password. "
        "PACER requires it for everyone who files."
    ),
    N_("Filing agent"): N_(
        "A paralegal or assistant with their own PACER account, registered as a filing "
        "agent, whom an attorney adds in CM/ECF so they can file for the attorney."
    ),
    "ACMS": N_(
        "The appellate courts' new case system. Where a court of appeals files new cases in "
        "ACMS, you sign in there with your PACER login; older cases may stay in CM/ECF."
    ),
    N_("Linking"): N_(
        "Telling NextGen that your old CM/ECF account at a court belongs to your PACER "
        "account. Done once per court; it cannot be undone."
    ),
}

PAGE_HELP: dict[str, str] = {
    "welcome": N_(
        "This wizard asks a few questions and turns your answers into a checklist. "
        "Nothing is sent anywhere. Your answers stay on this computer; passwords, if you choose to "
        "save them, go only to your computer's own password store (the keyring)."
    ),
    "courts": N_(
        "Pick every federal court where you file: district, bankruptcy and appellate courts "
        "each need their own link. Search by the court's name, its state (for example MA) or its "
        "short id (for example mab)."
    ),
    "pacer": N_(
        "Your PACER username is on PACER's Manage My Account page. Old usernames are two "
        "letters and four digits (like AB1234): those accounts must be upgraded. If you share a "
        "login with others in your office, you need your own account now."
    ),
    "upgrade": N_(
        "Upgrading keeps your PACER account and its history. PACER asks for your date of "
        "birth (it cannot be changed later), an email address and security questions."
    ),
    "new_account": N_(
        "Register yourself, not the firm. The registration asks for your date of "
        "birth, an email address and security questions."
    ),
    "firm": N_(
        "A firm billing account (PAA) lets the firm pay everyone's PACER fees on one bill. It "
        "is optional; each person still needs their own PACER account."
    ),
    "mfa": N_(
        "PACER asks filers to turn on MFA when it prompts them at sign-in: have an "
        "authenticator app ready, keep your PACER email address current, and keep the backup codes "
        "somewhere safe, away from your phone."
    ),
    "situation": N_(
        "These questions appear only when they can change your steps: CJA panel "
        "attorneys and trustees have extra accounts to handle, and staff who file for you should "
        "have their own PACER account registered as a filing agent rather than use your login."
    ),
    "cmecf": N_(
        "Your old CM/ECF login is different from your PACER login, and different at each "
        "court. If only your browser remembers it, it will be lost when the court switches: write it "
        "down or save it here. If you do not know it, the court's clerk can help; PACER cannot."
    ),
    "link": N_(
        "Linking is done once per court, after that court has switched to NextGen. You need "
        "your PACER login and your old CM/ECF login and password for that court."
    ),
    "checklist": N_(
        "This is your plan. Print it or save it as a PDF, and tick the steps off as you "
        "go. It never shows a password."
    ),
}


def page_help_html(page_key: str, support: str | None = None) -> str:
    """The page's help alone (and the firm's help desk): what a screen reader reads first."""
    firm_label = html.escape(_("Help from your firm:"))
    firm = f"<p><b>{firm_label}</b> {html.escape(support)}</p>" if support else ""
    return f"<p>{html.escape(_(PAGE_HELP[page_key]))}</p>{firm}"


def glossary_text() -> str:
    """The glossary as plain text, one term and its meaning a paragraph, for the help's details."""
    return "\n\n".join(f"{_(term)}: {_(text)}" for term, text in GLOSSARY.items())
