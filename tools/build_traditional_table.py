"""Build `resources/rules/traditional_chars.tsv`: traditional and variant characters with their simplified form.

`typo.traditional` flags a character of simplified copy that is not a standard
character. No installed package ships the 8,105 characters of 《通用规范汉字表》, so the
standard set is what the mainland corpus and OpenCC agree on: a character written at
least `MIN_COUNT` times in the news, government-report and 人民日报 text of
``shared/corpus`` is standard. A character outside that set is listed when OpenCC's
tables lead it to a standard character: the compatibility ideographs normalised, the
Japanese shinjitai (営) the corpus never writes taken back to their traditional form, the Taiwan and Hong Kong
variants to OpenCC's traditional standard, then traditional to simplified
(TSCharacters, first candidate). OpenCC has no table of mere variant characters (髙
for 高), so a few the desk meets are added by hand (`SUPPLEMENT`).

Guarded by construction: a character t2s rewrites only in some contexts (乾 of 乾坤,
著 of 著作, 於 as a surname) is common in simplified text, so it is standard and never
listed. Only derived characters are shipped, never corpus text.

Usage: python tools/build_traditional_table.py [CORPUS_DIR]   (default ../shared/corpus)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import opencc

from editor.core.han import is_han

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "resources" / "rules" / "traditional_chars.tsv"
CORPORA = ("news", "gov", "pd1998")
MIN_COUNT = 5
#: Variant characters OpenCC does not map, with their standard form (Japanese and old print forms).
SUPPLEMENT = {"髙": "高", "昻": "昂", "吿": "告", "戸": "户", "塚": "冢", "﨑": "崎", "㠶": "帆"}
_OPENCC = Path(opencc.__file__).parent / "clib"


def read_table(name: str) -> dict[str, str]:
    """One OpenCC dictionary as {key: first value}, single characters only (dumped by its opencc_dict tool)."""
    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / f"{name}.txt"
        source = _OPENCC / "share" / "opencc" / f"{name}.ocd2"
        subprocess.run(
            [str(_OPENCC / "bin" / "opencc_dict"), "-i", str(source), "-o", str(text), "-f", "ocd2", "-t", "text"],
            check=True,
        )
        table = {}
        for line in text.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            first = values.split(" ")[0]
            if len(key) == 1 and len(first) == 1:
                table[key] = first
        return table


def character_counts(corpus: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for name in CORPORA:
        for path in sorted((corpus / name).glob("*.txt")):
            counts.update(character for character in path.read_text(encoding="utf-8") if is_han(character))
    return counts


def build(corpus: Path) -> dict[str, str]:
    counts = character_counts(corpus)
    standard = {character for character, count in counts.items() if count >= MIN_COUNT}
    # a Japanese form is taken for one only if the mainland corpus never writes it: 缶 is the shinjitai
    # of 罐 and a standard character of its own (击缶)
    japanese = {key: value for key, value in read_table("JPShinjitaiCharacters").items() if not counts[key]}
    steps = [read_table("CJK_Compatibility_Ideographs"), japanese]
    steps += [read_table("TWVariantsRev") | read_table("HKVariantsRev")]
    to_simplified = read_table("TSCharactersExt") | read_table("TSCharacters")
    table: dict[str, str] = {}
    for character in set().union(*steps, to_simplified):
        if character in standard:
            continue
        form = character
        for step in steps:
            form = step.get(form, form)
        form = to_simplified.get(form, form)
        if form != character and form in standard:
            table[character] = form
    table.update({key: value for key, value in SUPPLEMENT.items() if key not in standard})
    return table


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent.parent / "shared" / "corpus"
    table = build(corpus)
    lines = [
        "# 繁体字、异体字及其规范简化字（typo.traditional），由 tools/build_traditional_table.py 从 OpenCC 的字表",
        "# 与语料中的常用字集生成；每行：非规范字<TAB>规范字。请勿手改，改生成脚本后重新生成。",
        *(f"{key}\t{value}" for key, value in sorted(table.items())),
    ]
    temporary = OUTPUT.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(OUTPUT)
    print(f"{len(table)} characters → {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
