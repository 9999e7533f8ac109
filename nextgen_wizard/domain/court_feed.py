"""PACER's public CM/ECF Court Lookup feed + reviewed overrides -> the court catalog data.

Pure: dicts in, dict out (the JSON that resources/courts.json holds). Used at build
time by packaging/build_courts.py and, later, by an in-app "update court data" feature,
so both clean the feed exactly the same way.

What this decides, and why:
- The CM/ECF id is the filing host's label (ecf.<id>.uscourts.gov), because that is
  what court notices and lawyers use (mab, alsb, ca1). The three Bankruptcy Appellate
  Panels share their circuit's host, so they get bap<circuit> instead.
- The PACER Case Locator (00PCL) and the Supreme Court (no CM/ECF login) are not
  filing courts and are left out.
- The feed's go_live_date is the ORIGINAL CM/ECF date, not NextGen's, so it is not
  carried over. NextGen dates, ACMS phases and corrected contacts come from the
  reviewed overrides (resources/court_overrides.json), each with its source.
- Contacts are cleaned by the rules named CLEAN_* below; each says why.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlparse

from .outside import court_email, court_url, shown_text
from .places import STATE_CODES
from .record import Record

NOT_FILING_COURTS = {"00PCL", "SCOTUS"}
TYPE_NAMES = {
    "District": "district",
    "Bankruptcy": "bankruptcy",
    "Appeals": "appellate",
    "National": "national",
}
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# 3-3-4 digits, tolerating "(850) 521 - 3501", "(304)-347-3111" and a leading "1-".
PHONE = re.compile(r"(?<![\d-])(?:1[-. ])?\(?(\d{3})\)?\s*[-. ]?\s*(\d{3})\s*[-.]\s*(\d{4})\b")
MAX_PHONES = 3

# CLEAN_SHARED_HELPLINE: 866-222-8029 is the Multi-Court Voice Case Information System
# (McVCIS), an automated line shared by many courts; the feed lists it as if it were the
# court's own number, but nobody there can help with a login.
SHARED_HELPLINES = {"866-222-8029"}
# CLEAN_AUTOMATED_OR_FAX: numbers the feed labels VCIS (automated case information) or
# Fax cannot answer a filer's question; the clerk's office numbers are kept.
NOT_A_PERSON_LABEL = re.compile(r"\b(mc)?vcis\b|\bfax\b", re.IGNORECASE)
# CLEAN_PLACEHOLDER_HOST: deadmail@localhost.localdomain and Courtmail@localhost.localdomain
# are server defaults left in the feed, not mailboxes anyone reads.
PLACEHOLDER_HOST = re.compile(r"(^|\.)(localhost|localdomain)(\.|$)", re.IGNORECASE)
# CLEAN_NOT_A_COURT_ADDRESS: every real court mailbox in the feed ends in uscourts.gov;
# anything else is a placeholder or a typo.
COURT_DOMAIN = "uscourts.gov"
# CLEAN_WEBMASTER: webmaster@ and web-team mailboxes run the website, not e-filing accounts.
WEB_TEAM = re.compile(r"webmaster|^web_?ops$|^webteam", re.IGNORECASE)
# CLEAN_CHAMBERS: a judge's chambers is not the clerk's office (the Guam bankruptcy entry
# lists the district judge's chambers).
CHAMBERS = re.compile(r"^chambers$", re.IGNORECASE)
# CLEAN_PERSONAL: firstname_lastname addresses of individual staff; people move on and
# questions belong in the clerk's office mailbox. Recognised as two plain name words,
# neither of which names a role, a desk or a court.
ROLE_WORDS = (
    "ecf", "help", "clerk", "court", "admin", "info", "web", "office", "admission", "service",
    "desk", "mail", "doc", "reg", "intake", "support", "bankr", "usbc", "nextgen", "filing",
)  # fmt: skip
# CLEAN_BAP_DESK: a circuit's help-desk line labelled "BAP" belongs to that circuit's
# Bankruptcy Appellate Panel, not to the Court of Appeals.
BAP_DIVISION = "bap"


def cmecf_id(entry: dict) -> str:
    host = urlparse(entry["login_url"]).hostname or ""
    label = host.split(".")[1] if host.startswith("ecf.") else host.split(".")[0]
    if entry["court_id"].endswith("BAP"):
        return "bap" + str(int(entry["circuit"]))
    return label.lower()


def records(entry: dict, key: str) -> list[dict]:
    """The feed gives some lists as objects keyed "0", "1", ...: accept both."""
    value = entry.get(key) or []
    return list(value.values()) if isinstance(value, dict) else list(value)


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def _is_bap_desk(desk: dict) -> bool:
    return str(desk.get("division", "")).strip().lower() == BAP_DIVISION


# A phone's extension written in its text ("215-408-2800 Ext. 2368", "x 240").
EXTENSION = re.compile(r"^\s*(?:ext\.?|extension|x)\s*(\d{1,6})\b", re.IGNORECASE)
# CLEAN_HELP_DESK_FIRST: the lines that help with a CM/ECF login come before division lines, so
# the cut to MAX_PHONES keeps them (flsb's "CM/ECF Help Desk" came fourth and was lost).
HELP_DESK_LABEL = re.compile(r"ecf|help|login|pswd|password|nextgen|e-?fil", re.IGNORECASE)


class Phone(Record, frozen=True):
    """A number as the feed gives it, with its extension and the label (division text) beside it."""

    number: str  # 555-555-5555
    extension: str = ""
    label: str = ""

    def shown(self) -> str:
        """215-408-2800 ext. 2817 (For login/pswd assistance)"""
        text = self.number + (f" ext. {self.extension}" if self.extension else "")
        return f"{text} ({self.label})" if self.label else text


def _label(text: str) -> str:
    """A feed label cleaned for showing: no separators, phone words or trailing colons."""
    text = re.sub(r"\s+", " ", re.sub(r"--+|[|;:,()\[\]]", " ", text)).strip(" -.")
    text = re.sub(r"^(or|and)\s+", "", text, flags=re.IGNORECASE)
    text = shown_text(text)
    if text.lower() == BAP_DIVISION:  # the panel's own line: the court it is shown for says so
        return ""
    return text if 2 < len(text) <= 60 and re.search(r"[A-Za-z]", text) else ""


def phones_in(text: str, label: str = "") -> list[Phone]:
    """Phone numbers in a feed text with their extension and label, skipping those labelled VCIS
    or Fax; `label` is the desk's own division text, used when the text carries none."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    found: list[Phone] = []
    current, last_end = "", 0
    for match in PHONE.finditer(text):
        between = text[last_end : match.start()]
        if re.sub(r"[^a-z]", "", between.lower()) not in ("", "or", "and"):
            current = between  # a new label; "or"/"and" keeps the previous one
        last_end = match.end()
        extension = EXTENSION.match(text[match.end() :])
        if extension:
            last_end = match.end() + extension.end()
        if NOT_A_PERSON_LABEL.search(current) or NOT_A_PERSON_LABEL.search(label):
            continue
        number = "-".join(match.groups())
        found.append(Phone(number, extension.group(1) if extension else "", _label(current) or _label(label)))
    return found


