"""The review of what happened in the editor: the user's changes as tracked changes, the open findings as comments.

The editor's text is an edit of the draft as read. For the review DOCX, every change the
user made (a fix accepted, text typed, a paragraph joined) is a difference between the
two (`edits.edits_between`) and becomes a tracked change, so the chief editor sees and
can reject each; the findings left open are placed back onto the draft and become
comments with their suggestion, never changes; a finding the user ignored is not
given at all. `docx_review.write_review_docx` writes both, as it does for `fix --review`.

The open findings point into the editor's paragraphs; `apply_edits` gives the edited
draft and where each of its characters came from, so they are moved onto it (a paragraph
the user split is one paragraph there, its parts joined by a line feed) and mapped back
onto the draft by `RepairedDocument.map_issue`, the mechanism the engine uses.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace

from editor.core.document import Document
from editor.core.edits import apply_edits, edits_between
from editor.core.fixes import Fix
from editor.core.issue import Category, Issue, Severity
from editor.core.repair import RepairedDocument

logger = logging.getLogger(__name__)

#: The rule id of a change made in the editor (named in its comment).
EDIT_RULE = "editor.edit"
EDIT_MESSAGE = "校对台中的修改（接受的建议或校对输入的文字）"


def review_findings(
    draft: Document, texts: Sequence[str], open_issues: Iterable[Issue]
) -> tuple[Document, list[Issue]]:
    """The draft to mark up and its findings: the user's changes (sure fixes) and the open findings (comments).

    ``texts`` are the editor's paragraphs, ``open_issues`` the findings shown in them (what is
    ignored left out). A draft with no paragraphs (a new text) is the text itself, unchanged.
    """
    if not draft.paragraphs:
        draft = Document.from_texts(list(texts), name=draft.name)
    changes = [_change(draft, fix) for fix in edits_between(draft, texts)]
    repaired = apply_edits(draft, texts)
    places = _places(repaired, texts)
    if places is None:
        logger.warning("%s: 编辑后的段落与原稿对不上，审阅稿只标出修改", draft.name)
        return draft, changes
    comments = [replace(repaired.map_issue(_moved(issue, places)), safe=False) for issue in open_issues]
    return draft, changes + comments


def _change(draft: Document, fix: Fix) -> Issue:
    text = draft.paragraphs[fix.paragraph].text[fix.start : fix.end]
    category = Category.LAYOUT if fix.joins_next else Category.TYPO
    return Issue(
        EDIT_RULE,
        category,
        Severity.INFO,
        fix.paragraph,
        fix.start,
        fix.end,
        text,
        EDIT_MESSAGE,
        (fix.replacement,),
        safe=True,
        fixes=(fix,),
    )


def _places(repaired: RepairedDocument, texts: Sequence[str]) -> list[tuple[int, int]] | None:
    """For each edited paragraph, the paragraph of the edited draft it is in and where it starts there.

    A paragraph the user split off is in the same paragraph of the edited draft as the one
    before it, after a line feed. None if they do not line up (which would be a defect).
    """
    places: list[tuple[int, int]] = []
    paragraphs = [paragraph.text for paragraph in repaired.document.paragraphs]
    number, offset = 0, 0
    for text in texts:
        if number >= len(paragraphs) or not paragraphs[number].startswith(text, offset):
            return None
        places.append((number, offset))
        offset += len(text)
        if offset == len(paragraphs[number]):
            number, offset = number + 1, 0
        elif paragraphs[number][offset] == "\n":
            offset += 1
        else:
            return None
    return places if number == len(paragraphs) else None


def _moved(issue: Issue, places: list[tuple[int, int]]) -> Issue:
    """``issue`` of the editor's paragraphs as a finding of the edited draft."""

    def place(paragraph: int, start: int, end: int) -> tuple[int, int, int]:
        number, offset = places[paragraph]
        return number, start + offset, end + offset

    paragraph, start, end = place(issue.paragraph, issue.start, issue.end)
    fixes = tuple(
        replace(fix, paragraph=number, start=begin, end=stop)
        for fix in issue.fixes
        for number, begin, stop in [place(fix.paragraph, fix.start, fix.end)]
    )
    return replace(issue, paragraph=paragraph, start=start, end=end, fixes=fixes)
