"""Which finding comes next: one order for the findings list and for F8, accept and ignore.

A copy editor works down the page. The list shows the findings in one order (document
order, or category by category when the user groups them), and every step through them
follows that same order: F8 and Shift+F8 from the finding in hand, F8 from the caret when
the user has moved it, and, after an accept or an ignore, the next finding that remains
after the one just handled (the one at its place in the text as it is now, since an
accepted fix, a layout join above all, moves everything after it). Positions are
``(paragraph, offset)`` in code points of the text on screen. No Qt: the window asks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from editor.core.issue import Issue

Position = tuple[int, int]


def order_key(issue: Issue, grouped: bool = False) -> tuple:
    """Where ``issue`` comes in the list: by position (ties by span and rule), within its category when grouped."""
    place = (issue.paragraph, issue.start, issue.end, issue.rule)
    return ((issue.category.rank,) if grouped else ()) + place


def ordered(findings: Iterable[Issue], grouped: bool = False) -> list[Issue]:
    """The findings in the list's order."""
    return sorted(findings, key=lambda issue: order_key(issue, grouped))


def step(findings: Sequence[Issue], current: Issue, direction: int, grouped: bool = False) -> Issue | None:
    """The finding after (``direction`` 1) or before (-1) ``current`` in ``findings`` (`ordered`), wrapping around.

    ``current`` need not be among them any more: the step is taken from where it would be.
    """
    if not findings:
        return None
    key = order_key(current, grouped)
    if direction > 0:
        return next((issue for issue in findings if order_key(issue, grouped) > key), findings[0])
    return next((issue for issue in reversed(findings) if order_key(issue, grouped) < key), findings[-1])


def from_caret(findings: Sequence[Issue], caret: Position, direction: int) -> Issue | None:
    """The first finding at, around or after the caret (1), or the last one before it (-1), wrapping around."""
    if not findings:
        return None
    if direction > 0:
        return next(
            (issue for issue in findings if (issue.paragraph, max(issue.end, issue.start + 1)) > caret), findings[0]
        )
    return next((issue for issue in reversed(findings) if (issue.paragraph, issue.start) < caret), findings[-1])


def after_handled(findings: Sequence[Issue], handled: Issue, place: Position, grouped: bool = False) -> Issue | None:
    """The next finding that remains after ``handled``, which is gone and whose text now starts at ``place``.

    A finding at that very place comes next (it followed the handled one in the list);
    past the last one, the first.
    """
    if not findings:
        return None
    here = (handled.category.rank,) + place if grouped else place
    return next((issue for issue in findings if order_key(issue, grouped)[: len(here)] >= here), findings[0])
