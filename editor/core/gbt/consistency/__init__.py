"""Consistency across an article: figures that should agree and do not.

What a copy editor does with a pencil: a headline figure the body contradicts,
totals and parts that do not add up, a rate its counts contradict, a weekday that
is not its date's, an announced count the enumeration contradicts, the same
quantity given twice with two values. Each function yields `Disagreement`s; the
check module turns them into issues with the rule's message, which names both places.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Disagreement:
    """A figure at ``[start, end)`` of ``paragraph`` that disagrees with ``other`` standing at ``where``."""

    paragraph: int
    start: int
    end: int
    here: str
    other: str = ""
    where: str = ""
    detail: str = ""

    def fields(self) -> dict[str, str]:
        return {"here": self.here, "other": self.other, "where": self.where, "detail": self.detail}
