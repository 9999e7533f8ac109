"""Every rule the plan applies, with its source and the dates it was in force.

One registry so that (1) a replay of any date shows only the rules in force then,
(2) docs/domain-rules.md can be checked against the code (tests/domain/test_rules.py),
and (3) the checklist can say when its rules were last checked.

Sources are keys of domain/sources.py (each with a title, an address and the day it was read;
docs/sources.md lists them), separated by "; ".
`start` None means "before any date this app replays" (the rule is older than the
NextGen switch, or its sources give no start); `end` None means "still in force
when the rules were last checked".
"""

from __future__ import annotations

from datetime import date, timedelta

from .i18n import N_
from .record import Record

# The day these rules were last compared with the facts file and the court notices.
RULES_CHECKED = date(2026, 12, 4)
# After this long past RULES_CHECKED the checklist says the rules may have changed.
RULES_STALE_AFTER = timedelta(days=365)
# Marked for the catalog, kept in English here: show it with _(WHERE_TO_CHECK).
# Translators: completes "Check {where}." (where to look for changed rules).
WHERE_TO_CHECK = N_(
    "PACER's announcements (https://pacer.uscourts.gov/announcements) and each court's "
    "own website (its CM/ECF or NextGen page)"
)


class Rule(Record, frozen=True):
    """A dated rule of PACER or the courts, with its source; in force from start until end."""

    id: str
    summary: str
    source: str
    start: date | None = None
    end: date | None = None  # last day in force

    def in_force(self, as_of: date) -> bool:
        return (self.start is None or as_of >= self.start) and (self.end is None or as_of <= self.end)


