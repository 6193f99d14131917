"""Plain-text drafts in the encodings Chinese offices produce.

Byte-order marks decide first (UTF-8, UTF-16 LE/BE); then strict UTF-8; then
charset-normalizer picks among the rest (GB18030 covers GBK and GB2312). Lines end
in CRLF, CR or LF. Every non-empty line is a paragraph as read: blank lines and
indents are remembered in its `Source`, because they tell where the layout cut.

A draft is written back in the form it came in (`encode_text`): its encoding (a GBK
office stays GBK, a BOM stays), its line ends, its indents and the blank lines between
its paragraphs. Only what was repaired changes; the desk never finds its file silently
turned into another format.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from dataclasses import dataclass

import charset_normalizer

from editor.core.document import Document, Paragraph, Source
from editor.core.io.errors import InputError

logger = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class TextOrigin:
    """How a text draft laid out its lines, for writing it back the same way.

    ``newline`` is the draft's line end; ``blank_lines`` the number of blank lines that
    most often separate two paragraphs (1 in a page pasted with blank lines between the
    fragments, 0 in a hard-wrapped column): a paragraph the user splits gets as many.
    ``line_ends_after`` counts the line ends after the last paragraph (1: the file ends
    its last line; 0: it does not; more: blank lines follow).
    """

    newline: str = "\n"
    blank_lines: int = 0
    line_ends_after: int = 1


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
    line_end = _LINE_END.search(text)
    separators = Counter(paragraph.source.blank_before for paragraph in paragraphs[1:])
    origin = TextOrigin(
        newline=line_end.group() if line_end else "\n",
        blank_lines=separators.most_common(1)[0][0] if separators else 0,
        line_ends_after=blanks,
    )
    return Document(paragraphs, name=name, encoding=encoding, origin=origin)


def read_text(data: bytes, name: str) -> Document:
    text, encoding = decode(data, name)
    return parse_text(text, name=name, encoding=encoding)


def encode_text(document: Document) -> bytes:
    """The document as the bytes of a text file, in the form of the text draft it was read from.

    A document read from elsewhere (a DOCX saved as text) is UTF-8, one paragraph a line.
    A character the draft's encoding cannot hold (rare: GB18030 holds all of Unicode)
    makes the file UTF-8 with a warning rather than losing the character.
    """
    origin = document.origin if isinstance(document.origin, TextOrigin) else None
    form = origin or TextOrigin()
    split = form.newline * (1 + form.blank_lines)
    lines = []
    for paragraph in document.paragraphs:
        blank = form.newline * paragraph.source.blank_before if origin else ""
        indent = paragraph.source.indent if origin else ""
        lines.append(blank + indent + paragraph.text.replace("\n", split))
    text = form.newline.join(lines) + form.newline * form.line_ends_after
    encoding = (document.encoding if origin else None) or "utf-8"
    try:
        return text.encode(encoding)
    except (UnicodeEncodeError, LookupError) as error:
        logger.warning("%s: 原稿编码 %s 无法保存全部文字（%s），已按 UTF-8 保存", document.name, encoding, error.reason)
        return text.encode("utf-8")
