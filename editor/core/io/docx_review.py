"""A DOCX for review: every fix as a Word tracked change, every finding as a Word comment.

The editor in chief accepts or rejects each change in Word or WPS instead of trusting
the tool. The draft is marked up where it stands: a DOCX draft in its own document,
a text draft in its clean export (`docx_clean`), one DOCX paragraph per paragraph as
read. A replacement becomes a ``w:del`` of the flagged runs followed by a ``w:ins``
in the first run's formatting; a layout join becomes a tracked deletion of what lies
between the two fragments: the manual line break, stray spaces, and the paragraph
marks (``w:pPr/w:rPr/w:del``), so that accepting it joins the paragraphs; a second
fragment in another paragraph style is restyled like the first (``w:pPrChange``), so
the joined paragraph keeps the first fragment's style. Each finding also gets a
comment with its Chinese message, its suggestion and its rule id.

Marking up hides and adds text, so every run is cut where markup will begin or end
before anything is marked (`docx_runs.RunIndex`); then each finding finds its runs
by the offsets of the draft as read. Which fixes become tracked changes is decided by
`choose_fixes`, the choice `apply_fixes` makes, so that accepting every change gives what
`proofdesk fix` writes; each `Fix` of a finding is marked where it is (a bracket rule's two
marks, not the words between them), and the finding's comment brackets what it flags.

Word ignores a comment anchored in a header, footer, footnote, endnote or text box
(MS-OI29500 §2.1.315: it shows no such comment), so the comment of a finding there is
anchored in the body instead, its first line naming the part (``（脚注1）``), while the
tracked change stays where the text is: a note's comment brackets the body run of the
note's reference, a text box's the run holding the box, a header's or footer's sits at
the start of the first paragraph of the first section that uses it (`_body_anchor`).

The review remembers what it proposed: a record of every finding shown as a change or a
comment (rule, place, text, suggestion, the text around it, the comment and revision ids) is
stored in the document as a custom XML part (`review_record`), so that the file sent back
says which proposals the reviewer rejected. Reviewing such a file again keeps the earlier
rejections in the new record.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from editor import __version__
from editor.core.document import Document
from editor.core.fixes import Fix, choose_fixes
from editor.core.io.atomic import write_atomically
from editor.core.io.docx_article_date import carry_article_date, date_to_keep
from editor.core.io.docx_clean import build_clean_document
from editor.core.io.docx_parts import BODY_STORY, reading_order
from editor.core.io.docx_protection import refuse_if_protected
from editor.core.io.docx_revisions import REVISIONS, ancestors_within, tracked_between, tracked_mark
from editor.core.io.docx_runs import RunIndex, run_properties
from editor.core.io.docx_text import DocxOrigin, set_text
from editor.core.io.review_record import Mark, Proposal, proposals_of, write_record
from editor.core.issue import Issue, Severity
from editor.core.rule_info import CATEGORY_NAMES

logger = logging.getLogger(__name__)

AUTHOR = "Proofdesk"
INITIALS = "PD"
_ID, _P, _PPR = qn("w:id"), qn("w:p"), qn("w:pPr")
_NOT_OWN_PROPERTIES = {qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")}
#: A join never reaches across a table or a content control.
_BLOCKS_NOT_JOINED = {qn("w:tbl"), qn("w:sdt")}
_RENAMED_WHEN_DELETED = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}
_SDT = qn("w:sdt")
_R, _TEXT_BOX, _SECTION = qn("w:r"), qn("w:txbxContent"), qn("w:sectPr")
_NOTE_REFERENCES = {qn("w:footnote"): qn("w:footnoteReference"), qn("w:endnote"): qn("w:endnoteReference")}
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: What a run holding a note reference or a text box may sit in below its paragraph; the comment brackets it whole.
_AROUND_RUNS = {*REVISIONS, *(f"{{{_MC}}}{name}" for name in ("AlternateContent", "Choice", "Fallback"))}
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: At most this many comments on slips that are not tracked changes; the rest are counted in one summary comment.
MAX_ADVISORY_COMMENTS = 200
#: A repeated slip's comment lists the paragraphs of its first few occurrences.
_LISTED_PLACES = 12


def write_review_docx(
    draft: Document,
    issues: list[Issue],
    path: str | Path,
    now: dt.datetime | None = None,
    ignore_protection: bool = False,
    rule_names: Mapping[str, str] = MappingProxyType({}),
    rejected: Sequence[Proposal] = (),
) -> ReviewCounts:
    """Write ``draft`` with ``issues`` as tracked changes and comments to ``path``, atomically; say how many.

    A DOCX draft protected against editing is refused (`ProtectedDocument`) unless ``ignore_protection``.
    ``rule_names`` gives each rule's Chinese name for its comments (the rule catalogue's; the id where
    missing); ``rejected`` are the proposals a reviewer rejected in an earlier round, kept in the record.
    """
    document, counts = _review(draft, issues, now, ignore_protection, rule_names, rejected)
    write_atomically(path, document.save)
    return counts


@dataclass(frozen=True)
class ReviewCounts:
    """What a review holds: findings marked as tracked changes, and comments (a slip repeated has one)."""

    changes: int
    comments: int


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
        self.next_id = max(_ids_in_use(document), default=0) + 1
        self.indexes: dict[etree._Element, RunIndex] = {}
        self.wrappers: set[etree._Element] = set()
        self._placed: dict[tuple[etree._Element, int], etree._Element] = {}
        self._comments: etree._Element | None = None
        #: Every comment's paragraph, range start, range end and reference, as `_bracket` put them.
        self.comment_marks: list[tuple[etree._Element, etree._Element, etree._Element, etree._Element]] = []
        self._next_comment = 0
        #: The id of every revision this markup made, in order (the record names each finding's).
        self.made: list[int] = []

    def cut(self, cuts: dict[etree._Element, set[int]]) -> None:
        """Cut the runs of every paragraph to be marked up, before any markup changes them."""
        for paragraph, offsets in cuts.items():
            self.indexes[paragraph] = RunIndex(paragraph, offsets, self.new_id)

    def new_id(self) -> int:
        """A revision id used nowhere else in the document."""
        self.next_id += 1
        return self.next_id - 1

    def outer(self, run: etree._Element) -> etree._Element:
        """The run, or the ``w:del`` this markup wrapped it in."""
        parent = run.getparent()
        return parent if parent in self.wrappers else run

    def place(self, paragraph: etree._Element, position: int, element: etree._Element) -> None:
        """Put ``element`` at ``position`` (original offsets), after what was put there before."""
        key = (paragraph, position)
        index = self.indexes[paragraph]
        if key in self._placed:
            self._placed[key].addnext(element)
        elif (following := index.run_from(position)) is not None:
            self.outside_revisions(following, before=True).addprevious(element)
        elif (preceding := index.run_before(position)) is not None:
            self.outside_revisions(preceding, before=False).addnext(element)
        else:
            paragraph.append(element)
        self.placed_at(paragraph, position, element)

    def placed_at(self, paragraph: etree._Element, position: int, element: etree._Element) -> None:
        """Remember ``element`` as the last thing put at ``position``: what comes there next goes after it."""
        self._placed[(paragraph, position)] = element

    def revision(self, tag: str) -> etree._Element:
        element = OxmlElement(tag)
        element.set(_ID, str(self.new_id()))
        self.made.append(self.next_id - 1)
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        return element

    def outside_revisions(self, run: etree._Element, before: bool) -> etree._Element:
        """An element beside which (``before`` or after) new markup at ``run``'s start (or end) can go.

        New revisions never go inside another one: a tracked change of the draft
        that ``run`` sits inside is split in two there, each half keeping its author.
        """
        element = run
        while element.getparent().tag in REVISIONS:
            wrapper = element.getparent()
            children = list(wrapper)
            moving = children[children.index(element) + (0 if before else 1) :]
            if moving and moving != children:
                tail = OxmlElement(f"w:{etree.QName(wrapper).localname}")
                for name, value in wrapper.attrib.items():
                    tail.set(name, value)
                tail.set(_ID, str(self.new_id()))
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
        self.wrappers.update(wrappers)
        return wrappers

    def delete_text(self, paragraph: etree._Element, start: int, end: int) -> None:
        self.delete_runs(self.indexes[paragraph].runs(start, end))

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

    def restyle_like(self, paragraph: etree._Element, model: etree._Element) -> None:
        """Give ``paragraph`` the paragraph properties of ``model`` as a tracked change (``w:pPrChange``).

        A joined paragraph keeps its first fragment's style whichever paragraph mark
        Word or WPS keeps when the deleted mark between them is accepted.
        """
        wanted, current = _own_properties(model), _own_properties(paragraph)
        already_changed = paragraph.find(f"{_PPR}/{qn('w:pPrChange')}") is not None
        if already_changed or [etree.tostring(e) for e in wanted] == [etree.tostring(e) for e in current]:
            return
        properties = paragraph.get_or_add_pPr()
        change = self.revision("w:pPrChange")
        former = etree.SubElement(change, qn("w:pPr"))
        for element in current:
            former.append(element)
        for position, element in enumerate(wanted):
            properties.insert(position, copy.deepcopy(element))
        properties.append(change)

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

    def comment(self, lines: list[str]) -> int:
        """Add a comment of ``lines`` to the comments part; return its id.

        Built directly: python-docx's ``add_comment`` looks for a free id among all
        comments each time, which is slow for a draft with thousands of findings.
        """
        if self._comments is None:
            self._comments = self.document.comments._comments_elm  # creates the part if missing
            ids = [int(value) for value in self._comments.xpath("./w:comment/@w:id")]
            self._next_comment = max(ids, default=-1) + 1
        comment_id = self._next_comment
        self._next_comment += 1
        comment = etree.SubElement(self._comments, qn("w:comment"))
        for name, value in (
            ("w:id", str(comment_id)),
            ("w:author", AUTHOR),
            ("w:date", self.date),
            ("w:initials", INITIALS),
        ):
            comment.set(qn(name), value)
        for number, line in enumerate(lines):
            paragraph = etree.SubElement(comment, qn("w:p"))
            etree.SubElement(etree.SubElement(paragraph, qn("w:pPr")), qn("w:pStyle")).set(qn("w:val"), "CommentText")
            if number == 0:
                reference = etree.SubElement(paragraph, qn("w:r"))
                etree.SubElement(etree.SubElement(reference, qn("w:rPr")), qn("w:rStyle")).set(
                    qn("w:val"), "CommentReference"
                )
                etree.SubElement(reference, qn("w:annotationRef"))
            set_text(etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn("w:t")), line)
        return comment_id


def build_review_docx(
    draft: Document,
    issues: list[Issue],
    now: dt.datetime | None = None,
    ignore_protection: bool = False,
    rule_names: Mapping[str, str] = MappingProxyType({}),
    rejected: Sequence[Proposal] = (),
) -> DocxDocument:
    """The python-docx document `write_review_docx` saves."""
    return _review(draft, issues, now, ignore_protection, rule_names, rejected)[0]


def _review(
    draft: Document,
    issues: list[Issue],
    now: dt.datetime | None,
    ignore_protection: bool,
    rule_names: Mapping[str, str],
    rejected: Sequence[Proposal],
) -> tuple[DocxDocument, ReviewCounts]:
    now = now or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    document, located = _base(draft, now)
    if not ignore_protection:
        refuse_if_protected(document, draft.name)
    markup = _Markup(document, now)
    markable = [issue for issue in issues if all(_is_located(located, n) for n in _paragraphs_of(issue))]
    if len(markable) < len(issues):
        logger.warning("%d findings point to no paragraph of the draft", len(issues) - len(markable))
    ordered = sorted(markable, key=lambda issue: (issue.paragraph, issue.start, issue.end))
    join_after = functools.cache(lambda paragraph: _join(draft, located, paragraph))  # logs once why it cannot
    sure = [i for i in ordered if i.applies_unattended and not _touches_revisions(located, join_after, i)]
    tracked = {id(issue) for issue in choose_fixes(sure)}
    commented, left_out = _commented_slips(ordered, tracked)
    lines = {
        id(slip[0]): _in_part(_story(draft, slip[0]), _comment_lines(slip, tracked, rule_names)) for slip in commented
    }
    comments = {key: markup.comment(text) for key, text in lines.items()}
    comment_of = {id(issue): comments[id(slip[0])] for slip in commented for issue in slip}
    summary = markup.comment(_summary_lines(left_out)) if left_out else None
    markup.next_id = max(markup.next_id, *comments.values(), summary or 0) + 1  # revision ids apart from comment ids
    marked = [issue for issue in ordered if id(issue) in tracked or id(issue) in comments]
    spans = {id(issue): _span(draft, located, issue) for issue in marked}
    summary_span = _start_of(located) if summary is not None else None
    changes = {
        id(issue): [_change(located, fix) for fix in issue.fixes if fix.replacement or fix.end > fix.start]
        for issue in ordered
        if id(issue) in tracked
    }
    joins = [
        (issue, join)
        for issue in ordered
        if id(issue) in tracked
        for fix in issue.fixes
        if fix.joins_next and (join := join_after(fix.paragraph)) is not None
    ]
    changed = [change for marked in changes.values() for change, _ in marked]
    markup.cut(_cuts([*spans.values(), *changed, *([summary_span] if summary_span else [])], [j for _, j in joins]))
    revisions: dict[int, list[int]] = defaultdict(list)  # the ids of each finding's tracked changes
    elsewhere: list[tuple[etree._Element, int]] = []  # a comment Word would ignore where its finding is
    for issue in marked:
        comment = comments.get(id(issue))
        if comment is not None and not _in_body(document, spans[id(issue)].element):
            elsewhere.append((spans[id(issue)].element, comment))
            comment = None
        made = len(markup.made)
        _mark_issue(markup, spans[id(issue)], changes.get(id(issue), []), comment)
        revisions[id(issue)].extend(markup.made[made:])
    if summary_span is not None and not _in_body(document, summary_span.element):  # a draft all in text boxes
        elsewhere.append((summary_span.element, summary))
    elif summary_span is not None:
        _bracket(markup, summary_span, [], summary)
    for issue, join in joins:
        made = len(markup.made)
        _mark_join(markup, join)
        revisions[id(issue)].extend(markup.made[made:])
    _comment_in_body(markup, elsewhere)
    _keep_controls_shown(markup)
    marks = {
        id(issue): (
            Mark.CHANGE if id(issue) in tracked else Mark.COMMENT,
            comment_of.get(id(issue)),
            tuple(revisions[id(issue)]),
        )
        for issue in ordered
        if id(issue) in tracked or id(issue) in comment_of
    }
    write_record(document, [*rejected, *proposals_of(ordered, draft, marks)], f"proofdesk {__version__}")
    return document, ReviewCounts(len(tracked), len(comments) + (summary is not None))


def _ids_in_use(document: DocxDocument) -> list[int]:
    """Every numeric ``w:id`` of every XML part (body, headers, footnotes, comments): new revisions use none."""
    ids = []
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            ids.extend(
                int(value) for value in etree.XPath(".//@w:id", namespaces={"w": _W})(element) if value.isdigit()
            )
    return ids


def same_slip(issue: Issue) -> tuple:
    """What makes two findings the same slip repeated: one rule, one message, one flagged text, one suggestion.

    Every layout cut of one rule is the same slip, whatever the text before it.
    """
    return (issue.rule, issue.message, "" if issue.joins_next else issue.text, issue.suggestions[:1], issue.joins_next)


def _commented_slips(ordered: list[Issue], tracked: set[int]) -> tuple[list[list[Issue]], list[list[Issue]]]:
    """The findings grouped into slips (one comment each, in document order), and the advisory slips left out.

    A slip with a tracked change is always commented; of the others (advisory: guesses,
    findings without a sure fix) the `MAX_ADVISORY_COMMENTS` most severe, then first, are.
    Thousands of comments make a review unreadable and slow Word processors to a crawl.
    """
    slips: dict[tuple, list[Issue]] = {}
    for issue in ordered:
        slips.setdefault(same_slip(issue), []).append(issue)
    advisory = [slip for slip in slips.values() if not any(id(issue) in tracked for issue in slip)]
    ranked = sorted(advisory, key=lambda slip: list(Severity).index(slip[0].severity))
    left_out = {id(slip[0]) for slip in ranked[MAX_ADVISORY_COMMENTS:]}
    kept = [slip for slip in slips.values() if id(slip[0]) not in left_out]
    return kept, [slip for slip in ranked if id(slip[0]) in left_out]


def _comment_lines(slip: list[Issue], tracked: set[int], rule_names: Mapping[str, str]) -> list[str]:
    """A slip's comment: the message, the suggestion (said to be unapplied for a guess), where it repeats,
    its category and its rule's Chinese name with the ids of every rule that reported it."""
    first = slip[0]
    lines = [first.message]
    if first.joins_next:
        lines.append("建议：与下一段连接")
    elif first.suggestions:
        lines.append("建议：" + " / ".join(first.suggestions))
    if first.fixes and not any(id(issue) in tracked for issue in slip):
        lines.append("（未改动原文：请核实后自行修改）")
    if len(slip) > 1:
        numbers = sorted({issue.paragraph + 1 for issue in slip})
        listed = "、".join(map(str, numbers[:_LISTED_PLACES]))
        more = "等" if len(numbers) > _LISTED_PLACES else ""
        lines.append(f"全文同样的问题共 {len(slip)} 处，在第 {listed} 段{more}")
    ids = "、".join((first.rule, *first.also))  # the same slip, reported by more rules
    lines.append(f"{CATEGORY_NAMES[first.category]} · {rule_names.get(first.rule, first.rule)}（规则：{ids}）")
    return lines