_RULES = [
    # --- PACER accounts ----------------------------------------------------------------
    Rule("individual-account", "Every CM/ECF filer needs an individual PACER account; shared accounts "
         "are for viewing only", "S.D. Ala. seed; D. Mass. seed; nhd; nvd 2022-02-01; id FAQ"),
    Rule("legacy-cutoff", "Accounts created before 2014-08-11 are legacy; 2014-08-01 to 08-10 cannot "
         "be told by date (S.D. Ala. says August 1)", "PACER 2014 legacy announcement; mab NextGen; "
         "dcd NextGen; ilsd NextGen; ctd NextGen; txwb upgrade; S.D. Ala. seed", date(2014, 8, 11)),
    Rule("legacy-evidence-order", "Weigh evidence in this order: Account Type, then username form "
         "(legacy = 2 letters + 4 digits; upgraded = 8+ characters), then creation date",
         "S.D. Ala. seed; pamb NextGen; id FAQ; ilsd NextGen; nywb NextGen; neb NextGen; "
         "txwb upgrade", date(2014, 8, 11)),
    Rule("upgrade-new-username", "Upgrading keeps the account but in practice gives it a new username "
         "of 8+ characters (not the CM/ECF one): write it down", "txwb upgrade; mssb 2019-10-31; "
         "txwd upgrade; id FAQ; vawb; njb", date(2014, 8, 11)),
    Rule("registration-lead-time", "Registering without a credit card: activation token by letter in "
         "7-10 business days; a card is faster", "PACER FAQ account; PAA reg page"),
    Rule("firm-billing-account", "Optional PACER Administrative Account for one firm bill; billing only",
         "S.D. Ala. seed; PACER PAA basics"),
    Rule("forgot-pacer-login", "Forgotten PACER username/password: \"Forgot Username/Password\" at "
         "login; a lost username may need the 7-digit account number or the PSC",
         "PACER forgot page; PACER FAQ forgot; ncwb; msnd"),
    Rule("forgot-login-stale-email", "PACER's resets go to the email on file: with an out-of-date email, "
         "go straight to the PSC (and to the court's clerk for an old CM/ECF login)",
         "PACER forgot page; PACER FAQ forgot; PACER MFA apps aid"),
    Rule("upgrade-due-now", "Where a chosen court is already on NextGen, nobody files there until "
         "upgraded and linked: the account and upgrade steps are due now, not at a later court's switch",
         "S.D. Ala. seed; D. Mass. seed"),
    Rule("inactive-self-reset", "CM/ECF-level users whose search status went inactive can reset their "
         "own password", "innb 2025-11-25; gasd 2025-11-24; flnb; ncmb; tnmb; cadc; waed",
         date(2025, 10, 16)),
    Rule("inactive-account", "Search status goes inactive after six months unused (filing still "
         "works; the PSC reactivates); one PACER FAQ says accounts unused for two years are "
         "deactivated", "innb 2025-11-25; gasd 2025-11-24; flnb; ncmb; tnmb; "
         "PACER FAQ account; PACER FAQ upgrade"),
    # --- passwords and MFA ---------------------------------------------------------------
    Rule("password-2025", "PACER passwords: 14-45 characters, lower and upper case, a special "
         "character, nothing from name/username/email, changed every 180 days (enforcement "
         "possibly delayed)", "PACER 2025-06-27; azb pw; considerchapter13 2025-09-28",
         date(2025, 8, 25)),
    Rule("mfa-rollout-2025", "MFA voluntary from 2025-05-11, filers selected at random from "
         "2025-08-11, all filers by 2025-12-31", "wvsd MFA; okwb MFA; cadc; PACER 2025-06-27",
         date(2025, 5, 11), date(2025, 9, 27)),
    Rule("mfa-when-prompted", "Enrol in MFA only when PACER prompts at login; be ready (app, current "
         "PACER email, backup codes); 3 skips then \"User Update Required\"",
         "considerchapter13 2025-09-28; innb 2025-11-25; gasd 2025-11-24; gand 2025-11-24; flnb; "
         "ncmb; waed; tnmb; PACER PAA basics; PACER MFA Tips 2026-02-05", date(2025, 9, 28)),
    Rule("mfa-lost-device", "Lost MFA device: a backup code, then add a new app under Manage MFA "
         "Settings; no codes: the PACER Service Center", "cacd MFA FAQ; PACER MFA apps aid; azb "
         "2026-03-30; nmb; caeb", date(2025, 5, 11)),
    Rule("filing-due-cannot-sign-in", "A filing due while the filer cannot sign in: call that court's "
         "clerk's office today for its emergency or technical-failure route, and the PSC for the "
         "account", "caeb; ca9 FAQ; PACER MFA apps aid"),
    Rule("mfa-five-apps", "Up to 5 authenticator apps per PACER account (the attorney plus four "
         "staff); filing software may take a slot", "PACER MFA Tips 2025-08-22; PACER MFA apps aid; "
         "nmb; NextChapter help", date(2025, 5, 11)),
    # --- per court: CM/ECF logins and linking -------------------------------------------------
    Rule("save-browser-login", "Before the switch, a CM/ECF login kept only in the browser must be "
         "saved elsewhere: it is lost at the switch; after it, look in the browser's saved passwords "
         "before asking the clerk", "D. Mass. seed; mad NextGen"),
    Rule("recover-cmecf-login", "A lost old CM/ECF login: the court's self-service retrieval or reset "
         "where offered, the clerk otherwise (not PACER)", "D. Mass. seed; mad NextGen; mdd; prd; "
         "lawd; PACER forgot page"),
    Rule("cmecf-login-unrecoverable", "When the old CM/ECF login cannot be recovered: a new e-file "
         "registration through PACER; D. Mass. then links the old account itself",
         "mad NextGen; PACER FAQ linking"),
    Rule("link-per-court", "After each court's switch, link the old CM/ECF account to the upgraded "
         "PACER account, once per court; a link cannot be undone", "S.D. Ala. seed; D. Mass. seed; "
         "cob NextGen; pawd NextGen; mdd; PACER FAQ linking; id FAQ; cadc"),
    Rule("efile-registration", "No filing account at a court: Attorney Admissions/E-File Registration "
         "or Non-Attorney E-File Registration in PACER; processing varies (one business day to 7 days; "
         "the Ninth Circuit's older page: up to 10 business days)",
         "PACER FAQ linking; PACER non-atty; wawb reg; bap9 beta site; ca9 cmecf"),
    Rule("pro-hac-vice", "Pro hac vice: the order depends on the court; many (S.D.N.Y., E.D.N.Y., "
         "W.D.N.Y. Bankruptcy) need the e-file registration (\"Pro Hac Vice\") before the motion, which "
         "the applicant e-files; others (N.D. Okla., D. Mass. Bankruptcy, W.D. Va. Bankruptcy) after the "
         "motion or order", "nysd PHV; nyed PHV; nywb PHV; nynd FAQ; oknd PHV; mab PHV; vawb PHV"),
    Rule("acms-ca9", "Ninth Circuit: new immigration petitions in ACMS from 2021-05-01, all new cases "
         "only from 2023-10-01; older cases stay in CM/ECF; a registered filer signs in with PACER and "
         "needs no further action (no link step)", "ca9 e-filing; ca9 ACMS; ca9 FAQ",
         date(2021, 5, 1)),
    Rule("acms-cavc", "Court of Appeals for Veterans Claims (not in PACER's court list): new cases in "
         "ACMS from 2026-10-01 (was 2026-04-01); old cases stay in CM/ECF", "cavc", date(2026, 10, 1)),
    Rule("acms-ca2", "Second Circuit: partly on ACMS (BIA petitions; expanded 2023-01-01; prisoner "
         "habeas and civil-rights appeals from 2023-05-01)", "ACMS portal instructions; ca2 home",
         date(2023, 1, 1)),
    # --- roles ----------------------------------------------------------------------------------
    Rule("staff-own-account", "Staff filing under the attorney's login is a local-rule question; the "
         "better route is the staff member's own PACER account and a Filing Agent registration",
         "nhd; nvd 2022-02-01; id FAQ; cand LR 5-1; gud 2017-04-12; azd; nmb"),
    Rule("filing-agent", "Filing agent: own upgraded PACER account, Non-Attorney E-File Registration "
         "(Role \"Filing Agent\"); the attorney or trustee then adds the agent in CM/ECF (Find Filing "
         "Agent)", "txwb FA; iasb; wawb FA; alsb FA; neb FA; waeb; ianb; nvb FA"),
    Rule("secondary-emails", "Up to five secondary noticing emails per court, in CM/ECF (Utilities > "
         "Maintain Your ECF Account > Email Information), not in PACER; third parties risk sealed "
         "documents", "PACER FAQ upgrade; PACER FAQ firms; wvsd email; wawd email"),
    Rule("cja-exemption", "CJA panel attorneys: one account, the PSC adds the CJA flag, then "
         "\"Change PACER Exemption Status\" each session; D.N.H.'s two-account page predates NextGen",
         "nvd CJA 2022-02-01; utd; ohnd; moept; ctd; id FAQ; nhd CJA"),
    Rule("trustee-link", "A trustee account and an attorney account are linked separately; D. Nev. "
         "Bankruptcy requires a separate PACER account per CM/ECF account and a link cannot be undone: "
         "never link a trustee login to a personal attorney PACER account where the court says so",
         "2019 slide deck; nvb FAQ; azb NextGen; cadc"),
    Rule("creditor-pro-se", "Creditors and pro se filers: Non-Attorney E-File Registration (not every "
         "court accepts pro se filers); proofs of claim via ePOC need no login, so a claims-only creditor "
         "needs no PACER account, upgrade or MFA",
         "PACER non-atty; iasb; alsb non-atty; insb; ilcb; nhb; mdfl 2021-03-15; cand pro se; med"),
    Rule("rules-may-change", "More than a year after the rules were last checked, the checklist says "
         "they may have changed and where to check", "this app"),
]  # fmt: skip

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def in_force(rule_id: str, as_of: date) -> bool:
    """Is this rule in force on that day? (KeyError for an unknown id: a typo is a bug.)"""
    return RULES[rule_id].in_force(as_of)


def rules_may_have_changed(as_of: date) -> bool:
    return as_of - RULES_CHECKED > RULES_STALE_AFTER
