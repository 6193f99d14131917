"""The text with its marks, for paper or PDF: what the desk prints to proofread on paper.

The window's findings are extra selections, drawn by the view and not part of the
document, so printing the view's document would lose them. `marked_document` copies the
text and puts each finding in as character formats (the category's colour, underlined
and lightly shaded so that it survives a grey printer), then lists the findings with
their suggestions after the text, numbered as marked. `QTextDocument.print_` lays it out
for a printer or a PDF file (`write_pdf`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from editor.core.io import OutputError
from editor.core.issue import Issue
from editor.gui.categories import COLOURS, category_name
from editor.gui.findings_panel import fix_description
from editor.gui.offsets import to_utf16


def marked_document(
    source: QTextDocument, findings: Sequence[Issue], texts: Sequence[str], heading: str, font: QFont
) -> QTextDocument:
    """A copy of ``source`` with ``findings`` (on the paragraphs ``texts``) marked, then listed under ``heading``."""
    document = source.clone()
    document.setDefaultFont(font)
    ordered = sorted(findings, key=lambda issue: (issue.paragraph, issue.start))
    for number, issue in enumerate(ordered, 1):
        block = document.findBlockByNumber(issue.paragraph)
        if not block.isValid():
            continue
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + to_utf16(block.text(), issue.start))
        cursor.setPosition(block.position() + to_utf16(block.text(), issue.end), QTextCursor.MoveMode.KeepAnchor)
        mark = QTextCharFormat()
        colour = COLOURS[issue.category]
        mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        mark.setUnderlineColor(colour)
        mark.setBackground(colour.lighter(185))
        cursor.mergeCharFormat(mark)
        cursor.setPosition(block.position() + to_utf16(block.text(), issue.end))
        reference = QTextCharFormat()
        reference.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        reference.setForeground(colour)
        cursor.insertText(f"[{number}]", reference)
    _list_findings(document, ordered, texts, heading)
    return document


def _list_findings(document: QTextDocument, ordered: Sequence[Issue], texts: Sequence[str], heading_text: str) -> None:
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    cursor.insertBlock()
    cursor.insertText(heading_text, heading)
    plain = QTextCharFormat()
    for number, issue in enumerate(ordered, 1):
        cursor.insertBlock()
        line = f"[{number}] ¶{issue.paragraph + 1} {category_name(issue.category)}  {fix_description(issue, texts)}"
        cursor.insertText(f"{line}  {issue.message}", plain)


def pdf_printer(path: str) -> QPrinter:
    """A printer writing an A4 PDF to ``path``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20))
    )
    return printer


def write_pdf(document: QTextDocument, path: str | Path) -> None:
    """Lay ``document`` out on A4 pages as a PDF at ``path``, atomically; raises `OutputError`.

    Qt writes the PDF itself, so it writes a temporary file beside the target, which then replaces it.
    """
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise OutputError(f"{target}: 无法写入（{error.strerror or error}）") from error
    try:
        document.print_(pdf_printer(temporary))
        if os.path.getsize(temporary) == 0:
            raise OSError("PDF 为空")
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{target}: 无法写入（{error.strerror or error}）") from error
