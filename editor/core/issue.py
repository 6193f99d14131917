"""One finding of one check, as the CLI prints it and the GUI draws it.

An `Issue` is frozen and free of Qt so that it can cross threads and be cached.
Offsets are Python code points into one paragraph of the document as read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Category(str, Enum):
    """What kind of problem a finding is; users switch checks on and off by category."""

    LAYOUT = "layout"
    TYPO = "typo"
    NAME = "name"
    NUMBER = "number"
    PUNCTUATION = "punctuation"


class Severity(str, Enum):
    """How sure the tool is that something is wrong."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Issue:
    """A finding: where it is, what is wrong, and how to fix it.

    The fix replaces ``text`` (``paragraph[start:end]``) by the first suggestion;
    when ``joins_next`` is set it also joins the paragraph with the next one, which
    is how a layout cut is repaired. ``safe`` says the fix may be applied unattended.
    """

    rule: str
    category: Category
    severity: Severity
    paragraph: int
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = field(default=())
    safe: bool = False
    joins_next: bool = False

    @property
    def replacement(self) -> str | None:
        """What the fix puts in place of ``text``; None when there is nothing to apply."""
        if self.suggestions:
            return self.suggestions[0]
        return self.text if self.joins_next else None

    def moved(self, paragraph: int, start: int, end: int, text: str) -> Issue:
        """The same finding at another place (used to map repaired text back to the draft)."""
        return replace(self, paragraph=paragraph, start=start, end=end, text=text)

    def to_json(self) -> dict:
        """The JSON shape of `proofdesk check --json`."""
        return {
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "message": self.message,
        }
