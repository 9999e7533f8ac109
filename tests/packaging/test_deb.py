"""The built installers: the frozen bundle and the .deb (built by `python3 dev.py build`).

Locally a test skips when nothing was built or a tool is missing; with CI set (as .ci/run and
hosted CI do) it fails instead, so a CI run that built nothing cannot pass.
"""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.packaging.tools import need_tool, skip_or_fail

BUILD = ROOT / "build"
BUNDLE = BUILD / "dist" / "nextgen-ready"
APP = "usr/lib/nextgen-ready"
DOC = "usr/share/doc/nextgen-ready"

# The .deb is built and checked on Linux; the release workflow's Windows and macOS jobs (CI=true
# there too) run the same test suite before they build their own installers.
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is built on Linux")


def _package_version() -> str:
    import deb  # packaging/deb.py (tests/packaging/conftest.py puts packaging/ on the path)

    return deb.package_version()


def _deb() -> Path:
    """The .deb of the current version: an older one left in build/ does not count."""
    debs = sorted(BUILD.glob(f"nextgen-ready_{_package_version()}_*.deb"))
    if not debs:
        skip_or_fail(f"no nextgen-ready_{_package_version()}_*.deb in build/; run python3 dev.py build")
    return debs[-1]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb's files, extracted once for the checks that read them."""
    target = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(_deb()), str(target)], check=True, timeout=300)
    return target


def _offscreen() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NEXTGEN_WIZARD_POLICY", None)
    return env


