"""One calm look (docs/style.md): Fusion everywhere, flat question groups, one card per court, a
focus ring of at least 3:1 contrast in whatever palette is in use (light, dark, high contrast)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

MIN_FOCUS_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11 (non-text contrast)


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_color(palette: QPalette) -> QColor:
    """The palette's highlight when it stands out enough against the window and the fields, else its text."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    backgrounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    if all(contrast(highlight, background) >= MIN_FOCUS_CONTRAST for background in backgrounds):
        return highlight
    return palette.color(QPalette.ColorRole.WindowText)


def style_sheet(palette: QPalette, text_height: int = 16) -> str:
    """The app's style sheet for a palette and a text size (radio buttons are round at any size)."""
    focus = focus_color(palette).name()
    mark = max(10, round(text_height * 0.8))  # the radio/check box indicator's side, in pixels
    return f"""
QGroupBox {{ border: none; font-weight: bold; margin-top: 0.5em; padding-top: 0.9em; }}
QGroupBox#questionGroup {{ margin-top: 0.3em; padding-top: 0; }}
QLabel#question {{ font-weight: bold; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; left: 0; padding: 0; }}
QGroupBox QRadioButton, QGroupBox QCheckBox {{ font-weight: normal; }}
QGroupBox#card {{ border: 1px solid palette(mid); border-radius: 8px; margin-top: 0.9em;
                  padding: 1.3em 0.8em 0.6em 0.8em; }}
QGroupBox#card::title {{ left: 0.8em; }}
QRadioButton, QCheckBox {{ border: 2px solid transparent; border-radius: 4px; padding: 2px 4px;
                           spacing: 0.4em; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {mark}px; height: {mark}px; background: palette(base);
    border: 2px solid palette(window-text); }}
QRadioButton::indicator {{ border-radius: {mark // 2 + 2}px; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5,
    fy: 0.5, stop: 0 palette(window-text), stop: 0.5 palette(window-text), stop: 0.6 palette(base),
    stop: 1 palette(base)); }}
QCheckBox::indicator:checked {{ background-color: palette(window-text); padding: 2px;
                                background-clip: content; }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: palette(mid); }}
QListView::indicator {{ width: {mark}px; height: {mark}px; background: palette(base);
    border: 2px solid palette(window-text); border-radius: 3px; }}
QListView::indicator:checked {{ background-color: palette(window-text); padding: 2px;
                                background-clip: content; }}
QRadioButton:focus, QCheckBox:focus {{ border: 2px solid {focus}; }}
QPushButton {{ border: 1px solid palette(dark); border-radius: 5px; padding: 0.3em 0.9em;
               background: palette(button); }}
QPushButton:default {{ border: 2px solid palette(dark); }}
QPushButton:focus {{ border: 3px solid {focus}; }}
QPushButton:disabled {{ color: palette(mid); }}
QLineEdit, QComboBox, QDateEdit, QListWidget, QTreeWidget, QTextBrowser {{
    border: 1px solid palette(dark); border-radius: 4px; padding: 2px; background: palette(base); }}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QListWidget:focus, QTreeWidget:focus,
QTextBrowser:focus {{ border: 3px solid {focus}; }}
QLabel#heading1:focus, QLabel#heading2:focus {{ border: 2px solid {focus}; border-radius: 4px; }}
QLabel#heading1, QLabel#heading2 {{ border: 2px solid transparent; padding: 0 2px; }}
QLabel#blocked {{ font-weight: bold; }}
QFrame#notice {{ border: 1px solid palette(dark); border-left: 5px solid {focus}; border-radius: 4px;
                 background: palette(alternate-base); }}
"""


_fusion_set = False
# Given this argument, Qt makes the Fusion style itself while it makes the QApplication. Asking for
# it afterwards with app.setStyle("Fusion") returns a QStyle to Python, and PySide6 then converts
# QStyle's dozen enums (PixelMetric, StandardPixmap, ...: about 4 ms before the first paint).
FUSION_ARGUMENT = "-style=fusion"


def new_application(argv0: list[str]) -> QApplication:
    """The QApplication, made with the Fusion style (Qt removes the argument from its arguments())."""
    global _fusion_set
    app = QApplication([*argv0, FUSION_ARGUMENT])
    _fusion_set = True
    return app


def apply_style(app: QApplication) -> None:
    """Once per application (again only when the palette changed): re-styling live widgets is costly."""
    global _fusion_set
    if not _fusion_set:  # an application made elsewhere (tests); asking app.style() for its name
        # would convert Qt's enums before the paint
        app.setStyle("Fusion")
        _fusion_set = True
    sheet = style_sheet(app.palette(), QFontMetrics(app.font()).height())
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def dark_palette() -> QPalette:
    """A dark palette for screenshots and for checking the focus ring's contrast in dark mode."""
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#23262b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1b1d21",
        QPalette.ColorRole.AlternateBase: "#2c3036",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#30343a",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#6cb4ff",
        QPalette.ColorRole.HighlightedText: "#0b0c0e",
        QPalette.ColorRole.Mid: "#6b7078",
        QPalette.ColorRole.Dark: "#9aa0a8",
        QPalette.ColorRole.Light: "#3a3f46",
        QPalette.ColorRole.ToolTipBase: "#30343a",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.Link: "#8cc4ff",
        QPalette.ColorRole.PlaceholderText: "#a0a4aa",
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a8f96"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a8f96"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a8f96"))
    return palette
