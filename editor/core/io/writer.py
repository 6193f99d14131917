"""Write a repaired document by the target's extension, always atomically."""

from __future__ import annotations

from pathlib import Path

from editor.core.io.atomic import write_atomically
from editor.core.io.errors import OutputError
from editor.core.io.text import encode_text
from editor.core.repair import RepairedDocument

FORMATS = (".txt", ".docx")


def write_document(repaired: RepairedDocument, path: str | Path, ignore_protection: bool = False) -> None:
    """Write ``repaired`` to ``path``: `.txt` in the text draft's own form (see `encode_text`); `.docx` as Word.

    A DOCX draft protected against editing is written back only with ``ignore_protection``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        data = encode_text(repaired.document)
        write_atomically(path, lambda stream: stream.write(data))
    elif suffix == ".docx":
        from editor.core.io.docx_writer import write_docx

        write_docx(repaired, path, ignore_protection)
    else:
        raise OutputError(f"{path}: 不支持的输出格式（可用：{'、'.join(FORMATS)}）")
