"""`nextgen-wizard --self-test`: build every page offscreen from an example and render the checklist.

Prints one line per check and returns 0 when all pass; the installers run it on the frozen app.
Its lines stay in English whatever the language: a check for developers and IT, read in build logs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from ..domain.answers import answers_from_dict
from ..domain.courts import load_catalog
from ..domain.render import render_json, render_text
from ..domain.resources import resource_path

EXAMPLE = ("examples", "multi-court.json")
LEGACY_EXAMPLE = ("examples", "legacy-alsb.json")


def example_context(as_of: date, example: tuple[str, str] = EXAMPLE):  # -> Session
    from ..session import Session

    raw = json.loads(resource_path(*example).read_text(encoding="utf-8"))
    return Session.for_answers(answers_from_dict(raw), catalog=load_catalog(), as_of=as_of)  # memory vault


def _check(name: str, test: Callable[[], str | None], results: list[bool]) -> None:
    try:
        detail = test()
        print(f"ok    {name}" + (f": {detail}" if detail else ""))
        results.append(True)
    except Exception as error:  # a self-test reports every failure and carries on
        print(f"FAIL  {name}: {type(error).__name__}: {error}")
        results.append(False)


def run_self_test(as_of: date) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is shown: works on any machine
    results: list[bool] = []
    state: dict = {}

    def catalog() -> str:
        return f"{len(load_catalog())} courts"

    def app() -> str:
        from .app import make_app

        state["app"] = make_app()
        return state["app"].platformName()

    def pages() -> str:
        from .wizard import NextGenWizard, PageId

        wizard = NextGenWizard(example_context(as_of))
        state["wizard"] = wizard
        wizard.show()
        for page_id in PageId:
            page = wizard.page(page_id)
            page.initializePage()
            if page.grab().isNull():
                raise RuntimeError(f"page {page_id.name} did not paint")
        return f"{len(PageId)} pages built and painted"

    def checklist() -> str:
        context = example_context(as_of)
        text, data = render_text(context.plan()), json.loads(render_json(context.plan()))
        from ..domain.i18n import _
        from ..domain.render import DISCLAIMER

        # In the language in use: a Spanish workstation's installer runs this check too.
        if "link-cmecf-account" not in {s["id"] for s in data["steps"]} or _(DISCLAIMER) not in text:
            raise RuntimeError("the checklist is incomplete")
        return f"{len(data['steps'])} steps"

    def keyring_backends() -> str:
        """The OS's system keyring backend and its dependencies are inside this installation."""
        from ..session.environment import keyring_candidates

        candidates = keyring_candidates()
        missing = [
            f"{name}: {why}"
            for name, why in candidates.items()
            if name in ("Secret Service", "Windows Credential Manager", "macOS Keychain")
            and ("required" in why or "No module" in why or "not installed" in why)
        ]
        if missing:
            raise RuntimeError("; ".join(missing))
        return "; ".join(f"{name} {why.split(':')[0]}" for name, why in candidates.items()) or "no candidates"

    def pdf() -> str:
        import tempfile
        from pathlib import Path

        from .. import __version__
        from ..domain.render_html import render_html
        from .printing import save_pdf

        html = render_html(example_context(as_of).plan(), generated=as_of, version=__version__)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "self-test.pdf"
            pages = save_pdf(html, path)
            if not path.read_bytes().startswith(b"%PDF") or pages < 1:
                raise RuntimeError("the PDF is empty")
            return f"{pages} pages, {path.stat().st_size:,} bytes"

    def calendar() -> str:
        from ..domain.render_ics import render_ics

        data = render_ics(example_context(as_of).plan())
        if not data.startswith(b"BEGIN:VCALENDAR"):
            raise RuntimeError("the calendar file is not iCalendar")
        return f"{data.count(b'BEGIN:VEVENT')} events"

    def spanish() -> str:
        from ..domain.i18n import CATALOGS, _load_catalog

        catalog = _load_catalog("es")
        if catalog.gettext("January") != "enero" or catalog.gettext("&Help") == "&Help":
            raise RuntimeError("the Spanish catalogs are missing or incomplete")
        from PySide6.QtCore import QLibraryInfo, QTranslator

        qt = QTranslator()
        if not qt.load("qtbase_es", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            raise RuntimeError("Qt's own Spanish (qtbase_es) is missing")
        return f"{len(CATALOGS)} catalogs and Qt's own"

    for name, test in [
        ("court catalog", catalog),
        ("Qt application", app),
        ("wizard pages", pages),
        ("checklist", checklist),
        ("PDF", pdf),
        ("calendar", calendar),
        ("keyring backends", keyring_backends),
        ("Spanish", spanish),
    ]:
        _check(name, test, results)
    passed = sum(results)
    print(f"self-test: {passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1
