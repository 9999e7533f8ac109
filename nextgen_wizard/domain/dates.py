"""Dates as the product reads and writes them: strict YYYY-MM-DD in, plain English out."""

from __future__ import annotations

import re
from datetime import date

from .i18n import N_, _

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_date(text: str) -> date | None:
    """The date for a strict YYYY-MM-DD string, or None when it is not one."""
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip


def long_date(day: date) -> str:
    """May 2, 2020 in English, 2 de mayo de 2020 in Spanish (no platform locale needed)."""
    # Translators: a date; {month} is the month's name. Spanish: "{day} de {month} de {year}".
    return _("{month} {day}, {year}").format(month=_(MONTHS[day.month - 1]), day=day.day, year=day.year)


def month_year(day: date) -> str:
    """May 2018 in English, mayo de 2018 in Spanish."""
    # Translators: a month and year; {month} is the month's name. Spanish: "{month} de {year}".
    return _("{month} {year}").format(month=_(MONTHS[day.month - 1]), year=day.year)


EARLIEST_AS_OF = date(2010, 1, 1)
LATEST_AS_OF = date(2100, 12, 31)


def as_of_problem(day: date) -> str | None:
    """Why a replay date is refused (the rules know nothing before 2010; far dates overflow), or None."""
    if not EARLIEST_AS_OF <= day <= LATEST_AS_OF:
        return _(
            "{day} is outside the dates this app can plan for ({earliest} to {latest}); "
            "use a date in that range"
        ).format(day=day.isoformat(), earliest=EARLIEST_AS_OF.isoformat(), latest=LATEST_AS_OF.isoformat())
    return None


def parse_typed_date(text: str) -> date | None:
    """A date as people type it: 2012-03-05, 3/5/2012 or 03/05/2012 (US order); None when it is none."""
    text = text.strip()
    found = parse_iso_date(text)
    if found is not None:
        return found
    match = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", text)
    if match is None:
        return None
    month, day, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None
