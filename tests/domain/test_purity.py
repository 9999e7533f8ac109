import ast
from pathlib import Path

import nextgen_wizard.domain as domain

FORBIDDEN = {"PySide6", "keyring", "platformdirs", "shiboken6"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level > 1:
            roots.add("<outside domain>")
    return roots


def test_domain_imports_no_qt_keyring_platformdirs_nor_the_rest_of_the_project() -> None:
    files = list(Path(domain.__file__).parent.rglob("*.py"))
    assert len(files) >= 6
    offenders = {
        f.name: sorted(_imported_roots(f) & (FORBIDDEN | {"nextgen_wizard", "<outside domain>"}))
        for f in files
    }
    assert {name: bad for name, bad in offenders.items() if bad} == {}


def test_the_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import Qt\nfrom ..storage import vault\n")
    assert {"PySide6", "<outside domain>"} <= _imported_roots(bad)
