"""Open a draft by what it is, not only by its name, and say clearly why one cannot be read."""

from __future__ import annotations

import sys
from pathlib import Path

from editor.core.document import Document
from editor.core.io.errors import InputError
from editor.core.io.text import parse_text, read_text

#: Larger files are refused: no newsroom draft comes near this, and checking it would take minutes.
MAX_BYTES = 20 * 1024 * 1024
#: A page PDF carries its photographs, so it may be larger; only its text is read.
MAX_PDF_BYTES = 200 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A PDF says so in its first 1,024 bytes (ISO 32000-1, 7.5.2).
_PDF = b"%PDF-"


def read_document(path: str | Path) -> Document:
    """Read a `.txt`, `.docx` or `.pdf` draft as it is; raise `InputError` if it cannot be.

    Only what the file itself says about a paragraph's kind (a DOCX heading style, a PDF's type
    sizes) is kept; recognising headlines and bylines from the text is the engine's work.
    """
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: 是文件夹，不是文件")
        size, limit = path.stat().st_size, MAX_PDF_BYTES if path.suffix.lower() == ".pdf" else MAX_BYTES
        if size > limit:
            raise InputError(f"{name}: 文件过大（{size / 1024 / 1024:.1f} MB，上限 {limit // 1024 // 1024} MB）")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: 文件不存在") from None
    except PermissionError:
        raise InputError(f"{name}: 没有读取权限") from None
    except OSError as error:
        raise InputError(f"{name}: 无法读取（{error.strerror or error}）") from None
    if not data:
        raise InputError(f"{name}: 文件为空")
    suffix = path.suffix.lower()
    if data.startswith(_OLE):
        raise InputError(f"{name}: 文档受密码保护，或是旧版 .doc 格式；请在 Word 中另存为不加密的 .docx")
    if suffix == ".docx" or data.startswith(_ZIP):
        if not data.startswith(_ZIP):
            raise InputError(f"{name}: DOCX 文件已损坏（不是有效的压缩包）")
        from editor.core.io.docx_reader import read_docx

        return read_docx(data, name)
    if suffix == ".pdf" or _PDF in data[:1024]:
        from editor.core.io.pdf_reader import read_pdf

        return read_pdf(data, name)
    if suffix in {".doc", ".rtf", ".wps"}:
        raise InputError(f"{name}: 不支持 {suffix} 格式，请另存为 .docx 或 .txt")
    return read_text(data, name)


def read_stdin() -> Document:
    """Read UTF-8 text from standard input (`proofdesk check -`)."""
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("<stdin>: 标准输入不是 UTF-8 文本") from None
    return parse_text(text, name="<stdin>", encoding="utf-8")
