"""Where firm IT's policy comes from. Machine sources come first and a user can never loosen them.

Machine sources (only an administrator can write them), most important first:
1. Windows: HKLM\\Software\\Policies\\NextGen Ready (Group Policy, Intune)
2. macOS: /Library/Managed Preferences/org.nextgenready.wizard.plist (a computer-level profile)
3. policy.toml in a folder only administrators can write: every XDG_CONFIG_DIRS entry, then
   /etc/xdg (Linux), or the site folder (Windows' %ProgramData%\\NextGen Ready, macOS
   /Library/Application Support/NextGen Ready)

User sources (the user controls them), after every machine source:
4. Windows: HKCU\\Software\\Policies\\NextGen Ready
5. macOS: /Library/Managed Preferences/<user>/org.nextgenready.wizard.plist
6. a policy.toml the user owns in an XDG_CONFIG_DIRS folder, and NEXTGEN_WIZARD_POLICY's file

The first source that sets a key wins, so a user source fills only what no machine source set;
a setting that restricts (saving passwords, court downloads) is off when ANY source turns it off.
A policy file anyone may write (world-writable, or in such a folder), or one in a system folder
that a non-administrator owns, is refused: it fails closed like an unreadable one.

Registry values and plist keys are named like the policy keys: "wizard.credential_storage",
"answers.courts"; a preset's lock is "answers.courts.locked". Each value is decoded by the key's
declared type (storage/policy_keys.py): DWORD 0/1 for yes/no, REG_MULTI_SZ (or "mab, mad") for
court lists. A profile's own Payload* bookkeeping in a managed plist is ignored. Every source
becomes the same plain data as a policy.toml and goes through the same validation
(storage/policy.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from ..domain.i18n import _
from ..domain.record import Record, field
from .files import ReadError, read_file
from .policy_keys import decode_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

REGISTRY_PATH = r"Software\Policies\NextGen Ready"
PLIST_DOMAIN = "org.nextgenready.wizard"
MANAGED_PREFERENCES = Path("/Library/Managed Preferences")
POLICY_FILE_NAME = "policy.toml"
MAX_SOURCE_BYTES = 256_000
MACHINE, USER, ANYONE = "machine", "user", "anyone"


class RawSource(Record):
    """One place a policy was looked for: what it holds (as policy.toml data), or why it failed."""

    name: str  # shown to IT: the registry key, plist or file
    kind: str  # "registry", "managed-preferences" or "file"
    data: dict[str, Any] | None = None  # None: nothing there
    text: str = ""  # a file's text, for line numbers in messages
    error: str | None = None  # could not be read at all: fails closed
    required: bool = False
    path: Path | None = None
    scope: str = MACHINE  # MACHINE: only an administrator can change it; USER: the user can

    @property
    def is_machine(self) -> bool:
        return self.scope == MACHINE

    @property
    def present(self) -> bool:
        return self.data is not None or self.error is not None


class SourceReaders(Record):
    """The platform pieces, replaceable by fakes in tests."""

    platform: str = sys.platform
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    registry: Callable[[str, str], dict[str, Any] | None] | None = None  # (hive, path) -> values
    managed_root: Path = MANAGED_PREFERENCES
    user: str = ""
    site_config: Path | None = None


def flat_to_tree(values: Mapping[str, Any]) -> dict[str, Any]:
    """{"firm.name": "X", "answers.courts": [...], "answers.courts.locked": 1} -> policy.toml's shape,
    each value decoded by its key's declared type; a profile's Payload* bookkeeping is left out."""
    tree: dict[str, Any] = {}
    presets: dict[str, dict[str, Any]] = {}
    for raw_name, raw_value in values.items():
        name = str(raw_name).strip()
        if name.startswith("Payload"):
            continue
        value = decode_value(name, raw_value)
        if name.startswith("answers."):
            path = name.removeprefix("answers.")
            if path.endswith(".locked"):
                presets.setdefault(path.removesuffix(".locked"), {})["locked"] = value
            else:
                presets.setdefault(path, {})["value"] = value
            continue
        section, _, key = name.partition(".")
        if not key:
            tree.setdefault(section, value)
            continue
        existing = tree.setdefault(section, {})
        if isinstance(existing, dict):
            existing[key] = value
    if presets:
        tree["answers"] = presets
    return tree


def read_windows_registry(hive: str, path: str) -> dict[str, Any] | None:
    """The values under HKLM/HKCU\\<path>, or None when the key does not exist."""
    if sys.platform != "win32":
        return None
    import winreg

    root = winreg.HKEY_LOCAL_MACHINE if hive == "HKLM" else winreg.HKEY_CURRENT_USER
    try:
        key = winreg.OpenKey(root, path)
    except FileNotFoundError:
        return None
    values: dict[str, Any] = {}
    with key:
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(key, index)
            except OSError:
                break
            values[name] = value
            index += 1
    return values


def _registry_sources(readers: SourceReaders) -> list[RawSource]:
    reader = readers.registry or read_windows_registry
    sources = []
    for hive in ("HKLM", "HKCU"):
        name = f"{hive}\\{REGISTRY_PATH}"
        try:
            values = reader(hive, REGISTRY_PATH)
        except OSError as error:
            scope = MACHINE if hive == "HKLM" else USER
            sources.append(RawSource(name, "registry", error=_cannot_be_read(error), scope=scope))
            continue
        if values is None:
            continue
        scope = MACHINE if hive == "HKLM" else USER
        sources.append(RawSource(name, "registry", data=flat_to_tree(values), scope=scope))
    return sources


def _cannot_be_read(error: object) -> str:
    # Translators: follows the name of a policy source (a file, a registry key): "<name>: cannot be read".
    return _("cannot be read ({reason})").format(reason=error)


def plist_values(raw: bytes) -> dict[str, Any]:
    """A managed-preferences plist's dictionary; ValueError (with the reason) when it is not one."""
    try:
        import plistlib  # macOS only: the Windows and Linux bundles leave it (and XML) out
        from xml.parsers.expat import ExpatError
    except ImportError:
        raise ValueError(
            _("cannot be read here: this installation reads plist files on macOS only (try the Mac app)")
        ) from None

    try:
        values = plistlib.loads(raw)
    except (plistlib.InvalidFileException, ValueError, OverflowError, ExpatError) as error:
        raise ValueError(_("is not a valid plist ({reason})").format(reason=error)) from None
    if not isinstance(values, dict):
        raise ValueError(_("does not hold a dictionary"))
    return values


