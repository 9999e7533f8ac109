"""The built installers: the frozen bundle and the .deb (built by `python3 dev.py build`)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

BUILD = ROOT / "build"
BUNDLE = BUILD / "dist" / "nextgen-ready"


def _deb() -> Path:
    debs = sorted(BUILD.glob("nextgen-ready_*.deb"))
    if not debs:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must build the .deb first (python3 dev.py build in .ci/run)")
        pytest.skip("no .deb built; run python3 dev.py build")
    return debs[-1]


def _offscreen() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NEXTGEN_WIZARD_POLICY", None)
    return env


def test_package_contents() -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(_deb())], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/nextgen-ready/nextgen-wizard",
        "./usr/bin/nextgen-wizard",
        "./usr/share/applications/nextgen-ready.desktop",
        "./usr/share/icons/hicolor/256x256/apps/nextgen-ready.png",
        "./opt/nextgen-ready/_internal/resources/courts.json",
    ):
        assert path in listing, path
    assert "keyrings/alt" not in listing and "/pytest/" not in listing
    info = subprocess.run(
        ["dpkg-deb", "-f", str(_deb()), "Package", "Depends"], capture_output=True, text=True, check=True
    ).stdout
    assert "Package: nextgen-ready" in info and "libxcb-cursor0" in info


def test_unpacked_package_launcher_runs_the_self_test(tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(_deb()), str(tmp_path)], check=True)
    result = subprocess.run(
        [str(tmp_path / "usr" / "bin" / "nextgen-wizard"), "--self-test"],
        capture_output=True,
        text=True,
        env=_offscreen(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "self-test: 7 passed, 0 failed"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_menu_entry_is_valid(tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(_deb()), str(tmp_path)], check=True)
    desktop = tmp_path / "usr" / "share" / "applications" / "nextgen-ready.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout
    assert "Exec=nextgen-wizard" in desktop.read_text()


def test_install_and_clean_removal_in_a_private_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "var" / "lib" / "dpkg" / "info").mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "updates").mkdir()
    (root / "var" / "lib" / "dpkg" / "status").write_text("")
    dpkg = ["dpkg", f"--root={root}", "--force-depends", "--force-not-root", "--log=/dev/null"]
    subprocess.run([*dpkg, "-i", str(_deb())], check=True, capture_output=True)
    assert (root / "opt" / "nextgen-ready" / "nextgen-wizard").exists()
    subprocess.run([*dpkg, "--purge", "nextgen-ready"], check=True, capture_output=True)
    left = [p for p in root.rglob("*") if p.is_file() and "var/lib/dpkg" not in str(p)]
    assert left == []
    assert not (root / "opt" / "nextgen-ready").exists()


def test_frozen_bundle_drops_gtk() -> None:
    _deb()
    assert not list((BUNDLE / "_internal").glob("libgtk-3*")), "the GTK theme and its libraries are pruned"


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
