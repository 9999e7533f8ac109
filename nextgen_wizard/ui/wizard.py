"""The wizard: page ids, which pages apply (asked of the domain plan), side panel, help.

Start-up: only what the first paint needs is made before it. Pages are created when first
needed (`page()`, or the user going forward); the View menu, its shortcuts and F1 are made,
and `started` is emitted, right after the first paint. The `Qt` namespace is not touched
before the paint: PySide6 converts all of its enums on first use (about 15 ms).
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .. import APP_NAME
from ..domain.dates import long_date
from ..domain.i18n import N_, _
from ..domain.steps import Status, StepId
from .accessibility import Heading, announce_focus, announce_text
from .font_scale import font_scale
from .widgets import TextLabel

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from ..domain.plan import Checklist
    from ..session import Session


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


# Each page's title, for the side panel, which lists pages not made yet (a test checks that
# these are the pages' own titles).
PAGE_TITLES: dict[PageId, str] = {
    PageId.WELCOME: N_("Welcome"),
    PageId.COURTS: N_("You and your courts"),
    PageId.PACER: N_("Your PACER account"),
    PageId.SITUATION: N_("Your situation"),
    PageId.UPGRADE: N_("Upgrade your PACER account"),
    PageId.NEW_ACCOUNT: N_("Get your own PACER account"),
    PageId.FIRM: N_("Firm billing account (optional)"),
    PageId.MFA: N_("Multi-factor authentication"),
    PageId.CMECF: N_("Your CM/ECF logins"),
    PageId.LINK: N_("Link your accounts"),
    PageId.CHECKLIST: N_("Your checklist"),
}  # English here (tests compare them); translated where shown: _(PAGE_TITLES[page_id])

# Values of Qt enums used before the first paint, set through Qt's property system by name
# so that the `Qt` namespace (and its enum conversion) waits until after the paint.
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole


# Which plan steps each page is about: the side panel shows their true state, not "visited".
PAGE_STEPS: dict[PageId, frozenset[StepId]] = {
    PageId.PACER: frozenset({
        StepId.GET_INDIVIDUAL_PACER_ACCOUNT, StepId.USE_OWN_ACCOUNT_FOR_FILING,
        StepId.RECOVER_PACER_LOGIN, StepId.REACTIVATE_PACER_ACCOUNT,
    }),
    PageId.SITUATION: frozenset({
        StepId.CJA_EXEMPTION, StepId.STAFF_FILING_ACCESS, StepId.ADD_FILING_AGENT,
        StepId.REGISTER_FILING_AGENT, StepId.LINK_TRUSTEE_ACCOUNT, StepId.ADD_SECONDARY_EMAILS,
        StepId.FILE_CLAIMS_WITH_EPOC,
    }),
    PageId.UPGRADE: frozenset({StepId.UPGRADE_PACER_ACCOUNT}),
    PageId.NEW_ACCOUNT: frozenset({StepId.GET_INDIVIDUAL_PACER_ACCOUNT}),
    PageId.FIRM: frozenset({StepId.FIRM_BILLING_ACCOUNT}),
    PageId.MFA: frozenset({StepId.ENROLL_MFA, StepId.REGAIN_MFA_ACCESS}),
    PageId.CMECF: frozenset({StepId.RECOVER_CMECF_LOGIN, StepId.SAVE_CMECF_LOGIN}),
    PageId.LINK: frozenset({
        StepId.LINK_CMECF_ACCOUNT, StepId.REQUEST_EFILING_PRIVILEGES, StepId.FILE_IN_ACMS,
    }),
}  # fmt: skip
# A page's state: English words here (page_state() returns them, tests compare them), translated
# where the side panel shows them.
# Translators: the state of a page of the wizard, shown under its title in the side panel.
DONE, TO_DO, CHECK = N_("done"), N_("to do"), N_("needs checking")
# Translators: the state of a page of the wizard, shown under its title in the side panel.
NOT_YET, NOT_ASKED = N_("not yet possible"), N_("not asked yet")
STATE_MARKS = {DONE: "✓", TO_DO: "●", CHECK: "?", NOT_YET: "◷", NOT_ASKED: "○"}


def page_state(page_id: PageId, checklist: Checklist, *, asked: bool) -> str:
    """A page's state in words, from plan(): done, to do, needs checking, not yet possible, not asked yet."""
    if page_id is PageId.CHECKLIST:
        open_steps = [s for s in checklist.steps if s.status is not Status.DONE]
        return DONE if not open_steps else TO_DO
    if not asked:
        return NOT_ASKED
    statuses = {s.status for s in checklist.steps if s.id in PAGE_STEPS.get(page_id, frozenset())}
    if Status.TODO in statuses:
        return TO_DO
    if Status.VERIFY in statuses:
        return CHECK
    if Status.SCHEDULED in statuses:
        return NOT_YET
    return DONE


