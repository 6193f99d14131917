"""Figures for the political checks against the register of officials.

Prints:
* caught / missed per rule on cases written for this bench (a made-up district's register,
  each slip beside the same sentence written right), and the false flags on the right ones;
* false flags per 100,000 characters of clean published news (人民日报, January 1998, `corpus/pd1998`)
  checked against a register `learn` built from other articles of the same month, every proposal
  accepted unreviewed (the worst a desk could do), on the month's last day.

    .venv/bin/python bench/officials_bench.py [--shared ../shared] [--characters 200000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.document import Document  # noqa: E402
from editor.core.engine import Engine  # noqa: E402
from editor.core.issue import Category  # noqa: E402
from editor.core.officials.learn import learn, read_proposals, write_proposals  # noqa: E402
from editor.core.officials.register import write_register  # noqa: E402
from editor.core.userdata import DATA_DIR_ENV  # noqa: E402

DATE = dt.date(2025, 3, 10)
REGISTER = """name,post,from,to,rank,status
钱立新,区委书记,2021-09-01,,1,
邵雨辰,区委副书记、区长,2022-02-01,,2,
冯建国,区人大常委会主任,2021-12-01,,3,
葛淑芬,区政协主席,2021-12-01,,4,
鲍德清,区委副书记,2020-06-01,,5,
郦海涛,副区长,2023-01-01,,8,
郦海涛,区公安分局局长,2018-01-01,2022-12-31,,
戚文彬,区教育局局长,2019-04-01,,,
缪长松,副区长,2019-01-01,2024-06-30,9,
缪长松,区政协副主席,2024-07-01,,10,
濮永年,区住建局局长,2017-01-01,,,落马
"""
#: (text with a slip, the rule that must flag it, the same text written right).
CASES = [
    ("副区长戚文彬通报了全区教育工作。", "political.official_post", "区教育局局长戚文彬通报了全区教育工作。"),
    ("区委书记邵雨辰主持会议。", "political.official_post", "区委副书记、区长邵雨辰主持会议。"),
    ("区长钱立新出席活动。", "political.official_post", "区委书记钱立新出席活动。"),
    ("区政协主席冯建国讲话。", "political.official_post", "区人大常委会主任冯建国讲话。"),
    ("戚文彬副区长陪同调研。", "political.official_post", "郦海涛副区长陪同调研。"),
    ("区委副书记、区长鲍德清作报告。", "political.official_post", "区委副书记鲍德清作报告。"),
    ("区公安分局局长郦海涛介绍案情。", "political.official_outdated", "副区长郦海涛介绍案情。"),
    ("副区长缪长松出席签约仪式。", "political.official_outdated", "区政协副主席缪长松出席签约仪式。"),
    ("缪长松副区长主持座谈会。", "political.official_outdated", "时任副区长缪长松曾主持座谈会。"),
    ("区住建局局长濮永年出席开工仪式。", "political.official_removed", "原区住建局局长濮永年严重违纪违法被查处。"),
    ("区领导邵雨辰、钱立新、冯建国出席。", "political.leader_order", "区领导钱立新、邵雨辰、冯建国出席。"),
    ("区领导钱立新、葛淑芬、冯建国参加活动。", "political.leader_order", "区领导钱立新、冯建国、葛淑芬参加活动。"),
    ("区领导鲍德清、邵雨辰出席会议。", "political.leader_order", "区领导邵雨辰、鲍德清出席会议。"),
    ("区委副书记、区长邵宇辰指出，要抓好落实。", "political.official_name", "区委副书记、区长邵雨辰指出，要抓好落实。"),
    ("区委书记钱立心强调，要稳中求进。", "political.official_name", "区委书记钱立新强调，要稳中求进。"),
    ("区人大常委会主任冯建固主持会议。", "political.official_name", "区人大常委会主任冯建国主持会议。"),
    ("区教育局局长戚文斌作工作报告。", "political.official_name", "区教育局局长戚文彬作工作报告。"),
    ("区政协主席葛淑芳一行视察。", "political.official_name", "区政协主席葛淑芬一行视察。"),
]


def political(engine: Engine, texts: list[str], date: dt.date | None) -> list:
    document = Document.from_texts(texts)
    document.date = date
    return engine.check(document).issues


def cases(engine: Engine, data: Path) -> None:
    (data / "officials.csv").write_text(REGISTER, encoding="utf-8")
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_flags = []
    for wrong, rule, right in CASES:
        total[rule] += 1
        if rule in {issue.rule for issue in political(engine, [wrong], DATE)}:
            caught[rule] += 1
        else:
            print(f"  missed {rule}: {wrong}")
        false_flags += [(right, issue.rule, issue.text) for issue in political(engine, [right], DATE)]
    print(f"Cases written for the bench ({len(CASES)} slips, each also written right), on {DATE}:")
    for rule in sorted(total):
        print(f"  {rule:30} caught {caught[rule]:2} / {total[rule]:2}, missed {total[rule] - caught[rule]}")
    print(f"  all: caught {sum(caught.values())} / {len(CASES)}; false flags on the right versions: {len(false_flags)}")
    for right, rule, text in false_flags:
        print(f"    false flag {rule} 【{text}】 in {right}")


def _chunks(lines: list[str], size: int) -> list[list[str]]:
    return [lines[start : start + size] for start in range(0, len(lines), size)]


def clean_news(engine: Engine, data: Path, shared: Path, characters: int) -> None:
    month = shared / "corpus" / "pd1998"
    learned_from = (month / "pd199801_001.txt").read_text(encoding="utf-8").splitlines()
    checked = (month / "pd199801_002.txt").read_text(encoding="utf-8").splitlines()
    lines, count = [], 0
    for line in checked:
        if count >= characters:
            break
        lines.append(line)
        count += len(line)
    started = time.perf_counter()
    proposals = learn(Document.from_texts(chunk) for chunk in _chunks(learned_from, 40))
    learned = time.perf_counter() - started
    proposal_file = data / "proposals.csv"
    write_proposals(proposals, proposal_file)
    register = read_proposals(proposal_file)
    write_register(data / "officials.csv", register.officials)
    print(
        f"\nClean news: register learned from pd199801_001.txt ({sum(map(len, learned_from)):,} characters, "
        f"{learned:.1f} s): {len(register.officials)} rows, {len(proposals.ranks)} ranked, "
        f"{len(register.problems)} validation problems (two holders of one post: kept, as the checks keep them)"
    )
    started = time.perf_counter()
    issues = [issue for chunk in _chunks(lines, 40) for issue in political(engine, chunk, dt.date(1998, 1, 31))]
    seconds = time.perf_counter() - started
    rules = Counter(issue.rule for issue in issues)
    per = len(issues) * 100_000 / count if count else 0.0
    print(
        f"  checked the first {count:,} characters of pd199801_002.txt on 1998-01-31 in {seconds:.1f} s: "
        f"{len(issues)} political findings, {per:.2f} per 100,000 characters"
    )
    for rule, number in rules.most_common():
        print(f"    {rule:30} {number}")
    for issue in issues[:12]:
        print(f"    e.g. {issue.rule} 【{issue.text}】 {issue.message[:90]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--characters", type=int, default=200_000, help="clean news characters to check")
    args = parser.parse_args()
    logging.getLogger("editor.core.officials").setLevel(logging.ERROR)  # the learned register's problems are counted
    with tempfile.TemporaryDirectory() as folder:
        os.environ[DATA_DIR_ENV] = folder
        engine = Engine({Category.POLITICAL})
        cases(engine, Path(folder))
        if (args.shared / "corpus" / "pd1998").is_dir():
            clean_news(engine, Path(folder), args.shared, args.characters)
        else:
            print(f"\n{args.shared / 'corpus' / 'pd1998'} is missing: no clean news figures")


if __name__ == "__main__":
    main()
