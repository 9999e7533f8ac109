"""Every setting firm IT can make, declared once: its type decides how each source stores it.

The ADMX/ADML, the macOS profile, the example policy.toml and the table in docs/deployment.md
are generated from POLICY_KEYS (packaging/deploy/policy_templates.py), and the readers decode
registry values and managed preferences by the same declaration (decode_value), so what the
Group Policy editor or an MDM writes is what the app applies:

| type        | policy.toml      | registry (what the ADMX makes the editor write) | plist           |
| ----------- | ---------------- | ------------------------------------------------ | --------------- |
| bool        | true / false     | REG_DWORD 1 / 0                                  | true / false    |
| text        | "text"           | REG_SZ                                           | string          |
| choice      | "one of allowed" | REG_SZ                                           | string          |
| court-list  | ["mab", "mad"]   | REG_MULTI_SZ, one court id per line              | array of string |

A preset's lock ("answers.courts.locked") is a bool stored the same way.
"""

from __future__ import annotations

import json
import re

from ..domain.record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

REGISTRY_TYPES = {"bool": "REG_DWORD", "text": "REG_SZ", "choice": "REG_SZ", "court-list": "REG_MULTI_SZ"}


class PolicyKey(Record, frozen=True):
    """One setting firm IT can make (see the module's table for how each type is stored)."""

    name: str  # as written in policy.toml: "wizard.credential_storage", "answers.role"
    type: str  # "bool", "text", "choice" or "court-list"
    title: str  # a short name, as Group Policy and MDM consoles list it
    description: str  # for policy.toml and the docs, in TOML's terms (true/false)
    example: Any
    default: Any = None  # what applies when no policy sets it (None: the user answers)
    allowed: tuple[str, ...] = ()
    since: str = "0.1.0"
    # For the Group Policy editor (ADML): what Enabled, Disabled and Not configured do.
    enabled: str = ""
    disabled: str = ""
    not_configured: str = ""

    @property
    def is_preset(self) -> bool:
        return self.name.startswith("answers.")

    @property
    def answer_path(self) -> str:
        return self.name.removeprefix("answers.")

    @property
    def registry_type(self) -> str:
        return REGISTRY_TYPES[self.type]

    def editor_text(self) -> dict[str, str]:
        """Enabled / Disabled / Not configured, as the Group Policy editor's help pane shows them."""
        if self.is_preset:
            value = {
                "bool": "Choose Yes or No",
                "choice": "Choose the answer",
                "text": "Type the answer",
                "court-list": "Type the court ids, one per line (mab, then mad; see nextgen-wizard courts)",
            }[self.type]
            return {
                "Enabled": f"{value}: it is pre-filled in everyone's wizard. Tick Locked and people "
                "cannot change it (the wizard shows it read-only and nextgen-wizard set refuses it).",
                "Disabled": "No preset: people answer it themselves.",
                "Not configured": "The same as Disabled, unless a policy file or another source sets it.",
            }
        return {
            "Enabled": self.enabled or f"{self.description}",
            "Disabled": self.disabled,
            "Not configured": self.not_configured,
        }


