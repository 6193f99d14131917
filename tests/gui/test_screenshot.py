"""The real window under a real X server with a CJK font: a picture of the sample page and its findings.

Writes docs/screenshot.png when PROOFDESK_UPDATE_SCREENSHOT=1, otherwise a temporary file.
Skips where Xvfb, a CJK font or Qt's xcb libraries are missing, except in CI, which installs them (`require`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from editor.core.issue import Category
from editor.gui.categories import COLOURS

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1280, 800)


def _share_of(image: QImage, colour: QColor, tolerance: int = 40) -> float:
    hits = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            total += 1
            hits += (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                < tolerance
            )
    return hits / total


def _shoot(require, x_display, draft: Path, name: str, tmp_path: Path) -> QImage:
    update = os.environ.get("PROOFDESK_UPDATE_SCREENSHOT") == "1"
    output = ROOT / "docs" / name if update else tmp_path / name
    output.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    size = "x".join(map(str, SIZE))
    command = [sys.executable, "-m", "editor.gui.screenshot", str(draft), str(output), "--size", size]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180, cwd=ROOT)
    if result.returncode != 0 and "xcb" in result.stderr and "plugin" in result.stderr:
        require(False, f"Qt's xcb platform plugin cannot start: {result.stderr.strip().splitlines()[-1]}")
    assert result.returncode == 0, result.stderr
    image = QImage(str(output))
    assert (image.width(), image.height()) == SIZE
    assert _share_of(image, QColor("white")) < 0.9, "the window is blank"
    return image


def test_screenshot_of_the_sample_page(require, x_display, sample_page, tmp_path):
    image = _shoot(require, x_display, sample_page, "screenshot.png", tmp_path)
    layout_marks = _share_of(image, COLOURS[Category.LAYOUT].lighter(185), tolerance=30)
    assert layout_marks > 0.0002, "the layout cuts are not highlighted"  # 0.0008 on the sample page, 0 unmarked


def test_screenshot_of_findings_in_every_category(require, x_display, rich, tmp_path):
    image = _shoot(require, x_display, rich, "screenshot-findings.png", tmp_path)
    for category in Category:  # every category's colour is on screen (underlines, panel headings)
        assert _share_of(image, COLOURS[category], tolerance=60) > 0, category
