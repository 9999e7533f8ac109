"""Plain-language help for each page, and the glossary every help window ends with."""

from __future__ import annotations

import html

GLOSSARY: dict[str, str] = {
    "PACER": "Public Access to Court Electronic Records: the federal courts' website and account "
    "system. Since NextGen, your PACER account is also how you sign in to file.",
    "CM/ECF": "Case Management / Electronic Case Files: each court's own filing system. Your old "
    "CM/ECF login is per court.",
    "NextGen": "The new version of CM/ECF. After a court switches, you sign in with your PACER "
    "account, not your old CM/ECF login.",
    "Legacy account": "A PACER account created before August 11, 2014 (usernames like AB1234). "
    "It must be upgraded before you can use NextGen.",
    "PAA": "PACER Administrative Account: a firm billing account that pays for its people's PACER "
    "fees. It cannot search or file.",
    "MFA": "Multi-factor authentication: a code from an app on your phone, on top of your password. "
    "PACER requires it for everyone who files.",
    "Filing agent": "A paralegal or assistant with their own PACER account, registered as a filing "
    "agent, whom an attorney adds in CM/ECF so they can file for the attorney.",
    "ACMS": "The appellate courts' new case system. Where a court of appeals files new cases in "
    "ACMS, you sign in there with your PACER login; older cases may stay in CM/ECF.",
    "Linking": "Telling NextGen that your old CM/ECF account at a court belongs to your PACER "
    "account. Done once per court; it cannot be undone.",
}

PAGE_HELP: dict[str, str] = {
    "welcome": "This wizard asks a few questions and turns your answers into a checklist. "
    "Nothing is sent anywhere. Your answers stay on this computer; passwords, if you choose to "
    "save them, go only to your computer's own password store (the keyring).",
    "courts": "Pick every federal court where you file: district, bankruptcy and appellate courts "
    "each need their own link. Search by the court's name, its state (for example MA) or its "
    "short id (for example mab).",
    "pacer": "Your PACER username is on PACER's Manage My Account page. Old usernames are two "
    "letters and four digits (like AB1234): those accounts must be upgraded. If you share a "
    "login with others in your office, you need your own account now.",
    "upgrade": "Upgrading keeps your PACER account and its history. PACER asks for your date of "
    "birth (it cannot be changed later), an email address and security questions.",
    "new_account": "Register yourself, not the firm. The registration asks for your date of "
    "birth, an email address and security questions.",
    "firm": "A firm billing account (PAA) lets the firm pay everyone's PACER fees on one bill. It "
    "is optional; each person still needs their own PACER account.",
    "mfa": "PACER asks filers to turn on MFA when it prompts them at sign-in: have an "
    "authenticator app ready, keep your PACER email address current, and keep the backup codes "
    "somewhere safe, away from your phone.",
    "situation": "These questions appear only when they can change your steps: CJA panel "
    "attorneys and trustees have extra accounts to handle, and staff who file for you should "
    "have their own PACER account registered as a filing agent rather than use your login.",
    "cmecf": "Your old CM/ECF login is different from your PACER login, and different at each "
    "court. If only your browser remembers it, it will be lost when the court switches: write it "
    "down or save it here. If you do not know it, the court's clerk can help; PACER cannot.",
    "link": "Linking is done once per court, after that court has switched to NextGen. You need "
    "your PACER login and your old CM/ECF login and password for that court.",
    "checklist": "This is your plan. Print it or save it as a PDF, and tick the steps off as you "
    "go. It never shows a password.",
}


def help_html(page_key: str, support: str | None = None) -> str:
    terms = "".join(
        f"<dt><b>{html.escape(term)}</b></dt><dd>{html.escape(text)}</dd>" for term, text in GLOSSARY.items()
    )
    firm = f"<p><b>Help from your firm:</b> {html.escape(support)}</p>" if support else ""
    return f"<p>{html.escape(PAGE_HELP[page_key])}</p>{firm}<h3>Words used here</h3><dl>{terms}</dl>"
