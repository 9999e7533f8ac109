"""The Linux .deb: the onedir bundle under /usr/lib/nextgen-ready, a launcher, a menu entry and icon.

Built from the PyInstaller bundle without touching it: the bundle is copied into a staging tree
where every ELF file loses the build machine's RUNPATH/RPATH entries (patchelf), shared libraries
lose their executable bit, and the Debian documentation (copyright, changelog.Debian.gz, the
example firm policy, a manual page) and lintian overrides (packaging/linux/) are added.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX = Path(__file__).resolve().parent / "linux"
PACKAGE = "nextgen-ready"
# The app lives where Debian puts a package's private, architecture-dependent files (lintian
# refuses /opt for packages). Changing the revision needs a new entry in packaging/linux/changelog.
INSTALL_DIR = Path("usr") / "lib" / PACKAGE
DEBIAN_REVISION = "1"
DEPLOY = ROOT / "packaging" / "deploy"
EXAMPLE_POLICY = DEPLOY / "policy.example.toml"
# Firm IT copies these to their Group Policy central store or MDM (docs/deployment.md).
POLICY_TEMPLATES_DIR = Path("usr") / "share" / PACKAGE / "policy-templates"

# What Qt's xcb platform needs from the system beyond what the bundle carries (Qt 6.5+ needs
# libxcb-cursor0); the rest (Python, Qt, ICU) is inside the bundle. libc6's minimum version is
# measured from the bundle (see glibc_floor), since the copied libraries follow the build machine.
DEPENDS = [
    "libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libegl1", "libgl1", "libxcb-icccm4", "libxcb-keysyms1",
]  # fmt: skip

LAUNCHER = """#!/bin/sh
# NextGen Ready launcher: runs the bundle installed under /usr/lib/nextgen-ready (found relative
# to this script, so an unpacked package works too).
here="$(dirname "$(readlink -f "$0")")"
exec "$here/../lib/nextgen-ready/nextgen-wizard" "$@"
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

ELF_MAGIC = b"\x7fELF"


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from nextgen_wizard import __version__

    return __version__


def package_version() -> str:
    """The .deb's version: the app's version plus the Debian revision (a non-native package)."""
    return f"{_version()}-{DEBIAN_REVISION}"


def changelog_version() -> str:
    """The version of the newest entry of packaging/linux/changelog."""
    first = (LINUX / "changelog").read_text().splitlines()[0]
    return first.split("(", 1)[1].split(")", 1)[0]


