"""Checklist -> plain text and JSON (docs/checklist-format.md). Pure string work."""

from __future__ import annotations

import json
from datetime import date

from .contradictions import AnswerWarning
from .dates import long_date
from .i18n import N_, _
from .plan import Checklist, Step
from .rules import WHERE_TO_CHECK
from .steps import Contact, Status, status_label

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

CHECKLIST_FORMAT_VERSION = 1
# Marked for the catalog, kept in English here: show it with _(DISCLAIMER).
DISCLAIMER = N_("Not affiliated with the federal judiciary; confirm with your court.")
BOXES = {Status.DONE: "[x]", Status.TODO: "[ ]", Status.VERIFY: "[?]", Status.SCHEDULED: "[ ]"}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _contact_dict(contact: Contact) -> dict[str, Any]:
    return {
        "name": contact.name,
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "url": contact.url,
        "hours": contact.hours,
        "note": contact.note,
    }


def step_dict(step: Step) -> dict[str, Any]:
    return {
        "id": step.id.value,
        "court": step.court,
        "status": step.status.value,
        "optional": step.optional,
        "title": step.title,
        "why": step.why,
        "how": list(step.how),
        "due": _iso(step.due),
        "available_from": _iso(step.available_from),
        "contacts": [_contact_dict(c) for c in step.contacts],
        "rules": list(step.rules),
        "sources": [{"title": s.title, "url": s.url, "read": s.read} for s in step.sources],
        "done_on": _iso(step.done_on),
        "waiting_since": _iso(step.waiting_since),
    }


def warning_dict(warning: AnswerWarning) -> dict[str, Any]:
    return {"code": warning.code, "answers": list(warning.answers), "text": warning.text}


def rules_line(checklist: Checklist) -> str:
    """When the rules were last checked, and (over a year later) that they may have changed."""
    line = _("Rules last checked: {date}.").format(date=long_date(checklist.rules_checked))
    if checklist.rules_checked > checklist.as_of:
        line = _(
            "Rules last checked: {date}, later than the date shown ({as_of}): these are the rules as known "
            "on {date}, applied as they stood on {as_of}."
        ).format(date=long_date(checklist.rules_checked), as_of=long_date(checklist.as_of))
    if checklist.rules_may_have_changed:
        # Translators: {where} names PACER's announcements page and the courts' websites.
        line += " " + _("They may have changed since: check {where}.").format(where=_(WHERE_TO_CHECK))
    return line


def checklist_dict(checklist: Checklist) -> dict[str, Any]:
    return {
        "format_version": CHECKLIST_FORMAT_VERSION,
        "as_of": checklist.as_of.isoformat(),
        "rules_checked": checklist.rules_checked.isoformat(),
        "rules_may_have_changed": checklist.rules_may_have_changed,
        "warnings": [warning_dict(w) for w in checklist.warnings],
        "filer_name": checklist.filer_name,
        "firm_name": checklist.firm_name,
        "courts": [
            {
                "id": c.id,
                "name": c.name,
                "nextgen": c.status.state.value,
                "nextgen_go_live": _iso(c.status.go_live),
                "status_text": c.status.text,
                "login_url": c.login_url,
                "web_url": c.web_url,
            }
            for c in checklist.courts
        ],
        "notes": list(checklist.notes),
        "steps": [step_dict(s) for s in checklist.steps],
    }


def render_json(checklist: Checklist) -> str:
    return json.dumps(checklist_dict(checklist), indent=2, ensure_ascii=False) + "\n"


def step_dates(step: Step, as_of: date) -> str:
    """ "Due May 2, 2020", "From May 4, 2020", or "" - shared by every renderer."""
    if step.due:
        if step.due < as_of and step.status is not Status.DONE:
            # Translators: a step's deadline that has passed; {date} is a long date.
            return _("Was due {date}").format(date=long_date(step.due))
        # Translators: a step's deadline; {date} is a long date.
        return _("Due {date}").format(date=long_date(step.due))
    if step.available_from:
        # Translators: the first day a step can be done; {date} is a long date.
        return _("From {date}").format(date=long_date(step.available_from))
    return ""


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    import textwrap  # text output only

    lines = textwrap.wrap(
        text, width=78, initial_indent=indent if first is None else first, subsequent_indent=indent
    )
    return lines or [indent]


def _contact_line(contact: Contact) -> str:
    parts = [contact.name, *contact.emails, *contact.phones]
    if not contact.emails and not contact.phones and contact.url:
        parts.append(contact.url)
    if contact.note:
        parts.append(contact.note)
    return ", ".join(parts)


def contact_hours(contact: Contact) -> str | None:
    """A contact's opening hours in the current language (they are kept in English)."""
    return _(contact.hours) if contact.hours else None


def render_text(checklist: Checklist) -> str:
    title = _("NextGen CM/ECF checklist")
    lines = [title, "=" * len(title)]
    if checklist.warnings:
        lines.append(_("CHECK THESE ANSWERS FIRST: they contradict each other"))
        for warning in checklist.warnings:
            lines += _wrap(warning.text, "    ", " !  ")
        lines.append("")
    who = ", ".join(x for x in (checklist.filer_name, checklist.firm_name) if x)
    if who:
        # Translators: {who} is the filer's name and firm.
        lines.append(_("For: {who}").format(who=who))
    lines.append(_("As of: {date}").format(date=long_date(checklist.as_of)))
    lines += _wrap(rules_line(checklist), "")
    # Translators: a label at the start of a line of the plain-text checklist.
    court_label = _("Court:") + " "
    for court in checklist.courts:
        lines += _wrap(f"{court.name} ({court.id}): {court.status.text}", " " * len(court_label), court_label)
    # Translators: a label at the start of a line of the plain-text checklist.
    note_label = _("Note:") + " "
    for note in checklist.notes:
        lines += _wrap(note, " " * len(note_label), note_label)
    lines.append("")
    indent = " " * 7
    for number, step in enumerate(checklist.steps, start=1):
        label = status_label(step.status, step.optional)
        dates = step_dates(step, checklist.as_of)
        lines += _wrap(step.title, indent, f"{BOXES[step.status]} {number}. ")
        lines.append(f"{indent}{label}" + (f" - {dates}" if dates else ""))
        lines += _wrap(step.why, indent)
        if step.status is not Status.DONE:
            for item in step.how:
                lines += _wrap(item, indent + "  ", f"{indent}- ")
            for contact in step.contacts:
                # Translators: a label at the start of a line of the plain-text checklist.
                lines += _wrap(_contact_line(contact), indent + "  ", indent + _("Contact:") + " ")
        lines.append("")
    lines.append(_(DISCLAIMER))
    return "\n".join(lines) + "\n"
