"""A downloaded copy of PACER's court lookup feed: check it as untrusted input, then say what changed.

Pure: bytes and dicts in, a catalog and sentences out. The download itself and keeping the
accepted copy are in storage/court_updates.py. A feed is accepted only when it:
- is JSON (not a web page, not cut off, not too deeply nested) shaped like the feed the
  build step reads (packaging/build_courts.py): meta.last_updated, a list of court entries,
  each filing court with an id, a title, a known type, a circuit and an https filing address
  on uscourts.gov;
- goes through the same cleaning and reviewed overrides as the shipped data
  (court_feed.build_catalog_data) without two courts sharing an id;
- lists nearly as many courts as the shipped data (a short list is a broken feed, not news);
- is no older than the court data already in use (the shipped data is the floor).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from .court_feed import NOT_FILING_COURTS, TYPE_NAMES, build_catalog_data, cmecf_id, feed_date, records
from .courts import Catalog, catalog_from_data
from .dates import long_date, parse_iso_date

# The public address the feed names for itself (its meta.url); a firm policy may name another.
FEED_URL = "https://pacer.uscourts.gov/file-case/court-cmecf-lookup/data.json"
MAX_FEED_BYTES = 8_000_000  # the 2023 feed is 1.6 MB
MAX_ENTRIES = 1_000  # the 2023 feed has 210
MAX_TEXT = 2_000  # characters in one field of one entry
MIN_SHARE_OF_KNOWN = 0.9  # fewer courts than 90% of those already known: refused
REQUIRED = ("court_id", "title", "type", "login_url", "circuit")
LIST_FIELDS = ("counties", "help_desk", "locations")
MAX_LISTED = 20  # names per line of the summary before "and N more"


class FeedRejected(ValueError):
    """The download is not usable court data; str() is one sentence for the user."""


def parse_feed(body: bytes) -> dict:
    """The feed's JSON object, or FeedRejected saying what the body is instead."""
    text = body.removeprefix(b"\xef\xbb\xbf").strip()
    if not text:
        raise FeedRejected("The download was empty.")
    if text[:1] == b"<":
        raise FeedRejected(
            "The address sent a web page instead of the court list: a Wi-Fi sign-in page, a proxy "
            "or a firewall may be in the way."
        )
    if text[:1] != b"{":
        raise FeedRejected("The download is not the court list (it is not JSON).")
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError:
        raise FeedRejected("The download is not the court list (it is not UTF-8 text).") from None
    try:
        feed = json.loads(decoded)
    except json.JSONDecodeError as error:
        if error.pos >= len(decoded) - 1 or "Unterminated string" in error.msg:
            raise FeedRejected("The download was cut off before its end (the connection dropped).") from None
        raise FeedRejected(f"The download is not valid JSON (line {error.lineno}).") from None
    except RecursionError:
        raise FeedRejected("The download is nested too deeply to be the court list.") from None
    if not isinstance(feed, dict):
        raise FeedRejected("The download is not the court list (no meta and data).")
    return feed


