"""Run or test NextGen Ready from a fresh clone: `python3 dev.py run` / `python3 dev.py test`.

`test` runs ruff, then mypy, then import-linter (the layer contracts), then pytest.

Also `python3 dev.py build` (installer bundle + .deb, self-tested, with SHA256SUMS, SBOM and
licence notices), `python3 dev.py bench`, `python3 dev.py lock` (refresh the lock on purpose) and
`python3 dev.py test --latest` (the tests against the newest versions pyproject.toml allows, in
a scratch .venv-latest: how drift is seen before it is locked).

Creates .venv beside this file on first use and installs exactly what packaging/lock/requirements.txt
pins, every file checked against its hash (pip --require-hashes), again whenever the lock or
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
LATEST_VENV = ROOT / ".venv-latest"
STAMP_NAME = ".nextgen-installed"
LOCK = ROOT / "packaging" / "lock" / "requirements.txt"
# Every extra (test tools, build tools, the build backend, uv for `lock`): one lock for them all.
EXTRAS = "test,build,backend,lock"
# import-linter's `lint-imports` script, run by the venv's python (the same on every OS).
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"


def venv_python(folder: Path = VENV) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return folder / scripts / ("python.exe" if os.name == "nt" else "python")


def pip(python: Path, *arguments: str) -> None:
    command = [str(python), "-m", "pip", *arguments, "--disable-pip-version-check"]
    subprocess.run(command, check=True, timeout=1800)


def _create(folder: Path) -> Path:
    python = venv_python(folder)
    if not python.exists():
        print(f"Creating a virtual environment in {folder.name} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(folder)
    return python


def ensure_environment() -> Path:
    """.venv holding exactly the lock's versions (hash-checked) and the project itself, editable."""
    python = _create(VENV)
    stamp = VENV / STAMP_NAME
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print("Installing NextGen Ready and its tools into .venv from the lock ...", flush=True)
        # --no-deps: the lock is complete (pip check below proves it), so nothing unpinned comes in.
        pip(python, "install", "--quiet", "--require-hashes", "--no-deps", "-r", str(LOCK))
        # The project itself, built by the locked hatchling (no isolated, unpinned build env).
        pip(python, "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", str(ROOT))
        pip(python, "check")
        stamp.write_text(wanted)
    return python


def latest_environment() -> Path:
    """A scratch .venv-latest with the newest versions pyproject.toml allows (not the lock)."""
    shutil.rmtree(LATEST_VENV, ignore_errors=True)
    python = _create(LATEST_VENV)
    print("Installing the newest allowed versions into .venv-latest (not the lock) ...", flush=True)
    pip(python, "install", "--quiet", "--upgrade", "pip")
    pip(python, "install", "--quiet", "--upgrade", "-e", f"{ROOT}[{EXTRAS}]")
    subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], timeout=600, check=True)
    return python


def refresh_lock(python: Path, extra: list[str]) -> int:
    """Resolve pyproject.toml's ranges again with uv, for every platform in one file (markers)."""
    command = [
        str(python), "-m", "uv", "pip", "compile", str(ROOT / "pyproject.toml"), "--all-extras",
        "--universal", "--python-version", "3.11", "--generate-hashes",
        "--custom-compile-command", "python3 dev.py lock", "-o", str(LOCK), *extra,
    ]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, timeout=1800).returncode


def run_tests(python: Path, extra: list[str]) -> int:
    ruff = subprocess.run([str(python), "-m", "ruff", "check", "."], cwd=ROOT, timeout=600)
    if ruff.returncode != 0:
        print("ruff found problems (above).", file=sys.stderr)
        return ruff.returncode
    mypy = subprocess.run([str(python), "-m", "mypy"], cwd=ROOT, timeout=900)
    if mypy.returncode != 0:
        print("mypy found problems (above).", file=sys.stderr)
        return mypy.returncode
    # The layers as contracts (pyproject.toml [tool.importlinter], docs/architecture.md).
    layers = subprocess.run([str(python), "-c", LINT_IMPORTS, "--no-logo"], cwd=ROOT, timeout=600)
    if layers.returncode != 0:
        print("import-linter found a broken layer contract (above).", file=sys.stderr)
        return layers.returncode
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
    if not argv or argv[0] not in {"run", "test", "build", "bench", "lock"}:
        print(__doc__)
        return 2
    latest = argv[0] == "test" and "--latest" in argv
    try:
        python = latest_environment() if latest else ensure_environment()
    except subprocess.CalledProcessError as error:
        print(f"Setting up the virtual environment failed (exit {error.returncode}); see the messages above.")
        return 1
    if argv[0] == "lock":
        return refresh_lock(python, argv[1:])
    if argv[0] == "test":
        if latest:
            os.environ["NEXTGEN_LATEST"] = "1"  # the lock's installed-versions test steps aside
        return run_tests(python, [arg for arg in argv[1:] if arg != "--latest"])
    if argv[0] in {"build", "bench"}:
        script = ROOT / ("packaging/build.py" if argv[0] == "build" else "benchmarks/run.py")
        return subprocess.run([str(python), str(script), *argv[1:]], cwd=ROOT, timeout=3600).returncode
    app = [str(python), "-m", "nextgen_wizard", *argv[1:]]
    return subprocess.run(app, cwd=ROOT).returncode  # no timeout: the app the user is working in


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
