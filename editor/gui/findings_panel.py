"""The findings beside the text, in the order F8 takes them: filterable by words and by category.

The list reads down the page (document order), or category by category when the user
groups it, and every step through the findings follows the list (`editor.core.navigation`).
Selecting a finding reveals it in the text and shows the whole message, the rule and what
its fix will change; Enter, a double click or the accept button accepts it, Delete or the
ignore button ignores it, and the right mouse button, the Menu key or Shift+F10 open its
actions (the same menu as in the text, built by the window).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.document import PrintedPlace
from editor.core.issue import Category, Issue
from editor.core.navigation import ordered
from editor.gui.categories import COLOURS, category_name

_ISSUE_ROLE = Qt.ItemDataRole.UserRole
_GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # a group's category, by value (Qt would make the str enum a plain str)
_CONTEXT = 6
#: Whitespace made visible where a fix deletes it.
_VISIBLE = str.maketrans({" ": "␣", "\u3000": "□", "\t": "⇥", "\u00a0": "⍽"})


def fix_description(issue: Issue, paragraphs: Sequence[str | None]) -> str:
    """What accepting the finding does, in the user's words: join two paragraphs, delete, or replace."""
    if issue.joins_next:
        text = paragraphs[issue.paragraph] if issue.paragraph < len(paragraphs) else None
        after = paragraphs[issue.paragraph + 1] if issue.paragraph + 1 < len(paragraphs) else None
        tail = (text or issue.text)[-_CONTEXT:]
        head = (after or "")[:_CONTEXT]
        label = QCoreApplication.translate("Findings", "Join the two paragraphs: …%1｜%2…")
        return label.replace("%1", tail, 1).replace("%2", head, 1)
    if issue.replacement is None:
        return ""
    if not issue.replacement:
        return QCoreApplication.translate("Findings", "Delete “%1”").replace("%1", issue.text.translate(_VISIBLE))
    return f"{issue.text.translate(_VISIBLE)} → {issue.replacement}"


class _FindingsTree(QTreeWidget):
    """The rows; Enter accepts, Delete ignores, Shift+F10 opens the menu as the Menu key does."""

    accept_pressed = Signal()
    ignore_pressed = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers & ~Qt.KeyboardModifier.KeypadModifier:
            self.accept_pressed.emit()
        elif key == Qt.Key.Key_Delete and not modifiers:
            self.ignore_pressed.emit()
        elif key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier:
            item = self.currentItem()
            if item is not None:
                self.customContextMenuRequested.emit(self.visualItemRect(item).center())
        else:
            super().keyPressEvent(event)


