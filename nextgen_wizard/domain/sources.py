"""Every source a rule or a court correction cites: its key, title, address and when it was read.

A rule names its sources by key (domain/rules.py), so each checklist step can carry the titles and
addresses of the rules it applies, and docs/sources.md lists them all (tests check both ways).
Addresses are those the facts file recorded; where it recorded only a court (no page), the court's
own website is given and the title says so. `read` is the day the facts file entry citing the
source was last checked (no per-page reading date was kept).
"""

from __future__ import annotations

from .record import Record


class Source(Record, frozen=True):
    """One page a rule rests on."""

    key: str
    title: str
    url: str
    read: str  # YYYY-MM-DD


LATE_2026 = "2026-11-25"
DECEMBER_2026 = "2026-12-04"
SEEDS = "2026-11-23"
PACER = "https://pacer.uscourts.gov"


def _court(court_id: str, path: str = "/") -> str:
    return f"https://www.{court_id}.uscourts.gov{path}"


_SOURCES = [
    # --- the two court notices the product was specified from -------------------------------
    Source("S.D. Ala. seed", "S.D. Ala. Bankruptcy, \"Next Generation of CM/ECF (NextGen) is Coming Soon\" "
           "(court notice; page address not recorded: the court's website)", _court("alsb"), SEEDS),
    Source("D. Mass. seed", "D. Mass. Bankruptcy, \"NextGen CM-ECF Information\" (court notice; page "
           "address not recorded: the court's website)", _court("mab"), SEEDS),
    # --- PACER ----------------------------------------------------------------------------------
    Source("PACER 2014 legacy announcement", "PACER announcement \"Beginning August 11\" (2014): accounts "
           "created before then are legacy (its own address was not recorded: PACER's announcements)",
           f"{PACER}/announcements", LATE_2026),
    Source("PACER 2025-06-27", "PACER: Additional security enhancements coming soon (2025-06-27)",
           f"{PACER}/announcements/2025/06/27/additional-security-enhancements-coming-soon", LATE_2026),
    Source("PACER MFA Tips 2025-08-22", "PACER: MFA tips and resources (2025-08-22)",
           f"{PACER}/announcements/2025/08/22/mfa-tips-and-resources", LATE_2026),
    Source("PACER MFA Tips 2026-02-05", "PACER: MFA tips and resources (2026-02-05)",
           f"{PACER}/announcements/2026/02/05/mfa-tips-and-resources", LATE_2026),
    Source("PACER MFA apps aid", "PACER learning aid: MFA authentication applications",
           f"{PACER}/help/pacer/multifactor-authentication-mfa-authentication-applications", LATE_2026),
    Source("PACER PAA basics", "PACER: PACER Administrative Account basics",
           f"{PACER}/help/pacer/pacer-administrative-account-basics", LATE_2026),
    Source("PACER forgot page", "PACER: Forgot username or password",
           f"{PACER}/my-account-billing/forgot-username-or-password", LATE_2026),
    Source("PACER FAQ forgot", "PACER FAQ: I forgot/lost my username and/or password",
           f"{PACER}/help/faqs/i-forgotlost-my-username-andor-password-how-can-i-obtain-it", LATE_2026),
    Source("PACER FAQ linking", "PACER FAQ: How do I link my CM/ECF e-filing credentials to my upgraded "
           "PACER account?", f"{PACER}/help/faqs/how-do-i-link-my-cmecf-electronic-filing-credentials-my-"
           "upgraded-pacer-account", LATE_2026),
    Source("PACER FAQ upgrade", "PACER FAQ: My PACER account is not upgraded: how do I upgrade it?",
           f"{PACER}/help/faqs/my-pacer-account-not-upgraded-how-do-i-upgrade-my-account", LATE_2026),
    Source("PACER FAQ account", "PACER FAQ: How can I delete or cancel my PACER account?",
           f"{PACER}/help/faqs/how-can-i-delete-or-cancel-my-pacer-account", LATE_2026),
    Source("PACER non-atty", "PACER: Non-attorney filers (CM/ECF)",
           f"{PACER}/register-account/non-attorney-filers-cmecf", LATE_2026),
    Source("PACER FAQ firms", "PACER FAQ: I am changing organizations/firms: do I need a new username?",
           f"{PACER}/help/faqs/i-am-changing-organizationsfirms-do-i-need-new-username-and-password", LATE_2026),
    Source("PAA reg page", "PACER: firm (PAA) registration page (old)", "https://www.pacer.uscourts.gov/reg_firm.html",
           LATE_2026),
    Source("pacer court lookup", "PACER's public CM/ECF court lookup feed (January 10, 2023)",
           "https://pacer.uscourts.gov/file-case/court-cmecf-lookup", LATE_2026),
    # --- MFA and passwords, court notices ------------------------------------------------------
    Source("innb 2025-11-25", "N.D. Ind. Bankruptcy: PACER MFA rollout update (2025-11-25)",
           _court("innb", "/news/important-update-pacer-multi-factor-authentication-mfa-rollout"), LATE_2026),
    Source("gasd 2025-11-24", "S.D. Ga.: PACER multifactor authentication updates (2025-11-24)",
           _court("gasd", "/news/pacer-multifactor-authentication-updates"), LATE_2026),
    Source("gand 2025-11-24", "N.D. Ga.: PACER MFA update (2025-11-24)", _court("gand", "/node/434"), LATE_2026),
    Source("flnb", "N.D. Fla. Bankruptcy: PACER MFA notice", _court("flnb", "/node/1175"), LATE_2026),
    Source("ncmb", "M.D.N.C. Bankruptcy: PACER MFA notice", _court("ncmb", "/node/9549"), LATE_2026),
    Source("waed", "E.D. Wash.: PACER MFA notice", _court("waed", "/node/1093"), LATE_2026),
    Source("tnmb", "M.D. Tenn. Bankruptcy: PACER and CM/ECF MFA rollout",
           _court("tnmb", "/news/pacer-and-cmecf-multi-factor-authentication-rollout"), LATE_2026),
    Source("cadc", "D.C. Circuit: announcements", _court("cadc", "/tags/announcement-active"), LATE_2026),
    Source("wvsd MFA", "S.D.W. Va.: PACER MFA notice (page address not recorded: the court's website)",
           _court("wvsd"), LATE_2026),
    Source("okwb MFA", "W.D. Okla. Bankruptcy: PACER MFA notice (page address not recorded: the court's "
           "website)", _court("okwb"), LATE_2026),
    Source("azb 2026-03-30", "D. Ariz. Bankruptcy: MFA notice (2026-03-30)", _court("azb", "/node/485"), LATE_2026),
    Source("nmb", "D.N.M. Bankruptcy: recent news (MFA)", _court("nmb", "/recent-news"), LATE_2026),
    Source("azb pw", "D. Ariz. Bankruptcy: updated PACER password standards (2025-08-25)",
           _court("azb", "/news/updated-pacer-password-standards-effective-august-25-2025"), LATE_2026),
    Source("cacd MFA FAQ", "C.D. Cal.: PACER MFA FAQs", _court("cacd", "/e-filing/pacer-mfa-faqs"), LATE_2026),
    Source("caeb", "E.D. Cal. Bankruptcy: MFA news item", _court("caeb", "/NewsItem?key=nQnYDlnFlYuJvt8m"),
           LATE_2026),
    Source("considerchapter13 2025-09-28", "A Chapter 13 trustee's notice (not a court): updated PACER MFA "
           "notice (2025-09-28)", "https://considerchapter13.org/2025/09/28/updated-pacer-multifactor-"
           "authentication-notice/", LATE_2026),
    Source("NextChapter help", "NextChapter (vendor) help: ECF multifactor authentication",
           "https://help.nextchapterbk.com/en/articles/14442828-ecf-multifactor-authentication-add-your-secret-key",
           LATE_2026),
    # --- accounts, staff, upgrades --------------------------------------------------------------
    Source("nhd", "D.N.H.: my law firm shares a PACER account: can we continue in NextGen?",
           _court("nhd", "/content/my-law-firmoffice-shares-pacer-account-can-we-continue-do-using-nextgen-cmecf"),
           LATE_2026),
    Source("id FAQ", "D. Idaho: NextGen FAQs", "https://www.id.uscourts.gov/Content_Fetcher/index.cfml/"
           "FAQs_3593.htm?Content_ID=3593", LATE_2026),
    Source("nvd 2022-02-01", "D. Nev. FAQ: shared PACER accounts in NextGen (2022-02-01)",
           _court("nvd", "/ufaqs/my-law-firm-uses-a-shared-pacer-account-can-we-continue-to-use-that-account-"
                  "dec-1-2021/"), LATE_2026),
    Source("cand LR 5-1", "N.D. Cal.: only attorneys and pro se litigants may e-file (Civil L.R. 5-1)",
           "https://www.cand.uscourts.gov/cases-e-filing/cm-ecf/setting-up-my-account/setting-up-your-ecf-"
           "account-attorneys-journalists-public/only-attorneys-pro-se-litigants-may-e-file/", LATE_2026),
    Source("gud 2017-04-12", "D. Guam: administrative procedures for electronic filing (2017-04-12)",
           _court("gud", "/administrative-procedures-and-style-guide-electronic-filing"), LATE_2026),
    Source("azd", "D. Ariz. FAQ: can an attorney file on behalf of another attorney?",
           _court("azd", "/faq/ecf/can-attorney-file-document-behalf-another-attorney"), LATE_2026),
    Source("mab NextGen", "D. Mass. Bankruptcy: NextGen pages (page address not recorded: the court's website)",
           _court("mab"), LATE_2026),
    Source("dcd NextGen", "D.D.C.: NextGen page (page address not recorded: the court's website)",
           _court("dcd"), LATE_2026),
    Source("ilsd NextGen", "S.D. Ill.: NextGen page (page address not recorded: the court's website)",
           _court("ilsd"), LATE_2026),
    Source("ctd NextGen", "D. Conn.: NextGen page", "https://www.ctd.uscourts.gov/NextGen", LATE_2026),
    Source("pamb NextGen", "M.D. Pa. Bankruptcy: NextGen page (page address not recorded: the court's website)",
           _court("pamb"), LATE_2026),
    Source("nywb NextGen", "W.D.N.Y. Bankruptcy: NextGen page (page address not recorded: the court's website)",
           _court("nywb"), LATE_2026),
    Source("neb NextGen", "D. Neb. Bankruptcy: NextGen page (page address not recorded: the court's website)",
           _court("neb"), LATE_2026),
    Source("txwb upgrade", "W.D. Tex. Bankruptcy: upgrading your PACER account",
           _court("txwb", "/upgrading-your-pacer-account"), LATE_2026),
    Source("txwd upgrade", "W.D. Tex.: upgrading a legacy PACER account",
           _court("txwd", "/upgrading-a-legacy-pacer-account/"), LATE_2026),
    Source("njb", "D.N.J. Bankruptcy: upgrade your current PACER account",
           _court("njb", "/upgrade-your-current-pacer-account"), LATE_2026),
    Source("vawb", "W.D. Va. Bankruptcy: upgrade your current PACER account",
           _court("vawb", "/upgrade-your-current-pacer-account"), LATE_2026),
    Source("mssb 2019-10-31", "S.D. Miss. Bankruptcy: upgrade an individual PACER account (2019-10-31)",
           _court("mssb", "/RoboHelp/ECF_Docketing_Guide/Pacer/2-MSSB_Upgrade_Individual_PACER_ACCT_Rev_10-29-"
                  "2019.htm"), LATE_2026),
    Source("ncwb", "W.D.N.C. Bankruptcy: ECF account maintenance", _court("ncwb", "/ecf-account-maintenance"),
           LATE_2026),
    Source("msnd", "N.D. Miss.: NextGen information", _court("msnd", "/nextgen-information"), LATE_2026),
    # --- CM/ECF logins and linking ----------------------------------------------------------------
    Source("mad NextGen", "D. Mass.: NextGen (CM/ECF login retrieval; links the legacy account itself)",
           _court("mad", "/caseinfo/nextgen.htm"), LATE_2026),
    Source("mdd", "D. Md.: account and password maintenance", _court("mdd", "/account-password-maintenance"),
           LATE_2026),
    Source("prd", "D.P.R.: forgot your CM/ECF user name or password",
           _court("prd", "/?q=forgot-your-cmecf-user-name-password"), LATE_2026),
    Source("lawd", "W.D. La.: I forgot my CM/ECF login id or password",
           _court("lawd", "/content/i-forgot-my-cmecf-login-id-or-password-how-can-i-retrieve-information"),
           LATE_2026),
    Source("cob NextGen", "D. Colo. Bankruptcy: linking in NextGen (page address not recorded: the court's "
           "website)", _court("cob"), LATE_2026),
    Source("pawd NextGen", "W.D. Pa.: NextGen page (page address not recorded: the court's website)",
           _court("pawd"), LATE_2026),
    Source("wawb reg", "W.D. Wash. Bankruptcy: ECF registration", _court("wawb", "/ecf-registration"), LATE_2026),
    Source("bap9 beta site", "Ninth Circuit BAP (beta site): filing", "https://beta.bap9.fedcourts.us/filing",
           LATE_2026),
    # --- pro hac vice (Corrected, December 2026) ----------------------------------------------------
    Source("nysd PHV", "S.D.N.Y.: pro hac vice", "https://wp.nysd.uscourts.gov/index.php/attorney/prohac",
           DECEMBER_2026),
    Source("nyed PHV", "E.D.N.Y.: pro hac vice attorney admission instructions",
           _court("nyed", "/pro-hac-vice-attorney-admission-instructions"), DECEMBER_2026),
    Source("nywb PHV", "W.D.N.Y. Bankruptcy: pro hac vice", _court("nywb", "/pro-hac-vice-bankruptcy-court"),
           DECEMBER_2026),
    Source("nynd FAQ", "N.D.N.Y.: admissions FAQ (pro hac vice)", _court("nynd", "/node/634"), DECEMBER_2026),
    Source("oknd PHV", "N.D. Okla.: pro hac vice admission", _court("oknd", "/pro-hac-vice-admission"), LATE_2026),
    Source("mab PHV", "D. Mass. Bankruptcy: pro hac vice procedures", _court("mab", "/pro-hac-vice-procedures"),
           LATE_2026),
    Source("vawb PHV", "W.D. Va. Bankruptcy: admission pro hac vice", _court("vawb", "/?q=admission-pro-hac-vice"),
           LATE_2026),
    # --- appellate ACMS ------------------------------------------------------------------------------
    Source("ca9 e-filing", "Ninth Circuit: electronic filing", _court("ca9", "/efiling/"), LATE_2026),
    Source("ca9 ACMS", "Ninth Circuit: ACMS", _court("ca9", "/efiling/acms/"), LATE_2026),
    Source("ca9 portal", "Ninth Circuit: e-filing feedback portal", "https://ca9-portal.powerappsportals.us",
           DECEMBER_2026),
    Source("ca9 FAQ", "Ninth Circuit: e-filing FAQs", _court("ca9", "/efiling/faqs/"), DECEMBER_2026),
    Source("ca9 cmecf", "Ninth Circuit: CM/ECF (older page)", "http://www.ca9.uscourts.gov/cmecf/", DECEMBER_2026),
    Source("ca2 home", "Second Circuit: home page announcements (2022-12-01, 2023-04-03)",
           "https://www.ca2.uscourts.gov/", LATE_2026),
    Source("ACMS portal instructions", "ACMS portal instructions (mirror, undated)",
           "https://dokumen.tips/documents/acms-portal-instructions.html", LATE_2026),
    Source("cavc", "U.S. Court of Appeals for Veterans Claims: ACMS implementation date",
           "http://www.uscourts.cavc.gov/ACMS_Implementation_Date.php", LATE_2026),
    Source("facts go-live search", "NextGen go-live dates found by search (facts file, Corrected December "
           "2026): not yet confirmed on each court's own page; PACER's announcements list court switches",
           f"{PACER}/announcements", DECEMBER_2026),
    Source("court www hosts", "Each court's own website (www.<court>.uscourts.gov), used where PACER's feed "
           "gives the filing host or no website", "https://www.uscourts.gov/about-federal-courts/court-website-links",
           DECEMBER_2026),
    # --- roles -------------------------------------------------------------------------------------
    Source("txwb FA", "W.D. Tex. Bankruptcy: NextGen filing agents", _court("txwb", "/nextgen-filing-agents"),
           LATE_2026),
    Source("iasb", "S.D. Iowa Bankruptcy: NextGen non-attorney registration", _court("iasb", "/nextgen-non-aty-reg"),
           LATE_2026),
    Source("wawb FA", "W.D. Wash. Bankruptcy: NextGen process for filing agents",
           _court("wawb", "/nextgen-process-filing-agents"), LATE_2026),
    Source("alsb FA", "S.D. Ala. Bankruptcy: e-filing filing agents", _court("alsb", "/e-filing-filing-agents"),
           LATE_2026),
    Source("neb FA", "D. Neb. Bankruptcy: NextGen filing agents",
           _court("neb", "/nextgen-cmecf-information/nextgen-cmecf-filing-agents"), LATE_2026),
    Source("waeb", "E.D. Wash. Bankruptcy: NextGen process for filing agents",
           _court("waeb", "/nextgen-process-filing-agents"), LATE_2026),
    Source("ianb", "N.D. Iowa Bankruptcy: NextGen process for filing agents",
           _court("ianb", "/nextgen-process-filing-agents"), LATE_2026),
    Source("nvb FA", "D. Nev. Bankruptcy: NextGen filing agents",
           _court("nvb", "/electronic-case-filing/nextgen/filing-agents/"), LATE_2026),
    Source("nvb FAQ", "D. Nev. Bankruptcy: NextGen FAQ (separate PACER accounts per CM/ECF account)",
           _court("nvb", "/electronic-case-filing/nextgen/nextgen-faq/"), DECEMBER_2026),
    Source("azb NextGen", "D. Ariz. Bankruptcy: avoid filing delays, prepare now for NextGen",
           "https://coop.azb.uscourts.gov/news/avoid-filing-delays-prepare-now-nextgen", DECEMBER_2026),
    Source("2019 slide deck", "A 2019 NextGen presentation (court not named; mirror)",
           "https://www.sambuz.com/doc/what-you-need-to-know-to-file-after-october-21-2019-the-ppt-presentation-191737",
           LATE_2026),
    Source("wvsd email", "S.D.W. Va.: updating CM/ECF email", _court("wvsd", "/case-info/cm-ecf-info/Updating-CMECF-email"),
           LATE_2026),
    Source("wawd email", "W.D. Wash.: how do I add, change or delete a secondary email address",
           _court("wawd", "/content/how-do-i-add-change-or-delete-secondary-email-address"), LATE_2026),
    Source("nvd CJA 2022-02-01", "D. Nev. FAQ: CJA attorneys viewing documents without charge (2022-02-01)",
           _court("nvd", "/ufaqs/i-am-a-cja-attorney-how-do-i-view-documents-without-being-charged/"), LATE_2026),
    Source("utd", "D. Utah: CJA FAQ", _court("utd", "/court-info/cja_faq"), LATE_2026),
    Source("ohnd", "N.D. Ohio: CJA PACER page", _court("ohnd", "/node/168"), LATE_2026),
    Source("moept", "Missouri Eastern federal public defender: PACER", _court("moept", "/pacer"), LATE_2026),
    Source("ctd", "D. Conn.: NextGen", "https://www.ctd.uscourts.gov/NextGen", LATE_2026),
    Source("nhd CJA", "D.N.H.: fee-exempt PACER account for CJA panel attorneys (undated, before NextGen)",
           _court("nhd", "/fee-exempt-pacer-account-cja-panel-attorneys"), LATE_2026),
    Source("alsb non-atty", "S.D. Ala. Bankruptcy: e-filing for non-attorney filers",
           _court("alsb", "/e-filing-non-attorney-filers"), LATE_2026),
    Source("insb", "S.D. Ind. Bankruptcy: limited users (ePOC)",
           _court("insb", "/procedure/Filing_Documents_Limited_Use/Limited_user_start_page.htm"), LATE_2026),
    Source("ilcb", "C.D. Ill. Bankruptcy: ECF registration for creditors and other limited filers",
           _court("ilcb", "/ecf-registration-creditors-other-limited-filers"), LATE_2026),
    Source("nhb", "D.N.H. Bankruptcy: creditor or other limited user access",
           _court("nhb", "/creditor-or-other-limited-user-access"), LATE_2026),
    Source("mdfl 2021-03-15", "M.D. Fla.: Non-Attorney E-File Registration guide (2021-03-15; read via a mirror: "
           "the court's website)", _court("flmd"), LATE_2026),
    Source("cand pro se", "N.D. Cal.: register for e-filing (pro se litigants)",
           "https://www.cand.uscourts.gov/cases-e-filing/cm-ecf/setting-up-my-account/register-for-e-filing-pro-se-"
           "litigants/", LATE_2026),
    Source("med", "D. Me.: electronic filing", _court("med", "/electronic-filing"), LATE_2026),
    Source("this app", "NextGen Ready's own rule (docs/domain-rules.md)",
           "https://pacer.uscourts.gov/announcements", LATE_2026),
]  # fmt: skip

SOURCES: dict[str, Source] = {source.key: source for source in _SOURCES}


def split_keys(text: str) -> tuple[str, ...]:
    """A rule's source text ("nhd; id FAQ") as its keys."""
    return tuple(key.strip() for key in text.split(";") if key.strip())


def sources_for(keys: tuple[str, ...] | list[str]) -> tuple[Source, ...]:
    """The sources for these keys, each once, in order (KeyError for an unknown key: a typo is a bug)."""
    seen: dict[str, Source] = {}
    for key in keys:
        seen.setdefault(key, SOURCES[key])
    return tuple(seen.values())