def _entry_problem(index: int, entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return f"entry {index} is not a court"
    if entry.get("court_id") in NOT_FILING_COURTS:
        return None
    name = entry.get("court_id") if isinstance(entry.get("court_id"), str) else f"entry {index}"
    for key in REQUIRED:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            return f"{name} has no {key}"
    for key, value in entry.items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            return f"{name}: {key} is {len(value):,} characters long"
    if entry["type"] not in TYPE_NAMES:
        return f'{name} has an unknown type "{entry["type"][:40]}"'
    address = urlparse(entry["login_url"])
    host = (address.hostname or "").lower()
    if address.scheme != "https" or not host.endswith(".uscourts.gov"):
        return f"{name}'s filing address is not an https address on uscourts.gov"
    if entry["court_id"].endswith("BAP") and not entry["circuit"].isdigit():
        return f"{name} is a bankruptcy appellate panel without a circuit number"
    for key in LIST_FIELDS:
        value = entry.get(key)
        if value is not None and not isinstance(value, list | dict):
            return f"{name}: {key} is not a list"
        if any(not isinstance(item, dict) for item in records(entry, key)):
            return f"{name}: {key} holds something other than records"
        for item in records(entry, key):
            if any(not isinstance(v, str | int | float | bool | None) for v in item.values()):
                return f"{name}: {key} holds nested data"
    return None


def feed_shape_problems(feed: dict) -> list[str]:
    """What keeps this from being the feed the build step reads (empty: the shape is right)."""
    meta, data = feed.get("meta"), feed.get("data")
    if not isinstance(meta, dict) or not isinstance(data, list):
        return ["it has no meta and data"]
    problems = []
    if not isinstance(meta.get("last_updated"), str) or not feed_date(feed):
        problems.append("it does not say when it was last updated")
    if len(data) > MAX_ENTRIES:
        problems.append(f"it lists {len(data):,} entries, far more than there are federal courts")
        return problems
    for index, entry in enumerate(data):
        problem = _entry_problem(index, entry)
        if problem:
            problems.append(problem)
    return problems


def software_by_court(feed: dict) -> dict[str, str]:
    """Each filing court's CM/ECF software as the feed reports it (for the summary of changes)."""
    found = {}
    for entry in feed["data"]:
        if entry.get("court_id") not in NOT_FILING_COURTS and isinstance(entry.get("software_version"), str):
            found[cmecf_id(entry)] = entry["software_version"][:200]
    return found


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


@dataclass(frozen=True)
class AcceptedFeed:
    data: dict  # what courts.json holds, made from the download
    catalog: Catalog
    software: dict[str, str]
    url: str  # the address the feed names for itself (meta.url), "" if none


def accept_feed(body: bytes, overrides: dict, current: Catalog, *, fetched: str) -> AcceptedFeed:
    """The checked catalog from a downloaded feed, or FeedRejected with the reason in one sentence."""
    feed = parse_feed(body)
    problems = feed_shape_problems(feed)
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise FeedRejected(f"The download is not a court list this app can use: {problems[0]}{more}.")
    filing = [e for e in feed["data"] if e.get("court_id") not in NOT_FILING_COURTS]
    present = {cmecf_id(e) for e in filing}
    # A reviewed correction for a court the new list no longer has is simply not needed.
    kept = {k: v for k, v in (overrides.get("courts") or {}).items() if k in present}
    try:
        data = build_catalog_data(feed, {**overrides, "courts": kept})
    except ValueError as error:
        if "duplicate" in str(error):
            raise FeedRejected(f"The download lists two courts under one id ({error}).") from None
        raise FeedRejected(f"The download could not be read as the court list ({error}).") from None
    except (KeyError, TypeError, AttributeError, IndexError) as error:
        raise FeedRejected(f"The download could not be read as the court list ({error!r}).") from None
    try:
        catalog = catalog_from_data(data, fetched=fetched)
    except (KeyError, TypeError, ValueError) as error:
        raise FeedRejected(f"The download could not be read as the court list ({error!r}).") from None
    minimum = int(len(current) * MIN_SHARE_OF_KNOWN)
    if len(catalog) < minimum:
        raise FeedRejected(
            f"The download lists only {len(catalog)} courts where this app knows {len(current)}: "
            "it looks broken, so it was not used."
        )
    if current.feed_date and data["feed_date"] < current.feed_date:
        raise FeedRejected(
            f"The download is PACER's court list of {_day(data['feed_date'])}, older than the one in use "
            f"({_day(current.feed_date)}), so it was not used."
        )
    url = (feed.get("meta") or {}).get("url")
    return AcceptedFeed(data, catalog, software_by_court(feed), url if isinstance(url, str) else "")


def _day(iso: str) -> str:
    day = parse_iso_date(iso)
    return long_date(day) if day else iso or "an unknown date"


@dataclass
class CatalogDiff:
    added: list[str] = field(default_factory=list)  # "id (name)"
    removed: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  # filing (login) addresses, "id: old -> new"
    contacts: list[str] = field(default_factory=list)  # court ids
    websites: list[str] = field(default_factory=list)
    software: list[str] = field(default_factory=list)  # "id: old -> new"
    acms: list[str] = field(default_factory=list)
    nextgen_dates: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def diff_catalogs(
    old: Catalog,
    new: Catalog,
    old_software: dict[str, str] | None = None,
    new_software: dict[str, str] | None = None,
) -> CatalogDiff:
    """What changed between the court data in use and a new copy, court by court."""
    diff = CatalogDiff()
    old_ids, new_ids = {c.id for c in old.courts}, {c.id for c in new.courts}
    diff.added = [f"{c.id} ({c.name})" for c in new.courts if c.id not in old_ids]
    diff.removed = [f"{c.id} ({c.name})" for c in old.courts if c.id not in new_ids]
    for court in new.courts:
        before = old.get(court.id)
        if before is None:
            continue
        if before.name != court.name:
            diff.renamed.append(f"{court.id}: {before.name} -> {court.name}")
        if before.login_url != court.login_url:
            diff.hosts.append(f"{court.id}: {before.login_url} -> {court.login_url}")
        contact = (court.phones, court.emails, court.contact_note)
        if (before.phones, before.emails, before.contact_note) != contact:
            diff.contacts.append(court.id)
        if before.web_url != court.web_url:
            diff.websites.append(court.id)
        if before.acms_phases != court.acms_phases:
            diff.acms.append(court.id)
        if before.nextgen_go_live != court.nextgen_go_live:
            diff.nextgen_dates.append(court.id)
        if old_software is not None and new_software is not None:
            was, now = old_software.get(court.id), new_software.get(court.id)
            if was != now and now is not None:
                diff.software.append(f"{court.id}: {was or 'not stated'} -> {now}")
    return diff


def summary_lines(diff: CatalogDiff, old: Catalog, new: Catalog, *, software_known: bool = True) -> list[str]:
    """A short summary for a person: which list replaces which, then each kind of change."""
    lines = [
        f"PACER's court list of {_day(new.feed_date)}: {len(new)} courts "
        f"(in use now: {old.describe()}, {len(old)} courts)."
    ]
    if diff.empty:
        lines.append("No court was added or removed and no filing address, contact or system changed.")
    for label, items in (
        ("Courts added", diff.added),
        ("Courts removed", diff.removed),
        ("Names changed", diff.renamed),
        ("Filing addresses changed", diff.hosts),
        ("Contacts (phones, emails) changed", diff.contacts),
        ("Websites changed", diff.websites),
        ("CM/ECF software changed", diff.software),
        ("ACMS (appellate case system) dates changed", diff.acms),
        ("NextGen dates changed", diff.nextgen_dates),
    ):
        if items:
            lines.append(f"{label} ({len(items)}): {_listing(items)}.")
    if not software_known:
        lines.append(
            "Software versions are compared from the second download on (the shipped data does not "
            "record them)."
        )
    return lines