def _story(draft: Document, issue: Issue) -> str:
    return draft.paragraphs[issue.paragraph].source.story


def _in_part(story: str, lines: list[str]) -> list[str]:
    """A comment's lines, the first naming the part its finding is in when that is not the body."""
    return lines if story == BODY_STORY else [f"（{story}）{lines[0]}", *lines[1:]]


def _in_body(document: DocxDocument, paragraph: etree._Element) -> bool:
    """Is ``paragraph`` in the body itself (not in a text box, nor in another part), where Word shows comments?"""
    return (
        paragraph.getroottree().getroot() is document.element and next(paragraph.iterancestors(_TEXT_BOX), None) is None
    )


def _body_anchor(
    document: DocxDocument, paragraph: etree._Element
) -> tuple[etree._Element, etree._Element | None] | None:
    """Where in the body a comment on ``paragraph`` (outside it) goes: a body paragraph and what to bracket there.

    A note's comment brackets the run of its reference, a text box's the run holding the box
    (both as far out as revisions and ``mc:AlternateContent`` go), over every level of nesting
    (a note referenced in a text box, a text box in a header); a header's or footer's has
    nothing to bracket: it goes at the start of the first paragraph of the first section
    that uses it. None when the body has no paragraph.
    """
    element, target = paragraph, None
    body = document.element.body
    for _ in range(16):  # a text box in a text box in a note ...; never a cycle, but never loop on a damaged file
        box = next(element.iterancestors(_TEXT_BOX), None)
        if box is not None:
            run = next(box.iterancestors(_R), None)
            if run is None:
                break
            element = target = _outermost(run)
            continue
        if element.getroottree().getroot() is document.element:
            holder = element if element.tag == _P else next(element.iterancestors(_P), None)
            return None if holder is None else (holder, target)
        note = next((a for a in element.iterancestors(*_NOTE_REFERENCES)), None)
        if note is None:
            return _section_start(document, element.getroottree().getroot())
        reference = next(
            (
                found
                for found in body.iter(_NOTE_REFERENCES[note.tag])
                if found.get(_ID) == note.get(_ID) and not _in_fallback(found)
            ),
            None,
        )
        run = None if reference is None else next(reference.iterancestors(_R), None)
        if run is None:
            break
        element = target = _outermost(run)
    first = next(iter(reading_order(body)), None)
    return None if first is None else (first, None)


