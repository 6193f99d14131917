"""A rule's own examples: the sentences it must flag and the ones it must leave alone.

A bad example may mark the expected span with double brackets, ``双方[[签定]]了协议``,
when the wrong text occurs more than once or the rule matches by context; without a
marker the expected span is the first occurrence of the rule's wrong text.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN, CLOSE = "[[", "]]"


@dataclass(frozen=True)
class Example:
    """One example sentence, with the span a bad example must be flagged at."""

    text: str
    start: int
    end: int


def parse_bad_example(marked: str, wrong: str) -> Example:
    """The sentence without its marker, and the span that must be flagged (ValueError if it cannot be found)."""
    opening = marked.find(OPEN)
    if opening >= 0:
        closing = marked.find(CLOSE, opening)
        if closing < 0:
            raise ValueError(f"例句缺少 {CLOSE}：{marked}")
        text = marked[:opening] + marked[opening + len(OPEN) : closing] + marked[closing + len(CLOSE) :]
        return Example(text, opening, closing - len(OPEN))
    start = marked.find(wrong)
    if start < 0:
        raise ValueError(f"错误例句中没有“{wrong}”：{marked}")
    return Example(marked, start, start + len(wrong))