def _plist_source(path: Path, scope: str) -> RawSource | None:
    try:
        raw = read_file(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        return None
    except ReadError as error:
        why = _cannot_be_read(error)
        return RawSource(str(path), "managed-preferences", error=why, path=path, scope=scope)
    try:
        values = plist_values(raw)
    except ValueError as error:
        return RawSource(str(path), "managed-preferences", error=str(error), path=path, scope=scope)
    return RawSource(str(path), "managed-preferences", data=flat_to_tree(values), path=path, scope=scope)


def _managed_preference_sources(readers: SourceReaders) -> list[RawSource]:
    """The computer's forced values (machine), then the user's (user)."""
    user = readers.user or readers.environ.get("USER", "")
    candidates = [(readers.managed_root / f"{PLIST_DOMAIN}.plist", MACHINE)]
    if user:
        candidates.append((readers.managed_root / user / f"{PLIST_DOMAIN}.plist", USER))
    return [source for path, scope in candidates if (source := _plist_source(path, scope)) is not None]


def policy_file_candidates(readers: SourceReaders) -> list[tuple[Path, bool, bool]]:
    """The policy.toml files to read, most important first: (path, in a system folder, named
    explicitly by NEXTGEN_WIZARD_POLICY)."""
    candidates: list[tuple[Path, bool, bool]] = []
    if readers.platform.startswith("linux"):
        folders = [d for d in readers.environ.get("XDG_CONFIG_DIRS", "").split(":") if d.strip()]
        system = {"/etc/xdg"}
        if "/etc/xdg" not in [d.rstrip("/") for d in folders]:
            folders.append("/etc/xdg")
        for folder in folders:
            in_system = folder.rstrip("/") in system
            candidates.append((Path(folder) / "NextGen Ready" / POLICY_FILE_NAME, in_system, False))
    elif readers.site_config is not None:
        candidates.append((readers.site_config / POLICY_FILE_NAME, True, False))
    override = readers.environ.get("NEXTGEN_WIZARD_POLICY")
    if override:
        candidates.append((Path(override), False, True))
    return candidates


def file_trust(path: Path) -> tuple[str, str | None]:
    """Who can change this policy file: (MACHINE, None) when only administrators can (it and every
    folder above it belong to root and no one else may write them; a sticky folder such as /tmp
    protects what it does not own); (USER, why) when a user owns it or a folder above it; (ANYONE,
    why) when any user, or a group of users, could have written it. Windows: (MACHINE, None), not
    checked here (its ACLs need the Win32 API; registry policy is what a user cannot loosen there)."""
    if os.name == "nt":
        return MACHINE, None
    import stat

    owned_by_user: str | None = None
    current = path
    while True:
        try:
            info = os.lstat(current)
        except OSError as error:
            return ANYONE, _("cannot be checked ({reason})").format(reason=error.strerror or error)
        shielded = stat.S_ISDIR(info.st_mode) and bool(info.st_mode & stat.S_ISVTX)
        if info.st_mode & stat.S_IWOTH and not shielded:
            return ANYONE, _("anyone on this computer can change {path}").format(path=current)
        if info.st_mode & stat.S_IWGRP and info.st_gid != 0 and not shielded:
            return ANYONE, _("a group of users can change {path}").format(path=current)
        if info.st_uid != 0 and owned_by_user is None:
            owned_by_user = _("{path} belongs to a user, not an administrator").format(path=current)
        if current.parent == current:
            return (USER, owned_by_user) if owned_by_user else (MACHINE, None)
        current = current.parent


def _trusted_file(path: Path, in_system_folder: bool, named: bool) -> RawSource | None:
    """The file as a machine or user source; refused (it fails closed) when anyone could have
    written it, or when it sits in a system folder but a user could. None when it does not exist."""
    source = file_source(path, required=named)
    if source is None:
        return None
    if named:
        source.scope = USER  # the environment named it: the user controls that
    if named and not os.path.lexists(path):
        return source
    who, why = file_trust(path)
    if who == USER and not named:
        source.scope = USER
    if who == ANYONE or (who == USER and in_system_folder):
        refused = _("refused: {why}; a policy must be a file only an administrator can change")
        return RawSource(str(path), "file", error=refused.format(why=why), path=path, scope=source.scope)
    return source


def file_source(path: Path, required: bool) -> RawSource | None:
    try:
        raw = read_file(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        if required:
            missing = _("this policy file does not exist")
            return RawSource(str(path), "file", error=missing, required=True, path=path)
        return None
    except ReadError as error:
        return RawSource(str(path), "file", error=_cannot_be_read(error), path=path)
    try:
        text = raw.decode("utf-8-sig")  # Notepad's byte order mark is fine
    except UnicodeDecodeError:
        return RawSource(str(path), "file", error=_("is not a text file in UTF-8"), path=path)
    import tomllib  # its regular expressions cost start-up time; most computers have no policy

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        why = _("is not valid TOML ({reason})").format(reason=error)
        return RawSource(str(path), "file", error=why, path=path)
    except RecursionError:
        return RawSource(str(path), "file", error=_("is nested too deeply to be a policy"), path=path)
    return RawSource(str(path), "file", data=data, text=text, path=path)


def read_sources(readers: SourceReaders | None = None) -> list[RawSource]:
    """Every policy source present on this computer: machine sources first, then the user's."""
    readers = readers or SourceReaders()
    sources: list[RawSource] = []
    if readers.platform == "win32":
        sources += _registry_sources(readers)
    if readers.platform == "darwin":
        sources += _managed_preference_sources(readers)
    for path, in_system_folder, named in policy_file_candidates(readers):
        source = _trusted_file(path, in_system_folder, named)
        if source is not None:
            sources.append(source)
    return [s for s in sources if s.is_machine] + [s for s in sources if not s.is_machine]
