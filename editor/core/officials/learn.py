"""Learn the register from the paper's archive: who was printed with which post, when, and in what order.

A desk does not start its register from nothing: its own published articles name every official
with his post (区委副书记、区长恽淇丞, 张小虎副区长) and list leaders in protocol order (区领导孙益锋、
恽淇丞、张小虎). `learn` reads a folder of articles through the ordinary readers, finds people as
`name.inconsistent` finds them (`editor.core.names.find_person_names`) and their posts as the checks
read them (`editor.core.officials.posts`), and proposes one row per person and post with the first
and last date it was seen (the article's dateline) and how often. Leader order comes from the
lists: a person printed before another in more lists ranks higher. The proposals are a CSV in the
register's columns plus ``count`` and ``last_seen``, which the desk edits (deletes the wrong rows,
fills in ``to``) and accepts into the register (`accept`); nothing enters the register unreviewed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editor.core.document import Document
from editor.core.io.atomic import write_atomically
from editor.core.names import Evidence, NameMention, find_person_names
from editor.core.officials.article_date import Origin, article_date
from editor.core.officials.posts import posts_beside
from editor.core.officials.register import COLUMNS, Official, Register, parse_rows, read_register, write_register

#: The proposal file's columns: the register's, then what the archive showed.
EXTRA_COLUMNS = ("count", "last_seen")


@dataclass
class Sighting:
    """A person printed with one post: how often, and the first and last article dates that did so."""

    name: str
    post: str
    count: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    def seen(self, day: dt.date | None) -> None:
        self.count += 1
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)


@dataclass(frozen=True)
class Proposals:
    """What the archive proposes: rows (person, post, dates, count) and a rank for everyone seen in lists."""

    sightings: tuple[Sighting, ...]
    ranks: dict[str, int]
    articles: int

    def rows(self) -> list[list[str]]:
        """The proposal file's rows, the header first: by rank, then by how often each was seen."""
        ordered = sorted(self.sightings, key=lambda s: (self.ranks.get(s.name, len(self.ranks) + 1), -s.count, s.name))
        header = [*COLUMNS, *EXTRA_COLUMNS]
        return [header] + [
            [
                s.name,
                s.post,
                s.first.isoformat() if s.first else "",
                "",
                str(self.ranks[s.name]) if s.name in self.ranks else "",
                "",
                str(s.count),
                s.last.isoformat() if s.last else "",
            ]
            for s in ordered
        ]


def learn(documents: Iterable[Document]) -> Proposals:
    """Propose register rows and leader order from published articles."""
    sightings: dict[tuple[str, str], Sighting] = {}
    before: Counter[tuple[str, str]] = Counter()
    articles = 0
    for document in documents:
        articles += 1
        date = article_date(document)
        day = date.day if date.origin != Origin.TODAY else None
        for paragraph in document.paragraphs:
            text = paragraph.text
            mentions = find_person_names(text)
            for mention in mentions:
                for post in posts_beside(text, mention.start, mention.end):
                    # a past post proposes nothing; a "post" with a name in it is none (张小虎副区长|通报了)
                    if post.past or _holds_a_name(post.start, post.end, mentions):
                        continue
                    key = (mention.name, "、".join(post.parts))
                    sightings.setdefault(key, Sighting(*key)).seen(day)
            for listed in _lists(text, mentions):
                for i, first in enumerate(listed):
                    for second in listed[i + 1 :]:
                        before[(first, second)] += 1
    return Proposals(tuple(sightings.values()), _ranks(before), articles)


def _holds_a_name(start: int, end: int, mentions: Iterable[NameMention]) -> bool:
    return any(mention.start < end and start < mention.end for mention in mentions)


def _lists(text: str, mentions: Iterable[NameMention]) -> Iterable[list[str]]:
    """The names of each enumeration of people (区领导孙益锋、恽淇丞、张小虎出席), in their printed order."""
    run: list[NameMention] = []
    for mention in mentions:
        if mention.evidence is not Evidence.LIST:
            continue
        if run and text[run[-1].end : mention.start] != "、":
            if len(run) >= 2:
                yield [item.name for item in run]
            run = []
        run.append(mention)
    if len(run) >= 2:
        yield [item.name for item in run]


def _ranks(before: Counter[tuple[str, str]]) -> dict[str, int]:
    """Ranks 1, 2, …: by how many others a person was printed before, less how many were printed before him."""
    people = {name for pair in before for name in pair}
    score = {name: 0 for name in people}
    for (first, second), count in before.items():
        score[first] += count
        score[second] -= count
    ordered = sorted(people, key=lambda name: (-score[name], name))
    return {name: rank for rank, name in enumerate(ordered, start=1)}


def write_proposals(proposals: Proposals, path: Path) -> None:
    """The proposal CSV (UTF-8 with a BOM, so that Excel opens it as such), atomically."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(proposals.rows())
    data = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    write_atomically(path, lambda stream: stream.write(data))


@dataclass(frozen=True)
class Accepted:
    """What `accept` did: rows added, rows already in the register, and the problems of the register written."""

    added: int
    present: int
    problems: tuple[str, ...]


def read_proposals(path: Path) -> Register:
    """The rows the desk kept in a proposal file (its learn-only columns are left out)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    if rows:
        keep = [i for i, name in enumerate(rows[0]) if name.strip().lower() not in EXTRA_COLUMNS]
        rows = [[row[i] for i in keep if i < len(row)] for row in rows]
    return parse_rows(rows, path.name)


def accept(proposals: Register, register: Path) -> Accepted:
    """Add the proposal rows not yet in ``register`` (same name and post), write it, and say what it holds now.

    A proposal file or a register with problems is refused (`ValueError` listing them) and nothing
    is written: rewriting a register would lose the rows it could not read.
    """
    if proposals.problems:
        raise ValueError("建议表有误，未导入：\n" + "\n".join(proposals.problems))
    current = read_register(register) if register.exists() else Register()
    if current.problems:  # writing it back would drop the rows it could not read
        raise ValueError(f"{register}: 登记表有误，请先改正再导入：\n" + "\n".join(current.problems))
    existing: tuple[Official, ...] = current.officials
    known = {(official.name, official.post) for official in existing}
    new = [official for official in proposals.officials if (official.name, official.post) not in known]
    write_register(register, (*existing, *new))
    return Accepted(len(new), len(proposals.officials) - len(new), read_register(register).problems)
