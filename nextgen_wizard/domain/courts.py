"""The court catalog: load resources/courts.json, search it, tell a court's NextGen status."""

from __future__ import annotations

import json
import re
from datetime import date
from enum import StrEnum
from pathlib import Path

from .court_ids import normal_court_id
from .dates import long_date, month_year, parse_iso_date
from .i18n import N_, _
from .places import ORDINALS, STATE_CODES, circuit_number, state_name
from .record import Record, field
from .resources import resource_path

# Every court in PACER's lookup feed of this date already ran a NextGen release.
CATALOG_DATE = date(2023, 1, 10)

# English texts in the court data (resources/courts.json and its reviewed overrides) that the
# checklist shows inside its own sentences: marked here for the catalog, translated by data_text().
# A text not listed (a newer download) is shown as it is, in English.
DATA_TEXTS = (
    # Translators: which cases a court files in ACMS: "{court} files {scope} in ACMS".
    N_("all new cases"),
    # Translators: which cases a court files in ACMS: "{court} files {scope} in ACMS".
    N_("new immigration petitions"),
    # Translators: which cases a court files in ACMS: "{court} files {scope} in ACMS".
    N_(
        "some case types, including prisoner habeas and civil-rights appeals from May 1, 2023 "
        "(no source found on whether every case type has moved)"
    ),
    # Translators: which cases a court files in ACMS: "{court} files {scope} in ACMS".
    N_(
        "some case types (it began with petitions for review of Board of Immigration Appeals "
        "decisions and expanded on January 1, 2023)"
    ),
    N_("This court's CM/ECF reset link goes only to your CM/ECF primary email address."),
    N_("The panel's filing page says e-filing registration can take up to 7 days."),
    N_("The court's older CM/ECF page says registration is processed in up to 10 business days."),
    N_(
        "This panel publishes no phone or email for e-filing (not in PACER's court list or our sources): "
        "ask the Tenth Circuit's clerk's office (court ca10)."
    ),
    N_(
        "Not in PACER's court list: the app has no phone, email or filing address for this court; start "
        "from its website."
    ),
    N_(
        "Questions go through the court's e-filing feedback form (https://ca9-portal.powerappsportals.us), "
        "answered 8:30 a.m. to 5 p.m. Pacific; EFilerHelp took emergency filings by email when CM/ECF and "
        "ACMS were down (July 3, 2025)."
    ),
    N_("PACER's court list gives no phone or email for this court: use its website."),
    N_("PACER's court list and the facts file give no phone or email for this panel: use its website."),
)


def data_text(text: str | None) -> str | None:
    """A text from the court data in the current language where the catalog has it; else as it is."""
    return _(text) if text else text


# Kept importable from here (the CLI and older code read courts.STATE_CODES).
__all__ = ["STATE_CODES"]


class CourtType(StrEnum):
    DISTRICT = "district"
    BANKRUPTCY = "bankruptcy"
    APPELLATE = "appellate"
    NATIONAL = "national"


class NextGenState(StrEnum):
    LIVE = "live"  # on NextGen on the as-of date
    UPCOMING = "upcoming"  # NextGen go-live is after the as-of date
    UNKNOWN = "unknown"  # no known date and the as-of date is before the catalog's


class NextGenStatus(Record, frozen=True):
    """Where a court stands with NextGen: its state, go-live date and the words for it."""

    state: NextGenState
    go_live: date | None
    text: str


class AcmsPhase(Record, frozen=True):
    """From this day, `scope` of the court's cases are filed in ACMS (the appellate case system)."""

    start: date
    scope: str
    all_new_cases: bool = False


class AcmsStatus(Record, frozen=True):
    """An appellate court's move to ACMS: since when, for which cases."""

    since: date
    scope: str
    all_new_cases: bool
    old_cases_stay_in_cmecf: bool


