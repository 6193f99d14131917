"""Preferences: which categories and rules run, the typo engine, the user's word lists, the font, the language.

The rules are listed one by one under their category, by the Chinese name, description
and example the core's rule catalogue gives them (the id is the tooltip), and can be
filtered; the settings store the ids switched off. The word lists are edited as the
UTF-8 files the checks read (one word a line), so that what the user sees is exactly
what is stored.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.engine import Engine
from editor.core.io.atomic import write_atomically
from editor.core.issue import Category
from editor.core.lm.neural import model_dir_problem
from editor.core.lm.sensitivity import Sensitivity
from editor.core.userdata import DICTIONARY_FILE, IGNORE_FILE, user_data_dir
from editor.gui.categories import category_name
from editor.gui.settings import Settings

logger = logging.getLogger(__name__)

LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        tabs = QTabWidget(self)
        tabs.addTab(self._checks_tab(), self.tr("Checks"))
        tabs.addTab(self._typo_engine_tab(), self.tr("Typo Engine"))
        tabs.addTab(self._words_tab(), self.tr("Dictionary"))
        tabs.addTab(self._appearance_tab(), self.tr("Appearance"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(900, 560)

    # -- tabs ----------------------------------------------------------------------------------
    def _checks_tab(self) -> QWidget:
        """Every rule on its own line under its category: Chinese name (the id as tooltip), description, example."""
        enabled = set(self.settings.value("check/categories"))
        self.stored_disabled = tuple(self.settings.value("check/disabled_rules"))
        switches = Engine(disabled=self.stored_disabled)
        self.rules = QTreeWidget(self)
        self.rules.setHeaderLabels([self.tr("Rule"), self.tr("Description"), self.tr("Example")])
        self.rules.setColumnWidth(0, 260)
        self.rules.setColumnWidth(1, 420)
        self.category_items: dict[Category, QTreeWidgetItem] = {}
        self.rule_items: dict[str, QTreeWidgetItem] = {}
        for category in Category:
            group = QTreeWidgetItem(self.rules, [category_name(category)])
            group.setCheckState(0, _state(category.value in enabled))
            group.setExpanded(True)
            self.category_items[category] = group
        for rule in switches.registry.catalogue():
            item = QTreeWidgetItem(self.category_items[rule.category], [rule.name, rule.description, rule.example])
            item.setCheckState(0, _state(switches.enabled(rule.id)))
            item.setToolTip(0, rule.id)
            item.setToolTip(1, rule.description)
            item.setToolTip(2, rule.example)
            self.rule_items[rule.id] = item
        self.rule_filter = QLineEdit(self)
        self.rule_filter.setPlaceholderText(self.tr("Filter rules by name, id, description or example"))
        self.rule_filter.setClearButtonEnabled(True)
        self.rule_filter.textChanged.connect(self._filter_rules)
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Switch whole categories or single rules on and off."), tab))
        layout.addWidget(self.rule_filter)
        layout.addWidget(self.rules)
        return tab

    def _stands_for(self, stored: str) -> bool:
        """Whether a stored id or prefix (``typo.confusion``) is about a rule shown here, whose box then says it."""
        switch = Engine(disabled=(stored,))
        return any(not switch.enabled(rule_id) for rule_id in self.rule_items)

    def _filter_rules(self, text: str) -> None:
        """Show the rules whose name, id, description or example contains ``text``, and their categories."""
        needle = text.strip().casefold()
        for rule_id, item in self.rule_items.items():
            shown = (rule_id, item.text(0), item.text(1), item.text(2))
            item.setHidden(bool(needle) and not any(needle in field.casefold() for field in shown))
        for group in self.category_items.values():
            children = [group.child(i) for i in range(group.childCount())]
            group.setHidden(bool(needle) and all(child.isHidden() for child in children))

    def _typo_engine_tab(self) -> QWidget:
        self.macbert_dir = QLineEdit(self.settings.value("check/macbert_dir"), self)
        self.macbert_dir.setPlaceholderText(self.tr("Empty: the statistical language model"))
        self.macbert_status = QLabel(self)
        self.macbert_status.setWordWrap(True)
        self.macbert_dir.textChanged.connect(self._show_macbert_status)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._choose_macbert_dir)
        row = QHBoxLayout()
        row.addWidget(self.macbert_dir)
        row.addWidget(browse)
        note = QLabel(
            self.tr(
                "Typos are found by the bundled statistical language model. A MacBERT model finds more of them "
                "but runs slower; it needs Proofdesk installed with the proofdesk[neural] extra (torch and "
                "transformers) and a MacBERT-CSC model folder on this computer, such as macbert4csc-base-chinese. "
                "If the folder cannot be used, the statistical model checks typos and the status bar says why."
            ),
            self,
        )
        note.setWordWrap(True)
        self.sensitivity = QComboBox(self)
        levels = {
            Sensitivity.STRICT: self.tr("Strict: fewest false flags (about 0.5 per 10,000 characters)"),
            Sensitivity.STANDARD: self.tr("Standard (about 2 false flags per 10,000 characters)"),
            Sensitivity.LENIENT: self.tr("Lenient: more typos found, more false flags (about 5 per 10,000)"),
        }
        for level, label in levels.items():
            self.sensitivity.addItem(label, level.value)
        stored = self.sensitivity.findData(self.settings.value("check/typo_sensitivity"))
        self.sensitivity.setCurrentIndex(stored if stored >= 0 else list(levels).index(Sensitivity.STANDARD))
        tab = QWidget(self)
        form = QFormLayout(tab)
        form.addRow(note)
        form.addRow(self.tr("Statistical model sensitivity:"), self.sensitivity)
        form.addRow(self.tr("MacBERT model folder:"), row)
        form.addRow(self.macbert_status)
        self._show_macbert_status()
        return tab

    def _choose_macbert_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("MacBERT Model Folder"), self.macbert_dir.text())
        if chosen:
            self.macbert_dir.setText(chosen)

    def _show_macbert_status(self) -> None:
        """Say at once whether the folder looks usable (it is loaded only by the next check)."""
        folder = self.macbert_dir.text().strip()
        problem = model_dir_problem(Path(folder)) if folder else ""
        if not folder:
            status = self.tr("No folder: the statistical language model checks typos.")
        elif problem:
            status = self.tr("Cannot use this folder: %1. The statistical model checks typos.").replace("%1", problem)
        else:
            status = self.tr("The folder holds a model (config.json): MacBERT checks typos from the next check on.")
        self.macbert_status.setText(status)

    def _words_tab(self) -> QWidget:
        self.word_files = {DICTIONARY_FILE: QPlainTextEdit(self), IGNORE_FILE: QPlainTextEdit(self)}
        tab = QWidget(self)
        form = QFormLayout(tab)
        form.addRow(QLabel(self.tr("One word a line; lines starting with # are comments."), tab))
        labels = {DICTIONARY_FILE: self.tr("User dictionary:"), IGNORE_FILE: self.tr("Ignore list:")}
        for name, editor in self.word_files.items():
            editor.setPlainText(_read(user_data_dir() / name))
            form.addRow(labels[name], editor)
        return tab

    def _appearance_tab(self) -> QWidget:
        self.font_family = QFontComboBox(self)
        family = self.settings.value("editor/font_family")
        if family:
            self.font_family.setCurrentFont(QFont(family))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(8, 48)
        self.font_size.setValue(self.settings.value("editor/font_size"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.value("ui/language"))))
        self.autosave = QSpinBox(self)
        self.autosave.setRange(5, 600)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(self.settings.value("files/autosave_seconds"))
        tab = QWidget(self)
        form = QFormLayout(tab)
        form.addRow(self.tr("Font:"), self.font_family)
        form.addRow(self.tr("Size:"), self.font_size)
        form.addRow(self.tr("Language (after restart):"), self.language)
        form.addRow(self.tr("Autosave every:"), self.autosave)
        return tab

    # -- result --------------------------------------------------------------------------------
    def accept(self) -> None:
        categories = [c.value for c, item in self.category_items.items() if item.checkState(0) == _state(True)]
        disabled = [rule_id for rule_id, item in self.rule_items.items() if item.checkState(0) != _state(True)]
        # ids switched off earlier that no rule shown here stands for (a rule of a user file since removed) stay off
        disabled += [old for old in self.stored_disabled if old not in disabled and not self._stands_for(old)]
        self.settings.set_value("check/categories", categories)
        self.settings.set_value("check/disabled_rules", disabled)
        self.settings.set_value("check/macbert_dir", self.macbert_dir.text().strip())
        self.settings.set_value("check/typo_sensitivity", self.sensitivity.currentData())
        self.settings.set_value("editor/font_family", self.font_family.currentFont().family())
        self.settings.set_value("editor/font_size", self.font_size.value())
        self.settings.set_value("ui/language", self.language.currentData())
        self.settings.set_value("files/autosave_seconds", self.autosave.value())
        for name, editor in self.word_files.items():
            data = editor.toPlainText().rstrip("\n").encode("utf-8") + b"\n"
            path = user_data_dir() / name
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, lambda stream, data=data: stream.write(data))
        super().accept()


def _state(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as error:
        logger.warning("cannot read %s: %s", path, error)
        return ""
