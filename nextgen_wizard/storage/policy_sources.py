"""Where firm IT's policy comes from, in order of precedence (the first source that sets a key wins).

1. Windows: machine registry policy  HKLM\\Software\\Policies\\NextGen Ready   (Group Policy, Intune)
2. Windows: user registry policy     HKCU\\Software\\Policies\\NextGen Ready
3. macOS: managed preferences        /Library/Managed Preferences/<user>/org.nextgenready.wizard.plist,
                                     then /Library/Managed Preferences/org.nextgenready.wizard.plist
                                     (configuration profiles, forced values)
4. Policy files: NEXTGEN_WIZARD_POLICY when set (and then only it); otherwise policy.toml in every
   XDG_CONFIG_DIRS entry in order, then /etc/xdg (Linux), or the site config folder (Windows'
   %ProgramData%\\NextGen Ready, macOS /Library/Application Support/NextGen Ready).

Registry values and plist keys are named like the policy keys: "wizard.credential_storage",
"answers.courts"; a preset's lock is "answers.courts.locked". Lists are JSON text in the
registry ('["mab","mad"]') and arrays in a plist. Every source becomes the same plain data as a
policy.toml and goes through the same validation (storage/policy.py).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.i18n import _
from .files import ReadError, read_file

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

REGISTRY_PATH = r"Software\Policies\NextGen Ready"
PLIST_DOMAIN = "org.nextgenready.wizard"
MANAGED_PREFERENCES = Path("/Library/Managed Preferences")
POLICY_FILE_NAME = "policy.toml"
MAX_SOURCE_BYTES = 256_000


@dataclass
class RawSource:
    """One place a policy was looked for: what it holds (as policy.toml data), or why it failed."""

    name: str  # shown to IT: the registry key, plist or file
    kind: str  # "registry", "managed-preferences" or "file"
    data: dict[str, Any] | None = None  # None: nothing there
    text: str = ""  # a file's text, for line numbers in messages
    error: str | None = None  # could not be read at all: fails closed
    required: bool = False
    path: Path | None = None

    @property
    def present(self) -> bool:
        return self.data is not None or self.error is not None


@dataclass
class SourceReaders:
    """The platform pieces, replaceable by fakes in tests."""

    platform: str = sys.platform
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    registry: Callable[[str, str], dict[str, Any] | None] | None = None  # (hive, path) -> values
    managed_root: Path = MANAGED_PREFERENCES
    user: str = ""
    site_config: Path | None = None


def flat_to_tree(values: Mapping[str, Any]) -> dict[str, Any]:
    """{"firm.name": "X", "answers.courts": [...], "answers.courts.locked": 1} -> policy.toml's shape."""
    tree: dict[str, Any] = {}
    presets: dict[str, dict[str, Any]] = {}
    for raw_name, value in values.items():
        name = str(raw_name).strip()
        if name.startswith("answers."):
            path = name.removeprefix("answers.")
            if path.endswith(".locked"):
                presets.setdefault(path.removesuffix(".locked"), {})["locked"] = _as_bool(value)
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


def _as_bool(value: Any) -> Any:
    """Registry DWORDs 0/1 are booleans; anything else is left for validation to name."""
    if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    return value


def _registry_value(name: str, value: Any) -> Any:
    """A REG_SZ holding a JSON list ('["mab","mad"]') is a list; a DWORD 0/1 on a yes/no key is a bool."""
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if name.endswith(".locked") or name in ("wizard.credential_storage",) or name.startswith("answers."):
        return _as_bool(value)
    return value


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
            sources.append(RawSource(name, "registry", error=_cannot_be_read(error)))
            continue
        if values is None:
            continue
        converted = {k: _registry_value(str(k), v) for k, v in values.items()}
        sources.append(RawSource(name, "registry", data=flat_to_tree(converted)))
    return sources


def _cannot_be_read(error: object) -> str:
    # Translators: follows the name of a policy source (a file, a registry key): "<name>: cannot be read".
    return _("cannot be read ({reason})").format(reason=error)


def _plist_source(path: Path) -> RawSource | None:
    try:
        raw = read_file(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        return None
    except ReadError as error:
        return RawSource(str(path), "managed-preferences", error=_cannot_be_read(error), path=path)
    import plistlib  # macOS only: not imported elsewhere
    from xml.parsers.expat import ExpatError

    try:
        values = plistlib.loads(raw)
    except (plistlib.InvalidFileException, ValueError, OverflowError, ExpatError) as error:
        why = _("is not a valid plist ({reason})").format(reason=error)
        return RawSource(str(path), "managed-preferences", error=why, path=path)
    if not isinstance(values, dict):
        return RawSource(str(path), "managed-preferences", error=_("does not hold a dictionary"), path=path)
    return RawSource(str(path), "managed-preferences", data=flat_to_tree(values), path=path)


def _managed_preference_sources(readers: SourceReaders) -> list[RawSource]:
    user = readers.user or readers.environ.get("USER", "")
    candidates = []
    if user:
        candidates.append(readers.managed_root / user / f"{PLIST_DOMAIN}.plist")
    candidates.append(readers.managed_root / f"{PLIST_DOMAIN}.plist")
    return [source for source in map(_plist_source, candidates) if source is not None]


def policy_file_candidates(readers: SourceReaders) -> tuple[list[Path], bool]:
    """The policy.toml files to read, most important first, and whether they were named explicitly."""
    override = readers.environ.get("NEXTGEN_WIZARD_POLICY")
    if override:
        return [Path(override)], True
    if readers.platform.startswith("linux"):
        folders = [d for d in readers.environ.get("XDG_CONFIG_DIRS", "").split(":") if d.strip()]
        if "/etc/xdg" not in [d.rstrip("/") for d in folders]:
            folders.append("/etc/xdg")
        return [Path(folder) / "NextGen Ready" / POLICY_FILE_NAME for folder in folders], False
    if readers.site_config is not None:
        return [readers.site_config / POLICY_FILE_NAME], False
    return [], False


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
    """Every policy source present on this computer, most important first."""
    readers = readers or SourceReaders()
    sources: list[RawSource] = []
    if readers.platform == "win32":
        sources += _registry_sources(readers)
    if readers.platform == "darwin":
        sources += _managed_preference_sources(readers)
    files, required = policy_file_candidates(readers)
    for path in files:
        source = file_source(path, required)
        if source is not None:
            sources.append(source)
    return sources
