"""The political checks against the desk's register of officials (`editor.core.officials.register`).

Every post printed beside a registered name is read on the article's date (`article_date`):
- ``political.official_post``: a post the person does not hold and never held (副区长王某 when
  王某 is 区教育局局长);
- ``political.official_outdated``: a post that ended before that date, printed without 时任, 原 or 曾任;
- ``political.official_removed``: a person whose row says 落马 or 免职, printed in a current role;
- ``political.leader_order``: registered leaders listed out of their rank (区领导A、B、C);
- ``political.official_name``: a registered name written with a character that sounds or looks
  alike (恽琪丞 for 恽淇丞), found as `name.inconsistent` finds names, but against the register.
Each finding names the register row it relies on and the date it read the register on. Without
a register nothing is checked. None is safe to apply unattended: the desk decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import ahocorasick

from editor.core.cancellation import checkpoint
from editor.core.checks.names_check import collect_spellings, is_variant
from editor.core.document import Document
from editor.core.engine import registry
from editor.core.issue import Category, Issue, Severity
from editor.core.officials.article_date import ArticleDate, article_date
from editor.core.officials.posts import PrintedPost, agrees, posts_beside
from editor.core.officials.register import REMOVED, Official, Register, current_register
from editor.core.rule_info import RuleInfo

POST = "political.official_post"
OUTDATED = "political.official_outdated"
REMOVED_RULE = "political.official_removed"
ORDER = "political.leader_order"
NAME = "political.official_name"

RULES = (
    RuleInfo(
        POST,
        Category.POLITICAL,
        "职务与登记表不符",
        "登记在册的人员被写上了他在稿件日期并未担任的职务（依据干部登记表）。",
        "副区长王明出席会议。（登记表：王明，区教育局局长）",
    ),
    RuleInfo(
        OUTDATED,
        Category.POLITICAL,
        "职务已变动",
        "稿件日期前已卸任的职务仍作现职写出，未加“时任”“原”“曾任”。",
        "区长李华讲话。（登记表：李华任区长至 2021-05-31，现任区政协主席）",
    ),
    RuleInfo(
        REMOVED_RULE,
        Category.POLITICAL,
        "落马或免职人员以现职出现",
        "登记表中状态为落马或免职的人员，仍以现任职务出现在稿件中。",
        "副区长赵刚出席。（登记表：赵刚，副区长，落马）",
    ),
    RuleInfo(
        ORDER,
        Category.POLITICAL,
        "领导排序有误",
        "并列的登记在册领导未按登记表的排序（rank）排列。",
        "区领导恽淇丞、孙益锋出席。（登记表：孙益锋 rank 1，恽淇丞 rank 2）",
    ),
    RuleInfo(
        NAME,
        Category.POLITICAL,
        "领导姓名写错",
        "登记在册人员的姓名被写成音近或形近的字（依据干部登记表）。",
        "区长恽琪丞强调。（登记表：恽淇丞，区委副书记、区长）",
    ),
)


def _automaton(names: frozenset[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def _mentions(text: str, automaton: ahocorasick.Automaton) -> Iterable[tuple[int, int, str]]:
    for last, name in automaton.iter_long(text):
        yield last + 1 - len(name), last + 1, name


def _issue(
    rule: str, paragraph: int, text: str, start: int, end: int, message: str, suggestions: Sequence[str] = ()
) -> Issue:
    severity = Severity.WARNING if rule == ORDER else Severity.ERROR
    return Issue.on(rule, Category.POLITICAL, severity, paragraph, text, start, end, message, *suggestions)


def _posts(rows: Sequence[Official]) -> tuple[str, ...]:
    """The posts of ``rows`` as registered, each once (a person may be registered twice in one post)."""
    return tuple(dict.fromkeys(row.post for row in rows))


def _in_words(rows: Sequence[Official]) -> str:
    """The single posts of ``rows``, each once: 区委副书记、区长."""
    return "、".join(dict.fromkeys(part for row in rows for part in row.parts))


def _judge_post(
    paragraph: int, name: str, post: PrintedPost, rows: Sequence[Official], date: ArticleDate, text: str
) -> Iterable[Issue]:
    day = date.day_of(text)
    held = [row for row in rows if row.holds_on(day)]
    removed = next((row for row in rows if row.status in REMOVED), None)
    for part in post.parts:
        start = post.start + post.text.rindex(part)
        end = start + len(part)
        now = next((row for row in held if any(agrees(part, own) for own in row.parts)), None)
        ever = next((row for row in rows if any(agrees(part, own) for own in row.parts)), None)
        if post.past and ever is not None:
            continue
        if removed is not None and ever is not None and not post.past:
            yield _issue(
                REMOVED_RULE,
                paragraph,
                text,
                start,
                end,
                f"{name}已{removed.status}，不宜以“{part}”作现职出现；如指其旧职请写“原{part}”"
                f"（{removed.describe()}；{date.describe(day)}）",
                (f"原{part}",),
            )
        elif now is not None:
            continue
        elif ever is not None and ever.start is not None and ever.start > day:
            yield _issue(
                POST,
                paragraph,
                text,
                start,
                end,
                f"{name}于 {ever.start} 起才任“{part}”，稿件日期时尚未任职（{ever.describe()}；{date.describe(day)}）",
                _posts(held),
            )
        elif ever is not None:
            current = _in_words(held) or "无登记的现职"
            yield _issue(
                OUTDATED,
                paragraph,
                text,
                start,
                end,
                f"{name}任“{part}”至 {ever.end}，稿件日期时已卸任（现职：{current}）；"
                f"写旧职请加“时任”“原”（{ever.describe()}；{date.describe(day)}）",
                (*_posts(held), f"原{part}"),
            )
        else:
            current = _in_words(held)
            basis = held[0] if held else rows[0]
            yield _issue(
                POST,
                paragraph,
                text,
                start,
                end,
                f"登记表中{name}未任“{part}”"
                + (f"，现职为“{current}”" if current else "")
                + f"（{basis.describe()}；{date.describe(day)}）",
                _posts(held),
            )


def _rank(rows: Sequence[Official], day: dt.date) -> int | None:
    ranks = [row.rank for row in rows if row.rank is not None and row.holds_on(day)]
    return min(ranks) if ranks else None


def _lists(text: str, mentions: Sequence[tuple[int, int, str]]) -> Iterable[list[tuple[int, int, str]]]:
    """Runs of registered names joined by 、 only (区领导恽淇丞、孙益锋、张小虎)."""
    run: list[tuple[int, int, str]] = []
    for mention in mentions:
        if run and mention[0] == run[-1][1] + 1 and text[run[-1][1]] == "、":
            run.append(mention)
            continue
        if len(run) >= 2:
            yield run
        run = [mention]
    if len(run) >= 2:
        yield run


def _judge_order(
    paragraph: int, text: str, run: list[tuple[int, int, str]], register: Register, date: ArticleDate
) -> Issue | None:
    day = date.day_of(text)
    ranked = [(_rank(register.by_name[name], day), name) for _start, _end, name in run]
    if any(rank is None for rank, _name in ranked):
        return None
    if all(a[0] <= b[0] for a, b in zip(ranked, ranked[1:], strict=False)):
        return None
    ordered = sorted(ranked, key=lambda item: item[0])
    start, end = run[0][0], run[-1][1]
    rows = "；".join(
        f"{name} rank {rank}（登记表第 {min(r.line for r in register.by_name[name])} 行）" for rank, name in ordered
    )
    return _issue(
        ORDER,
        paragraph,
        text,
        start,
        end,
        f"领导排序与登记表不符，应为“{'、'.join(name for _rank, name in ordered)}”（{rows}；{date.describe(day)}）",
        ("、".join(name for _rank, name in ordered),),
    )


def _misspelt_names(document: Document, register: Register, date: ArticleDate) -> Iterable[Issue]:
    """Spellings the document uses as names that are one alike character from a registered name."""
    for spelling in collect_spellings(document).values():
        if spelling.name in register.by_name:
            continue
        right = next((name for name in sorted(register.names) if is_variant(spelling.name, name)), None)
        if right is None:
            continue
        row = register.by_name[right][0]
        for occurrence in spelling.occurrences:
            yield _issue(
                NAME,
                occurrence.paragraph,
                document.paragraphs[occurrence.paragraph].text,
                occurrence.start,
                occurrence.end,
                f"登记表中的姓名是“{right}”，此处作“{spelling.name}”（{row.describe()}）",
                (right,),
            )


@registry.document_check("political.officials", Category.POLITICAL, RULES)
def check_officials(document: Document) -> Iterable[Issue]:
    register = current_register()
    if not register.officials:
        return
    date = article_date(document)
    automaton = _automaton(register.names)
    known = register.posts
    for index, paragraph in enumerate(document.paragraphs):
        checkpoint(index, len(document.paragraphs))
        text = paragraph.text
        mentions = list(_mentions(text, automaton))
        for start, end, name in mentions:
            rows = register.by_name[name]
            for post in posts_beside(text, start, end, known):
                yield from _judge_post(index, name, post, rows, date, text)
        for run in _lists(text, mentions):
            found = _judge_order(index, text, run, register, date)
            if found is not None:
                yield found
    yield from _misspelt_names(document, register, date)