class _FirstPaint(QObject):
    """Calls `then` once, from the event loop, right after the watched widget's first paint."""

    def __init__(self, watched: QWidget, then) -> None:
        super().__init__(watched)
        self.then = then
        watched.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after the whole window is painted, not inside it
        return False


def _product_header() -> tuple[QHBoxLayout, QLabel]:
    """The app's icon and name at the top of the side panel: what this window is, at a glance.
    The icon's place is kept from the start; its picture comes after the first paint
    (_show_product_icon)."""
    row = QHBoxLayout()
    icon = QLabel()
    size = icon.fontMetrics().height() * 2
    # The label scales the picture smoothly when it paints it (QPixmap.scaled() would need Qt's
    # enums, and QIcon converts three of its own: 1 ms before the paint).
    icon.setScaledContents(True)
    icon.setFixedSize(size, size)
    icon.setAccessibleName(APP_NAME)
    name = QLabel(APP_NAME)
    name.setObjectName("productName")
    font = name.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    name.setFont(font)
    row.addWidget(icon)
    row.addWidget(name, 1)
    return row, icon


def _show_product_icon(icon: QLabel) -> None:
    """Decode the icon into its place: the app's first image read costs Qt ~2 ms (its image
    readers), so it waits until the page is on screen. Without the file the place is given up."""
    from PySide6.QtGui import QPixmap

    from ..domain.resources import resource_path

    try:
        image = QPixmap(str(resource_path("resources", "icons", "nextgen-ready.png")))
    except FileNotFoundError:
        image = QPixmap()
    if image.isNull():
        icon.hide()
    else:
        icon.setPixmap(image)


