"""Start-up deferrals keep the wizard whole: pages on demand, menus and shortcuts right after the paint."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from nextgen_wizard.ui.pages import PAGE_COUNT, make_page
from nextgen_wizard.ui.selftest import example_context
from nextgen_wizard.ui.wizard import PAGE_TITLES, NextGenWizard, PageId
from tests.helpers import ROOT
from tests.ui.helpers import make_wizard


def test_the_side_panel_titles_are_the_pages_own(qtbot) -> None:
    session = example_context(date(2026, 11, 23))
    assert PAGE_COUNT == len(PageId) == len(PAGE_TITLES)
    for page_id in PageId:
        page = make_page(session, page_id)
        qtbot.addWidget(page)
        assert page.title() == PAGE_TITLES[page_id], page_id.name


def test_pages_are_made_when_first_needed_and_page_still_finds_every_one(qtbot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path)
    assert wizard.pageIds() == [PageId.WELCOME]
    assert [wizard.side.steps.item(i).text()[1:].split("\n")[0].strip() for i in range(3)] == [
        PAGE_TITLES[PageId.WELCOME],
        PAGE_TITLES[PageId.COURTS],
        PAGE_TITLES[PageId.PACER],
    ]
    wizard.next()  # going forward makes the next page first
    assert wizard.currentId() == PageId.COURTS and PageId.COURTS in wizard.pageIds()
    checklist = wizard.page(PageId.CHECKLIST)  # asked for: made, registered, kept
    assert checklist is wizard.page(PageId.CHECKLIST) and PageId.CHECKLIST in wizard.pageIds()
    assert checklist.wizard() is wizard and checklist.title() == "Your checklist"


def test_menu_and_shortcuts_come_right_after_the_first_paint(qtbot) -> None:
    from PySide6.QtGui import QShortcut

    wizard = NextGenWizard(example_context(date(2026, 11, 23)))
    qtbot.addWidget(wizard)
    view = wizard.button(wizard.WizardButton.CustomButton1)
    help_button = wizard.button(wizard.WizardButton.HelpButton)
    assert view.text() == "&View" and help_button.text()  # both buttons exist before the paint
    assert not wizard.is_started and wizard.findChildren(QShortcut) == []
    with qtbot.waitSignal(wizard.started, timeout=5000):
        wizard.show()
    assert wizard.is_started and len(view.menu().actions()) >= 3
    assert len(wizard.findChildren(QShortcut)) == 2  # F1, and Alt+N (says why) while Next is off
    wizard.finish_start()  # once only
    assert len(view.menu().actions()) >= 3


CHECK_BEFORE_PAINT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import date
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from nextgen_wizard.ui.selftest import example_context
from nextgen_wizard.ui.wizard import NextGenWizard
session = example_context(date(2026, 11, 23))
wizard = NextGenWizard(session)

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            pages = sorted(m for m in sys.modules if m.startswith("nextgen_wizard.ui.pages."))
            print("pages", ",".join(pages))
            print("log", "nextgen_wizard.storage.log_file" in sys.modules)
            print("qt_namespace", "Qt" in vars(sys.modules["PySide6.QtCore"]))
            icon = wizard.side.product_icon
            print("icon_at_paint", icon.pixmap().isNull(), icon.width() > 0)
            wizard.finish_start()
            print("icon_after", icon.pixmap().isNull(), icon.isVisible())
            QTimer.singleShot(0, app.quit)
        return False

watch = Watch()
wizard.installEventFilter(watch)
wizard.show()
app.exec()
"""


def test_before_the_first_paint_only_the_first_page_is_imported() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK_BEFORE_PAINT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["pages"] == "nextgen_wizard.ui.pages.base,nextgen_wizard.ui.pages.welcome"
    assert lines["log"] == "False"
    # PySide6 converts all ~90 enums of the `Qt` namespace on its first use (~20 ms): after the paint.
    assert lines["qt_namespace"] == "False"
    # The side panel's icon keeps its place at the paint and is decoded right after it.
    assert lines["icon_at_paint"] == "True True"
    assert lines["icon_after"] == "False True"


CHECK_SOURCE_READING = r"""
import linecache, sys
import json, textwrap  # loaded before PySide6, as the session's modules are
import PySide6.QtWidgets
table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
print("table", isinstance(table, dict))
import textwrap  # named again after PySide6: its hook reads the whole source
print("read_before", any(f.endswith("textwrap.py") for f in linecache.cache))
from nextgen_wizard.ui.app import _mark_loaded_modules_without_pyside
_mark_loaded_modules_without_pyside()
import json  # named again after the marking: not read
print("read_after", any(f.endswith("json/__init__.py") for f in linecache.cache))
import nextgen_wizard.ui.wizard, nextgen_wizard.ui.pages.welcome  # UI modules, loaded after the marking
print("ui_read", sorted(f.split("nextgen_wizard/")[-1] for f in linecache.cache if f.endswith(("ui/wizard.py", "pages/welcome.py", "ui/widgets.py"))))
print("ui_values", [(table or {}).get(f"nextgen_wizard.ui.{name}") for name in ("wizard", "widgets", "pages.welcome")])
"""


def test_modules_loaded_before_pyside_are_not_read_again_by_its_import_hook() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK_SOURCE_READING], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    if lines["table"] != "True":
        pytest.skip("this PySide6 keeps no __feature__ table: nothing to mark")
    assert lines["read_before"] == "True"  # what the marking spares
    assert lines["read_after"] == "False"
    # UI modules are recorded as "PySide6, no feature" before they load, so not read either
    assert lines["ui_read"] == "[]"
    assert lines["ui_values"] == "[0, 0, 0]"


def test_no_module_selects_a_pyside_feature() -> None:
    """What makes recording every UI module as 0 ("PySide6, no feature") right without reading it:
    a `from __feature__ import snake_case` anywhere would make 0 and -1 differ."""
    selecting = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "nextgen_wizard").rglob("*.py")
        if re.search(r"(from|import)\s+__feature__", path.read_text(encoding="utf-8"))
    ]
    assert selecting == []


def _start_and_quit_after_paint(home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nextgen_wizard", "--as-of", "2026-11-23"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "NEXTGEN_WIZARD_HOME": str(home),
             "NEXTGEN_WIZARD_EXIT_AFTER_PAINT": "1"},
        timeout=120,
    )  # fmt: skip


def test_the_log_file_opens_with_the_first_message_even_one_from_before_the_paint(tmp_path: Path) -> None:
    first = _start_and_quit_after_paint(tmp_path)  # the first start saves the (empty) answers: logged
    assert first.returncode == 0 and "painted" in first.stdout, first.stderr
    log_file = tmp_path / "log" / "nextgen-wizard.log"
    assert "answers saved" in log_file.read_text()
    log_file.unlink()

    again = _start_and_quit_after_paint(tmp_path)  # only looked: nothing to save, nothing logged
    assert again.returncode == 0, again.stderr
    assert not log_file.exists()

    (tmp_path / "data" / "answers.json").write_text("{broken")  # found while the session opens
    damaged = _start_and_quit_after_paint(tmp_path)
    assert damaged.returncode == 0, damaged.stderr
    assert "moved damaged answers aside" in log_file.read_text()
    assert "moved damaged answers" not in damaged.stderr  # in the log, not on the terminal
