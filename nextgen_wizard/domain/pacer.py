"""PACER account rules: username formats, legacy cut-off dates, the 2025 password rules.

Sources: ../shared/facts/pacer-nextgen-facts.md ("Legacy accounts", "Passwords").

Which usernames we call "upgraded-format", and why:
PACER publishes a minimum (8 characters, from several court pages) but no maximum
and no character list. We accept 8 to 64 characters of ASCII letters, digits and
`. _ - @` (what PACER's own registration examples and e-mail-style usernames use)
as "upgraded-format". Anything else that is printable and has no spaces is
"unusual": we do not reject it, because PACER may allow it, but we send the user
to Account Type. Longer than 64 characters, spaces, control characters or an
empty value are "invalid": no PACER account can have them.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from .dates import long_date
from .i18n import N_, _
from .record import Record

LEGACY_PATTERN = re.compile(r"[A-Za-z]{2}[0-9]{4}")
UPGRADED_PATTERN = re.compile(r"[A-Za-z0-9._@-]{8,64}")
MAX_USERNAME_LENGTH = 64

# PACER and most courts: accounts created before August 11, 2014 are legacy.
# The S.D. Ala. notice says August 1, 2014; between the two we cannot tell.
LEGACY_CUTOFF = date(2014, 8, 11)
LEGACY_CUTOFF_ALSB_NOTICE = date(2014, 8, 1)

# Marked for the catalog, kept in English here: show it with _(ACCOUNT_TYPE_HOW).
ACCOUNT_TYPE_HOW = N_(
    'Sign in at PACER\'s Manage My Account and read "Account Type": '
    '"Upgraded PACER Account" needs nothing, "Legacy PACER Account" must be upgraded.'
)

PASSWORD_MIN = 14
PASSWORD_MAX = 45
PASSWORD_SPECIALS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
# Logins with these characters could not be linked at some courts (W.D. Pa. NextGen page).
CMECF_LOGIN_TROUBLE_CHARACTERS = "&@$*"


class UsernameKind(StrEnum):
    LEGACY = "legacy"
    UPGRADED_FORMAT = "upgraded-format"
    UNUSUAL = "unusual"
    INVALID = "invalid"


class UsernameCheck(Record, frozen=True):
    """What a PACER username looks like (legacy, upgraded, invalid) and the sentence that says so."""

    kind: UsernameKind
    message: str

    @property
    def well_formed(self) -> bool:
        return self.kind is not UsernameKind.INVALID


def _is_control_or_invisible(ch: str) -> bool:
    import unicodedata  # on first use: commands that check no username skip its import

    return unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def classify_username(username: str) -> UsernameCheck:
    """Classify a PACER username by its form alone. Never raises."""
    if not isinstance(username, str) or username == "":
        return UsernameCheck(UsernameKind.INVALID, _("Enter your PACER username; it is empty."))
    if any(ch.isspace() for ch in username):
        return UsernameCheck(
            UsernameKind.INVALID,
            _("A PACER username has no spaces; remove them and try again."),
        )
    if any(_is_control_or_invisible(ch) for ch in username):
        return UsernameCheck(
            UsernameKind.INVALID,
            _("The username contains an invisible or control character; type it again by hand."),
        )
    if len(username) > MAX_USERNAME_LENGTH:
        return UsernameCheck(
            UsernameKind.INVALID,
            _(
                "That is {length} characters, longer than any PACER username; "
                "check that you pasted only the username."
            ).format(length=len(username)),
        )
    if LEGACY_PATTERN.fullmatch(username):
        return UsernameCheck(
            UsernameKind.LEGACY,
            _(
                "This is an old-style (legacy) PACER username: two letters and four digits. "
                "The account must be upgraded before you can file in NextGen."
            ),
        )
    if UPGRADED_PATTERN.fullmatch(username):
        return UsernameCheck(
            UsernameKind.UPGRADED_FORMAT,
            _(
                "This looks like an upgraded PACER username. To be sure, check Account Type "
                "in PACER's Manage My Account."
            ),
        )
    return UsernameCheck(
        UsernameKind.UNUSUAL,
        _("This username is neither the old two-letters-four-digits form nor the usual upgraded form.")
        + " "
        + _(ACCOUNT_TYPE_HOW),
    )


class CreationKind(StrEnum):
    LEGACY = "legacy"
    AMBIGUOUS = "ambiguous"
    UPGRADED = "upgraded"


class CreationCheck(Record, frozen=True):
    """What an account's creation date says about upgrading, and the sentence that says so."""

    kind: CreationKind
    message: str


