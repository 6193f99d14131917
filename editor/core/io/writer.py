"""Write a repaired document by the target's extension, always atomically."""

from __future__ import annotations

from pathlib import Path

from editor.core.io.atomic import write_atomically
from editor.core.io.errors import OutputError
from editor.core.repair import RepairedDocument

FORMATS = (".txt", ".docx")


def write_document(repaired: RepairedDocument, path: str | Path) -> None:
    """Write ``repaired`` to ``path``: `.txt` as UTF-8, one paragraph a line; `.docx` as Word."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text = "".join(paragraph.text + "\n" for paragraph in repaired.document.paragraphs)
        write_atomically(path, lambda stream: stream.write(text.encode("utf-8")))
    elif suffix == ".docx":
        from editor.core.io.docx_writer import write_docx

        write_docx(repaired, path)
    else:
        raise OutputError(f"{path}: 不支持的输出格式（可用：{'、'.join(FORMATS)}）")