def _outermost(run: etree._Element) -> etree._Element:
    """``run``, or the revision or ``mc:AlternateContent`` around it, as far out as they go below its paragraph."""
    while run.getparent() is not None and run.getparent().tag in _AROUND_RUNS:
        run = run.getparent()
    return run


def _in_fallback(element: etree._Element) -> bool:
    return any(ancestor.tag == f"{{{_MC}}}Fallback" for ancestor in element.iterancestors())


def _section_start(document: DocxDocument, root: etree._Element) -> tuple[etree._Element, etree._Element | None] | None:
    """The first paragraph of the first section whose header or footer is the part of ``root`` (else the first)."""
    body = document.element.body
    relations = {rid for rid, part in document.part.related_parts.items() if getattr(part, "_element", None) is root}
    section = next(
        (
            reference.getparent()
            for tag in (qn("w:headerReference"), qn("w:footerReference"))
            for reference in body.iter(tag)
            if reference.get(qn("r:id")) in relations
        ),
        None,
    )
    paragraphs = reading_order(body)
    if not paragraphs:
        return None
    start = None
    for paragraph in paragraphs:
        start = paragraph if start is None else start
        if section is not None and paragraph.find(f"{_PPR}/{_SECTION}") is section:
            return start, None
        if paragraph.find(f"{_PPR}/{_SECTION}") is not None:
            start = None
    if section is not None and section.getparent() is body and start is not None:
        return start, None  # the last section, whose properties close the body
    return paragraphs[0], None


