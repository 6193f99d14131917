"""Benchmark of the number and punctuation checks (GB/T 15835 / 15834 and consistency).

Prints findings per 10,000 characters on clean published text (`../shared/corpus/gov`,
split into one document per report) and on the sample page, and the run time of the
whole number-and-punctuation pass over 1 MB of text. `--list RULE` prints every
finding of the rules starting with RULE on the corpus, for inspection.

    .venv/bin/python bench/gbt_bench.py [--list number.rate]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from editor.core.engine import Engine
from editor.core.io import read_document
from editor.core.io.text import parse_text
from editor.core.issue import Category

SHARED = Path(__file__).resolve().parents[2] / "shared"
CATEGORIES = {Category.NUMBER, Category.PUNCTUATION}
#: Every report of the corpus opens with this sentence (or is preceded by its salutation).
REPORT_START = "现在，我代表"
MEGABYTE = 1024 * 1024
PAIRS = ("“”", "《》", "（）")
MAX_JOINED = 8
OPENING = tuple("《（“‘〈【")
CLOSING = tuple("》）”’〉】，。、；：？！")


def rejoin(lines: list[str]) -> list[str]:
    """Undo the corpus's sentence splitter where it cut inside a quotation, 《…》 or （PM2.5）.

    A line is joined to the next when it ends with an opening mark, when the next starts
    with a closing mark or a pause, or when it leaves a quotation or title open (at most
    ``MAX_JOINED`` lines, so that a real unclosed mark is still reported).
    """
    joined: list[str] = []
    run = 0
    for line in lines:
        previous = joined[-1] if joined else ""
        cut = previous.endswith(OPENING) or line.startswith(CLOSING) or _open(previous)
        if joined and cut and run < MAX_JOINED:
            joined[-1] += line
            run += 1
        else:
            joined.append(line)
            run = 0
    return joined


def _open(text: str) -> bool:
    return any(text.count(opening) > text.count(closing) for opening, closing in PAIRS)


def reports(path: Path, repair: bool = True) -> list[str]:
    """The corpus file cut into one text per report (with the splitter's cuts rejoined if ``repair``)."""
    texts, current = [], []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in rejoin(lines) if repair else lines:
        if line.startswith(REPORT_START) and current:
            texts.append("\n".join(current))
            current = []
        current.append(line)
    texts.append("\n".join(current))
    return [text for text in texts if text.strip()]


def check_texts(engine: Engine, texts: list[str]):
    issues, characters = [], 0
    for number, text in enumerate(texts):
        document = parse_text(text, name=f"report-{number}")
        characters += document.characters
        issues.extend((document, issue) for issue in engine.check(document).issues)
    return issues, characters


def per_10k(count: int, characters: int) -> float:
    return count / characters * 10000 if characters else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", metavar="RULE", help="print the corpus findings of the rules starting with RULE")
    args = parser.parse_args()
    engine = Engine(categories=CATEGORIES)

    for path in sorted((SHARED / "corpus" / "gov").glob("*.txt")):
        raw, _ = check_texts(engine, reports(path, repair=False))
        texts = reports(path)
        found, characters = check_texts(engine, texts)
        print(f"{path.name}: {len(texts)} reports, {characters} characters")
        print(f"  as stored: {len(raw)} findings, {per_10k(len(raw), characters):.2f} per 10k characters")
        print(
            f"  with the sentence splitter's cuts inside quotations and 《》/（） rejoined: {len(found)} findings, "
            f"{per_10k(len(found), characters):.2f} per 10k characters"
        )
        for (rule, severity), count in sorted(Counter((i.rule, i.severity.value) for _, i in found).items()):
            print(f"    {rule:40} {severity:8} {count:5}  {per_10k(count, characters):.2f}/10k")
        if args.list:
            for document, issue in found:
                if issue.rule.startswith(args.list):
                    text = document.paragraphs[issue.paragraph].text
                    before, after = text[max(0, issue.start - 20) : issue.start], text[issue.end : issue.end + 20]
                    context = f"{before}【{issue.text}】{after}"
                    print(f"  {issue.rule} {context} {' / '.join(issue.suggestions)}\n    {issue.message}")

    page = read_document(SHARED / "samples" / "wujin_daily_page.txt")
    for label, categories in (("as read", CATEGORIES), ("after layout repair", CATEGORIES | {Category.LAYOUT})):
        issues = [i for i in Engine(categories=categories).check(page).issues if i.category in CATEGORIES]
        print(
            f"sample page ({label}): {page.characters} characters, {len(issues)} findings, "
            f"{per_10k(len(issues), page.characters):.2f} per 10k characters"
        )

    corpus = "\n".join(reports(next((SHARED / "corpus" / "gov").glob("*.txt"))))
    megabyte = corpus.encode("utf-8")[:MEGABYTE].decode("utf-8", errors="ignore")
    # 1 MB of UTF-8 (about 350,000 characters); the first pass may still load what the layout
    # classifier needs. CPU time is printed too: wall time suffers when other jobs share the machine.
    for label, text in (("1 MB, first", megabyte), ("1 MB, again", megabyte), ("whole gov corpus", corpus)):
        document = parse_text(text, name=label)
        started, cpu = time.perf_counter(), time.process_time()
        issues = engine.check(document).issues
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"{label} pass: {document.characters} characters, {len(document.paragraphs)} paragraphs, "
            f"{len(issues)} findings, {elapsed:.2f} s wall, {cpu:.2f} s CPU"
            + (" (target < 2 s)" if label.startswith("1 MB") else "")
        )


if __name__ == "__main__":
    main()
