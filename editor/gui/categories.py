"""How each category looks and is called in the editor: one colour, one translated name."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from editor.core.issue import Category

COLOURS: dict[Category, QColor] = {
    Category.POLITICAL: QColor("#6d1b1b"),
    Category.LAYOUT: QColor("#8e24aa"),
    Category.TYPO: QColor("#d32f2f"),
    Category.NAME: QColor("#ef6c00"),
    Category.NUMBER: QColor("#1565c0"),
    Category.PUNCTUATION: QColor("#2e7d32"),
}
_NAMES = {
    Category.POLITICAL: QT_TRANSLATE_NOOP("Category", "Political"),
    Category.LAYOUT: QT_TRANSLATE_NOOP("Category", "Layout"),
    Category.TYPO: QT_TRANSLATE_NOOP("Category", "Typos"),
    Category.NAME: QT_TRANSLATE_NOOP("Category", "Names"),
    Category.NUMBER: QT_TRANSLATE_NOOP("Category", "Numbers"),
    Category.PUNCTUATION: QT_TRANSLATE_NOOP("Category", "Punctuation"),
}


def category_name(category: Category) -> str:
    return QCoreApplication.translate("Category", _NAMES[category])
