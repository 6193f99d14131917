"""The items a body lists by name, where a headline counts them: 6家企业 in the headline, the companies named below.

A report on a list (名单) often gives no count in the body: it names the companies,
villages or schools, in groups (A、B、C入选；D、E也榜上有名). Each group is a run of
names joined by 、/和/及/与 standing at the start of a clause (after an opening such as
我区, 其中, 分别是); a name is recognised by the ending its kind takes (有限公司, 村,
小学). A group followed by 等 is open: the names are examples, not the list, and
nothing is counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.han import HAN

#: What a headline counts (its unit and the noun after it) → the ending of one such name.
NAME_ENDINGS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("家", ("企业", "公司", "单位"), r"(?:股份有限公司|有限责任公司|有限公司|股份公司|集团|公司)"),
    ("家", ("医院", "医疗"), r"(?:医院|卫生院)"),
    ("个", ("村",), r"村"),
    ("个", ("社区",), r"社区"),
    ("个", ("项目",), r"项目"),
    ("所", ("学校", "中小学", "小学", "中学", "幼儿园"), r"(?:小学|中学|学校|幼儿园)"),
)
#: Words that may open a clause before its names.
_OPENING = r"(?:我[区市县省]|全[区市县]|其中|分别是|分别为|依次是|包括|还有|另有|以及|此外)?[，：]?"
_CLAUSE_START = re.compile(r"(?:^|(?<=[，。；：！？]))")
_JOINERS = r"(?:、|和|及|与|以及)"
#: A name starts with its own words, not with a pointer (这个村, 该公司, 全村).
_NOT_A_NAME = r"(?![这那该各全本每此我其和及与以])"


#: What a clause says of a single name that is said of the names before it too.
_ALSO = ("也", "亦", "同样", "均", "都", "还", "则")


@dataclass(frozen=True)
class Group:
    """One run of names at the start of a clause, and the clause's words after it (入选, 也榜上有名)."""

    names: tuple[str, ...]
    rest: str


def _name(ending: str) -> str:
    return rf"{_NOT_A_NAME}[{HAN}（）]{{2,24}}?{ending}"


def _run(ending: str) -> re.Pattern[str]:
    name = _name(ending)
    return re.compile(rf"{_OPENING}(?P<run>{name}(?:{_JOINERS}{name})*)(?P<rest>[^，。；！？]*)")


def _kind(unit: str, after: str) -> tuple[str, str] | None:
    """(the noun counted, the ending of its names) for a count ``unit`` followed by ``after`` (个 + 村获评)."""
    for named_unit, nouns, ending in NAME_ENDINGS:
        noun = next((noun for noun in nouns if after.startswith(noun)), None)
        if unit == named_unit and noun is not None:
            return noun, ending
    return None


def action(unit: str, after: str) -> str:
    """What the words after a count say happened to what it counts (6家企业入选 → 入选), two characters."""
    kind = _kind(unit, after)
    return after[len(kind[0]) :][:2] if kind else ""


def listed_groups(texts: Sequence[str], paragraphs: Sequence[int], unit: str, after: str) -> list[Group] | None:
    """The groups of names of what ``unit`` + ``after`` counts (家 + 企业入选) in ``paragraphs``.

    None when the kind has no name ending known here, or when a group is open (等).
    """
    kind = _kind(unit, after)
    if kind is None:
        return None
    ending = kind[1]
    run, name = _run(ending), re.compile(rf"(?:^|(?<=、)|(?<=和)|(?<=及)|(?<=与))({_name(ending)})")
    groups = []
    for paragraph in paragraphs:
        text = texts[paragraph]
        for start in _CLAUSE_START.finditer(text):
            match = run.match(text, start.end())
            if match is None:
                continue
            if match.group("rest").startswith("等"):
                return None
            names = tuple(found.group(1) for found in name.finditer(match.group("run")))
            groups.append(Group(names, match.group("rest")))
    return _in_the_list(groups)


def _in_the_list(groups: list[Group]) -> list[Group]:
    """The groups of the list: runs of two names or more, and single names said the same of (入选 / 也入选).

    A single name at a clause start is as often the subject of a sentence of its own
    (省特色田园乡村建设工作联席会议…), so it counts only beside a run.
    """
    runs = [group for group in groups if len(group.names) >= 2]
    verbs = {group.rest[:2] for group in runs if len(group.rest) >= 2}
    return [
        group
        for group in groups
        if len(group.names) >= 2 or (runs and (group.rest[:2] in verbs or group.rest.startswith(_ALSO)))
    ]


def distinct(names: Sequence[str]) -> list[str]:
    """The names once each (a name written again, perhaps shortened at the front, is the same)."""
    kept: list[str] = []
    for name in names:
        if not any(other.endswith(name) or name.endswith(other) for other in kept):
            kept.append(name)
    return kept
