"""Checklist -> HTML: the HTML export (valid HTML5 with landmarks, every address a link) and
what Qt prints to paper and PDF (its rich-text subset reads the same markup: ids are anchors).

Pure string work; every value that came from the user or the catalog is escaped.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape

from .dates import long_date
from .i18n import PSEUDO, _, current_language
from .plan import Checklist, Step
from .render import DISCLAIMER, contact_hours, rules_line, step_dates
from .steps import PACER_SERVICE_CENTER, Contact, Status, status_label

# Each step and each closing section's heading has id="keep-...": the printer keeps it on one page
# (Qt's rich text turns an id into an anchor name).
KEEP_ANCHOR = "keep-"
BOX = {Status.DONE: "&#9745;", Status.TODO: "&#9744;", Status.VERIFY: "&#9744;", Status.SCHEDULED: "&#9744;"}

# Colours: black and #333 on white (contrast 21:1 and 12.6:1).
STYLE = """
body {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: {body}pt; color: #000; }}
h1 {{ font-size: {h1}pt; margin-bottom: 2pt; }}
h2 {{ font-size: {h2}pt; margin-top: 12pt; margin-bottom: 3pt; border-bottom: 1px solid #444; }}
h3 {{ font-size: {h3}pt; margin-top: 13pt; margin-bottom: 1pt; }}
p {{ margin-top: 1pt; margin-bottom: 2pt; }}
.meta {{ color: #333; }}
.status {{ font-weight: bold; }}
.small {{ font-size: {small}pt; color: #333; }}
td {{ padding: 3pt; border: 1px solid #444; }}
table {{ border-collapse: collapse; width: 100%; }}
nav ol {{ margin-top: 1pt; }}
"""


def style(scale: float = 1.0) -> str:
    sizes = {"body": 10, "h1": 17, "h2": 12.5, "h3": 11, "small": 8.5}
    return STYLE.format(**{name: round(size * scale, 1) for name, size in sizes.items()})


# An address in a text the checklist shows (a step's how, a court's note): made a link.
_ADDRESS = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def linked(text: str) -> str:
    """Escaped text with every web address and email in it as a link."""
    parts, last = [], 0
    for match in _ADDRESS.finditer(text):
        parts.append(escape(text[last : match.start()]))
        address = match.group(0)
        href = address if address.startswith("http") else f"mailto:{address}"
        parts.append(f'<a href="{escape(href, quote=True)}">{escape(address)}</a>')
        last = match.end()
    parts.append(escape(text[last:]))
    return "".join(parts)


def _tel(phone: str) -> str:
    """tel: address of a shown number ("215-408-2800 ext. 2817 (label)" -> tel:+12154082800;ext=2817)."""
    match = re.match(r"(\d{3})-(\d{3})-(\d{4})(?: ext\. (\d+))?", phone)
    if not match:
        return ""
    number = "+1" + "".join(match.groups()[:3])
    return f"tel:{number};ext={match.group(4)}" if match.group(4) else f"tel:{number}"


def _phone_html(phone: str) -> str:
    href = _tel(phone)
    return f'<a href="{escape(href, quote=True)}">{escape(phone)}</a>' if href else escape(phone)


def _contact_html(contact: Contact) -> str:
    parts = [f"<b>{escape(contact.name)}</b>"]
    parts += [linked(email) for email in contact.emails]
    parts += [_phone_html(phone) for phone in contact.phones]
    if contact.url:
        parts.append(f'<a href="{escape(contact.url, quote=True)}">{escape(contact.url)}</a>')
    if contact.note:
        parts.append(linked(contact.note))
    hours = contact_hours(contact)
    if hours:
        parts.append(escape(hours))
    return " &middot; ".join(parts)


def _step_html(number: int, step: Step, as_of: date) -> str:
    label = status_label(step.status, step.optional)
    dates = step_dates(step, as_of)
    head = (
        f'<h3 id="{KEEP_ANCHOR}step-{number}">{BOX[step.status]} {number}. {escape(step.title)}</h3>'
        f'<p><span class="status">{escape(label)}</span>'
        + (f" &mdash; <b>{escape(dates)}</b>" if dates else "")
        + "</p>"
        f"<p>{linked(step.why)}</p>"
    )
    sources = _sources_html(step)
    if step.status is Status.DONE:
        return head
    how = "".join(f"<li>{linked(line)}</li>" for line in step.how)
    contact = escape(_("Contact:"))
    contacts = "".join(f'<p class="small">{contact} {_contact_html(c)}</p>' for c in step.contacts)
    return head + f"<ol>{how}</ol>" + contacts + sources


def _sources_html(step: Step) -> str:
    """Where the step's rule comes from, one click away: "Source: <title>; <title>"."""
    if not step.sources:
        return ""
    links = "; ".join(f'<a href="{escape(s.url, quote=True)}">{escape(s.title)}</a>' for s in step.sources)
    # Translators: a label before the pages (titles in English, as the pages are) a step's rule comes from.
    label = escape(_("Source:"))
    return f'<p class="small">{label} {links}</p>'



def _contacts_section(checklist: Checklist) -> str:
    contacts = [c.contact for c in checklist.courts] + [PACER_SERVICE_CENTER]
    rows = "".join(f"<p>{_contact_html(c)}</p>" for c in contacts)
    heading = escape(_("Contacts"))
    return f'<h2 id="{KEEP_ANCHOR}contacts">{heading}</h2>{rows}'


def _reminders_section(checklist: Checklist, secure_keyring: bool) -> str:
    heading = escape(_("Where your reminders are"))
    parts = [f'<h2 id="{KEEP_ANCHOR}reminders">{heading}</h2>']
    if checklist.reminders:
        names = "".join(f"<li>{escape(name)}</li>" for name in checklist.reminders)
        text = _(
            "Your logins are kept in this computer's keyring (password store) under these "
            "entries. Passwords are never printed."
        )
        parts.append(f"<p>{escape(text)}</p><ul>{names}</ul>")
    if not secure_keyring or not checklist.reminders:
        # Translators: a label before a blank line on paper where the user writes a login.
        blank = escape(_("Login:")) + " ______________________"
        lines = "".join(f"<tr><td>{escape(c.name)}</td><td>{blank}</td></tr>" for c in checklist.courts)
        lead = (
            _("This computer has no secure keyring, so nothing was saved there.")
            if not secure_keyring
            else _("If you keep a login on paper, write it here.")
        )
        write = _(
            "Write the logins below, never the passwords in the same place, and keep this "
            "paper locked away like a key."
        )
        # Translators: a label before a blank line on paper where the user writes a username.
        username = escape(_("Username:")) + " ______________________"
        parts.append(
            f"<p>{escape(lead)} {escape(write)}</p>"
            f"<table>{lines}"
            f"<tr><td>PACER</td><td>{username}</td></tr></table>"
        )
    return "".join(parts)


def render_html(
    checklist: Checklist,
    *,
    generated: date,
    version: str,
    secure_keyring: bool = True,
    banner: str | None = None,
    support: str | None = None,
    scale: float = 1.0,
    contents: bool = False,
) -> str:
    """`contents`: a list of the steps, each a link to it, under the heading (the HTML export;
    the PDF has bookmarks instead)."""
    who = ", ".join(escape(x) for x in (checklist.filer_name, checklist.firm_name) if x)
    # Translators: before a court's CM/ECF login address on the checklist.
    login = escape(_("CM/ECF login:"))
    courts = "".join(
        f"<li>{escape(c.name)} ({escape(c.id)}): {escape(c.status.text)} {login} "
        f'<a href="{escape(c.login_url, quote=True)}">{escape(c.login_url)}</a></li>'
        for c in checklist.courts
    )
    notes = "".join(f"<p><b>{escape(n)}</b></p>" for n in checklist.notes)
    steps = "".join(_step_html(n, s, checklist.as_of) for n, s in enumerate(checklist.steps, start=1))
    top = f'<p style="font-size: 14pt"><b>{escape(banner)}</b></p>' if banner else ""
    warnings = ""
    if checklist.warnings:
        items = "".join(f"<li>{escape(w.text)}</li>" for w in checklist.warnings)
        heading = escape(_("Check these answers first"))
        lead = escape(_("They contradict each other; the steps below may change once you fix them."))
        warnings = f'<h2 id="{KEEP_ANCHOR}warnings">{heading}</h2><p>{lead}</p><ul>{items}</ul>'

    court_data = ""
    if checklist.court_data:
        # Translators: {data} says which court list the steps come from ("PACER's court list of ...").
        data = escape(_("Court data: {data}.").format(data=checklist.court_data))
        court_data = f'<p class="small">{data}</p>'
    title = escape(_("NextGen CM/ECF checklist"))
    language = current_language()
    lang = "en" if language == PSEUDO else language
    # Translators: {who} is the filer's name and firm.
    for_who = "<p><b>" + escape(_("For: {who}")).format(who=who) + "</b></p>" if who else ""
    # Translators: on the printed checklist: the day it was made.
    made = _("Generated {date}").format(date=long_date(generated))
    # Translators: on the printed checklist: the day it plans for.
    dated = escape(made) + " &middot; " + escape(_("As of {date}").format(date=long_date(checklist.as_of)))
    none_chosen = "<li>" + escape(_("none chosen yet")) + "</li>"
    covered, your_steps = escape(_("Courts covered:")), escape(_("Your steps"))
    disclaimer = escape(_(DISCLAIMER))
    firm_support = ""
    if support:
        support_label = escape(_("Your firm's support:"))
        firm_support = f"<p><b>{support_label}</b> {escape(support)}</p>"
    nav = _contents_html(checklist) if contents else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{style(scale)}</style></head><body><main>{top}"
        f"<h1>{title}</h1>" + for_who + f'<p class="meta">{dated}</p>'
        f'<p class="meta">{escape(rules_line(checklist))}</p>{warnings}'
        f"<p>{covered}</p><ul>{courts or none_chosen}</ul>{notes}{nav}"
        f'<h2 id="steps">{your_steps}</h2>{steps}'
        + _contacts_section(checklist)
        + firm_support
        + _reminders_section(checklist, secure_keyring)
        + "</main><footer>"
        + f'<p class="small">NextGen Ready {escape(version)}. {disclaimer}</p>'
        + court_data
        + "</footer></body></html>"
    )


def _contents_html(checklist: Checklist) -> str:
    items = "".join(
        f'<li><a href="#{KEEP_ANCHOR}step-{n}">{escape(step.title)}</a></li>'
        for n, step in enumerate(checklist.steps, start=1)
    )
    # Translators: the name of the list of links to each step (for screen readers and the page).
    label = escape(_("Steps on this checklist"), quote=True)
    return f'<nav aria-label="{label}"><ol>{items}</ol></nav>' if items else ""
