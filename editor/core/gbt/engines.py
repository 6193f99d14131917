"""The pattern and substitution engines: turn a rule's data into findings in one paragraph.

A pattern rule is a regular expression, optional context that silences it
(``unless_before`` / ``unless_after``), an optional named test of the match
(``when``) and a suggestion template such as ``{1}%{2}{3}``. A placeholder may name a
filter (``{1:cn}``) that rewrites the group, e.g. Arabic to Chinese numerals. A
substitution rule is a table of wrong → right strings.

A plain ``{n}`` keeps group n where it stands: the fix changes only the text between the
groups the suggestion keeps, one point edit per stretch (`Finding.edits`). So
``（{1}{2}）`` changes the two brackets and never the words between them, and ``{1}%{2}{3}``
inserts one ``%``: neither overlaps the fixes of other rules inside the run. The kept
groups are the longest run of plain placeholders in the order of their groups (in
``{1}{4}{2}{3}{4}`` the first ``{4}`` is inserted text, the last one is kept).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from editor.core.fixes import Fix
from editor.core.gbt import numerals
from editor.core.gbt.rules import Rule, RuleError
from editor.core.issue import Issue

#: How far before and after a match the ``unless_*`` context looks.
CONTEXT_WINDOW = 12
_FULLWIDTH_MARKS = str.maketrans(",;:?!.", "，；：？！。")
_PLACEHOLDER = re.compile(r"\{(\d+)(?::(\w+))?\}")

FILTERS: dict[str, Callable[[str], str]] = {
    "cn": numerals.to_chinese,
    "ar": numerals.to_arabic_text,
    "half": numerals.to_halfwidth,
    "pair": numerals.approximate_pair,
    "year4": numerals.full_year,
    "full": lambda text: text.translate(_FULLWIDTH_MARKS),
    "circle": lambda text: text.replace("零", "〇").replace("○", "〇").replace("O", "〇"),
}

#: Named tests a match must pass (for what a regular expression cannot say).
TESTS: dict[str, Callable[[re.Match], bool]] = {
    "consecutive": lambda match: numerals.consecutive(match.group(1), match.group(2)),
    "month_day": lambda match: numerals.valid_month_day(match.group(1), match.group(2)),
    "month": lambda match: 1 <= int(match.group(2)) <= 12,
    "year_in_sequence": lambda match: (
        match.group("clause") is None or numerals.dates_a_sequence(match.string, match.start(1))
    ),
}


@dataclass(frozen=True)
class Finding:
    """A span of a paragraph a rule flags, and what it suggests instead (None: no automatic fix).

    ``edits`` are the point edits ``(start, end, replacement)`` that turn the span into the
    suggestion, leaving the groups the suggestion keeps untouched.
    """

    start: int
    end: int
    suggestion: str | None
    edits: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class _Token:
    """A piece of a suggestion template: literal text, or a placeholder (``group``, ``filter``, ``kept``)."""

    literal: str = ""
    group: int | None = None
    filter: str | None = None
    kept: bool = False


def _tokens(template: str) -> tuple[_Token, ...]:
    """The template as literal text and placeholders, the kept ones marked (see the module docstring)."""
    tokens: list[_Token] = []
    position = 0
    for placeholder in _PLACEHOLDER.finditer(template):
        if placeholder.start() > position:
            tokens.append(_Token(literal=template[position : placeholder.start()]))
        tokens.append(_Token(group=int(placeholder.group(1)), filter=placeholder.group(2)))
        position = placeholder.end()
    if position < len(template):
        tokens.append(_Token(literal=template[position:]))
    plain = [index for index, token in enumerate(tokens) if token.group and token.filter is None]
    kept = _longest_increasing(plain, lambda index: tokens[index].group)
    return tuple(_Token(t.literal, t.group, t.filter, index in kept) for index, t in enumerate(tokens))


def _longest_increasing(items: list[int], key: Callable[[int], int]) -> set[int]:
    """The items of the longest run whose keys strictly increase (the first such run at a tie)."""
    best: list[list[int]] = []
    for item in items:
        chains = [chain for chain in best if key(chain[-1]) < key(item)]
        best.append([*max(chains, key=len, default=[]), item])
    return set(max(best, key=len, default=[]))


def render(template: str, match: re.Match) -> str:
    """Fill ``{n}`` / ``{n:filter}`` placeholders of ``template`` from ``match``."""

    def replace(placeholder: re.Match) -> str:
        text = match.group(int(placeholder.group(1))) or ""
        name = placeholder.group(2)
        return FILTERS[name](text) if name else text

    return _PLACEHOLDER.sub(replace, template)


class PatternEngine:
    """Runs one pattern (or substitution) rule over paragraph texts."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        table = rule.option("table")
        if rule.engine == "substitution":
            if not isinstance(table, dict) or not table:
                raise RuleError(f"规则 {rule.id} 缺少字段 table")
            keys = sorted(table, key=len, reverse=True)
            self.table = {str(key): str(value) for key, value in table.items()}
            self.pattern = re.compile("|".join(re.escape(key) for key in keys))
        else:
            self.table = None
            try:
                self.pattern = re.compile(rule.option("pattern") or "")
            except re.error as error:
                raise RuleError(f"规则 {rule.id} 的正则有误：{error}") from None
            if not self.pattern.pattern:
                raise RuleError(f"规则 {rule.id} 缺少字段 pattern")
        self.group = int(rule.option("group", 0))
        self._check_template()
        self.tokens = _tokens(rule.suggestion) if self.table is None and rule.suggestion is not None else ()
        self.before = _compile(rule, "unless_before")
        self.after = _compile(rule, "unless_after")
        test = rule.option("when")
        if test is not None and test not in TESTS:
            raise RuleError(f"规则 {rule.id} 的条件 {test} 未知")
        self.test = TESTS.get(test) if test else None
        trigger = rule.option("trigger")
        self.trigger = re.compile(f"[{re.escape(str(trigger))}]") if trigger else None

    def _check_template(self) -> None:
        """A suggestion naming a group the pattern lacks, or an unknown filter, is a broken rule file."""
        template = "" if self.table is not None else self.rule.suggestion or ""
        for placeholder in _PLACEHOLDER.finditer(template):
            if int(placeholder.group(1)) > self.pattern.groups:
                raise RuleError(f"规则 {self.rule.id} 的建议引用了不存在的分组 {placeholder.group(1)}")
            if placeholder.group(2) and placeholder.group(2) not in FILTERS:
                raise RuleError(f"规则 {self.rule.id} 的建议用了未知的转换 {placeholder.group(2)}")

    def find(self, text: str) -> list[Finding]:
        if self.trigger is not None and self.trigger.search(text) is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            start, end = match.span(self.group)
            if self.before and self.before.search(text, max(0, start - CONTEXT_WINDOW), start):
                continue
            if self.after and self.after.match(text[end : end + CONTEXT_WINDOW]):
                continue
            if self.test and not self.test(match):
                continue
            suggestion = self._suggest(match)
            edits = self._edits(match, start, end) if self.tokens else ((start, end, suggestion),)
            found.append(Finding(start, end, suggestion, edits if suggestion is not None else ()))
        return found

    def _edits(self, match: re.Match, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
        """The point edits that turn ``[start, end)`` into the rendered suggestion, keeping the kept groups."""
        edits: list[tuple[int, int, str]] = []
        position, pending = start, ""
        for token in self.tokens:
            if token.kept and match.start(token.group) >= position and match.end(token.group) <= end:
                edits.append((position, match.start(token.group), pending))
                position, pending = match.end(token.group), ""
            elif token.group is not None:
                text = match.group(token.group) or ""
                pending += FILTERS[token.filter](text) if token.filter else text
            else:
                pending += token.literal
        edits.append((position, end, pending))
        return tuple(edits)

    def _suggest(self, match: re.Match) -> str | None:
        if self.table is not None:
            return self.table[match.group(0)]
        if self.rule.suggestion is None:
            return None
        return render(self.rule.suggestion, match)

    def issues(self, index: int, text: str) -> list[Issue]:
        return [
            make_issue(self.rule, index, text, f.start, f.end, f.suggestion, edits=f.edits) for f in self.find(text)
        ]


def _compile(rule: Rule, key: str) -> re.Pattern | None:
    source = rule.option(key)
    if not source:
        return None
    try:
        return re.compile(source)
    except re.error as error:
        raise RuleError(f"规则 {rule.id} 的 {key} 正则有误：{error}") from None


def make_issue(
    rule: Rule,
    index: int,
    text: str,
    start: int,
    end: int,
    suggestion: str | None = None,
    message: str | None = None,
    edits: tuple[tuple[int, int, str], ...] = (),
) -> Issue:
    """An issue of ``rule`` on ``text[start:end]`` of paragraph ``index``; ``edits`` are its point edits, if any."""
    fixes = tuple(
        fix
        for edit_start, edit_end, replacement in edits
        if (fix := Fix.replacing(index, edit_start, text[edit_start:edit_end], replacement)) is not None
    )
    return Issue.on(
        rule.id,
        rule.category,
        rule.severity,
        index,
        text,
        start,
        end,
        message or rule.message,
        *([] if suggestion is None else [suggestion]),
        safe=rule.safe,
        fixes=fixes,
    )
