"""The 编校差错率: weighted errors per 10,000 characters, counted as the publication's rules count them.

A newspaper is held to 《报纸期刊质量管理规定》 (2020, passes at ≤ 3 per 10,000) and counts by
《报纸编校差错率计算方法》; a periodical is held to the same rules at ≤ 2; a book to
《图书质量管理规定》 at ≤ 1, counted by 《图书编校质量差错认定细则》 (../shared/RULES.md quotes all three).
The weights come from secondary sources, so they are settings (`CountingRules`) with these
defaults, not constants. The editor's status bar, `proofdesk report` and a batch of a day's
drafts all count here.

What counts, and why:
- each finding is an error of one kind (`ErrorKind`, by its rule id: `error_kind`): wrong
  characters (typos, names), a fact or logic error (figures that contradict each other), a
  political error (an official's post, the order of leaders, an official formulation), a
  number-usage slip (GB/T 15835), a punctuation slip (GB/T 15834);
- a political error counts 3 in a book; a newspaper's rules know no such kind and count it as
  the knowledge error it is (1), doubled where it is about an important name (`IMPORTANT_NAMES`:
  an official's name, post or rank), as they double errors in important names;
- a statistical guess (a rule of a check of `Precedence.GUESS`, such as ``typo.lm``) is not an
  error until a person confirms it: it is 待核, listed and counted apart, never in the rate;
- layout cuts are not counted: a column jump left in a draft pasted from the layout system is
  how the copy reached the desk, not an error of the printed paper; advice (severity ``info``)
  is a suggestion and is not counted either;
- the denominator is the draft's characters without whitespace (for a printed page the rules
  count the page's area; a draft has only its characters).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from editor.core.document import NO_PLACE_FIELDS, Document, ParagraphKind, PrintedPlace
from editor.core.issue import Issue, Severity


class Publication(str, Enum):
    """What is being proofread; it decides the pass line and how errors are weighed."""

    NEWSPAPER = "报纸"
    PERIODICAL = "期刊"
    BOOK = "图书"


class ErrorKind(str, Enum):
    """What kind of error a finding is, in the terms of the counting rules."""

    CHARACTER = "文字差错"  # a wrong, missing or extra character
    SCRIPT = "繁简字、异体字差错"  # a traditional or variant character in simplified copy
    FACT = "知识性、逻辑性差错"  # figures that contradict each other, a date that does not exist
    POLITICAL = "政治性差错"  # an official's post or name, the order of leaders, a formulation misquoted
    NUMBER_USAGE = "数字用法差错"
    PUNCTUATION = "标点符号差错"
    LAYOUT = "版面断行（不计）"  # how the draft reached the desk, not an error of the text


#: The kind of error each rule reports, by rule id prefix; the longest prefix that matches decides.
ERROR_KINDS: dict[str, ErrorKind] = {
    "typo": ErrorKind.CHARACTER,
    "name": ErrorKind.CHARACTER,
    "number": ErrorKind.NUMBER_USAGE,
    "punctuation": ErrorKind.PUNCTUATION,
    "layout": ErrorKind.LAYOUT,
    "political": ErrorKind.POLITICAL,
    "typo.traditional": ErrorKind.SCRIPT,
    "number.jiezhi_before_time": ErrorKind.CHARACTER,  # 截止/截至: a wrong character (typo.confusion says so too)
    # the document-level number checks find figures that contradict each other: facts, not usage
    "number.headline_body": ErrorKind.FACT,
    "number.total_parts": ErrorKind.FACT,
    "number.rate": ErrorKind.FACT,
    "number.weekday": ErrorKind.FACT,
    "number.date_invalid": ErrorKind.FACT,
    "number.enumeration_count": ErrorKind.FACT,
    "number.repeated_quantity": ErrorKind.FACT,
    "number.unit_mismatch": ErrorKind.FACT,
}

#: Rules whose findings are about an important name (an official's name, post, rank): a newspaper doubles them.
IMPORTANT_NAMES = frozenset(
    {
        "political.official_post",
        "political.official_outdated",
        "political.official_removed",
        "political.official_name",
        "political.leader_order",
    }
)

#: Paragraphs whose errors count double for a newspaper: headlines (and the column heads and page
#: furniture the engine classifies as headlines).
PROMINENT = frozenset({ParagraphKind.HEADLINE, ParagraphKind.SUBHEADLINE})


def error_kind(rule: str) -> ErrorKind:
    """The kind of error ``rule`` reports (a rule of an unknown category counts as wrong characters)."""
    parts = rule.split(".")
    for length in range(len(parts), 0, -1):
        kind = ERROR_KINDS.get(".".join(parts[:length]))
        if kind is not None:
            return kind
    return ErrorKind.CHARACTER


@dataclass(frozen=True)
class CountingRules:
    """How one kind of publication counts errors; every figure is a setting.

    ``character_steps``: (at least this many wrong characters in one place, weight), ascending.
    ``number_usage_cap``: the most number-usage slips may add up to in one issue (None: no cap).
    ``prominent_factor``: the factor for errors in headlines (`PROMINENT`).
    ``important_name_factor``: the factor for errors in important names (`IMPORTANT_NAMES`).
    ``repeat_cap``: how many times the same error (rule, text, fix) counts in one issue.
    ``script``: what a traditional or variant character counts (None: as wrong characters).
    """

    publication: Publication
    pass_limit: float
    character_steps: tuple[tuple[int, float], ...] = ((1, 1.0), (2, 2.0), (6, 4.0))
    fact: float = 1.0
    political: float = 1.0
    number_usage: float = 0.1
    number_usage_cap: float | None = 1.0
    punctuation: float = 0.5
    script: float | None = None
    prominent_factor: float = 2.0
    important_name_factor: float = 2.0
    repeat_cap: int = 3

    def weight(self, kind: ErrorKind, wrong_characters: int) -> float:
        """What one error of ``kind`` counts before the headline factor and the caps."""
        if kind is ErrorKind.CHARACTER or (kind is ErrorKind.SCRIPT and self.script is None):
            return max((weight for least, weight in self.character_steps if wrong_characters >= least), default=0.0)
        return {
            ErrorKind.FACT: self.fact,
            ErrorKind.POLITICAL: self.political,
            ErrorKind.NUMBER_USAGE: self.number_usage,
            ErrorKind.PUNCTUATION: self.punctuation,
            ErrorKind.SCRIPT: self.script,
            ErrorKind.LAYOUT: 0.0,
        }[kind]


NEWSPAPER = CountingRules(Publication.NEWSPAPER, pass_limit=3.0)
PERIODICAL = CountingRules(Publication.PERIODICAL, pass_limit=2.0)
#: A book counts a place once however many characters are wrong, a knowledge or logic error 2, a
#: political error 3 (important names are not doubled: the weight says it), a wrong number 1, a traditional
#: or variant character in simplified text 0.5; the same typo 1 per page and at most 4 in a book (a draft
#: has no pages: at most 4).
BOOK = CountingRules(
    Publication.BOOK,
    pass_limit=1.0,
    character_steps=((1, 1.0),),
    fact=2.0,
    political=3.0,
    number_usage=1.0,
    number_usage_cap=None,
    punctuation=0.5,
    script=0.5,
    prominent_factor=1.0,
    important_name_factor=1.0,
    repeat_cap=4,
)
RULES: dict[Publication, CountingRules] = {rules.publication: rules for rules in (NEWSPAPER, PERIODICAL, BOOK)}


def counting_rules(publication: Publication | str = Publication.NEWSPAPER) -> CountingRules:
    """The default rules of a publication kind, by the kind or its Chinese name (报纸, 期刊, 图书)."""
    try:
        return RULES[Publication(publication)]
    except ValueError:
        known = "、".join(kind.value for kind in Publication)
        raise ValueError(f"未知的出版物类型：{publication}（可用：{known}）") from None


def countable_characters(texts: Iterable[str]) -> int:
    """The denominator: every character of the text except whitespace."""
    return sum(1 for text in texts for character in text if not character.isspace())


def wrong_characters(issue: Issue) -> int:
    """How many characters are wrong in one place: what its fix replaces or inserts (the flagged text without one)."""
    if not issue.fixes:
        return len(issue.text)
    return sum(max(fix.end - fix.start, len(fix.replacement)) for fix in issue.fixes)


def guess_rules() -> frozenset[str]:
    """The rules of the statistical checks (`Precedence.GUESS` in the engine's registry): their findings are 待核."""
    from editor.core.engine import Precedence, load_checks  # the engine runs checks; counting only needs its registry

    return frozenset(
        rule.id
        for check in load_checks().checks.values()
        if check.precedence is Precedence.GUESS
        for rule in check.rules()
    )


@dataclass(frozen=True)
class Checked:
    """One checked draft as counting needs it: its paragraphs' texts and kinds, and the findings."""

    texts: Sequence[str]
    kinds: Sequence[ParagraphKind]
    issues: Sequence[Issue]
    #: where each paragraph stands on the printed page (`Source.place`; empty unless read from a PDF)
    places: Sequence[PrintedPlace | None] = ()

    @classmethod
    def of(cls, document: Document, issues: Iterable[Issue]) -> Checked:
        """A checked document (`CheckResult.classified`, whose kinds the engine recognised) and its findings."""
        paragraphs = document.paragraphs
        places = [paragraph.source.place for paragraph in paragraphs]
        return cls(document.texts, [p.kind for p in paragraphs], tuple(issues), places if any(places) else ())

    def place_of(self, paragraph: int) -> PrintedPlace | None:
        return self.places[paragraph] if paragraph < len(self.places) else None

    def place_fields(self, paragraph: int) -> dict:
        """``page`` and ``column`` of the paragraph for JSON and the report (None for a draft without pages)."""
        place = self.place_of(paragraph)
        return place.fields() if place else dict(NO_PLACE_FIELDS)

    def kind_of(self, paragraph: int) -> ParagraphKind:
        return self.kinds[paragraph] if paragraph < len(self.kinds) else ParagraphKind.BODY


class Status(str, Enum):
    """Whether a finding is in the rate."""

    COUNTED = "计入"
    PENDING = "待核"  # a statistical guess: not an error until a person confirms it
    NOT_COUNTED = "不计"  # a layout cut, advice


@dataclass(frozen=True)
class Weighed:
    """One finding as counted: its kind of error, its status and what it adds (0 for a repeat beyond the cap)."""

    issue: Issue
    kind: ErrorKind
    status: Status
    points: float = 0.0
    prominent: bool = False  # in a headline
    repeat: int = 1  # the how-manieth occurrence of the same error this is


@dataclass(frozen=True)
class Assessment:
    """The 差错率 of one draft or of a batch (one issue of the paper), and what went into it.

    ``weighed`` holds every finding given, in the order given.
    """

    rules: CountingRules
    characters: int
    weighed: tuple[Weighed, ...]
    points: float = field(init=False)

    def __post_init__(self) -> None:
        usage = sum(w.points for w in self.counted if w.kind is ErrorKind.NUMBER_USAGE)
        cap = self.rules.number_usage_cap
        others = sum(w.points for w in self.counted if w.kind is not ErrorKind.NUMBER_USAGE)
        object.__setattr__(self, "points", round(others + (usage if cap is None else min(usage, cap)), 6))

    @property
    def counted(self) -> tuple[Weighed, ...]:
        return tuple(w for w in self.weighed if w.status is Status.COUNTED)

    @property
    def pending(self) -> tuple[Issue, ...]:
        """待核: the statistical guesses, listed apart and not in the rate."""
        return tuple(w.issue for w in self.weighed if w.status is Status.PENDING)

    @property
    def uncounted(self) -> tuple[Issue, ...]:
        """Layout cuts and advice."""
        return tuple(w.issue for w in self.weighed if w.status is Status.NOT_COUNTED)

    @property
    def rate(self) -> float:
        """Errors per 10,000 characters (0 for a text without characters)."""
        return self.points * 10_000 / self.characters if self.characters > 0 else 0.0

    @property
    def passes(self) -> bool:
        return self.rate <= self.rules.pass_limit + 1e-9

    @property
    def verdict(self) -> str:
        return "合格" if self.passes else "不合格"

    @property
    def summary(self) -> str:
        """One line, as the report and the command line say it: 差错率 0.83/万（报纸，合格）…"""
        pending = f"，另有待核 {len(self.pending)} 处" if self.pending else ""
        return (
            f"差错率 {self.rate:.2f}/万（{self.rules.publication.value}，"
            f"≤{self.rules.pass_limit:g}/万为合格：{self.verdict}），"
            f"计 {self.points:g} 个差错 / {self.characters} 字（不计空白）{pending}"
        )


def assess(
    drafts: Iterable[Checked], rules: CountingRules = NEWSPAPER, guesses: Collection[str] | None = None
) -> Assessment:
    """Count the findings of ``drafts`` (one draft, or every draft of one issue) by ``rules``.

    ``guesses`` are the rule ids whose findings are 待核 (by default the engine's statistical checks).
    The caps (repeats, number usage) hold across all the drafts given: they are one issue of the paper.
    """
    drafts = list(drafts)
    if guesses is None:  # the registry is read only when there is something to count (the editor's first status)
        guesses = guess_rules() if any(draft.issues for draft in drafts) else frozenset()
    return Assessment(
        rules, sum(countable_characters(draft.texts) for draft in drafts), tuple(_weigh(drafts, rules, guesses))
    )


def _weigh(drafts: list[Checked], rules: CountingRules, guesses: Collection[str]) -> Iterable[Weighed]:
    seen: Counter[tuple[str, str, str | None]] = Counter()
    for draft in drafts:
        for issue in draft.issues:
            kind = error_kind(issue.rule)
            if issue.rule in guesses:
                yield Weighed(issue, kind, Status.PENDING)
            elif kind is ErrorKind.LAYOUT or issue.severity is Severity.INFO:
                yield Weighed(issue, kind, Status.NOT_COUNTED)
            else:
                key = (issue.rule, issue.text, issue.replacement)
                seen[key] += 1
                prominent = draft.kind_of(issue.paragraph) in PROMINENT
                points = rules.weight(kind, wrong_characters(issue)) * (rules.prominent_factor if prominent else 1.0)
                if issue.rule in IMPORTANT_NAMES:
                    points *= rules.important_name_factor
                yield Weighed(
                    issue, kind, Status.COUNTED, points if seen[key] <= rules.repeat_cap else 0.0, prominent, seen[key]
                )
