"""Mine the official formulations (规范提法) of the government work reports and the CPC congress reports.

A formulation is a word sequence the Party's and the State's documents repeat verbatim
year after year (不忘初心、牢记使命; 创新、协调、绿色、开放、共享的新发展理念). This script
reads ``shared/corpus/gov`` (政府工作报告 1978–2025 and the congress reports, one sentence a
line), cuts it into its documents (each opens with 现在，我代表… or 我受…委托, 向大会…报告),
dates each one, and

* ``mine``: prints the clauses that recur verbatim in at least ``--min-documents``
  documents, most widely used first, with the first document that has them: the
  candidates a person curates into `resources/rules/formulations.yaml`;
* ``sources`` (the default): for every entry of that library, prints the first document
  and year that has its form verbatim and how many documents do, and exits 1 when an
  entry's form is in no document and the entry names no other source, or when the
  library's ``source`` disagrees with the corpus.

Only derived facts (forms, document names, years) go into the library, never corpus text
beyond the formulation itself. Usage:

    python tools/build_formulations.py [sources|mine] [--corpus DIR] [--min-documents N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from editor.core.han import is_han

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "resources" / "rules" / "formulations.yaml"
_OPENING = re.compile(r"^(?:各位代表，)?(?:现在，)?我(?:代表|受).{0,30}?(?:向大会|作政府工作报告|作报告)")
_DATELINE = re.compile(r"^——([12]\d{3})年\d{1,2}月\d{1,2}日在")
_FIRST_HEADING = re.compile(r"^一、(?:[12]\d{3}年|过去一年)")
#: Lines a document's dateline, opening and first heading fall within.
DOCUMENT_HEAD = 6
_REVIEWED_YEAR = re.compile(r"([12]\d{3})年(?:国内)?工作(?:的)?回顾")
_CONGRESS = re.compile(r"我(?:代表|受)第?([十一二三四五六七八九]+)届中央委员会")
#: The congress a central committee reports to, and its year: 十二届 reports to the 13th (1987).
CONGRESS_YEARS = {"十二": 1987, "十三": 1992, "十四": 1997, "十五": 2002, "十六": 2007, "十七": 2012, "十八": 2017,
                  "十九": 2022}  # fmt: skip
CONGRESS_NAMES = {"十二": "十三", "十三": "十四", "十四": "十五", "十五": "十六", "十六": "十七", "十七": "十八",
                  "十八": "十九", "十九": "二十"}  # fmt: skip
_CLAUSE = re.compile(r"[，。；：！？“”（）《》]")
MIN_CLAUSE, MAX_CLAUSE = 8, 40


@dataclass
class Source:
    """One document of the corpus: its name as a source is cited (2017年政府工作报告) and its year."""

    name: str
    year: int
    lines: list[str]

    @property
    def order(self) -> tuple[int, bool]:
        """When it was read: a year's government work report (March) before its congress report (autumn)."""
        return self.year, "全国代表大会" in self.name

    @property
    def skeleton(self) -> str:
        return skeleton("".join(self.lines))


def skeleton(text: str) -> str:
    """The Han characters of ``text``: a formulation is the same with or without its 、 and quotes."""
    return "".join(character for character in text if is_han(character))


def documents(corpus: Path) -> list[Source]:
    """The corpus cut into its documents, each named and dated.

    A document starts at its dateline (——2024年3月5日在…), its opening (现在，我代表…) or its
    first heading (一、2023年工作回顾), whichever comes first: the corpus keeps some of each.
    """
    found: list[list[str]] = []
    since_start = 0
    for path in sorted((corpus / "gov").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            starts = _DATELINE.match(line) or _OPENING.match(line) or _FIRST_HEADING.match(line)
            if not found or (starts and since_start > DOCUMENT_HEAD):
                found.append([])
                since_start = 0
            found[-1].append(line)
            since_start += 1
    return [_dated(lines) for lines in found if len(lines) > DOCUMENT_HEAD]


def _dated(lines: list[str]) -> Source:
    congress = next((match for match in map(_CONGRESS.search, lines[:DOCUMENT_HEAD]) if match), None)
    if congress and congress.group(1) in CONGRESS_YEARS:
        number = congress.group(1)
        return Source(f"中国共产党第{CONGRESS_NAMES[number]}次全国代表大会报告", CONGRESS_YEARS[number], lines)
    dateline = next((match for match in map(_DATELINE.match, lines[:DOCUMENT_HEAD]) if match), None)
    reviewed = _REVIEWED_YEAR.search("\n".join(lines[:400]))
    if dateline:
        year = int(dateline.group(1))
    elif reviewed:
        year = int(reviewed.group(1)) + 1
    else:  # the year it reviews is the one it names most
        years = [int(year) for year in re.findall(r"(?<!\d)((?:19[789]|20[012])\d)年", "\n".join(lines[:400]))]
        year = Counter(years).most_common(1)[0][0] + 1 if years else 0
    return Source(f"{year}年政府工作报告", year, lines)


def mine(sources: list[Source], min_documents: int) -> list[tuple[str, int, Source]]:
    """Clauses in at least ``min_documents`` documents: (clause, documents, the first document)."""
    seen: dict[str, set[int]] = {}
    for index, source in enumerate(sources):
        for line in source.lines:
            for clause in _CLAUSE.split(line):
                if MIN_CLAUSE <= len(skeleton(clause)) <= MAX_CLAUSE:
                    seen.setdefault(clause, set()).add(index)
    found = [
        (clause, len(indexes), min((sources[index] for index in indexes), key=lambda source: source.order))
        for clause, indexes in seen.items()
        if len(indexes) >= min_documents
    ]
    return sorted(found, key=lambda item: (-item[1], -len(item[0])))


def check_sources(sources: list[Source], library: Path) -> int:
    """Print each entry's first document in the corpus; the number of entries whose source is wrong."""
    entries = yaml.safe_load(library.read_text(encoding="utf-8"))["rules"]
    skeletons = [source.skeleton for source in sources]
    wrong = 0
    for entry in (entry for entry in entries if "form" in entry):  # patterns have no single form
        form = skeleton(entry["form"])
        having = [source for source, text in zip(sources, skeletons, strict=True) if form in text]
        first = min(having, key=lambda source: source.order) if having else None
        stated = f"{entry.get('source', '')}"
        corpus_source = f"{first.name}" if first else ""
        ok = (first is None and entry.get("source")) or (first is not None and stated == corpus_source)
        wrong += not ok
        mark = "  " if ok else "✗ "
        print(f"{mark}{entry['id']:28} {len(having):3} 篇  最早：{corpus_source or '（语料中没有）'}  库中：{stated}")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="?", choices=("sources", "mine"), default="sources")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent.parent / "shared" / "corpus")
    parser.add_argument("--min-documents", type=int, default=4)
    arguments = parser.parse_args()
    sources = documents(arguments.corpus)
    print(f"{len(sources)} documents, {min(s.year for s in sources)}–{max(s.year for s in sources)}", file=sys.stderr)
    if arguments.command == "mine":
        for clause, count, first in mine(sources, arguments.min_documents):
            print(f"{count}\t{first.name}\t{clause}")
    else:
        sys.exit(1 if check_sources(sources, LIBRARY) else 0)


if __name__ == "__main__":
    main()
