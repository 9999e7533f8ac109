"""Every answer's path, declared once: a mistyped path in the code fails mypy, not a user.

A path names one answer in the answers format ("pacer.mfa_enrolled"); one court's CM/ECF answers
are "cmecf.<court id>.<name>" with a name from CourtAnswer. Paths a user types (the `set` command)
are checked at run time by the session, against the same answers format.
Only for type checkers; tests/domain/test_answer_paths.py keeps them in step with the Answers records.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up: see ui/app.py)
if TYPE_CHECKING:
    from typing import Literal

    AnswerPath = Literal[
        "role",
        "courts",
        "filer.name",
        "filer.firm",
        "pacer.has_own_account",
        "pacer.uses_shared_account",
        "pacer.username",
        "pacer.account_type",
        "pacer.created_on",
        "pacer.mfa_enrolled",
        "pacer.email_current",
        "pacer.can_sign_in",
        "pacer.sign_in_problem",
        "pacer.registers_with_card",
        "firm.wants_billing_account",
        "firm.has_billing_account",
        "attorney.cja_panel",
        "attorney.trustee",
        "staff.files_for_me",
        "staff.uses_my_login",
        "staff.secondary_emails",
        "creditor.claims_only",
    ]

    CourtAnswer = Literal[
        "has_filing_account",
        "knows_login",
        "login_saved_in_browser",
        "login_recorded",
        "linked",
        "recovery_failed",
        "pro_hac_vice",
        "old_cmecf_cases",
        "trustee_linked",
        "secondary_emails_added",
    ]


def court_answer_path(court_id: str, name: CourtAnswer) -> str:
    """The path of one court's CM/ECF answer."""
    return f"cmecf.{court_id}.{name}"
