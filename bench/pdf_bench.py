"""PDF import benchmark: newspaper pages made from corpus articles, read back against their known answers.

Pages are typeset two ways: by ReportLab with the CID font STSong-Light (`bench/pdf_pages.py`: 3–6
articles a page over a grid of 2–5 columns, each article in its own number of columns over its span,
so its own column width; headlines, subheadlines, bylines, pictures with captions, running heads and
feet, jump lines to a later page) and by LibreOffice from a DOCX of multi-column sections
(`bench/pdf_docx_pages.py`: the way a page printed from Word or LibreOffice comes), once with a
first-line indent and once with space between paragraphs and no indent. The articles come from
corpus files the import was never tuned on (`TEST_FILES`).

The ReportLab pages come in varieties, each a set of pages where one thing real pages have is
everywhere (`VARIETIES`): the plain grid (2–5 columns, each article its own width, a headline over
its columns), boxed articles (side bars), pictures with captions under them, two-line headlines, 引题
above and 副题 below headlines, 小标题 between an article's paragraphs (at the body size, flush left or
centred), articles continued on a later page (上接/下转), half-width digits and Latin words in the body,
full-width spaces, pages drawn one character per text object (as 方正 systems write them), type set at
1 point and scaled up by the text matrix (as InDesign and Acrobat write it), pages output for print
with crop marks and a slug line outside the trim box, paragraphs set apart by space and not indented
(all pages of the file, as a paper sets them alike), lines set ragged right (with neither indent nor
space, where a line short of the edge ends a paragraph only on a mark), body type leaded at twice
its size, marks hanging past the column's edge into the gutter, fonts whose ToUnicode map leaves
some glyphs out, a picture under all of a page's type (a background picture, or a scan under its
text layer), headlines set upright (竖题) left or right of their text, headlines (with their 引题 and
subheadlines) centred over their text; and 16 pages of all of them
mixed, which are also timed.

Printed for each: text recall and precision (characters in order, whitespace aside; the spaces and
the full-width spaces expected and read: a space LibreOffice prints as a gap, with no space
character, is not read), furniture leaked into the text, paragraph-boundary precision and recall,
kinds right, and the time to read the pages (best of three); for the unmapped glyphs, how many there
were, how many the text marks with U+FFFD and how many the reader said it lost. Targets: text ≥
0.999, no furniture, boundaries P ≥ 0.99 and R ≥ 0.98, a 16-page PDF in under 3 s.

    nice .venv/bin/python bench/pdf_bench.py [--pages 16] [--variety-pages 8] [--seed 7] [--files dev]
        [--only VARIETY...] [--no-libreoffice]
"""

from __future__ import annotations

import argparse
import difflib
import logging
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.draft_maker import articles, clauses  # noqa: E402
from bench.layout_bench import CORPUS, DEV_FILES, TEST_FILES  # noqa: E402
from bench.pdf_pages import JUMP_FORMS, LEADING, Answer, ArticleSpec, Overflow, PageSpec, make_pdf, without_unicode  # noqa: E402
from editor.core.io.pdf_reader import UNMAPPED, read_pdf  # noqa: E402

_WHITESPACE = re.compile(r"\s+")
_NAMES = ["李明", "张蕾", "王建国", "陈思远", "周敏", "刘洋", "吴佳", "孙浩"]
_SECTIONS = ["要闻", "综合", "经济", "社会", "文体", "城建"]
#: Half-width runs as news copy has them: figures, abbreviations, names of products, addresses.
_LATIN = [
    "5G基站", "GDP", "APP", "PM2.5", "iPhone 16", "COVID-19", "www.wj.gov.cn", "AI大模型", "CBD", "LED显示屏",
    "Wi-Fi", "3.5%", "A股", "ISO 9001认证", "2026年第3季度", "Smart City", "No.1", "USB-C", "CPI同比上涨0.4%",
]  # fmt: skip


