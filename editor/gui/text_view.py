"""The draft on screen: one block per paragraph, findings drawn as extra selections.

Structure (headline, subheadline, byline) is the only thing a `QSyntaxHighlighter`
paints. Findings are extra selections in named layers (findings under the current
finding), built only for the blocks in view, and only where a block still holds the
text that was checked. A layout cut gets a ↵ mark after the fragment that will be joined.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QKeySequence,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from editor.core.document import Document, ParagraphKind
from editor.core.issue import Category, Issue
from editor.core.repair import RepairedDocument, apply_fixes
from editor.gui.categories import COLOURS
from editor.gui.offsets import from_utf16, to_utf16

_LAYERS = ("findings", "current")
_JOIN_MARK = "↵"
_PILCROW = "¶"
_PILCROW_COLOUR = QColor("#c8c8c8")
_CURRENT_BACKGROUND = QColor(255, 235, 130)
#: Above this many changed blocks, one pass over the document is cheaper than block by block.
_REHIGHLIGHT_ALL = 20


class StructureHighlighter(QSyntaxHighlighter):
    """Headlines large and bold, subheadlines bold, bylines and captions grey: structure only."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.kinds: list[ParagraphKind] = []
        self.formats = _structure_formats()

    def set_base_size(self, points: float) -> None:
        """Headlines are a third larger than the body text."""
        self.formats[ParagraphKind.HEADLINE].setFontPointSize(points * 4 / 3)
        self.rehighlight()

    def set_kinds(self, kinds: Sequence[ParagraphKind]) -> None:
        """New kinds from a check: repaint only the blocks whose kind changed (all at once if many did)."""
        changed = [n for n in range(max(len(kinds), len(self.kinds))) if _at(kinds, n) != _at(self.kinds, n)]
        self.kinds = list(kinds)
        if len(changed) > _REHIGHLIGHT_ALL:
            self.rehighlight()
            return
        for number in changed:
            block = self.document().findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        kind = _at(self.kinds, self.currentBlock().blockNumber())
        if kind in self.formats:
            self.setFormat(0, len(text.encode("utf-16-le")) // 2, self.formats[kind])


def _at(kinds: Sequence[ParagraphKind], number: int) -> ParagraphKind:
    return kinds[number] if number < len(kinds) else ParagraphKind.BODY


def _structure_formats() -> dict[ParagraphKind, QTextCharFormat]:
    headline, subheadline, quiet = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    headline.setFontWeight(QFont.Weight.Bold)
    headline.setForeground(QColor("#1a237e"))
    subheadline.setFontWeight(QFont.Weight.Bold)
    subheadline.setForeground(QColor("#283593"))
    quiet.setForeground(QColor("#616161"))
    quiet.setFontItalic(True)
    return {
        ParagraphKind.HEADLINE: headline,
        ParagraphKind.SUBHEADLINE: subheadline,
        ParagraphKind.BYLINE: quiet,
        ParagraphKind.CAPTION: quiet,
    }


class ProofTextEdit(QPlainTextEdit):
    """The editable draft with its findings; knows which findings are still valid for which block."""

    fileDropped = Signal(str)  # noqa: N815 (Qt signal naming)
    tabbed = Signal(int)  # Tab (1) or Shift+Tab (-1) on the current finding: step to the next or previous one
    undone = Signal()  # an undo or redo moved the caret to the change: no finding is in hand any more

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.structure = StructureHighlighter(self.document())
        self.findings: list[Issue] = []
        self.checked_texts: list[str | None] = []  # None: a paragraph changed since it was checked
        self.current: Issue | None = None
        self.menu_builder: Callable[[QMenu, Issue], None] | None = None
        self._by_paragraph: dict[int, list[Issue]] = {}
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {name: [] for name in _LAYERS}
        self.updateRequest.connect(self._view_changed)
        self.textChanged.connect(self.refresh_highlights)

    # -- findings ------------------------------------------------------------------------------
    def set_findings(self, findings: Sequence[Issue], checked_texts: Sequence[str | None]) -> None:
        self.findings = list(findings)
        self.checked_texts = list(checked_texts)
        by_paragraph: dict[int, list[Issue]] = defaultdict(list)
        for issue in self.findings:
            by_paragraph[issue.paragraph].append(issue)
        self._by_paragraph = dict(by_paragraph)
        if self.current is not None and self.current not in self.findings:
            self.current = None
        self.refresh_highlights()

    def is_fresh(self, issue: Issue) -> bool:
        """Do the paragraphs the issue flags and changes (for a join, the next one too) still hold the checked text?"""
        numbers = {issue.paragraph}
        for fix in issue.fixes:
            numbers.update((fix.paragraph, fix.paragraph + 1) if fix.joins_next else (fix.paragraph,))
        return all(self.block_is_checked(number) for number in numbers)

    def block_is_checked(self, number: int) -> bool:
        """Does block ``number`` still hold the text its findings were found in?"""
        block = self.document().findBlockByNumber(number)
        return block.isValid() and number < len(self.checked_texts) and block.text() == self.checked_texts[number]

    def cursor_for(self, issue: Issue) -> QTextCursor:
        """A cursor selecting the issue's text (the caller checks `is_fresh` first)."""
        block = self.document().findBlockByNumber(issue.paragraph)
        text = block.text()
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + to_utf16(text, issue.start))
        cursor.setPosition(block.position() + to_utf16(text, issue.end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def finding_at(self, position: int) -> Issue | None:
        """The fresh finding under a document position (a cut's mark counts from its last character on)."""
        block = self.document().findBlock(position)
        if not self.block_is_checked(block.blockNumber()):
            return None
        offset = from_utf16(block.text(), position - block.position())
        for issue in self._by_paragraph.get(block.blockNumber(), []):
            if issue.start <= offset < max(issue.end, issue.start + 1) or (issue.joins_next and offset >= issue.start):
                if self.is_fresh(issue):
                    return issue
        return None

    def apply_fixes(self, issues: Iterable[Issue]) -> RepairedDocument:
        """Apply the fixes the core chooses (`apply_fixes`) as one undo step; return the repair (``applied``…).

        The view makes no choice of its own: issues whose text changed since the check are
        left out, the core chooses among the rest and repairs the text, and every run of
        blocks whose repaired text differs is replaced by it. The view stays where it is.
        """
        texts = self.texts()
        repaired = apply_fixes(Document.from_texts(texts), [issue for issue in issues if self.is_fresh(issue)])
        with self.keeping_view():
            self._replace_blocks(texts, repaired)
        self.current = None
        return repaired

    def _replace_blocks(self, texts: Sequence[str], repaired: RepairedDocument) -> None:
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for number in reversed(range(len(repaired.document.paragraphs))):
            sources = repaired.sources_of(number)
            new = repaired.document.paragraphs[number].text
            if len(sources) == 1 and texts[sources[0]] == new:
                continue
            first, last = self.document().findBlockByNumber(sources[0]), self.document().findBlockByNumber(sources[-1])
            edit.setPosition(first.position())
            edit.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(new)
        edit.endEditBlock()

    def undo(self) -> None:
        with self.keeping_view():
            super().undo()
        self.undone.emit()

    def redo(self) -> None:
        with self.keeping_view():
            super().redo()
        self.undone.emit()

    @contextmanager
    def keeping_view(self) -> Iterator[None]:
        """Leave the view where the user is while the text changes far from it (an undo, a bulk repair)."""
        bars = self.verticalScrollBar(), self.horizontalScrollBar()
        values = [bar.value() for bar in bars]
        try:
            yield
        finally:
            for bar, value in zip(bars, values, strict=True):
                bar.setValue(min(value, bar.maximum()))

    def texts(self) -> list[str]:
        """The text of every block, in order."""
        texts = []
        block = self.document().firstBlock()
        while block.isValid():
            texts.append(block.text())
            block = block.next()
        return texts

    def character_at(self, point) -> int:
        """The document position of the character under a viewport point (not the nearest gap)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if self.cursorRect(cursor).left() > point.x() and position > cursor.block().position():
            position -= 1
        return position

    def show_finding(self, issue: Issue) -> None:
        """Select and reveal a finding, and mark it as the current one."""
        self.current = issue
        if self.is_fresh(issue):
            self.setTextCursor(self.cursor_for(issue))
        else:
            self.setTextCursor(QTextCursor(self.document().findBlockByNumber(issue.paragraph)))
        self.centerCursor()
        self.refresh_highlights()

    # -- drawing -------------------------------------------------------------------------------
    def _view_changed(self, _rect, dy: int) -> None:
        if dy:
            self.refresh_highlights()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.refresh_highlights()

    def refresh_highlights(self) -> None:
        """Rebuild the extra selections of the blocks in view."""
        findings, current = [], []
        for block in self._visible_blocks():
            if not self.block_is_checked(block.blockNumber()):
                continue
            for issue in self._by_paragraph.get(block.blockNumber(), []):
                if issue.joins_next and not self.is_fresh(issue):
                    continue
                selection = self._selection(issue)
                (current if issue == self.current else findings).append(selection)
        self._layers["findings"], self._layers["current"] = findings, current
        self.setExtraSelections([selection for name in _LAYERS for selection in self._layers[name]])
        self.viewport().update()

    def _selection(self, issue: Issue) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self.cursor_for(issue)
        if issue.start == issue.end:
            selection.cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        selection.format.setUnderlineColor(COLOURS[issue.category])
        selection.format.setProperty(QTextFormat.Property.UserProperty, issue.rule)
        if issue.category is Category.LAYOUT:
            selection.format.setBackground(COLOURS[Category.LAYOUT].lighter(185))
        if issue == self.current:
            selection.format.setBackground(_CURRENT_BACKGROUND)
        return selection

    def _visible_blocks(self):
        block = self.firstVisibleBlock()
        bottom = self.viewport().rect().bottom()
        offset = self.contentOffset()
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > bottom:
                break
            yield block
            block = block.next()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The text, then a mark after each paragraph: ↵ where a cut will be joined, a faint ¶ elsewhere."""
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        descent = self.fontMetrics().descent()
        for block in self._visible_blocks():
            joins = any(
                issue.joins_next and self.is_fresh(issue) for issue in self._by_paragraph.get(block.blockNumber(), [])
            )
            end = QTextCursor(block)
            end.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            rect = self.cursorRect(end)
            painter.setPen(COLOURS[Category.LAYOUT] if joins else _PILCROW_COLOUR)
            painter.drawText(QPointF(rect.right() + 2, rect.bottom() - descent), _JOIN_MARK if joins else _PILCROW)
        painter.end()

    # -- interaction ---------------------------------------------------------------------------
    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt override; tooltips arrive at the viewport)
        if event.type() == event.Type.ToolTip:
            issue = self.finding_at(self.character_at(event.pos()))
            if issue is not None:
                QToolTip.showText(event.globalPos(), issue.message, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The finding's actions above the standard edit menu: under the mouse, or at the caret for the Menu key."""
        if event.reason() == event.Reason.Mouse:
            menu = self.createStandardContextMenu(event.pos())
            issue = self.finding_at(self.character_at(event.pos()))
            where = event.globalPos()
        else:
            menu = self.createStandardContextMenu()
            issue = self.finding_at(self.textCursor().selectionStart())
            where = self.viewport().mapToGlobal(self.cursorRect().bottomRight())
        if issue is not None and self.menu_builder is not None:
            self.menu_builder(menu, issue)
        menu.exec(where)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Tab on the selected finding steps to the next one (Shift+Tab: the previous) instead of typing over it;
        Shift+F10 opens the menu, as the Menu key does."""
        key, modifiers = event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._finding_selected():
            self.tabbed.emit(-1 if key == Qt.Key.Key_Backtab else 1)
            return
        if key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier:
            point = self.cursorRect().center()
            where = self.viewport().mapToGlobal(point)
            self.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, where, modifiers))
            return
        super().keyPressEvent(event)

    def _finding_selected(self) -> bool:
        cursor = self.textCursor()
        issue = self.current
        if not cursor.hasSelection() or issue is None or not self.is_fresh(issue):
            return False
        span = self.cursor_for(issue)
        return (cursor.selectionStart(), cursor.selectionEnd()) == (span.selectionStart(), span.selectionEnd())

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if _local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if _local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        path = _local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.fileDropped.emit(path)
        else:
            super().dropEvent(event)


def _local_file(mime) -> str:
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            return url.toLocalFile()
    return ""
