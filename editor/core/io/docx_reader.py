"""Read a DOCX draft into paragraphs as read, remembering where each came from.

Each body paragraph (also inside tables) is cut at its manual line breaks, since
soft returns pasted from web pages and PDFs are layout cuts (whether a break or a paragraph
mark the author typed is one, the layout analysis decides, from the text and from what
`docx_marks` records in each `Source`: headings, list items, fields, forms…): every
non-blank segment becomes a `Paragraph` whose `Source` names the DOCX paragraph
(``block``, in reading order) and the segment (``line``). As in text drafts, the
leading white space is kept in ``indent``, trailing white space is dropped, and
``blank_before`` counts the blank lines just before: empty DOCX paragraphs, and
empty segments (two soft returns in a row) inside a paragraph.
The bytes themselves are kept as the `DocxOrigin`, so that the writers can apply
the repairs to the very same document.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.io.docx_marks import AuthorMarks
from editor.core.io.docx_text import LINE_BREAK, DocxOrigin, paragraph_atoms, reading_order, shown_text
from editor.core.io.errors import InputError

logger = logging.getLogger(__name__)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADLINE_STYLE = re.compile(r"^(title|heading 1|标题 ?1?)$", re.IGNORECASE)
#: Base-style chains are short; a longer one is a loop in a damaged styles part.
_MAX_STYLE_DEPTH = 20
_SUBHEADLINE_STYLE = re.compile(r"^(subtitle|heading [2-9]|副标题|标题 ?[2-9])$", re.IGNORECASE)


def read_docx(data: bytes, name: str) -> Document:
    """Read DOCX bytes; raise `InputError` (one Chinese line naming ``name``) if they are not a readable draft."""
    opened = _open(data, name)
    kinds = _style_kinds(opened)
    marks = AuthorMarks(opened)
    paragraphs: list[Paragraph] = []
    blanks = 0
    for block, element in enumerate(reading_order(opened.element.body)):
        kind = kinds.get(_style_id(element), ParagraphKind.BODY)
        segments = shown_text(paragraph_atoms(element)).split(LINE_BREAK)
        shows_text = any(segment.strip() for segment in segments)
        found = dict(authored=True, marks=marks.of(element, shows_text), container=marks.container(element))
        if not shows_text:
            blanks += 1
            continue
        for line, segment in enumerate(segments):
            text = segment.strip()
            if not text:
                blanks += 1
                continue
            indent = segment[: len(segment) - len(segment.lstrip())]
            source = Source(block=block, line=line, blank_before=blanks, indent=indent, **found)
            paragraphs.append(Paragraph(text, kind, source))
            blanks = 0
    if not paragraphs:
        raise InputError(f"{name}: 文档中没有文字")
    return Document(paragraphs, name=name, origin=DocxOrigin(data))


def _open(data: bytes, name: str):
    if data.startswith(_OLE):
        raise InputError(f"{name}: 文档受密码保护，或是旧版 .doc 格式；请在 Word 中另存为不加密的 .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "EncryptionInfo" in names or "EncryptedPackage" in names:
                raise InputError(f"{name}: 文档受密码保护；请在 Word 中取消密码后另存为 .docx")
            if "word/document.xml" not in names:
                raise InputError(f"{name}: 不是 Word 文档（缺少 word/document.xml）")
        return docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except zipfile.BadZipFile:
        raise InputError(f"{name}: DOCX 文件已损坏（不是有效的压缩包）") from None
    except (PackageNotFoundError, ValueError, KeyError) as error:
        logger.info("not a Word document: %s", error)
        if "macroEnabled" in str(error) or "template" in str(error):
            raise InputError(f"{name}: 是启用宏的文档或 Word 模板，请另存为 .docx") from None
        raise InputError(f"{name}: 不是 Word 文档（可能是其他 Office 文件或已损坏）") from None
    except etree.XMLSyntaxError as error:
        raise InputError(f"{name}: DOCX 文件已损坏（XML 有误：{error.msg}）") from None
    except Exception as error:  # a damaged package fails in many ways; none may crash the app
        logger.exception("cannot open %s", name)
        raise InputError(f"{name}: 无法读取 DOCX（{type(error).__name__}）") from None


def _style_id(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _style_kinds(document) -> dict[str | None, ParagraphKind]:
    """Headline kinds by paragraph style id, following each style's base styles."""
    kinds: dict[str | None, ParagraphKind] = {}
    for style in document.styles:
        seen, depth = style, 0
        while seen is not None and depth < _MAX_STYLE_DEPTH:
            kind = _kind_of_name(seen.name or "")
            if kind is not None:
                kinds[style.style_id] = kind
                break
            seen, depth = getattr(seen, "base_style", None), depth + 1
    return kinds


def _kind_of_name(name: str) -> ParagraphKind | None:
    if _HEADLINE_STYLE.match(name.strip()):
        return ParagraphKind.HEADLINE
    if _SUBHEADLINE_STYLE.match(name.strip()):
        return ParagraphKind.SUBHEADLINE
    return None