@dataclass(frozen=True)
class Variety:
    """How often each thing real pages have appears on a set of pages (a share of articles, paragraphs or pages)."""

    caption: float = 0.3
    subheadline: float = 0.6
    byline: float = 0.7
    jump: float = 0.5
    kicker: float = 0.0
    two_lines: float = 0.0
    boxed: float = 0.0
    upright: float = 0.0  # of articles, their headline set upright (竖题), left or right of the text, half each
    centred: float = 0.0  # of articles, their headline (and 引题, subheadline) centred over the text
    intertitles: float = 0.0  # of articles of three paragraphs or more, a 小标题 over some of their paragraphs
    latin: float = 0.0  # of paragraphs
    fullwidth: float = 0.0  # of paragraphs, and of bylines
    one_by_one: float = 0.0  # of pages
    scaled: float = 0.0  # of pages
    marks: float = 0.0  # of pages
    background: float = 0.0  # of pages, a picture under all of their type
    wide_leading: float = 0.0  # of pages, their body leaded at twice the type size
    hanging: float = 0.0  # of pages, their marks hanging past the column edge
    #: every page starts its paragraphs with an indent, or sets them apart by space instead (a file's pages are set
    #: alike)
    indented: bool = True
    spaced: bool = False
    ragged: float = 0.0  # of pages, their lines not justified (ragged right)
    lost: int = 0  # characters whose glyphs the font's ToUnicode map leaves out


UPRIGHT = "headlines set upright (竖题)"
CENTRED = "headlines centred over their text"
VARIETIES = {
    "grid": Variety(),
    "boxed": Variety(boxed=1.0),
    "pictures": Variety(caption=1.0),
    "two-line headlines": Variety(two_lines=1.0),
    "引题/副题": Variety(kicker=1.0, subheadline=1.0),
    "jumps": Variety(jump=1.0),
    "Latin and digits": Variety(latin=0.8),
    "full-width spaces": Variety(fullwidth=0.5),
    "one text object a character": Variety(one_by_one=1.0),
    "type scaled by the text matrix": Variety(scaled=1.0),
    "printer's marks outside the trim box": Variety(marks=1.0),
    "space between paragraphs, no indent": Variety(indented=False, spaced=True),
    "ragged right, neither indent nor space": Variety(indented=False, ragged=1.0),
    "body leaded at twice its size": Variety(wide_leading=1.0),
    "marks hanging into the gutter": Variety(hanging=1.0),
    "glyphs without ToUnicode": Variety(lost=3),
    "a picture under the type": Variety(background=1.0),
    "小标题 between paragraphs": Variety(intertitles=1.0),
    UPRIGHT: Variety(upright=0.5),
    CENTRED: Variety(centred=0.8, kicker=0.3, two_lines=0.4),
}
#: Varieties added since the mixed pages were first measured, read after them: the corpus articles are drawn in
#: turn, so the pages of the earlier varieties and of the mixed ones are drawn as they were.
AFTER_MIXED = (UPRIGHT, CENTRED)
#: Everything a page may have on its own, mixed; what a file sets on every page alike (indent or space) as most do.
MIXED = Variety(
    kicker=0.2,
    two_lines=0.2,
    boxed=0.15,
    upright=0.1,
    centred=0.3,
    latin=0.3,
    fullwidth=0.1,
    one_by_one=0.25,
    scaled=0.25,
    marks=0.2,
    wide_leading=0.2,
    hanging=0.3,
    ragged=0.2,
    background=0.15,
    intertitles=0.3,
)


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
    spaces_right: int = 0
    fullwidth: int = 0
    fullwidth_read: int = 0

    def add(self, answer: list[tuple[str, str]], got: list[tuple[str, str]], furniture: list[str]) -> None:
        want_spaces, got_spaces = _spaces(answer), _spaces(got)
        self.spaces += len(want_spaces)
        self.spaces_read += len(got_spaces)
        self.fullwidth += sum(t.count("\u3000") for _, t in answer)
        self.fullwidth_read += sum(t.count("\u3000") for _, t in got)
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
        self.spaces_right += len(want_spaces & ({_map(offset, blocks) for offset in got_spaces} - {None}))
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
            f"{self.got:,} read; spaces apart: {self.spaces} expected, {self.spaces_read} read, "
            f"{self.spaces_right} in place; "
            f"full-width {self.fullwidth} expected, {self.fullwidth_read} read)",
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