_YES_NO = "a preset answer, true or false; locked = true makes it read-only"
POLICY_KEYS: tuple[PolicyKey, ...] = (
    PolicyKey(
        "firm.name", "text", "Firm name",
        "The firm's name: pre-fills Firm in the wizard and prints on the checklist.",
        "Example & Sample LLP",
        enabled="Type the firm's name: it pre-fills Firm in the wizard and prints on the checklist.",
        disabled="No firm name is pre-filled; people type their own.",
        not_configured="The same as Disabled, unless a policy file sets it.",
    ),
    PolicyKey(
        "firm.support", "text", "Who to ask for help",
        "Who your people should ask: shown in every help window and on the printed checklist.",
        "IT help desk, helpdesk@example.com, 555-0100",
        enabled="Type who your people should ask (a desk, an email, a phone number): shown in every "
        "help window and on the printed checklist.",
        disabled="No firm contact is shown; the help names the court's and PACER's help desks only.",
        not_configured="The same as Disabled, unless a policy file sets it.",
    ),
    PolicyKey(
        "wizard.credential_storage", "bool", "Allow saving logins in the keyring",
        "false: the wizard never offers to save logins in the OS keyring (people write them down).",
        True, default=True,
        enabled="People may save their PACER and CM/ECF logins in the OS keyring (Windows Credential "
        "Manager, the macOS Keychain), never in a file.",
        disabled="The wizard never offers to save logins; people keep them as the firm says. Entries "
        "saved before stay until nextgen-wizard reset removes them.",
        not_configured="Saving is allowed, unless another policy source turns it off. A policy that "
        "cannot be read turns it off.",
    ),
    PolicyKey(
        "wizard.language", "choice", "Default language",
        "The language of the wizard, the checklist and the command line for everyone (en or es), "
        "unless a person chooses another in the wizard's View menu or with --lang.",
        "es", allowed=("en", "es"),
        enabled="Choose English (en) or Spanish (es): the wizard, the checklist and the command line "
        "start in it; a person may still choose another in the wizard's View menu.",
        disabled="Each computer's own language is used.",
        not_configured="The same as Disabled.",
    ),
    PolicyKey(
        "courts.updates", "bool", "Allow court data updates",
        "false: nobody can download newer court data (nextgen-wizard courts --update and the wizard's "
        "View > Check for newer court data... say IT turned it off); the app uses the data it has.",
        True, default=True,
        enabled="People may download newer court data from PACER's public court list (only when they "
        "ask: nextgen-wizard courts --update or View > Check for newer court data...).",
        disabled="Nobody can download court data; the app uses the data it was installed with (and "
        "any copy IT places). The wizard and the command say IT turned it off.",
        not_configured="Downloads are allowed, unless another policy source turns them off. A policy "
        "that cannot be read turns them off.",
    ),
    PolicyKey(
        "courts.update_url", "text", "Where court data updates come from",
        "Where newer court data is downloaded from instead of PACER's public court lookup feed, e.g. "
        "an internal mirror of it (https only; see docs/court-data.md).",
        "https://mirror.example.com/pacer-court-lookup.json",
        enabled="Type the https address of your mirror of PACER's court lookup feed: downloads come "
        "from there instead.",
        disabled="Downloads come from PACER's public court lookup feed.",
        not_configured="The same as Disabled.",
    ),
    PolicyKey(
        "answers.role", "choice", "Preset role",
        "Who the users are; locked = true stops them changing it.",
        "attorney", allowed=("attorney", "filing-agent", "non-attorney", "creditor", "pro-se"),
    ),
    PolicyKey(
        "answers.filer.firm", "text", "Preset firm on the answers", "The Firm answer itself.", "Example LLP"
    ),
    PolicyKey(
        "answers.courts", "court-list", "Courts offered to everyone",
        "Court ids (see nextgen-wizard courts), e.g. mab, mad, ca1. In the registry: one id per line "
        "(REG_MULTI_SZ), or one text with the ids separated by commas.",
        ["mab", "mad", "ca1"],
    ),
    PolicyKey(
        "answers.pacer.has_own_account", "bool", "Everyone has their own PACER account",
        f"Has an individual PACER account: {_YES_NO}.", True,
    ),
    PolicyKey(
        "answers.pacer.uses_shared_account", "bool", "A shared PACER account is in use",
        f"Uses a shared (office) PACER account: {_YES_NO}.", False,
    ),
    PolicyKey(
        "answers.pacer.account_type", "choice", "PACER account type",
        "What Manage My Account shows as Account Type.", "upgraded",
        allowed=("legacy", "upgraded", "unknown"),
    ),
    PolicyKey(
        "answers.pacer.mfa_enrolled", "bool", "MFA turned on in PACER",
        f"People have turned on PACER's multi-factor authentication: {_YES_NO}.", True,
    ),
    PolicyKey(
        "answers.pacer.email_current", "bool", "PACER email addresses are current",
        f"The email address in each PACER account is current: {_YES_NO}.", True,
    ),
    PolicyKey(
        "answers.firm.wants_billing_account", "bool", "Firm wants a billing account (PAA)",
        f"The firm wants a PACER firm billing account: {_YES_NO}.", True,
    ),
    PolicyKey(
        "answers.firm.has_billing_account", "bool", "Firm has a billing account (PAA)",
        f"The firm already has a PACER firm billing account: {_YES_NO}.", True,
    ),
)  # fmt: skip
KEYS_BY_NAME = {key.name: key for key in POLICY_KEYS}
PRESETTABLE = tuple(key.answer_path for key in POLICY_KEYS if key.is_preset)
SETTINGS = {key.name for key in POLICY_KEYS if not key.is_preset}


def declared_type(name: str) -> str | None:
    """The declared type of a flat source name ("courts.updates", "answers.courts.locked")."""
    if name.endswith(".locked") and name.removesuffix(".locked") in KEYS_BY_NAME:
        return "bool"
    key = KEYS_BY_NAME.get(name)
    return key.type if key else None


def decode_value(name: str, value: Any) -> Any:
    """A registry value or managed preference as policy.toml would hold it, by the key's declared
    type: DWORD 0/1 -> false/true, REG_MULTI_SZ or "mab, mad" -> ["mab", "mad"]. A value of another
    shape is returned as it is, for validation to name with the key."""
    kind = declared_type(name)
    if kind == "bool" and isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    if kind == "court-list":
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return [item.strip() for item in value if item.strip()]
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):  # JSON text, as version 0.1.0's templates asked for
                try:
                    return json.loads(text)
                except ValueError:
                    return value
            return [item for item in re.split(r"[\s,;]+", text) if item]
    return value