def _comment_in_body(markup: _Markup, elsewhere: list[tuple[etree._Element, int]]) -> None:
    """Anchor in the body each comment on a finding in a part Word shows no comments in (`_body_anchor`).

    Done once all other markup is placed, so that nothing placed later goes inside these ranges.
    """
    after: dict[etree._Element, etree._Element] = {}  # comments at one paragraph's start keep their order
    for paragraph, comment in elsewhere:
        anchor = _body_anchor(markup.document, paragraph)
        if anchor is None:
            logger.warning("the body has no paragraph: comment %d stays in its part, where Word ignores it", comment)
            anchor = (paragraph, None)
        holder, target = anchor
        begin, finish, reference = _comment_marks(comment)
        if target is not None:
            target.addprevious(begin)
            target.addnext(finish)
        elif holder in after:
            after[holder].addnext(begin)
            begin.addnext(finish)
        else:
            properties = holder.find(_PPR)
            if properties is not None:
                properties.addnext(begin)
            else:
                holder.insert(0, begin)
            begin.addnext(finish)
        finish.addnext(reference)
        if target is None:
            after[holder] = reference
        markup.comment_marks.append((holder, begin, finish, reference))


def _summary_lines(left_out: list[list[Issue]]) -> list[str]:
    """The comment that counts the advisory findings left without a comment of their own."""
    count = sum(len(slip) for slip in left_out)
    rules = Counter(issue.rule for slip in left_out for issue in slip)
    return [
        f"另有 {count} 处提示（{len(left_out)} 种）未加批注，以免审阅稿过长；用 proofdesk check 可列出全部。",
        "、".join(f"{rule} {number} 处" for rule, number in rules.most_common()),
    ]


