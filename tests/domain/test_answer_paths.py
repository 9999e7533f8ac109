"""The typed answer paths (for mypy only, so read from the source) match the Answers records."""

import ast
from pathlib import Path

import nextgen_wizard.domain.answer_paths as answer_paths
from nextgen_wizard.domain.answers import Answers, CourtLogin
from nextgen_wizard.domain.record import Record, fields

NOT_SET_BY_PATH = {"schema_version", "keyring_entries", "done", "requested", "cmecf"}


def _literal(name: str) -> list[str]:
    tree = ast.parse(Path(answer_paths.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == [name]:
            assert isinstance(node.value, ast.Subscript) and isinstance(node.value.slice, ast.Tuple)
            return [element.value for element in node.value.slice.elts if isinstance(element, ast.Constant)]
    raise AssertionError(f"{name} is not declared")


def test_the_declared_paths_are_exactly_the_answers_a_path_can_change() -> None:
    answers = Answers()
    expected = set()
    for name in fields(Answers):
        if name in NOT_SET_BY_PATH:
            continue
        value = getattr(answers, name)
        if isinstance(value, Record):
            expected |= {f"{name}.{inner}" for inner in fields(value)}
        else:
            expected.add(name)
    declared = _literal("AnswerPath")
    assert set(declared) == expected and len(declared) == len(expected)


def test_the_declared_court_answers_are_a_court_logins_fields() -> None:
    assert set(_literal("CourtAnswer")) == set(fields(CourtLogin))
    assert answer_paths.court_answer_path("mab", "linked") == "cmecf.mab.linked"


def test_mypy_refuses_a_mistyped_path(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.helpers import ROOT

    caller = tmp_path / "caller.py"
    call = 'Session.for_answers(Answers(), as_of=date(2026, 1, 2)).set_answer("{path}", True)'
    head = "from datetime import date\n\nfrom nextgen_wizard.domain.answers import Answers\nfrom nextgen_wizard.session import Session\n\n\n"
    results = {}
    for path in ("pacer.mfa_enrolled", "pacer.mfa_enroled"):
        caller.write_text(head + f"def change() -> None:\n    {call.format(path=path)}\n")
        mypy = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), str(caller)]
        results[path] = subprocess.run(mypy, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert results["pacer.mfa_enrolled"].returncode == 0, results["pacer.mfa_enrolled"].stdout
    assert results["pacer.mfa_enroled"].returncode == 1
    assert 'incompatible type "Literal[\'pacer.mfa_enroled\']"' in results["pacer.mfa_enroled"].stdout
