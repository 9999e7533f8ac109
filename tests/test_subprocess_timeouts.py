"""Every subprocess the project starts has a time limit: a hung child must never hold CI or a user."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

CALLS = {"run", "check_output", "check_call", "call"}
EXEMPT = "# no timeout:"  # the line says why (e.g. it starts the app the user is using)


def _calls_without_timeout(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        if not (isinstance(owner, ast.Name) and owner.id == "subprocess" and node.func.attr in CALLS):
            continue
        if any(keyword.arg == "timeout" for keyword in node.keywords):
            continue
        if EXEMPT in lines[node.lineno - 1]:
            continue
        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_subprocess_call_has_a_timeout() -> None:
    sources = [ROOT / "dev.py"]
    for folder in ("nextgen_wizard", "tests", "benchmarks", "packaging"):
        sources += sorted((ROOT / folder).rglob("*.py"))
    missing = [place for path in sources for place in _calls_without_timeout(path)]
    assert missing == [], "subprocess calls without a timeout: " + ", ".join(missing)


def test_the_check_finds_a_call_without_a_timeout(tmp_path: Path) -> None:
    planted = ROOT / "tests" / "_planted_for_the_check.py"
    planted.write_text("import subprocess\nsubprocess.run(['true'])\n")
    try:
        assert _calls_without_timeout(planted) == ["tests/_planted_for_the_check.py:2"]
    finally:
        planted.unlink()
