"""Open a draft in the real editor window, wait for its check, and save a picture of the window.

    python -m editor.gui.screenshot DRAFT OUT.png [--size 1280x800]

Used for the README's screenshot (run under a real X server, see tests/gui/test_screenshot.py).
Settings go to a temporary folder so that the picture shows the defaults, in Chinese.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from editor.gui.app import application, install_translation
from editor.gui.settings import Settings

_TIMEOUT_MS = 120_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft")
    parser.add_argument("output")
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))

    app = application()
    install_translation(app, "zh_CN")
    from editor.gui.main_window import MainWindow

    scratch = Path(tempfile.mkdtemp(prefix="proofdesk-screenshot-"))
    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(width, height)
    window.show()
    failed: list[str] = []

    def shoot() -> None:
        window.go_to_finding(1)
        window.editor.verticalScrollBar().setValue(0)
        QTimer.singleShot(300, grab)

    def grab() -> None:
        if not window.grab().save(args.output):
            failed.append(f"cannot write {args.output}")
        window.editor.document().setModified(False)
        window.close()
        QApplication.quit()

    def give_up() -> None:
        failed.append("the check did not finish in time")
        QApplication.quit()

    window.checked.connect(lambda: QTimer.singleShot(200, shoot))
    window.scheduler.open_failed.connect(lambda message: (failed.append(message), QApplication.quit()))
    QTimer.singleShot(_TIMEOUT_MS, give_up)
    window.open_path(args.draft)
    app.exec()
    if failed:
        print(f"screenshot: {failed[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