class Court(Record, frozen=True):
    """One court from the court data: ids, name, type, addresses, contacts and NextGen status."""

    id: str
    pacer_id: str
    name: str
    type: CourtType
    circuit: str | None
    login_url: str
    web_url: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    nextgen_go_live: date | None = None
    prepare_by: date | None = None  # last day to prepare, where the court's notice sets one
    source: str | None = None
    notices: tuple[str, ...] = field(default=())
    # From the reviewed overrides (resources/court_overrides.json):
    acms_phases: tuple[AcmsPhase, ...] = ()
    old_cases_stay_in_cmecf: bool = False
    login_help_url: str | None = None  # the court's own CM/ECF login retrieval/reset page
    links_old_account_itself: bool = False  # after a new e-file registration (D. Mass.)
    contact_note: str | None = None
    source_url: str | None = None
    checked: date | None = None
    pro_hac_vice_url: str | None = None  # the court's own pro hac vice page
    registration_note: str | None = None  # shown on the e-file registration step (a lead time)
    acms_login_only: bool = False  # a registered filer signs in to ACMS with PACER: no link step (ca9)
    # A go-live date found by search and not yet confirmed on the court's own page: said so.
    go_live_unconfirmed: bool = False
    go_live_month_only: bool = False  # the day is not known: nextgen_go_live is the 1st of the month
    in_feed: bool = True  # False: added from the facts file (not in PACER's court list)
    source_keys: tuple[str, ...] = ()  # keys of domain/sources.py behind this court's corrections

    def acms_status(self, as_of: date) -> AcmsStatus | None:
        """Which cases this court files in ACMS on that day, or None (all in CM/ECF)."""
        current = [p for p in self.acms_phases if p.start <= as_of]
        if not current:
            return None
        phase = max(current, key=lambda p: p.start)
        # since: when THIS scope began (all new cases only since their own date, not the first phase's)
        return AcmsStatus(phase.start, phase.scope, phase.all_new_cases, self.old_cases_stay_in_cmecf)

    def nextgen_status(self, as_of: date) -> NextGenStatus:
        go_live = self.nextgen_go_live
        if go_live is not None and self.go_live_month_only:
            month = _("{month} (day not known)").format(month=month_year(go_live))
            if as_of.year > go_live.year or (as_of.year == go_live.year and as_of.month > go_live.month):
                text = _("On NextGen since {date}.").format(date=month) + self._unconfirmed()
                return NextGenStatus(NextGenState.LIVE, go_live, text)
            if as_of < go_live:
                text = _("Switches to NextGen on {date}.").format(date=month) + self._unconfirmed()
                return NextGenStatus(NextGenState.UPCOMING, go_live, text)
            text = _("Switches to NextGen during {date}: check the court's website.").format(date=month)
            return NextGenStatus(NextGenState.UNKNOWN, go_live, text + self._unconfirmed())
        if go_live is not None:
            if as_of >= go_live:
                return NextGenStatus(
                    NextGenState.LIVE,
                    go_live,
                    _("On NextGen since {date}.").format(date=long_date(go_live)) + self._unconfirmed(),
                )
            return NextGenStatus(
                NextGenState.UPCOMING,
                go_live,
                _("Switches to NextGen on {date}.").format(date=long_date(go_live)) + self._unconfirmed(),
            )
        if as_of >= CATALOG_DATE and not self.in_feed:
            return NextGenStatus(
                NextGenState.UNKNOWN,
                None,
                _(
                    "Not in PACER's court list: its NextGen status is not known to this app; check the "
                    "court's website."
                ),
            )
        if as_of >= CATALOG_DATE:
            return NextGenStatus(
                NextGenState.LIVE,
                None,
                _("On NextGen (already on it in PACER's court list of {date}).").format(
                    date=long_date(CATALOG_DATE)
                ),
            )
        return NextGenStatus(
            NextGenState.UNKNOWN,
            None,
            _("Its NextGen date is not known to this app; check the court's website."),
        )

    def _unconfirmed(self) -> str:
        if not self.go_live_unconfirmed:
            return ""
        return " " + _(
            "(A date found in a search, not yet confirmed on the court's own page: check it there.)"
        )

    def last_day_to_prepare(self) -> date | None:
        """The court's own deadline, or else the day before its go-live (before its month, when
        only the month is known)."""
        if self.prepare_by is not None:
            return self.prepare_by
        if self.nextgen_go_live is not None:
            return date.fromordinal(self.nextgen_go_live.toordinal() - 1)
        return None


