"""Layout repair on Word documents: no join in what an author wrote, every cut in what the layout system pasted.

    .venv/bin/python bench/docx_layout_bench.py            # held-out sentences (reported figures)
    .venv/bin/python bench/docx_layout_bench.py --dev      # the sentences used while developing

Authored documents are written with `bench/authored_docx.py` from corpus sentences and
headlines: titles (styled, bold, two lines typed with Shift+Enter), a table of contents,
headings numbered the ways Chinese documents number them (styled, outline level, or typed
as bold or plain text), body paragraphs, list items (Word numbering, a list style, or
numbers typed by hand), pictures with captions (Word's style or typed), notes left without
their full stop ("注：…，单位为万元"), forms (underlined
blanks, tabs, tables), content controls, addresses and signatures. Their right answer is
"no join": the benchmark prints joins per 1,000 paragraphs as read, and which structures
they hit. Laid-out documents are the drafts of `bench/layout_bench.py` pasted into Word, a
line to a paragraph (blank lines as empty paragraphs): their cuts must still be found, with
the same figures as the text drafts, which are printed beside them.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from lm_corpus import is_held_out  # noqa: E402

from bench.authored_docx import WordDraft  # noqa: E402
from bench.draft_maker import Article, articles  # noqa: E402
from bench.layout_bench import CORPUS, bench_setup, make_drafts, score  # noqa: E402
from editor.core.document import Document  # noqa: E402
from editor.core.engine import Engine  # noqa: E402
from editor.core.io.docx_reader import read_docx  # noqa: E402
from editor.core.io.text import parse_text  # noqa: E402
from editor.core.segmentation import segment  # noqa: E402

_NUMERALS = "一二三四五六七八九十"
_NAMES = ("黄雅婷", "朱梦琪", "戴雪燕", "陈雨康", "王晓明", "李华")
_FORM_LABELS = ("申请人签字：", "联系电话：", "推荐单位（盖章）：", "填表日期：", "审核意见：")


class AuthoredDocument:
    """A Word document being written, and what each paragraph of it is (for the breakdown of joins)."""

    def __init__(self, rng: random.Random) -> None:
        self.draft = WordDraft()
        self.rng = rng
        self.what: dict[str, str] = {}

    def put(self, what: str, write, *texts: str, **options) -> None:
        write(self.draft, *texts, **options)
        for text in texts:
            self.what.setdefault(text.strip(), what)

    def title(self, headline: str) -> None:
        choice = self.rng.randrange(4)
        if choice == 0:
            self.put("title", WordDraft.heading, headline, level=0)
        elif choice == 1:
            self.put("title", WordDraft.plain_heading, headline)
        elif choice == 2 and len(headline) >= 8:
            at = _word_boundary_near(headline, len(headline) // 2)
            self.put("soft break", WordDraft.lines, headline[:at], headline[at:])
        else:
            self.put("title", WordDraft.body, headline)

    def heading(self, number: int, headline: str, level: int) -> str:
        numbered = self.rng.choice(
            [f"{number} {headline}", f"{_NUMERALS[(number - 1) % 10]}、{headline}", headline]
            if level == 1
            else [f"（{_NUMERALS[(number - 1) % 10]}）{headline}", f"{number}.{level} {headline}", headline]
        )
        write = self.rng.choice([WordDraft.heading, WordDraft.outline, WordDraft.plain_heading, WordDraft.body])
        options = {WordDraft.heading: {"level": level}, WordDraft.outline: {"level": level - 1}}.get(write, {})
        self.put("heading", write, numbered, **options)
        return numbered

    def contents(self, headings: list[str]) -> None:
        page = 1
        entries = []
        for heading in headings:
            entries.append(f"{heading}\t{page}")
            page += self.rng.randint(0, 3)
        self.draft.contents(entries)
        for entry in entries:
            self.what.setdefault(entry, "contents")

    def items(self, paragraph: str) -> None:
        clauses = [c for c in paragraph.replace("；", "，").rstrip("。！？").split("，") if len(c) >= 2][:6]
        if len(clauses) < 2:
            return
        style = self.rng.randrange(5)
        ending = self.rng.choice(["", "；", "。"])
        for number, clause in enumerate(clauses, 1):
            text = clause + (ending if number < len(clauses) else "。")
            if style == 0:
                self.put("list", WordDraft.numbered, text)
            elif style == 1:
                self.put("list", WordDraft.styled_item, text, bullet=self.rng.random() < 0.5)
            else:
                prefix = [f"{number}.", f"（{number}）", f"{'abcdefgh'[number - 1]})", "●"][self.rng.randrange(4)]
                self.put("list (typed)", WordDraft.body, prefix + text)

    def caption(self, number: int, headline: str) -> None:
        name = self.rng.choice(_NAMES)
        text = self.rng.choice([f"图{number} {headline}", f"图为{headline}现场。（记者 {name} 摄）"])
        self.put("caption", WordDraft.caption, text, styled=self.rng.random() < 0.5)

    def form(self) -> None:
        for label in self.rng.sample(_FORM_LABELS, 3):
            self.put("form", WordDraft.form_line, label)
        cells = ("姓名", "性别", "出生年月", "职务")
        self.draft.tabbed(*cells)
        self.what["\t".join(cells)] = "tabs"
        rows = [["项目名称", ""], ["承担单位", ""], ["（加盖推荐单位", "人事部门公章）"]]
        self.draft.table(rows)
        for row in rows:
            for cell in row:
                self.what.setdefault(cell, "table")

    def address(self) -> None:
        number = self.rng.randint(1, 300)
        lines = ("地址：江苏省常州市武进区湖塘镇", f"人民中路{number}号", f"邮编：213{number:03d}", "电话：0519-8631")
        self.put("soft break", WordDraft.lines, *lines)

    def note(self, paragraph: str) -> None:
        """A note under a table or a figure, which authors often leave without its full stop."""
        clauses = [clause for clause in paragraph.rstrip("。！？").split("，") if clause]
        self.put("note", WordDraft.body, "注：" + "，".join(clauses[:2]))

    def signature(self) -> None:
        self.put("signature", WordDraft.body, "常州市武进区人民政府办公室")
        self.put("signature", WordDraft.body, f"2024年{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日")


def _word_boundary_near(text: str, middle: int) -> int:
    """Where an author breaks a two-line title: between two words, near the middle."""
    boundaries, position = [], 0
    for token in segment(text):
        position += len(token)
        if 2 <= position <= len(text) - 2:
            boundaries.append(position)
    return min(boundaries, key=lambda at: abs(at - middle), default=middle)


def authored_document(items: list[Article], rng: random.Random) -> AuthoredDocument:
    """One authored document made of a few articles: each article's headline heads a section."""
    document = AuthoredDocument(rng)
    sections = [article for article in items if article.headlines and article.paragraphs]
    if not sections:
        return document
    document.title(sections[0].headlines[0])
    headings = [f"{number} {article.headlines[-1]}" for number, article in enumerate(sections, 1)]
    if rng.random() < 0.4:
        document.contents(headings)
    for number, article in enumerate(sections, 1):
        document.heading(number, article.headlines[-1], 1)
        for index, paragraph in enumerate(article.paragraphs):
            if index == 1 and len(article.headlines) > 1:
                document.heading(index, article.headlines[0], 2)
            roll = rng.random()
            if roll < 0.15:
                document.items(paragraph)
            else:
                document.put("body", WordDraft.body, paragraph)
            if roll > 0.9:
                document.caption(number, article.headlines[0])
            elif roll > 0.8:
                document.note(paragraph)
        if rng.random() < 0.2:
            document.form()
        if rng.random() < 0.1:
            document.put("content control", WordDraft.content_control, "请在此处填写单位名称")
    if rng.random() < 0.3:
        document.address()
    if rng.random() < 0.5:
        document.signature()
    return document


