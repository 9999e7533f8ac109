"""The Linux .deb: the onedir bundle under /opt/nextgen-ready, a launcher, a menu entry and icon."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "nextgen-ready"

# What Qt's xcb platform needs from the system beyond what the bundle carries (Qt 6.5+ needs
# libxcb-cursor0); the rest (Python, Qt, ICU) is inside the bundle.
DEPENDS = ", ".join([
    "libc6 (>= 2.31)", "libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libegl1", "libgl1", "libxcb-icccm4", "libxcb-keysyms1",
])  # fmt: skip

LAUNCHER = """#!/bin/sh
# NextGen Ready launcher: runs the bundle installed under /opt (found relative to this script,
# so an unpacked package works too).
here="$(dirname "$(readlink -f "$0")")"
exec "$here/../../opt/nextgen-ready/nextgen-wizard" "$@"
"""

DESKTOP = """[Desktop Entry]
Type=Application
Version=1.0
Name=NextGen Ready
GenericName=NextGen CM/ECF account wizard
Comment=Get through the federal courts' NextGen CM/ECF account changes
Exec=nextgen-wizard
Icon=nextgen-ready
Terminal=false
Categories=Office;
Keywords=PACER;CM/ECF;NextGen;court;filing;
StartupWMClass=nextgen-wizard
"""


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from nextgen_wizard import __version__

    return __version__


def _architecture() -> str:
    try:
        return subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "amd64"


def _size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024


def build_deb(bundle: Path, out_dir: Path) -> Path:
    version = _version()
    root = out_dir / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    launcher = root / "usr" / "bin" / "nextgen-wizard"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER)
    launcher.chmod(0o755)
    desktop = root / "usr" / "share" / "applications" / f"{PACKAGE}.desktop"
    desktop.parent.mkdir(parents=True)
    desktop.write_text(DESKTOP)
    icon = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{PACKAGE}.png"
    icon.parent.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / f"{PACKAGE}.png", icon)
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {_architecture()}\n"
        "Maintainer: NextGen Ready <support@nextgen-ready.invalid>\n"
        f"Installed-Size: {_size_kib(root)}\n"
        f"Depends: {DEPENDS}\n"
        "Recommends: libcups2\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Description: wizard for the federal courts' NextGen CM/ECF account changes\n"
        " Walks lawyers and their staff through the individual PACER account, upgrade,\n"
        " MFA, CM/ECF logins and linking per court, and prints a checklist.\n"
    )
    for folder in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        os.chmod(folder, 0o755)
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    deb = out_dir / f"{PACKAGE}_{version}_{_architecture()}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True)
    return deb
