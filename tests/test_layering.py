"""The house's walls: the GUI, the CLI and doctor reach policy and keyring only through the session."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "nextgen_wizard"
ONLY_THROUGH_THE_SESSION = ("storage.policy", "storage.vault")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def _offenders(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in paths
        for name in _imports(path)
        if any(name.endswith(f) or f".{f}." in f".{name}." for f in forbidden)
    ]


def test_cli_ui_and_doctor_reach_policy_and_vault_only_through_the_session() -> None:
    paths = [PACKAGE / "cli.py", PACKAGE / "doctor.py", *sorted((PACKAGE / "ui").rglob("*.py"))]
    assert _offenders(paths, ONLY_THROUGH_THE_SESSION) == []


def test_no_page_imports_storage() -> None:
    assert _offenders(sorted((PACKAGE / "ui" / "pages").rglob("*.py")), ("storage",)) == []


def test_the_session_has_no_qt() -> None:
    assert not [name for name in _imports(PACKAGE / "session.py") if "PySide6" in name]


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    planted = tmp_path / "page.py"
    planted.write_text("from ...storage.vault import MemoryVault\n")
    planted_under_root = ROOT / "tests" / "_planted_page.py"
    planted_under_root.write_text(planted.read_text())
    try:
        assert _offenders([planted_under_root], ONLY_THROUGH_THE_SESSION)
    finally:
        planted_under_root.unlink()


def test_the_ui_never_changes_answers_behind_the_sessions_back() -> None:
    import re

    mutation = re.compile(r"answers(\.\w+)*\s*(=(?!=)|\+=)|answers(\.\w+|\[[^]]+\])*\.(append|remove|pop|setdefault|clear)\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if mutation.search(line) and "session.answers ==" not in line
    ]
    assert found == []
