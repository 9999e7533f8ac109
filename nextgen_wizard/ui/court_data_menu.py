"""View > Check for newer court data... and About: the wizard's side of `courts --update`.

The download and its checks run off the GUI thread through the session (the same code as the
CLI); what changed is shown in a message box and the new data is used only when the user says
yes. Nothing here touches the network unless the user picks the menu item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QProgressDialog, QWidget

from .. import APP_NAME, __version__
from ..domain.i18n import N_, _, ngettext
from ..session import CourtUpdateError
from ..session.environment import CourtUpdate, WriteError
from .widgets import run_in_background

if TYPE_CHECKING:
    from .wizard import NextGenWizard

TITLE = N_("Court data")  # the message boxes' title, translated where shown


def add_court_data_actions(wizard: NextGenWizard, menu: QMenu) -> None:
    """Add the court data check and the about box to the wizard's View menu."""
    menu.addSeparator()
    check = QAction(_("Check for newer &court data..."), wizard)
    check.setObjectName("check_court_data")
    check.triggered.connect(lambda _checked=False: CourtDataCheck(wizard, check).start())
    menu.addAction(check)
    about = QAction(_("&About {app}...").format(app=APP_NAME), wizard)
    about.setObjectName("about")
    about.triggered.connect(lambda _checked=False: show_about(wizard))
    menu.addAction(about)


def show_about(wizard: NextGenWizard) -> None:
    tell(wizard, "information", _("About {app}").format(app=APP_NAME), about_text(wizard))


def about_text(wizard: NextGenWizard) -> str:
    session = wizard.session
    count = len(session.catalog)
    return "\n\n".join(
        [
            f"{APP_NAME} {__version__}",
            ngettext(
                "Court data: {data}, {count} court.", "Court data: {data}, {count} courts.", count
            ).format(data=session.courts.describe(), count=count),
            _(
                "The app goes online only when you choose View > Check for newer court data... "
                "(see docs/court-data.md)."
            ),
        ]
    )


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Yes or no (No by default); tests replace it."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget, kind: str, title: str, text: str) -> None:
    """A message; tests replace it."""
    show = QMessageBox.warning if kind == "warning" else QMessageBox.information
    show(parent, title, text)


class CourtDataCheck:
    """One check: download off the GUI thread, then show what changed and ask before using it."""

    running: ClassVar[set[CourtDataCheck]] = set()  # alive until their download is done

    def __init__(self, wizard: NextGenWizard, action: QAction | None = None) -> None:
        self.wizard, self.action = wizard, action
        self.cancelled = False
        self.progress: QProgressDialog | None = None

    def start(self) -> None:
        session = self.wizard.session
        refusal = session.courts.update_refusal()
        if refusal:
            tell(self.wizard, "information", _(TITLE), refusal)
            return
        if self.action is not None:
            self.action.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        CourtDataCheck.running.add(self)
        # Every wait a person can see has a Cancel: the download goes on off the GUI thread until its
        # own deadline, but its result is then thrown away and the court data stays as it is.
        self.progress = QProgressDialog(
            _("Downloading PACER's court list..."), _("Cancel"), 0, 0, self.wizard
        )
        self.progress.setWindowTitle(_(TITLE))
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self.cancel)
        self.progress.show()
        run_in_background(session.courts.check_update, self.finished)

    def _done_waiting(self) -> None:
        QApplication.restoreOverrideCursor()
        if self.action is not None:
            self.action.setEnabled(True)
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress = None

    def cancel(self) -> None:
        if self.cancelled:
            return
        self.cancelled = True
        self._done_waiting()
        data = self.wizard.session.courts.describe()
        unchanged = _("Your court data is unchanged: {data}.").format(data=data)
        tell(self.wizard, "information", _(TITLE), _("The check was cancelled.") + "\n\n" + unchanged)

    def finished(self, update: CourtUpdate | None, error: BaseException | None) -> None:
        CourtDataCheck.running.discard(self)
        if self.cancelled:
            return  # the person cancelled: nothing from this download is shown or used
        self._done_waiting()
        session = self.wizard.session
        unchanged = _("Your court data is unchanged: {data}.").format(data=session.courts.describe())
        if error is not None or update is None:
            why = (
                str(error)
                if isinstance(error, CourtUpdateError)
                else _("The check failed ({error}).").format(error=repr(error))
            )
            tell(self.wizard, "warning", _(TITLE), f"{why}\n\n{unchanged}")
            return
        question = "\n\n".join(["\n".join(update.summary), _("Use this court data from now on?")])
        if not ask(self.wizard, _(TITLE), question):
            tell(self.wizard, "information", _(TITLE), unchanged)
            return
        try:
            path = session.use_court_update(update)
        except WriteError as error:
            tell(self.wizard, "warning", _(TITLE), f"{error}\n\n{unchanged}")
            return
        count = len(session.catalog)
        now = ngettext(
            "Now using {data} ({count} court).\n\nKept in {path}.",
            "Now using {data} ({count} courts).\n\nKept in {path}.",
            count,
        ).format(data=session.catalog.describe(), count=count, path=path)
        tell(self.wizard, "information", _(TITLE), now)
        page = self.wizard.currentPage()
        if page is not None and hasattr(page, "load") and getattr(page, "built", False):
            page.load()  # the page on screen shows the new data
