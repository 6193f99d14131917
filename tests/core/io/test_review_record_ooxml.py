"""The review DOCX keeps the structural rules Word enforces (ECMA-376 Part 1, MS-OI29500), read from the saved zip.

Word refuses to open, or "repairs" away the comments of, a file that breaks them: every comment
has one range start, one range end and one reference, in that order, in the main document part
(Word ignores comments anchored elsewhere, MS-OI29500 §2.1.315), and no mark names a comment
that is not there; every revision id is used once across all parts, apart from the comment ids;
the record is a custom XML part related from the main document part with its item properties.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import replace

from docx_parts_support import FIXED, SLIP, build_parts_docx
from docx_test_support import issue, read_draft, typo
from lxml import etree

from editor.core.io.docx_reader import read_docx
from editor.core.io.docx_review import AUTHOR, MAX_ADVISORY_COMMENTS, build_review_docx
from editor.core.io.review_record import NAMESPACE
from editor.core.issue import Severity

NOW = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.timezone.utc)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_REVISIONS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")
_MARKS = ("commentRangeStart", "commentRangeEnd", "commentReference")


def _saved(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _every_part_review() -> bytes:
    """A slip in every part (body, text box, header, footer, notes), each a tracked change with its comment."""
    draft = read_docx(build_parts_docx(), "parts.docx")
    slips = [
        typo(draft, number, paragraph.text.index(SLIP), paragraph.text.index(SLIP) + len(SLIP), FIXED)
        for number, paragraph in enumerate(draft.paragraphs)
        if SLIP in paragraph.text
    ]
    return _saved(build_review_docx(draft, slips, NOW))


def _realistic_review() -> bytes:
    """Joins, replacements across runs, a guess, a slip repeated, and more advisory slips than get comments."""
    draft = read_draft()
    guesses = [
        replace(typo(draft, 3, start, start + 1, "改"), rule=f"typo.lm{start}", safe=False, severity=Severity.INFO)
        for start in range(MAX_ADVISORY_COMMENTS + 5)
        if start < len(draft.paragraphs[3].text)
    ]
    repeated = [replace(typo(draft, n, 0, 1, "甲"), safe=False) for n in (5, 6)]
    findings = [issue(draft, 3), issue(draft, 4), typo(draft, 3, 11, 14, "车灯厂董"), *guesses, *repeated]
    return _saved(build_review_docx(draft, findings, NOW))


def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def _check_word_rules(data: bytes) -> None:
    parts = _parts(data)
    comments = parts["word/comments.xml"]
    comment_ids = [element.get(f"{{{W}}}id") for element in comments.iterchildren(f"{{{W}}}comment")]
    assert comment_ids and len(set(comment_ids)) == len(comment_ids)
    for comment in comments.iterchildren(f"{{{W}}}comment"):
        assert comment.get(f"{{{W}}}author") and comment.get(f"{{{W}}}date") and comment.get(f"{{{W}}}initials")
        assert comment.find(f".//{{{W}}}annotationRef") is not None
    main = parts["word/document.xml"]
    order = {element: position for position, element in enumerate(main.iter())}
    for name, root in parts.items():
        if name != "word/document.xml" and name.startswith("word/"):
            assert not any(root.iter(*(f"{{{W}}}{mark}" for mark in _MARKS))), f"a comment mark in {name}"
    for comment in comment_ids:
        marks = [main.xpath(f".//w:{mark}[@w:id='{comment}']", namespaces={"w": W}) for mark in _MARKS]
        assert [len(found) for found in marks] == [1, 1, 1], f"comment {comment}"
        begin, finish, reference = (found[0] for found in marks)
        assert order[begin] < order[finish] < order[reference]
        assert reference.getparent().tag == f"{{{W}}}r"
    named = {element.get(f"{{{W}}}id") for element in main.iter(*(f"{{{W}}}{mark}" for mark in _MARKS))}
    assert named == set(comment_ids)
    revisions = [
        element
        for name, root in parts.items()
        if name.startswith("word/") and name != "word/comments.xml"
        for element in root.iter(*(f"{{{W}}}{tag}" for tag in _REVISIONS))
    ]
    ours = [element.get(f"{{{W}}}id") for element in revisions if element.get(f"{{{W}}}author") == AUTHOR]
    theirs = {element.get(f"{{{W}}}id") for element in revisions if element.get(f"{{{W}}}author") != AUTHOR}
    assert ours and len(set(ours)) == len(ours)  # the test draft's own two revisions share an id: not ours to fix
    assert not set(ours) & (theirs | set(comment_ids))
    _check_record_part(parts)


def _check_record_part(parts: dict[str, etree._Element]) -> None:
    rels = parts["word/_rels/document.xml.rels"]
    custom = [
        rel.get("Target")
        for rel in rels.iterchildren(f"{{{REL}}}Relationship")
        if rel.get("Type").endswith("/relationships/customXml")
    ]
    records = [f"customXml/{target.rsplit('/', 1)[1]}" for target in custom]
    records = [name for name in records if etree.QName(parts[name]).namespace == NAMESPACE]
    assert len(records) == 1
    (record,) = records
    folder, file = record.rsplit("/", 1)
    (props_rel,) = parts[f"{folder}/_rels/{file}.rels"].iterchildren(f"{{{REL}}}Relationship")
    assert props_rel.get("Type").endswith("/relationships/customXmlProps")
    props = parts[f"{folder}/{props_rel.get('Target')}"]
    assert re.fullmatch(r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", props.get(f"{{{DS}}}itemID"))
    assert [ref.get(f"{{{DS}}}uri") for ref in props.iter(f"{{{DS}}}schemaRef")] == [NAMESPACE]
    overrides = {
        element.get("PartName"): element.get("ContentType")
        for element in parts["[Content_Types].xml"].iterchildren(f"{{{CT}}}Override")
    }
    assert overrides[f"/{folder}/{props_rel.get('Target')}"] == (
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
    )


def test_a_review_with_findings_in_every_part_keeps_words_rules():
    _check_word_rules(_every_part_review())


def test_a_long_review_with_joins_guesses_and_repeats_keeps_words_rules():
    _check_word_rules(_realistic_review())


def test_the_checker_sees_a_broken_rule():
    """The check is not vacuous: a comment whose reference is gone, and a revision id used twice, fail it."""
    data = _every_part_review()
    for broken in (
        re.sub(rb"<w:commentReference [^>]*/>", b"", data_part(data), count=1),
        re.sub(rb'(<w:ins w:id=")\d+', rb"\g<1>1", data_part(data)),
    ):
        try:
            _check_word_rules(with_main_part(data, broken))
        except AssertionError:
            continue
        raise AssertionError("a broken review passed the check")


def data_part(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def with_main_part(data: bytes, main: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, main if item.filename == "word/document.xml" else source.read(item))
    return out.getvalue()
