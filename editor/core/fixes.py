"""The one fix policy: what a fix is, and which of many candidate fixes are applied together.

A `Fix` is a value: replace ``[start, end)`` of one paragraph by ``replacement``, and,
with ``joins_next``, join that paragraph with the next once its fixes are applied. A
finding (`Issue`) carries its fix as a tuple of `Fix`es applied all or nothing (a bracket
rule changes the two marks, not the words between them); what the user typed in the
editor is plain `Fix`es. `choose_fixes` is the only place that decides which candidates
go together: `apply_fixes` (and through it `proofdesk fix`, the engine's layout repair,
the editor's accept and apply-all actions and saving) and the review export call it, so
that they can never disagree.

The order is document order: candidates are taken by where what they flag starts, and at
one position the one whose fixes reach farther first (it read more of the context, as a
confusion entry for 截止目前 does beside a one-character guess); a candidate whose fixes clash
with one taken already is left out whole. Ties keep the order given (the engine sorts
its findings by rule id), so the choice depends only on the candidates, never on the
order the checks ran in. A bare fix flags its own span.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


def shared_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters ``a`` and ``b`` share at their start, and then at their end (never overlapping)."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


@dataclass(frozen=True, order=True)
class Fix:
    """Replace ``[start, end)`` of paragraph ``paragraph`` (code points) by ``replacement``; then maybe join.

    An empty span is an insertion. ``joins_next`` joins the paragraph with the next one
    after all its own fixes (a layout cut, or a paragraph break the user deleted).
    """

    paragraph: int
    start: int
    end: int
    replacement: str
    joins_next: bool = False

    @classmethod
    def replacing(cls, paragraph: int, start: int, text: str, replacement: str, joins_next: bool = False) -> Fix | None:
        """The smallest fix that turns ``text`` (found at ``start``) into ``replacement``; None if it changes nothing.

        What the two share at their ends is left alone, so that ``截止`` → ``截至`` is the
        change of one character, whichever rule proposes it and however much it flagged.
        """
        head, tail = shared_ends(text, replacement)
        if head == len(text) == len(replacement) and not joins_next:
            return None
        return cls(
            paragraph, start + head, start + len(text) - tail, replacement[head : len(replacement) - tail], joins_next
        )

    def clashes(self, other: Fix) -> bool:
        """Could the two not both be applied? Overlapping spans, or two insertions of text at one point."""
        if self.paragraph != other.paragraph:
            return False
        if self.start == self.end == other.start == other.end:
            return bool(self.replacement and other.replacement)  # a join inserts nothing: it goes with anything
        return self.start < other.end and other.start < self.end


class Fixable(Protocol):
    """Anything that flags a span and carries fixes to apply all or nothing: an `Issue`."""

    paragraph: int
    start: int
    end: int

    @property
    def fixes(self) -> tuple[Fix, ...]: ...


def fixes_of(candidate: Fix | Fixable) -> tuple[Fix, ...]:
    """The fixes a candidate applies: a finding's own, or a bare fix itself."""
    return (candidate,) if isinstance(candidate, Fix) else candidate.fixes


def choose_fixes(candidates: Iterable[Fix | Fixable]) -> list[Fix | Fixable]:
    """The candidates applied together, in document order: a non-overlapping set, chosen as the module says."""
    ranked = [candidate for candidate in candidates if fixes_of(candidate)]
    ranked.sort(key=_order)
    taken: dict[int, list[Fix]] = defaultdict(list)
    chosen: list[Fix | Fixable] = []
    for candidate in ranked:
        fixes = fixes_of(candidate)
        if any(fix.clashes(other) for fix in fixes for other in taken[fix.paragraph]):
            continue
        if _clash_within(fixes):
            continue
        for fix in fixes:
            taken[fix.paragraph].append(fix)
        chosen.append(candidate)
    return chosen


def _order(candidate: Fix | Fixable) -> tuple[int, int, int, int]:
    """Where what it flags starts, then the farther its fixes reach the earlier (see the module docstring).

    The reach of the fixes, not the end of the flagged span, breaks the tie: a finding mapped
    back from the repaired text is clipped at a cut, its fixes are not, so the choice is
    the same in the draft as in the repaired text the checks read.
    """
    reach = max((fix.paragraph, fix.end) for fix in fixes_of(candidate))
    return (candidate.paragraph, candidate.start, -reach[0], -reach[1])


def _clash_within(fixes: Sequence[Fix]) -> bool:
    return any(a.clashes(b) for index, a in enumerate(fixes) for b in fixes[index + 1 :])
