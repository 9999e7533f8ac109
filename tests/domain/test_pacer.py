import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextgen_wizard.domain.pacer import (
    CreationKind,
    PasswordRule,
    UsernameKind,
    classify_created_on,
    classify_username,
    cmecf_login_warning,
    password_problems,
)


@pytest.mark.parametrize(
    ("username", "kind"),
    [
        ("ab1234", UsernameKind.LEGACY),
        ("AB1234", UsernameKind.LEGACY),
        ("xY0000", UsernameKind.LEGACY),
        ("jdoe2014", UsernameKind.UPGRADED_FORMAT),
        ("jane.doe@example.com", UsernameKind.UPGRADED_FORMAT),
        ("smith_law-firm", UsernameKind.UPGRADED_FORMAT),
        ("abc123", UsernameKind.UNUSUAL),  # too short for an upgraded name, not legacy
        ("ab12345", UsernameKind.UNUSUAL),
        ("jöhndoe99", UsernameKind.UNUSUAL),  # non-ASCII letter
        ("ab\uff11\uff12\uff13\uff14", UsernameKind.UNUSUAL),  # full-width digits are not the legacy pattern
        ("", UsernameKind.INVALID),
        (" ab1234", UsernameKind.INVALID),
        ("ab 1234", UsernameKind.INVALID),
        ("ab1234\n", UsernameKind.INVALID),
        ("ab\x001234", UsernameKind.INVALID),
        ("ab\u200b1234", UsernameKind.INVALID),  # zero-width space pasted from a web page
        ("a" * 65, UsernameKind.INVALID),
    ],
)
def test_username_classification(username: str, kind: UsernameKind) -> None:
    result = classify_username(username)
    assert result.kind is kind
    assert result.message.endswith(".") and len(result.message) > 20


def test_legacy_message_says_upgrade_and_unusual_points_to_account_type() -> None:
    assert "upgraded" in classify_username("ab1234").message
    assert "Account Type" in classify_username("abc123").message
    assert "Manage My Account" in classify_username("abc123").message


def test_invalid_messages_say_what_to_do() -> None:
    assert "remove" in classify_username("ab 1234").message
    assert "empty" in classify_username("").message
    assert "65 characters" in classify_username("a" * 65).message


@given(st.text())
def test_classifier_never_raises_and_legacy_exactly_when_pattern_matches(text: str) -> None:
    result = classify_username(text)
    assert result.kind in set(UsernameKind)
    assert (result.kind is UsernameKind.LEGACY) == bool(re.fullmatch(r"[A-Za-z]{2}[0-9]{4}", text))


@given(st.from_regex(r"[A-Za-z]{2}[0-9]{4}", fullmatch=True))
def test_every_legacy_shaped_name_is_legacy(text: str) -> None:
    assert classify_username(text).kind is UsernameKind.LEGACY


@pytest.mark.parametrize(
    ("created", "kind"),
    [
        (date(2009, 3, 2), CreationKind.LEGACY),
        (date(2014, 7, 31), CreationKind.LEGACY),
        (date(2014, 8, 1), CreationKind.AMBIGUOUS),
        (date(2014, 8, 10), CreationKind.AMBIGUOUS),
        (date(2014, 8, 11), CreationKind.UPGRADED),
        (date(2020, 1, 1), CreationKind.UPGRADED),
    ],
)
def test_creation_date_cutoffs(created: date, kind: CreationKind) -> None:
    assert classify_created_on(created).kind is kind


def test_the_august_gap_names_both_dates_and_sends_to_account_type() -> None:
    message = classify_created_on(date(2014, 8, 5)).message
    assert "August 11, 2014" in message and "August 1, 2014" in message
    assert "Account Type" in message


def test_a_good_password_passes_every_rule() -> None:
    assert password_problems("Correct-Horse-Battery-9", first_name="Pat", last_name="Example") == []


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Short-1a", PasswordRule.LENGTH),
        ("A-" + "b" * 44, PasswordRule.LENGTH),  # 46 characters
        ("ALL-UPPER-CASE-HERE", PasswordRule.LOWERCASE),
        ("all-lower-case-here", PasswordRule.UPPERCASE),
        ("NoSpecialCharactersHere", PasswordRule.SPECIAL),
    ],
)
def test_each_password_rule(password: str, rule: PasswordRule) -> None:
    assert rule in password_problems(password)


def test_password_must_not_contain_name_username_or_email_parts() -> None:
    for kwargs in (
        {"first_name": "Patricia"},
        {"last_name": "Example"},
        {"username": "patex2020"},
        {"email": "pat.example@lawfirm.com"},
    ):
        assert PasswordRule.PERSONAL in password_problems("My-Patricia-Example-Patex2020-Lawfirm!", **kwargs)
    assert password_problems("Totally-Unrelated-Words!", first_name="Patricia") == []


def test_password_problems_never_contain_the_password() -> None:
    secret = "Zz-uniq"  # too short: there is something to report
    problems = password_problems(secret, first_name="Zz", username="Zz-uniq")
    assert problems, "a 7-character password must break a rule"
    assert all(type(rule) is PasswordRule for rule in problems)  # rule names only, never text
    assert secret not in repr(problems)


def test_cmecf_login_with_troublesome_characters_is_warned() -> None:
    assert "&" in (cmecf_login_warning("smith&jones") or "")
    assert cmecf_login_warning("smithjones") is None
