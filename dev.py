"""Run or test NextGen Ready from a fresh clone: `python3 dev.py run` / `python3 dev.py test`.

`test` runs ruff, then mypy, then pytest.

Also `python3 dev.py build` (installer bundle + .deb, self-tested) and `python3 dev.py bench`.

Creates .venv beside this file on first use and (re)installs the project whenever
pyproject.toml changes, so both commands work with nothing set up beforehand.
Works on Linux, macOS and Windows (use `py dev.py ...` there).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".nextgen-installed"


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def pip_install(python: Path, *requirements: str) -> None:
    command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements]
    subprocess.run(command, check=True, timeout=1800)


def ensure_environment() -> Path:
    python = venv_python()
    if not python.exists():
        print("Creating a virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("Installing NextGen Ready and its test tools into .venv ...", flush=True)
        pip_install(python, "-e", f"{ROOT}[test]")
        STAMP.write_text(wanted)
    return python


def run_tests(python: Path, extra: list[str]) -> int:
    ruff = subprocess.run([str(python), "-m", "ruff", "check", "."], cwd=ROOT, timeout=600)
    if ruff.returncode != 0:
        print("ruff found problems (above).", file=sys.stderr)
        return ruff.returncode
    mypy = subprocess.run([str(python), "-m", "mypy"], cwd=ROOT, timeout=900)
    if mypy.returncode != 0:
        print("mypy found problems (above).", file=sys.stderr)
        return mypy.returncode
    pytest = [str(python), "-m", "pytest", *extra]
    if os.name != "nt" and shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"):
        # A real, unlocked Secret Service for the keyring integration tests, in a private
        # D-Bus session with its own throw-away keyring folder: the developer's keyring is untouched.
        script = (
            'keyrings="$(mktemp -d)"; echo -n nextgen-test | XDG_DATA_HOME="$keyrings" '
            'gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"; '
            'status=$?; rm -rf "$keyrings"; exit $status'
        )
        pytest = ["dbus-run-session", "--", "sh", "-c", script, "sh", *pytest]
    return subprocess.run(pytest, cwd=ROOT, timeout=1800).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "build", "bench"}:
        print(__doc__)
        return 2
    try:
        python = ensure_environment()
    except subprocess.CalledProcessError as error:
        print(f"Setting up .venv failed (exit {error.returncode}); see the messages above.")
        return 1
    if argv[0] == "test":
        return run_tests(python, argv[1:])
    if argv[0] in {"build", "bench"}:
        pip_install(python, "pyinstaller>=6.10")
        script = ROOT / ("packaging/build.py" if argv[0] == "build" else "benchmarks/run.py")
        return subprocess.run([str(python), str(script), *argv[1:]], cwd=ROOT, timeout=3600).returncode
    app = [str(python), "-m", "nextgen_wizard", *argv[1:]]
    return subprocess.run(app, cwd=ROOT).returncode  # no timeout: the app the user is working in


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