def drop_reason_for_phone(phone: str) -> str | None:
    if phone in SHARED_HELPLINES:
        return "CLEAN_SHARED_HELPLINE"
    if phone[1] == "9":  # CLEAN_BAD_AREA_CODE: N9X area codes are reserved, so "299-..." is a typo
        return "CLEAN_BAD_AREA_CODE"
    return None


def _looks_personal(local: str, court_ids: set[str]) -> bool:
    tokens = re.split(r"[._]", local)
    if len(tokens) != 2:
        return False
    for token in tokens:
        if not token.isalpha() or len(token) < 3 or not (token.islower() or token.istitle()):
            return False
        lowered = token.lower()
        if lowered in court_ids or any(word in lowered for word in ROLE_WORDS):
            return False
        if any(lowered == name.lower() for name in STATE_CODES.values()):
            return False
    return True


def drop_reason_for_email(email: str, court_ids: set[str] = frozenset()) -> str | None:  # type: ignore[assignment]
    """The CLEAN_* rule that drops this address, or None to keep it."""
    local, _, domain = email.partition("@")
    if PLACEHOLDER_HOST.search(domain):
        return "CLEAN_PLACEHOLDER_HOST"
    if not court_email(email):  # exactly uscourts.gov or a subdomain (not "fake-uscourts.gov")
        return "CLEAN_NOT_A_COURT_ADDRESS"
    if WEB_TEAM.search(local):
        return "CLEAN_WEBMASTER"
    if CHAMBERS.match(local):
        return "CLEAN_CHAMBERS"
    if _looks_personal(local, court_ids):
        return "CLEAN_PERSONAL"
    return None


