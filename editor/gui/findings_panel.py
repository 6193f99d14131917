"""The findings beside the text: grouped by category with counts, sortable, filterable.

Selecting a finding reveals it in the text and shows the whole message, the rule and
what its fix will change; double-clicking accepts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.core.issue import Category, Issue
from editor.gui.categories import COLOURS, category_name

_ISSUE_ROLE = Qt.ItemDataRole.UserRole
_ORDER_ROLE = Qt.ItemDataRole.UserRole + 1
_CONTEXT = 6


class _FindingItem(QTreeWidgetItem):
    """Sorts by position in the text on the first column, by text on the others."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        mine, theirs = self.data(0, _ISSUE_ROLE), other.data(0, _ISSUE_ROLE)
        if mine is None or theirs is None:  # category groups keep the categories' order
            return (self.data(0, _ORDER_ROLE) or 0) < (other.data(0, _ORDER_ROLE) or 0)
        if column == 0:
            return (mine.paragraph, mine.start) < (theirs.paragraph, theirs.start)
        return self.text(column) < other.text(column)


def fix_description(issue: Issue, paragraphs: Sequence[str]) -> str:
    """What accepting the finding does, in the user's words."""
    if issue.joins_next:
        tail = paragraphs[issue.paragraph][-_CONTEXT:] if issue.paragraph < len(paragraphs) else issue.text
        head = paragraphs[issue.paragraph + 1][:_CONTEXT] if issue.paragraph + 1 < len(paragraphs) else ""
        return f"…{tail}｜{head}…"
    if issue.replacement is None:
        return ""
    return f"{issue.text} → {issue.replacement or '∅'}"


class FindingsPanel(QWidget):
    """The tree of findings and the details of the selected one."""

    selected = Signal(object)  # Issue
    activated = Signal(object)  # Issue (double click: accept)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter findings…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Position"), self.tr("Text"), self.tr("Fix")])
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.setUniformRowHeights(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.paragraphs: list[str] = []

    def set_findings(self, findings: Sequence[Issue], paragraphs: Sequence[str]) -> None:
        """Show ``findings``; keep the selected finding selected if it is still there."""
        keep = self.current_issue()
        self.paragraphs = list(paragraphs)
        self.tree.setUpdatesEnabled(False)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        groups: dict = {}
        for issue in findings:
            group = groups.get(issue.category)
            if group is None:
                group = groups[issue.category] = _FindingItem(self.tree)
                group.setData(0, _ORDER_ROLE, list(Category).index(issue.category))
                group.setForeground(0, COLOURS[issue.category])
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
            item = _FindingItem(group)
            item.setData(0, _ISSUE_ROLE, issue)
            item.setText(0, f"¶{issue.paragraph + 1}:{issue.start + 1}")
            item.setText(1, issue.text)
            item.setText(2, fix_description(issue, self.paragraphs))
            item.setToolTip(1, issue.message)
            item.setToolTip(2, issue.message)
            if issue == keep:
                self.tree.setCurrentItem(item)
        for category, group in groups.items():
            group.setText(0, f"{category_name(category)}（{group.childCount()}）")
            group.setData(0, _ISSUE_ROLE, None)
        self.tree.setSortingEnabled(True)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        self._apply_filter(self.filter.text())
        self.tree.setUpdatesEnabled(True)

    def items(self) -> list[QTreeWidgetItem]:
        return [
            self.tree.topLevelItem(g).child(c)
            for g in range(self.tree.topLevelItemCount())
            for c in range(self.tree.topLevelItem(g).childCount())
        ]

    def visible_issues(self) -> list[Issue]:
        return [item.data(0, _ISSUE_ROLE) for item in self.items() if not item.isHidden()]

    def group_titles(self) -> list[str]:
        return [self.tree.topLevelItem(g).text(0) for g in range(self.tree.topLevelItemCount())]

    def current_issue(self) -> Issue | None:
        item = self.tree.currentItem()
        return item.data(0, _ISSUE_ROLE) if item is not None else None

    def select(self, issue: Issue) -> None:
        for item in self.items():
            if item.data(0, _ISSUE_ROLE) == issue:
                self.tree.setCurrentItem(item)
                return

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            shown = 0
            for c in range(group.childCount()):
                item = group.child(c)
                issue: Issue = item.data(0, _ISSUE_ROLE)
                haystack = f"{issue.text} {issue.message} {issue.rule} {item.text(2)}".lower()
                item.setHidden(bool(needle) and needle not in haystack)
                shown += not item.isHidden()
            group.setHidden(shown == 0)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous) -> None:
        issue = item.data(0, _ISSUE_ROLE) if item is not None else None
        if issue is None:
            self.details.clear()
            return
        fix = fix_description(issue, self.paragraphs)
        fix_label, rule_label = escape(self.tr("Fix:")), escape(self.tr("Rule:"))
        fix_line = f"<br><b>{fix_label}</b> {escape(fix)}" if fix else ""
        self.details.setText(
            f"<p>{escape(issue.message)}</p><p><b>{rule_label}</b> <code>{escape(issue.rule)}</code>{fix_line}</p>"
        )
        self.selected.emit(issue)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        issue = item.data(0, _ISSUE_ROLE)
        if issue is not None:
            self.activated.emit(issue)
