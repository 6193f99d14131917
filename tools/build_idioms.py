"""Derive the idiom list `resources/rules/idioms/idioms.tsv` from jieba's dictionary.

jieba's `dict.txt` tags about 22,000 four-character idioms (成语) with part of speech
``i``. It also carries a few common misspellings at the minimum frequency (迫不急待 3 i,
next to 迫不及待 303 i); an entry is left out when another idiom differs from it by one
character that a writer could confuse (same pinyin or similar shape), is at least
`VARIANT_RATIO` times more frequent and the entry itself is rare, so that the checker
does not take a misspelling for an idiom. jieba tags some common idioms otherwise
(墨守成规 nr, 甘拜下风 ns), and lists a few misspellings as idioms (不能自己 for 不能自已);
`resources/rules/idioms/supplement.txt` adds the former and removes the latter.

Run once after upgrading jieba (the output is committed):

    .venv/bin/python tools/build_idioms.py
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.han import HAN  # noqa: E402
from editor.core.rules.idioms import is_rare_variant  # noqa: E402
from editor.core.segmentation import dictionary_file  # noqa: E402

SUPPLEMENT = ROOT / "resources/rules/idioms/supplement.txt"
OUTPUT = ROOT / "resources/rules/idioms/idioms.tsv"
# The least frequency of a supplement idiom: at least the checker's MIN_TARGET_FREQUENCY.
SUPPLEMENT_FREQUENCY = 20
_IDIOM = re.compile(f"[{HAN}]{{4}}")
HEADER = (
    "# 四字成语表，由 tools/build_idioms.py 从 jieba 词典（MIT 许可）中词性为 i 的四字词条导出；\n"
    "# 每行：成语<TAB>jieba 词频。加入了 supplement.txt 的成语；\n"
    "# 去掉了与另一成语一字之差、音近或形近、又远比它罕见的写法（多为误写）。\n"
)


def read_idioms(dictionary: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Four-character entries tagged ``i`` with their frequencies, and every dictionary frequency."""
    idioms: dict[str, int] = {}
    frequencies: dict[str, int] = {}
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and _IDIOM.fullmatch(parts[0]):
                frequencies[parts[0]] = int(parts[1])
                if parts[2] == "i":
                    idioms[parts[0]] = int(parts[1])
    return idioms, frequencies


def read_supplement(path: Path, frequencies: dict[str, int]) -> tuple[dict[str, int], set[str]]:
    """The hand-listed idioms (frequency at least `SUPPLEMENT_FREQUENCY`) and the entries to drop (``-`` lines)."""
    added: dict[str, int] = {}
    removed: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        words = [word for word in line.lstrip("- ").split() if _IDIOM.fullmatch(word)]
        if line.startswith("-"):
            removed.update(words)
        else:
            added.update((word, max(frequencies.get(word, 0), SUPPLEMENT_FREQUENCY)) for word in words)
    return added, removed


def drop_rare_variants(idioms: dict[str, int]) -> dict[str, int]:
    """Leave out every idiom that is a rare, confusable one-character variant of a far more frequent one."""
    by_pattern: dict[str, list[str]] = defaultdict(list)
    for idiom in idioms:
        for position in range(4):
            by_pattern[idiom[:position] + "_" + idiom[position + 1 :]].append(idiom)
    rare = {
        idiom
        for group in by_pattern.values()
        for idiom in group
        for other in group
        if other != idiom and is_rare_variant(idiom, idioms[idiom], other, idioms[other])
    }
    return {idiom: frequency for idiom, frequency in idioms.items() if idiom not in rare}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict", type=Path, default=dictionary_file())
    parser.add_argument("--supplement", type=Path, default=SUPPLEMENT)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    idioms, frequencies = read_idioms(args.dict)
    added, removed = read_supplement(args.supplement, frequencies)
    idioms.update(added)
    for word in removed:
        idioms.pop(word, None)
    kept = drop_rare_variants(idioms)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        for idiom in sorted(kept):
            out.write(f"{idiom}\t{kept[idiom]}\n")
    print(
        f"{len(idioms)} idioms, {len(idioms) - len(kept)} rare variants left out, {len(kept)} written to {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
