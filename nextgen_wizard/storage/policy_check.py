"""Read a policy as IT has it in hand, before pushing it: a policy.toml, a `reg export` file, a
configuration profile (.mobileconfig) or a managed-preferences plist. The result is what the app
would apply from it, by the same decoding and validation as on a workstation (storage/policy.py).

    nextgen-wizard policy check FILE [--format json]
"""

from __future__ import annotations

import re
from pathlib import Path

from ..domain.i18n import _
from ..domain.record import Record, field
from .files import ReadError, read_file
from .policy import Policy, policy_from_sources
from .policy_sources import (
    MACHINE,
    MAX_SOURCE_BYTES,
    PLIST_DOMAIN,
    REGISTRY_PATH,
    USER,
    RawSource,
    file_source,
    flat_to_tree,
    plist_values,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from collections.abc import Collection
    from typing import Any

HIVES = {"HKEY_LOCAL_MACHINE": ("HKLM", MACHINE), "HKEY_CURRENT_USER": ("HKCU", USER)}
APPLE_PREFERENCES = "com.apple.ManagedClient.preferences"


class UnreadablePolicy(Exception):
    """The file is not a policy in any form the app reads (exit 2)."""


class PolicyCheck(Record):
    """What the app would apply from one policy file, and every problem found in it."""

    path: Path
    form: str  # "toml", "reg", "mobileconfig" or "plist"
    policy: Policy
    notes: list[str] = field(default_factory=list)  # things in the file the app does not read

    @property
    def values(self) -> dict[str, Any]:
        return {key: value for key, value, _source in self.policy.effective()}

    @property
    def problems(self) -> list[str]:
        return [*self.policy.problems, *self.notes]


def check_policy_file(path: Path, known_courts: Collection[str] | None = None) -> PolicyCheck:
    """Read and check the file; UnreadablePolicy when it cannot be read as any policy at all."""
    try:
        raw = read_file(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        raise UnreadablePolicy(_("{path}: no such file").format(path=path)) from None
    except ReadError as error:
        raise UnreadablePolicy(f"{path}: {error}") from None
    form = _form_of(path, raw)
    notes: list[str] = []
    if form == "toml":
        source = file_source(path, required=True)
        sources = [source] if source is not None else []
    elif form == "reg":
        sources, notes = _reg_sources(path, raw)
    else:
        sources, notes = _plist_sources(path, raw, form)
    broken = [s for s in sources if s.error is not None]
    if broken:
        raise UnreadablePolicy("; ".join(f"{s.name}: {s.error}" for s in broken))
    if not sources:
        raise UnreadablePolicy(_("{path}: holds no NextGen Ready policy").format(path=path))
    return PolicyCheck(path, form, policy_from_sources(sources, known_courts), notes)


def _form_of(path: Path, raw: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in (".reg", ".mobileconfig", ".plist", ".toml"):
        return suffix[1:]
    head = raw[:200]
    if head.startswith((b"\xff\xfe", b"REGEDIT4", b"Windows Registry")) or b"R\x00e\x00g\x00" in head:
        return "reg"
    if head.startswith(b"bplist") or b"<plist" in raw[:500] or b"<?xml" in head:
        return "mobileconfig" if b"PayloadContent" in raw else "plist"
    return "toml"


# ---- reg export ------------------------------------------------------------------------------


def _reg_text(raw: bytes) -> str:
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if b"\x00" in raw[:100]:
        return raw.decode("utf-16-le")
    return raw.decode("utf-8")


def _logical_lines(text: str) -> list[str]:
    """reg export wraps long hex values with a trailing backslash; join them back."""
    lines: list[str] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if pending:
            stripped = pending + stripped
            pending = ""
        if stripped.endswith("\\") and re.search(r"=(hex(\([0-9a-fA-F]+\))?):", stripped):
            pending = stripped[:-1]
            continue
        lines.append(stripped)
    if pending:
        lines.append(pending)
    return lines


def _reg_hex(data: str) -> bytes:
    digits = [part for part in data.replace(" ", "").split(",") if part]
    return bytes(int(part, 16) for part in digits)


def _reg_data(data: str) -> Any:
    """One value's data as winreg would return it; ValueError for a type the app never reads."""
    if data.startswith('"') and data.endswith('"') and len(data) >= 2:
        return re.sub(r"\\(.)", r"\1", data[1:-1])
    if data.lower().startswith("dword:"):
        return int(data[6:], 16)
    match = re.match(r"hex\((7|2|b)\):(.*)$", data, flags=re.I)
    if match:
        kind, body = match.group(1).lower(), _reg_hex(match.group(2))
        if kind == "b":
            return int.from_bytes(body[:8], "little")
        text = body.decode("utf-16-le")
        return [part for part in text.split("\x00") if part] if kind == "7" else text.rstrip("\x00")
    raise ValueError(_("a binary or unknown registry type"))


def _reg_sources(path: Path, raw: bytes) -> tuple[list[RawSource], list[str]]:
    try:
        text = _reg_text(raw)
    except UnicodeDecodeError:
        return [RawSource(str(path), "registry", error=_("is not a registry export (UTF-16 or UTF-8)"))], []
    lines = _logical_lines(text)
    first = next((line for line in lines if line), "")
    if first not in ("Windows Registry Editor Version 5.00", "REGEDIT4"):
        why = _("is not a registry export (reg export writes it)")
        return [RawSource(str(path), "registry", error=why)], []
    values: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    section: str | None = None
    other = ""
    for number, line in enumerate(lines, start=1):
        if not line or line.startswith(";") or line == first:
            continue
        if line.startswith("["):
            name = line.strip("[]")
            hive, _sep, key = name.partition("\\")
            known = HIVES.get(hive.upper())
            if not name.startswith("-") and known and key.lower() == REGISTRY_PATH.lower():
                section = known[0]
                values.setdefault(section, {})
            else:
                section = None
                other = name
            continue
        match = re.match(r'^"((?:[^"\\]|\\.)*)"=(.*)$', line)
        if match is None:
            continue
        if section is None:
            note = _("{path}: values under [{key}] are not read by NextGen Ready")
            note = note.format(path=path, key=other)
            if note not in notes:
                notes.append(note)
            continue
        value_name = re.sub(r"\\(.)", r"\1", match.group(1))
        if match.group(2) == "-":
            continue
        try:
            values[section][value_name] = _reg_data(match.group(2))
        except ValueError as error:
            notes.append(
                _("{path}, line {line}: {name}: {problem}; left out").format(
                    path=path, line=number, name=value_name, problem=error
                )
            )
    sources = []
    for hive, scope in (("HKLM", MACHINE), ("HKCU", USER)):
        if hive in values:
            name = f"{path} ({hive}\\{REGISTRY_PATH})"
            sources.append(RawSource(name, "registry", data=flat_to_tree(values[hive]), scope=scope))
    if not sources:
        notes.append(_("{path}: no values under HKLM or HKCU\\{key}").format(path=path, key=REGISTRY_PATH))
    return sources, notes


# ---- configuration profiles and managed preferences --------------------------------------------


def _profile_settings(profile: dict[str, Any]) -> tuple[dict[str, Any] | None, list[str]]:
    """The forced preferences a .mobileconfig sets for our domain, in Apple's documented
    com.apple.ManagedClient.preferences form (or the older payload-type-is-the-domain form)."""
    found: dict[str, Any] | None = None
    notes: list[str] = []
    for payload in profile.get("PayloadContent") or []:
        if not isinstance(payload, dict):
            continue
        if payload.get("PayloadType") == APPLE_PREFERENCES:
            domains = payload.get("PayloadContent") or {}
            domain = domains.get(PLIST_DOMAIN) if isinstance(domains, dict) else None
            if not isinstance(domain, dict):
                continue
            for kind, entries in domain.items():
                if kind != "Forced":
                    notes.append(
                        _("{kind} preferences are not firm policy (only Forced ones are); left out").format(
                            kind=kind
                        )
                    )
                    continue
                for entry in entries if isinstance(entries, list) else []:
                    settings = entry.get("mcx_preference_settings") if isinstance(entry, dict) else None
                    if isinstance(settings, dict):
                        found = {**(found or {}), **settings}
        elif payload.get("PayloadType") == PLIST_DOMAIN:
            found = {**(found or {}), **payload}
    return found, notes


def _plist_sources(path: Path, raw: bytes, form: str) -> tuple[list[RawSource], list[str]]:
    try:
        values = plist_values(raw)
    except ValueError as error:
        return [RawSource(str(path), "managed-preferences", error=str(error))], []
    notes: list[str] = []
    if form == "mobileconfig" or "PayloadContent" in values:
        settings, notes = _profile_settings(values)
        if settings is None:
            why = _("{path}: the profile sets no preferences for {domain}")
            return [], [why.format(path=path, domain=PLIST_DOMAIN)]
        values = settings
    return [RawSource(str(path), "managed-preferences", data=flat_to_tree(values))], notes