class FindingsPanel(QWidget):
    """The list of findings, its filters, its buttons and the details of the selected one."""

    selected = Signal(object)  # Issue
    activated = Signal(object)  # Issue: accept it (Enter, double click, the button)
    ignored = Signal(object)  # Issue: ignore it (Delete, the button)
    menu_requested = Signal(object, QPoint)  # Issue, global position: show its actions

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter findings…"))
        self.filter.setClearButtonEnabled(True)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("All categories"), None)
        for category in Category:
            self.category.addItem(category_name(category), category.value)
        self.grouping = QCheckBox(self.tr("Group by category"), self)
        self.tree = _FindingsTree(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Paragraph"), self.tr("Text"), self.tr("Fix")])
        self.tree.headerItem().setToolTip(0, self.tr("The paragraph of the draft as it was opened"))
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setToolTip(self.tr("Apply the fix (Enter in the list, Ctrl+Enter in the text)"))
        self.ignore_button = QPushButton(self.tr("Ignore"), self)
        self.ignore_button.setToolTip(self.tr("Ignore this finding (Delete in the list, Ctrl+I in the text)"))
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(90)
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.category)
        buttons = QHBoxLayout()
        buttons.addWidget(self.grouping)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.ignore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        self.filter.textChanged.connect(self._apply_filter)
        self.category.currentIndexChanged.connect(self._apply_filter)
        self.grouping.toggled.connect(self._regroup)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._emit(self.activated, item))
        self.tree.accept_pressed.connect(lambda: self._emit(self.activated, self.tree.currentItem()))
        self.tree.ignore_pressed.connect(lambda: self._emit(self.ignored, self.tree.currentItem()))
        self.accept_button.clicked.connect(lambda: self._emit(self.activated, self.tree.currentItem()))
        self.ignore_button.clicked.connect(lambda: self._emit(self.ignored, self.tree.currentItem()))
        self.tree.customContextMenuRequested.connect(self._menu_at)
        self.findings: list[Issue] = []
        self.paragraphs: list[str | None] = []
        self.places: dict[Issue, int | None] = {}
        self.printed: dict[Issue, PrintedPlace] = {}
        self._update_buttons()

    @property
    def grouped(self) -> bool:
        return self.grouping.isChecked()

    def set_findings(
        self,
        findings: Sequence[Issue],
        paragraphs: Sequence[str | None],
        places: Mapping[Issue, int | None] | None = None,
        printed: Mapping[Issue, PrintedPlace] | None = None,
    ) -> None:
        """Show ``findings``; keep the selected one selected if it is still there, else show no details.

        ``places`` gives the paragraph of the draft as opened where each finding was read
        (None in text typed anew): the numbers the list shows, which joins do not move.
        ``printed`` gives where a finding of a draft read from a PDF stands on the page (A2 版 第3栏).
        """
        keep = self.current_issue()
        self.findings = list(findings)
        self.paragraphs, self.places = list(paragraphs), dict(places or {})
        self.printed = dict(printed or {})
        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        current = None
        groups: dict[Category, QTreeWidgetItem] = {}
        for issue in ordered(self.findings, self.grouped):
            parent = self.tree
            if self.grouped:
                parent = groups.get(issue.category)
                if parent is None:
                    parent = groups[issue.category] = QTreeWidgetItem(self.tree)
                    parent.setForeground(0, COLOURS[issue.category])
                    parent.setFirstColumnSpanned(True)
                    parent.setExpanded(True)
                    parent.setData(0, _GROUP_ROLE, issue.category.value)
                    parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            item = QTreeWidgetItem(parent)
            item.setData(0, _ISSUE_ROLE, issue)
            item.setText(0, self._place(issue))
            item.setForeground(0, COLOURS[issue.category])
            item.setToolTip(0, category_name(issue.category))
            item.setText(1, issue.text.translate(_VISIBLE))
            item.setText(2, fix_description(issue, self.paragraphs))
            item.setToolTip(1, issue.message)
            item.setToolTip(2, issue.message)
            if issue == keep:
                current = item
        self.tree.setRootIsDecorated(self.grouped)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        self._apply_filter()
        if current is not None:
            self.tree.setCurrentItem(current)
        self.tree.blockSignals(False)
        self.tree.setUpdatesEnabled(True)
        self._show_details(keep if current is not None else None)
        self._update_buttons()

    def _place(self, issue: Issue) -> str:
        place, printed = self.places.get(issue), self.printed.get(issue)
        number = "" if place is None else f"¶{place + 1}"
        return f"{number} {printed}".strip() if printed else number

    def items(self) -> list[QTreeWidgetItem]:
        """The rows of findings, in the list's order."""
        rows = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if isinstance(top.data(0, _ISSUE_ROLE), Issue):
                rows.append(top)
            rows.extend(top.child(c) for c in range(top.childCount()))
        return rows

    def visible_issues(self) -> list[Issue]:
        """The findings the filters let through, in the list's order (the order of every step)."""
        return [item.data(0, _ISSUE_ROLE) for item in self.items() if not item.isHidden()]

    def group_titles(self) -> list[str]:
        """The headers of the category groups shown (none unless grouped)."""
        tops = [self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount())]
        return [top.text(0) for top in tops if top.data(0, _GROUP_ROLE) and not top.isHidden()]

    def current_issue(self) -> Issue | None:
        item = self.tree.currentItem()
        issue = item.data(0, _ISSUE_ROLE) if item is not None else None
        return issue if isinstance(issue, Issue) else None

    def select(self, issue: Issue | None) -> None:
        """Make ``issue`` the current row (None: no row, no details)."""
        for item in self.items() if issue is not None else []:
            if item.data(0, _ISSUE_ROLE) == issue:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return
        self.tree.setCurrentItem(None)
        self.details.clear()
        self._update_buttons()

    def _regroup(self) -> None:
        self.set_findings(self.findings, self.paragraphs, self.places, self.printed)

    def _apply_filter(self, *_args) -> None:
        needle = self.filter.text().strip().lower()
        wanted = self.category.currentData()
        shown: Counter[Category] = Counter()
        for item in self.items():
            issue: Issue = item.data(0, _ISSUE_ROLE)
            haystack = f"{issue.text} {issue.message} {issue.rule} {item.text(2)}".lower()
            hidden = (bool(needle) and needle not in haystack) or (bool(wanted) and issue.category.value != wanted)
            item.setHidden(hidden)
            shown[issue.category] += not hidden
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            value = group.data(0, _GROUP_ROLE)
            if value:
                category = Category(value)
                group.setText(0, f"{category_name(category)}（{shown[category]}）")
                group.setHidden(shown[category] == 0)
        current = self.tree.currentItem()
        if current is not None and current.isHidden():
            self.select(None)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous) -> None:
        issue = item.data(0, _ISSUE_ROLE) if item is not None else None
        self._update_buttons()
        self._show_details(issue if isinstance(issue, Issue) else None)
        if isinstance(issue, Issue):
            self.selected.emit(issue)

    def _show_details(self, issue: Issue | None) -> None:
        if issue is None:
            self.details.clear()
            return
        fix = fix_description(issue, self.paragraphs)
        fix_label, rule_label, page_label = escape(self.tr("Fix:")), escape(self.tr("Rule:")), escape(self.tr("Page:"))
        fix_line = f"<br><b>{fix_label}</b> {escape(fix)}" if fix else ""
        printed = self.printed.get(issue)
        page_line = f"<br><b>{page_label}</b> {escape(str(printed))}" if printed else ""
        self.details.setText(
            f"<p>{escape(issue.message)}</p><p><b>{rule_label}</b> <code>{escape(issue.rule)}</code>"
            f"{fix_line}{page_line}</p>"
        )

    def _update_buttons(self) -> None:
        issue = self.current_issue()
        self.accept_button.setEnabled(issue is not None and bool(issue.fixes))
        self.ignore_button.setEnabled(issue is not None)

    def _emit(self, signal, item: QTreeWidgetItem | None) -> None:
        issue = item.data(0, _ISSUE_ROLE) if item is not None else None
        if isinstance(issue, Issue):
            signal.emit(issue)

    def _menu_at(self, point: QPoint) -> None:
        item = self.tree.itemAt(point) or self.tree.currentItem()
        issue = item.data(0, _ISSUE_ROLE) if item is not None else None
        if isinstance(issue, Issue):
            self.tree.setCurrentItem(item)
            self.menu_requested.emit(issue, self.tree.viewport().mapToGlobal(point))
