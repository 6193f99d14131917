"""PDF import benchmark: newspaper pages made from corpus articles, read back against their known answers.

Pages are typeset two ways: by ReportLab with the CID font STSong-Light (`bench/pdf_pages.py`:
3–6 articles a page over a grid of 2–5 columns, each article in its own number of columns over its
span, so its own column width; headlines, subheadlines, bylines, pictures with captions, running
heads and feet, jump lines to a later page) and by LibreOffice from a DOCX of multi-column
sections (`bench/pdf_docx_pages.py`: the way a page printed from Word or LibreOffice comes). The
articles come from corpus files the import was never tuned on (`TEST_FILES`).

Printed: text recall and precision (characters in order, whitespace aside, and the spaces expected
and read: a space LibreOffice prints as a gap, with no space character, is not read), furniture leaked into
the text, paragraph-boundary precision and recall, kinds right, and the time to read a 16-page
PDF (best of three). Targets: text ≥ 0.999, no furniture, boundaries P ≥ 0.99 and R ≥ 0.98, a
16-page PDF in under 3 s.

    nice .venv/bin/python bench/pdf_bench.py [--pages 16] [--seed 7] [--files dev] [--no-libreoffice]
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.draft_maker import articles  # noqa: E402
from bench.layout_bench import CORPUS, DEV_FILES, TEST_FILES  # noqa: E402
from bench.pdf_pages import Answer, ArticleSpec, Overflow, PageSpec, make_pdf  # noqa: E402
from editor.core.io.pdf_reader import read_pdf  # noqa: E402

_WHITESPACE = re.compile(r"\s+")
_NAMES = ["李明", "张蕾", "王建国", "陈思远", "周敏", "刘洋", "吴佳", "孙浩"]
_SECTIONS = ["要闻", "综合", "经济", "社会", "文体", "城建"]


@dataclass
class Scores:
    expected: int = 0
    got: int = 0
    matched: int = 0
    boundaries_expected: int = 0
    boundaries_got: int = 0
    boundaries_right: int = 0
    furniture: int = 0
    kinds: int = 0
    kinds_right: int = 0
    spaces: int = 0
    spaces_read: int = 0

    def add(self, answer: list[tuple[str, str]], got: list[tuple[str, str]], furniture: list[str]) -> None:
        self.spaces += sum(t.count(" ") for _, t in answer)
        self.spaces_read += sum(t.count(" ") for _, t in got)
        answer = [(kind, _WHITESPACE.sub("", text)) for kind, text in answer]
        got = [(kind, _WHITESPACE.sub("", text)) for kind, text in got]
        want_text, got_text = "".join(t for _, t in answer), "".join(t for _, t in got)
        matcher = difflib.SequenceMatcher(None, want_text, got_text, autojunk=False)
        blocks = matcher.get_matching_blocks()
        self.expected += len(want_text)
        self.got += len(got_text)
        self.matched += sum(block.size for block in blocks)
        want = _boundaries(answer)
        mapped = {_map(offset, blocks) for offset in _boundaries(got)} - {None}
        self.boundaries_expected += len(want)
        self.boundaries_got += len(_boundaries(got))
        self.boundaries_right += len(want & mapped)
        self.furniture += sum(max(0, got_text.count(item) - want_text.count(item)) for item in furniture)
        kinds = dict(_starts(answer))
        for offset, kind in _starts(got):
            where = _map(offset, blocks)
            if where in kinds:
                self.kinds += 1
                self.kinds_right += kinds[where] == kind

    def lines(self) -> list[str]:
        recall = self.matched / max(1, self.expected)
        precision = self.matched / max(1, self.got)
        b_precision = self.boundaries_right / max(1, self.boundaries_got)
        b_recall = self.boundaries_right / max(1, self.boundaries_expected)
        return [
            f"  text: recall {recall:.4f}  precision {precision:.4f}  ({self.expected:,} characters expected, "
            f"{self.got:,} read; spaces apart: {self.spaces} expected, {self.spaces_read} read)",
            f"  furniture in the text: {self.furniture}",
            f"  paragraph boundaries: precision {b_precision:.4f}  recall {b_recall:.4f}  "
            f"({self.boundaries_expected:,} expected, {self.boundaries_got:,} read)",
            f"  kinds right: {self.kinds_right / max(1, self.kinds):.4f} of {self.kinds:,} paragraphs",
        ]


def _boundaries(paragraphs: list[tuple[str, str]]) -> set[int]:
    offsets, at = set(), 0
    for _, text in paragraphs[:-1]:
        at += len(text)
        offsets.add(at)
    return offsets


def _starts(paragraphs: list[tuple[str, str]]) -> list[tuple[int, str]]:
    starts, at = [], 0
    for kind, text in paragraphs:
        starts.append((at, kind))
        at += len(text)
    return starts


def _map(offset: int, blocks) -> int | None:
    """The place in the answer of ``offset`` in the text read, where both lie in one matching stretch."""
    for block in blocks:
        if block.b <= offset <= block.b + block.size and block.size:
            return block.a + offset - block.b
    return None


def corpus_articles(files: list[str], rng: random.Random) -> list:
    found = []
    for name in files:
        found.extend(a for a in articles(CORPUS / name, rng, 200) if sum(map(len, a.paragraphs)) >= 150)
    rng.shuffle(found)
    return found


def make_pages(count: int, rng: random.Random, pool: list) -> tuple[list[PageSpec], int]:
    """``count`` pages of 3–6 articles over 2–5 columns; some articles jump two pages on. Returns pages and jumps."""
    pages = [
        PageSpec(number, [], section=rng.choice(_SECTIONS), date="2026年12月1日", weekday="星期二")
        for number in range(1, count + 1)
    ]
    grids = {page.number: rng.randint(2, 5) for page in pages}
    jumps = 0
    for page in pages:
        grid = grids[page.number]
        wanted = rng.randint(3, 6)
        rows: list[list[ArticleSpec]] = [row for row in page.articles]  # a continuation may be there already
        placed = sum(len(row) for row in rows)
        while placed < wanted:
            row, used = [], 0
            while used < grid and placed < wanted:
                span = rng.randint(1, grid - used)
                row.append(_article(pool.pop(), span, rng))
                used += span
                placed += 1
            rows.append(row)
        last = rows[-1][-1]
        target = page.number + 2
        if target <= count and rng.random() < 0.5 and len(last.paragraphs) >= 2 and not last.jump_from:
            paragraph = rng.randrange(1, len(last.paragraphs))
            cut = (paragraph, rng.randrange(0, max(1, len(last.paragraphs[paragraph]) - 1)))
            last.jump_to, last.cut = target, cut
            rest = ArticleSpec(
                _shortened(last.headline), [], columns=rng.randint(1, grids[target]), jump_from=page.number
            )
            pages[target - 1].articles.insert(0, [rest])
            jumps += 1
        page.articles = rows
    return pages, jumps


def _article(article, span: int, rng: random.Random) -> ArticleSpec:
    headline, *others = article.headlines
    caption = ""
    if rng.random() < 0.3:
        words = rng.choice(article.paragraphs)[: rng.randint(12, 28)].rstrip("，、；")
        caption = f"{words}。（记者 {rng.choice(_NAMES)} 摄）"
    return ArticleSpec(
        headline,
        list(article.paragraphs),
        subheadline=others[0] if others and rng.random() < 0.6 else "",
        byline=f"本报记者 {rng.choice(_NAMES)}" if rng.random() < 0.7 else "",
        caption=caption,
        columns=span,
        body_columns=rng.randint(1, span) if span > 1 and rng.random() < 0.5 else 0,
    )


def _shortened(headline: str) -> str:
    return headline[: max(4, len(headline) // 2)]


def fitted_pdf(pages: list[PageSpec], grid_of) -> tuple[bytes, list[Answer]]:
    """The PDF of ``pages``, the last paragraph of the longest article dropped until every page fits."""
    while True:
        try:
            return make_pdf(pages, columns=grid_of)
        except Overflow as overflow:
            own = [a for a in overflow.articles if not a.jump_from and len(a.paragraphs) > 1]
            if own:
                article = max(own, key=lambda a: sum(map(len, a.paragraphs)) / a.columns)
            else:  # only a continuation is too long: shorten the article it continues
                article = next(a for p in pages for row in p.articles for a in row if a.jump_to == overflow.number)
            article.paragraphs.pop()
            if article.jump_to and article.cut[0] >= len(article.paragraphs):
                article.cut = (len(article.paragraphs) - 1, 0)


def furniture_of(pages: list[PageSpec]) -> list[str]:
    items = {"（下转", "（上接", "责任编辑", "美编：", "校对："}
    for page in pages:
        items |= {page.paper, f"{page.label} {page.section}", page.date + " " + page.weekday}
    return sorted(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=16)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--files", choices=("test", "dev"), default="test")
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = corpus_articles(TEST_FILES if args.files == "test" else DEV_FILES, rng)
    pages, jumps = make_pages(args.pages, rng, pool)
    grids = {page.number: max(sum(a.columns for a in row) for row in page.articles) for page in pages}
    data, answers = fitted_pdf(pages, grids)
    document = read_pdf(data, "bench.pdf")
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        read_pdf(data, "bench.pdf")
        timings.append(time.perf_counter() - started)
    scores = Scores()
    scores.add(
        [p for answer in answers for p in answer.paragraphs],
        [(p.kind.value, p.text) for p in document.paragraphs],
        furniture_of(pages),
    )
    articles_count = sum(len(row) for page in pages for row in page.articles)
    print(
        f"ReportLab pages: {len(pages)} pages, {articles_count} articles ({jumps} jumps), "
        f"{len(data) / 1024:.0f} KB, corpus files: {args.files}"
    )
    print("\n".join(scores.lines()))
    print(f"  time to read the {len(pages)}-page PDF: {min(timings):.2f} s (best of 3)")
    if not args.no_libreoffice:
        from bench.pdf_docx_pages import libreoffice_scores

        for line in libreoffice_scores(pool, rng, Scores):
            print(line)


if __name__ == "__main__":
    main()
