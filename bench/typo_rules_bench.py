"""Figures for the rule layers of the typo pass: the confusion list, idiom near misses, names.

Prints, as one table:
* false flags per 10,000 characters of error-free newspaper text
  (`eval/clean/rmrb1998_ner_test_correct.tsv`, correct column) and on the sample page;
* on the CSC test sets, how many findings the rules make and how many of them cover a
  gold error (the rules aim at precision; recall is the statistical engine's);
* recall of `typo.idiom` on idioms of `corpus/news` text with one character replaced
  by a same-pinyin one (pycorrector's `same_pinyin.txt`), a synthetic test;
* throughput of the rule checks and of `find_protected_spans`;
* the same figures for pycorrector's own `ProperCorrector` fed the same idiom lists,
  which `typo.idiom` replaces (see the README for why).

    .venv/bin/python bench/typo_rules_bench.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.checks.names_check import check_name_consistency  # noqa: E402
from editor.core.checks.typo_rules import check_confusions, check_idioms  # noqa: E402
from editor.core.document import Document, Paragraph  # noqa: E402
from editor.core.han import is_han  # noqa: E402
from editor.core.issue import Category, Issue, Severity  # noqa: E402
from editor.core.lm.pycorrector_adapter import pycorrector_data, pycorrector_module  # noqa: E402
from editor.core.names import find_protected_spans  # noqa: E402
from editor.core.rules.idioms import MIN_TARGET_FREQUENCY, bundled_idioms  # noqa: E402
from editor.core.segmentation import is_dictionary_word  # noqa: E402

CHECKS = {"typo.confusion": check_confusions, "typo.idiom": check_idioms}
CSC_SETS = ("ecspell_odw_test.tsv", "cscd_ns_test.tsv", "sighan15_test.tsv", "faspell_ocr_test.tsv")
SYNTHETIC_SOURCE = "corpus/news/xwlb_029.txt"
SYNTHETIC_SAMPLES = 1000


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, correct = line.partition("\t")
        if correct:
            pairs.append((wrong, correct))
    return pairs


def findings(text: str, check) -> list[range]:
    return [range(issue.start, issue.end) for issue in check(0, Paragraph(text))]


def count_flags(texts: list[str], check) -> int:
    return sum(len(list(check(0, Paragraph(text)))) for text in texts)


def same_pinyin() -> dict[str, str]:
    """For each character, the characters pycorrector lists as sounding the same (any tone)."""
    path = pycorrector_data("same_pinyin.txt")
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path else ():
        if not line.startswith("#"):
            character, *others = line.split("\t")
            table[character] = "".join(others)
    return table


def synthetic_idiom_slips(path: Path, samples: int, seed: int = 7) -> list[tuple[str, int, str]]:
    """Sentences of ``path`` with one idiom misspelt by a same-pinyin character: (sentence, start, idiom)."""
    targets = {idiom for idiom, frequency in bundled_idioms().items() if frequency >= MIN_TARGET_FREQUENCY}
    sounds = same_pinyin()
    random_ = random.Random(seed)
    found = [
        (line, start, line[start : start + 4])
        for line in path.read_text(encoding="utf-8").splitlines()
        for start in range(len(line) - 3)
        if line[start : start + 4] in targets
    ]
    slips = []
    for line, start, idiom in random_.sample(found, min(len(found), samples * 3)):
        position = random_.randrange(4)
        choices = [c for c in sounds.get(idiom[position], "") if is_han(c)]
        if not choices:
            continue
        run = idiom[:position] + random_.choice(choices) + idiom[position + 1 :]
        if run in bundled_idioms() or is_dictionary_word(run):
            continue
        slips.append((line[:start] + run + line[start + 4 :], start, idiom))
        if len(slips) == samples:
            break
    return slips


def idiom_recall(slips: list[tuple[str, int, str]]) -> tuple[int, int]:
    """How many synthetic slips `typo.idiom` finds with the right idiom, and how many other findings it makes."""
    found = other = 0
    for sentence, start, idiom in slips:
        for issue in check_idioms(0, Paragraph(sentence)):
            if (issue.start, issue.end, issue.suggestions[0]) == (start, start + 4, idiom):
                found += 1
            else:
                other += 1
    return found, other


def proper_corrector_check(idioms: list[str], folder: Path):
    """pycorrector's `ProperCorrector` over ``idioms`` (its proper-name list) as a check of four-character runs."""
    path = folder / f"idioms_{len(idioms)}.txt"
    path.write_text("\n".join(idioms) + "\n", encoding="utf-8")
    corrector = pycorrector_module("proper_corrector").ProperCorrector(proper_name_path=str(path))

    def check(index: int, paragraph: Paragraph):
        result = corrector.correct(paragraph.text, min_word_length=4, max_word_length=4)
        for wrong, right, start in result["errors"]:
            yield Issue(
                "pycorrector.proper", Category.TYPO, Severity.WARNING, index, start, start + 4, wrong, "", (right,)
            )

    return check