def _start_of(located: list[_Located | None]) -> _Span:
    """A point at the start of the draft's first paragraph, for the summary comment."""
    first = next(place for place in located if place is not None)
    return _Span(first.element, first.start, first.start, (first.start, first.start))


def _touches_revisions(located: list[_Located | None], join_after: Callable[[int], _Join | None], issue: Issue) -> bool:
    """Would a tracked change of ``issue`` change what the author tracked (text, a paragraph mark, a restyling)?

    Such a finding stays a comment: the author's revisions are left as they are, and no
    revision of ours goes inside one of theirs.
    """
    for fix in issue.fixes:
        place = located[fix.paragraph]
        changed = fix.replacement or fix.end > fix.start
        if changed and tracked_between(place.element, place.start + fix.start, place.start + fix.end):
            return True
        join = join_after(fix.paragraph) if fix.joins_next else None
        if join is None:
            continue
        if any(tracked_mark(element) for element in (join.here, *join.between, join.there)):
            return True
        cut_away = [(join.here, join.end, None), *((element, 0, None) for element in join.between)]
        if any(tracked_between(*region) for region in [*cut_away, (join.there, 0, join.start)]):
            return True
    return False


def _outside_controls(element: etree._Element, paragraph: etree._Element) -> etree._Element:
    """The outermost content control (``w:sdt``) of ``paragraph`` that holds ``element``, or ``element``."""
    controls = [ancestor for ancestor in ancestors_within(element, paragraph) if ancestor.tag == _SDT]
    return controls[-1] if controls else element


