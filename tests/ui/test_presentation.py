"""Seminar use: demo mode leaves nothing behind, replayed dates, large text without clipping."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from nextgen_wizard.ui.screenshots import walk_all_pages
from nextgen_wizard.ui.wizard import PageId
from tests.helpers import EXAMPLES, ROOT
from tests.ui.screen_probe import clipped

SPY = """
import keyring
from keyring.backend import KeyringBackend

import sys

def _called(*args):
    print("SPY: the real keyring was called", file=sys.stderr, flush=True)
    raise AssertionError("the real keyring was called")

class Spy(KeyringBackend):
    priority = 100
    get_password = set_password = delete_password = get_credential = staticmethod(_called)

keyring.set_keyring(Spy())
"""

DEMO_RUN = (
    SPY
    + '''
import os, sys, json
from nextgen_wizard.cli import main
from nextgen_wizard.ui import app as app_module

def drive(app, wizard):
    """Save a demo login, walk to the end, print the checklist to a PDF, then quit."""
    from PySide6.QtCore import QTimer
    from nextgen_wizard.ui.wizard import PageId
    context = wizard.session
    assert context.demo and type(context.vault).__name__ == "MemoryVault"
    print(context.vault.save("NextGen Ready: CM/ECF mab", "demo_login", "Demo-Secret-123!"))
    wizard.go_to(PageId.CHECKLIST)
    print("HOME", os.environ["NEXTGEN_WIZARD_HOME"])
    QTimer.singleShot(0, app.quit)

app_module._quit_after_first_paint = drive
os.environ["NEXTGEN_WIZARD_EXIT_AFTER_PAINT"] = "1"
sys.exit(main(["--demo", "--as-of", "2020-04-15"]))
'''
)


def _snapshot(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*")} if folder.exists() else set()


def test_demo_leaves_no_file_and_never_touches_the_real_keyring(tmp_path: Path) -> None:
    real = tmp_path / "real-home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NEXTGEN_WIZARD_HOME": str(real),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
    }
    before = _snapshot(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", DEMO_RUN], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kept in memory for this demo only" in result.stdout
    assert "the real keyring was called" not in result.stdout + result.stderr
    demo_home = Path(result.stdout.split("HOME ", 1)[1].split()[0])
    assert demo_home != real and not demo_home.exists()  # the demo's temporary folder is gone
    assert _snapshot(tmp_path) == before  # nothing under the real data, log and config folders


def test_the_spy_would_catch_a_real_keyring_call(tmp_path: Path) -> None:
    script = (
        SPY + "from nextgen_wizard.storage.vault import KeyringVault, ACCEPTED_BACKENDS\n"
        "ACCEPTED_BACKENDS['__main__.Spy'] = 'spy'\nKeyringVault().save('x', 'y', 'z')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode != 0 and "the real keyring was called" in result.stderr


def test_demo_banner_start_over_and_printed_banner(qtbot) -> None:
    import copy

    from nextgen_wizard.domain.answers import answers_from_dict
    from nextgen_wizard.session import Session
    from nextgen_wizard.storage.vault import MemoryVault
    from nextgen_wizard.ui.demo import BANNER, demo_answers
    from nextgen_wizard.ui.wizard import NextGenWizard, PageId
    from tests.helpers import CATALOG

    start = demo_answers()
    session = Session(
        answers=copy.deepcopy(start),
        catalog=CATALOG,
        as_of=date(2020, 4, 15),
        vault=MemoryVault(),
        demo=True,
        demo_start=start,
    )
    wizard = NextGenWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    assert BANNER in wizard.side.banner.text() and "DEMO" in wizard.windowTitle()
    assert "Replaying April 15, 2020" in wizard.side.as_of.text()
    wizard.next()
    wizard.session.answers.courts.append("ca1")
    wizard.side.start_over.click()
    assert wizard.currentId() == PageId.WELCOME and wizard.session.answers.courts == ["alsb", "mab"]
    wizard.setStartId(PageId.CHECKLIST)
    wizard.restart()
    assert "DEMO" in wizard.currentPage().html()
    assert answers_from_dict(json.loads((EXAMPLES / "demo.json").read_text())).filer.name == "Demo Filer"


def test_replaying_alsb_before_and_after_its_switch_in_the_cli() -> None:
    def plan(as_of: str) -> dict:
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "nextgen_wizard",
                "checklist",
                "--answers",
                str(EXAMPLES / "legacy-alsb.json"),
                "--as-of",
                as_of,
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            timeout=120,
        ).stdout
        return {(s["id"], s["court"]): (s["status"], s["due"]) for s in json.loads(out)["steps"]}

    before, after = plan("2020-04-15"), plan("2026-11-23")
    assert before[("upgrade-pacer-account", None)] == ("todo", "2020-05-02")
    assert after[("upgrade-pacer-account", None)] == ("todo", "2026-11-23")  # alsb is on NextGen: due now
    assert before[("link-cmecf-account", "alsb")][0] == "scheduled"
    assert after[("link-cmecf-account", "alsb")][0] == "todo"
    assert ("enroll-mfa", None) in after and ("enroll-mfa", None) not in before


def test_replayed_date_shows_in_the_gui_plan(qtbot) -> None:
    from nextgen_wizard.ui.selftest import LEGACY_EXAMPLE, example_context
    from nextgen_wizard.ui.wizard import NextGenWizard, PageId

    def link_box(day: date):
        wizard = NextGenWizard(example_context(day, LEGACY_EXAMPLE))
        qtbot.addWidget(wizard)
        wizard.setStartId(PageId.LINK)
        wizard.show()
        wizard.restart()
        return wizard, wizard.currentPage().checks["alsb"]

    # The wizards are kept: qtbot holds them weakly, and a dropped window deletes its widgets.
    (_first, before), (_second, after) = link_box(date(2020, 4, 15)), link_box(date(2026, 11, 23))
    assert not before.isEnabled() and "opens on the date above" in before.text()
    assert after.isEnabled() and "linked" in after.text()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_no_text_is_cut_off_at_large_text_sizes(qtbot, scale: float) -> None:
    problems, pages, checked = [], 0, 0
    for wizard, page_id in walk_all_pages(date(2026, 11, 23), scale):
        pages += 1
        for widget in wizard.findChildren(QWidget):
            if isinstance(widget, (QLabel, QAbstractButton)):
                checked += 1
                why = clipped(widget)
                if why:
                    problems.append(f"{page_id.name}: {why}")
        steps = wizard.side.steps
        assert steps.wordWrap() and steps.textElideMode().name == "ElideNone"
    assert pages == len(PageId) and checked > 200
    assert problems == []


def test_the_clipping_check_notices_a_cut_label(qtbot) -> None:
    label = QLabel("A long sentence that cannot fit in forty pixels")
    qtbot.addWidget(label)
    label.show()
    label.resize(40, 20)
    assert clipped(label)
    wrapped = QLabel("A long sentence that wraps but is given no height at all " * 3)
    wrapped.setWordWrap(True)
    qtbot.addWidget(wrapped)
    wrapped.show()
    wrapped.resize(100, 10)
    assert clipped(wrapped)


def test_long_answers_wrap_instead_of_widening_the_page(qtbot) -> None:
    """A radio button's or check box's long text (large text, a longer language) wraps in its room,
    keeps its whole text as the accessible name and its access key; the clipping check still
    notices one given too little height."""
    from PySide6.QtWidgets import QVBoxLayout

    from nextgen_wizard.ui.widgets import WrappingCheckBox, WrappingRadioButton

    text = "Paralegal or assistant who &files for an attorney or trustee, in a much longer language"
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    radio, check = WrappingRadioButton(text), WrappingCheckBox(text)
    layout.addWidget(radio)
    layout.addWidget(check)
    box.resize(220, 400)
    box.show()
    qtbot.waitExposed(box)
    for button in (radio, check):
        assert "\n" in button.text() and button.text().replace("\n", " ") == text
        assert button.accessibleName() == text.replace("&", "") and button.full_text == text
        assert button.width() <= 220 and clipped(button) is None
    radio.resize(radio.width(), 10)
    assert clipped(radio)


def test_font_scale_option_and_text_size_shortcuts(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from nextgen_wizard.ui.font_scale import font_scale
    from nextgen_wizard.ui.selftest import example_context
    from nextgen_wizard.ui.wizard import NextGenWizard

    wizard = NextGenWizard(example_context(date(2026, 11, 23)))
    qtbot.addWidget(wizard)
    app = QApplication.instance()
    size = app.font().pointSizeF()
    wizard.change_text_size(0.25)
    assert font_scale(app) == 1.25 and app.font().pointSizeF() > size
    wizard.change_text_size(0)
    assert font_scale(app) == 1.0 and app.font().pointSizeF() == pytest.approx(size)
    view = wizard.button(wizard.WizardButton.CustomButton1)
    assert view.isVisible() is False and view.text() == "&View"  # the button is there before the paint
    wizard.show()  # its menu and the shortcuts come right after the first paint
    menu = view.menu()
    qtbot.waitUntil(lambda: len(menu.actions()) > 0, timeout=5000)
    assert [a.text() for a in menu.actions()][:3] == ["&Larger text", "&Smaller text", "&Normal text size"]
    assert menu.actions()[0].shortcut().toString() == "Ctrl+="
    bad = subprocess.run(
        [sys.executable, "-m", "nextgen_wizard", "--font-scale", "9"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=120,
    )
    assert bad.returncode == 2 and "between 0.5 and 4" in bad.stderr


def test_answers_file_for_the_gui_only_in_a_demo() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nextgen_wizard", "--answers", str(EXAMPLES / "demo.json")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2 and "--demo --answers FILE" in result.stderr


def test_a_wrapped_label_is_measured_again_when_its_text_font_or_style_changes(qtbot) -> None:
    """TextLabel keeps its heights per width: each must still be what QLabel itself says."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from nextgen_wizard.ui.widgets import text_label

    label = text_label("word " * 40)
    plain = QLabel("word " * 40)
    plain.setWordWrap(True)
    plain.setTextFormat(Qt.TextFormat.PlainText)
    for widget in (label, plain):
        qtbot.addWidget(widget)

    def same(*widths: int) -> list[int]:
        heights = [label.heightForWidth(width) for width in widths]
        assert heights == [plain.heightForWidth(width) for width in widths]
        return heights

    narrow, wide, again = same(120, 300, 120)
    assert narrow == again > wide
    for widget in (label, plain):
        widget.setText("word " * 80)
    assert same(120)[0] > narrow
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    for widget in (label, plain):
        widget.setFont(font)
    larger = same(120, 300)
    for widget in (label, plain):
        widget.setStyleSheet("QLabel { padding: 12px; border: 3px solid black; }")
        widget.ensurePolished()
    assert same(120, 300)[0] > larger[0]
