"""QApplication set-up and the GUI entry point."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from .. import APP_NAME, __version__

log = logging.getLogger(__name__)


def display_problem() -> str | None:
    """Why a window cannot open here (Linux without a display, or without Qt's xcb library)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return (
            "No display was found, so the wizard window cannot open here. Run it in a desktop "
            "session, or use the headless commands (see nextgen-wizard --help)."
        )
    if not os.environ.get("WAYLAND_DISPLAY") and not _loadable("libxcb-cursor.so.0"):
        return (
            "The wizard needs the system library libxcb-cursor0 to open its window. Ask your IT "
            "department to install it (Debian/Ubuntu: sudo apt install libxcb-cursor0)."
        )
    return None


def _loadable(library: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


BASE_POINT_SIZE = "nextgen_base_point_size"


def set_font_scale(app, scale: float) -> None:
    """Scale every widget's text from the desktop's own size (projectors, low vision)."""
    base = app.property(BASE_POINT_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(BASE_POINT_SIZE, base)
    font = app.font()
    font.setPointSizeF(base * scale)
    app.setFont(font)
    app.setProperty("nextgen_font_scale", scale)


def font_scale(app) -> float:
    value = app.property("nextgen_font_scale")
    return float(value) if value else 1.0


def make_app():  # -> QApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("nextgen-ready")
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: _set_icon(app))  # decoding the icon can wait for the first paint
    return app


def _set_icon(app) -> None:
    from PySide6.QtGui import QIcon

    from ..domain.resources import resource_path

    try:
        app.setWindowIcon(QIcon(str(resource_path("resources", "icons", "nextgen-ready.png"))))
    except FileNotFoundError:
        log.warning("the app icon is missing from this installation")


def _ask_resume(parent) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setText("Welcome back. Continue where you stopped, or start over with empty answers?")
    carry_on = box.addButton("&Continue where I stopped", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Start over", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(carry_on)
    box.exec()
    return box.clickedButton() is carry_on


def open_wizard(context, *, had_answers: bool, ask_resume=_ask_resume):
    """Show the wizard; with earlier answers, offer "Continue where you stopped" or "Start over"."""
    from ..domain.answers import Answers
    from .wizard import NextGenWizard, PageId

    last = context.last_page()  # read before the wizard records its first page
    wizard = NextGenWizard(context)
    wizard.show()
    if not had_answers or context.answers == Answers():
        return wizard
    if ask_resume(wizard):
        if last in PageId.__members__:
            wizard.go_to(PageId[last])
    else:
        context.answers = Answers()
        wizard.restart()
    return wizard


EXIT_AFTER_PAINT = "NEXTGEN_WIZARD_EXIT_AFTER_PAINT"  # benchmarks: quit once the first page is painted


def _quit_after_first_paint(app, wizard) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                wizard.removeEventFilter(self)
                print("painted", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    wizard._first_paint = FirstPaint(wizard)
    wizard.installEventFilter(wizard._first_paint)


def _open_log(log_file) -> None:
    from ..storage.logs import setup_logging

    setup_logging(log_file)


def _context(args: argparse.Namespace, paths):
    """Answers, policy and vault for this run: the user's own, or a demo's fictional ones."""
    from ..domain.courts import load_catalog
    from ..storage.answer_store import AnswerStore
    from ..storage.vault import KeyringVault, MemoryVault
    from .context import WizardContext

    store = AnswerStore(paths.answers_file)
    common = {
        "catalog": load_catalog(),
        "as_of": args.as_of,
        "store": store,
        "progress_file": paths.data / "progress.txt",
    }
    if getattr(args, "demo", False):
        import copy

        start = args.demo_answers
        context = WizardContext(
            answers=copy.deepcopy(start), vault=MemoryVault(), demo=True, demo_start=start, **common
        )
        return context, False
    loaded = store.load()
    notices, answers = list(loaded.notices), loaded.answers
    policy = None
    if paths.policy_file.exists():
        from ..storage.policy import apply_policy, load_policy

        policy = load_policy(paths.policy_file)
        if policy.problems:
            notices.append(
                "Your firm's policy file has problems, so it is not used; the wizard runs with its "
                "defaults. Tell your IT department:\n" + "\n".join(policy.problems)
            )
        applied = apply_policy(policy, answers)
        answers, notices = applied.answers, notices + applied.overridden
    storage_on = policy is None or policy.credential_storage
    if storage_on:
        vault = KeyringVault()
    else:
        from ..storage.policy import TurnedOffVault

        vault = TurnedOffVault()
    context = WizardContext(
        answers=answers,
        vault=vault,
        notices=notices,
        locked_fields=policy.locked if policy else frozenset(),
        credential_storage=storage_on,
        support=policy.support if policy else None,
        **common,
    )
    return context, loaded.existed


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from ..storage.instance import InstanceLock
    from ..storage.paths import app_paths

    problem = display_problem()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    if not 0.5 <= args.font_scale <= 4:
        print("error: --font-scale must be between 0.5 and 4, e.g. 1.5", file=sys.stderr)
        return 2
    app = make_app()
    set_font_scale(app, args.font_scale)
    paths = app_paths()
    lock = InstanceLock(paths.instance_lock)
    if not lock.acquire():
        QMessageBox.information(
            None,
            APP_NAME,
            "NextGen Ready is already open on this computer. "
            "Switch to that window (look in the taskbar) to continue.",
        )
        return 1
    context, had_answers = _context(args, paths)
    wizard = open_wizard(context, had_answers=had_answers)
    app.aboutToQuit.connect(context.save)
    # The log file is opened once the window is up: logging.handlers costs start-up time.
    QTimer.singleShot(0, lambda: _open_log(paths.log_file))
    if os.environ.get(EXIT_AFTER_PAINT):
        _quit_after_first_paint(app, wizard)
    code = app.exec()
    wizard.deleteLater()  # held until here: an unreferenced window would be closed at once
    lock.release()
    return code