def _states(entry: dict) -> list[str]:
    states = {c["state"] for c in records(entry, "counties") if c.get("state")}
    if not states:
        # The territories' entries have no county list: read the postal code in the address.
        for loc in records(entry, "locations"):
            for code in re.findall(r"\b([A-Z]{2})\s+\d{5}\b", loc.get("address", "")):
                if code in STATE_CODES:
                    states.add(STATE_CODES[code])
    return sorted(states)


def _desk_phones(desk: dict) -> list[Phone]:
    phones = phones_in(str(desk.get("phone", "")), str(desk.get("division", "")))
    extension = re.sub(r"\D", "", str(desk.get("phoneExt") or ""))  # the feed's own extension field
    if extension and len(phones) == 1 and not phones[0].extension:
        phones = [Phone(phones[0].number, extension, phones[0].label)]
    return phones


def raw_contacts(entry: dict, bap_desks: list[dict]) -> tuple[list[Phone], list[str]]:
    """Phones (CM/ECF help lines first, then the help desk, then locations) and emails as the feed
    has them, uncleaned."""
    desks = [d for d in records(entry, "help_desk") if not _is_bap_desk(d)] + bap_desks
    phones = [p for d in desks for p in _desk_phones(d)]
    phones += [p for loc in records(entry, "locations") for p in phones_in(str(loc.get("phone", "")))]
    unique: dict[tuple[str, str], Phone] = {}
    for phone in phones:
        unique.setdefault((phone.number, phone.extension), phone)
    ranked = sorted(unique.values(), key=lambda p: 0 if HELP_DESK_LABEL.search(p.label) else 1)
    texts = [str(loc.get("email", "")) for loc in records(entry, "locations")]
    texts += [str(d.get(k, "")) for d in desks for k in ("phone", "division")]
    emails = [m.group(0) for text in texts for m in EMAIL.finditer(html.unescape(text))]
    return ranked, _unique(emails)


def convert(entry: dict, override: dict, bap_desks: list[dict], court_ids: set[str]) -> dict:
    cid = cmecf_id(entry)
    found_phones, emails = raw_contacts(entry, bap_desks)
    contact = override.get("contact", {})
    phones = [p for p in found_phones if drop_reason_for_phone(p.number) is None]
    emails = [e for e in emails if drop_reason_for_email(e, court_ids) is None]
    if contact.get("replace"):
        phones, emails = [], []
    refused: list[str] = []
    web_url = contact.get("url")  # a reviewed override is not outside input
    if not web_url:
        web_url, why = court_url(entry.get("web_url"))
        if why:
            refused.append(f"{cid}: {why}")
    court: dict[str, Any] = {
        "id": cid,
        "pacer_id": entry["court_id"],
        "name": shown_text(entry["title"]),
        "type": TYPE_NAMES[entry["type"]],
        "circuit": entry.get("circuit"),
        "login_url": entry["login_url"],
        "web_url": web_url,
        "refused": refused,
        "phones": _unique([*contact.get("phones", []), *(p.shown() for p in phones)])[:MAX_PHONES],
        "emails": _unique([*contact.get("emails", []), *emails]),
        "states": _states(entry),
        "nextgen_go_live": override.get("nextgen_go_live"),
        "prepare_by": override.get("prepare_by"),
        "source": override.get("source"),
        "source_url": override.get("source_url"),
        "checked": override.get("checked"),
        "notices": override.get("notices", []),
        "acms": override.get("acms"),
        "login_help_url": override.get("login_help_url"),
        "links_old_account_itself": override.get("links_old_account_itself"),
        "contact_note": contact.get("note"),
        **{key: override.get(key) for key in OVERRIDE_PASSTHROUGH},
    }
    if not court["phones"] and not court["emails"] and not court["contact_note"]:
        court["contact_note"] = "PACER's court list gives no phone or email for this court: use its website."
    return {k: v for k, v in court.items() if v not in (None, [], "")} | {"id": cid}


