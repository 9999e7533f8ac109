"""Save a PNG of every wizard page, filled from the example answers (docs/screenshots)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path


def take_screenshots(folder: Path, as_of: date) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import make_app
    from .selftest import LEGACY_EXAMPLE, example_context
    from .wizard import NextGenWizard, PageId

    app = make_app()
    folder.mkdir(parents=True, exist_ok=True)
    wizard = NextGenWizard(example_context(as_of))
    wizard.resize(1000, 720)
    wizard.show()
    written = []
    shown: set[PageId] = set()

    def save(page_id: PageId) -> None:
        app.processEvents()
        path = folder / f"page-{page_id.value:02d}-{page_id.name.lower().replace('_', '-')}.png"
        wizard.grab().save(str(path))
        written.append(path)
        shown.add(page_id)

    # Walk the example's own path, as a user would (the side panel ticks what was done)...
    save(PageId(wizard.currentId()))
    while wizard.nextId() >= 0:
        wizard.next()
        save(PageId(wizard.currentId()))
    # ...then the pages this example does not need, from the legacy-account example.
    wizard = NextGenWizard(example_context(as_of, LEGACY_EXAMPLE))
    wizard.resize(1000, 720)
    wizard.show()
    for page_id in PageId:
        if page_id not in shown:
            wizard.setStartId(page_id)
            wizard.restart()
            save(page_id)
    # The printed checklist's first page, as it comes out of the printer.
    from .. import __version__
    from ..domain.render_html import render_html
    from .printing import first_page_image

    html = render_html(example_context(as_of).plan(), generated=as_of, version=__version__)
    handout = folder / "checklist-page1.png"
    first_page_image(html).save(str(handout))
    written.append(handout)
    return sorted(written)