def classify_created_on(created_on: date) -> CreationCheck:
    """What an account's creation date says about it being legacy."""
    if created_on < LEGACY_CUTOFF_ALSB_NOTICE:
        return CreationCheck(
            CreationKind.LEGACY,
            _("Created on {date}, before August 2014: this is a legacy account and must be upgraded.").format(
                date=long_date(created_on)
            ),
        )
    if created_on < LEGACY_CUTOFF:
        return CreationCheck(
            CreationKind.AMBIGUOUS,
            _(
                "Created on {date}. PACER and most courts say accounts "
                "created before August 11, 2014 are legacy; the S.D. Ala. court's notice says "
                "August 1, 2014. Your date falls between the two, so we cannot tell."
            ).format(date=long_date(created_on))
            + " "
            + _(ACCOUNT_TYPE_HOW),
        )
    return CreationCheck(
        CreationKind.UPGRADED,
        _(
            "Created on {date}, after PACER's August 11, 2014 change: "
            "accounts from then on are already upgraded."
        ).format(date=long_date(created_on)),
    )


class PasswordRule(StrEnum):
    LENGTH = "length"
    LOWERCASE = "lowercase"
    UPPERCASE = "uppercase"
    SPECIAL = "special"
    PERSONAL = "personal"


# Translators: a PACER password rule, shown in a list after "Password:".
_LENGTH_RULE = N_("{min} to {max} characters")
# English, for reading in code; translated where shown.
PASSWORD_RULE_TEXT: dict[PasswordRule, str] = {
    PasswordRule.LENGTH: _LENGTH_RULE.format(min=PASSWORD_MIN, max=PASSWORD_MAX),
    # Translators: a PACER password rule, shown in a list.
    PasswordRule.LOWERCASE: N_("at least one lowercase letter"),
    # Translators: a PACER password rule, shown in a list.
    PasswordRule.UPPERCASE: N_("at least one uppercase letter"),
    # Translators: a PACER password rule, shown in a list.
    PasswordRule.SPECIAL: N_("at least one special character (such as ! # $ % & *)"),
    # Translators: a PACER password rule, shown in a list.
    PasswordRule.PERSONAL: N_("no part of your first name, last name, username or email"),
}


def password_rule_text(rule: PasswordRule) -> str:
    """A password rule in the current language (PASSWORD_RULE_TEXT translated)."""
    if rule is PasswordRule.LENGTH:
        return _(_LENGTH_RULE).format(min=PASSWORD_MIN, max=PASSWORD_MAX)
    return _(PASSWORD_RULE_TEXT[rule])


def _personal_parts(*values: str | None) -> set[str]:
    parts: set[str] = set()
    for value in values:
        for token in re.split(r"[^0-9A-Za-z]+", value or ""):
            if len(token) >= 3:
                parts.add(token.lower())
    return parts


def password_problems(
    password: str,
    *,
    first_name: str | None = None,
    last_name: str | None = None,
    username: str | None = None,
    email: str | None = None,
) -> list[PasswordRule]:
    """The PACER 2025 password rules this password fails, in a fixed order.

    Returns rule names only: the password itself is never logged or returned.
    """
    failed: list[PasswordRule] = []
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        failed.append(PasswordRule.LENGTH)
    if not any(ch.islower() for ch in password):
        failed.append(PasswordRule.LOWERCASE)
    if not any(ch.isupper() for ch in password):
        failed.append(PasswordRule.UPPERCASE)
    if not any(ch in PASSWORD_SPECIALS for ch in password):
        failed.append(PasswordRule.SPECIAL)
    lowered = password.lower()
    if any(part in lowered for part in _personal_parts(first_name, last_name, username, email)):
        failed.append(PasswordRule.PERSONAL)
    return failed


def cmecf_login_warning(login: str) -> str | None:
    """A warning when a CM/ECF login has characters some courts could not link."""
    bad = sorted({ch for ch in login if ch in CMECF_LOGIN_TROUBLE_CHARACTERS})
    if not bad:
        return None
    return _(
        "Your CM/ECF login contains {characters}. Some courts could not link logins "
        "with & @ $ or *; ask the court's clerk to change the login before you link."
    ).format(characters=" ".join(bad))
