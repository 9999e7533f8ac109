"""The house's walls as import-linter contracts (pyproject.toml [tool.importlinter]): the real tree
keeps them, and a wall broken on purpose in a copy of the package is seen."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "nextgen_wizard"
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
CONTRACTS = (
    "domain imports nothing of ours",
    "domain has no Qt, no keyring and no folders",
    "storage never imports ui, cli or session",
    "ui never imports storage (it asks the session)",
    "session never imports Qt",
)


def _lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on the package found first in `where`, with this project's contracts."""
    env = {**os.environ, "PYTHONPATH": str(where)}
    command = [sys.executable, "-c", LINT_IMPORTS, "--no-logo", "--no-cache", str(ROOT / "pyproject.toml")]
    return subprocess.run(command, cwd=where, env=env, capture_output=True, text=True, timeout=300)


def _copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "nextgen_wizard", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "nextgen_wizard"


def test_the_real_tree_keeps_every_contract() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for contract in CONTRACTS:
        assert f"{contract} KEPT" in result.stdout


def test_a_ui_module_importing_storage_breaks_the_ui_contract(tmp_path: Path) -> None:
    package = _copy_of_the_package(tmp_path)
    (package / "ui" / "planted.py").write_text("from ..storage.files import write_file\n\n__all__ = ['write_file']\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "ui never imports storage (it asks the session) BROKEN" in result.stdout
    assert "nextgen_wizard.ui.planted -> nextgen_wizard.storage.files" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("domain/planted.py", "from ..session import Session\n", "domain imports nothing of ours"),
        ("domain/planted.py", "import keyring\n", "domain has no Qt, no keyring and no folders"),
        ("storage/planted.py", "from ..session import Session\n", "storage never imports ui, cli or session"),
        ("session/planted.py", "from PySide6.QtCore import Qt\n", "session never imports Qt"),
    ],
)
def test_each_other_wall_is_seen_too(tmp_path: Path, module: str, line: str, contract: str) -> None:
    package = _copy_of_the_package(tmp_path)
    (package / module).write_text(line)
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout


def test_the_ui_never_changes_answers_behind_the_sessions_back() -> None:
    mutation = re.compile(r"answers(\.\w+)*\s*(=(?!=)|\+=)|answers(\.\w+|\[[^]]+\])*\.(append|remove|pop|setdefault|clear)\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if mutation.search(line) and "session.answers ==" not in line
    ]
    assert found == []