def _paragraphs_of(issue: Issue) -> set[int]:
    return {issue.paragraph, *(fix.paragraph for fix in issue.fixes)}


def _is_located(located: list[_Located | None], paragraph: int) -> bool:
    return 0 <= paragraph < len(located) and located[paragraph] is not None


@dataclass(frozen=True)
class _Span:
    """Where a finding is in the DOCX: its paragraph, its span and the span its comment brackets."""

    element: etree._Element
    start: int
    end: int
    anchor: tuple[int, int]


@dataclass(frozen=True)
class _Join:
    """What accepting a join deletes: ``here`` from ``end`` on, ``between`` whole, ``there`` up to ``start``."""

    here: etree._Element
    end: int
    between: list[etree._Element]
    there: etree._Element
    start: int


def _base(draft: Document, now: dt.datetime) -> tuple[DocxDocument, list[_Located | None]]:
    """The document to mark up, and where each draft paragraph is in it."""
    if isinstance(draft.origin, DocxOrigin):
        opened = draft.origin.open()
        starts = [opened.start_of(paragraph, draft.name) for paragraph in draft.paragraphs]  # checks the draft first
        located = [
            _Located(opened.blocks[p.source.block], start) for p, start in zip(draft.paragraphs, starts, strict=True)
        ]
        carry_article_date(opened.document, draft)
        return opened.document, located
    document = build_clean_document(draft.paragraphs, now, date_to_keep(draft))
    elements = iter(reading_order(document.element.body))
    return document, [_Located(next(elements), 0) if p.text.strip() else None for p in draft.paragraphs]


