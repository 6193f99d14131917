"""Start the editor: `proofdesk`, `proofdesk FILE`, `python -m editor`.

Sets up the application (names for `QSettings`, the Chinese translation unless the
user chose English, the icon), offers to restore text a crash left behind, and opens
the file given on the command line.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from editor.core.resources import resource_path
from editor.gui.settings import Settings

logger = logging.getLogger(__name__)

#: Set (to anything) to have the editor print when its window, the draft's text and the first
#: findings appeared, as seconds since the epoch on stderr: how bench/startup.py times a launch.
TRACE_STARTUP_ENV = "PROOFDESK_TRACE_STARTUP"
ORGANIZATION = "Proofdesk"
APPLICATION = "proofdesk"


def application(argv: list[str] | None = None) -> QApplication:
    """The running `QApplication`, created and named on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "proofdesk", *(argv or [])])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("校对台 Proofdesk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "proofdesk.svg"))))
    return app


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """Load the interface translation and Qt's own (standard buttons and dialogs); English needs none."""
    if language.startswith("en"):
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"proofdesk_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        logger.warning("no translation for %s", language)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    # Qt's strings that its translation leaves in English (the file dialog's "Look in"); installed last, so it wins
    supplement = QTranslator(app)
    if supplement.load(str(resource_path("i18n", f"qt_supplement_{language}.qm"))):
        app.installTranslator(supplement)
        installed.append(supplement)
    return installed


def run_editor(argv: list[str]) -> int:
    """Open the editor window, with the draft ``argv[0]`` if given; return the exit status."""
    app = application()
    settings = Settings()
    install_translation(app, settings.value("ui/language"))
    from editor.gui.main_window import MainWindow  # after the translator, so that tr() finds it

    window = MainWindow(settings)
    window.show()
    if os.environ.get(TRACE_STARTUP_ENV):
        _trace_startup(window)
    show_first(window, settings, argv)
    return app.exec()


def show_first(window, settings: Settings, argv: list[str]) -> None:
    """What the window shows at launch: text a crash left behind if the user restores it, else the
    draft asked for, else an empty page — with, at the very first start, the welcome page."""
    if window.offer_recovery():
        return
    if argv:
        window.open_path(argv[0])
        return
    window.new_document()
    if not settings.value("ui/welcomed"):
        settings.set_value("ui/welcomed", True)
        window.show_welcome()


def _trace_startup(window) -> None:
    """Print the moments a user waits for at launch: the window (shown now), the draft's text, the first findings."""

    def mark(moment: str) -> None:
        print(f"proofdesk-startup {moment} {time.time():.4f}", file=sys.stderr, flush=True)

    window.scheduler.opened.connect(lambda *_: mark("text"))
    window.checked.connect(lambda: mark("findings"))
    mark("window")