class NextGenWizard(QWizard):
    started = Signal()  # emitted once, right after the first paint: the place for start-up work that can wait

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.is_started = False
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)  # AeroStyle breaks dark mode on Windows
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        # Qt's own Spanish gives Help and Back the same access key (&Ayuda, < &Atrás): the text is
        # set here so each language can pick its own (English: Qt's "&Help", unchanged).
        self.setButtonText(QWizard.WizardButton.HelpButton, _("&Help"))
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Close"))
        title = APP_NAME + (_(" - DEMO") if session.demo else "")
        self.setWindowTitle(title)
        self.setMinimumSize(640, 480)  # fit_to_screen() sizes it to the text and the screen
        self.helpRequested.connect(self.show_help)
        # The View button is there from the start; its menu and every shortcut come right after
        # the first paint (finish_start), before anyone can reach them.
        # Translators: the button that opens the wizard's menu (text size, court data, language).
        self.setButtonText(QWizard.WizardButton.CustomButton1, _("&View"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonLayout([
            QWizard.WizardButton.HelpButton, QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton,
        ])  # fmt: skip
        # Qt's "< &Back" and "&Next >" would be read "less Back", "Next greater": plain names.
        plain = {QWizard.WizardButton.BackButton: _("Back"), QWizard.WizardButton.NextButton: _("Next")}
        for which, name in plain.items():
            self.button(which).setAccessibleName(name)
        view = self.button(QWizard.WizardButton.CustomButton1)
        assert isinstance(view, QPushButton)
        self.view_menu = QMenu(self)  # empty until the first paint; set now so the button keeps its width
        view.setMenu(self.view_menu)
        self.setStartId(PageId.WELCOME)  # creates the first page; the others come when needed
        self.side = SidePanel(self)
        self.setSideWidget(self.side)
        self.currentIdChanged.connect(self._page_changed)
        self._first_paint = _FirstPaint(self, self.finish_start)

    # ---- pages, made on demand -------------------------------------------------------------

    def page(self, page_id: int) -> QWizardPage:
        """The page with this id, created and registered the first time it is asked for."""
        if page_id not in PAGE_TITLES:
            return super().page(page_id)
        page = super().page(page_id)
        if page is None:
            from .pages import make_page

            page = make_page(self.session, page_id)
            self.setPage(page_id, page)
        return page

    def setStartId(self, page_id: int) -> None:
        self.page(page_id)  # QWizard accepts only a registered page as the start
        super().setStartId(page_id)

    def validateCurrentPage(self) -> bool:
        """Called by QWizard.next() before it switches: the next page must exist by then."""
        if not super().validateCurrentPage():
            return False
        following = self.nextId()
        if following >= 0:
            self.page(following)
        return True

    # ---- after the first paint ---------------------------------------------------------------

    def finish_start(self) -> None:
        """Menus and shortcuts (made once); runs right after the first paint, or when called."""
        if self.is_started:
            return
        self.is_started = True
        if self.currentId() == PageId.WELCOME:
            self.session.preferences.remember_page(PageId.WELCOME.name)
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.show_help)
        # Next's access key while Next is unavailable: say why, instead of nothing. (A shortcut of
        # its own, on only while the button is off, so the two never compete.)
        next_button = self.button(QWizard.WizardButton.NextButton)
        self._why_not_next = QShortcut(QKeySequence.mnemonic(next_button.text()), self)
        self._why_not_next.activated.connect(self.say_why_not_next)
        self._why_not_next.activatedAmbiguously.connect(self.say_why_not_next)
        self._why_not_next.setEnabled(not next_button.isEnabled())
        next_button.installEventFilter(self)
        _show_product_icon(self.side.product_icon)
        self._text_size_menu()
        self.started.emit()

    def _text_size_menu(self) -> None:
        """View > Larger text / Smaller text, as a button beside Help (a wizard has no menu bar)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence

        menu = self.view_menu
        # A popup menu's accessible name is its window title (Qt): without one, Orca says only the
        # item, and a listener never hears which menu opened.
        # Translators: the View menu's name as a screen reader says it ("View menu").
        menu.setWindowTitle(_("View"))
        for label, keys, step in (
            (N_("&Larger text"), ("Ctrl+=", "Ctrl++"), 0.25),
            (N_("&Smaller text"), ("Ctrl+-",), -0.25),
            (N_("&Normal text size"), ("Ctrl+0",), 0.0),
        ):
            action = QAction(_(label), self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=step: self.change_text_size(s))
            menu.addAction(action)
            self.addAction(action)  # the shortcuts work without opening the menu
        from .court_data_menu import add_court_data_actions

        add_court_data_actions(self, menu)  # Check for newer court data..., About
        self._language_menu(menu)
        # Opened from its button, a menu has no current item, and a screen reader hears nothing:
        # the first item becomes current, so "View menu" and that item are spoken.
        menu.aboutToShow.connect(lambda: QTimer.singleShot(0, self._first_menu_item))
        menu.installEventFilter(self)  # and once it is shown (it can show after aboutToShow's turn)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view_menu and event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self._first_menu_item)
        next_button = self.button(QWizard.WizardButton.NextButton)
        if event.type() == QEvent.Type.EnabledChange and watched is next_button:
            shortcut = getattr(self, "_why_not_next", None)
            if shortcut is not None:
                shortcut.setEnabled(not watched.isEnabled())
        return super().eventFilter(watched, event)

    def say_why_not_next(self) -> None:
        next_button = self.button(QWizard.WizardButton.NextButton)
        if not next_button.isEnabled() and next_button.accessibleDescription():
            announce_text(self, next_button.accessibleDescription())

    def _first_menu_item(self) -> None:
        menu = self.view_menu
        if menu.isVisible() and menu.activeAction() is None:
            first = next((a for a in menu.actions() if not a.isSeparator() and a.isEnabled()), None)
            if first is not None:
                # Orca names no menu that opens from a button (only its item): the menu is said first.
                # Translators: said by a screen reader as a menu opens, e.g. "View menu".
                announce_text(self, _("{menu} menu").format(menu=menu.windowTitle()))
                menu.setActiveAction(first)

    def _language_menu(self, menu) -> None:
        """View > Language: English / Español; the choice applies from the next start (said so)."""
        from PySide6.QtGui import QAction, QActionGroup

        from ..domain.i18n import LANGUAGES, current_language

        languages = menu.addMenu(_("Lan&guage"))
        languages.setWindowTitle(_("Language"))  # the submenu's accessible name (Qt reads the window title)
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _checked=False, c=code, n=name: self.choose_language(c, n))
            group.addAction(action)
            languages.addAction(action)

    def choose_language(self, code: str, name: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        problem = self.session.preferences.remember_language(code)
        text = problem or _(
            "The wizard will be in {language} the next time you start it. Your answers are kept."
        ).format(language=name)
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=self)
        box.open()
        self._language_box = box  # kept so tests can read it

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
        from ..domain.questions import SITUATION_PATHS

        session = self.session
        situation = bool(session.open_questions() & set(SITUATION_PATHS))
        wanted = page_path(session.plan(), bool(session.answers.courts), situation)
        # A page already answered stays listed (e.g. Upgrade, once ticked "done"), so its state shows.
        behind = [PageId(p) for p in self.visitedIds() if p >= 0 and p < max(self.currentId(), 0)]
        return sorted(set(wanted) | set(behind))

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return PageId.WELCOME
        later = [page for page in self.path() if page > current]
        return later[0] if later else -1

    def _page_changed(self, page_id: int) -> None:
        # The first page is recorded after the first paint (finish_start): a file write and
        # two fsyncs that need not hold up the window.
        if page_id >= 0 and (self.is_started or page_id != PageId.WELCOME):
            self.session.preferences.remember_page(PageId(page_id).name)
        self.refresh()
        # The new page's heading takes the focus, so a screen reader reads where the user now is
        # (and the focus ring never disappears): Tab goes on from it to the page's first question.
        QTimer.singleShot(0, self, self.focus_heading)  # with self as context: cancelled if it closes

    def focus_heading(self) -> None:
        page = self.currentPage()
        heading = getattr(page, "heading", None)
        if heading is not None and self.isVisible():
            announce_focus(heading)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a text field or a list never goes to the next page by surprise."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTextEdit

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()  # the window's own, also when it is not the active window
            if isinstance(focus, QLineEdit | QAbstractItemView | QComboBox | QTextEdit | QAbstractSpinBox):
                event.accept()
                return
        super().keyPressEvent(event)

    def fit_to_screen(self) -> None:
        """As large as the text needs, never larger than the screen: maximised on small screens
        or with large text (projectors), so every button stays on screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return
        scale = font_scale(QApplication.instance())
        width, height = int(1000 * max(1.0, scale * 0.8)), int(720 * max(1.0, scale * 0.8))
        if width > screen.width() or height > screen.height() or screen.width() < 1280:
            self.setGeometry(screen)
            self.maximize_on_show = True  # show_fitted() shows it maximised, in one step
        else:
            self.resize(width, height)

    def show_fitted(self) -> None:
        """Show the window as fit_to_screen() decided: maximised on small screens, else as sized."""
        if getattr(self, "maximize_on_show", False):
            self.showMaximized()
        else:
            self.show()


    def refresh(self) -> None:
        self.side.update_steps(self)

    def show_help(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from .help import glossary_text, page_help_html

        page = self.currentPage()
        key = getattr(page, "help_key", "welcome")
        box = QMessageBox(self)
        box.setWindowTitle(_("Help - {title}").format(title=page.title() if page else APP_NAME))
        box.setTextFormat(Qt.TextFormat.RichText)
        # The page's help first; the glossary behind "Show Details...": a screen reader reads the
        # message box whole when it opens, and 1,500 characters at once is too much to take in.
        box.setText(page_help_html(key, self.session.policy.support))
        box.setDetailedText(_("Words used here") + "\n\n" + glossary_text())
        from PySide6.QtWidgets import QTextEdit

        details = box.findChild(QTextEdit)
        if details is not None:  # Qt keeps it out of the Tab chain: Tab must reach it, line by line
            details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            flags = Qt.TextInteractionFlag
            details.setTextInteractionFlags(flags.TextSelectableByKeyboard | flags.TextSelectableByMouse)
            details.setAccessibleName(_("Words used here"))
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
    """The product's name, then this user's steps, each with its true state in words and a mark."""

    def __init__(self, wizard: NextGenWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 12, 0)
        header, self.product_icon = _product_header()
        layout.addLayout(header)
        if wizard.session.demo:
            from .demo import BANNER

            self.banner = QLabel(f"<b>{_(BANNER)}</b>")
            self.banner.setWordWrap(True)
            self.banner.setObjectName("demoBanner")
            self.banner.setFrameShape(QLabel.Shape.Box)
            self.banner.setAccessibleName(_("Demo mode"))
            layout.addWidget(self.banner)
            # No access key: it must not clash on any page.
            self.start_over = QPushButton(_("Start over (demo)"))
            self.start_over.clicked.connect(wizard.start_over_demo)
            layout.addWidget(self.start_over)
        heading = Heading(_("Your steps"), level=2)
        heading.setProperty("focusPolicy", "NoFocus")
        layout.addWidget(heading)
        self.steps = QListWidget()
        self.steps.setAccessibleName(_("Wizard steps"))
        # Qt.NoFocus, Qt.ScrollBarAlwaysOff, Qt.ElideNone, by name (see ACCESSIBLE_TEXT_ROLE)
        self.steps.setProperty("focusPolicy", "NoFocus")
        self._fit_width()
        self.steps.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.steps.setWordWrap(True)  # long titles wrap instead of being cut off at large text sizes
        self.steps.setProperty("textElideMode", "ElideNone")
        layout.addWidget(self.steps, 1)
        self.as_of = TextLabel()
        self.as_of.setWordWrap(True)
        self.as_of.setAccessibleName(_("As-of date"))
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
        checklist = wizard.session.plan()
        visited = set(wizard.visitedIds())
        current = wizard.currentId()
        for page_id in wizard.path():
            title = _(PAGE_TITLES[page_id])  # pages not made yet are listed too: no page() here
            state = page_state(page_id, checklist, asked=page_id in visited or page_id == current)
            here = page_id == current
            mark = "▶" if here else STATE_MARKS[state]
            words = _(state)
            item = QListWidgetItem(f"{mark} {title}\n    {words}")
            spoken = (
                _("{title}: {state}, this page") if here else _("{title}: {state}")
            ).format(title=title, state=words)
            item.setData(ACCESSIBLE_TEXT_ROLE, spoken)
            item.setToolTip(spoken)
            if here:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.steps.addItem(item)
        as_of = wizard.session.as_of
        if as_of == date.today():
            self.as_of.setText(_("As of today, {date}").format(date=long_date(as_of)))
        else:
            self.as_of.setText(_("<b>Replaying {date}</b> (not today's date)").format(date=long_date(as_of)))
