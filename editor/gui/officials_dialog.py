"""The register of officials as a table the desk edits, with its validation, import, export and the article's date.

The table shows every row of the register file as text, sound or not, so that a row the
checks cannot use is there to be corrected; the problems under it are the core's own
messages (`editor.core.officials.register.parse_rows`), refreshed at every edit. Saving
writes the file the checks read (the shared folder's, if one is set) through the core. The
article's date is the draft's (`Document.date`): left empty, the checks take the dateline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from editor.core.io.errors import OutputError
from editor.core.officials.article_date import parse_date
from editor.core.officials.register import (
    COLUMNS,
    RegisterError,
    parse_rows,
    read_table,
    register_folder,
    register_path,
    set_register_folder,
    write_table,
)

_FILES = "CSV / Excel (*.csv *.xlsx)"


class OfficialsDialog(QDialog):
    """The register's table and the article's date; accepted, the window checks again with both."""

    def __init__(self, date: dt.date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register of Officials"))
        self.resize(820, 520)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.itemChanged.connect(self.validate)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(110)
        self.location = QLabel(self)
        self.date = QLineEdit(date.isoformat() if date else "", self)
        self.date.setPlaceholderText(self.tr("e.g. 2024-12-20; empty: the draft's dateline, else today"))
        self.date_problem = QLabel(self)
        self.header_problems: tuple[str, ...] = ()

        rows = QHBoxLayout()
        for text, slot in (
            (self.tr("Add Row"), self.add_row),
            (self.tr("Remove Row"), self.remove_row),
            (self.tr("Import…"), self.import_file),
            (self.tr("Export…"), self.export_file),
            (self.tr("Shared Folder…"), self.choose_folder),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            rows.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Article date:"), self.date)
        form.addRow("", self.date_problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.location)
        layout.addWidget(self.table)
        layout.addLayout(rows)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.load(register_path())

    # The table

    def load(self, path: Path) -> None:
        """Show the rows of ``path`` (nothing if it does not exist yet); a file that cannot be read says why."""
        self.location.setText(self.tr("Register: %1").replace("%1", str(register_path())))
        rows: list[list[str]] = []
        if path.exists():
            try:
                rows = read_table(path)
            except RegisterError as error:
                QMessageBox.warning(self, self.windowTitle(), str(error))
        header = [cell.lower() for cell in rows[0]] if rows else list(COLUMNS)
        # The table has the register's columns in their order; a column it does not know is named, not shown.
        self.header_problems = tuple(
            problem for problem in parse_rows(rows[:1], path.name).problems if "未知的列" in problem
        )
        where = [header.index(column) if column in header else None for column in COLUMNS]
        self.set_rows([[row[i] if i is not None and i < len(row) else "" for i in where] for row in rows[1:]])

    def set_rows(self, rows: list[list[str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)
        self.table.blockSignals(False)
        self.validate()

    def _append(self, cells: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(COLUMNS)):
            self.table.setItem(row, column, QTableWidgetItem(cells[column] if column < len(cells) else ""))

    def rows(self) -> list[list[str]]:
        """The table's rows as text, the header first (as the file holds them)."""
        cells = [
            [(self.table.item(row, column) or QTableWidgetItem()).text().strip() for column in range(len(COLUMNS))]
            for row in range(self.table.rowCount())
        ]
        return [list(COLUMNS), *cells]

    def register_problems(self) -> tuple[str, ...]:
        return parse_rows(self.rows(), self.tr("Register")).problems

    def validate(self) -> None:
        problems = self.header_problems + self.register_problems()
        self.problems.setPlainText("\n".join(problems) if problems else self.tr("No problems found."))

    def add_row(self) -> None:
        self._append([])
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def remove_row(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.validate()

    # Files

    def import_file(self, path: str | None = None) -> None:
        path = path or QFileDialog.getOpenFileName(self, self.tr("Import Register"), "", _FILES)[0]
        if path:
            self.load(Path(path))

    def export_file(self, path: str | None = None) -> bool:
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export Register"), "officials.csv", _FILES)[0]
        return bool(path) and self._write(Path(path))

    def choose_folder(self, folder: str | None = None) -> None:
        """Keep the register in a folder the desk shares; the table then shows the register there."""
        folder = folder or QFileDialog.getExistingDirectory(
            self, self.tr("Shared Register Folder"), str(register_folder())
        )
        if folder:
            set_register_folder(Path(folder))
            self.load(register_path())

    def _write(self, path: Path) -> bool:
        try:
            write_table(path, self.rows())
        except OutputError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return False
        return True

    # The date, and saving

    def article_date(self) -> dt.date | None:
        """The date typed (None when empty); `ValueError` when it is no date."""
        text = self.date.text().strip()
        if not text:
            return None
        date = parse_date(text)
        if date is None:
            raise ValueError(text)
        return date

    def accept(self) -> None:
        """Save the register and keep the date; a date that is no date keeps the dialog open, saying so."""
        try:
            self.article_date()
        except ValueError:
            self.date_problem.setText(self.tr("Not a date: write it as 2024-12-20 or 2024年12月20日"))
            return
        if self._write(register_path()):
            super().accept()
