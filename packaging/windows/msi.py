"""Check the MSI authoring on Linux: build nextgen-ready.wxs with msitools' wixl and a stand-in payload.

    python3 packaging/windows/msi.py [OUT_DIR]      # default build/msi-standin

The real MSI is built on Windows by build.ps1 (WiX Toolset v3: heat, candle, light) from the same
nextgen-ready.wxs. Here a few small files stand in for the PyInstaller bundle, wixl-heat harvests
them into the same ComponentGroup (AppFiles under INSTALLDIR) that heat makes on Windows, and
wixl compiles both: a .wxs that wixl rejects fails CI before a Windows runner sees it. The result
is read back with msiinfo (tables, properties, upgrade rows) and printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
POLICY_DIR = ROOT / "packaging" / "deploy"
WXS = HERE / "nextgen-ready.wxs"
ICON = ROOT / "resources" / "icons" / "nextgen-ready.ico"
# Stand-ins for the bundle: the two executables the shortcut and IT's commands use, and a data
# file in a sub-folder (as PyInstaller's _internal), so the harvested tree has depth.
STAND_IN = {
    "nextgen-wizard.exe": b"stand-in for the windowed app\n",
    "nextgen-wizard-cli.exe": b"stand-in for the console app\n",
    "_internal/resources/courts.json": b'{"courts": []}\n',
}
TOOLS = ("wixl", "wixl-heat", "msiinfo")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    from nextgen_wizard import __version__

    return __version__


def next_version(version: str) -> str:
    """x.y.z -> x.y.(z+1): the upgrade rows end just below it, so this version is replaced too."""
    *head, last = version.split(".")
    return ".".join([*head, str(int(last) + 1)])


def write_stand_in(payload: Path) -> None:
    for name, content in STAND_IN.items():
        target = payload / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def harvest(payload: Path, work: Path) -> Path:
    """wixl-heat: a fragment with ComponentGroup AppFiles under INSTALLDIR (what heat makes on Windows)."""
    files = sorted(p.relative_to(work).as_posix() for p in payload.rglob("*") if p.is_file())
    prefix = payload.relative_to(work).as_posix() + "/"
    fragment = subprocess.run(
        ["wixl-heat", "-p", prefix, "--directory-ref", "INSTALLDIR", "--component-group", "AppFiles",
         "--var", "var.SourceDir", "--win64"],
        input="\n".join(files) + "\n", capture_output=True, text=True, check=True, cwd=work,
        timeout=300,
    )  # fmt: skip
    out = work / "files.wxs"
    out.write_text(fragment.stdout)
    return out


def build(out_dir: Path, version: str | None = None) -> Path:
    """Build the stand-in MSI in out_dir and return its path. Raises CalledProcessError on failure."""
    missing = missing_tools()
    if missing:
        raise FileNotFoundError(
            f"msitools not installed (missing {', '.join(missing)}; Debian: apt-get install wixl msitools)"
        )
    version = version or app_version()
    shutil.rmtree(out_dir, ignore_errors=True)
    payload = out_dir / "payload"
    write_stand_in(payload)
    shutil.copy(ICON, out_dir / ICON.name)
    shutil.copytree(POLICY_DIR / "windows", out_dir / "policy" / "windows")
    fragment = harvest(payload, out_dir)
    msi = out_dir / f"NextGenReady-{version}-x64-standin.msi"
    # wixl resolves sources relative to the working folder (absolute ones trip it), so run it there.
    command = [
        "wixl", "--arch", "x64", "-D", f"Version={version}", "-D", f"NextVersion={next_version(version)}",
        "-D", "SourceDir=payload", "-D", "Win64=yes",
        "-D", f"IconFile={ICON.name}", "-D", "PolicyDir=policy", "-o", msi.name, str(WXS), fragment.name,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, cwd=out_dir, timeout=300)
    if result.returncode != 0 or not msi.exists():
        raise subprocess.CalledProcessError(result.returncode or 1, command, result.stdout, result.stderr)
    return msi


def tables(msi: Path) -> set[str]:
    out = subprocess.run(
        ["msiinfo", "tables", str(msi)], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    return set(out.split())


def export(msi: Path, table: str) -> list[list[str]]:
    """The rows of one table (msiinfo export prints the column names, types and key first)."""
    command = ["msiinfo", "export", str(msi), table]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=300).stdout
    return [line.split("\t") for line in out.splitlines()[3:]]


def properties(msi: Path) -> dict[str, str]:
    return {row[0]: row[1] if len(row) > 1 else "" for row in export(msi, "Property")}


def summary(msi: Path) -> str:
    return subprocess.run(
        ["msiinfo", "suminfo", str(msi)], capture_output=True, text=True, check=True, timeout=300
    ).stdout


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else ROOT / "build" / "msi-standin"
    try:
        msi = build(out_dir.resolve())
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"wixl could not build {WXS.name}:\n{error.stdout}{error.stderr}", file=sys.stderr)
        return 1
    props = properties(msi)
    shown = msi.relative_to(ROOT) if msi.is_relative_to(ROOT) else msi
    print(f"built {shown} ({os.path.getsize(msi):,} bytes)")
    for key in ("ProductName", "ProductVersion", "Manufacturer", "UpgradeCode", "ALLUSERS"):
        print(f"  {key} = {props.get(key, '(missing)')}")
    print(f"  tables: {', '.join(sorted(tables(msi)))}")
    print(f"  upgrade rows: {len(export(msi, 'Upgrade'))}, files: {len(export(msi, 'File'))}")
    for line in summary(msi).splitlines():
        if line.startswith("Template:"):
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
