"""Walk every page on a given screen, text size and palette; report what a person would see go wrong.

Run as its own process (the screen size is fixed when Qt starts):
    python tests/ui/screen_probe.py WIDTH HEIGHT SCALE light|dark
    NEXTGEN_WIZARD_LANG=es python tests/ui/screen_probe.py ...   (es, pseudo; else the OS's language)
Prints one JSON object: pages seen, problems (clipped text, sideways scrolling, buttons off the
window, a window larger than the screen, repeated access keys) and the focus ring's contrast.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _configure_screen(width: int, height: int) -> None:
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "probe", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def clipped(widget) -> str | None:
    from PySide6.QtWidgets import QLabel

    text = widget.text() if hasattr(widget, "text") else ""
    if not text or not widget.isVisible():
        return None
    if isinstance(widget, QLabel) and widget.wordWrap():
        if widget.height() + 1 < widget.heightForWidth(widget.width()):
            return f"label cut at the bottom: {text[:50]!r}"
    elif _wraps(widget):  # a radio button or check box that wraps its text (ui/widgets.py)
        if widget.height() + 1 < widget.heightForWidth(widget.width()):
            return f"{type(widget).__name__} cut at the bottom: {text[:50]!r}"
        if widget.width() + 1 < _qt_size_hint(widget).width():  # its longest line, as Qt lays it out
            return f"{type(widget).__name__} cut at the side: {text[:50]!r}"
    elif widget.width() + 1 < widget.sizeHint().width():
        return f"{type(widget).__name__} cut at the side: {text[:50]!r}"
    return None


def _wraps(widget) -> bool:
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    return isinstance(widget, QCheckBox | QRadioButton) and widget.hasHeightForWidth()


def _qt_size_hint(widget):
    """Qt's own size hint for the text as shown (with its line breaks), not the wrapping widget's."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    return (QCheckBox if isinstance(widget, QCheckBox) else QRadioButton).sizeHint(widget)


def access_keys(wizard) -> list[str]:
    """Letters after '&' in every visible button, label and group title of the window."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

    keys = []
    for widget in wizard.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QAbstractButton | QLabel | QGroupBox):
            continue
        text = QGroupBox.title(widget) if isinstance(widget, QGroupBox) else widget.text()  # Qt's own title
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label without a buddy has no access key
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            keys.append(match.group(1).lower())
    return keys


def focus_contrast(wizard) -> float:
    """Contrast of the focus ring against what surrounds it, read from a grab of the focused button."""
    from PySide6.QtWidgets import QApplication, QWizard

    from nextgen_wizard.ui.style import contrast

    button = wizard.button(QWizard.WizardButton.HelpButton)
    button.setFocus()
    QApplication.processEvents()
    image = wizard.grab().toImage()
    corner = button.mapTo(wizard, button.rect().topLeft())
    middle_y = corner.y() + button.height() // 2
    ring = image.pixelColor(corner.x() + 1, middle_y)  # inside the 3-pixel border
    around = image.pixelColor(max(corner.x() - 3, 0), middle_y)  # just outside the button
    return round(contrast(ring, around), 2)


def main(width: int, height: int, scale: float, theme: str) -> dict:
    _configure_screen(width, height)
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWizard

    from nextgen_wizard.domain.i18n import choose_language
    from nextgen_wizard.ui.app import make_app
    from nextgen_wizard.ui.screenshots import walk_all_pages
    from nextgen_wizard.ui.style import apply_style, dark_palette

    # The language as the app picks it (cli.main): NEXTGEN_WIZARD_LANG=es or pseudo, else the OS's
    # (the tests set English); before make_app, which loads Qt's own translations for it.
    language = choose_language(os.environ.get("NEXTGEN_WIZARD_LANG"), os.environ)
    app = make_app()
    if theme == "dark":
        app.setPalette(dark_palette())
        apply_style(app)
    problems: list[str] = []
    pages = 0
    screen = app.primaryScreen().availableGeometry()
    ring = None
    for wizard, page_id in walk_all_pages(date(2026, 11, 23), scale):
        pages += 1
        where = f"{page_id.name} at {scale}x on {width}x{height} ({theme})"
        frame = wizard.frameGeometry()
        if frame.width() > screen.width() or frame.height() > screen.height():
            problems.append(f"{where}: the window ({frame.width()}x{frame.height()}) is larger than the screen")
        for widget in wizard.findChildren(QAbstractScrollArea):
            if widget.isVisible() and widget.horizontalScrollBar().isVisible():
                problems.append(f"{where}: {type(widget).__name__} scrolls sideways")
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.FinishButton, QWizard.WizardButton.HelpButton):
            button = wizard.button(which)
            if button.isVisible():
                corner = button.mapTo(wizard, button.rect().bottomRight())
                if corner.x() > wizard.width() or corner.y() > wizard.height():
                    problems.append(f"{where}: the {button.text()!r} button is outside the window")
        from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

        for widget in wizard.findChildren(QWidget):
            if not isinstance(widget, QLabel | QAbstractButton):
                continue
            if widget.isVisible():
                right = widget.mapTo(wizard, widget.rect().topRight()).x()
                if right > wizard.width() + 1:
                    problems.append(f"{where}: {widget.text()[:40]!r} goes off the right edge of the window")
            why = clipped(widget)
            if why:
                problems.append(f"{where}: {why}")
        keys = access_keys(wizard)
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            problems.append(f"{where}: access keys used twice: {', '.join(repeated)}")
        if ring is None:
            ring = focus_contrast(wizard)
        QApplication.processEvents()
    return {"pages": pages, "problems": problems, "focus_contrast": ring, "language": language}


if __name__ == "__main__":
    width, height, scale, theme = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    print(json.dumps(main(width, height, scale, theme)))
