"""What a blind lawyer HEARS: Debian's Orca reads the real wizard, driven with the keyboard only
(issue 27). See orca_harness.py: Orca on the app's private AT-SPI bus under Xvfb, every utterance
read from its debug log ("SPEECH OUTPUT"), keys pressed with xdotool.

The demo is walked from Welcome to the checklist, in English and Spanish, at 1x and 2x text. Asserted:
- arriving on a page, its title (as a heading) and the sentence under it are spoken;
- every Tab stop says something, and nothing twice (a radio question once, not three times);
- the reason Next is unavailable is spoken when an answer makes it so, and again on Alt+N;
- in the keyring dialog the password rules are spoken; no typed password character ever is;
- Alt+V says "View menu" and its first item; "Language" says it opens ("collapsed") and Right
  opens its submenu, spoken; F1's help is spoken, and Escape closes it;
- on the checklist, the first step is spoken when the list takes focus, with its place ("1 of n");
  web addresses are never spelled out character by character.
All findings of a walk are collected and reported together, with the transcript. The English 1x
transcript is what docs/screen-reader-transcript.md shows (`python -m tests.a11y.transcript`).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from tests.a11y.orca_harness import OrcaDesktop, Utterance, missing_orca_tools

AS_OF = "2026-11-23"
SECRET = "Zq9!wXv#Kp2$mLrT"
# (language, text scale, every Tab stop walked?): both languages at both sizes, every Tab stop of
# every page, the keyring dialog, the View menu and Help (about 2.3 minutes a walk). Page to page
# (every_stop False) is kept for trying a change quickly.
COMBINATIONS = [("en", 1.0, True), ("es", 2.0, True), ("en", 2.0, True), ("es", 1.0, True)]
MAX_STOPS = 40  # Tab presses on one page before the walk gives up on reaching Next


@dataclass
class Expected:
    """The words the app uses in one language, read from the app itself (offscreen)."""

    titles: dict[str, str]
    intros: dict[str, str]
    next_name: str
    blocked_username: str
    save_pacer: str
    rules_prefix: str
    first_menu_item: str
    view_menu: str
    language_item: str
    language_name: str
    collapsed: str  # Orca's word for something that opens (its own catalog)
    help_title: str
    checklist_name: str
    heading: str  # Orca's role words, in the same language (libatspi's catalog)
    push_button: str


def expected_words(language: str) -> Expected:
    from nextgen_wizard.domain.i18n import _, current_language, set_language
    from nextgen_wizard.ui.selftest import example_context
    from nextgen_wizard.ui.wizard import NextGenWizard, PageId

    before = current_language()
    set_language(language)
    try:
        wizard = NextGenWizard(example_context(date.fromisoformat(AS_OF)))
        titles = {page.name: wizard.page(page).title() for page in PageId}
        intros = {page.name: wizard.page(page).subTitle() for page in PageId}
        wizard.deleteLater()
        reason = _("correct the PACER username (see the note under it), or clear it.")
        return Expected(
            titles=titles,
            intros=intros,
            next_name=_("Next"),
            blocked_username=_("To go on: {reason}").format(reason=reason),
            save_pacer=_("Save PACER login in the keyring..."),
            rules_prefix=_("PACER's 2025 password rules: {rules}.").split("{rules}")[0],
            first_menu_item=_("&Larger text").replace("&", ""),
            view_menu=_("{menu} menu").format(menu=_("View")),
            language_item=_("Lan&guage").replace("&", ""),
            language_name="English",  # the submenu's first item (each language in its own name)
            help_title=_("Help - {title}").split("{title}")[0],
            checklist_name=_("Your steps, each with its status"),
            collapsed=system_word("orca", "collapsed", language),
            heading=system_word("at-spi2-core", "heading", language),
            push_button=system_word("at-spi2-core", "push button", language),
        )
    finally:
        set_language(before)


def system_word(catalog: str, word: str, language: str) -> str:
    """A word as the system's catalog has it in `language`: Orca's own ("orca": states, messages) or
    libatspi's role names ("at-spi2-core"), both of which Orca speaks."""
    import gettext

    return gettext.translation(catalog, "/usr/share/locale", [language], fallback=True).gettext(word)


