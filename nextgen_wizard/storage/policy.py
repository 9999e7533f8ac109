"""Firm IT's site policy: presets and locked answers, firm name and support, from a TOML file.

Location: <site config>/policy.toml (platformdirs; %ProgramData%\\NextGen Ready on Windows),
or the file named by NEXTGEN_WIZARD_POLICY. The format is documented line by line in
packaging/deploy/policy.example.toml. A malformed policy never stops the app: every problem
is reported with the file, line and key, and the app runs with no policy.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.answers import Answers, AnswersError, answers_from_dict, answers_to_dict
from .paths import POLICY_VARIABLE

POLICY_FILE_NAME = "policy.toml"

# Answers firm IT may preset, as dotted paths of the answers format (docs/answers-format.md).
PRESETTABLE = (
    "role",
    "filer.firm",
    "courts",
    "pacer.has_own_account",
    "pacer.uses_shared_account",
    "pacer.account_type",
    "pacer.mfa_enrolled",
    "pacer.email_current",
    "firm.wants_billing_account",
    "firm.has_billing_account",
)
TOP_KEYS = {"firm": {"name", "support"}, "wizard": {"credential_storage"}, "answers": None}


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
    presets: dict[str, Preset] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def locked(self) -> frozenset[str]:
        return frozenset(p.path for p in self.presets.values() if p.locked)

    def describe(self) -> str:
        if self.source is None:
            return "none"
        if self.problems:
            return f"{self.source} has problems and is NOT in effect"
        locked = ", ".join(sorted(self.locked)) or "none"
        return (
            f"{self.source} (firm: {self.firm_name or '-'}; presets: {len(self.presets)}; "
            f"locked: {locked}; saving passwords: {'on' if self.credential_storage else 'off'})"
        )


def policy_path(site_config: Path, environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    override = env.get(POLICY_VARIABLE)
    return Path(override) if override else site_config / POLICY_FILE_NAME


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
        self.path, self.text, self.problems = path, text, []

    def add(self, key: str, message: str, line_key: str | None = None) -> None:
        line = _line_of(self.text, line_key or key)
        where = f"{self.path}, line {line}" if line else str(self.path)
        self.problems.append(f"{where}: {key}: {message}")


def set_path(data: dict, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {}) or {}
    node[last] = value


def get_path(data: dict, path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = (node or {}).get(part) if isinstance(node, dict) else None
    return node


def _read_presets(raw: Any, out: _Collector) -> dict[str, Preset]:
    presets: dict[str, Preset] = {}
    if not isinstance(raw, dict):
        out.add("answers", 'must be a table of presets, e.g. [answers."role"]')
        return presets
    for path, entry in raw.items():
        if isinstance(entry, dict) and path in ("pacer", "firm", "filer"):  # written as [answers.pacer.x]
            entries = {f"{path}.{k}": v for k, v in entry.items()}
        else:
            entries = {path: entry}
        for key, spec in entries.items():
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
            locked = spec.get("locked", False)
            if not isinstance(locked, bool):
                out.add(label, "locked must be true or false", key)
                continue
            presets[key] = Preset(key, spec["value"], locked)
    return presets


def _check_values(presets: dict[str, Preset], out: _Collector) -> None:
    """Each preset value must be what the answers format accepts there."""
    for key, preset in presets.items():
        data: dict = {"schema_version": 1}
        set_path(data, key, preset.value)
        try:
            answers_from_dict(data)
        except AnswersError as error:
            for problem in error.problems:
                out.add(f'answers."{key}"', problem.split(": ", 1)[-1], key)


def load_policy(path: Path) -> Policy:
    if not path.exists():
        return Policy()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Policy(source=path, problems=[f"{path}: cannot be read ({error})"])
    import tomllib  # its regular expressions cost start-up time; most computers have no policy

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Policy(source=path, problems=[f"{path}: not valid TOML: {error}"])
    out = _Collector(path, text)
    for top, value in raw.items():
        if top not in TOP_KEYS:
            out.add(top, f"unknown section; known: {', '.join(TOP_KEYS)}")
            continue
        allowed = TOP_KEYS[top]
        if allowed is not None and isinstance(value, dict):
            for key in set(value) - allowed:
                out.add(f"{top}.{key}", f"unknown key; known in [{top}]: {', '.join(sorted(allowed))}", key)
    firm = raw.get("firm", {}) if isinstance(raw.get("firm", {}), dict) else {}
    wizard = raw.get("wizard", {}) if isinstance(raw.get("wizard", {}), dict) else {}
    for key in ("name", "support"):
        if key in firm and not isinstance(firm[key], str):
            out.add(f"firm.{key}", "must be text in quotes", key)
    storage = wizard.get("credential_storage", True)
    if not isinstance(storage, bool):
        out.add("wizard.credential_storage", "must be true or false", "credential_storage")
        storage = True
    presets = _read_presets(raw.get("answers", {}), out)
    _check_values(presets, out)
    if out.problems:
        return Policy(source=path, problems=out.problems)
    return Policy(
        source=path,
        firm_name=firm.get("name"),
        support=firm.get("support"),
        credential_storage=storage,
        presets=presets,
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
            set_path(data, preset.path, preset.value)
        elif current in (None, []):
            set_path(data, preset.path, preset.value)
    if policy.firm_name and not get_path(data, "filer.firm"):
        set_path(data, "filer.firm", policy.firm_name)
    data["cmecf"] = {court: v for court, v in (data.get("cmecf") or {}).items() if court in data["courts"]}
    if data == before:
        return Applied(answers, [])
    return Applied(answers_from_dict(data), overridden)


class TurnedOffVault:
    """What the vault is when firm policy turns password saving off: it refuses, and says why."""

    def info(self):  # -> BackendInfo
        from .vault import BackendInfo

        return BackendInfo("turned off by your firm", "policy", False, "your firm's policy turns it off")

    def save(self, entry: str, login: str, password: str) -> str:
        from .vault import NoSecureKeyring

        raise NoSecureKeyring(
            "Your firm has turned off saving passwords in this app, so nothing was saved. Write the "
            "login down instead: the printed checklist has a box for it. Keep the paper safe."
        )

    def load(self, entry: str):  # -> Credential | None
        return None

    def forget(self, entry: str) -> bool:
        return False
