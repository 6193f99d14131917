"""Write a repaired document by the target's extension, always atomically."""

from __future__ import annotations

from pathlib import Path

from editor.core.io.atomic import write_atomically
from editor.core.io.errors import OutputError
from editor.core.io.text import encode_text
from editor.core.repair import RepairedDocument

FORMATS = (".txt", ".docx")


def check_target(path: Path) -> None:
    """Refuse a target no result can be written as, before any work is done (a PDF is read, never written)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise OutputError(f"{path}: 不支持写成 PDF（PDF 只能读入），请另存为 .docx 或 .txt")
    if suffix not in FORMATS:
        raise OutputError(f"{path}: 不支持的输出格式（可用：{'、'.join(FORMATS)}）")


def write_document(repaired: RepairedDocument, path: str | Path, ignore_protection: bool = False) -> None:
    """Write ``repaired`` to ``path``: `.txt` in the text draft's own form (see `encode_text`); `.docx` as Word.

    A DOCX draft protected against editing is written back only with ``ignore_protection``.
    """
    path = Path(path)
    check_target(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        data = encode_text(repaired.document)
        write_atomically(path, lambda stream: stream.write(data))
    elif suffix == ".docx":
        from editor.core.io.docx_writer import write_docx

        write_docx(repaired, path, ignore_protection)