def plain(text: str) -> str:
    return " ".join(text.replace("&", "").split()).casefold().rstrip(".")


def said(utterances: list[Utterance]) -> list[str]:
    """What the app made Orca say (Orca's echo of the keys left out)."""
    return [u.text for u in utterances if not u.echo and u.text.strip()]


@dataclass
class Walk:
    desk: OrcaDesktop
    words: Expected
    findings: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    def find(self, problem: str) -> None:
        self.findings.append(problem)

    # --- pages -----------------------------------------------------------------------------------

    def arrived(self, utterances: list[Utterance]) -> str | None:
        """Which page the utterances announce (its title as a heading); checks its intro is heard."""
        spoken = [plain(s) for s in said(utterances)]
        text = " ".join(spoken)
        for page, title in self.words.titles.items():
            if plain(f"{title} {self.words.heading}") in spoken:
                intro = self.words.intros.get(page, "")
                if intro and plain(intro) not in text:
                    self.find(f"{page}: arriving, the intro {intro!r} is not spoken: {said(utterances)}")
                self.pages.append(page)
                return page
        self.find(f"after {self.desk.transcript[-1][0]!r} no page title was spoken as a heading: {said(utterances)}")
        return None

    def tab_stop(self, page: str, utterances: list[Utterance]) -> list[str]:
        spoken = said(utterances)
        if not spoken:
            self.find(f"{page}: a Tab stop says nothing")
        sentences = [plain(s) for s in spoken]
        for index, sentence in enumerate(sentences):
            if len(sentence.split()) < 2:
                continue
            for other_index, other in enumerate(sentences):
                if other_index != index and sentence in other and (sentence != other or index < other_index):
                    self.find(f"{page}: one Tab stop says {spoken[index]!r} twice: {spoken}")
                    break
        for sentence in spoken:
            # a web address spelled out: single characters separated by spaces, e.g. "h t t p s"
            if re.search(r"(?:\b\w\b[ .]){8,}", sentence):
                self.find(f"{page}: something is spelled out character by character: {sentence!r}")
        return spoken

    def page_walk(self, page: str) -> None:
        """Tab through the page's controls up to Next, checking each stop."""
        for _ in range(MAX_STOPS):
            spoken = self.tab_stop(page, self.desk.press("Tab"))
            text = plain(" ".join(spoken))
            if page == "PACER" and "pacer username" in text and "blocked" not in self.__dict__:
                self.__dict__["blocked"] = True
                self.next_blocked(page)
            if page == "CMECF" and plain(self.words.save_pacer) in text:
                self.keyring_dialog()
            if text.startswith(plain(f"{self.words.next_name} {self.words.push_button}")):
                return
        self.find(f"{page}: {MAX_STOPS} Tab presses never reached {self.words.next_name!r}")

    def next_blocked(self, page: str) -> None:
        """Make the username malformed: Next goes off, and the reason is spoken, also on Alt+N."""
        self.desk.press("End")
        typed = plain(" ".join(said(self.desk.type_text(" x", "type ' x' at the end"))))
        reason = plain(self.words.blocked_username)
        if reason not in typed:
            self.find(f"{page}: Next became unavailable and the reason was not spoken: {typed!r}")
        on_alt_n = plain(" ".join(said(self.desk.press("alt+n"))))
        if reason not in on_alt_n:
            self.find(f"{page}: Alt+N with Next unavailable did not speak the reason: {on_alt_n!r}")
        self.desk.press("BackSpace")
        self.desk.press("BackSpace")

    def keyring_dialog(self) -> None:
        start = len(self.desk.speech())
        self.desk.press("space")  # opens the dialog, the login field focused
        self.desk.type_text("jdoe", "type 'jdoe' (the login)")
        rules = plain(" ".join(said(self.desk.press("Tab"))))
        if plain(self.words.rules_prefix) not in rules:
            self.find(f"keyring dialog: the password rules are not spoken on the password field: {rules!r}")
        self.desk.type_text(SECRET, "type the password (16 characters)")
        self.desk.press("Escape")
        heard = self.desk.speech()[start:]
        leaked = sorted({ch for u in heard for ch in SECRET if ch in u.text.strip() and len(u.text.strip()) == 1})
        whole = [u.text for u in heard if SECRET[:4] in u.text or SECRET[-4:] in u.text]
        if leaked or whole:
            self.find(f"keyring dialog: typed password characters were spoken: {leaked} {whole}")
        self.refocus()

    def view_menu(self, page: str, named: bool = True) -> None:
        """Alt+V: the menu's name (where the focus is on a control: see `named`) and first item, then
        down to Language and into its submenu. In a list, Orca's focus is on the item, and Orca speaks
        the app's announcement (a change of the focused control's description) only for the object
        it has the focus on, so on the checklist the menu's name is not heard (known, in the ACR)."""
        opened = plain(" ".join(said(self.desk.press("alt+v"))))
        if plain(self.words.first_menu_item) not in opened:
            # Seen under load: the menu shows while xdotool still holds Alt, and closes at once (its
            # first item focused, then not). Once more, and only a second silence is a finding.
            opened = plain(" ".join(said(self.desk.press("alt+v"))))
        if plain(self.words.first_menu_item) not in opened:
            self.find(f"{page}: Alt+V did not speak the View menu's first item: {opened!r}")
            return  # Escape would cancel the wizard if the menu is not open
        if named and plain(self.words.view_menu) not in opened:
            self.find(f"{page}: Alt+V did not say which menu opened ({self.words.view_menu!r}): {opened!r}")
        for _ in range(8):  # down to Language, whose submenu opens with Right on its first language
            item = plain(" ".join(said(self.desk.press("Down"))))
            if item.startswith(plain(self.words.language_item)):
                if plain(self.words.collapsed) not in item:
                    self.find(f"{page}: the Language item does not say it opens a submenu ({self.words.collapsed!r}): {item!r}")
                submenu = plain(" ".join(said(self.desk.press("Right"))))
                if plain(self.words.language_name) not in submenu:
                    self.find(f"{page}: the Language submenu did not speak {self.words.language_name!r}: {submenu!r}")
                self.desk.press("Left")
                break
        else:
            self.find(f"{page}: Down never reached {self.words.language_item!r} in the View menu")
        self.desk.press("Escape")

    def help(self, page: str) -> None:
        spoken = said(self.desk.press("F1"))
        if not any(plain(self.words.help_title) in plain(s) for s in spoken):
            self.find(f"{page}: F1 did not speak the help's title: {spoken[:2]}")
        self.desk.press("Escape")
        self.refocus()

    def refocus(self) -> None:
        """Xvfb has no window manager: after a dialog closes, the wizard gets the keyboard back."""
        assert self.desk.window is not None
        self.desk.xdotool("windowfocus", "--sync", self.desk.window)
        self.desk.listen("(the wizard has the focus again)")

    def checklist(self) -> None:
        for _ in range(MAX_STOPS):
            spoken = self.tab_stop("CHECKLIST", self.desk.press("Tab"))
            text = plain(" ".join(spoken))
            if plain(self.words.checklist_name) in text:
                if not re.search(r"\b1 (of|de) \d+\b", text):
                    self.find(f"CHECKLIST: the first step's place (1 of n) is not spoken: {spoken}")
                return
        self.find("CHECKLIST: Tab never reached the list of steps")

    def report(self) -> str:
        lines = [f"pages walked: {' -> '.join(self.pages)}", "findings:"]
        lines += [f"  - {finding}" for finding in self.findings]
        lines.append(f"(transcript and Orca's debug log: {self.desk.workdir})")
        return "\n".join(lines)