def _architecture() -> str:
    try:
        return subprocess.run(
            ["dpkg", "--print-architecture"],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "amd64"


def _size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == ELF_MAGIC


def _is_shared_library(path: Path) -> bool:
    return path.name.endswith(".so") or ".so." in path.name


def _search_path(elf: Path) -> list[str]:
    result = subprocess.run(
        ["patchelf", "--print-rpath", str(elf)], capture_output=True, text=True, timeout=600
    )
    if result.returncode != 0:  # not a dynamic object (patchelf says why): nothing to strip
        return []
    return [entry for entry in result.stdout.strip().split(":") if entry]


def strip_build_paths(tree: Path) -> int:
    """Remove every RUNPATH/RPATH entry that is not relative to the file ($ORIGIN) from every ELF
    file under tree: PyInstaller copies the build interpreter's (for example a pyenv prefix) into
    libpython and the extension modules. Entries under $ORIGIN (PySide6's) stay. Returns how many
    files were changed."""
    if shutil.which("patchelf") is None:
        raise SystemExit("patchelf is needed to build the .deb (Debian: apt-get install patchelf)")
    changed = 0
    for path in sorted(tree.rglob("*")):
        if not is_elf(path):
            continue
        entries = _search_path(path)
        kept = [entry for entry in entries if entry.startswith(("$ORIGIN", "${ORIGIN}"))]
        if kept == entries:
            continue
        if kept:
            subprocess.run(["patchelf", "--set-rpath", ":".join(kept), str(path)], check=True, timeout=600)
        else:
            subprocess.run(["patchelf", "--remove-rpath", str(path)], check=True, timeout=600)
        changed += 1
    return changed


def glibc_floor(tree: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file under tree needs (what dpkg-shlibdeps would
    find): the bundle carries libraries from the build machine, so this follows its glibc."""
    if shutil.which("objdump") is None:
        raise SystemExit("objdump is needed to build the .deb (Debian: apt-get install binutils)")
    versions = {(2, 17)}
    for path in sorted(tree.rglob("*")):
        if not is_elf(path):
            continue
        symbols = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, timeout=600
        ).stdout
        for match in re.finditer(r"\bGLIBC_(\d+)\.(\d+)\b", symbols):
            versions.add((int(match.group(1)), int(match.group(2))))
    major, minor = max(versions)
    return f"{major}.{minor}"


def _gzip(source: bytes, target: Path) -> None:
    """gzip -9n: no name and no time stamp inside, so the same input gives the same bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(source, compresslevel=9, mtime=0))


def _normalise_modes(root: Path) -> None:
    """Folders 0755; the executables 0755; everything else, shared libraries included, 0644."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = is_elf(path) and not _is_shared_library(path)
        launcher = path.relative_to(root).parts[:2] == ("usr", "bin")
        os.chmod(path, 0o755 if path.is_dir() or executable or launcher else 0o644)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(root).parts:
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # dpkg's md5sums format
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under root (without DEBIAN/)."""
    version = package_version()
    if changelog_version() != version:
        raise SystemExit(
            f"packaging/linux/changelog starts at {changelog_version()}, the package is {version}: "
            "add an entry for this version at the top of the changelog"
        )
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    changed = strip_build_paths(root / INSTALL_DIR)
    print(f"removed the build machine's RUNPATH/RPATH from {changed} ELF files", flush=True)
    launcher = root / "usr" / "bin" / "nextgen-wizard"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER)
    desktop = root / "usr" / "share" / "applications" / f"{PACKAGE}.desktop"
    desktop.parent.mkdir(parents=True)
    desktop.write_text(DESKTOP)
    icon = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{PACKAGE}.png"
    icon.parent.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / f"{PACKAGE}.png", icon)
    doc = root / "usr" / "share" / "doc" / PACKAGE
    (doc / "examples").mkdir(parents=True)
    shutil.copy(LINUX / "copyright", doc / "copyright")
    _gzip((LINUX / "changelog").read_bytes(), doc / "changelog.Debian.gz")
    _gzip((ROOT / "CHANGELOG.md").read_bytes(), doc / "changelog.gz")  # the upstream release notes
    notices = bundle / "THIRD-PARTY-NOTICES.txt"  # packaging/release_files.py writes it into the bundle
    if not notices.is_file():
        raise SystemExit(f"{notices} is missing: build the bundle with packaging/build.py")
    _gzip(notices.read_bytes(), doc / "THIRD-PARTY-NOTICES.gz")
    (root / INSTALL_DIR / notices.name).unlink()  # one copy, where Debian keeps documentation
    from release_files import POLICY_TEMPLATES  # packaging/release_files.py: one list for zip and .deb

    for name, source in POLICY_TEMPLATES.items():
        target = root / POLICY_TEMPLATES_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    shutil.copy(EXAMPLE_POLICY, doc / "examples" / EXAMPLE_POLICY.name)
    manual = root / "usr" / "share" / "man" / "man1" / "nextgen-wizard.1.gz"
    _gzip((LINUX / "nextgen-wizard.1").read_bytes(), manual)
    overrides = root / "usr" / "share" / "lintian" / "overrides" / PACKAGE
    overrides.parent.mkdir(parents=True)
    shutil.copy(LINUX / "lintian-overrides", overrides)
    _normalise_modes(root)
    subprocess.run(["desktop-file-validate", str(desktop)], check=True, timeout=600)


def build_deb(bundle: Path, out_dir: Path) -> Path:
    version = package_version()
    root = out_dir / "deb-root"
    stage(bundle, root)
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {_architecture()}\n"
        "Maintainer: NextGen Ready <support@nextgen-ready.invalid>\n"
        f"Installed-Size: {_size_kib(root)}\n"
        f"Depends: {', '.join([f'libc6 (>= {glibc_floor(root / INSTALL_DIR)})', *DEPENDS])}\n"
        "Recommends: libcups2\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Description: wizard for the federal courts' NextGen CM/ECF account changes\n"
        " Walks lawyers and their staff through the individual PACER account, upgrade,\n"
        " MFA, CM/ECF logins and linking per court, and prints a checklist.\n"
    )
    (root / "DEBIAN" / "md5sums").write_text(_md5sums(root))
    for path in (root / "DEBIAN").iterdir():
        os.chmod(path, 0o644)
    os.chmod(root / "DEBIAN", 0o755)
    for old in out_dir.glob(f"{PACKAGE}_*.deb"):
        old.unlink()
    deb = out_dir / f"{PACKAGE}_{version}_{_architecture()}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True, timeout=600
    )
    return deb


if __name__ == "__main__":
    # Re-package an existing bundle without rebuilding it: python packaging/deb.py
    bundle = ROOT / "build" / "dist" / PACKAGE
    if not bundle.is_dir():
        raise SystemExit(f"no bundle at {bundle.relative_to(ROOT)}: run python3 dev.py build first")
    print(f"built {build_deb(bundle, ROOT / 'build')}")
