"""A checklist step shown on a page: why, how, dates and whom to contact."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...domain.i18n import _
from ...domain.plan import Step
from ...domain.render import step_dates
from ...domain.steps import STATUS_WORDS, Status
from ..widgets import CopyButton, link, mail_link, text_label


def step_html(step: Step, as_of, *, with_title: bool = False) -> str:
    parts = []
    if with_title:
        parts.append(f"<h3>{html.escape(step.title)}</h3>")
    dates = step_dates(step, as_of)
    status = _(STATUS_WORDS[step.status]) + (f" - {dates}" if dates else "")
    parts.append(f"<p><b>{html.escape(status)}</b><br>{html.escape(step.why)}</p>")
    if step.how and step.status is not Status.DONE:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in step.how)
        parts.append(f"<ol>{items}</ol>")
    return "".join(parts)


class StepView(QWidget):
    """Text of a step plus its contacts: email links open the mail client, phones can be copied."""

    def __init__(self, step: Step, as_of, *, with_title: bool = False) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text_label(step_html(step, as_of, with_title=with_title), rich=True))
        for contact in step.contacts if step.status is not Status.DONE else ():
            pieces = [html.escape(contact.name)] + [mail_link(e) for e in contact.emails]
            if contact.url:
                pieces.append(link(contact.url, _("website")))
            contact_label = text_label(_("Contact: {details}").format(details=", ".join(pieces)), rich=True)
            # One Tab stop that is read whole (name, address, website): Qt does not tell assistive
            # technology about a label's links, so Tab stops on them said nothing. The links still
            # open with the mouse; the address is read out and the phone has its Copy button.
            contact_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.TextSelectableByMouse
            )
            contact_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            layout.addWidget(contact_label)
            if contact.phones:
                row = QHBoxLayout()
                for phone in contact.phones:
                    row.addWidget(CopyButton(phone, _("{name} phone").format(name=contact.name)))
                row.addStretch(1)
                layout.addLayout(row)

