"""Small builders shared by the tests."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.domain.courts import load_catalog
from nextgen_wizard.domain.plan import Checklist, plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CATALOG = load_catalog()

BASE = {
    "schema_version": 1,
    "role": "attorney",
    "courts": ["mab"],
    "pacer": {
        "has_own_account": True,
        "uses_shared_account": False,
        "account_type": "upgraded",
        "mfa_enrolled": True,
        "email_current": True,
    },
    "cmecf": {
        "mab": {
            "has_filing_account": True,
            "knows_login": True,
            "login_saved_in_browser": False,
            "linked": False,
        }
    },
    "firm": {"wants_billing_account": False},
}


def answers(**changes: object) -> dict:
    """BASE with dotted-path changes: answers(**{"pacer.username": "ab1234"})."""
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    return data


def checklist(raw: dict, as_of: str = "2026-11-23") -> Checklist:
    return plan(answers_from_dict(raw), CATALOG, date.fromisoformat(as_of))


def statuses(result: Checklist) -> dict[tuple[str, str | None], str]:
    return {(s.id.value, s.court): s.status.value for s in result.steps}


def linux_ci() -> bool:
    """This project's CI (`.ci/run` on Debian, as root, with shared/ beside the clone) must run every
    check; the release workflow's hosted runners (CI=true too, GITHUB_ACTIONS=true, no root on
    Linux, no shared/) skip the checks only this project's CI can run."""
    import os
    import sys

    return (
        os.environ.get("CI") == "true"
        and sys.platform.startswith("linux")
        and os.environ.get("GITHUB_ACTIONS") != "true"
    )
