"""What a review DOCX proposed, kept inside it, so that the file coming back says what the reviewer decided.

`fix --review` marks each proposal as a tracked change or a comment; the reviewer accepts or
rejects them in Word, WPS or LibreOffice and sends the file back. The marks themselves do not
come back reliably (LibreOffice renumbers comments and revisions, a rejected change leaves no
trace at all), so the review also carries a *record*: one ``proposal`` element per finding the
reviewer was shown, with its rule, where it was, the text it flagged, the suggestion, the
comment and revision ids it was marked with, and the text around it.

The record is a custom XML part (``customXml/itemN.xml`` with its ``itemProps``, related from
the main document part; ECMA-376 Part 1 §15.2.4-5): Word keeps custom XML parts in its data
store through every save, and LibreOffice 7.4 writes them back unchanged when it saves a DOCX
(``tests/core/io/test_docx_libreoffice_review.py`` saves one and reads the record again). Custom
document properties (``docProps/custom.xml``) were the other choice; Word cuts their text values
at 255 characters, which no record of a page fits in.

When the file comes back, paragraphs may have been joined, split or edited, so a proposal is
found again by its text and the text around it, not by its offsets (`settle`). A proposal whose
flagged text is still there with its context was *rejected* (the tracked change was rejected,
or the comment closed without the change); one whose text is gone was *accepted* (or the
passage rewritten). `proofdesk check` does not flag a rejected proposal again
(`without_rejected`), and the report lists it as 已驳回.

The API, for the CLI and for the editor: `read_record(path)` gives the proposals of a returned
file with their state; `record_of_document(draft)` the same for a draft already read;
`proposals_of(issues, draft, marks)` and `write_record` make and store a record.
"""

from __future__ import annotations

import logging
import uuid
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from io import BytesIO
from pathlib import Path, PurePosixPath

from docx.document import Document as DocxDocument
from docx.opc.part import Part
from lxml import etree

from editor.core.document import Document
from editor.core.io.docx_text import DocxOrigin
from editor.core.io.reader import read_document
from editor.core.issue import Issue

logger = logging.getLogger(__name__)

NAMESPACE = "urn:proofdesk:review:1"
VERSION = "1"
#: Characters of context kept on each side of a proposal, to find it again in the returned text.
CONTEXT = 12
#: A proposal is found again only where at least this much of its context is still around it (or all it had).
_ENOUGH_CONTEXT = 6
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MAIN_RELS = "word/_rels/document.xml.rels"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXTS = ("text", "suggestion", "before", "after", "message")


class State(str, Enum):
    """What became of a proposal."""

    PROPOSED = "proposed"  # as written into the review
    REJECTED = "rejected"  # 已驳回: its text is still there, with its context
    ACCEPTED = "accepted"  # its text is gone: the change was accepted, or the passage rewritten
    PENDING = "pending"  # a join whose tracked deletion of the paragraph mark is still in the file, undecided


class Mark(str, Enum):
    """How the review showed a proposal."""

    CHANGE = "change"  # a tracked change (and a comment)
    COMMENT = "comment"  # a comment only: a guess, or a fix that could not be tracked


@dataclass(frozen=True)
class Proposal:
    """One finding the review showed, as the record keeps it.

    ``paragraph``, ``start`` and ``end`` are where it was in the draft as read when the review
    was written; ``before`` and ``after`` up to `CONTEXT` characters around it in its paragraph
    (for a layout join, ``after`` is the start of the next paragraph). ``found`` is where its
    text is in the returned draft (paragraph, start), for a rejected one.
    """

    rule: str
    category: str
    severity: str
    paragraph: int
    start: int
    end: int
    text: str
    suggestion: str | None  # the first suggestion; None when there was none (a join has none either)
    message: str
    before: str
    after: str
    mark: Mark
    joins_next: bool = False
    story: str = ""
    also: tuple[str, ...] = ()
    comment_id: int | None = None
    change_ids: tuple[int, ...] = ()
    state: State = State.PROPOSED
    found: tuple[int, int] | None = None

    def flags(self, issue: Issue) -> bool:
        """Is ``issue`` this proposal found again where it was left (same slip, same place)?"""
        rules = {self.rule, *self.also}
        return (
            self.found == (issue.paragraph, issue.start)
            and issue.text == self.text
            and issue.joins_next == self.joins_next
            and bool(rules & {issue.rule, *issue.also})
        )

    def again(self, texts: Sequence[str]) -> Proposal:
        """This rejected proposal as one of the draft ``texts`` it was found in (for the next review's record)."""
        paragraph, start = self.found
        before, after = _context(texts, paragraph, start, start + len(self.text), self.joins_next)
        return replace(
            self,
            paragraph=paragraph,
            start=start,
            end=start + len(self.text),
            before=before,
            after=after,
            comment_id=None,
            change_ids=(),
            found=None,
        )