def _spaces(paragraphs: list[tuple[str, str]]) -> set[int]:
    """Where the half-width spaces stand: the offset, in the text without white space, of the character after each."""
    offsets, at = set(), 0
    for _, text in paragraphs:
        for char in text:
            if char == " ":
                offsets.add(at)
            elif not char.isspace():
                at += 1
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


def make_pages(count: int, rng: random.Random, pool: list, variety: Variety) -> tuple[list[PageSpec], int]:
    """``count`` pages of 3–6 articles over 2–5 columns, with what ``variety`` asks for; some articles jump two
    pages on. Returns pages and jumps."""
    pages = [
        PageSpec(
            number,
            [],
            section=rng.choice(_SECTIONS),
            date="2026年12月1日",
            weekday="星期二",
            one_by_one=rng.random() < variety.one_by_one,
            scaled=rng.random() < variety.scaled,
            marks=rng.random() < variety.marks,
            background=rng.random() < variety.background,
            leading=2.0 if rng.random() < variety.wide_leading else LEADING,
            hanging=rng.random() < variety.hanging,
            indented=variety.indented,
            spaced=variety.spaced,
            ragged=rng.random() < variety.ragged,
        )
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
                row.append(_article(pool.pop(), span, rng, variety))
                used += span
                placed += 1
            rows.append(row)
        last = rows[-1][-1]
        target = page.number + 2
        if target <= count and rng.random() < variety.jump and len(last.paragraphs) >= 2 and not last.jump_from:
            paragraph = rng.randrange(1, len(last.paragraphs))
            cut = (paragraph, rng.randrange(0, max(1, len(last.paragraphs[paragraph]) - 1)))
            if last.paragraphs[paragraph] in last.intertitles:  # a 小标题 is not cut: it goes on with its paragraph
                cut = (paragraph, 0)
            last.jump_to, last.cut, last.jump_form = target, cut, rng.randrange(len(JUMP_FORMS))
            rest = ArticleSpec(
                _shortened(last.headline),
                [],
                columns=rng.randint(1, grids[target]),
                jump_from=page.number,
                jump_form=last.jump_form,
            )
            pages[target - 1].articles.insert(0, [rest])
            jumps += 1
        page.articles = rows
    return pages, jumps


def _article(article, span: int, rng: random.Random, variety: Variety) -> ArticleSpec:
    headline, *others = article.headlines
    upright, headline = _upright(headline, rng, variety)
    caption = ""
    if rng.random() < variety.caption:
        words = rng.choice(article.paragraphs)[: rng.randint(12, 28)].rstrip("，、；")
        caption = f"{words}。（记者 {rng.choice(_NAMES)} 摄）"
    kicker = rng.random() < variety.kicker
    subheadline = others[0] if others and rng.random() < variety.subheadline else ""
    space = "\u3000" if rng.random() < variety.fullwidth else " "
    paragraphs = [_varied(paragraph, rng, variety) for paragraph in article.paragraphs]
    intertitles = _intertitles(paragraphs, rng) if rng.random() < variety.intertitles else ()
    places = rng.sample(range(1, len(paragraphs)), len(intertitles))
    for at, title in sorted(zip(places, intertitles, strict=True), reverse=True):
        paragraphs.insert(at, title)  # each over a paragraph of its own
    return ArticleSpec(
        headline,
        paragraphs,
        intertitles=intertitles,
        centred_titles=rng.random() < 0.5,
        subheadline=subheadline if not kicker else (subheadline if rng.random() < 0.5 else ""),
        kicker=(others[0] if others and others[0] != subheadline else _kicker(article)) if kicker else "",
        byline=f"本报记者{space}{rng.choice(_NAMES)}" if rng.random() < variety.byline else "",
        caption=caption,
        columns=span,
        body_columns=rng.randint(1, span) if span > 1 and rng.random() < 0.5 else 0,
        headline_lines=2 if rng.random() < variety.two_lines and len(headline) >= 8 else 1,
        boxed=rng.random() < variety.boxed,
        upright=upright,
        centred=variety.centred > 0 and rng.random() < variety.centred,  # no draw where no variety centres one
    )


#: The longest headline set upright: a 竖题 is short, no taller than its article's text.
_UPRIGHT_MAX = 12


def _upright(headline: str, rng: random.Random, variety: Variety) -> tuple[str, str]:
    """The side of its text the headline is set upright on ("": across, over its text), and the headline: a 竖题
    is a short one, so a longer headline set upright is cut to its first `_UPRIGHT_MAX` characters, as an editor
    shortens it. A variety without upright headlines draws nothing, so its pages are those it made before."""
    if not (variety.upright > 0 and rng.random() < variety.upright):
        return "", headline
    return rng.choice(("left", "right")), headline[:_UPRIGHT_MAX]


#: How papers set 小标题: numbered, after a square, or bare.
_INTERTITLE_FORMS = ("{numeral}、{text}", "■{text}", "{text}")


def _intertitles(paragraphs: list[str], rng: random.Random) -> tuple[str, ...]:
    """One or two 小标题 for an article of three paragraphs or more, made of a clause of its paragraphs (none for
    a shorter one), in one of the forms papers set them in (`_INTERTITLE_FORMS`), each short enough for one line of
    the narrowest column (13 characters)."""
    if len(paragraphs) < 3:
        return ()
    form = rng.choice(_INTERTITLE_FORMS)
    found = clauses(paragraphs, 4, 10)
    picked = rng.sample(found, min(len(found), rng.randint(1, 2)))
    return tuple(form.format(numeral="一二"[index], text=text) for index, text in enumerate(picked))


def _kicker(article) -> str:
    """A 引题 from the article's first sentence: its opening clause."""
    return re.split(r"[，。；：]", article.paragraphs[0])[0][:18]


def _varied(paragraph: str, rng: random.Random, variety: Variety) -> str:
    """``paragraph`` with a half-width run after one of its commas, a full-width space after one of its full stops."""
    if rng.random() < variety.latin:
        commas = [m.end() for m in re.finditer("，", paragraph)]
        if commas:
            at = rng.choice(commas)
            paragraph = paragraph[:at] + rng.choice(_LATIN) + "，" + paragraph[at:]
    if rng.random() < variety.fullwidth:
        stops = [m.end() for m in re.finditer("。", paragraph[:-1])]
        if stops:
            at = rng.choice(stops)
            paragraph = paragraph[:at] + "\u3000" + paragraph[at:]
    return paragraph


def _shortened(headline: str) -> str:
    return headline[: max(4, len(headline) // 2)]


def fitted_pdf(pages: list[PageSpec], grid_of) -> tuple[bytes, list[Answer]]:
    """The PDF of ``pages``, the last paragraph of the longest article dropped until every page fits."""
    while True:
        try:
            return make_pdf(pages, columns=grid_of)
        except Overflow as overflow:
            own = [a for a in overflow.articles if not a.jump_from and len(a.paragraphs) > 1]
            source = [
                a
                for p in pages
                for row in p.articles
                for a in row
                if a.jump_to == overflow.number and (len(a.paragraphs) > 1 or a.cut[1] < len(a.paragraphs[0]))
            ]
            if own:
                article = max(own, key=lambda a: sum(map(len, a.paragraphs)) / a.columns)
            elif source:  # only a continuation is too long: shorten the article it continues
                article = source[0]
                if len(article.paragraphs) == 1:  # of one paragraph: cut it later, its rest shorter
                    paragraph, character = article.cut
                    article.cut = (paragraph, (character + len(article.paragraphs[paragraph]) + 1) // 2)
                    continue
            else:  # articles of one paragraph each: the page's last one that neither jumps nor continues goes
                page = pages[overflow.number - 1]
                row = next(r for r in reversed(page.articles) if any(not (a.jump_to or a.jump_from) for a in r))
                row.remove(next(a for a in reversed(row) if not (a.jump_to or a.jump_from)))
                page.articles = [r for r in page.articles if r]
                continue
            article.paragraphs.pop()
            while article.paragraphs[-1] in article.intertitles:  # a 小标题 heads a paragraph, it ends none
                article.paragraphs.pop()
            if article.jump_to and article.cut[0] >= len(article.paragraphs):  # cut in the last one kept
                article.cut = (len(article.paragraphs) - 1, len(article.paragraphs[-1]) // 2)


def furniture_of(pages: list[PageSpec]) -> list[str]:
    items = {"（下转", "（上接", "责任编辑", "美编：", "校对："}
    for page in pages:
        items |= {page.paper, f"{page.label} {page.section}", page.date + " " + page.weekday}
    return sorted(items)


def measure(name: str, count: int, rng: random.Random, pool: list, variety: Variety) -> list[str]:
    """Lines to print: ``count`` pages of ``variety`` typeset, read (best of three timed) and scored."""
    pages, jumps = make_pages(count, rng, pool, variety)
    lost = _lost_characters(pages, variety.lost, rng)
    for page in pages:
        page.lost = lost
    grids = {page.number: max(sum(a.columns for a in row) for row in page.articles) for page in pages}
    data, answers = fitted_pdf(pages, grids)
    expected = [p for answer in answers for p in answer.paragraphs]
    if lost:
        data = without_unicode(data)
        expected = [(kind, "".join(UNMAPPED if c in lost else c for c in text)) for kind, text in expected]
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        document = read_pdf(data, "bench.pdf")
        timings.append(time.perf_counter() - started)
    scores = Scores()
    scores.add(expected, [(p.kind.value, p.text) for p in document.paragraphs], furniture_of(pages))
    articles_count = sum(len(row) for page in pages for row in page.articles)
    lines = [
        f"{name}: {len(pages)} pages, {articles_count} articles ({jumps} jumps), {len(data) / 1024:.0f} KB",
        *scores.lines(),
        f"  time to read the {len(pages)}-page PDF: {min(timings):.2f} s (best of 3)",
    ]
    if lost:
        unmapped = sum(text.count(UNMAPPED) for _, text in expected)
        marked = sum(p.text.count(UNMAPPED) for p in document.paragraphs)
        said = sum(page.unmapped for page in document.pages)
        lines.append(
            f"  glyphs without Unicode ({'、'.join(sorted(lost))}): {unmapped} in the text, {marked} marked U+FFFD, "
            f"{said} said lost"
        )
    return lines


def _lost_characters(pages: list[PageSpec], count: int, rng: random.Random) -> str:
    """``count`` characters of the articles' text, each used a few times, for a font to lose the Unicode of."""
    if not count:
        return ""
    texts = [text for page in pages for row in page.articles for article in row for text in article.paragraphs]
    used = Counter(c for text in texts for c in text if "\u4e00" <= c <= "\u9fff")
    few = sorted(c for c, n in used.items() if 3 <= n <= 30)
    return "".join(rng.sample(few, min(count, len(few))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=16, help="pages of all varieties mixed (timed)")
    parser.add_argument("--variety-pages", type=int, default=8, help="pages of each variety")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--files", choices=("test", "dev"), default="test")
    parser.add_argument("--only", nargs="*", choices=[*VARIETIES, "mixed"], help="these varieties only")
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    logging.getLogger("editor.core.io.pdf_reader").setLevel(logging.ERROR)  # the lost glyphs are counted instead
    rng = random.Random(args.seed)
    pool = corpus_articles(TEST_FILES if args.files == "test" else DEV_FILES, rng)
    print(f"ReportLab pages, articles from the corpus files: {args.files}")
    wanted = args.only or [*(name for name in VARIETIES if name not in AFTER_MIXED), "mixed", *AFTER_MIXED]
    for name in wanted:
        variety = MIXED if name == "mixed" else VARIETIES[name]
        count = args.pages if name == "mixed" else args.variety_pages
        print("\n".join(measure(name, count, random.Random(f"{args.seed}-{name}"), pool, variety)))
    if not args.no_libreoffice and not args.only:
        from bench.pdf_docx_pages import libreoffice_scores

        for line in libreoffice_scores(pool, rng, Scores):
            print(line)


if __name__ == "__main__":
    main()
