"""The post printed beside a name: 区委副书记、区长恽淇丞 (post + name) and 张小虎副区长 (name + post).

Both the checks and `learn` read posts this way. A post is a chain of single posts joined by 、,
each ending in a title the name finder knows (`editor.core.names.TITLES`) or in a post of the
register; leftwards it runs over the organisation's name (区教育局局长) up to a clause mark or a
verb that cannot be part of a post (会见, 陪同). 时任, 原, 曾任 or 前 just before it make it a
past post. Two printed and registered posts agree when one ends with the other (局长 and
区教育局局长; 武进区区长 and 区长), so that a post written shorter or longer is not a slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from editor.core.han import is_han
from editor.core.names import TITLES

#: Words that end a post leftwards: what stands before a post in a sentence, not inside it.
_BEFORE_POST = frozenset(
    "，。；：、“”‘’（）《》！？ \u3000"  # clause marks
    "了的在和与及由同向对请是为称说到任陪见望问看邀经据把被将让给"  # words that stand before a post
    "讯电应"  # the end of a dateline (新华社北京1月5日讯, …日电), 应…邀请
)
#: Titles of a profession or degree, not a post the register holds (an official may well be a 教授 too).
_NOT_POSTS = frozenset({"教授", "研究员", "博士", "医生", "主任医师", "老师"})
_PAST = ("时任", "曾任", "原任", "原", "前")
_MAX_POST = 16


@dataclass(frozen=True)
class PrintedPost:
    """A post as printed beside a name: ``text[start:end]``, its single posts, and whether it is a past one."""

    start: int
    end: int
    text: str
    parts: tuple[str, ...]
    past: bool


def agrees(printed: str, registered: str) -> bool:
    """Whether a printed single post names the registered one (one ends with the other)."""
    return printed.endswith(registered) or registered.endswith(printed)


@lru_cache(maxsize=64)
def _titles(known: frozenset[str]) -> tuple[str, ...]:
    """Titles and registered posts, longest first, so that 副区长 is tried before 区长."""
    return tuple(sorted((set(TITLES) - _NOT_POSTS) | known, key=len, reverse=True))


def _title_ending_at(text: str, end: int, titles: tuple[str, ...]) -> int | None:
    return next((end - len(title) for title in titles if text.endswith(title, 0, end)), None)


def _part_start(text: str, title_start: int, floor: int) -> int:
    """Where a single post ending in a title starts: leftwards over the organisation's name.

    An organisation's name longer than a post can be is cut somewhere inside a word: then only
    the title is taken (组长, not 务院军队转业干部安置工作小组组长).
    """
    start = title_start
    while start > floor and _inside_post(text[start - 1]):
        start -= 1
    return title_start if start == floor and floor > 0 and _inside_post(text[floor - 1]) else start


def _inside_post(character: str) -> bool:
    return is_han(character) and character not in _BEFORE_POST


def post_before(text: str, name_start: int, known: frozenset[str] = frozenset()) -> PrintedPost | None:
    """The post printed just before a name at ``name_start`` (区委副书记、区长|恽淇丞), or None."""
    titles = _titles(known)
    end, parts, start = name_start, [], name_start
    while True:
        title_start = _title_ending_at(text, end, titles)
        if title_start is None:
            break
        floor = max(0, end - _MAX_POST)
        start = _part_start(text, title_start, floor)
        parts.insert(0, text[start:end])
        if start > 0 and text[start - 1] == "、" and _title_ending_at(text, start - 1, titles) is not None:
            end = start - 1
            continue
        break
    if not parts:
        return None
    first = parts[0]
    past = next((word for word in _PAST if first.startswith(word) and len(first) > len(word)), None)
    if past:  # 原区长: the mark is not part of the post
        parts[0], start = first[len(past) :], start + len(past)
    past = past or text[:start].endswith(_PAST)
    return PrintedPost(start, name_start, text[start:name_start], tuple(parts), bool(past))


#: What follows a post printed after a name: a clause mark, or a verb of the news (张小虎副区长通报了汛情).
_AFTER_TITLE = re.compile(
    r"[，。、；：）\s]|$|主持|出席|指出|表示|强调|介绍|讲话|致辞|说|一行|等|在|参加|陪同|调研|通报|作|宣读|汇报"
    r"|带领|率|现场|就|对|向|与|和|及|要求|提出|希望|代表|为|来到|深入|前往|先后|也|还|一起|亲切|详细|认真|听取|察看"
)


def post_after(text: str, name_end: int, known: frozenset[str] = frozenset()) -> PrintedPost | None:
    """A post printed just after a name (张小虎|副区长主持), followed by a clause mark or a verb; or None."""
    for title in _titles(known):
        if text.startswith(title, name_end) and _AFTER_TITLE.match(text, name_end + len(title)):
            past = text[:name_end].endswith(_PAST)
            return PrintedPost(name_end, name_end + len(title), title, (title,), past)
    return None


def posts_beside(text: str, start: int, end: int, known: frozenset[str] = frozenset()) -> Iterable[PrintedPost]:
    """The posts printed before and after a name at ``text[start:end]``."""
    for post in (post_before(text, start, known), post_after(text, end, known)):
        if post is not None:
            yield post
