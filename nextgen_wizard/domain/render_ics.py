"""Checklist -> iCalendar (.ics) with the dated items, through the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from .i18n import _
from .plan import Checklist, Step
from .rules import in_force
from .steps import Status

PASSWORD_CHANGE_DAYS = 180  # PACER's 2025 rule: change the password every 180 days


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


def render_ics(checklist: Checklist, *, now: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event  # imported here: only the calendar export pays for it

    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//NextGen Ready//NextGen CM/ECF checklist//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NextGen CM/ECF")
    for day, uid, summary, description in calendar_items(checklist):
        event = Event()
        event.add("uid", f"{uid}-{day.isoformat()}@nextgen-ready")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        if uid == "pacer-password-change":
            event.add("rrule", {"freq": "daily", "interval": PASSWORD_CHANGE_DAYS})
        calendar.add_component(event)
    return calendar.to_ical()
