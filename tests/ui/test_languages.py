"""The whole product in Spanish as well as English: every page, the checklist, the catalogs complete,
and pseudo-localised text (longer, accented) still fitting at 2x text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache

from tests.helpers import ROOT

# Texts that are the same in every language: names, addresses, numbers, PACER's own screen names
# (the user must find them on screen as they are), the app's name and the demo's fictional filer.
KEPT = re.compile(
    r"https?://\S+|[\w.+-]+@[\w.-]+|\b\d[\d\-,./: ]*\b|PACER Service Center|NextGen Ready|NextGen|PACER"
    r"|CM/ECF|ECF|ACMS|PAA|MFA|&[a-z]+;|&#\w+;"
    r"|Sam Fictional|Fictional Partners|Pat Example|Example & Sample LLP|Demo Filer|English|Español"
    r"|\b[a-z]{2,3}\d?\b|\([a-z]{2,4}\d?\)|[^\w\s]"
)


def _leftover_words(text: str, court_names: frozenset[str]) -> str:
    import html

    text = " ".join(html.unescape(text).split())  # a name wrapped over two lines is still the name
    for name in court_names:
        text = text.replace(name, " ")
    return " ".join(re.findall(r"[A-Za-z]{3,}", KEPT.sub(" ", text)))


@cache
def _court_names() -> frozenset[str]:
    """Proper names shown as they are in every language: court names, and the titles of the
    (English) pages a step's sources link to."""
    from nextgen_wizard.domain.courts import load_catalog
    from nextgen_wizard.domain.sources import SOURCES

    return frozenset(court.name for court in load_catalog().courts) | {s.title for s in SOURCES.values()}


@cache
def _texts(language: str) -> dict[str, list[str]]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "ui" / "language_probe.py"), language],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    # The text rendering wraps its lines (a court's name may be split): read it whole, step by step.
    found["checklist-text"] = "\n".join(found["checklist-text"]).split("\n\n")
    return found


def _segments(html: str) -> list[str]:
    return [s.strip() for s in re.split(r"<[^>]+>", html.split("</style>")[-1]) if s.strip()]


def test_every_page_and_the_checklist_are_translated_into_spanish() -> None:
    english, spanish = _texts("en"), _texts("es")
    assert english.keys() == spanish.keys()
    untranslated: list[str] = []
    for page in english:
        left, right = english[page], spanish[page]
        if page == "checklist-html":
            left, right = _segments(left[0]), _segments(right[0])
        assert len(right) >= len(left) * 0.8, f"{page}: the Spanish page shows much less"
        shown_in_english = set(left)
        # A text shown word for word as in English, with words left once names are taken out.
        untranslated += [
            f"{page}: {es!r}" for es in right if es in shown_in_english and _leftover_words(es, _court_names())
        ]
    assert untranslated == []


def test_pseudo_localisation_finds_no_text_outside_the_catalogs() -> None:
    """In the pseudo language every translated text is [bracketed ~~]; anything else was never marked."""
    qt_buttons = {"< &Back", "&Next >", "&Close", "Cancel", "&Help", "&Finish", "&Commit"}  # Qt's own
    missed: list[str] = []
    for page, texts in _texts("pseudo").items():
        if page == "checklist-html":
            texts = _segments(texts[0])
        for text in texts:
            if text in qt_buttons:
                continue
            outside, before = text, None
            while outside != before:  # translated texts nest: [a [b ~~] c ~~]
                before, outside = outside, re.sub(r"\[[^\[\]]*~+\]", " ", outside)
            if _leftover_words(outside, _court_names()):
                missed.append(f"{page}: {text!r}")
    assert missed == []


def test_the_catalogs_are_complete_and_compiled() -> None:
    """100% translated, nothing new left out, the compiled catalogs current (a new text fails here)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "i18n.py"), "--check"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("(100%)") == 3


def test_pseudo_localised_pages_still_fit_at_twice_the_text_size() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "ui" / "screen_probe.py"), "1366", "768", "2.0", "light"],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
        env={**os.environ, "NEXTGEN_WIZARD_LANG": "pseudo"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["language"] == "pseudo" and found["pages"] == 11
    assert found["problems"] == []


def test_the_language_follows_the_flag_the_firm_and_the_system(tmp_path, monkeypatch) -> None:
    from tests.cli.test_cli import run

    assert "Lista de verificación" in run("--lang", "es", "checklist", "--answers",
                                          str(ROOT / "examples" / "multi-court.json")).stdout  # fmt: skip
    monkeypatch.setenv("LANGUAGE", "es_PR.UTF-8")
    assert "Lista de verificación" in run("checklist", "--answers", str(ROOT / "examples" / "multi-court.json")).stdout
    policy = tmp_path / "policy.toml"
    policy.write_text('[wizard]\nlanguage = "es"\n')
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(policy))
    firm = run("checklist", "--answers", str(ROOT / "examples" / "multi-court.json")).stdout
    assert "Lista de verificación" in firm  # the firm's default
    mine = run("--lang", "en", "checklist", "--answers", str(ROOT / "examples" / "multi-court.json")).stdout
    assert "NextGen CM/ECF checklist" in mine  # a person's own choice wins


def test_the_language_chosen_in_the_wizard_is_used_from_its_next_start(qtbot, open_session) -> None:
    """View > Language keeps the choice and says it applies from the next start; the next start
    (without --lang) is then in Spanish; a demo changes nothing on the trainer's computer."""
    from PySide6.QtGui import QAction

    from nextgen_wizard.storage.paths import app_paths
    from nextgen_wizard.storage.preferences import read_language
    from nextgen_wizard.ui.wizard import NextGenWizard
    from tests.cli.test_cli import run

    wizard = NextGenWizard(open_session())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.finish_start()
    spanish = wizard.findChild(QAction, "language_es")
    assert spanish is not None and not spanish.isChecked()
    spanish.trigger()
    assert "next time you start it" in wizard._language_box.text()
    assert read_language(app_paths().config) == "es"
    started = run("--self-test")  # a real start of the app, which reads the choice
    assert started.returncode == 0
    from nextgen_wizard.cli import _choose_language
    from nextgen_wizard.domain.i18n import current_language

    _choose_language([])  # what the next start of the wizard does first
    assert current_language() == "es"


def test_the_compiled_catalog_check_compares_messages_not_bytes(tmp_path) -> None:
    """A Babel release that lays out the same catalog differently passes; a changed or missing
    translation in the compiled file fails (packaging/i18n.py --check)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import i18n

    catalog = i18n.read_po("ui", "es")
    compiled = tmp_path / "ui.mo"
    compiled.write_bytes(i18n.mo_bytes(catalog))
    assert i18n.compiled_is_current(compiled, catalog)

    relaid = i18n.read_po("ui", "es")
    relaid.revision_date = "2001-01-01 00:00+0000"  # other header bytes, same meaning
    relaid.msgid_bugs_address = "someone-else@example.invalid"
    compiled.write_bytes(i18n.mo_bytes(relaid))
    assert compiled.read_bytes() != i18n.mo_bytes(catalog)
    assert i18n.compiled_is_current(compiled, catalog)

    changed = i18n.read_po("ui", "es")
    message = next(m for m in changed if m.id and isinstance(m.id, str))
    message.string = "otra cosa"
    compiled.write_bytes(i18n.mo_bytes(changed))
    assert not i18n.compiled_is_current(compiled, catalog)
    compiled.unlink()
    assert not i18n.compiled_is_current(compiled, catalog)