def proposals_of(
    issues: Iterable[Issue], draft: Document, marks: Mapping[int, tuple[Mark, int | None, tuple[int, ...]]]
) -> list[Proposal]:
    """The record of ``issues`` on ``draft``: those in ``marks`` (by ``id(issue)``: mark, comment id, revision ids)."""
    texts = draft.texts
    proposals = []
    for issue in issues:
        if id(issue) not in marks:
            continue
        mark, comment, changes = marks[id(issue)]
        before, after = _context(texts, issue.paragraph, issue.start, issue.end, issue.joins_next)
        proposals.append(
            Proposal(
                rule=issue.rule,
                category=issue.category.value,
                severity=issue.severity.value,
                paragraph=issue.paragraph,
                start=issue.start,
                end=issue.end,
                text=issue.text,
                suggestion=None if issue.joins_next or not issue.suggestions else issue.suggestions[0],
                message=issue.message,
                before=before,
                after=after,
                mark=mark,
                joins_next=issue.joins_next,
                story=draft.paragraphs[issue.paragraph].source.story,
                also=issue.also,
                comment_id=comment,
                change_ids=changes,
            )
        )
    return proposals


def _context(texts: Sequence[str], paragraph: int, start: int, end: int, joins_next: bool) -> tuple[str, str]:
    text = texts[paragraph]
    before = text[max(0, start - CONTEXT) : start]
    if joins_next:
        after = texts[paragraph + 1][:CONTEXT] if paragraph + 1 < len(texts) else ""
    else:
        after = text[end : end + CONTEXT]
    return before, after


# -- writing ------------------------------------------------------------------------------------


def write_record(document: DocxDocument, proposals: Sequence[Proposal], generator: str) -> None:
    """Store ``proposals`` in ``document`` as its record, in place of any record it had (a review reviewed again)."""
    main = document.part
    for rel_id, rel in list(main.rels.items()):
        if rel.reltype == _CUSTOM_XML and not rel.is_external and _is_record(rel.target_part.blob):
            main.drop_rel(rel_id)
    package = main.package
    item = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", _xml(proposals, generator), package)
    properties = Part(package.next_partname("/customXml/itemProps%d.xml"), _PROPS_TYPE, _item_properties(), package)
    item.relate_to(properties, _CUSTOM_XML_PROPS)
    main.relate_to(item, _CUSTOM_XML)


