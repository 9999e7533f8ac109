"""The wizard: page ids, which pages apply (asked of the domain plan), side panel, help."""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .. import APP_NAME
from ..domain.dates import long_date
from ..domain.plan import Checklist
from ..domain.steps import Status, StepId
from ..session import Session
from .help import help_html


class PageId(IntEnum):
    WELCOME = 0
    COURTS = 1
    PACER = 2
    SITUATION = 3
    UPGRADE = 4
    NEW_ACCOUNT = 5
    FIRM = 6
    MFA = 7
    CMECF = 8
    LINK = 9
    CHECKLIST = 10


def _has(checklist: Checklist, step_id: StepId, *statuses: Status) -> bool:
    return any(s.id is step_id and (not statuses or s.status in statuses) for s in checklist.steps)


def page_path(checklist: Checklist, has_courts: bool, situation: bool = False) -> list[PageId]:
    """The pages this user needs, in order. Which steps apply is the plan's decision, not the UI's."""
    wanted = {
        PageId.WELCOME: True,
        PageId.COURTS: True,
        PageId.PACER: True,
        PageId.SITUATION: situation,
        PageId.UPGRADE: _has(checklist, StepId.UPGRADE_PACER_ACCOUNT, Status.TODO, Status.VERIFY),
        PageId.NEW_ACCOUNT: _has(checklist, StepId.GET_INDIVIDUAL_PACER_ACCOUNT, Status.TODO),
        PageId.FIRM: True,
        PageId.MFA: _has(checklist, StepId.ENROLL_MFA),
        PageId.CMECF: has_courts,
        PageId.LINK: _has(checklist, StepId.LINK_CMECF_ACCOUNT)
        or _has(checklist, StepId.REQUEST_EFILING_PRIVILEGES),
        PageId.CHECKLIST: True,
    }
    return [page for page, applies in wanted.items() if applies]


class NextGenWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)  # AeroStyle breaks dark mode on Windows
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Close")
        title = APP_NAME + (" - DEMO" if session.demo else "")
        self.setWindowTitle(title)
        self.setMinimumSize(940, 660)
        from .pages import build_pages

        for page_id, page in build_pages(session).items():
            self.setPage(page_id, page)
        self.setStartId(PageId.WELCOME)
        self.side = SidePanel(self)
        self.setSideWidget(self.side)
        self.helpRequested.connect(self.show_help)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.show_help)
        self._text_size_menu()
        self.currentIdChanged.connect(self._page_changed)

    def _text_size_menu(self) -> None:
        """View > Larger text / Smaller text, as a button beside Help (a wizard has no menu bar)."""
        menu = QMenu(self)
        for label, keys, step in (
            ("&Larger text", ("Ctrl+=", "Ctrl++"), 0.25),
            ("&Smaller text", ("Ctrl+-",), -0.25),
            ("&Normal text size", ("Ctrl+0",), 0.0),
        ):
            action = QAction(label, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=step: self.change_text_size(s))
            menu.addAction(action)
            self.addAction(action)  # the shortcuts work without opening the menu
        self.setButtonText(QWizard.WizardButton.CustomButton1, "&View")
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        from .court_update import add_court_data_actions

        add_court_data_actions(self, menu)  # Check for newer court data..., About
        view = self.button(QWizard.WizardButton.CustomButton1)
        assert isinstance(view, QPushButton)
        view.setMenu(menu)
        self.setButtonLayout([
            QWizard.WizardButton.HelpButton, QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton,
        ])  # fmt: skip

    def change_text_size(self, step: float) -> None:
        from PySide6.QtWidgets import QApplication

        from .font_scale import font_scale, set_font_scale

        app = QApplication.instance()
        scale = 1.0 if step == 0 else min(3.0, max(0.75, font_scale(app) + step))
        set_font_scale(app, scale)
        page = self.currentPage()
        if page is not None and hasattr(page, "load") and getattr(page, "built", False):
            page.load()  # rich text with its own sizes (the checklist) is redrawn at the new size

    def start_over_demo(self) -> None:
        """A demo starts again from its fictional answers, with nothing kept."""
        if not self.session.demo:
            return
        self.session.start_over()
        self.restart()

    def path(self) -> list[PageId]:
        from .pages.situation import situation_applies

        session = self.session
        return page_path(session.plan(), bool(session.answers.courts), situation_applies(session))

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return PageId.WELCOME
        later = [page for page in self.path() if page > current]
        return later[0] if later else -1

    def _page_changed(self, page_id: int) -> None:
        if page_id >= 0:
            self.session.remember_page(PageId(page_id).name)
        self.refresh()

    def refresh(self) -> None:
        self.side.update_steps(self)

    def show_help(self) -> None:
        page = self.currentPage()
        key = getattr(page, "help_key", "welcome")
        box = QMessageBox(self)
        box.setWindowTitle(f"Help - {page.title() if page else APP_NAME}")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(help_html(key, self.session.support))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.open()
        self._help_box = box  # kept so tests and screenshots can find it

    def go_to(self, target: PageId) -> None:
        """Move forward page by page to `target` (resume); stops at a page that is not complete."""
        while self.currentId() != target:
            page = self.currentPage()
            if page is None or not page.isComplete() or self.nextId() < 0:
                return
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                return


class SidePanel(QWidget):
    """The steps of this user's path: where you are (▶) and what you have done (✓)."""

    def __init__(self, wizard: NextGenWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        if wizard.session.demo:
            from .demo import BANNER

            self.banner = QLabel(f"<b>{BANNER}</b>")
            self.banner.setWordWrap(True)
            self.banner.setObjectName("demoBanner")
            self.banner.setFrameShape(QLabel.Shape.Box)
            self.banner.setAccessibleName("Demo mode")
            layout.addWidget(self.banner)
            self.start_over = QPushButton("Start &over (demo)")
            self.start_over.clicked.connect(wizard.start_over_demo)
            layout.addWidget(self.start_over)
        heading = QLabel("Your steps")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.steps = QListWidget()
        self.steps.setAccessibleName("Wizard steps")
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fit_width()
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setWordWrap(True)  # long titles wrap instead of being cut off at large text sizes
        self.steps.setTextElideMode(Qt.TextElideMode.ElideNone)
        layout.addWidget(self.steps, 1)
        self.as_of = QLabel()
        self.as_of.setWordWrap(True)
        self.as_of.setAccessibleName("As-of date")
        layout.addWidget(self.as_of)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def _fit_width(self) -> None:
        """Wider with larger text, so the step titles fit on one or two lines."""
        self.steps.setMinimumWidth(max(230, self.fontMetrics().averageCharWidth() * 22))

    def update_steps(self, wizard: NextGenWizard) -> None:
        self.steps.clear()
        visited = set(wizard.visitedIds())
        current = wizard.currentId()
        for page_id in wizard.path():
            page: QWizardPage = wizard.page(page_id)
            if page_id == current:
                mark, state = "▶", "current step"
            elif page_id in visited:
                mark, state = "✓", "done"
            else:
                mark, state = "  ", "to come"
            item = QListWidgetItem(f"{mark} {page.title()}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{page.title()}: {state}")
            if page_id == current:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.steps.addItem(item)
        as_of = wizard.session.as_of
        if as_of == date.today():
            self.as_of.setText(f"As of today, {long_date(as_of)}")
        else:
            self.as_of.setText(f"<b>Replaying {long_date(as_of)}</b> (not today's date)")
