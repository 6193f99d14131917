"""Turn the text a user edited back into fixes of the draft as read.

The editor shows one block per draft paragraph and lets the user type, join and split
freely. Saving must not rebuild the file from plain text: a DOCX keeps its styles and
runs only if every change goes through the same repair mechanism as the checks' fixes.
So the edited paragraphs are compared with the draft (paragraphs first, then the
characters of the paragraphs that differ) and every difference becomes a plain `Fix`
(the user's typing is not a finding) that `apply_fixes` applies: a replacement inside a
paragraph, a join (``joins_next``) where a paragraph break was deleted, and a ``"\\n"`` in
the replacement where one was typed. The fixes never overlap, so all of them are applied.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from editor.core.document import Document, Paragraph, ParagraphKind, Source
from editor.core.fixes import Fix
from editor.core.repair import RepairedDocument, apply_fixes

#: Above this product of lengths a changed region is replaced wholesale instead of diffed by character.
_MAX_DIFF_WORK = 20_000_000
_BREAK = "\n"


@dataclass(frozen=True)
class _Region:
    """Draft paragraphs ``[draft_start, draft_end)`` became edited paragraphs ``[edit_start, edit_end)``."""

    draft_start: int
    draft_end: int
    edit_start: int
    edit_end: int
    equal: bool


def edits_between(draft: Document, texts: Sequence[str]) -> list[Fix]:
    """The fixes that turn ``draft`` into the paragraphs ``texts``."""
    fixes: list[Fix] = []
    for region in _regions(draft.texts, texts):
        if not region.equal:
            fixes.extend(_region_edits(draft, texts, region))
    return fixes


def apply_edits(draft: Document, texts: Sequence[str]) -> RepairedDocument:
    """The draft with the user's edits applied, ready for `write_document` (formatting kept)."""
    if not draft.paragraphs:
        fresh = Document.from_texts(list(texts), name=draft.name)
        return apply_fixes(fresh, [])
    return apply_fixes(draft, edits_between(draft, texts))


def edited_document(draft: Document, texts: Sequence[str]) -> Document:
    """The edited paragraphs as a `Document` the checks can read.

    Each paragraph inherits the kind and source of the draft paragraph it starts in, so
    that the layout checks still see the blank lines and indents of the draft; a
    paragraph the user split off or typed anew is body text, and in a Word document
    it is the author's like the others (`Source.authored`).
    """
    origins = paragraph_origins(draft, texts)
    authored = any(paragraph.source.authored for paragraph in draft.paragraphs)
    paragraphs: list[Paragraph] = []
    previous: int | None = None
    for index, (text, origin) in enumerate(zip(texts, origins, strict=True)):
        if origin is None or origin == previous:
            paragraphs.append(Paragraph(text, ParagraphKind.BODY, Source(block=index, authored=authored)))
        else:
            paragraphs.append(draft.paragraphs[origin].with_text(text))
        previous = origin
    return Document(paragraphs, name=draft.name, encoding=draft.encoding, date=draft.date)


def paragraph_origins(draft: Document, texts: Sequence[str]) -> list[int | None]:
    """For each edited paragraph, the draft paragraph it begins in (None for a paragraph typed anew)."""
    return draft_paragraphs_at(draft, texts, [(number, 0) for number in range(len(texts))])


def draft_paragraphs_at(draft: Document, texts: Sequence[str], points: Sequence[tuple[int, int]]) -> list[int | None]:
    """For each point ``(paragraph, offset)`` of the edited text, the draft paragraph its character was read in.

    None where it was typed anew. After a join, the second fragment's text is still where
    it was read: the editor's list numbers its findings by it, numbers that joins do not move.
    """
    region_of: dict[int, _Region] = {}
    for region in _regions(draft.texts, texts):
        region_of.update(dict.fromkeys(range(region.edit_start, region.edit_end), region))
    diffs: dict[_Region, tuple[list[int], list[int], list[tuple[str, int, int, int, int]]]] = {}
    answers: list[int | None] = []
    for paragraph, offset in points:
        region = region_of.get(paragraph)
        if region is None or region.draft_start == region.draft_end:
            answers.append(None)
            continue
        if region.equal:
            answers.append(region.draft_start + paragraph - region.edit_start)
            continue
        if region not in diffs:
            old = _joined(draft.texts, region.draft_start, region.draft_end)
            new = _joined(texts, region.edit_start, region.edit_end)
            diffs[region] = (
                _starts(draft.texts, region.draft_start, region.draft_end),
                _starts(texts, region.edit_start, region.edit_end),
                _char_opcodes(old, new),
            )
        old_starts, new_starts, opcodes = diffs[region]
        old_position = _old_position(opcodes, new_starts[paragraph - region.edit_start] + offset)
        answers.append(None if old_position is None else region.draft_start + _paragraph_at(old_starts, old_position))
    return answers


