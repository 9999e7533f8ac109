"""Ticking steps off: which answer a step stands for, and the key under which its day is kept.

A step that an answer stands for (linked at mab, upgraded, MFA on, registered...) is ticked by
changing that answer: the plan then marks it done by itself, and unticking puts the answer back.
Every other step is kept as done with its day in the answers' `done` (schema version 3).
"""

from __future__ import annotations

from .dates import long_date
from .i18n import N_, _, ngettext
from .record import Record
from .steps import Status, StepId


class AnswerFor(Record, frozen=True):
    """The answer a step stands for: its path ("{court}" for a court's step) and the values for
    done and for not done."""

    path: str
    done: object
    undone: object


ANSWER_FOR_STEP: dict[StepId, AnswerFor] = {
    StepId.GET_INDIVIDUAL_PACER_ACCOUNT: AnswerFor("pacer.has_own_account", True, False),
    StepId.UPGRADE_PACER_ACCOUNT: AnswerFor("pacer.account_type", "upgraded", "unknown"),
    StepId.ENROLL_MFA: AnswerFor("pacer.mfa_enrolled", True, False),
    StepId.FIRM_BILLING_ACCOUNT: AnswerFor("firm.has_billing_account", True, False),
    StepId.REQUEST_EFILING_PRIVILEGES: AnswerFor("cmecf.{court}.has_filing_account", True, False),
    StepId.RECOVER_CMECF_LOGIN: AnswerFor("cmecf.{court}.knows_login", True, False),
    StepId.SAVE_CMECF_LOGIN: AnswerFor("cmecf.{court}.login_recorded", True, False),
    StepId.LINK_CMECF_ACCOUNT: AnswerFor("cmecf.{court}.linked", True, False),
    StepId.LINK_TRUSTEE_ACCOUNT: AnswerFor("cmecf.{court}.trustee_linked", True, False),
    StepId.ADD_SECONDARY_EMAILS: AnswerFor("cmecf.{court}.secondary_emails_added", True, False),
}


class Wait(Record, frozen=True):
    """A step that waits on someone else once asked: on whom, how long that usually takes (the
    published lead time, in days), and what to do when it takes longer."""

    waiting_for: str
    days: int
    then: str


# Marked for the catalog, kept in English here: shown with _().
WAITS: dict[StepId, Wait] = {
    StepId.GET_INDIVIDUAL_PACER_ACCOUNT: Wait(
        N_("PACER's activation letter"), 14,
        N_("call the PACER Service Center: the letter takes 7 to 10 business days, a card is faster"),
    ),
    StepId.REQUEST_EFILING_PRIVILEGES: Wait(
        N_("the court to approve your e-file registration"), 7,
        N_("ask the clerk's office about your registration: courts take one business day to about a week"),
    ),
    StepId.REGISTER_FILING_AGENT: Wait(
        N_("the court to approve your filing-agent registration"), 7,
        N_("ask the clerk's office about your registration: courts take one business day to about a week"),
    ),
}


def done_key(step_id: StepId | str, court: str | None) -> str:
    """The key of a ticked step in the answers' `done`: "enroll-mfa", "link-cmecf-account:mab"."""
    value = step_id.value if isinstance(step_id, StepId) else step_id
    return f"{value}:{court}" if court else value


def where_you_stand(checklist) -> str | None:  # checklist: plan.Checklist (plan imports this module)
    """One sentence for coming back: how many steps are done and what is next (with its date);
    None when there is no step yet."""
    steps = checklist.steps
    if not steps:
        return None
    done = sum(1 for step in steps if step.status is Status.DONE)
    # Translators: "{done} of {total} steps done"; the plural follows {total}.
    counted = ngettext("{done} of {total} step done", "{done} of {total} steps done", len(steps)).format(
        done=done, total=len(steps)
    )
    waiting = [s for s in steps if s.status is not Status.DONE and not s.optional]
    order = (Status.TODO, Status.VERIFY, Status.SCHEDULED)
    upcoming = sorted(
        waiting, key=lambda s: (order.index(s.status), s.due or s.available_from or checklist.as_of)
    )
    if not upcoming:
        return _("{counted}: nothing left to do.").format(counted=counted)
    following = upcoming[0]
    if following.due:
        # Translators: {counted} is "3 of 7 steps done"; {title} the next step; {date} its due date.
        return _("{counted}; next: {title}, due {date}.").format(
            counted=counted, title=following.title, date=long_date(following.due)
        )
    return _("{counted}; next: {title}.").format(counted=counted, title=following.title)
