"""docs/domain-rules.md has one row per rule in domain/rules.py, with the same dates."""

import re
from datetime import date

from nextgen_wizard.domain.rules import RULES, RULES_CHECKED, in_force
from tests.helpers import ROOT

ROW = re.compile(r"^\| `([a-z0-9-]+)` \| (.+?) \| (\S+) \| (\S+) \| (.+) \|$", re.MULTILINE)


def _rows() -> dict[str, tuple[str, str, str]]:
    text = (ROOT / "docs" / "domain-rules.md").read_text(encoding="utf-8")
    return {m.group(1): (m.group(3), m.group(4), m.group(5)) for m in ROW.finditer(text)}


def test_every_rule_is_documented_and_every_row_is_a_rule() -> None:
    assert set(_rows()) == set(RULES)


def test_documented_dates_and_sources_match_the_code() -> None:
    for rule_id, (start, end, source) in _rows().items():
        rule = RULES[rule_id]
        assert start == (rule.start.isoformat() if rule.start else "-"), rule_id
        assert end == (rule.end.isoformat() if rule.end else "-"), rule_id
        assert source.strip(), rule_id
        assert rule.source, rule_id


def test_dated_rules() -> None:
    assert not in_force("mfa-when-prompted", date(2025, 9, 27)) and in_force(
        "mfa-when-prompted", date(2025, 9, 28)
    )
    assert in_force("mfa-rollout-2025", date(2025, 9, 27)) and not in_force(
        "mfa-rollout-2025", date(2025, 9, 28)
    )
    assert not in_force("password-2025", date(2020, 4, 15))
    assert RULES_CHECKED.isoformat() in (ROOT / "docs" / "domain-rules.md").read_text(encoding="utf-8")
