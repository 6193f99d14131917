"""A DOCX for review: every fix as a Word tracked change, every finding as a Word comment.

The editor in chief accepts or rejects each change in Word or WPS instead of trusting
the tool. The draft is marked up where it stands: a DOCX draft in its own document,
a text draft in its clean export (`docx_clean`), one DOCX paragraph per paragraph as
read. A replacement becomes a ``w:del`` of the flagged runs followed by a ``w:ins``
in the first run's formatting; a layout join becomes a tracked deletion of what lies
between the two fragments: the manual line break, stray spaces, and the paragraph
marks (``w:pPr/w:rPr/w:del``), so that accepting it joins the paragraphs. Each
finding also gets a comment with its Chinese message, its suggestion and its rule id.

Marking up hides or adds text, so the paragraphs are marked up from the last
finding to the first: offsets before the place being marked stay valid.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from editor.core.document import Document
from editor.core.io.atomic import write_atomically
from editor.core.io.docx_clean import build_clean_document
from editor.core.io.docx_runs import run_properties, runs_between, split_runs_at
from editor.core.io.docx_text import DocxOrigin, paragraph_atoms, reading_order, set_text, shown_text
from editor.core.issue import Issue

logger = logging.getLogger(__name__)

AUTHOR = "Proofdesk"
INITIALS = "PD"
_ID, _P = qn("w:id"), qn("w:p")
_REVISIONS = {qn("w:ins"), qn("w:del"), qn("w:moveTo")}
#: A join never reaches across a table or a content control.
_BLOCKS_NOT_JOINED = {qn("w:tbl"), qn("w:sdt")}
_RENAMED_WHEN_DELETED = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}


def write_review_docx(draft: Document, issues: list[Issue], path: str | Path, now: dt.datetime | None = None) -> None:
    """Write ``draft`` with ``issues`` as tracked changes and comments to ``path``, atomically."""
    document = build_review_docx(draft, issues, now)
    write_atomically(path, document.save)


@dataclass(frozen=True)
class _Located:
    """A draft paragraph in the DOCX: its ``w:p`` and where its text starts in that paragraph's shown text."""

    element: etree._Element
    start: int


class _Markup:
    """Tracked changes and comments added to one document, all with the same author and date."""

    def __init__(self, document: DocxDocument, date: dt.datetime) -> None:
        self.document = document
        self.date = date.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        ids = [int(value) for value in document.element.body.xpath(".//@w:id") if str(value).isdigit()]
        self.next_id = max(ids, default=0) + 1

    def revision(self, tag: str) -> etree._Element:
        element = OxmlElement(tag)
        element.set(_ID, str(self.next_id))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element

    def outside_revisions(self, run: etree._Element, before: bool) -> etree._Element:
        """An element beside which (``before`` or after) new markup at ``run``'s start (or end) can go.

        New revisions never go inside another one: a tracked change of the draft
        that ``run`` sits inside is split in two there, each half keeping its author.
        """
        element = run
        while element.getparent().tag in _REVISIONS:
            wrapper = element.getparent()
            children = list(wrapper)
            moving = children[children.index(element) + (0 if before else 1) :]
            if moving and moving != children:
                tail = OxmlElement(f"w:{etree.QName(wrapper).localname}")
                for name, value in wrapper.attrib.items():
                    tail.set(name, value)
                tail.set(_ID, str(self.next_id))
                self.next_id += 1
                for child in moving:
                    tail.append(child)
                wrapper.addnext(tail)
                wrapper = tail if before else wrapper
            element = wrapper
        return element

    def delete_runs(self, runs: list[etree._Element]) -> list[etree._Element]:
        """Wrap each run in its own ``w:del``; return the wrappers."""
        wrappers = []
        for run in runs:
            wrapper = self.revision("w:del")
            run.addprevious(wrapper)
            wrapper.append(run)
            for element in run.iter(*_RENAMED_WHEN_DELETED):
                element.tag = _RENAMED_WHEN_DELETED[element.tag]
            wrappers.append(wrapper)
        return wrappers

    def delete_text(self, paragraph: etree._Element, start: int, end: int) -> None:
        if end > start:
            self.delete_runs(runs_between(paragraph, start, end))

    def delete_mark(self, paragraph: etree._Element) -> None:
        """Track the deletion of the paragraph mark: accepting it joins the paragraph to the next."""
        properties = paragraph.get_or_add_pPr()
        mark = properties.find(qn("w:rPr"))
        if mark is None:
            mark = OxmlElement("w:rPr")
            properties.insert_element_before(mark, "w:sectPr", "w:pPrChange")
        inserted = mark.find(qn("w:ins"))
        deletion = self.revision("w:del")
        if inserted is not None:
            inserted.addnext(deletion)
        else:
            mark.insert(0, deletion)

    def insert_text(self, text: str, formatted_like: etree._Element | None) -> etree._Element:
        insertion = self.revision("w:ins")
        run = OxmlElement("w:r")
        properties = run_properties(formatted_like)
        if properties is not None:
            run.append(properties)
        element = OxmlElement("w:t")
        set_text(element, text)
        run.append(element)
        insertion.append(run)
        return insertion

    def comment(self, issue: Issue) -> int:
        lines = [issue.message]
        if issue.joins_next:
            lines.append("建议：与下一段连接")
        elif issue.suggestions:
            lines.append("建议：" + " / ".join(issue.suggestions))
        lines.append(f"规则：{issue.rule}")
        comment = self.document.comments.add_comment("\n".join(lines), author=AUTHOR, initials=INITIALS)
        comment._comment_elm.set(qn("w:date"), self.date)
        return comment.comment_id


