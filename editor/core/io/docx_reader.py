"""Read a DOCX draft into paragraphs as read, remembering where each came from.

Each paragraph of every part (the body, also inside tables, text boxes, headers,
footers, footnotes and endnotes: `docx_parts`) is cut at its manual line breaks, since
soft returns pasted from web pages and PDFs are layout cuts (whether a break or a paragraph
mark the author typed is one, the layout analysis decides, from the text and from what
`docx_marks` records in each `Source`: headings, list items, fields, forms…): every
non-blank segment becomes a `Paragraph` whose `Source` names the DOCX paragraph
(``block``, in reading order), its flow (``story``) and the segment (``line``). As in text drafts, the
leading white space is kept in ``indent``, trailing white space is dropped, and
``blank_before`` counts the blank lines just before in the same flow: empty DOCX
paragraphs, and empty segments (two soft returns in a row) inside a paragraph.
A damaged document is refused with one line, whatever python-docx stumbles on.
The bytes themselves are kept as the `DocxOrigin`, so that the writers can apply
the repairs to the very same document. A DOCX saved from a page PDF gives each paragraph its
printed place again (``page``, ``column``) from the hidden bookmarks `docx_places` reads, and its
article date (`Document.date`) from the 稿件日期 property `docx_article_date` reads.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections import Counter

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.parts.comments import CommentsPart
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.parts.numbering import NumberingPart
from docx.parts.settings import SettingsPart
from docx.parts.styles import StylesPart
from lxml import etree

from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.io.docx_article_date import article_date_of
from editor.core.io.docx_marks import AuthorMarks
from editor.core.io.docx_parts import story_blocks
from editor.core.io.docx_places import PlaceMarks
from editor.core.io.docx_text import LINE_BREAK, DocxOrigin, paragraph_atoms, shown_text
from editor.core.io.errors import InputError

logger = logging.getLogger(__name__)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PART_OF_RELATIONSHIP = {
    RT.STYLES: StylesPart,
    RT.SETTINGS: SettingsPart,
    RT.NUMBERING: NumberingPart,
    RT.HEADER: HeaderPart,
    RT.FOOTER: FooterPart,
    RT.COMMENTS: CommentsPart,
    RT.FOOTNOTES: XmlPart,
    RT.ENDNOTES: XmlPart,
}
_MANY = {RT.HEADER, RT.FOOTER}
_HEADLINE_STYLE = re.compile(r"^(title|heading 1|标题 ?1?)$", re.IGNORECASE)
#: Base-style chains are short; a longer one is a loop in a damaged styles part.
_MAX_STYLE_DEPTH = 20
_SUBHEADLINE_STYLE = re.compile(r"^(subtitle|heading [2-9]|副标题|标题 ?[2-9])$", re.IGNORECASE)


def read_docx(data: bytes, name: str) -> Document:
    """Read DOCX bytes; raise `InputError` (one Chinese line naming ``name``) if they are not a readable draft."""
    opened = _open(data, name)
    try:
        paragraphs = _paragraphs(opened)
    except Exception as error:  # damaged XML breaks python-docx in many ways; none may crash the app
        logger.exception("cannot read %s", name)
        raise InputError(f"{name}: DOCX 文件已损坏，无法读取（{type(error).__name__}）") from None
    if not paragraphs:
        raise InputError(f"{name}: 文档中没有文字")
    return Document(paragraphs, name=name, origin=DocxOrigin(data), date=article_date_of(opened, name))


def _paragraphs(opened) -> list[Paragraph]:
    kinds = _style_kinds(opened)
    marks = AuthorMarks(opened)
    places = PlaceMarks()
    paragraphs: list[Paragraph] = []
    blanks, story = 0, None
    for block, item in enumerate(story_blocks(opened)):
        if item.story != story:
            blanks, story = 0, item.story
        kind = kinds.get(_style_id(item.element), ParagraphKind.BODY)
        segments = shown_text(paragraph_atoms(item.element)).split(LINE_BREAK)
        shows_text = any(segment.strip() for segment in segments)
        found = dict(authored=True, marks=marks.of(item.element, shows_text), container=marks.container(item.element))
        place = places.of(item.element, item.story)
        if place is not None:
            found.update(page=place.page, column=place.column)
        if not shows_text:
            blanks += 1
            continue
        for line, segment in enumerate(segments):
            text = segment.strip()
            if not text:
                blanks += 1
                continue
            indent = segment[: len(segment) - len(segment.lstrip())]
            source = Source(block=block, line=line, blank_before=blanks, indent=indent, story=story, **found)
            paragraphs.append(Paragraph(text, kind, source))
            blanks = 0
    return paragraphs


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
        opened = docx.Document(io.BytesIO(data))
        if not _package_complete(opened):
            raise InputError(f"{name}: DOCX 文件已损坏（部件或关系表不完整）")
        return opened
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


def _package_complete(document) -> bool:
    """Has every part its name and content type, every relationship its id, type and target,
    and is each part the main document relates to of the kind the relationship says (one
    styles part, one settings part; headers and footers as many as the sections name)?

    python-docx reads a package that lacks one of them, but cannot save it again, and
    no writer could say what the part or the relationship meant.
    """
    package = document.part.package
    parts = list(package.iter_parts())
    if not all(part.partname and part.content_type for part in parts):
        return False
    kinds = Counter()
    for rel in document.part.rels.values():  # python-docx takes the styles part for one, and so on
        expected = _PART_OF_RELATIONSHIP.get(rel.reltype)
        if expected is not None and not rel.is_external and not isinstance(rel.target_part, expected):
            return False
        kinds[rel.reltype] += 1
    if any(kinds[kind] > 1 for kind in _PART_OF_RELATIONSHIP if kind not in _MANY):
        return False
    for rels in (package.rels, *(part.rels for part in parts)):
        for rel in rels.values():
            if not rel.rId or not rel.reltype or (rel.is_external and not rel.target_ref):
                return False
    return True


def _style_id(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _style_kinds(document) -> dict[str | None, ParagraphKind]:
    """Headline kinds by paragraph style id, following each style's base styles.

    Read from the styles part's XML, not through python-docx's style objects, which
    fail on styles Word itself accepts (one without ``w:type``, a base that is missing).
    """
    styles = document.styles.element
    names: dict[str | None, str] = {}
    bases: dict[str | None, str | None] = {}
    for style in styles.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        name, base = style.find(qn("w:name")), style.find(qn("w:basedOn"))
        names[style_id] = "" if name is None else name.get(qn("w:val")) or ""
        bases[style_id] = None if base is None else base.get(qn("w:val"))
    kinds: dict[str | None, ParagraphKind] = {}
    for style_id in names:
        seen, depth = style_id, 0
        while seen in names and depth < _MAX_STYLE_DEPTH:
            kind = _kind_of_name(names[seen])
            if kind is not None:
                kinds[style_id] = kind
                break
            seen, depth = bases[seen], depth + 1
    return kinds


def _kind_of_name(name: str) -> ParagraphKind | None:
    if _HEADLINE_STYLE.match(name.strip()):
        return ParagraphKind.HEADLINE
    if _SUBHEADLINE_STYLE.match(name.strip()):
        return ParagraphKind.SUBHEADLINE
    return None
