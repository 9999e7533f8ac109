"""Firm IT's site policy: presets and locked answers, firm name and support, from a TOML file.

Location: <site config>/policy.toml (platformdirs; %ProgramData%\\NextGen Ready on Windows),
or the file named by NEXTGEN_WIZARD_POLICY. Every key is declared once in POLICY_KEYS.

How a policy with a mistake behaves (docs/deployment.md says the same for IT):
- a key that is wrong (unknown, wrong type, a value the answers format refuses) is named with
  its file and line and left out; every other key still applies, as browsers treat managed policy;
- a policy that cannot be read or parsed at all, or a NEXTGEN_WIZARD_POLICY that names no file,
  fails CLOSED: saving passwords is off and the user and `doctor` are told (doctor exits 1);
- an unknown court id is named and left out; court ids are normalised like user input;
- a lock covers its path and everything below it.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.answers import Answers, AnswersError, answers_from_dict, answers_to_dict
from .files import ReadError, read_file
from .paths import POLICY_VARIABLE

POLICY_FILE_NAME = "policy.toml"
MAX_POLICY_BYTES = 256_000


@dataclass(frozen=True)
class PolicyKey:
    """One setting firm IT can make; templates and docs are generated from this list."""

    name: str  # as written in policy.toml: "wizard.credential_storage", "answers.role"
    type: str  # "bool", "text", "choice" or "court-list"
    description: str
    default: Any = None
    allowed: tuple[str, ...] = ()
    since: str = "0.1.0"

    @property
    def is_preset(self) -> bool:
        return self.name.startswith("answers.")

    @property
    def answer_path(self) -> str:
        return self.name.removeprefix("answers.")


POLICY_KEYS: tuple[PolicyKey, ...] = (
    PolicyKey(
        "firm.name", "text", "The firm's name: pre-fills Firm in the wizard and prints on the checklist."
    ),
    PolicyKey(
        "firm.support", "text", "Who your people should ask: shown in help windows and on the checklist."
    ),
    PolicyKey(
        "wizard.credential_storage",
        "bool",
        "false: the wizard never offers to save logins in the OS keyring (people write them down).",
        default=True,
    ),
    PolicyKey(
        "courts.updates",
        "bool",
        "false: nobody can download newer court data (nextgen-wizard courts --update and the wizard's "
        "View > Check for newer court data... say IT turned it off); the app uses the data it has.",
        default=True,
    ),
    PolicyKey(
        "courts.update_url",
        "text",
        "Where newer court data is downloaded from instead of PACER's public court lookup feed, e.g. "
        "an internal mirror of it (https only; see docs/court-data.md).",
    ),
    PolicyKey("answers.role", "choice", "Preset role.", allowed=("attorney", "non-attorney")),
    PolicyKey("answers.filer.firm", "text", "Preset firm name on the filer's answers."),
    PolicyKey(
        "answers.courts", "court-list", "Courts offered to everyone, by court id (e.g. mab, mad, ca1)."
    ),
    PolicyKey("answers.pacer.has_own_account", "bool", "Everyone has an individual PACER account."),
    PolicyKey("answers.pacer.uses_shared_account", "bool", "Whether people use a shared PACER account."),
    PolicyKey(
        "answers.pacer.account_type",
        "choice",
        "PACER account type.",
        allowed=("legacy", "upgraded", "unknown"),
    ),
    PolicyKey("answers.pacer.mfa_enrolled", "bool", "People have enrolled in PACER's MFA."),
    PolicyKey("answers.pacer.email_current", "bool", "People's PACER email addresses are current."),
    PolicyKey(
        "answers.firm.wants_billing_account", "bool", "The firm wants a PACER firm billing account (PAA)."
    ),
    PolicyKey("answers.firm.has_billing_account", "bool", "The firm has a PACER firm billing account (PAA)."),
)
KEYS_BY_NAME = {key.name: key for key in POLICY_KEYS}
PRESETTABLE = tuple(key.answer_path for key in POLICY_KEYS if key.is_preset)
SETTINGS = {key.name for key in POLICY_KEYS if not key.is_preset}


@dataclass(frozen=True)
class Preset:
    path: str
    value: Any
    locked: bool


@dataclass
class Policy:
    source: Path | None = None
    firm_name: str | None = None
    support: str | None = None
    credential_storage: bool = True
    court_updates: bool = True  # courts.updates: may people download newer court data?
    court_update_url: str | None = None  # courts.update_url: the firm's address for it
    presets: dict[str, Preset] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # keys left out, each with file, line and key
    failed: bool = False  # could not be read at all: saving passwords is off (fail closed)

    @property
    def locked(self) -> frozenset[str]:
        return frozenset(p.path for p in self.presets.values() if p.locked)

    def is_locked(self, path: str) -> bool:
        """A lock covers its path, everything below it, and refuses a change to a parent of it."""
        return any(covers(lock, path) or covers(path, lock) for lock in self.locked)

    def describe(self) -> str:
        if self.source is None:
            return "none"
        if self.failed:
            return f"{self.source} could NOT be read: saving passwords is off until it is fixed"
        locked = ", ".join(sorted(self.locked)) or "none"
        partly = f"; {len(self.problems)} setting(s) left out" if self.problems else ""
        updates = "; court data updates: off" if not self.court_updates else ""
        if self.court_updates and self.court_update_url:
            updates = f"; court data from: {self.court_update_url}"
        return (
            f"{self.source} (firm: {self.firm_name or '-'}; presets: {len(self.presets)}; "
            f"locked: {locked}; saving passwords: {'on' if self.credential_storage else 'off'}"
            f"{updates}{partly})"
        )


def covers(parent: str, path: str) -> bool:
    return path == parent or path.startswith(parent + ".")


def policy_path(site_config: Path, environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    override = env.get(POLICY_VARIABLE)
    return Path(override) if override else site_config / POLICY_FILE_NAME


def policy_is_required(environ: dict[str, str] | None = None) -> bool:
    """A policy named by NEXTGEN_WIZARD_POLICY must exist: a missing one is an error, not "no policy"."""
    env = os.environ if environ is None else environ
    return bool(env.get(POLICY_VARIABLE))


def _line_of(text: str, key: str) -> int | None:
    """The line where a key or table is written (tomllib does not keep positions)."""
    last = key.split(".")[-1].strip('"')
    patterns = [
        rf'^\s*\[\s*answers\s*\.\s*"?{re.escape(key)}"?\s*\]',
        rf'^\s*"?{re.escape(last)}"?\s*=',
        rf"^\s*\[\s*{re.escape(key)}\s*\]",
    ]
    lines = text.splitlines()
    for pattern in patterns:
        for number, line in enumerate(lines, start=1):
            if re.search(pattern, line):
                return number
    return None


class _Collector:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.problems: list[str] = []

    def add(self, key: str, message: str, line_key: str | None = None) -> None:
        line = _line_of(self.text, line_key or key)
        where = f"{self.path}, line {line}" if line else str(self.path)
        self.problems.append(f"{where}: {key}: {message} (left out; the rest of the policy applies)")


def set_path(data: dict, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[last] = value


def get_path(data: dict, path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _flatten_presets(raw: Any, out: _Collector) -> dict[str, Any]:
    """[answers."pacer.x"] and [answers.pacer.x] both name the preset pacer.x."""
    if not isinstance(raw, dict):
        out.add("answers", 'must be a table of presets, e.g. [answers."role"]')
        return {}
    entries: dict[str, Any] = {}
    for path, entry in raw.items():
        if isinstance(entry, dict) and path in ("pacer", "firm", "filer") and "value" not in entry:
            entries.update({f"{path}.{k}": v for k, v in entry.items()})
        else:
            entries[path] = entry
    return entries


def _normalise_courts(key: str, value: Any, known: Collection[str] | None, out: _Collector) -> Any:
    if not isinstance(value, list):
        return value  # the answers format names the problem
    courts: list[str] = []
    for item in value:
        if not isinstance(item, str):
            out.add(f'answers."{key}"', f"{item!r} is not a court id", key)
            continue
        court = item.strip().lower()
        if known is not None and court not in known:
            out.add(f'answers."{key}"', f'"{item}" is not a court id (see nextgen-wizard courts)', key)
        elif court not in courts:
            courts.append(court)
    return courts


def _valid_answer(key: str, value: Any) -> list[str]:
    data: dict = {"schema_version": answers_to_dict(Answers())["schema_version"]}
    set_path(data, key, value)
    try:
        answers_from_dict(data)
    except AnswersError as error:
        return [problem.split(": ", 1)[-1] for problem in error.problems]
    return []


def _read_presets(raw: Any, out: _Collector, known_courts: Collection[str] | None) -> dict[str, Preset]:
    presets: dict[str, Preset] = {}
    for key, spec in _flatten_presets(raw, out).items():
        label = f'answers."{key}"'
        if key not in PRESETTABLE:
            out.add(label, f"cannot be preset; presettable answers are: {', '.join(PRESETTABLE)}", key)
            continue
        if not isinstance(spec, dict) or "value" not in spec:
            out.add(label, "needs value = ... (and optionally locked = true)", key)
            continue
        unknown = set(spec) - {"value", "locked"}
        if unknown:
            out.add(label, f"unknown setting {', '.join(sorted(unknown))}; use value and locked", key)
            continue
        locked = spec.get("locked", False)
        if not isinstance(locked, bool):
            out.add(label, "locked must be true or false", key)
            continue
        value = spec["value"]
        if KEYS_BY_NAME[f"answers.{key}"].type == "court-list":
            value = _normalise_courts(key, value, known_courts, out)
        problems = _valid_answer(key, value)
        for problem in problems:
            out.add(label, problem, key)
        if not problems:
            presets[key] = Preset(key, value, locked)
    return presets


def _read_settings(raw: dict, out: _Collector) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for top, value in raw.items():
        if top == "answers":
            continue
        if not isinstance(value, dict):
            out.add(top, f'unknown setting; known: {", ".join(sorted(SETTINGS))} and [answers."..."] presets')
            continue
        for key, setting in value.items():
            name = f"{top}.{key}"
            spec = KEYS_BY_NAME.get(name)
            if spec is None or spec.is_preset:
                import difflib

                close = difflib.get_close_matches(name, sorted(SETTINGS), n=1)
                hint = f'; did you mean "{close[0]}"?' if close else f"; known: {', '.join(sorted(SETTINGS))}"
                out.add(name, f"unknown setting{hint}", key)
            elif spec.type == "bool" and not isinstance(setting, bool):
                out.add(name, "must be true or false", key)
            elif spec.type == "text" and (not isinstance(setting, str) or len(setting) > 500):
                out.add(name, "must be text in quotes (at most 500 characters)", key)
            else:
                settings[name] = setting.strip() if isinstance(setting, str) else setting
    return settings


def failed_policy(path: Path, why: str) -> Policy:
    """A policy that cannot be used at all fails closed: no saved passwords, and everyone is told."""
    return Policy(
        source=path,
        credential_storage=False,
        failed=True,
        problems=[f"{path}: {why}. Saving passwords is off until your IT department fixes it."],
    )


def load_policy(path: Path, *, required: bool = False, known_courts: Collection[str] | None = None) -> Policy:
    """Read a policy file; `required`: the file was named explicitly, so its absence is an error."""
    try:
        raw_bytes = read_file(path, MAX_POLICY_BYTES)
    except FileNotFoundError:
        if required:
            return failed_policy(path, "this policy file does not exist")
        return Policy()
    except ReadError as error:
        return failed_policy(path, f"cannot be read ({error})")
    try:
        text = raw_bytes.decode("utf-8-sig")  # Notepad's byte order mark is fine
    except UnicodeDecodeError:
        return failed_policy(path, "is not a text file in UTF-8")
    import tomllib  # its regular expressions cost start-up time; most computers have no policy

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return failed_policy(path, f"is not valid TOML ({error})")
    except RecursionError:
        return failed_policy(path, "is nested too deeply to be a policy")
    out = _Collector(path, text)
    settings = _read_settings(raw, out)
    presets = _read_presets(raw.get("answers", {}), out, known_courts)
    return Policy(
        source=path,
        firm_name=settings.get("firm.name") or None,
        support=settings.get("firm.support") or None,
        credential_storage=settings.get("wizard.credential_storage", True),
        court_updates=settings.get("courts.updates", True),
        court_update_url=settings.get("courts.update_url") or None,
        presets=presets,
        problems=out.problems,
    )


@dataclass
class Applied:
    answers: Answers
    overridden: list[str]  # locked answers that replaced a different value, in words


def apply_policy(policy: Policy, answers: Answers) -> Applied:
    """Locked presets always win; unlocked ones fill only what is still unanswered."""
    data = answers_to_dict(answers)
    before = copy.deepcopy(data)
    overridden = []
    for preset in policy.presets.values():
        current = get_path(data, preset.path)
        if preset.locked:
            if current not in (None, [], preset.value):
                overridden.append(
                    f"{preset.path} is locked by your firm's policy to {preset.value!r}; "
                    f"{current!r} was not used"
                )
            set_path(data, preset.path, copy.deepcopy(preset.value))
        elif current in (None, []):
            set_path(data, preset.path, copy.deepcopy(preset.value))
    if policy.firm_name and not get_path(data, "filer.firm"):
        set_path(data, "filer.firm", policy.firm_name)
    data["cmecf"] = {court: v for court, v in (data.get("cmecf") or {}).items() if court in data["courts"]}
    if data == before:
        return Applied(answers, [])
    return Applied(answers_from_dict(data), overridden)