def walk_the_demo(desk: OrcaDesktop, words: Expected, every_stop: bool = True) -> Walk:
    """Welcome to the checklist, keyboard only; returns the walk with its findings. Without
    `every_stop`, page to page with Alt+N, then the checklist, the View menu and Help."""
    walk = Walk(desk, words)
    page = walk.arrived(desk.listen("(the window opens)", first=8.0))
    for _ in range(len(words.titles) + 2):
        if page is None:
            return walk
        if page == "CHECKLIST":
            walk.checklist()
            walk.view_menu(page, named=False)
            walk.help(page)
            return walk
        if every_stop:
            walk.page_walk(page)
        if page == "COURTS" and every_stop:
            walk.view_menu(page)
            walk.help(page)
        page = walk.arrived(desk.press("alt+n"))
    walk.find("the walk never reached the checklist")
    return walk


def transcript_markdown(desk: OrcaDesktop, title: str, intro: str = "") -> str:
    lines = [f"# {title}", ""]
    if intro:
        lines += [intro.rstrip(), ""]
    for label, utterances in desk.transcript:
        lines.append(f"- **{label}**")
        for utterance in utterances:
            if not utterance.echo and utterance.text.strip():
                lines.append("  - " + " ".join(utterance.text.split()).replace("*", "\\*"))
    return "\n".join(lines) + "\n"


