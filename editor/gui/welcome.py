"""The first-run page: what the desk does, the example draft one click away, where the user's data lives.

A newsroom installs the app and opens it with no draft: instead of an empty page it says what
the tool checks, opens the project's example draft (bundled in the resources, so the wheel and
the frozen app have it) with one click, and names the files a desk keeps — the user dictionary,
the ignore list, the register of officials — with a button to their folder. It needs no network.
Shown once, at the first start without a draft; Help → Welcome shows it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from editor.core.officials.register import register_path
from editor.core.resources import EXAMPLE_DRAFT
from editor.core.userdata import DICTIONARY_FILE, IGNORE_FILE, user_data_dir


class WelcomeDialog(QDialog):
    """Says what the desk does; `chosen` is the draft to open (the example), or None."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Welcome to Proofdesk"))
        what = QLabel(self._what_it_does(), self)
        what.setWordWrap(True)
        self.data_label = data = QLabel(self._where_data_lives(), self)
        data.setWordWrap(True)
        data.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        example = QPushButton(self.tr("Open the Example Draft"), self)
        example.setDefault(True)
        example.clicked.connect(self.open_example)
        folder = QPushButton(self.tr("Open the Data Folder"), self)
        folder.clicked.connect(self.open_data_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(example, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(data)
        layout.addWidget(buttons)
        self.resize(620, 460)

    @classmethod
    def ask(cls, parent=None) -> Path | None:
        """Show the page; the draft the user chose to open from it, or None."""
        dialog = cls(parent)
        dialog.exec()
        return dialog.chosen

    def _what_it_does(self) -> str:
        return self.tr(
            "<h2>Proofdesk: a proofreading desk for Chinese newspaper copy</h2>"
            "<p>Open a draft (TXT, Word or PDF) and the desk checks it as you read:</p>"
            "<ul><li>line breaks and column jumps left by the layout system or a PDF, joined back;</li>"
            "<li>typos, wrong idioms and confused words; names spelt two ways;</li>"
            "<li>officials and their posts against your register; official formulations;</li>"
            "<li>numbers and punctuation by GB/T 15835 and GB/T 15834.</li></ul>"
            "<p>F8 goes to the next finding, Ctrl+Enter accepts it, Ctrl+I ignores it. Save a clean "
            "Word file, or export a review copy with tracked changes and comments and a report with "
            "the error rate (差错率) for the chief editor.</p>"
        )

    def _where_data_lives(self) -> str:
        folder = user_data_dir()
        return (
            self.tr("<p><b>Your data</b> (kept when the app is updated):</p>")
            + "<ul>"
            + self.tr("<li>user dictionary: %1</li>").replace("%1", str(folder / DICTIONARY_FILE))
            + self.tr("<li>ignore list: %1</li>").replace("%1", str(folder / IGNORE_FILE))
            + self.tr("<li>register of officials: %1</li>").replace("%1", str(register_path()))
            + "</ul>"
        )

    def open_example(self) -> None:
        self.chosen = EXAMPLE_DRAFT
        self.accept()

    def open_data_folder(self) -> None:
        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
