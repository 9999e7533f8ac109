"""Every text a person sees on every page (and the checklist's rendering), in one language.

Run as its own process (the language and Qt's own translations are chosen when the app starts):
    python tests/ui/language_probe.py en|es|pseudo
Prints one JSON object: {"PAGE": [texts in the order the widgets are found], ..., "checklist": [...]}.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def visible_texts(wizard) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QListWidget, QWidget

    texts: list[str] = []
    for widget in wizard.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(QGroupBox.title(widget))
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        texts.append(widget.accessibleName())
    return texts


def main(language: str) -> dict[str, list[str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from nextgen_wizard.domain.i18n import choose_language

    choose_language(language, os.environ)
    from nextgen_wizard import __version__
    from nextgen_wizard.domain.render import render_text
    from nextgen_wizard.domain.render_html import render_html
    from nextgen_wizard.ui.app import make_app
    from nextgen_wizard.ui.screenshots import walk_all_pages
    from nextgen_wizard.ui.selftest import example_context

    make_app()
    found: dict[str, list[str]] = {}
    as_of = date(2026, 11, 23)
    for wizard, page_id in walk_all_pages(as_of, 1.0):
        found[page_id.name] = visible_texts(wizard)
    plan = example_context(as_of).plan()
    found["checklist-text"] = render_text(plan).splitlines()
    found["checklist-html"] = [render_html(plan, generated=as_of, version=__version__)]
    return found


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