def _court_from_dict(raw: dict) -> Court:
    return Court(
        id=raw["id"],
        pacer_id=raw["pacer_id"],
        name=raw["name"],
        type=CourtType(raw["type"]),
        circuit=raw.get("circuit"),
        login_url=raw["login_url"],
        web_url=raw.get("web_url"),
        phones=tuple(raw.get("phones", ())),
        emails=tuple(raw.get("emails", ())),
        states=tuple(raw.get("states", ())),
        nextgen_go_live=parse_iso_date(raw.get("nextgen_go_live", "")),
        prepare_by=parse_iso_date(raw.get("prepare_by", "")),
        source=raw.get("source"),
        notices=tuple(raw.get("notices", ())),
        acms_phases=tuple(
            AcmsPhase(parse_iso_date(p["from"]) or date.min, p["scope"], bool(p.get("all_new_cases")))
            for p in (raw.get("acms") or {}).get("phases", ())
        ),
        old_cases_stay_in_cmecf=bool((raw.get("acms") or {}).get("old_cases_stay_in_cmecf")),
        login_help_url=raw.get("login_help_url"),
        links_old_account_itself=bool(raw.get("links_old_account_itself")),
        contact_note=raw.get("contact_note"),
        source_url=raw.get("source_url"),
        checked=parse_iso_date(raw.get("checked", "")),
        pro_hac_vice_url=raw.get("pro_hac_vice_url"),
        registration_note=raw.get("registration_note"),
        acms_login_only=bool(raw.get("acms_login_only")),
        go_live_unconfirmed=bool(raw.get("go_live_unconfirmed")),
        go_live_month_only=bool(raw.get("go_live_month_only")),
        in_feed=raw.get("in_feed", True) is not False,
        source_keys=tuple(raw.get("source_keys", ())),
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


class Catalog:
    def __init__(self, courts: list[Court], feed_date: str = "", fetched: str = "") -> None:
        self.feed_date = feed_date  # YYYY-MM-DD of PACER's court list this was made from
        self.fetched = fetched  # YYYY-MM-DD it was downloaded; "" for the data shipped with the app
        self._courts: list[Court] | None = courts
        self._by_id = {c.id: c for c in courts}
        self._ids = list(self._by_id)
        self._unmade: dict[str, dict] = {}

    @classmethod
    def _shipped(cls, raw: dict) -> Catalog:
        """The data shipped with the app, each court made when first asked for: a command about
        three courts does not make all 209 (~1.7 ms). Only the app's own file is read this way
        (tests build every court of it); a download is checked whole as it loads."""
        catalog = cls([], raw.get("feed_date", ""))
        catalog._courts = None
        catalog._unmade = {court["id"]: court for court in raw["courts"]}
        catalog._ids = list(catalog._unmade)
        return catalog

    @property
    def courts(self) -> list[Court]:
        if self._courts is None:
            self._courts = [self._made(court_id) for court_id in self._ids]
        return self._courts

    @property
    def ids(self) -> list[str]:
        """Every court's id, in the data's order, without making the courts."""
        return list(self._ids)

    def _made(self, court_id: str) -> Court:
        court = self._by_id.get(court_id)
        if court is None:
            court = self._by_id[court_id] = _court_from_dict(self._unmade[court_id])
        return court

    def describe(self) -> str:
        """Which court data this is, in words (doctor, the checklist's footer, the about box)."""
        listed = parse_iso_date(self.feed_date)
        if self.fetched:
            fetched = parse_iso_date(self.fetched)
            on = long_date(fetched) if fetched else self.fetched
            if listed:
                return _("PACER's court list of {date}, downloaded {on}").format(
                    date=long_date(listed), on=on
                )
            return _("PACER's court list, downloaded {on}").format(on=on)
        if listed:
            return _("PACER's court list of {date}, as shipped with the app").format(date=long_date(listed))
        return _("PACER's court list, as shipped with the app")

    def __len__(self) -> int:
        return len(self._ids)

    def get(self, court_id: str) -> Court | None:
        court_id = normal_court_id(court_id)
        if court_id in self._by_id or court_id in self._unmade:
            return self._made(court_id)
        return None

    def __getitem__(self, court_id: str) -> Court:
        court = self.get(court_id)
        if court is None:
            raise KeyError(court_id)
        return court

    def suggest(self, unknown_id: str) -> list[str]:
        """Close ids for a mistyped one ("did you mean")."""
        import difflib

        return difflib.get_close_matches(normal_court_id(unknown_id), self._ids, n=3, cutoff=0.6)

    def search(self, query: str) -> list[Court]:
        """Courts matching an id, a state or territory (name, postal code or alias), a circuit
        ("9th circuit", "ninth circuit"), or all words of a name (prefixes allowed)."""
        query = query.strip()
        if not query:
            return list(self.courts)
        exact = self.get(query)
        if exact is not None:
            return [exact]
        circuit = _circuit_query(query)
        if circuit is not None:
            return [c for c in self.courts if c.type is CourtType.APPELLATE and c.circuit == circuit]
        state = state_name(query)
        if state is not None and query.upper() in STATE_CODES:  # a postal code: the place only
            return [c for c in self.courts if state in c.states]
        wanted = _words(query)
        found = []
        for court in self.courts:
            haystack = _words(" ".join([court.name, court.id, court.type, *court.states]))
            haystack += _ordinal_words(haystack)
            in_state = state is not None and state in court.states
            if in_state or all(any(h.startswith(w) for h in haystack) for w in wanted):
                found.append(court)
        return found


def _circuit_query(query: str) -> str | None:
    """ "9th circuit", "ninth circuit", "circuit 9", "9th cir." -> "09"; else None."""
    words = _words(query)
    rest = [w for w in words if w not in ("circuit", "cir", "court", "of", "appeals", "the", "us", "u", "s")]
    if rest == ["d", "c"]:
        rest = ["dc"]
    if len(words) == len(rest) or len(rest) != 1:
        return None
    if rest[0] in ("dc", "federal"):
        return rest[0].upper()[:2] if rest[0] == "dc" else "FC"
    number = circuit_number(rest[0])
    return f"{number:02d}" if number is not None else None


def _ordinal_words(words: list[str]) -> list[str]:
    """ "ninth" also matches "9th" and "9" (court names spell circuits out)."""
    extra = []
    for word in words:
        number = circuit_number(word)
        if number is not None and not word.isdigit():
            extra += [f"{number}", *(n for n in ORDINALS[number] if n != word)]
    return extra


def default_catalog_path() -> Path:
    return resource_path("resources", "courts.json")


def catalog_from_data(raw: dict, *, fetched: str = "") -> Catalog:
    """A catalog from the data courts.json holds (shipped, or a checked download of it)."""
    return Catalog([_court_from_dict(c) for c in raw["courts"]], raw.get("feed_date", ""), fetched)


def load_catalog(path: Path | None = None) -> Catalog:
    """The court data shipped with the app (the floor; storage/court_downloads.py finds a newer copy)."""
    if path is not None:
        return catalog_from_data(json.loads(path.read_text(encoding="utf-8")))
    return Catalog._shipped(json.loads(default_catalog_path().read_text(encoding="utf-8")))
