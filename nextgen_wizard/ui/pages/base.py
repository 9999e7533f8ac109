"""What every page does: read answers when shown, write them as they change, save on Next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget, QWizardPage

from ...domain.i18n import _
from ...session import Session
from ..accessibility import Heading, announce_text, focus_before_caret
from ..widgets import Notice, announce, order_tabs, text_label

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from ...domain.answer_paths import AnswerPath


class AnswerPage(QWizardPage):
    help_key = "welcome"
    # Answers asked on this page: contradictions involving them are shown here, where they were given.
    warning_paths: tuple[str, ...] = ()

    def __init__(self, session: Session, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.session = session
        # The page shows its own heading (a real heading for screen readers, focused on every page
        # change); QWizard's header stays empty, so the title is kept here rather than in setTitle().
        self._title, self._subtitle = title, subtitle
        self.built = False  # the widgets are made when the page is first shown: a faster start

    def title(self) -> str:
        return self._title

    def subTitle(self) -> str:
        return self._subtitle

    def ensure_built(self) -> None:
        if self.built:
            return
        self.built = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = Heading(self._title)
        # Arriving on a page, a screen reader speaks the focused heading's name and description:
        # the sentence under the title is its description, so it is heard too.
        self.heading.setAccessibleDescription(self._subtitle)
        outer.addWidget(self.heading)
        if self._subtitle:
            self.intro = text_label(self._subtitle)
            self.intro.setObjectName("intro")
            outer.addWidget(self.intro)
        self.blocked = text_label("")  # why Next is not available yet, in words
        self.blocked.setObjectName("blocked")
        self.blocked.setAccessibleName(_("Why you cannot go on yet"))
        self.blocked.hide()
        self.save_notice = Notice()
        outer.addWidget(self.save_notice)
        self.warnings = Notice()
        self.warnings.setAccessibleName(_("Please check"))
        outer.addWidget(self.warnings)
        # Everything scrolls, so nothing is clipped at large font sizes.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")  # text wraps instead
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Qt.NoFocus, by name (see ui/widgets.py): the controls inside take focus; it follows them
        scroll.setProperty("focusPolicy", "NoFocus")
        body = QWidget()
        self.body = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.blocked)
        self.build()
        focus_before_caret(self)  # an empty text field is heard when Tab reaches it

    def build(self) -> None:
        """Make the page's widgets (once)."""

    @property
    def answers(self):  # -> Answers
        return self.session.answers

    def initializePage(self) -> None:
        self.ensure_built()
        self.load()
        self.show_warnings()
        wizard = self.wizard()
        if wizard is not None and not wizard.isVisible() and not getattr(wizard, "is_started", True):
            # The first page: Tab order once the window is painted (reading focus policies converts
            # Qt's enums, which costs the first paint 30 ms; nobody can press Tab before it).
            wizard.started.connect(lambda: order_tabs(self))  # type: ignore[attr-defined]  # NextGenWizard
        else:
            order_tabs(self)
        self.show_blocked(speak=False)  # on arrival the heading and intro are heard first

    def blocked_reason(self) -> str | None:
        """Why Next is not available on this page, in words; None when it is."""
        return None

    def show_blocked(self, speak: bool = True) -> None:
        reason = self.blocked_reason() if self.built else None
        # Translators: {reason} is what is missing on the page, e.g. "choose who you are."
        text = _("To go on: {reason}").format(reason=reason) if reason else ""
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            from PySide6.QtWidgets import QWizard

            button = wizard.button(QWizard.WizardButton.NextButton)
            if button is not None:  # why Next is dimmed, said where the user meets it
                button.setAccessibleDescription(text)
        if text != self.blocked.text():
            self.blocked.setVisible(bool(text))
            if text:
                announce(self.blocked, text)
                if speak and self.isVisible():
                    announce_text(self, text)  # said when an answer makes Next unavailable
            else:
                self.blocked.setText("")

    def isComplete(self) -> bool:
        return self.blocked_reason() is None if self.built else True

    def show_warnings(self) -> None:
        """Contradictions among this page's answers, each with what to check (from plan())."""
        found = self.session.warnings_for(*self.warning_paths) if self.warning_paths else []
        text = "\n".join(_("Please check: {warning}").format(warning=warning) for warning in found)
        if text != self.warnings.label.text():
            self.warnings.show_text(text)
            if text:
                announce(self.warnings.label, text)

    def load(self) -> None:
        """Show the current answers in the widgets."""

    def set_answer(self, path: AnswerPath, value: object) -> bool:
        """Change one answer through the session; a refused change is shown on the page."""
        from ...session import ChangeRefused

        try:
            self.session.set_answer(path, value)
        except ChangeRefused as error:
            self.save_notice.show_text(_("Not changed: {problems}").format(problems=" ".join(error.problems)))
            return False
        return True

    def lock(self, widget: QWidget, *paths: str) -> None:
        """Show an answer firm IT has locked as read-only, and say so."""
        if self.session.is_locked(*paths):
            widget.setEnabled(False)
            widget.setToolTip(_("Set by your firm's policy; ask your IT department to change it."))
            widget.setAccessibleDescription(_("Locked by your firm's policy"))

    def changed(self) -> None:
        """An answer changed: the path and the side panel may change with it."""
        if self.built:
            self.show_warnings()
            self.show_blocked()
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "refresh"):
            wizard.refresh()

    def validatePage(self) -> bool:
        problem = self.session.save()
        self.save_notice.show_text(problem or "")
        if problem and not self.session.offered_save_as:
            self.session.offered_save_as = True
            self.offer_save_as(problem)
        return True

    def offer_save_as(self, problem: str) -> None:
        """The answers could not be saved where they live: offer to keep them somewhere else."""
        from PySide6.QtWidgets import QMessageBox  # imported here: its enums cost the first paint 1 ms

        box = QMessageBox(QMessageBox.Icon.Warning, _("Not saved"), problem, parent=self)
        save_as = box.addButton(_("&Save answers as..."), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Continue without saving"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is save_as:
            self.save_answers_as()

    def save_answers_as(self, path: Path | None = None) -> Path | None:
        from PySide6.QtWidgets import QFileDialog


        if path is None:
            chosen, _kind = QFileDialog.getSaveFileName(
                self, _("Save your answers"), str(Path.home() / "nextgen-answers.json"), _("Answers (*.json)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            self.session.save_as(path)
        except OSError as error:  # the store's message says what happened and that nothing was replaced
            self.save_notice.show_text(str(error))
            return None
        self.save_notice.show_text(_("Your answers were saved as {path}.").format(path=path))
        return path
