"""Which answers to ask: the common case stays short, rarer situations open only when an answer opens them.

`OPENED_BY` documents every conditional answer (docs/answers-format.md repeats it, and a
test checks the two agree); `open_questions()` applies it to the answers given so far, so
the wizard asks exactly these and the session can tell a page to show or hide a question.
"""

from __future__ import annotations

from datetime import date

from .answers import Answers, Role
from .courts import Catalog, CourtType

# Answer path -> the answer that opens it (in words). <court> stands for each chosen court.
OPENED_BY: dict[str, str] = {
    "pacer.sign_in_problem": "pacer.can_sign_in is false",
    "pacer.registers_with_card": "pacer.has_own_account is false",
    "attorney.cja_panel": 'role is "attorney"',
    "attorney.trustee": 'role is "attorney"',
    "staff.files_for_me": 'role is "attorney"',
    "staff.uses_my_login": "staff.files_for_me is true",
    "staff.secondary_emails": 'role is "attorney" or "filing-agent"',
    "creditor.claims_only": 'role is "creditor"',
    "cmecf.<court>.recovery_failed": "cmecf.<court>.knows_login is false",
    "cmecf.<court>.pro_hac_vice": 'role is "attorney" and cmecf.<court>.has_filing_account is false',
    "cmecf.<court>.old_cmecf_cases": (
        "the court files all new cases in ACMS on the as-of date (ca9 from 2023-10-01)"
    ),
    "cmecf.<court>.trustee_linked": "attorney.trustee is true and the court is a bankruptcy court",
    "cmecf.<court>.secondary_emails_added": "staff.secondary_emails is true",
}


# The rarer situations the wizard asks on one page of their own (the role opens them).
SITUATION_PATHS: tuple[str, ...] = (
    "attorney.cja_panel",
    "attorney.trustee",
    "staff.files_for_me",
    "staff.uses_my_login",
    "staff.secondary_emails",
    "creditor.claims_only",
)


def open_questions(answers: Answers, catalog: Catalog | None = None, as_of: date | None = None) -> list[str]:
    """The conditional answer paths (court paths with the court id) that the answers open."""
    found: list[str] = []
    pacer, role = answers.pacer, answers.role
    if pacer.can_sign_in is False:
        found.append("pacer.sign_in_problem")
    if pacer.has_own_account is False:
        found.append("pacer.registers_with_card")
    if role is Role.ATTORNEY:
        found += ["attorney.cja_panel", "attorney.trustee", "staff.files_for_me"]
        if answers.staff.files_for_me:
            found.append("staff.uses_my_login")
    if role in (Role.ATTORNEY, Role.FILING_AGENT):
        found.append("staff.secondary_emails")
    if role is Role.CREDITOR:
        found.append("creditor.claims_only")
    for court_id in answers.courts:
        login = answers.login_for(court_id)
        court = catalog.get(court_id) if catalog is not None else None
        if login.knows_login is False:
            found.append(f"cmecf.{court_id}.recovery_failed")
        if role is Role.ATTORNEY and login.has_filing_account is False:
            found.append(f"cmecf.{court_id}.pro_hac_vice")
        if court is not None and as_of is not None:
            acms = court.acms_status(as_of)
            if acms is not None and acms.all_new_cases:
                found.append(f"cmecf.{court_id}.old_cmecf_cases")
        if answers.attorney.trustee and court is not None and court.type is CourtType.BANKRUPTCY:
            found.append(f"cmecf.{court_id}.trustee_linked")
        if answers.staff.secondary_emails:
            found.append(f"cmecf.{court_id}.secondary_emails_added")
    return found