def _own_properties(paragraph: etree._Element) -> list[etree._Element]:
    """A paragraph's own properties: its ``w:pPr`` without the mark's formatting, section or revisions."""
    properties = paragraph.find(_PPR)
    return [] if properties is None else [e for e in properties if e.tag not in _NOT_OWN_PROPERTIES]


def _span(draft: Document, located: list[_Located | None], issue: Issue) -> _Span:
    """Where ``issue`` is; an empty span's comment brackets the character before it (or after it)."""
    place = located[issue.paragraph]
    start, end = place.start + issue.start, place.start + issue.end
    if end > start:
        anchor = (start, end)
    elif issue.start > 0:
        anchor = (start - 1, start)
    elif draft.paragraphs[issue.paragraph].text:
        anchor = (start, start + 1)
    else:
        anchor = (start, start)
    return _Span(place.element, start, end, anchor)


def _change(located: list[_Located | None], fix: Fix) -> tuple[_Span, str]:
    """Where a fix's replacement goes in the DOCX, and the replacement."""
    place = located[fix.paragraph]
    start, end = place.start + fix.start, place.start + fix.end
    return _Span(place.element, start, end, (start, end)), fix.replacement


def _join(draft: Document, located: list[_Located | None], paragraph: int) -> _Join | None:
    """What joining ``paragraph`` to the next deletes; None where a join cannot be marked."""
    if paragraph + 1 >= len(located) or located[paragraph] is None or located[paragraph + 1] is None:
        return None
    here, there = located[paragraph], located[paragraph + 1]
    end = here.start + len(draft.paragraphs[paragraph].text)
    if here.element is there.element:
        return _Join(here.element, end, [], there.element, there.start)
    if here.element.getparent() is not there.element.getparent():
        logger.warning("not marking a join across table cells after paragraph %d", paragraph)
        return None
    between = []
    for element in here.element.itersiblings():
        if element is there.element:
            break
        between.append(element)
    if any(element.tag in _BLOCKS_NOT_JOINED for element in between):
        logger.warning("not marking a join across a table after paragraph %d", paragraph)
        return None
    return _Join(here.element, end, [element for element in between if element.tag == _P], there.element, there.start)


def _cuts(spans: Iterable[_Span], joins: list[_Join]) -> dict[etree._Element, set[int]]:
    """Every offset where markup begins or ends, by paragraph."""
    cuts: dict[etree._Element, set[int]] = defaultdict(set)
    for span in spans:
        cuts[span.element].update((span.start, span.end, *span.anchor))
    for join in joins:
        cuts[join.here].add(join.end)
        cuts[join.there].add(join.start)
        for element in join.between:
            cuts[element].add(0)
    return cuts


