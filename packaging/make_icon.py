"""Draw the app icon (a checked box on a court-blue tile) as PNG, ICO and ICNS into resources/icons.

Run once when the icon changes: python packaging/make_icon.py (needs PySide6 with its image plugins).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setBrush(QColor("#1f3a68"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 40 * s, 40 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(56 * s, 56 * s, 144 * s, 144 * s), 18 * s, 18 * s)
    pen = QPen(
        QColor("#2e8540"), 26 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath(QPointF(88 * s, 130 * s))
    tick.lineTo(QPointF(118 * s, 162 * s))
    tick.lineTo(QPointF(172 * s, 94 * s))
    p.drawPath(tick)
    p.end()
    return image


def main() -> None:
    QGuiApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "nextgen-ready.png"))
    draw(256).save(str(OUT / "nextgen-ready.ico"))
    draw(512).save(str(OUT / "nextgen-ready.icns"))
    for name in ("nextgen-ready.png", "nextgen-ready.ico", "nextgen-ready.icns"):
        print(OUT / name, (OUT / name).stat().st_size)


if __name__ == "__main__":
    main()