def _xml(proposals: Sequence[Proposal], generator: str) -> bytes:
    root = etree.Element(f"{{{NAMESPACE}}}review", nsmap={None: NAMESPACE})
    root.set("version", VERSION)
    root.set("generator", generator)
    for proposal in proposals:
        element = etree.SubElement(root, f"{{{NAMESPACE}}}proposal")
        attributes = {
            "rule": proposal.rule,
            "category": proposal.category,
            "severity": proposal.severity,
            "paragraph": str(proposal.paragraph),
            "start": str(proposal.start),
            "end": str(proposal.end),
            "mark": proposal.mark.value,
            "joins": "1" if proposal.joins_next else "0",
            "story": proposal.story,
            "also": " ".join(proposal.also),
            "comment": "" if proposal.comment_id is None else str(proposal.comment_id),
            "changes": " ".join(map(str, proposal.change_ids)),
        }
        for name, value in attributes.items():
            element.set(name, value)
        for name in _TEXTS:  # elements, not attributes: their spaces, tabs and line ends survive any re-serialising
            value = getattr(proposal, name)
            if value is not None:
                etree.SubElement(element, f"{{{NAMESPACE}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _item_properties() -> bytes:
    """The part Word's data store names the record by: a new item id and the record's namespace."""
    root = etree.Element(f"{{{_DATASTORE}}}datastoreItem", nsmap={"ds": _DATASTORE})
    root.set(f"{{{_DATASTORE}}}itemID", "{" + str(uuid.uuid4()).upper() + "}")
    etree.SubElement(etree.SubElement(root, f"{{{_DATASTORE}}}schemaRefs"), f"{{{_DATASTORE}}}schemaRef").set(
        f"{{{_DATASTORE}}}uri", NAMESPACE
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=False)


# -- reading ------------------------------------------------------------------------------------


def read_record(path: str | Path) -> list[Proposal]:
    """The proposals of the review DOCX at ``path``, each with its state against the file's text now.

    Raises `InputError` if the file cannot be read as a draft; a file without a record has none.
    """
    return record_of_document(read_document(path))


def record_of_document(draft: Document) -> list[Proposal]:
    """The proposals of a draft read from a review DOCX, settled against its text (none for other drafts)."""
    if not isinstance(draft.origin, DocxOrigin):
        return []
    settled = settle(stored_proposals(draft.origin.data, draft.name), draft.texts)
    if not any(proposal.joins_next and proposal.state is State.REJECTED for proposal in settled):
        return settled
    blocks = draft.origin.open().blocks
    return [
        replace(proposal, state=State.PENDING)
        if proposal.joins_next
        and proposal.state is State.REJECTED
        and _mark_deleted(blocks[draft.paragraphs[proposal.found[0]].source.block])
        else proposal
        for proposal in settled
    ]


def _mark_deleted(paragraph: etree._Element) -> bool:
    """Is the paragraph mark a tracked deletion still (the reader shows the paragraph, the join undecided)?

    A tracked change of text shows as accepted (the reader shows insertions, not deletions),
    so a change left undecided reads as accepted; only a join's deleted mark shows its paragraph apart.
    """
    return paragraph.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None


def stored_proposals(data: bytes, name: str = "<docx>") -> list[Proposal]:
    """The proposals the record of the DOCX ``data`` holds, as written; none if it has none or it is damaged."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            for part in _custom_xml_parts(archive):
                if _is_record(part):
                    return _proposals(etree.fromstring(part))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as error:
        logger.warning("%s: 审阅记录已损坏，未读取（%s）", name, error)
    return []


def _custom_xml_parts(archive: zipfile.ZipFile) -> list[bytes]:
    """The custom XML parts the main document part relates to (the reader knows it as ``word/document.xml``)."""
    if _MAIN_RELS not in archive.namelist():
        return []
    rels = etree.fromstring(archive.read(_MAIN_RELS))
    names = set(archive.namelist())
    parts = []
    for rel in rels.iterchildren(f"{{{_RELATIONSHIPS}}}Relationship"):
        if rel.get("Type") != _CUSTOM_XML or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else _normalised(PurePosixPath("word") / target)
        if resolved in names:
            parts.append(archive.read(resolved))
    return parts


def _normalised(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _is_record(blob: bytes) -> bool:
    try:
        return etree.QName(etree.fromstring(blob)).namespace == NAMESPACE
    except (etree.XMLSyntaxError, ValueError):
        return False


def _proposals(root: etree._Element) -> list[Proposal]:
    proposals = []
    for element in root.iterchildren(f"{{{NAMESPACE}}}proposal"):
        texts = {name: element.findtext(f"{{{NAMESPACE}}}{name}") for name in _TEXTS}
        texts = {name: "" if text is None and name != "suggestion" else text for name, text in texts.items()}
        comment = element.get("comment", "")
        proposals.append(
            Proposal(
                rule=element.get("rule", ""),
                category=element.get("category", ""),
                severity=element.get("severity", ""),
                paragraph=int(element.get("paragraph", "0")),
                start=int(element.get("start", "0")),
                end=int(element.get("end", "0")),
                mark=Mark(element.get("mark", Mark.COMMENT.value)),
                joins_next=element.get("joins") == "1",
                story=element.get("story", ""),
                also=tuple(element.get("also", "").split()),
                comment_id=int(comment) if comment else None,
                change_ids=tuple(int(number) for number in element.get("changes", "").split()),
                **texts,
            )
        )
    return proposals


# -- matching -----------------------------------------------------------------------------------


def settle(proposals: Sequence[Proposal], texts: Sequence[str]) -> list[Proposal]:
    """Each proposal with its state in the draft ``texts``: rejected where its text is still found, else accepted.

    A proposal is looked for wherever its flagged text (for a join: the end of a paragraph,
    the next one starting as it did) stands with enough of its context around it; of several
    places, the one with the most context, then the nearest to where it was. Each place
    answers for one proposal only, so a slip repeated and fixed once is rejected once less.
    """
    taken: set[tuple[int, int]] = set()
    settled = []
    for proposal in proposals:
        place = _best_place(proposal, texts, taken)
        if place is None:
            settled.append(replace(proposal, state=State.ACCEPTED, found=None))
        else:
            taken.add(place)
            settled.append(replace(proposal, state=State.REJECTED, found=place))
    return settled


def _best_place(proposal: Proposal, texts: Sequence[str], taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    wanted = min(len(proposal.before) + len(proposal.after), _ENOUGH_CONTEXT)
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    for place in _places(proposal, texts):
        if place in taken or _suggestion_stands(proposal, texts, *place):
            continue
        context = _context_kept(proposal, texts, *place)
        if context < wanted:
            continue
        rank = (context, -abs(place[0] - proposal.paragraph))
        if best is None or rank > best[0]:
            best = (rank, place)
    return None if best is None else best[1]


def _places(proposal: Proposal, texts: Sequence[str]) -> Iterable[tuple[int, int]]:
    """Where the proposal's text stands in ``texts`` (for a join: only at a paragraph's end, before another)."""
    size = len(proposal.text)
    for number, text in enumerate(texts):
        if proposal.joins_next:
            if number + 1 < len(texts) and text.endswith(proposal.text):
                yield number, len(text) - size
            continue
        start = text.find(proposal.text)
        while start >= 0:
            yield number, start
            start = text.find(proposal.text, start + 1)


def _suggestion_stands(proposal: Proposal, texts: Sequence[str], paragraph: int, start: int) -> bool:
    """Does the suggestion stand where the text was (an insertion made: ``""`` is found everywhere)?"""
    suggestion = proposal.suggestion
    if not suggestion or suggestion == proposal.text or (proposal.text + proposal.after).startswith(suggestion):
        return False
    return texts[paragraph].startswith(suggestion, start)


def _context_kept(proposal: Proposal, texts: Sequence[str], paragraph: int, start: int) -> int:
    """How many characters of the proposal's context are still beside its text at ``start`` of ``paragraph``."""
    text = texts[paragraph]
    following = texts[paragraph + 1] if proposal.joins_next else text[start + len(proposal.text) :]
    return _common_suffix(proposal.before, text[:start]) + _common_prefix(proposal.after, following)


def _common_prefix(a: str, b: str) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return size


def _common_suffix(a: str, b: str) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[-1 - size] == b[-1 - size]:
        size += 1
    return size


def without_rejected(issues: Iterable[Issue], proposals: Sequence[Proposal]) -> list[Issue]:
    """The findings of a returned review that are not a proposal the reviewer rejected, found again."""
    rejected = [proposal for proposal in proposals if proposal.state is State.REJECTED]
    return [issue for issue in issues if not any(proposal.flags(issue) for proposal in rejected)]
