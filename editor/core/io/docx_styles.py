"""The page and paragraph styles of a clean export, as a Chinese newsroom expects them.

A4 with Word's Chinese default margins; 宋体 body text with a two-character
first-line indent; 黑体 headlines; 楷体 bylines and captions. Fonts are set on the
styles through ``w:rFonts`` with explicit ``w:eastAsia`` (and Latin ``w:ascii`` /
``w:hAnsi``), never through theme fonts, so that Word and WPS agree. Each paragraph
kind has its own paragraph style, so an editor can restyle all headlines at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips

from editor.core.document import ParagraphKind

A4_WIDTH, A4_HEIGHT = Twips(11906), Twips(16838)
LATIN_BODY_FONT = "Times New Roman"
LATIN_HEADLINE_FONT = "Arial"
BODY_SIZE = Pt(12)  # 小四
#: ``w:firstLineChars`` is in hundredths of a character: two characters.
FIRST_LINE_CHARS = 200


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style of the clean export."""

    name: str
    east_asian_font: str
    latin_font: str
    size: Pt
    centered: bool = False
    first_line_indent: bool = False
    outline_level: int | None = None


STYLES: dict[ParagraphKind, StyleSpec] = {
    ParagraphKind.HEADLINE: StyleSpec("Proofdesk Headline", "黑体", LATIN_HEADLINE_FONT, Pt(22), True, False, 0),
    ParagraphKind.SUBHEADLINE: StyleSpec("Proofdesk Subheadline", "黑体", LATIN_HEADLINE_FONT, Pt(16), True, False, 1),
    ParagraphKind.BYLINE: StyleSpec("Proofdesk Byline", "楷体", LATIN_BODY_FONT, BODY_SIZE, True),
    ParagraphKind.BODY: StyleSpec("Proofdesk Body", "宋体", LATIN_BODY_FONT, BODY_SIZE, False, True),
    ParagraphKind.CAPTION: StyleSpec("Proofdesk Caption", "楷体", LATIN_BODY_FONT, Pt(10.5), True),
}


def set_fonts(r_pr, east_asian: str, latin: str) -> None:
    """Set explicit fonts on a ``w:rPr``, dropping theme fonts that would override them."""
    fonts = r_pr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def prepare_newsroom_document(document: DocxDocument) -> None:
    """Give a new python-docx document the page, defaults and paragraph styles of a clean export."""
    for section in document.sections:
        section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin = section.right_margin = Cm(3.18)
        section.header_distance = section.footer_distance = Cm(1.5)
    _set_defaults(document)
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), "宋体", LATIN_BODY_FONT)
    normal.font.size = BODY_SIZE
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(0)
    for spec in STYLES.values():
        _add_style(document, spec)


def _set_defaults(document: DocxDocument) -> None:
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_fonts(defaults, "宋体", LATIN_BODY_FONT)
    language = defaults.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:eastAsia"), "zh-CN")


def _add_style(document: DocxDocument, spec: StyleSpec) -> None:
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    set_fonts(style.element.get_or_add_rPr(), spec.east_asian_font, spec.latin_font)
    style.font.size = spec.size
    paragraph = style.paragraph_format
    if spec.centered:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.first_line_indent:
        indent = style.element.get_or_add_pPr().get_or_add_ind()
        indent.set(qn("w:firstLineChars"), str(FIRST_LINE_CHARS))
        indent.set(qn("w:firstLine"), str(int(spec.size.pt * 20 * FIRST_LINE_CHARS / 100)))
    if spec.outline_level is not None:
        paragraph.keep_with_next = True
        paragraph.space_before = paragraph.space_after = Pt(6)
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(spec.outline_level))
        style.element.get_or_add_pPr().insert_element_before(level, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr")