def authored_figures(files: list[str], rng: random.Random, per_file: int, held_out: bool, engine: Engine) -> None:
    keep = is_held_out if held_out else (lambda sentence: not is_held_out(sentence))
    paragraphs = joins = documents = 0
    hits: Counter[str] = Counter()
    for name in files:
        items = [article for article in articles(CORPUS / name, rng, per_file, keep) if article.paragraphs]
        for start in range(0, len(items), 4):
            written = authored_document(items[start : start + 4], rng)
            document = read_docx(written.draft.bytes(), "authored.docx")
            documents += 1
            paragraphs += len(document.paragraphs)
            for issue in engine.check(document).issues:
                if issue.joins_next:
                    joins += 1
                    left = document.paragraphs[issue.paragraph].text
                    right = document.paragraphs[issue.paragraph + 1].text
                    hits[f"{written.what.get(left, '?')} + {written.what.get(right, '?')}"] += 1
    print(f"authored documents: {documents}, paragraphs as read: {paragraphs}, joins: {joins}")
    print(f"joins per 1,000 paragraphs: {1000 * joins / paragraphs:.2f}  (target ≤ 5)")
    for pair, count in hits.most_common():
        print(f"  {count:5}  {pair}")


def pasted_into_word(text: str) -> Document:
    """A draft's lines pasted into Word, one paragraph each; a blank line becomes an empty paragraph."""
    draft = WordDraft()
    for line in text.rstrip("\n").split("\n"):
        draft.body(line)
    return read_docx(draft.bytes(), "pasted.docx")


def main() -> None:
    args, files, engine = bench_setup(__doc__.splitlines()[0])
    authored_figures(files, random.Random(args.seed), args.per_file, not args.dev, engine)
    styles = make_drafts(files, random.Random(args.seed), args.per_file, held_out=not args.dev)
    print(f"\n{'laid out':30}{'drafts':>7}{'cuts':>7}{'P':>8}{'R':>8}{'R(evident)':>12}{'glued':>7}")
    for style, drafts in styles.items():
        for source, read in (("text", parse_text), ("docx", pasted_into_word)):
            s = score(drafts, engine, read)
            print(
                f"{style + ' as ' + source:30}{s['drafts']:>7}{s['cuts']:>7}{s['precision']:>8.4f}"
                f"{s['recall']:>8.4f}{s['recall_evident']:>12.4f}{s['headlines_glued']:>7}"
            )


if __name__ == "__main__":
    main()