# Override keys carried into the catalog as they are (domain/courts.py reads them).
OVERRIDE_PASSTHROUGH = (
    "pro_hac_vice_url", "registration_note", "acms_login_only", "go_live_unconfirmed",
    "go_live_month_only", "source_keys",
)  # fmt: skip


def added_court(cid: str, override: dict) -> dict:
    """A court the feed does not list (the Court of Appeals for Veterans Claims), from the overrides'
    "added" entry: everything from the facts file, marked in_feed false."""
    added = override["added"]
    reviewed = {k: v for k, v in override.items() if k != "added"}
    # Its addresses are reviewed (the override), not outside input: its website is the contact url.
    reviewed["contact"] = {"url": added.get("web_url"), **override.get("contact", {})}
    court = convert(
        {"court_id": added["pacer_id"], "title": added["name"], "type": added["type"], "circuit": None,
         "login_url": added["login_url"]},
        reviewed, [], {cid},
    )  # fmt: skip
    return court | {"id": cid, "in_feed": False}


def feed_date(feed: dict) -> str:
    """YYYY-MM-DD of the feed's "last_updated" (an RFC 2822 date), or "" if it has none."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(feed["meta"]["last_updated"]).date().isoformat()
    except (KeyError, TypeError, ValueError):
        return ""


def build_catalog_data(feed: dict, overrides: dict) -> dict:
    """The catalog (resources/courts.json) from the feed and the reviewed overrides."""
    entries = [e for e in feed["data"] if e.get("court_id") not in NOT_FILING_COURTS]
    court_ids = {cmecf_id(e) for e in entries}
    by_override = {cid: o for cid, o in overrides.get("courts", {}).items() if "added" not in o}
    added = {cid: o for cid, o in overrides.get("courts", {}).items() if "added" in o}
    unknown = sorted(set(by_override) - court_ids)
    if unknown:
        raise ValueError(f"overrides for courts not in the feed: {unknown}")
    # CLEAN_BAP_DESK: collect the circuits' help-desk lines labelled BAP for their panels.
    bap_desks: dict[str, list[dict]] = {}
    for entry in entries:
        if entry["court_id"].endswith("CA"):
            for desk in records(entry, "help_desk"):
                if _is_bap_desk(desk):
                    bap_desks.setdefault("bap" + str(int(entry["circuit"])), []).append(desk)
    courts = []
    for entry in entries:
        cid = cmecf_id(entry)
        courts.append(convert(entry, by_override.get(cid, {}), bap_desks.get(cid, []), court_ids))
    courts += [added_court(cid, override) for cid, override in added.items() if cid not in court_ids]
    refused = [item for court in courts for item in court.pop("refused", [])]
    ids = [c["id"] for c in courts]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate CM/ECF ids: {sorted(duplicates)}")
    courts.sort(key=lambda c: c["id"])
    return {
        "source": "PACER CM/ECF Court Lookup feed, cleaned, with reviewed overrides",
        "feed_updated": feed["meta"]["last_updated"],
        "feed_date": feed_date(feed),
        "overrides_checked": overrides.get("checked"),
        "courts": courts,
        **({"refused": refused} if refused else {}),
    }