def build_review_docx(draft: Document, issues: list[Issue], now: dt.datetime | None = None) -> DocxDocument:
    """The python-docx document `write_review_docx` saves."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    document, located = _base(draft, now)
    markup = _Markup(document, now)
    ordered = sorted(issues, key=lambda issue: (issue.paragraph, issue.start, issue.end))  # as apply_fixes does
    comments = {id(issue): markup.comment(issue) for issue in ordered}
    markup.next_id = max(markup.next_id, *comments.values(), 0) + 1  # revision ids apart from comment ids
    tracked = _tracked(ordered)
    last = len(draft.paragraphs) - 1
    for paragraph in reversed(range(len(draft.paragraphs))):
        here = [issue for issue in ordered if issue.paragraph == paragraph]
        place = located[paragraph]
        if place is None:
            continue
        if paragraph < last and any(issue.joins_next and id(issue) in tracked for issue in here):
            _mark_join(markup, draft, located, paragraph)
        limit = len(draft.paragraphs[paragraph].text)
        for _, issue in sorted(enumerate(here), key=lambda pair: _processing_order(*pair, tracked), reverse=True):
            limit = _mark_issue(markup, place, issue, id(issue) in tracked, comments[id(issue)], limit)
    return document


def _processing_order(index: int, issue: Issue, tracked: set[int]) -> tuple:
    """Sort key, processed from the largest: last place first; at one place, comments alone before
    changes, and insertions in reverse order of application, each new one going before the others."""
    return issue.start, issue.end, id(issue) not in tracked, index


def _base(draft: Document, now: dt.datetime) -> tuple[DocxDocument, list[_Located | None]]:
    """The document to mark up, and where each draft paragraph is in it."""
    if isinstance(draft.origin, DocxOrigin):
        opened = draft.origin.open()
        located: list[_Located | None] = []
        for paragraph in draft.paragraphs:
            source = paragraph.source
            start = opened.offset_of(source.block, source.line, source.indent)
            located.append(_Located(opened.blocks[source.block], start))
        return opened.document, located
    document = build_clean_document(draft.paragraphs, now)
    elements = iter(reading_order(document.element.body))
    return document, [_Located(next(elements), 0) if p.text.strip() else None for p in draft.paragraphs]


def _tracked(issues: list[Issue]) -> set[int]:
    """The issues whose fixes become tracked changes: the ones `apply_fixes` would apply."""
    chosen: set[int] = set()
    end_of = {}
    for issue in issues:
        if issue.replacement is None or issue.start < end_of.get(issue.paragraph, 0):
            continue
        chosen.add(id(issue))
        end_of[issue.paragraph] = issue.end
    return chosen


def _mark_issue(markup: _Markup, place: _Located, issue: Issue, tracked: bool, comment: int, limit: int) -> int:
    """Mark one finding: its tracked change if any, and its comment. Return the new limit of valid offsets.

    Offsets from ``limit`` on were already marked up (text hidden or added), so the
    span of a finding that reaches there is cut short.
    """
    paragraph = place.element
    start, end = place.start + issue.start, place.start + min(issue.end, limit)
    changes = tracked and issue.replacement != issue.text
    deleted = runs_between(paragraph, start, end) if changes else []
    anchor = _anchor(start, end, place.start + limit)
    marked = runs_between(paragraph, *anchor)
    if changes:
        wrappers = markup.delete_runs(deleted)
        marked = [_outermost(run, wrappers) for run in marked]
        if issue.replacement:
            insertion = markup.insert_text(issue.replacement, deleted[0] if deleted else _run_at(paragraph, start))
            if wrappers:
                wrappers[-1].addnext(insertion)
            else:
                _insert_at(markup, paragraph, start, insertion)
            marked.append(insertion)
    _bracket(markup, paragraph, marked, anchor[0], comment)
    return issue.start if changes else limit


def _anchor(start: int, end: int, limit: int) -> tuple[int, int]:
    """What a comment brackets: the flagged text, or for an empty span the character before (or after) it."""
    if end > start:
        return start, end
    if start > 0:
        return start - 1, start
    return (start, start + 1) if start + 1 <= limit else (start, start)


def _outermost(run: etree._Element, wrappers: list[etree._Element]) -> etree._Element:
    parent = run.getparent()
    return parent if any(parent is wrapper for wrapper in wrappers) else run


def _run_at(paragraph: etree._Element, position: int) -> etree._Element | None:
    """The run whose formatting new text at ``position`` takes: the one before it, else the one after."""
    atoms = paragraph_atoms(paragraph)
    before = [atom for atom in atoms if atom.end <= position]
    if before:
        return before[-1].run
    return atoms[0].run if atoms else None


def _insert_at(markup: _Markup, paragraph: etree._Element, position: int, element: etree._Element) -> None:
    """Put ``element`` at ``position`` of the shown text, outside any tracked change."""
    split_runs_at(paragraph, position)
    atoms = paragraph_atoms(paragraph)
    following = [atom for atom in atoms if atom.start >= position]
    if following:
        markup.outside_revisions(following[0].run, before=True).addprevious(element)
    elif atoms:
        markup.outside_revisions(atoms[-1].run, before=False).addnext(element)
    else:
        paragraph.append(element)


def _bracket(
    markup: _Markup, paragraph: etree._Element, marked: list[etree._Element], position: int, comment: int
) -> None:
    """Put a comment's range around ``marked`` (or at ``position`` if empty) and its reference after it."""
    begin, finish = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
    begin.set(_ID, str(comment))
    finish.set(_ID, str(comment))
    reference = OxmlElement("w:r")
    reference_mark = OxmlElement("w:commentReference")
    reference_mark.set(_ID, str(comment))
    reference.append(reference_mark)
    if marked:
        order = {element: index for index, element in enumerate(paragraph.iter())}
        ranked = sorted(marked, key=lambda element: order[element])
        ranked[0].addprevious(begin)
        ranked[-1].addnext(finish)
    else:
        _insert_at(markup, paragraph, position, begin)
        begin.addnext(finish)
    finish.addnext(reference)


def _mark_join(markup: _Markup, draft: Document, located: list[_Located | None], paragraph: int) -> None:
    """Track the deletion of everything between this paragraph's text and the next one's."""
    here, there = located[paragraph], located[paragraph + 1]
    if there is None:
        return
    end = here.start + len(draft.paragraphs[paragraph].text)
    if here.element is there.element:
        markup.delete_text(here.element, end, there.start)
        return
    if here.element.getparent() is not there.element.getparent():
        logger.warning("not marking a join across table cells after paragraph %d", paragraph)
        return
    between = list(here.element.itersiblings())
    between = between[: next((i for i, element in enumerate(between) if element is there.element), 0)]
    if any(element.tag in _BLOCKS_NOT_JOINED for element in between):
        logger.warning("not marking a join across a table after paragraph %d", paragraph)
        return
    between = [element for element in between if element.tag == _P]
    for element in [here.element, *between]:
        markup.delete_mark(element)
    markup.delete_text(here.element, end, len(shown_text(paragraph_atoms(here.element))))
    for element in between:
        markup.delete_text(element, 0, len(shown_text(paragraph_atoms(element))))
    markup.delete_text(there.element, 0, there.start)
