"""Help under the Help menu: the keyboard shortcuts, and the short user guide (F1).

The shortcut list is made from the window's own actions, so it always names the keys
that work; the guide is a Markdown file of the bundled data (`resources/help/`), in
Chinese, the language of the desk.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout

from editor.core.resources import resource_path

logger = logging.getLogger(__name__)

GUIDE = ("help", "guide.zh_CN.md")


class ShortcutsDialog(QDialog):
    """A two-column table: what a key does, and the key."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]


class GuideDialog(QDialog):
    """The user guide, beside the window (not modal: one reads it while working)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Guide"))
        self.browser = QTextBrowser(self)
        try:
            self.browser.setMarkdown(resource_path(*GUIDE).read_text(encoding="utf-8"))
        except OSError as error:  # a broken installation: say so in the window, not with a traceback
            logger.warning("user guide unreadable: %s", error)
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 720)
