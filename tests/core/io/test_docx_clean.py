"""The clean DOCX export of a text draft, compared with a reference file and read back with python-docx.

The reference is ``tests/data/docx/clean_export_document.xml`` (``word/document.xml``
pretty-printed, revision ids removed). After an intended change of the export,
regenerate it and review the diff::

    PROOFDESK_REGENERATE_REFERENCES=1 .venv/bin/python -m pytest -q tests/core/io/test_docx_clean.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Twips
from docx_test_support import KINDS, issue, small_draft
from lxml import etree

from editor.core.io import write_document
from editor.core.io.docx_clean import build_clean_document
from editor.core.repair import apply_fixes

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "docx" / "clean_export_document.xml"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    draft = small_draft()
    path = tmp_path_factory.mktemp("clean") / "清样.docx"
    write_document(apply_fixes(draft, [issue(draft, 3)]), path)
    return path


def normalised_document_xml(path: Path) -> bytes:
    """``word/document.xml`` pretty-printed, without revision-session ids."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read("word/document.xml")
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    for element in root.iter():
        for name in [name for name in element.attrib if re.search(r"}rsid", name)]:
            del element.attrib[name]
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_document_xml_matches_the_reference(exported):
    actual = normalised_document_xml(exported)
    if os.environ.get("PROOFDESK_REGENERATE_REFERENCES") == "1":
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        REFERENCE.write_bytes(actual)
    assert actual == REFERENCE.read_bytes()


def test_paragraphs_styles_and_no_empty_paragraphs(exported):
    document = docx.Document(exported)
    assert [(p.text, p.style.name) for p in document.paragraphs] == [
        ("区政府召开常务会议", "Proofdesk Headline"),
        ("研究部署冬季安全生产和民生保障工作", "Proofdesk Subheadline"),
        ("（记者 黄雅婷）", "Proofdesk Byline"),
        (KINDS[3][0] + KINDS[4][0], "Proofdesk Body"),
        (KINDS[5][0], "Proofdesk Body"),
        (KINDS[6][0], "Proofdesk Caption"),
    ]


def test_a4_page_and_east_asian_fonts_on_styles(exported):
    document = docx.Document(exported)
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    assert section.left_margin > 0 and section.top_margin > 0

    def fonts(name: str) -> dict[str, str]:
        element = document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        return {etree.QName(key).localname: value for key, value in element.attrib.items()}

    assert fonts("Normal")["eastAsia"] == "宋体" and fonts("Normal")["ascii"] == "Times New Roman"
    assert fonts("Proofdesk Headline")["eastAsia"] == "黑体" and fonts("Proofdesk Subheadline")["eastAsia"] == "黑体"
    assert fonts("Proofdesk Body")["eastAsia"] == "宋体"
    assert not any(key.endswith("Theme") or key == "cstheme" for key in fonts("Normal"))


def test_body_has_a_two_character_first_line_indent(exported):
    indent = docx.Document(exported).styles["Proofdesk Body"].element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert indent.get(qn("w:firstLineChars")) == "200"
    assert indent.get(qn("w:firstLine")) == "480"  # two characters of 12 pt, in twips
    headline = docx.Document(exported).styles["Proofdesk Headline"].element
    assert headline.find(f"{qn('w:pPr')}/{qn('w:ind')}") is None


def test_core_properties_are_set_and_fixed_by_the_clock():
    now = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)
    first, second = (build_clean_document(small_draft().paragraphs, now) for _ in range(2))
    assert first.core_properties.created == now == second.core_properties.modified
    assert first.core_properties.title == "区政府召开常务会议"
    assert first.core_properties.author == second.core_properties.author != "python-docx"
