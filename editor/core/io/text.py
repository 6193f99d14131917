"""Plain-text drafts in the encodings Chinese offices produce.

Byte-order marks decide first (UTF-8, UTF-16 LE/BE); then strict UTF-8; then
charset-normalizer picks among the rest (GB18030 covers GBK and GB2312). Lines end
in CRLF, CR or LF. Every non-empty line is a paragraph as read: blank lines and
indents are remembered in its `Source`, because they tell where the layout cut.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from editor.core.document import Document, Paragraph, Source
from editor.core.io.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: A draft where more than this share of characters are control characters is binary junk.
_MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data``; return the text and the name of the encoding used."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data:
        raise InputError(f"{name}: 不是文本文件（含二进制数据）")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: 无法识别文件编码，请另存为 UTF-8 后再打开")
    encoding = "gb18030" if best.encoding in {"gbk", "gb2312", "gb18030", "hz"} else best.encoding
    return _strict(data, encoding, name), encoding


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(f"{name}: 文件编码有误（按 {encoding} 无法解码）") from error


def parse_text(text: str, name: str = "<draft>", encoding: str | None = None) -> Document:
    """Split text into paragraphs as read, one per non-empty line."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{name}: 文件为空")
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(f"{name}: 不是文本文件（含大量控制字符）")
    paragraphs: list[Paragraph] = []
    blanks = 0
    for number, line in enumerate(_LINE_END.split(text)):
        stripped = line.strip()
        if not stripped:
            blanks += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        paragraphs.append(Paragraph(stripped, source=Source(block=number, blank_before=blanks, indent=indent)))
        blanks = 0
    return Document(paragraphs, name=name, encoding=encoding)


def read_text(data: bytes, name: str) -> Document:
    text, encoding = decode(data, name)
    return parse_text(text, name=name, encoding=encoding)