def test_package_contents() -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(_deb())],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    for path in (
        f"./{APP}/nextgen-wizard",
        "./usr/bin/nextgen-wizard",
        "./usr/share/applications/nextgen-ready.desktop",
        "./usr/share/icons/hicolor/256x256/apps/nextgen-ready.png",
        f"./{APP}/_internal/resources/courts.json",
        f"./{DOC}/copyright",
        f"./{DOC}/changelog.Debian.gz",
        f"./{DOC}/examples/policy.example.toml",
        "./usr/share/man/man1/nextgen-wizard.1.gz",
        "./usr/share/lintian/overrides/nextgen-ready",
    ):
        assert path in listing, path
    assert "keyrings/alt" not in listing and "/pytest/" not in listing
    assert " ./opt/" not in listing, "Debian packages do not install into /opt"
    info = subprocess.run(
        ["dpkg-deb", "-f", str(_deb()), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    assert "Package: nextgen-ready" in info and "libxcb-cursor0" in info
    assert f"Version: {_package_version()}" in info


def test_libc_dependency_covers_what_the_bundle_needs(unpacked: Path) -> None:
    """The bundle's libraries come from the build machine: Depends names its glibc, not an older one."""
    need_tool("objdump", "binutils")
    import deb

    depends = subprocess.run(
        ["dpkg-deb", "-f", str(_deb()), "Depends"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    assert f"libc6 (>= {deb.glibc_floor(unpacked / APP)})" in depends


def test_debian_documentation(unpacked: Path) -> None:
    doc = unpacked / DOC
    copyright_text = (doc / "copyright").read_text()
    assert copyright_text.startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    )
    assert "License: MIT" in copyright_text and "License: LGPL-3" in copyright_text
    changelog = gzip.decompress((doc / "changelog.Debian.gz").read_bytes()).decode()
    assert changelog.startswith(f"nextgen-ready ({_package_version()}) ")
    example = ROOT / "packaging" / "deploy" / "policy.example.toml"
    assert (doc / "examples" / "policy.example.toml").read_bytes() == example.read_bytes()
    manual = gzip.decompress((unpacked / "usr/share/man/man1/nextgen-wizard.1.gz").read_bytes()).decode()
    assert manual.startswith(".TH NEXTGEN-WIZARD 1")


def test_no_elf_file_carries_the_build_machines_paths(unpacked: Path) -> None:
    """PyInstaller copies the build interpreter's RUNPATH (e.g. a pyenv prefix) into libpython and
    the extension modules; the package keeps only search paths relative to the file ($ORIGIN)."""
    need_tool("readelf", "binutils")
    import check_deb  # packaging/check_deb.py

    elves, found = check_deb.foreign_search_paths(unpacked)
    assert elves > 50, f"only {elves} ELF files found: is this the whole bundle?"
    assert found == [], "\n".join(found[:20])


def test_build_paths_are_stripped_and_origin_kept(tmp_path: Path) -> None:
    """The staging step and the CI check agree on a file with both kinds of entry."""
    need_tool("patchelf", "patchelf")
    need_tool("readelf", "binutils")
    import check_deb
    import deb

    elf = tmp_path / "lib" / "sample.so"
    elf.parent.mkdir()
    elf.write_bytes(Path(sys.executable).resolve().read_bytes())
    subprocess.run(
        ["patchelf", "--set-rpath", "/build/machine/lib:$ORIGIN/../lib", str(elf)], check=True, timeout=300
    )
    assert check_deb.foreign_search_paths(tmp_path) == (1, ["lib/sample.so: /build/machine/lib"])
    assert deb.strip_build_paths(tmp_path) == 1
    assert check_deb.foreign_search_paths(tmp_path) == (1, [])
    kept = subprocess.run(
        ["patchelf", "--print-rpath", str(elf)], capture_output=True, text=True, timeout=300
    ).stdout
    assert kept.strip() == "$ORIGIN/../lib"
    assert deb.strip_build_paths(tmp_path) == 0, "nothing left to change"


def test_shared_libraries_are_not_executable() -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(_deb())],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    executable = [
        line.split()[-1]
        for line in listing.splitlines()
        if line.startswith("-rwx") and ".so" in line.split()[-1]
    ]
    assert executable == []


def test_lintian_has_no_errors_or_warnings() -> None:
    """Every remaining tag is overridden in packaging/linux/lintian-overrides, each with its reason."""
    need_tool("lintian", "lintian")
    result = subprocess.run(
        ["lintian", "--fail-on", "error,warning", "--no-tag-display-limit", str(_deb())],
        capture_output=True,
        text=True,
        timeout=600,
    )
    problems = [line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:"}]
    assert result.returncode == 0 and problems == [], result.stdout + result.stderr


def test_every_lintian_override_has_a_reason() -> None:
    lines = (ROOT / "packaging" / "linux" / "lintian-overrides").read_text().splitlines()
    for number, line in enumerate(lines):
        if line.startswith("nextgen-ready:"):
            before = lines[number - 1] if number else ""
            assert before.startswith("#") or before.startswith("nextgen-ready:"), (
                f"line {number + 1}: no reason"
            )
    # a run of overrides shares the comment above its first line
    assert sum(line.startswith("nextgen-ready:") for line in lines) >= 1


def test_changelog_matches_the_package_version() -> None:
    """A version bump without a changelog entry stops the .deb build; this says so without building."""
    import deb

    assert deb.changelog_version() == deb.package_version()


def test_unpacked_package_launcher_runs_the_self_test(tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(_deb()), str(tmp_path)], check=True, timeout=300)
    result = subprocess.run(
        [str(tmp_path / "usr" / "bin" / "nextgen-wizard"), "--self-test"],
        capture_output=True,
        text=True,
        env=_offscreen(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checks = result.stdout.splitlines()[:-1]
    assert len(checks) >= 7 and all(line.startswith("ok ") for line in checks)
    assert result.stdout.splitlines()[-1] == f"self-test: {len(checks)} passed, 0 failed"


def test_menu_entry_is_valid(unpacked: Path) -> None:
    need_tool("desktop-file-validate", "desktop-file-utils")
    desktop = unpacked / "usr" / "share" / "applications" / "nextgen-ready.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout
    assert "Exec=nextgen-wizard" in desktop.read_text()


def test_install_and_clean_removal_in_a_private_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "var" / "lib" / "dpkg" / "info").mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "updates").mkdir()
    (root / "var" / "lib" / "dpkg" / "status").write_text("")
    dpkg = ["dpkg", f"--root={root}", "--force-depends", "--force-not-root", "--log=/dev/null"]
    subprocess.run([*dpkg, "-i", str(_deb())], check=True, capture_output=True, timeout=300)
    assert (root / APP / "nextgen-wizard").exists()
    assert (root / DOC / "examples" / "policy.example.toml").exists()
    subprocess.run([*dpkg, "--purge", "nextgen-ready"], check=True, capture_output=True, timeout=300)
    left = [p for p in root.rglob("*") if p.is_file() and "var/lib/dpkg" not in str(p)]
    assert left == []
    assert not (root / APP).exists()


def test_frozen_bundle_drops_gtk() -> None:
    _deb()
    assert not list((BUNDLE / "_internal").glob("libgtk-3*")), "the GTK theme and its libraries are pruned"


def test_the_frozen_app_runs_no_multiprocessing_hook_at_start() -> None:
    """PyInstaller runs a bundled multiprocessing's runtime hook (importing it, ~15 ms) before the
    app's first line; nothing in the app starts processes, so the spec leaves it out."""
    _deb()
    listing = subprocess.run(
        [
            str(Path(sys.executable).with_name("pyi-archive_viewer")),
            "--recursive",
            "--brief",
            str(BUNDLE / "nextgen-wizard"),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    names = set(listing.split())
    assert "pyi_rth_pyside6" in names and "nextgen_wizard.cli" in names  # the listing is the app's
    assert not {name for name in names if "multiprocessing" in name}


def test_frozen_app_finds_the_secret_service(secret_service, tmp_path: Path) -> None:
    """The bundled keyring discovers its backends: inside a keyring session, doctor accepts it."""
    _deb()
    env = {**_offscreen(), "NEXTGEN_WIZARD_HOME": str(tmp_path)}
    result = subprocess.run(
        [str(BUNDLE / "nextgen-wizard"), "doctor", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert report["keyring"]["backend"] == "Secret Service (GNOME Keyring)"
    assert report["keyring"]["accepted"] is True and result.returncode == 0


def test_the_package_speaks_spanish_and_ships_only_what_that_needs(unpacked: Path) -> None:
    """The compiled catalogs and Qt's own Spanish are in the package, under 1 MB together, and the
    installed app really answers in Spanish."""
    app = unpacked / "usr" / "lib" / "nextgen-ready"
    catalogs = sorted(app.rglob("resources/locale/es/LC_MESSAGES/*.mo"))
    qt_spanish = sorted(app.rglob("translations/qtbase_es.qm"))
    assert [p.name for p in catalogs] == ["cli.mo", "domain.mo", "ui.mo"] and qt_spanish
    assert sum(p.stat().st_size for p in [*catalogs, *qt_spanish]) < 1_000_000
    assert not list(app.rglob("translations/qtbase_de.qm"))  # Qt's other languages are left out
    result = subprocess.run(
        [str(unpacked / "usr" / "bin" / "nextgen-wizard"), "--lang", "es", "checklist", "--answers",
         str(ROOT / "examples" / "multi-court.json")],
        capture_output=True, text=True, env=_offscreen(), timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Lista de verificación" in result.stdout
