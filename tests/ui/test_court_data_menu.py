"""View > Check for newer court data... and About: off the GUI thread, asked before use, nothing lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from nextgen_wizard.domain.answers import Answers
from nextgen_wizard.session import Session
from nextgen_wizard.storage.court_downloads import STORED_NAME
from nextgen_wizard.storage.paths import app_paths
from nextgen_wizard.storage.policy import Policy
from nextgen_wizard.storage.vault import MemoryVault
from nextgen_wizard.ui import court_data_menu
from nextgen_wizard.ui.wizard import NextGenWizard
from tests.court_server import Answer, CourtServer, changed_feed, feed_bytes
from tests.helpers import CATALOG


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[CourtServer]:
    monkeypatch.setenv("NEXTGEN_WIZARD_COURT_TIMEOUT", "2")
    with CourtServer() as running:
        yield running


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """The message boxes, answered by the test: ask() says `answer`, tell() is recorded."""
    seen: dict[str, list] = {"asked": [], "told": [], "answer": [True]}

    def ask(parent, title, text):  # type: ignore[no-untyped-def]
        seen["asked"].append(text)
        return seen["answer"][0]

    monkeypatch.setattr(court_data_menu, "ask", ask)
    monkeypatch.setattr(
        court_data_menu, "tell", lambda parent, kind, title, text: seen["told"].append((kind, text))
    )
    return seen


def wizard_for(qtbot, policy: Policy) -> NextGenWizard:  # type: ignore[no-untyped-def]
    session = Session(
        answers=Answers(),
        catalog=CATALOG,
        as_of=date(2026, 11, 23),
        vault=MemoryVault(),
        paths=app_paths(),
        policy=policy,
    )
    wizard = NextGenWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.finish_start()  # the View menu is filled right after the first paint
    return wizard


def action(wizard: NextGenWizard, name: str) -> QAction:
    found = wizard.findChild(QAction, name)
    assert isinstance(found, QAction)
    return found


def test_check_asks_then_uses_the_new_data(qtbot, server: CourtServer, dialogs) -> None:  # type: ignore[no-untyped-def]
    server.routes["/data.json"] = Answer(body=changed_feed(feed_bytes()))
    wizard = wizard_for(qtbot, Policy(court_update_url=server.url("/data.json")))
    check = action(wizard, "check_court_data")
    assert check.text() == "Check for newer &court data..."
    check.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["told"]), timeout=10_000)
    assert "Courts added (1): zzd (Test District Court)." in dialogs["asked"][0]
    assert dialogs["asked"][0].endswith("Use this court data from now on?")
    kind, text = dialogs["told"][0]
    assert kind == "information" and text.startswith("Now using PACER's court list of March 1, 2027")
    assert wizard.session.catalog.get("zzd") is not None
    assert (app_paths().data / STORED_NAME).exists()
    action(wizard, "about").trigger()
    assert "Court data: PACER's court list of March 1, 2027, downloaded" in dialogs["told"][-1][1]


def test_saying_no_keeps_the_data_in_use(qtbot, server: CourtServer, dialogs) -> None:  # type: ignore[no-untyped-def]
    server.routes["/data.json"] = Answer(body=changed_feed(feed_bytes()))
    dialogs["answer"][0] = False
    wizard = wizard_for(qtbot, Policy(court_update_url=server.url("/data.json")))
    action(wizard, "check_court_data").trigger()
    qtbot.waitUntil(lambda: bool(dialogs["told"]), timeout=10_000)
    assert dialogs["told"][0][1].startswith("Your court data is unchanged")
    assert wizard.session.catalog is CATALOG
    assert not (app_paths().data / STORED_NAME).exists()


def test_a_failure_is_one_warning_and_nothing_changes(qtbot, server: CourtServer, dialogs) -> None:  # type: ignore[no-untyped-def]
    server.routes["/data.json"] = Answer(body=b"<html>Sign in to the Wi-Fi</html>", content_type="text/html")
    wizard = wizard_for(qtbot, Policy(court_update_url=server.url("/data.json")))
    check = action(wizard, "check_court_data")
    check.trigger()
    assert not check.isEnabled()  # one check at a time; the window stays responsive meanwhile
    qtbot.waitUntil(lambda: bool(dialogs["told"]), timeout=10_000)
    kind, text = dialogs["told"][0]
    assert kind == "warning" and "web page instead of the court list" in text
    assert "Your court data is unchanged" in text
    assert check.isEnabled() and not dialogs["asked"]
    assert wizard.session.catalog is CATALOG


def test_policy_off_says_so_without_going_online(qtbot, server: CourtServer, dialogs) -> None:  # type: ignore[no-untyped-def]
    wizard = wizard_for(qtbot, Policy(court_updates=False, court_update_url=server.url("/data.json")))
    action(wizard, "check_court_data").trigger()
    assert "IT department turned off downloading court data" in dialogs["told"][0][1]
    assert server.requests == []


def test_the_menu_item_is_in_the_view_menu(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton, QWizard

    wizard = wizard_for(qtbot, Policy())
    view = wizard.button(QWizard.WizardButton.CustomButton1)
    assert isinstance(view, QPushButton)
    labels = [a.text() for a in view.menu().actions()]
    assert "Check for newer &court data..." in labels and "&About NextGen Ready..." in labels


def test_the_wait_has_a_cancel_and_a_cancelled_check_changes_nothing(qtbot, server: CourtServer, dialogs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    server.routes["/data.json"] = Answer(body=changed_feed(feed_bytes()), delay=1.0)
    wizard = wizard_for(qtbot, Policy(court_update_url=server.url("/data.json")))
    check = action(wizard, "check_court_data")
    check.trigger()
    progress = wizard.findChild(QProgressDialog)
    assert progress is not None and progress.isVisible()
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.click()
    assert dialogs["told"][0][1].startswith("The check was cancelled.") and check.isEnabled()
    qtbot.wait(2000)  # the download ends meanwhile: its result is thrown away
    assert not dialogs["asked"] and len(dialogs["told"]) == 1
    assert wizard.session.catalog is CATALOG and not (app_paths().data / STORED_NAME).exists()
