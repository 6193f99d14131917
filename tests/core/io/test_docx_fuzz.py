"""No DOCX makes `check`, `fix` or `fix --review` fail with a traceback, however damaged.

Documents the project writes (the realistic draft, the document with text in every
part) are mutated part by part the way damaged and hand-made files differ from
Word's: an element or an attribute removed, an attribute given a strange value, an
element copied or moved elsewhere, a part cut short or left out. Each mutant is read,
fixed and reviewed with findings on every paragraph; the only failures allowed are
`InputError` and `OutputError`, whose one Chinese line the CLI prints.
``PROOFDESK_FUZZ=2000`` runs more mutants than the suite's 120.
"""

from __future__ import annotations

import io
import os
import random
import zipfile

import docx
import pytest
from docx_parts_support import build_parts_docx
from docx_test_support import build_draft_docx, issue, typo
from lxml import etree

from editor.cli import main
from editor.core.io import InputError, OutputError
from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import build_review_docx
from editor.core.io.docx_writer import build_docx
from editor.core.repair import apply_fixes

MUTANTS = int(os.environ.get("PROOFDESK_FUZZ", "120"))
_STRANGE_VALUES = ["", "-1", "0", "99999999999999999999", "x", "none", "true", "\u3000", "rId999"]


def _style_without_type() -> bytes:
    """A document whose styles part has a paragraph style without ``w:type`` (Word accepts it)."""
    document = docx.Document()
    document.add_paragraph("截止目前，我区累计创建国家级绿色工厂17家。", "Heading 1")
    document.add_paragraph("正文第二段。")
    style = document.styles["Heading 1"].element
    del style.attrib["{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type"]
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


@pytest.mark.parametrize("command", [["check"], ["fix", "-o", "out.docx"], ["fix", "--review", "-o", "out.docx"]])
def test_a_style_without_type_is_read_checked_and_fixed(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.docx").write_bytes(_style_without_type())
    assert main([command[0], "draft.docx", *command[1:]]) in (0, 1)
    if command[0] == "fix":
        assert read_docx((tmp_path / "out.docx").read_bytes(), "out.docx").texts[1] == "正文第二段。"


def _mutate_xml(root: etree._Element, chance: random.Random) -> None:
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    element = chance.choice(elements)
    operation = chance.randrange(5)
    if operation == 0 and element is not root:
        element.getparent().remove(element)
    elif operation == 1 and element.attrib:
        del element.attrib[chance.choice(list(element.attrib))]
    elif operation == 2 and element.attrib:
        element.set(chance.choice(list(element.attrib)), chance.choice(_STRANGE_VALUES))
    elif operation == 3 and element is not root:
        element.addnext(etree.fromstring(etree.tostring(element)))
    elif element is not root:
        host = chance.choice(elements)
        if element not in host.iterancestors() and host is not element:
            host.append(element)


def mutate(data: bytes, chance: random.Random) -> bytes:
    """``data`` with one to three of its XML parts damaged (or cut short, or left out)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [name for name in source.namelist() if name.endswith((".xml", ".rels"))]
    damaged = set(chance.sample(names, chance.randint(1, 3)))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name in damaged:
                fate = chance.random()
                if fate < 0.05:
                    continue
                if fate < 0.1:
                    content = content[: chance.randrange(len(content))]
                else:
                    root = etree.fromstring(content)
                    for _ in range(chance.randint(1, 4)):
                        _mutate_xml(root, chance)
                    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(name, content)
    return output.getvalue()


def _findings(draft) -> list:
    """A join after every paragraph and a replacement of every paragraph's first two characters."""
    found = []
    for index, paragraph in enumerate(draft.paragraphs):
        if index + 1 < len(draft.paragraphs):
            found.append(issue(draft, index))
        found.append(typo(draft, index, 0, min(2, len(paragraph.text)), "改字"))
    return found


def _read_fix_and_review(data: bytes) -> None:
    try:
        draft = read_docx(data, "mutant.docx")
        findings = _findings(draft)
        build_docx(apply_fixes(draft, findings)).save(io.BytesIO())
        build_review_docx(draft, findings).save(io.BytesIO())
    except (InputError, OutputError):
        pass


SOURCES = {"draft": build_draft_docx, "parts": build_parts_docx, "style_without_type": _style_without_type}


@pytest.mark.parametrize("source", SOURCES)
def test_mutated_documents_fail_only_with_one_line(source):
    data = SOURCES[source]()
    _read_fix_and_review(data)  # the source itself is readable
    chance = random.Random(f"{source}-10")
    failures = []
    for number in range(MUTANTS // len(SOURCES)):
        mutant = mutate(data, chance)
        try:
            _read_fix_and_review(mutant)
        except Exception as error:  # noqa: BLE001 - the test reports every kind
            failures.append(f"mutant {number}: {type(error).__name__}: {error}")
    assert not failures, "\n".join(failures[:10])