def _regions(old: Sequence[str], new: Sequence[str]) -> list[_Region]:
    """Align paragraphs; a pure insertion or deletion takes in a neighbouring paragraph, so that
    the character diff has text on both sides to attach a join or a new break to."""
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    regions: list[list] = []  # [equal, draft_start, draft_end, edit_start, edit_end]
    absorb_next = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        equal = tag == "equal"
        if equal and absorb_next:
            regions[-1][2] += 1
            regions[-1][4] += 1
            i1, j1, absorb_next = i1 + 1, j1 + 1, False
            if i1 == i2:
                continue
        if not equal and (i1 == i2 or j1 == j2) and old:
            if regions and regions[-1][0]:
                regions[-1][2] -= 1
                regions[-1][4] -= 1
                i1, j1 = i1 - 1, j1 - 1
                if regions[-1][1] == regions[-1][2]:
                    regions.pop()
            elif not regions:
                absorb_next = True
        if regions and not regions[-1][0] and not equal:
            regions[-1][2], regions[-1][4] = i2, j2
            continue
        regions.append([equal, i1, i2, j1, j2])
    merged: list[list] = []
    for region in regions:
        if merged and not merged[-1][0] and not region[0]:
            merged[-1][2], merged[-1][4] = region[2], region[4]
        else:
            merged.append(region)
    return [_Region(i1, i2, j1, j2, equal) for equal, i1, i2, j1, j2 in merged]


def _joined(texts: Sequence[str], start: int, end: int) -> str:
    return _BREAK.join(texts[start:end])


def _starts(texts: Sequence[str], start: int, end: int) -> list[int]:
    """Where each paragraph of ``texts[start:end]`` starts in their joined text."""
    starts, position = [], 0
    for text in texts[start:end]:
        starts.append(position)
        position += len(text) + len(_BREAK)
    return starts


def _paragraph_at(starts: list[int], position: int) -> int:
    return max(0, bisect.bisect_right(starts, position) - 1)


def _char_opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    if len(old) * len(new) > _MAX_DIFF_WORK:
        return [("replace", 0, len(old), 0, len(new))]
    return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def _old_position(opcodes: list[tuple[str, int, int, int, int]], new_position: int) -> int | None:
    """Where a position of the new text was in the old one; None inside pure insertions."""
    for tag, i1, _i2, j1, j2 in opcodes:
        if j1 <= new_position < j2:
            if tag == "insert":
                return None
            return i1 + (new_position - j1) if tag == "equal" else i1
    return opcodes[-1][2] if opcodes else None


def _region_edits(draft: Document, texts: Sequence[str], region: _Region) -> list[Fix]:
    old = _joined(draft.texts, region.draft_start, region.draft_end)
    new = _joined(texts, region.edit_start, region.edit_end)
    starts = _starts(draft.texts, region.draft_start, region.draft_end)
    fixes: list[Fix] = []
    for tag, i1, i2, j1, j2 in _char_opcodes(old, new):
        if tag != "equal":
            fixes.extend(_span_edits(draft, region.draft_start, starts, i1, i2, new[j1:j2]))
    return fixes


def _span_edits(draft: Document, first: int, starts: list[int], start: int, end: int, inserted: str) -> list[Fix]:
    """Replace ``[start, end)`` of the joined region by ``inserted``; breaks inside the span become joins."""
    first_local = _paragraph_at(starts, start)
    last_local = _paragraph_at(starts, end) if end > start else first_local
    if end > start and end - starts[last_local] == 0 and last_local > first_local:
        last_local -= 1  # the span stops right after a break: it ends in the paragraph before
    begin = start - starts[first_local]
    if last_local == first_local:
        stop = end - starts[first_local]
        text = draft.paragraphs[first + first_local].text
        if stop > len(text):  # the span swallows the break after this paragraph
            return [Fix(first + first_local, begin, len(text), inserted, joins_next=True)]
        return [Fix(first + first_local, begin, stop, inserted)]
    fixes = [Fix(first + first_local, begin, len(draft.paragraphs[first + first_local].text), inserted, True)]
    for local in range(first_local + 1, last_local):
        fixes.append(Fix(first + local, 0, len(draft.paragraphs[first + local].text), "", True))
    stop = end - starts[last_local]
    last_text = draft.paragraphs[first + last_local].text
    fixes.append(Fix(first + last_local, 0, min(stop, len(last_text)), "", stop > len(last_text)))
    return fixes
