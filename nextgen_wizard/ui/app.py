"""QApplication set-up and the GUI entry point."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from .. import APP_NAME, __version__
from ..domain.i18n import _
from .font_scale import set_font_scale


def display_problem() -> str | None:
    """Why a window cannot open here (Linux without a display, or without Qt's xcb library)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return _(
            "No display was found, so the wizard window cannot open here. Run it in a desktop "
            "session, or use the headless commands (see nextgen-wizard --help)."
        )
    if not os.environ.get("WAYLAND_DISPLAY") and not _loadable("libxcb-cursor.so.0"):
        return _(
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


def make_app():  # -> QApplication
    from PySide6.QtWidgets import QApplication

    from .style import apply_style, new_application

    app = QApplication.instance() or new_application(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("nextgen-ready")
    apply_style(app)  # before any widget exists: re-styling live widgets is costly
    _load_qt_translations(app)
    from .accessibility import install_accessibility

    install_accessibility()  # before the first heading exists: a screen reader caches what it hears first
    return app  # the window icon is set after the first paint (run_gui): decoding it can wait


def _load_qt_translations(app) -> None:
    """Qt's own dialogs (file, print, message box buttons) in the app's language, from Qt's catalogs."""
    from ..domain.i18n import current_language

    language = current_language()
    if language in ("en", "pseudo") or app.property("nextgen_qt_language") == language:
        return
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        app.setProperty("nextgen_qt_language", language)


def _set_icon(app) -> None:
    from PySide6.QtGui import QIcon

    from ..domain.resources import resource_path

    try:
        app.setWindowIcon(QIcon(str(resource_path("resources", "icons", "nextgen-ready.png"))))
    except FileNotFoundError:
        from ..session.environment import LazyLogger

        LazyLogger(__name__).warning("the app icon is missing from this installation")


def _ask_resume(parent) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setText(_("Welcome back. Continue where you stopped, or start over with empty answers?"))
    carry_on = box.addButton(_("&Continue where I stopped"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("&Start over"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(carry_on)
    box.exec()
    return box.clickedButton() is carry_on


def open_wizard(session, *, ask_resume=_ask_resume):
    """Show the wizard; with earlier answers, offer "Continue where you stopped" or "Start over"."""
    from ..domain.answers import Answers
    from .wizard import NextGenWizard, PageId

    last = session.preferences.last_page()  # read before the wizard records its first page
    wizard = NextGenWizard(session)
    wizard.fit_to_screen()
    wizard.show_fitted()
    if not session.had_answers or session.demo or session.answers == Answers():
        return wizard
    if ask_resume(wizard):
        if last in PageId.__members__:
            wizard.go_to(PageId[last])
    else:
        session.start_over()
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


def open_session(args: argparse.Namespace, paths):  # -> Session
    """Answers, policy and vault for this run, put together once by the session."""
    from ..session import Session

    demo = getattr(args, "demo_answers", None) if getattr(args, "demo", False) else None
    return Session.open(paths, as_of=args.as_of, demo=demo)


def _mark_loaded_modules_without_pyside() -> None:
    """Spare PySide6's import hook from reading the source of modules whose answer is known.

    Once PySide6 is loaded, the first import statement that names any module (also one loaded
    long before, such as `typing` or `datetime`) makes PySide6 read that module's whole source
    (inspect.getsource, kept in linecache) to see whether it mentions "PySide6", for its
    `__feature__` switch: -1 ("no PySide6 here, ignore it") or 0 ("PySide6 with no features").
    The modules loaded before PySide6 on this path do not use it: each is recorded as -1. The
    UI modules are recorded as 0 before they load: none selects a `__feature__` (a test keeps it
    so), and with no feature selected anywhere 0 and -1 switch nothing. Before the first paint
    that spares about 600 kB of standard-library and session source (1.5 MiB of memory) and the
    dozen UI modules (~2 ms). With a PySide6 that keeps no such table, nothing changes.
    """
    feature = sys.modules.get("shibokensupport.feature")
    checked = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(checked, dict):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken", "nextgen_wizard.ui")):
            checked.setdefault(name, -1)
    for name in _ui_module_names():
        checked.setdefault(name, 0)


def _ui_module_names() -> list[str]:
    """nextgen_wizard.ui, its pages and their modules, from the files beside this one (none in a
    frozen bundle, whose modules have no source for the hook to read anyway)."""
    here = os.path.dirname(__file__)
    names = []
    for package, folder in ((__package__, here), (f"{__package__}.pages", os.path.join(here, "pages"))):
        names.append(package)
        try:
            files = os.listdir(folder)
        except OSError:
            continue
        names += [f"{package}.{file[:-3]}" for file in files if file.endswith(".py") and file[0] != "_"]
    return names


def _after_first_paint(app) -> None:
    """Start-up work the first page does not need: the window icon, the GC."""
    _set_icon(app)
    # Everything made so far lives as long as the window: the collector need not look at it again.
    gc.freeze()
    gc.enable()


def run_gui(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
        return 1
    if not 0.5 <= args.font_scale <= 4:
        print(_("error: --font-scale must be between 0.5 and 4, e.g. 1.5"), file=sys.stderr)
        return 2
    gc.disable()  # until the first paint: start-up makes many objects and no garbage worth a pass
    # The session and everything under it (no Qt) are imported before PySide6: once PySide6 is
    # loaded, its import hook reads the source of every module imported after it (its
    # `__feature__` check, inspect.getsource), about 0.2 ms a module; those loaded before it, and
    # the UI modules still to come, are then recorded as checked (_mark_loaded_modules_without_pyside).
    from ..session import SessionError, court_data, preferences  # noqa: F401  # the last two: asked for before the paint
    from ..session.environment import app_paths, log_to_file_when_needed

    paths = app_paths()
    log_to_file_when_needed(paths.log_file)  # opened with the first message, if any (often none)
    import PySide6.QtWidgets  # noqa: F401  # loaded here so that the modules above can be marked
    _mark_loaded_modules_without_pyside()
    app = make_app()
    if args.font_scale != 1:  # at the desktop's own size there is nothing to set (0.4 ms)
        set_font_scale(app, args.font_scale)
    try:
        session = open_session(args, paths)
    except SessionError as error:
        from PySide6.QtWidgets import QMessageBox  # not before the paint: its enums cost 1 ms

        gc.enable()
        QMessageBox.information(None, APP_NAME, "\n".join(error.problems))
        return error.exit_code
    wizard = open_wizard(session)
    app.aboutToQuit.connect(session.save)
    # Right after the first paint (not a 0 ms timer: that fires before the paint).
    wizard.started.connect(lambda: _after_first_paint(app))
    if wizard.is_started:  # a resume question painted the window already
        _after_first_paint(app)
    if os.environ.get(EXIT_AFTER_PAINT):
        _quit_after_first_paint(app, wizard)
    code = app.exec()
    wizard.deleteLater()  # held until here: an unreferenced window would be closed at once
    session.close()
    return code
