"""Render the app icon (resources/icons/proofdesk.svg) to the PNG sizes Linux menus use and a Windows .ico.

.venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "resources" / "icons" / "proofdesk.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(HERE / "icons" / f"proofdesk-{size}.png"))
        if size == 256:
            image.save(str(HERE / "windows" / "proofdesk.ico"))
    del app
    print(f"wrote {len(SIZES)} PNGs to {HERE / 'icons'} and windows/proofdesk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