def transcript_keys(markdown: str) -> list[str]:
    """The keys pressed, in order, in a transcript (what makes two walks the same walk); a retried
    Alt+V (see Walk.view_menu) counts once."""
    keys = re.findall(r"^- \*\*(.*)\*\*$", markdown, flags=re.MULTILINE)
    return [key for i, key in enumerate(keys) if not (key == "alt+v" and i and keys[i - 1] == "alt+v")]


def check_the_docs_transcript(walk: Walk) -> None:
    """docs/screen-reader-transcript.md follows the same keys and pages as this walk."""
    doc = Path(__file__).resolve().parents[2] / "docs" / "screen-reader-transcript.md"
    fresh = transcript_markdown(walk.desk, "")
    if not doc.exists():
        walk.find("docs/screen-reader-transcript.md is missing: run python -m tests.a11y.transcript")
        return
    text = doc.read_text(encoding="utf-8")
    if transcript_keys(text) != transcript_keys(fresh):
        walk.find("docs/screen-reader-transcript.md follows other keys than this walk: run python -m tests.a11y.transcript")
    for page in walk.pages:
        if plain(f"{walk.words.titles[page]} {walk.words.heading}") not in plain(text):
            walk.find(f"docs/screen-reader-transcript.md does not have the {page} page's heading")


def orca_desktop(workdir: Path, app_home: Path, language: str, scale: float) -> OrcaDesktop:
    command = ["-m", "nextgen_wizard", "--demo", "--as-of", AS_OF, "--lang", language, "--font-scale", str(scale)]
    desk = OrcaDesktop(workdir, app_home, as_of=AS_OF, app_command=command)
    desk.orca_language = language  # Orca's own words (roles, states) in the same language
    return desk


@pytest.mark.parametrize(
    ("language", "scale", "every_stop"),
    COMBINATIONS,
    ids=[f"{lang}-{s:g}x-{'every-stop' if full else 'pages'}" for lang, s, full in COMBINATIONS],
)
def test_orca_hears_the_demo(
    tmp_path: Path, app_home: Path, qapp, language: str, scale: float, every_stop: bool
) -> None:
    missing = missing_orca_tools()
    if missing:
        from tests.helpers import linux_ci
        from tests.packaging.tools import skip_or_fail

        skip_or_fail("the Orca test needs: " + ", ".join(missing) + " (tests/a11y/APT_PACKAGES.txt)", required=linux_ci)
    words = expected_words(language)
    desk = orca_desktop(tmp_path / "orca", app_home, language, scale)
    started = time.monotonic()
    try:
        desk.start()
        walk = walk_the_demo(desk, words, every_stop)
    finally:
        desk.stop()
        if desk.transcript:
            markdown = transcript_markdown(desk, f"Orca, {language}, {scale:g}x")
            (desk.workdir / "transcript.md").write_text(markdown, encoding="utf-8")
    if len(set(walk.pages)) < 8:
        walk.find(f"only {len(set(walk.pages))} pages were announced")
    if (language, scale, every_stop) == COMBINATIONS[0]:
        check_the_docs_transcript(walk)
    assert not walk.findings, walk.report() + f"\n({time.monotonic() - started:.0f} s)"
