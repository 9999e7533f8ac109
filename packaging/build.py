"""Build the installable app: PyInstaller onedir bundle, then (Linux) a .deb; self-tests both.

Beside the bundle (build/dist/) it writes the release files (packaging/release_files.py): the
SBOM (nextgen-ready.cdx.json), THIRD-PARTY-NOTICES.txt (also inside the bundle, so every
installer carries it), RELEASE-NOTES.md (this version's CHANGELOG.md section), policy-templates.zip
and SHA256SUMS of the bundle's files and those; beside the .deb (build/), copies of the four and
SHA256SUMS of them and the .deb.

    python packaging/build.py            # bundle + frozen --self-test (+ .deb on Linux)
    python packaging/build.py --floor    # also the benchmark floor: a bare QWizard, pruned the same way

Outputs go to build/dist/ (bundle) and build/ (the .deb). Any failed step exits non-zero.
Run it with the project's environment (python3 dev.py build does). To re-package an existing
bundle without rebuilding it: python packaging/deb.py; to check the .deb as CI does:
python3 packaging/check_deb.py (lintian, RUNPATH/RPATH); the Windows MSI's authoring is checked
on Linux by python3 packaging/windows/msi.py (msitools).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"
SPEC = ROOT / "packaging" / "pyinstaller" / "nextgen-ready.spec"
BUNDLE = DIST / "nextgen-ready"
FLOOR_BUNDLE = DIST / "floor-wizard"
FLOOR_ENTRY = ROOT / "benchmarks" / "floor_wizard.py"


def run(command: list[str], **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run(command, check=True, **kwargs, timeout=1800)  # type: ignore[arg-type]


def pyinstaller(name: str, entry: Path | None = None) -> None:
    env = {**os.environ, "NEXTGEN_BUNDLE_NAME": name}
    if entry is not None:
        env["NEXTGEN_BUNDLE_ENTRY"] = str(entry)
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "work" / name),
            str(SPEC),
        ],
        env=env,
    )


def self_test(executable: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NEXTGEN_WIZARD_POLICY", None)
    run([str(executable), "--self-test"], env=env)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", action="store_true", help="also build the benchmark's floor bundle")
    parser.add_argument("--no-deb", action="store_true", help="skip the Linux .deb")
    args = parser.parse_args(argv)
    try:
        shutil.rmtree(BUNDLE, ignore_errors=True)
        pyinstaller("nextgen-ready")
        self_test(BUNDLE / ("nextgen-wizard-cli.exe" if os.name == "nt" else "nextgen-wizard"))
        from release_files import write_bundle_files  # packaging/release_files.py

        *release_files, _sums = write_bundle_files(BUNDLE)
        if args.floor:
            shutil.rmtree(FLOOR_BUNDLE, ignore_errors=True)
            pyinstaller("floor-wizard", FLOOR_ENTRY)
        if sys.platform.startswith("linux") and not args.no_deb:
            from deb import build_deb  # packaging/deb.py
            from release_files import write_checksums

            deb = build_deb(BUNDLE, BUILD)
            print(f"built {deb}")
            beside = [shutil.copy2(path, BUILD / path.name) for path in release_files]
            print(f"wrote {write_checksums([deb, *map(Path, beside)])}")
    except subprocess.CalledProcessError as error:
        print(f"build failed: {' '.join(map(str, error.cmd))} exited {error.returncode}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main(sys.argv[1:]))
