"""The app-wide text size (projectors, low vision), kept apart so pages and the wizard can import it."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

BASE_POINT_SIZE = "nextgen_base_point_size"


def set_font_scale(app: Any, scale: float) -> None:
    """Scale every widget's text from the desktop's own size (projectors, low vision)."""
    base = app.property(BASE_POINT_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(BASE_POINT_SIZE, base)
    font = app.font()
    if font.pointSizeF() == base * scale:
        return
    font.setPointSizeF(base * scale)
    app.setFont(font)
    app.setProperty("nextgen_font_scale", scale)
    if not app.topLevelWidgets():
        # Before any window exists (a --font-scale at start), the radio and check marks follow the
        # text size too. Re-styling live windows is left out: Qt can crash re-polishing a closed one.
        from .style import apply_style

        apply_style(app)


def font_scale(app: Any) -> float:
    value = app.property("nextgen_font_scale")
    return float(value) if value else 1.0
