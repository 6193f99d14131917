"""One finding of one check, as the CLI prints it and the GUI draws it.

An `Issue` is frozen and free of Qt so that it can cross threads and be cached.
Offsets are Python code points into one paragraph of the document as read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum

from editor.core.fixes import Fix


class Category(str, Enum):
    """What kind of problem a finding is; users switch checks on and off by category.

    The order is the report's and the findings panel's: political errors (an official's post,
    the order of leaders, an official formulation) first, as the ones that recall an edition.
    It is also how grave each kind is where two rules report one slip with the same fix
    (`engine.one_finding_per_span` keeps the finding of the category listed first).
    """

    POLITICAL = "political"
    LAYOUT = "layout"
    TYPO = "typo"
    NAME = "name"
    NUMBER = "number"
    PUNCTUATION = "punctuation"

    @property
    def rank(self) -> int:
        """Its place in the declared order, 0 for the gravest (political)."""
        return _CATEGORY_ORDER.index(self)


_CATEGORY_ORDER = tuple(Category)


class Severity(str, Enum):
    """How sure the tool is that something is wrong."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Issue:
    """A finding: where it is, what is wrong, and how to fix it.

    ``text`` (``paragraph[start:end]``) is what is flagged and shown; ``fixes`` say what
    accepting the first suggestion changes, applied all or nothing (`editor.core.fixes`).
    Left out, they are the smallest change of ``text`` into the first suggestion; a
    rule that rewrites a bracketed run gives one fix per mark instead, so that it never
    overlaps the fixes inside. A layout cut's fix joins the paragraph with the next one
    (``joins_next``). ``safe`` says the fix may be applied unattended. ``also`` lists the
    rules that reported the same slip with the same fix (`engine.one_finding_per_span`).
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
    fixes: tuple[Fix, ...] = field(default=())
    also: tuple[str, ...] = field(default=())

    @classmethod
    def on(
        cls,
        rule: str,
        category: Category,
        severity: Severity,
        paragraph: int,
        text: str,
        start: int,
        end: int,
        message: str,
        *suggestions: str,
        safe: bool = False,
        fixes: tuple[Fix, ...] = (),
    ) -> Issue:
        """The finding of ``rule`` on ``text[start:end]`` of paragraph ``paragraph`` (``text`` is the paragraph's).

        The one way every rule builds its finding: a suggestion that is the flagged text itself is
        none, ``safe`` (the rule is sure of its fix) counts only where there is a fix, and ``fixes``,
        given, are the rule's point edits for the first suggestion in place of the smallest change.
        """
        suggestions = tuple(suggestion for suggestion in suggestions if suggestion != text[start:end])
        return cls(
            rule=rule,
            category=category,
            severity=severity,
            paragraph=paragraph,
            start=start,
            end=end,
            text=text[start:end],
            message=message,
            suggestions=suggestions,
            safe=safe and bool(suggestions),
            fixes=fixes if suggestions else (),
        )

    def __post_init__(self) -> None:
        if not self.fixes and self.suggestions:
            fix = Fix.replacing(self.paragraph, self.start, self.text, self.suggestions[0])
            object.__setattr__(self, "fixes", () if fix is None else (fix,))

    @property
    def replacement(self) -> str | None:
        """What the fix puts in place of ``text``; None when there is nothing to apply."""
        return self.suggestions[0] if self.fixes and self.suggestions else None

    @property
    def applies_unattended(self) -> bool:
        """May its fix be applied without review (`proofdesk fix`), and marked as a tracked change in a review?

        Only a rule sure of its fix (``safe``) says so; a guess is shown, never written in.
        """
        return self.safe and self.replacement is not None

    @property
    def joins_next(self) -> bool:
        """Does the fix join the paragraph with the next one (a layout cut)?"""
        return any(fix.joins_next for fix in self.fixes)

    def choosing(self, suggestion: str) -> Issue:
        """The finding with ``suggestion`` as its fix (another entry of the suggestions, or the user's choice)."""
        if self.suggestions and suggestion == self.suggestions[0]:
            return self
        fix = Fix.replacing(self.paragraph, self.start, self.text, suggestion, self.joins_next)
        return replace(self, suggestions=(suggestion,), fixes=() if fix is None else (fix,))

    def moved(self, paragraph: int, start: int, end: int, text: str, fixes: tuple[Fix, ...]) -> Issue:
        """The same finding at another place (used to map repaired text back to the draft)."""
        return replace(self, paragraph=paragraph, start=start, end=end, text=text, fixes=fixes)

    def renumbered(self, number: Callable[[int], int]) -> Issue:
        """The same finding with every paragraph number ``n`` (its own and its fixes') as ``number(n)``.

        For a cached paragraph check's finding in another paragraph of the same text, and
        for findings of a document that left out some paragraphs of the text shown.
        """
        fixes = tuple(replace(fix, paragraph=number(fix.paragraph)) for fix in self.fixes)
        return replace(self, paragraph=number(self.paragraph), fixes=fixes)

    def context(self, text: str, width: int) -> tuple[str, str]:
        """Up to ``width`` characters of the paragraph ``text`` before and after the finding (excerpts show them)."""
        return text[max(0, self.start - width) : self.start], text[self.end : self.end + width]

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
            "also": list(self.also),
        }
