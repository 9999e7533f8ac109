"""A downloaded copy of PACER's court lookup feed: check it as untrusted input, then say what changed.

Pure: bytes and dicts in, a catalog and sentences out. The download itself and keeping the
accepted copy are in storage/court_downloads.py. A feed is accepted only when it:
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
from typing import Any

from .court_feed import NOT_FILING_COURTS, TYPE_NAMES, build_catalog_data, cmecf_id, feed_date, records
from .courts import Catalog, catalog_from_data
from .dates import long_date, parse_iso_date
from .i18n import N_, _, ngettext
from .outside import court_url
from .record import Record, field

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
        raise FeedRejected(_("The download was empty."))
    if text[:1] == b"<":
        raise FeedRejected(
            _(
                "The address sent a web page instead of the court list: a Wi-Fi sign-in page, a proxy "
                "or a firewall may be in the way."
            )
        )
    if text[:1] != b"{":
        raise FeedRejected(_("The download is not the court list (it is not JSON)."))
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError:
        raise FeedRejected(_("The download is not the court list (it is not UTF-8 text).")) from None
    try:
        feed = json.loads(decoded)
    except json.JSONDecodeError as error:
        if error.pos >= len(decoded) - 1 or "Unterminated string" in error.msg:
            raise FeedRejected(
                _("The download was cut off before its end (the connection dropped).")
            ) from None
        raise FeedRejected(
            _("The download is not valid JSON (line {line}).").format(line=error.lineno)
        ) from None
    except RecursionError:
        raise FeedRejected(_("The download is nested too deeply to be the court list.")) from None
    if not isinstance(feed, dict):
        raise FeedRejected(_("The download is not the court list (no meta and data)."))
    return feed


def _entry_problem(index: int, entry: Any) -> str | None:
    if not isinstance(entry, dict):
        # Translators: {index} is an entry's number in the downloaded list.
        return _("entry {index} is not a court").format(index=index)
    if entry.get("court_id") in NOT_FILING_COURTS:
        return None
    court_id = entry.get("court_id")
    name = court_id if isinstance(court_id, str) else _("entry {index}").format(index=index)
    # In the sentences below {name} is a court id (or "entry 3") and {key} a field name of the feed.
    for key in REQUIRED:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            return _("{name} has no {key}").format(name=name, key=key)
    for key, value in entry.items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            return _("{name}: {key} is {length} characters long").format(
                name=name, key=key, length=f"{len(value):,}"
            )
    if entry["type"] not in TYPE_NAMES:
        return _('{name} has an unknown type "{type}"').format(name=name, type=entry["type"][:40])
    address, _why = court_url(entry["login_url"])
    if address is None or not entry["login_url"].strip().lower().startswith("https://"):
        return _("{name}'s filing address is not an https address on uscourts.gov").format(name=name)
    if entry["court_id"].endswith("BAP") and not entry["circuit"].isdigit():
        return _("{name} is a bankruptcy appellate panel without a circuit number").format(name=name)
    for key in LIST_FIELDS:
        value = entry.get(key)
        if value is not None and not isinstance(value, list | dict):
            return _("{name}: {key} is not a list").format(name=name, key=key)
        if any(not isinstance(item, dict) for item in records(entry, key)):
            return _("{name}: {key} holds something other than records").format(name=name, key=key)
        for item in records(entry, key):
            if any(not isinstance(v, str | int | float | bool | None) for v in item.values()):
                return _("{name}: {key} holds nested data").format(name=name, key=key)
    return None


def feed_shape_problems(feed: dict) -> list[str]:
    """What keeps this from being the feed the build step reads (empty: the shape is right)."""
    meta, data = feed.get("meta"), feed.get("data")
    if not isinstance(meta, dict) or not isinstance(data, list):
        # Translators: meta and data are the feed's JSON keys: keep them.
        return [_("it has no meta and data")]
    problems = []
    if not isinstance(meta.get("last_updated"), str) or not feed_date(feed):
        problems.append(_("it does not say when it was last updated"))
    if len(data) > MAX_ENTRIES:
        problems.append(
            _("it lists {count} entries, far more than there are federal courts").format(
                count=f"{len(data):,}"
            )
        )
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
    more = len(items) - MAX_LISTED
    # Translators: ends a shortened list of courts ("ca1, ca2, ... and 5 more").
    return shown + (" " + ngettext("and {n} more", "and {n} more", more).format(n=more) if more > 0 else "")


class AcceptedFeed(Record, frozen=True):
    """A downloaded court feed that passed the checks, cleaned."""

    data: dict  # what courts.json holds, made from the download
    catalog: Catalog
    software: dict[str, str]
    url: str  # the address the feed names for itself (meta.url), "" if none


def accept_feed(body: bytes, overrides: dict, current: Catalog, *, fetched: str) -> AcceptedFeed:
    """The checked catalog from a downloaded feed, or FeedRejected with the reason in one sentence."""
    feed = parse_feed(body)
    problems = feed_shape_problems(feed)
    if problems:
        others = len(problems) - 1
        more = (
            " " + ngettext("(and {n} more problems)", "(and {n} more problems)", others).format(n=others)
            if others
            else ""
        )
        # Translators: {problem} is one problem found (e.g. "it does not say when it was last updated").
        raise FeedRejected(
            _("The download is not a court list this app can use: {problem}{more}.").format(
                problem=problems[0], more=more
            )
        )
    filing = [e for e in feed["data"] if e.get("court_id") not in NOT_FILING_COURTS]
    present = {cmecf_id(e) for e in filing}
    # A reviewed correction for a court the new list no longer has is simply not needed; a court
    # the overrides add (not in PACER's list at all) stays unless the list now has it.
    kept = {k: v for k, v in (overrides.get("courts") or {}).items() if k in present or "added" in v}
    try:
        data = build_catalog_data(feed, {**overrides, "courts": kept})
    except ValueError as error:
        if "duplicate" in str(error):
            # Translators: {error} is a technical detail, in English.
            raise FeedRejected(
                _("The download lists two courts under one id ({error}).").format(error=error)
            ) from None
        # Translators: {error} is a technical detail, in English.
        raise FeedRejected(
            _("The download could not be read as the court list ({error}).").format(error=error)
        ) from None
    except (KeyError, TypeError, AttributeError, IndexError) as error:
        raise FeedRejected(
            _("The download could not be read as the court list ({error}).").format(error=repr(error))
        ) from None
    try:
        catalog = catalog_from_data(data, fetched=fetched)
    except (KeyError, TypeError, ValueError) as error:
        raise FeedRejected(
            _("The download could not be read as the court list ({error}).").format(error=repr(error))
        ) from None
    minimum = int(len(current) * MIN_SHARE_OF_KNOWN)
    if len(catalog) < minimum:
        raise FeedRejected(
            _(
                "The download lists only {found} courts where this app knows {known}: "
                "it looks broken, so it was not used."
            ).format(found=len(catalog), known=len(current))
        )
    if current.feed_date and data["feed_date"] < current.feed_date:
        raise FeedRejected(
            _(
                "The download is PACER's court list of {date}, older than the one in use "
                "({current}), so it was not used."
            ).format(date=_day(data["feed_date"]), current=_day(current.feed_date))
        )
    url = (feed.get("meta") or {}).get("url")
    return AcceptedFeed(data, catalog, software_by_court(feed), url if isinstance(url, str) else "")


def _day(iso: str) -> str:
    day = parse_iso_date(iso)
    return long_date(day) if day else iso or _("an unknown date")


class CatalogDiff(Record):
    """What a newer court feed changes, court by court, for the user to review."""

    added: list[str] = field(default_factory=list)  # "id (name)"
    removed: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  # filing (login) addresses, "id: old -> new"
    contacts: list[str] = field(default_factory=list)  # court ids
    websites: list[str] = field(default_factory=list)
    software: list[str] = field(default_factory=list)  # "id: old -> new"
    acms: list[str] = field(default_factory=list)
    nextgen_dates: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # values from the feed not used, each with why

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self._fields)


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
                # Translators: a court's CM/ECF software version that the court list did not give.
                was = was or _("not stated")
                diff.software.append(f"{court.id}: {was} -> {now}")
    return diff


def summary_lines(diff: CatalogDiff, old: Catalog, new: Catalog, *, software_known: bool = True) -> list[str]:
    """A short summary for a person: which list replaces which, then each kind of change."""
    # English keeps "courts" for any number (a court list never has one court).
    new_courts = ngettext("{n} courts", "{n} courts", len(new)).format(n=len(new))
    old_courts = ngettext("{n} courts", "{n} courts", len(old)).format(n=len(old))
    # Translators: {courts} and {old_courts} are "210 courts"; {in_use} says which court list is in use.
    lines = [
        _("PACER's court list of {date}: {courts} (in use now: {in_use}, {old_courts}).").format(
            date=_day(new.feed_date), courts=new_courts, in_use=old.describe(), old_courts=old_courts
        )
    ]
    if diff.empty:
        lines.append(_("No court was added or removed and no filing address, contact or system changed."))
    for label, items in (
        (N_("Courts added"), diff.added),
        (N_("Courts removed"), diff.removed),
        (N_("Names changed"), diff.renamed),
        (N_("Filing addresses changed"), diff.hosts),
        (N_("Contacts (phones, emails) changed"), diff.contacts),
        (N_("Websites changed"), diff.websites),
        (N_("CM/ECF software changed"), diff.software),
        (N_("ACMS (appellate case system) dates changed"), diff.acms),
        (N_("NextGen dates changed"), diff.nextgen_dates),
        (N_("Refused from the download (not shown or linked)"), diff.refused),
    ):
        if items:
            lines.append(f"{_(label)} ({len(items)}): {_listing(items)}.")
    if not software_known:
        lines.append(
            _(
                "Software versions are compared from the second download on (the shipped data does not "
                "record them)."
            )
        )
    return lines
