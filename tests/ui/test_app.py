"""Start-up: resume or start over, the self-test, screenshots."""

import json
from pathlib import Path

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.paths import app_paths
from nextgen_wizard.ui.app import open_wizard
from nextgen_wizard.ui.wizard import PageId
from tests.cli.test_cli import run
from tests.helpers import EXAMPLES


def _saved_multi_court(progress: str | None = "CMECF") -> None:
    raw = json.loads((EXAMPLES / "multi-court.json").read_text())
    paths = app_paths()
    AnswerStore(paths.answers_file).save(answers_from_dict(raw))
    if progress:
        (paths.data / "progress.txt").write_text(progress)


def test_continue_where_you_stopped(qtbot, open_session) -> None:
    _saved_multi_court()
    wizard = open_wizard(open_session(), ask_resume=lambda parent: True)
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PageId.CMECF
    assert wizard.page(PageId.CMECF).boxes["mab"].browser.isChecked()


def test_start_over_begins_with_empty_answers(qtbot, open_session) -> None:
    _saved_multi_court()
    wizard = open_wizard(open_session(), ask_resume=lambda parent: False)
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PageId.WELCOME
    assert wizard.session.answers.courts == []


def test_first_launch_asks_nothing(qtbot, open_session) -> None:
    def never(parent):
        raise AssertionError("asked to resume on a first launch")

    wizard = open_wizard(open_session(), ask_resume=never)
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PageId.WELCOME


def test_self_test_passes_offscreen() -> None:
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    checks = lines[:-1]
    assert len(checks) >= 7 and all(line.startswith("ok ") for line in checks)
    assert lines[-1] == f"self-test: {len(checks)} passed, 0 failed"


def test_screenshots_of_every_page(tmp_path: Path) -> None:
    result = run("screenshots", str(tmp_path), "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(pngs) == len(PageId) + 1  # every page, and the printed checklist's first page
    assert "checklist-page1.png" in pngs
    assert all((tmp_path / name).stat().st_size > 10_000 for name in pngs)
