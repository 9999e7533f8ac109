"""What a release ships beside the installers, read with programs nobody here wrote: `sha256sum -c`
for SHA256SUMS, cyclonedx-python-lib's JSON-schema validator for the SBOM, dpkg-deb for the .deb.

The files come from `python3 dev.py build` (CI builds before the tests); locally a test skips when
nothing was built, with CI set it fails.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.packaging.test_deb import APP, BUILD, BUNDLE, DOC, _deb
from tests.packaging.tools import skip_or_fail

DIST = BUILD / "dist"
SBOM = DIST / "nextgen-ready.cdx.json"
NOTICES = DIST / "THIRD-PARTY-NOTICES.txt"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle is checked on Linux")


def _built(path: Path) -> Path:
    if not path.exists():
        skip_or_fail(f"no {path.relative_to(ROOT)}; run python3 dev.py build")
    return path


def _sbom() -> dict:
    return json.loads(_built(SBOM).read_text())


def test_the_sbom_is_valid_cyclonedx() -> None:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(_built(SBOM).read_text())
    assert error is None, error


def test_the_sbom_lists_what_is_bundled_at_the_locked_versions() -> None:
    import release_files  # packaging/release_files.py

    locked = release_files.locked_versions()
    components = {release_files.normalise(c["name"]): c for c in _sbom()["components"] if "purl" in c}
    python_packages = {
        name: c["version"] for name, c in components.items() if c["purl"].startswith("pkg:pypi/")
    }
    for name in ("pyside6-essentials", "shiboken6", "keyring", "platformdirs", "icalendar"):
        assert python_packages.get(name) == locked[name], name
    # nothing of the tests or the build is in it: only what the bundle holds
    for tool in ("pytest", "pyinstaller", "ruff", "mypy", "babel", "keyrings-alt", "cyclonedx-bom", "uv"):
        assert tool not in python_packages, tool
    subject = _sbom()["metadata"]["component"]
    from nextgen_wizard import __version__

    assert subject["name"] == "nextgen-ready" and subject["version"] == __version__


def test_the_sbom_names_every_shared_library_the_bundle_carries() -> None:
    """libpython and what PyInstaller copied from the build machine, each with its SHA-256."""
    native = {c["name"]: c for c in _sbom()["components"] if c["bom-ref"].startswith("file:")}
    internal = _built(BUNDLE) / "_internal"
    on_disk = {p.name for p in internal.iterdir() if p.is_file() and not p.is_symlink() and ".so" in p.name}
    python_extensions = {name for name in on_disk if not name.startswith("lib")}
    assert on_disk - python_extensions <= set(native), sorted(on_disk - python_extensions - set(native))
    libpython = next(c for name, c in native.items() if name.startswith("libpython"))
    assert libpython["version"].startswith(f"{sys.version_info.major}.{sys.version_info.minor}.")
    import hashlib

    ssl = native["libssl.so.3"]
    assert ssl["hashes"][0]["content"] == hashlib.sha256((internal / "libssl.so.3").read_bytes()).hexdigest()


def test_sha256sums_verify_with_sha256sum() -> None:
    for folder, expected in ((DIST, "nextgen-ready/nextgen-wizard"), (BUILD, ".deb")):
        sums = _built(folder / "SHA256SUMS")
        result = subprocess.run(["sha256sum", "--check", "--strict", sums.name], cwd=folder,
                                capture_output=True, text=True, timeout=300)  # fmt: skip
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr
        assert expected in sums.read_text()
        assert "nextgen-ready.cdx.json" in sums.read_text() and "THIRD-PARTY-NOTICES.txt" in sums.read_text()


def test_a_changed_file_fails_the_checksums(tmp_path: Path) -> None:
    copy = tmp_path / "build"
    _built(BUILD / "SHA256SUMS"), _deb()  # a bundle built alone (the benchmark's) has neither
    shutil.copytree(BUILD, copy, ignore=shutil.ignore_patterns("work", "dist", "deb-root", "msi*"))
    deb = next(copy.glob("*.deb"))
    with deb.open("ab") as handle:
        handle.write(b"\0")
    result = subprocess.run(["sha256sum", "--check", "SHA256SUMS"], cwd=copy, capture_output=True,
                            text=True, timeout=300)  # fmt: skip
    assert result.returncode != 0 and f"{deb.name}: FAILED" in result.stdout


def test_the_notices_carry_every_bundled_licence_and_how_to_replace_qt() -> None:
    text = _built(NOTICES).read_text()
    for component in _sbom()["components"]:
        if component.get("purl", "").startswith("pkg:pypi/"):
            assert f"\n{component['name']} {component['version']}\n" in text, component["name"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "replace" in text and "PySide6/Qt/lib" in text
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in text
    assert "MIT License" in text or "Permission is hereby granted" in text  # e.g. keyring's own text


def test_the_deb_ships_the_templates_licences_and_changelog() -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(_deb())], capture_output=True, text=True,
                             check=True, timeout=300).stdout  # fmt: skip
    for path in (
        "./usr/share/nextgen-ready/policy-templates/windows/nextgen-ready.admx",
        "./usr/share/nextgen-ready/policy-templates/windows/en-US/nextgen-ready.adml",
        "./usr/share/nextgen-ready/policy-templates/macos/org.nextgenready.wizard.mobileconfig",
        "./usr/share/nextgen-ready/policy-templates/policy.example.toml",
        f"./{DOC}/THIRD-PARTY-NOTICES.gz",
        f"./{DOC}/changelog.gz",
        f"./{DOC}/changelog.Debian.gz",
    ):
        assert path in listing, path
    assert f"./{APP}/THIRD-PARTY-NOTICES.txt" not in listing, "one copy, under /usr/share/doc"


def test_the_deb_changelog_is_this_versions_release_notes(tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(_deb()), str(tmp_path)], check=True, timeout=300)
    changelog = gzip.decompress((tmp_path / DOC / "changelog.gz").read_bytes()).decode()
    from nextgen_wizard import __version__

    assert f"\n## {__version__} (" in changelog
    admx = tmp_path / "usr/share/nextgen-ready/policy-templates/windows/nextgen-ready.admx"
    assert admx.read_bytes() == (ROOT / "packaging/deploy/windows/nextgen-ready.admx").read_bytes()
