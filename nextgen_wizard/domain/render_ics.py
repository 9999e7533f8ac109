"""Checklist -> iCalendar (.ics) with the dated items, through the icalendar library.

What a shared calendar needs (RFC 5545):
- A UID per filer, step, court and date, never the export date: exporting again updates the
  same events instead of adding copies, and a paralegal importing two attorneys' exports into
  one calendar keeps both (their UIDs differ by the filer).
- Each summary starts with the filer's name, so the calendar says whose deadline it is.
- Reminders (VALARM) 7 days and 1 day before a last day, and on the morning of a "from" day.
- The password reminder repeats every 180 days with a defined end (COUNT), not forever.
- Nothing dated: no calendar at all (NothingToSchedule), since a VCALENDAR without a component
  is not valid iCalendar.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from .i18n import _
from .plan import Checklist, Step
from .rules import in_force
from .steps import Status

PASSWORD_CHANGE_DAYS = 180  # PACER's 2025 rule: change the password every 180 days
PASSWORD_REMINDERS = 10  # five years of reminders, then the series ends
UID_DOMAIN = "nextgen-ready.invalid"


class NothingToSchedule(ValueError):
    """The checklist has no dated item: there is no calendar to write."""


def _description(step: Step) -> str:
    return "\n".join([step.why, "", *(f"- {line}" for line in step.how)])


def calendar_items(checklist: Checklist) -> list[tuple[date, str, str, str]]:
    """(day, uid part, summary, description) for every dated item, in date order."""
    items = []
    for step in checklist.steps:
        if step.status is Status.DONE:
            continue
        key = f"{step.id.value}-{step.court or 'all'}"
        if step.due:
            if step.due == checklist.as_of:
                # Translators: a calendar event's title for a step due now; {title} is the step's title.
                summary = _("Do now: {title}").format(title=step.title)
            else:
                # Translators: a calendar event's title; {title} is the step's title.
                summary = _("Last day: {title}").format(title=step.title)
            items.append((step.due, f"{key}-due", summary, _description(step)))
        if step.available_from:
            # Translators: a calendar event's title; {title} is the step's title.
            summary = _("From today: {title}").format(title=step.title)
            items.append((step.available_from, f"{key}-from", summary, _description(step)))
    if not in_force("password-2025", checklist.as_of):
        return sorted(items)  # the 180-day rule did not exist yet on a replayed earlier date
    change = checklist.as_of + timedelta(days=PASSWORD_CHANGE_DAYS)
    items.append((
        change, "pacer-password-change", _("Change your PACER password"),
        _("PACER requires a new password every 180 days (14 to 45 characters, upper and lower case, a "
          "special character, nothing from your name, username or email). After three skipped prompts "
          "the account is disabled."),
    ))  # fmt: skip
    return sorted(items)


def filer_key(checklist: Checklist) -> str:
    """A short, stable key for whose checklist this is (name and firm, case and spacing ignored)."""
    parts = (checklist.filer_name, checklist.firm_name)
    who = "|".join(" ".join((part or "").lower().split()) for part in parts)
    return hashlib.sha256(who.encode("utf-8")).hexdigest()[:16]


def event_uid(checklist: Checklist, uid_part: str, day: date) -> str:
    """Stable per filer, step, court and date; the password reminder's series has one UID per filer
    (its first date moves with each export, the same event is updated)."""
    dated = "" if uid_part == "pacer-password-change" else f"-{day.isoformat()}"
    return f"{uid_part}{dated}-{filer_key(checklist)}@{UID_DOMAIN}"


def _alarm(trigger: timedelta, text: str):  # -> icalendar.Alarm
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def render_ics(checklist: Checklist, *, now: datetime | None = None) -> bytes:
    """The calendar of the dated items; NothingToSchedule when there is none."""
    items = calendar_items(checklist)
    if not items:
        raise NothingToSchedule(_("Nothing on this checklist has a date, so there is no calendar to add."))
    from icalendar import Calendar, Event  # imported here: only the calendar export pays for it

    stamp = now or datetime.now(UTC)
    who = checklist.filer_name or checklist.firm_name
    calendar = Calendar()
    calendar.add("prodid", "-//NextGen Ready//NextGen CM/ECF checklist//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"NextGen CM/ECF: {who}" if who else "NextGen CM/ECF")
    for day, uid, summary, description in items:
        event = Event()
        event.add("uid", event_uid(checklist, uid, day))
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        # Translators: a calendar event's title: {who} is the filer's name, {summary} the event.
        event.add("summary", _("{who}: {summary}").format(who=who, summary=summary) if who else summary)
        event.add("description", description)
        if uid == "pacer-password-change":
            repeat = {"freq": "daily", "interval": PASSWORD_CHANGE_DAYS, "count": PASSWORD_REMINDERS}
            event.add("rrule", repeat)
            event.add_component(_alarm(timedelta(days=-7), summary))
        elif uid.endswith("-due") and day > checklist.as_of:
            event.add_component(_alarm(timedelta(days=-7), summary))
            event.add_component(_alarm(timedelta(days=-1), summary))
        else:
            event.add_component(_alarm(timedelta(hours=9), summary))  # the morning of the day
        calendar.add_component(event)
    return calendar.to_ical()