def compare_proper_corrector(clean: list[str], slips: list[tuple[str, int, str]]) -> None:
    """False flags, synthetic recall and speed of `ProperCorrector` fed all the idioms, then the common ones."""
    import tempfile

    idioms = bundled_idioms()
    lists = {
        "all idioms": sorted(idioms),
        "common idioms": sorted(idiom for idiom, frequency in idioms.items() if frequency >= MIN_TARGET_FREQUENCY),
    }
    clean_chars = sum(map(len, clean))
    print("\npycorrector ProperCorrector fed the same lists (typo.idiom's rival):")
    print(f"{'list':<16}{'idioms':>8}{'clean flags':>12}{'per 10k':>9}{'chars/s':>10}{'slips found':>12}")
    with tempfile.TemporaryDirectory() as folder:
        for label, names in lists.items():
            check = proper_corrector_check(names, Path(folder))
            started = time.perf_counter()
            flags = count_flags(clean, check)
            speed = clean_chars / (time.perf_counter() - started)
            found = sum(
                any((i.start, i.suggestions[0]) == (start, idiom) for i in check(0, Paragraph(sentence)))
                for sentence, start, idiom in slips
            )
            print(
                f"{label:<16}{len(names):>8}{flags:>12}{flags / clean_chars * 1e4:>9.2f}{speed:>10.0f}"
                f"{found / max(len(slips), 1) * 100:>11.1f}%"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="rule-layer figures for the typo pass")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    clean = [correct for _, correct in read_pairs(args.shared / "eval/clean/rmrb1998_ner_test_correct.tsv")]
    page = [line for line in (args.shared / "samples/wujin_daily_page.txt").read_text(encoding="utf-8").splitlines()]
    find_protected_spans("预热：加载 jieba。")
    list(check_idioms(0, Paragraph("预热迫不急待")))

    print("false flags on error-free text (per 10,000 characters)")
    print(f"{'check':<16}{'clean flags':>12}{'per 10k':>9}{'page flags':>12}{'per 10k':>9}{'chars/s':>10}")
    clean_chars, page_chars = sum(map(len, clean)), sum(map(len, page))
    for name, check in CHECKS.items():
        started = time.perf_counter()
        flags = count_flags(clean, check)
        speed = clean_chars / (time.perf_counter() - started)
        page_flags = count_flags(page, check)
        print(
            f"{name:<16}{flags:>12}{flags / clean_chars * 1e4:>9.2f}"
            f"{page_flags:>12}{page_flags / page_chars * 1e4:>9.2f}{speed:>10.0f}"
        )
    names = list(check_name_consistency(Document.from_texts([line for line in page if line.strip()])))
    print(f"{'name.inconsistent':<16}{'':>12}{'':>9}{len(names):>12}{len(names) / page_chars * 1e4:>9.2f}")

    print("\nCSC test sets: findings of the rules, and how many cover a gold error (precision)")
    print(f"{'set':<24}{'check':<16}{'sentences':>10}{'findings':>9}{'on gold':>8}{'P%':>7}")
    for file_name in CSC_SETS:
        pairs = read_pairs(args.shared / "eval/csc" / file_name)
        for name, check in CHECKS.items():
            found = on_gold = 0
            for wrong, correct in pairs:
                gold = {index for index, (a, b) in enumerate(zip(wrong, correct, strict=False)) if a != b}
                for span in findings(wrong, check):
                    found += 1
                    on_gold += bool(gold.intersection(span))
            precision = on_gold / found * 100 if found else 0.0
            print(f"{file_name:<24}{name:<16}{len(pairs):>10}{found:>9}{on_gold:>8}{precision:>7.1f}")

    slips = synthetic_idiom_slips(args.shared / SYNTHETIC_SOURCE, SYNTHETIC_SAMPLES)
    found, other = idiom_recall(slips)
    print(f"\ntypo.idiom on {len(slips)} synthetic same-pinyin idiom slips in {SYNTHETIC_SOURCE}:")
    print(f"found {found} ({found / max(len(slips), 1) * 100:.1f}%), other findings in those sentences {other}")

    compare_proper_corrector(clean, slips)

    started = time.perf_counter()
    for text in clean:
        find_protected_spans(text)
    elapsed = time.perf_counter() - started
    print(f"\nfind_protected_spans: {clean_chars / elapsed:,.0f} characters/s on the clean set (cold cache)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
