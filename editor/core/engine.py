"""The registry of checks and the one way to run them, shared by the CLI and the GUI.

Checks register themselves when their module under `editor.core.checks` is imported.
Layout checks run first on the draft as read; every other check then reads the
draft as it will be after layout repair, and its findings are mapped back onto the
paragraphs as read (a word cut in two by a column jump is not a typo).

One slip, one finding: where findings of the other checks overlap, the one from the
check of higher `Precedence` is kept (see `one_finding_per_span`). The statistical
guess (`typo.lm`) thus yields to the rules (confusion list, idioms, names) wherever
they report the same characters, without knowing which rules exist or ran.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, IntEnum

from editor.core.cancellation import CancelToken, cancellable, checkpoint, reporting
from editor.core.data_stamp import data_stamp
from editor.core.document import Document, Paragraph
from editor.core.issue import Category, Issue
from editor.core.layout.analysis import classify
from editor.core.repair import RepairedDocument, apply_fixes
from editor.core.result_cache import ResultCache
from editor.core.rule_info import RuleInfo

logger = logging.getLogger(__name__)

ParagraphCheckFn = Callable[[int, Paragraph], Iterable[Issue]]
DocumentCheckFn = Callable[[Document], Iterable[Issue]]
#: ``progress(done, total)``: units of work done, one per paragraph each check read (or got through, see `checkpoint`).
Progress = Callable[[int, int], None]


class Scope(str, Enum):
    PARAGRAPH = "paragraph"
    DOCUMENT = "document"


class Precedence(IntEnum):
    """How specific a check's findings are; on overlapping characters the more specific finding wins.

    ``RULE``: a check that knows the wrong form it reports (a confusion entry, an
    idiom, a name spelt two ways, a number rule); the default. ``GUESS``: a
    statistical check that only suspects something (the language model); its
    finding is dropped where a competing ``RULE`` finding (same category; typo and
    name compete with each other) covers any of the same characters.
    """

    GUESS = 0
    RULE = 1


@dataclass(frozen=True)
class Check:
    """A registered check: a stable dotted id, its category, its function, the rules it reports, its precedence.

    ``rules()`` lists every rule id its findings may carry (read again at each run: the
    rule files' user overrides add and remove rules while the app runs).
    """

    id: str
    category: Category
    scope: Scope
    run: Callable[..., Iterable[Issue]]
    rules: Callable[[], Sequence[RuleInfo]]
    precedence: Precedence = Precedence.RULE


Rules = Sequence[RuleInfo] | Callable[[], Sequence[RuleInfo]]


def _rules_of(rules: Rules) -> Callable[[], Sequence[RuleInfo]]:
    """A check's rules as a function: a fixed list (Python checks) or one read from rule files."""
    if callable(rules):
        return rules
    fixed = tuple(rules)
    return lambda: fixed


@dataclass
class Registry:
    """All checks by id. Decorators add to it; `Engine` runs what is enabled."""

    checks: dict[str, Check] = field(default_factory=dict)

    def add(self, check: Check) -> None:
        if check.id in self.checks:
            raise ValueError(f"check {check.id!r} is registered twice")
        self.checks[check.id] = check

    def paragraph_check(
        self, id: str, category: Category, rules: Rules, precedence: Precedence = Precedence.RULE
    ) -> Callable[[ParagraphCheckFn], ParagraphCheckFn]:
        """Register ``fn(index, paragraph) -> issues``: stateless, sees one paragraph."""

        def register(fn: ParagraphCheckFn) -> ParagraphCheckFn:
            self.add(Check(id, category, Scope.PARAGRAPH, fn, _rules_of(rules), precedence))
            return fn

        return register

    def document_check(
        self, id: str, category: Category, rules: Rules, precedence: Precedence = Precedence.RULE
    ) -> Callable[[DocumentCheckFn], DocumentCheckFn]:
        """Register ``fn(document) -> issues``: sees the whole document (consistency, layout)."""

        def register(fn: DocumentCheckFn) -> DocumentCheckFn:
            self.add(Check(id, category, Scope.DOCUMENT, fn, _rules_of(rules), precedence))
            return fn

        return register

    def catalogue(self) -> list[RuleInfo]:
        """Every rule the registered checks can report, in registration order (the preferences list them)."""
        return [rule for check in self.checks.values() for rule in check.rules()]


registry = Registry()
_loaded = False


def load_checks() -> Registry:
    """Import every module under `editor.core.checks` once, so that they register."""
    global _loaded
    if not _loaded:
        import editor.core.checks as package

        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
        _loaded = True
    return registry


def parse_categories(text: str | None) -> set[Category]:
    """Parse a comma-separated list of category names (``typo,number``); raise ValueError on an unknown one."""
    if not text:
        return set()
    names = [name.strip() for name in text.split(",") if name.strip()]
    try:
        return {Category(name) for name in names}
    except ValueError:
        known = ", ".join(category.value for category in Category)
        raise ValueError(f"未知的类别：{text}（可用：{known}）") from None


def select_categories(only: str | None = None, skip: str | None = None) -> set[Category]:
    """The categories to check from ``--only`` and ``--skip``."""
    selected = parse_categories(only) or set(Category)
    return selected - parse_categories(skip)


@dataclass
class CheckResult:
    """What a check run found, and the repaired view the non-layout checks read."""

    issues: list[Issue]
    repaired: RepairedDocument

    @property
    def classified(self) -> Document:
        """The document as read, every paragraph's kind (headline, byline, body…) recognised by the engine."""
        return self.repaired.draft


class Engine:
    """Runs the enabled checks over a document.

    ``disabled`` holds rule ids or prefixes (``typo``, ``typo.confusion``,
    ``layout.split_word``) switched off in the preferences. A check runs when any rule
    it reports is enabled, and its findings are kept by their own rule id, so one rule
    switched off is that rule alone. Only kept layout findings are applied before the
    other checks read the repaired text: a layout rule switched off joins nothing.
    """

    def __init__(self, categories: set[Category] | None = None, disabled: Iterable[str] = ()) -> None:
        self.categories = set(Category) if categories is None else set(categories)
        self.disabled = tuple(disabled)
        self.registry = load_checks()

    def enabled(self, rule: str) -> bool:
        return not any(rule == prefix or rule.startswith(prefix + ".") for prefix in self.disabled)

    def _checks(self, layout: bool) -> list[Check]:
        return [
            check
            for check in self.registry.checks.values()
            if check.category in self.categories
            and (check.category is Category.LAYOUT) == layout
            and any(self.enabled(rule.id) for rule in check.rules())
        ]

    def _keep(self, issue: Issue) -> bool:
        return issue.category in self.categories and self.enabled(issue.rule)

    def check(
        self,
        document: Document,
        cache: ResultCache | None = None,
        cancel: CancelToken | None = None,
        progress: Progress | None = None,
    ) -> CheckResult:
        """Classify the paragraphs, run the enabled checks, keep one finding per span.

        ``cache`` remembers paragraph-check findings between runs (the check service
        passes one; the CLI none), keyed by everything they depend on. ``cancel`` stops
        the run with `Cancelled` at the next `checkpoint`; ``progress`` hears of every
        unit of work done.
        """
        with cancellable(cancel):
            document = classify(document)
            layout_checks, other_checks = self._checks(layout=True), self._checks(layout=False)
            total = len(document.paragraphs) * len(layout_checks + other_checks)
            run = _Run(cache, self._cache_scope() if cache is not None else (), progress, max(1, total))
            layout_issues = [
                issue for check in layout_checks for issue in run.check(check, document) if self._keep(issue)
            ]
            repaired = apply_fixes(document, layout_issues)
            ranked = [
                (check.precedence, issue)
                for check in other_checks
                for issue in run.check(check, repaired.document)
                if self._keep(issue)
            ]
            run.finish()
        found = [repaired.map_issue(issue) for issue in one_finding_per_span(ranked)]
        issues = sorted(layout_issues + found, key=lambda issue: (issue.paragraph, issue.start, issue.end, issue.rule))
        return CheckResult(issues, repaired)

    def _cache_scope(self) -> tuple:
        """What every cached finding of this run depends on besides its check and paragraph."""
        return (frozenset(self.categories), self.disabled, data_stamp())


class _Run:
    """One `Engine.check`: its cache look-ups, cancellation points and progress count."""

    def __init__(self, cache: ResultCache | None, scope: tuple, progress: Progress | None, total: int) -> None:
        self.cache, self.scope, self.progress, self.total = cache, scope, progress, total
        self.done = 0

    def check(self, check: Check, document: Document) -> list[Issue]:
        checkpoint()
        start, units = self.done, len(document.paragraphs)
        if check.scope is Scope.DOCUMENT:
            with reporting(lambda done, total: self._advance_to(start + units * done // total)):
                found = list(check.run(document))
            self._advance_to(start + units)
            return found
        issues: list[Issue] = []
        for index, paragraph in enumerate(document.paragraphs):
            checkpoint()
            issues.extend(self._paragraph(check, index, paragraph))
            self._advance_to(start + index + 1)
        return issues

    def _paragraph(self, check: Check, index: int, paragraph: Paragraph) -> list[Issue] | tuple[Issue, ...]:
        if self.cache is None:
            return list(check.run(index, paragraph))
        key = (self.scope, check.id, paragraph.text, paragraph.kind)
        found = self.cache.get(key)
        if found is None:
            found = tuple(check.run(index, paragraph))
            self.cache.put(key, found)
        return [issue.renumbered(lambda n, shift=index - issue.paragraph: n + shift) for issue in found]

    def _advance_to(self, done: int) -> None:
        if done <= self.done:
            return
        self.done = done
        if self.progress is not None:
            self.progress(min(done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None and self.done < self.total:
            self.progress(self.total, self.total)


#: Categories whose findings claim exactly the characters they cover (a wrong character, a
#: misspelt name): a finding in one yields to a finding of higher precedence in any of them.
#: A punctuation or number finding may cover a whole bracketed run to fix its two marks
#: (punctuation.halfwidth_paren), so it only competes within its own category.
SPELLING = frozenset({Category.TYPO, Category.NAME})


def _compete(a: Category, b: Category) -> bool:
    return a is b or (a in SPELLING and b in SPELLING)


def one_finding_per_span(found: Iterable[tuple[Precedence, Issue]]) -> list[Issue]:
    """The findings, less each one that overlaps a competing finding of higher precedence in the same paragraph.

    Findings compete when their categories are the same or both in `SPELLING`: a
    guess on characters of a name that `name.inconsistent` reports would be a second
    finding on one slip. Findings of equal precedence are all kept, so checks of the
    default precedence behave as if this rule did not exist. Two spans overlap when
    each begins before the other ends, which is also when their fixes could not both
    be applied (an insertion point overlaps a span it falls strictly inside). Only what
    was found is compared: a rule that is switched off, or whose category is not
    checked, hides nothing. Runs on the repaired text, where every non-layout finding
    has the same coordinates, before the findings are mapped back to the draft.

    Across all categories, findings whose fixes are the same change of the text are one
    slip (截止目前: `number.jiezhi_before_time` and `typo.confusion.jie_zhi_until` both
    turn 止 into 至); see `_one_per_fix`.
    """
    found = list(found)
    spans: dict[int, list[tuple[Precedence, Category, int, int]]] = {}
    for precedence, issue in found:
        spans.setdefault(issue.paragraph, []).append((precedence, issue.category, issue.start, issue.end))
    survivors = [
        (precedence, issue)
        for precedence, issue in found
        if not any(
            higher > precedence and _compete(category, issue.category) and start < issue.end and issue.start < end
            for higher, category, start, end in spans[issue.paragraph]
        )
    ]
    return _one_per_fix(survivors)


def _one_per_fix(found: list[tuple[Precedence, Issue]]) -> list[Issue]:
    """One finding for each set of identical fixes: the most specific one, the others' rule ids in its ``also``.

    The most specific is the one of higher precedence, then the one safe to apply
    unattended (a rule sure enough of its fix to apply it alone), then the one of the
    graver kind (the category listed first in `Category`: a registered official's name
    written another way is a political error before it is a name spelt two ways, and
    counts as one), then the one that flags more of the text (it names more of the
    context), then the first in order (the findings arrive in registry order). Findings without a fix are
    all kept: two rules that only point at something may point at different things.
    """
    groups: dict[object, list[tuple[Precedence, Issue]]] = {}
    for precedence, issue in found:
        groups.setdefault(issue.fixes or id(issue), []).append((precedence, issue))
    kept = []
    for group in groups.values():
        _, best = max(group, key=_specificity)
        others = [rule for _, issue in group for rule in (issue.rule, *issue.also) if rule != best.rule]
        kept.append(replace(best, also=tuple(dict.fromkeys([*best.also, *others]))) if others else best)
    return kept


def _specificity(ranked: tuple[Precedence, Issue]) -> tuple[int, bool, int, int]:
    precedence, issue = ranked
    return precedence, issue.safe, -issue.category.rank, issue.end - issue.start


def safe_fixes(issues: Iterable[Issue]) -> list[Issue]:
    """The fixes that may be applied without review."""
    return [issue for issue in issues if issue.applies_unattended]
