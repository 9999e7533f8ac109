"""The lock (packaging/lock/requirements.txt): complete, hashed, in step with pyproject.toml, and
what this environment really has installed (dev.py installs from it with pip --require-hashes).

`python3 dev.py test --latest` runs the suite against the newest allowed versions instead; there
the installed-versions check is skipped (that run is how drift shows, not a failure of the lock).
"""

from __future__ import annotations

import os
import re
import tomllib
from importlib import metadata

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

from tests.helpers import ROOT

LOCK = ROOT / "packaging" / "lock" / "requirements.txt"


def _entries() -> dict[str, tuple[str, str, list[str]]]:
    """{name: (version, marker, hashes)} from the lock's `name==version ; marker \\` blocks."""
    entries: dict[str, tuple[str, str, list[str]]] = {}
    text = LOCK.read_text()
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        head = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\\n]+))?", block)
        if head:
            name = re.sub(r"[-_.]+", "-", head.group(1)).lower()
            entries[name] = (
                head.group(2),
                (head.group(3) or "").strip(),
                re.findall(r"--hash=sha256:([0-9a-f]{64})", block),
            )
    return entries


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines += extra
    return [Requirement(line) for line in lines]


def test_every_pin_has_hashes() -> None:
    entries = _entries()
    assert len(entries) > 40
    assert [name for name, (_v, _m, hashes) in entries.items() if not hashes] == []


def test_every_declared_dependency_is_locked_inside_its_range() -> None:
    """Editing a range in pyproject.toml without `python3 dev.py lock` fails here."""
    entries = _entries()
    for requirement in _declared():
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in entries, f"{requirement} is declared but not locked: run python3 dev.py lock"
        assert requirement.specifier.contains(entries[name][0], prereleases=True), (
            f"{requirement} is declared, the lock pins {entries[name][0]}: run python3 dev.py lock"
        )


def test_the_lock_covers_windows_and_macos_too() -> None:
    """One lock for every platform: the platform-only dependencies are there with their markers."""
    entries = _entries()
    assert "sys_platform == 'win32'" in entries["pywin32-ctypes"][1]  # keyring's Windows backend
    assert "sys_platform == 'win32'" in entries["pefile"][1]  # PyInstaller on Windows
    assert "sys_platform == 'darwin'" in entries["macholib"][1]  # PyInstaller on macOS
    assert "sys_platform == 'linux'" in entries["secretstorage"][1]


@pytest.mark.skipif(
    os.environ.get("NEXTGEN_LATEST") == "1", reason="dev.py test --latest: newest, not locked"
)
def test_this_environment_has_exactly_the_locked_versions() -> None:
    environment = default_environment()
    wrong = []
    for name, (version, marker, _hashes) in _entries().items():
        if marker and not Requirement(f"x ; {marker}").marker.evaluate(environment):  # type: ignore[union-attr]
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name} not installed")
            continue
        if installed != version:
            wrong.append(f"{name} {installed} installed, {version} locked")
    assert wrong == []
