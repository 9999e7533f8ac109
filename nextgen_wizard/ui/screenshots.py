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
    _delete_closed_windows(app)  # so the new text size restyles cleanly
    set_font_scale(app, scale)
    shown: set[PageId] = set()
    try:
        wizard = NextGenWizard(example_context(as_of))
        wizard.fit_to_screen()  # as the app does: sized to the text and the screen
        wizard.show_fitted()
        wizard.finish_start()
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
        wizard.fit_to_screen()  # as the app does: sized to the text and the screen
        wizard.show_fitted()
        wizard.finish_start()
        for page_id in PageId:
            if page_id not in shown:
                wizard.setStartId(page_id)
                wizard.restart()
                app.processEvents()
                yield wizard, page_id
        wizard.close()
    finally:
        set_font_scale(app, 1.0)


SCREEN = (1366, 768)  # a common projector and laptop: every page must fit it at 1x and 2x text


def take_screenshots(folder: Path, as_of: date, theme: str | None = None) -> list[Path]:
    """Every page at text size 1 and 2 on a 1366x768 screen, light (FOLDER) and dark (FOLDER/dark).

    Each palette runs in its own process: the screen and the palette are fixed when Qt starts.
    """
    if theme is None:
        written: list[Path] = []
        for each, language in (("light", "en"), ("dark", "en"), ("light", "es")):
            written += _screenshots_in_child(folder, as_of, each, language)
        return sorted(written)
    from .. import __version__
    from ..domain.render_html import render_html
    from .app import make_app
    from .printing import first_page_image
    from .selftest import example_context
    from .style import apply_style, dark_palette

    os.environ.setdefault("QT_QPA_PLATFORM", screen_platform(*SCREEN))
    app = make_app()
    if theme == "dark":
        app.setPalette(dark_palette())
        apply_style(app)
    from ..domain.i18n import current_language

    language = current_language()
    root = folder if theme == "light" else folder / "dark"
    if language != "en":
        root = folder / language  # every page in Spanish, light, at 1x and 2x
    written = []
    for scale, target in ((1.0, root), (2.0, root / "scale-2")):
        target.mkdir(parents=True, exist_ok=True)
        for wizard, page_id in walk_all_pages(as_of, scale):
            path = target / f"page-{page_id.value:02d}-{page_id.name.lower().replace('_', '-')}.png"
            _save_png(wizard.grab().toImage(), path)
            written.append(path)
    if theme == "light" and language == "en":
        html = render_html(example_context(as_of).plan(), generated=as_of, version=__version__)
        handout = folder / "checklist-page1.png"
        _save_png(first_page_image(html), handout)
        written.append(handout)
    return sorted(written)


def screen_platform(width: int, height: int) -> str:
    """QT_QPA_PLATFORM for an offscreen screen of this size (Qt's offscreen plugin reads a config)."""
    import json
    import tempfile

    config = Path(tempfile.mkdtemp(prefix="nextgen-screen-")) / "screen.json"
    screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    from ..session.environment import write_file

    write_file(config, json.dumps({"screens": [screen]}).encode("utf-8"))
    return f"offscreen:configfile={config}"


def _screenshots_in_child(folder: Path, as_of: date, theme: str, language: str) -> list[Path]:
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": screen_platform(*SCREEN)}
    command = [sys.executable, "-m", "nextgen_wizard", "--lang", language, "screenshots", str(folder),
               "--theme", theme, "--as-of", as_of.isoformat()]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"screenshots ({theme}) failed: {result.stderr.strip()[-500:]}")
    lines = result.stdout.splitlines()
    return [Path(line.removeprefix("Wrote ")) for line in lines if line.startswith("Wrote ")]


def _save_png(image: QImage, path: Path) -> None:
    """Encode in memory, then the one safe writer puts it on disk."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage

    from ..session.environment import write_file

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # 256 colours are plenty for a screenshot of a form, and make the docs' pictures a third the size.
    image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    image.save(buffer, "PNG", 0)  # type: ignore[call-overload]  # stubs say bytes; 0: smallest file
    buffer.close()
    write_file(path, bytes(data.data()), check=lambda b: None if b.startswith(b"\x89PNG") else "not a PNG")


def _delete_closed_windows(app) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in app.topLevelWidgets():
        if not widget.isVisible():
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
