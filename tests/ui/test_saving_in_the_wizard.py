"""When answers cannot be saved where they live, nothing is lost: the user can keep them elsewhere."""

import json
from datetime import date
from pathlib import Path

from nextgen_wizard.domain.answers import Answers
from nextgen_wizard.session import Session
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.paths import app_paths
from nextgen_wizard.storage.vault import MemoryVault
from nextgen_wizard.ui.wizard import NextGenWizard, PageId
from tests.helpers import CATALOG


def _wizard(qtbot, session: Session) -> NextGenWizard:
    wizard = NextGenWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_answers_from_a_newer_version_are_untouched_and_can_be_saved_elsewhere(
    qtbot, tmp_path: Path, open_session
) -> None:
    saved = app_paths().answers_file
    saved.parent.mkdir(parents=True)
    saved.write_text('{"schema_version": 9}')
    wizard = _wizard(qtbot, open_session())
    wizard.session.set_answers({"role": "attorney", "courts": ["mab"]})
    welcome = wizard.currentPage()
    assert "newer version of NextGen Ready" in welcome.notices.label.text()
    assert welcome.save_as_button.isVisible()
    target = tmp_path / "elsewhere.json"
    assert welcome.save_answers_as(target) == target
    assert json.loads(target.read_text())["courts"] == ["mab"]
    wizard.next()
    assert saved.read_text() == '{"schema_version": 9}'  # never overwritten
    assert json.loads(target.read_text())["role"] == "attorney"  # later saves go to the new file


def test_a_failed_save_offers_save_as_and_keeps_going(qtbot, tmp_path: Path, monkeypatch) -> None:
    store = AnswerStore(tmp_path / "answers.json")
    wizard = _wizard(
        qtbot, Session.for_answers(Answers(), as_of=date(2026, 11, 23), catalog=CATALOG, vault=MemoryVault())
    )
    wizard.session.store = store
    offered = []
    page = wizard.currentPage()
    monkeypatch.setattr(page, "offer_save_as", offered.append)
    store.writable = False  # as when the folder turned read-only
    wizard.next()
    assert wizard.currentId() == PageId.COURTS  # the user is not stuck
    assert offered and "Save as" in offered[0]
    assert "Save as" in page.save_notice.label.text()
    wizard.back()
    wizard.next()
    assert len(offered) == 1  # asked once; afterwards the page notice says it
