"""The court catalog: load resources/courts.json, search it, tell a court's NextGen status."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from .dates import long_date, parse_iso_date
from .resources import resource_path

# Every court in PACER's lookup feed of this date already ran a NextGen release.
CATALOG_DATE = date(2023, 1, 10)

STATE_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "GU": "Guam", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky",
    "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
    "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "MP": "Northern Marianas", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VI": "Virgin Islands", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip


class CourtType(StrEnum):
    DISTRICT = "district"
    BANKRUPTCY = "bankruptcy"
    APPELLATE = "appellate"
    NATIONAL = "national"


class NextGenState(StrEnum):
    LIVE = "live"  # on NextGen on the as-of date
    UPCOMING = "upcoming"  # NextGen go-live is after the as-of date
    UNKNOWN = "unknown"  # no known date and the as-of date is before the catalog's


@dataclass(frozen=True)
class NextGenStatus:
    state: NextGenState
    go_live: date | None
    text: str


@dataclass(frozen=True)
class Court:
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

    def nextgen_status(self, as_of: date) -> NextGenStatus:
        go_live = self.nextgen_go_live
        if go_live is not None:
            if as_of >= go_live:
                return NextGenStatus(NextGenState.LIVE, go_live, f"On NextGen since {long_date(go_live)}.")
            return NextGenStatus(
                NextGenState.UPCOMING, go_live, f"Switches to NextGen on {long_date(go_live)}."
            )
        if as_of >= CATALOG_DATE:
            return NextGenStatus(
                NextGenState.LIVE,
                None,
                f"On NextGen (already on it in PACER's court list of {long_date(CATALOG_DATE)}).",
            )
        return NextGenStatus(
            NextGenState.UNKNOWN,
            None,
            "Its NextGen date is not known to this app; check the court's website.",
        )

    def last_day_to_prepare(self) -> date | None:
        """The court's own deadline, or else the day before its go-live."""
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
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


class Catalog:
    def __init__(self, courts: list[Court], feed_date: str = "") -> None:
        self.courts = courts
        self.feed_date = feed_date
        self._by_id = {c.id: c for c in courts}

    def __len__(self) -> int:
        return len(self.courts)

    def get(self, court_id: str) -> Court | None:
        return self._by_id.get(court_id.strip().lower())

    def __getitem__(self, court_id: str) -> Court:
        court = self.get(court_id)
        if court is None:
            raise KeyError(court_id)
        return court

    def suggest(self, unknown_id: str) -> list[str]:
        """Close ids for a mistyped one ("did you mean")."""
        import difflib

        return difflib.get_close_matches(unknown_id.strip().lower(), self._by_id, n=3, cutoff=0.6)

    def search(self, query: str) -> list[Court]:
        """Courts matching an id, a state (name or postal code), or all words of a name."""
        query = query.strip()
        if not query:
            return list(self.courts)
        exact = self.get(query)
        if exact is not None:
            return [exact]
        state = STATE_CODES.get(query.upper(), query)
        by_state = [c for c in self.courts if state.lower() in (s.lower() for s in c.states)]
        if by_state:
            return by_state
        wanted = _words(query)
        found = []
        for court in self.courts:
            haystack = _words(" ".join([court.name, court.id, court.type, *court.states]))
            if all(any(h.startswith(w) for h in haystack) for w in wanted):
                found.append(court)
        return found


def default_catalog_path() -> Path:
    return resource_path("resources", "courts.json")


def load_catalog(path: Path | None = None) -> Catalog:
    raw = json.loads((path or default_catalog_path()).read_text(encoding="utf-8"))
    return Catalog([_court_from_dict(c) for c in raw["courts"]], raw.get("feed_date", ""))
