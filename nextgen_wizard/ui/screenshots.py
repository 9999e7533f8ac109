"""Save a PNG of every wizard page at text size 1 and 2, and the printed checklist's first page.

nextgen-wizard screenshots [DIR]      (default docs/screenshots; scale 2 goes to DIR/scale-2)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from .wizard import NextGenWizard, PageId

WINDOW = {1.0: (1000, 720), 2.0: (1600, 1000)}  # a laptop, and a projector at double text size


def walk_all_pages(as_of: date, scale: float = 1.0) -> Iterator[tuple[NextGenWizard, PageId]]:
    """Yield (wizard, page id) for every page, filled from the examples, at this text size.

    The multi-court example's own path is walked as a user would (so the side panel ticks
    what was done); pages it does not need come from the legacy-account example.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import make_app
    from .font_scale import set_font_scale
    from .selftest import LEGACY_EXAMPLE, example_context
    from .wizard import NextGenWizard, PageId

    app = make_app()
    set_font_scale(app, scale)
    shown: set[PageId] = set()
    try:
        wizard = NextGenWizard(example_context(as_of))
        wizard.resize(*WINDOW.get(scale, WINDOW[2.0]))
        wizard.show()
        app.processEvents()
        while True:
            page_id = PageId(wizard.currentId())
            shown.add(page_id)
            app.processEvents()
            yield wizard, page_id
            if wizard.nextId() < 0:
                break
            wizard.next()
        wizard.close()
        wizard = NextGenWizard(example_context(as_of, LEGACY_EXAMPLE))
        wizard.resize(*WINDOW.get(scale, WINDOW[2.0]))
        wizard.show()
        for page_id in PageId:
            if page_id not in shown:
                wizard.setStartId(page_id)
                wizard.restart()
                app.processEvents()
                yield wizard, page_id
        wizard.close()
    finally:
        set_font_scale(app, 1.0)


def take_screenshots(folder: Path, as_of: date) -> list[Path]:
    from .. import __version__
    from ..domain.render_html import render_html
    from .printing import first_page_image
    from .selftest import example_context

    written = []
    for scale, target in ((1.0, folder), (2.0, folder / "scale-2")):
        target.mkdir(parents=True, exist_ok=True)
        for wizard, page_id in walk_all_pages(as_of, scale):
            path = target / f"page-{page_id.value:02d}-{page_id.name.lower().replace('_', '-')}.png"
            _save_png(wizard.grab().toImage(), path)
            written.append(path)
    html = render_html(example_context(as_of).plan(), generated=as_of, version=__version__)
    handout = folder / "checklist-page1.png"
    _save_png(first_page_image(html), handout)
    written.append(handout)
    return sorted(written)


def _save_png(image: QImage, path: Path) -> None:
    """Encode in memory, then the one safe writer puts it on disk."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from ..storage.files import write_file

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    write_file(path, bytes(data.data()), check=lambda b: None if b.startswith(b"\x89PNG") else "not a PNG")
