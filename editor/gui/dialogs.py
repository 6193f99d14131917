"""Small dialogs of the main window: the preview before a bulk repair, find and replace, the ignored findings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from editor.core.decisions import Decision, Kind
from editor.core.io import OutputError
from editor.core.issue import Category
from editor.core.userdata import add_ignored_word
from editor.gui.categories import category_name
from editor.gui.text_view import ProofTextEdit

#: The permanent ignore list is read by these checks only (`editor.core.userdata`).
_WORD_LIST_CATEGORIES = {Category.TYPO.value, Category.NAME.value}


class PreviewDialog(QDialog):
    """Lists what a bulk repair will change before it happens."""

    def __init__(self, title: str, summary: str, lines: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        self.list.addItems(list(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary, self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 420)


class FindReplaceDialog(QDialog):
    """Find and replace in the text; "Replace all" is one undo step, and the view stays where it is."""

    def __init__(self, editor: ProofTextEdit, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle(self.tr("Find and Replace"))
        self.find_text = QLineEdit(self)
        self.replace_text = QLineEdit(self)
        self.match_case = QCheckBox(self.tr("Match case"), self)
        self.status = QLabel(self)
        find_next = QPushButton(self.tr("Find Next"), self)
        replace = QPushButton(self.tr("Replace"), self)
        replace_all = QPushButton(self.tr("Replace All"), self)
        find_next.setDefault(True)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Find:"), self), 0, 0)
        grid.addWidget(self.find_text, 0, 1)
        grid.addWidget(find_next, 0, 2)
        grid.addWidget(QLabel(self.tr("Replace with:"), self), 1, 0)
        grid.addWidget(self.replace_text, 1, 1)
        grid.addWidget(replace, 1, 2)
        grid.addWidget(self.match_case, 2, 1)
        grid.addWidget(replace_all, 2, 2)
        grid.addWidget(self.status, 3, 0, 1, 3)
        find_next.clicked.connect(self.find_next)
        replace.clicked.connect(self.replace)
        replace_all.clicked.connect(self.replace_all)

    def _flags(self) -> QTextDocument.FindFlag:
        return QTextDocument.FindFlag.FindCaseSensitively if self.match_case.isChecked() else QTextDocument.FindFlag(0)

    def find_next(self) -> bool:
        needle = self.find_text.text()
        if not needle:
            return False
        found = self.editor.find(needle, self._flags())
        if not found:  # wrap around once
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.editor.find(needle, self._flags())
        self.status.setText("" if found else self.tr("Not found"))
        return found

    def replace(self) -> None:
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and self._matches(cursor.selectedText()):
            cursor.insertText(self.replace_text.text())
        self.find_next()

    def replace_all(self) -> int:
        needle = self.find_text.text()
        if not needle:
            return 0
        document = self.editor.document()
        cursor = QTextCursor(document)
        edit = QTextCursor(document)
        count = 0
        with self.editor.keeping_view():
            edit.beginEditBlock()
            while True:
                cursor = document.find(needle, cursor, self._flags())
                if cursor.isNull():
                    break
                cursor.insertText(self.replace_text.text())
                count += 1
            edit.endEditBlock()
        self.status.setText(self.tr("%n replacement(s)", "", count))
        return count

    def _matches(self, selected: str) -> bool:
        needle = self.find_text.text()
        return selected == needle if self.match_case.isChecked() else selected.lower() == needle.lower()


class IgnoredDialog(QDialog):
    """The findings the user set aside in this draft: show one again, or ignore its word in every draft."""

    unignored = Signal(object)  # the Decision taken back

    def __init__(self, decisions: Sequence[Decision], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ignored Findings"))
        self.list = QListWidget(self)
        for decision in decisions:
            item = QListWidgetItem(self._label(decision), self.list)
            item.setData(Qt.ItemDataRole.UserRole, decision)
        self.unignore_button = QPushButton(self.tr("Show Again"), self)
        self.permanent_button = QPushButton(self.tr("Add to Ignore List"), self)
        self.permanent_button.setToolTip(self.tr("Never flag this word again, in any draft (typo and name checks)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.unignore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.permanent_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.unignore_button.clicked.connect(self.unignore)
        self.permanent_button.clicked.connect(self.add_to_ignore_list)
        self.list.currentItemChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self._update_buttons()
        self.resize(520, 360)

    def _label(self, decision: Decision) -> str:
        """The category, then the flagged text in its context (or said to be ignored everywhere)."""
        known = decision.category in Category._value2member_map_
        category = category_name(Category(decision.category)) if known else decision.category
        if decision.kind is Kind.IGNORED_EVERYWHERE:
            return f"{category}  " + self.tr("%1  (ignored everywhere in this draft)").replace("%1", decision.text)
        return f"{category}  {decision.before}【{decision.text}】{decision.after}"

    def current(self) -> Decision | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _update_buttons(self, *_args) -> None:
        decision = self.current()
        self.unignore_button.setEnabled(decision is not None)
        self.permanent_button.setEnabled(
            decision is not None
            and decision.kind is Kind.IGNORED_EVERYWHERE
            and decision.category in _WORD_LIST_CATEGORIES
        )

    def unignore(self) -> None:
        decision = self.current()
        if decision is not None:
            self.list.takeItem(self.list.currentRow())
            self.unignored.emit(decision)
            self._update_buttons()

    def add_to_ignore_list(self) -> bool:
        decision = self.current()
        if decision is None:
            return False
        try:
            add_ignored_word(decision.text)
        except (ValueError, OutputError) as error:
            QMessageBox.warning(self, self.tr("Ignore List"), str(error))
            return False
        self.permanent_button.setEnabled(False)
        return True
