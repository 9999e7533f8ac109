"""Ticking steps off: which answer a step stands for, and the key under which its day is kept.

A step that an answer stands for (linked at mab, upgraded, MFA on, registered...) is ticked by
changing that answer: the plan then marks it done by itself, and unticking puts the answer back.
Every other step is kept as done with its day in the answers' `done` (schema version 3).
"""

from __future__ import annotations

from dataclasses import dataclass

from .steps import StepId


@dataclass(frozen=True)
class AnswerFor:
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


def done_key(step_id: StepId | str, court: str | None) -> str:
    """The key of a ticked step in the answers' `done`: "enroll-mfa", "link-cmecf-account:mab"."""
    value = step_id.value if isinstance(step_id, StepId) else step_id
    return f"{value}:{court}" if court else value