def _mark_issue(markup: _Markup, span: _Span, changes: list[tuple[_Span, str]], comment: int | None) -> None:
    """Mark one finding: its tracked changes, one per fix (none if it was not chosen), and its comment if any."""
    inserted = []
    for change, replacement in changes:
        index = markup.indexes[change.element]
        deleted = index.runs(change.start, change.end)
        wrappers = markup.delete_runs(deleted)
        if not replacement:
            continue
        formatted_like = deleted[0] if deleted else index.run_before(change.start)
        if formatted_like is None:
            formatted_like = index.run_from(change.start)
        insertion = markup.insert_text(replacement, formatted_like)
        if wrappers:
            wrappers[-1].addnext(insertion)
            markup.placed_at(change.element, change.end, insertion)
        else:
            markup.place(change.element, change.start, insertion)
        if change.element is span.element:
            inserted.append(insertion)
    if comment is None:
        return
    anchored = [markup.outer(run) for run in markup.indexes[span.element].runs(*span.anchor)] + inserted
    if anchored:  # the comment brackets the flagged runs and the inserted text, whichever comes first and last
        order = {element: position for position, element in enumerate(span.element.iter())}
        anchored.sort(key=order.__getitem__)
    _bracket(markup, span, anchored, comment)


def _bracket(markup: _Markup, span: _Span, marked: list[etree._Element], comment: int) -> None:
    """Put a comment's range around ``marked`` (or at the span if empty) and its reference after it."""
    begin, finish, reference = _comment_marks(comment)
    if marked:
        marked[0].addprevious(begin)
        marked[-1].addnext(finish)
    else:
        markup.place(span.element, span.start, begin)
        begin.addnext(finish)
    finish.addnext(reference)
    markup.comment_marks.append((span.element, begin, finish, reference))


def _comment_marks(comment: int) -> tuple[etree._Element, etree._Element, etree._Element]:
    """A comment's range start, range end and the run of its reference."""
    begin, finish = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
    begin.set(_ID, str(comment))
    finish.set(_ID, str(comment))
    reference = OxmlElement("w:r")
    reference_mark = OxmlElement("w:commentReference")
    reference_mark.set(_ID, str(comment))
    reference.append(reference_mark)
    return begin, finish, reference


def _keep_controls_shown(markup: _Markup) -> None:
    """Move every comment out of the content controls it would sit in, once all markup is placed.

    LibreOffice 7.4 hides the text of a content control that holds a comment mark: the
    comment on text in a control in a paragraph brackets the whole control, and one on the
    text of a plain-text control of its own paragraph brackets that control, its
    reference beside it. Done last, so that nothing placed later goes beside a moved mark.
    """
    for paragraph, begin, finish, reference in markup.comment_marks:
        _outside_controls(begin, paragraph).addprevious(begin)
        _outside_controls(finish, paragraph).addnext(finish)
        finish.addnext(reference)
        control = _plain_text_control(paragraph)
        if control is not None:
            control.addprevious(begin)
            control.addnext(finish)
            _reference_beside(control, reference)


def _plain_text_control(paragraph: etree._Element) -> etree._Element | None:
    """The plain-text content control (``w:sdt`` with ``w:text``) that ``paragraph`` is the text of, if any."""
    for ancestor in paragraph.iterancestors(_SDT):
        if ancestor.find(f"{qn('w:sdtPr')}/{qn('w:text')}") is not None:
            return ancestor
    return None


def _reference_beside(control: etree._Element, reference: etree._Element) -> None:
    """Move a comment's reference to the start of the paragraph after ``control``, or the end of the one before."""
    for sibling in control.itersiblings():
        if sibling.tag in _BLOCKS_NOT_JOINED:
            break
        if sibling.tag == _P:
            properties = sibling.find(_PPR)
            if properties is not None:
                properties.addnext(reference)
            else:
                sibling.insert(0, reference)
            return
    for sibling in control.itersiblings(preceding=True):
        if sibling.tag in _BLOCKS_NOT_JOINED:
            break
        if sibling.tag == _P:
            sibling.append(reference)
            return


def _mark_join(markup: _Markup, join: _Join) -> None:
    """Track the deletion of everything between two fragments: spaces, soft returns, paragraph marks."""
    if join.here is join.there:
        markup.delete_text(join.here, join.end, join.start)
        return
    for element in [join.here, *join.between]:
        markup.delete_mark(element)
    markup.restyle_like(join.there, join.here)
    markup.delete_text(join.here, join.end, markup.indexes[join.here].length)
    for element in join.between:
        markup.delete_text(element, 0, markup.indexes[element].length)
    markup.delete_text(join.there, 0, join.start)
