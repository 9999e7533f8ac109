"""Start-up: resume or start over, the self-test, screenshots."""

import json
from datetime import date
from pathlib import Path

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.vault import MemoryVault
from nextgen_wizard.ui.app import open_wizard
from nextgen_wizard.ui.context import Session
from nextgen_wizard.ui.wizard import PageId
from tests.cli.test_cli import run
from tests.helpers import CATALOG, EXAMPLES


def _context(tmp_path: Path) -> Session:
    raw = json.loads((EXAMPLES / "multi-court.json").read_text())
    return Session(
        answers=answers_from_dict(raw),
        catalog=CATALOG,
        as_of=date(2026, 11, 23),
        vault=MemoryVault(),
        store=AnswerStore(tmp_path / "answers.json"),
        progress_file=tmp_path / "progress.txt",
    )


def test_continue_where_you_stopped(qtbot, tmp_path: Path) -> None:
    (tmp_path / "progress.txt").write_text("CMECF")
    wizard = open_wizard(_context(tmp_path), had_answers=True, ask_resume=lambda parent: True)
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PageId.CMECF
    assert wizard.page(PageId.CMECF).boxes["mab"].browser.isChecked()


def test_start_over_begins_with_empty_answers(qtbot, tmp_path: Path) -> None:
    (tmp_path / "progress.txt").write_text("CMECF")
    wizard = open_wizard(_context(tmp_path), had_answers=True, ask_resume=lambda parent: False)
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PageId.WELCOME
    assert wizard.session.answers.courts == []


def test_first_launch_asks_nothing(qtbot, tmp_path: Path) -> None:
    def never(parent):
        raise AssertionError("asked to resume on a first launch")

    wizard = open_wizard(_context(tmp_path), had_answers=False, ask_resume=never)
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PageId.WELCOME


def test_self_test_passes_offscreen() -> None:
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "self-test: 7 passed, 0 failed"
    assert all(line.startswith("ok ") for line in lines[:-1])


def test_screenshots_of_every_page(tmp_path: Path) -> None:
    result = run("screenshots", str(tmp_path), "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(pngs) == len(PageId) + 1  # every page, and the printed checklist's first page
    assert "checklist-page1.png" in pngs
    assert all((tmp_path / name).stat().st_size > 10_000 for name in pngs)
