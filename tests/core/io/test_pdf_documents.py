"""PDF import of a document printed from Word or a browser, as a bulletin (公文) comes: a title centred in two lines,
a ruled table between paragraphs, the signature and date set flush right at a page's foot or head; a page a browser
printed with its head centred over CSS columns and a table whose cells' borders it draws one by one."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from bench.pdf_pages import FONT, _register, text_width
from editor.core.document import ParagraphKind
from editor.core.engine import Engine
from editor.core.io.pdf_reader import read_pdf
from editor.core.issue import Category
from editor.core.layout.analysis import classify

DATA = Path(__file__).resolve().parents[2] / "data" / "pdf"
SIZE, LEFT, WIDTH, HEIGHT = 12.0, 72.0, 432.0, 842.0  # a column of 36 characters on an A4 page
BODY = "坚持以人民为中心的发展思想，统筹城市规划、建设、管理三大环节，聚焦老旧小区改造和地下管网改造，品质明显提升。"


class _Page:
    """A page of a document set line by line: justified lines of 36 characters, the first indented two."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas, self.y = canvas, 80.0

    def line(self, text: str, x: float = LEFT, size: float = SIZE) -> None:
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(x, HEIGHT - self.y - size * 0.88, text)
        self.y += size * 1.6

    def centred(self, text: str, size: float) -> None:
        self.line(text, LEFT + (WIDTH - text_width(text, size)) / 2, size)

    def flush_right(self, text: str) -> None:
        self.line(text, LEFT + WIDTH - text_width(text, SIZE))

    def paragraph(self, text: str) -> None:
        first, rest = text[:34], text[34:]
        self.line(first, LEFT + 2 * SIZE)
        for start in range(0, len(rest), 36):
            self.line(rest[start : start + 36])
        self.y += 4

    def table(self, rows: list[tuple[str, ...]], widths: list[float]) -> None:
        """A table ruled all round and between its cells, as Word's 网格型 prints it: thin filled rectangles."""
        height, top = SIZE * 1.6, self.y
        lefts = [LEFT + sum(widths[:index]) for index in range(len(widths) + 1)]
        for row, cells in enumerate(rows):
            for cell, text in enumerate(cells):
                self.canvas.setFont(FONT, SIZE)
                self.canvas.drawString(lefts[cell] + 4, HEIGHT - top - row * height - SIZE * 1.2, text)
        bottom = top + len(rows) * height
        for row in range(len(rows) + 1):
            self.canvas.rect(lefts[0], HEIGHT - top - row * height - 0.5, lefts[-1] - lefts[0], 1, stroke=0, fill=1)
        for x in lefts:
            self.canvas.rect(x - 0.5, HEIGHT - bottom, 1, bottom - top, stroke=0, fill=1)
        self.y = bottom + 10


def bulletin() -> bytes:
    _register()
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=(WIDTH + 2 * LEFT, HEIGHT))
    page = _Page(canvas)
    page.centred("关于印发《武进区城市更新三年行动方案（2026—2028", 16)
    page.centred("年）》的通知", 16)
    page.paragraph(BODY * 2)
    page.table(
        [("项目", "2026年", "2028年"), ("老旧小区改造（个）", "40", "120"), ("口袋公园（处）", "10", "30")],
        [180, 126, 126],
    )
    page.line("二、保障措施", LEFT + 2 * SIZE)
    page.paragraph(BODY * 3)
    canvas.showPage()
    page = _Page(canvas)
    page.flush_right("武进区人民政府办公室")
    page.flush_right("2026年12月1日")
    canvas.showPage()
    canvas.save()
    return stream.getvalue()


def test_a_ruled_table_is_read_cell_by_cell_row_by_row_and_no_cell_runs_on():
    """Read as columns, the table's figures ran together (40 and 10 as 4010) and its first column ran into the
    paragraph before it. Each cell is a paragraph of its own, and layout repair joins none of them."""
    document = read_pdf(bulletin(), "bulletin.pdf")
    texts = document.texts
    start = texts.index("项目")
    cells = ["项目", "2026年", "2028年", "老旧小区改造（个）", "40", "120", "口袋公园（处）", "10", "30"]
    assert texts[start : start + 9] == cells
    assert texts[start - 1] == BODY * 2 and texts[start + 9] == "二、保障措施"
    found = Engine({Category.LAYOUT}).check(document).issues
    assert not [issue for issue in found if issue.joins_next and start - 1 <= issue.paragraph < start + 9]
    kinds = {paragraph.kind for paragraph in classify(document).paragraphs[start : start + 9]}
    assert kinds == {ParagraphKind.BODY}  # a cell's 2026年 or 120 is short and unpunctuated, and no headline


def test_a_title_centred_in_two_lines_is_one_title():
    document = read_pdf(bulletin(), "bulletin.pdf")
    assert document.texts[0] == "关于印发《武进区城市更新三年行动方案（2026—2028年）》的通知"


def test_a_signature_flush_right_at_the_head_of_a_page_is_no_part_of_the_paragraph_before():
    """The last paragraph of page 1 ends short of the edge on 。: it has ended, and the signature and date set flush
    right at the head of the next page (not indented, as no paragraph start in the document is not) are lines of
    their own."""
    texts = read_pdf(bulletin(), "bulletin.pdf").texts
    assert texts[-3:] == [BODY * 3, "武进区人民政府办公室", "2026年12月1日"]


def test_a_signature_under_a_table_ends_its_paragraph_before_the_next_page():
    """A signature set flush right under a table reaches the column's right edge, as a line the paragraph goes on
    from does, but starts far right of the column's left: the date at the head of the next page is a line of its
    own, not the rest of the signature."""
    _register()
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=(WIDTH + 2 * LEFT, HEIGHT))
    page = _Page(canvas)
    page.paragraph(BODY * 2)
    page.table([("项目", "2026年"), ("口袋公园（处）", "10")], [216, 216])
    page.flush_right("武进区人民政府办公室")
    canvas.showPage()
    page = _Page(canvas)
    page.flush_right("2026年12月1日")
    page.paragraph(BODY)
    canvas.showPage()
    canvas.save()
    texts = read_pdf(stream.getvalue(), "signed.pdf").texts
    assert texts == [BODY * 2, "项目", "2026年", "口袋公园（处）", "10", "武进区人民政府办公室", "2026年12月1日", BODY]


def test_a_cell_merged_over_two_columns_or_two_rows_is_one_cell():
    """Where no rule parts two spaces of the grid (合计 over the three columns, its text across two of them; 公园
    over two rows), they are one cell: its text one paragraph, read where its top left space stands."""
    _register()
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=(WIDTH + 2 * LEFT, HEIGHT))
    xs, ys = [LEFT, LEFT + 144, LEFT + 288, LEFT + 432], [100.0, 124.0, 148.0, 172.0]
    cells = {
        (0, 0): "公园",
        (0, 1): "2025年",
        (0, 2): "2026年",
        (1, 1): "10",
        (1, 2): "30",
        (2, 0): "合计：共计完成二百个项目，超额完成",
    }
    canvas.setFont(FONT, SIZE)
    for (row, column), text in cells.items():
        canvas.drawString(xs[column] + 4, HEIGHT - ys[row] - 17, text)

    def rule(x0: float, y0: float, x1: float, y1: float) -> None:
        canvas.rect(x0 - 0.5, HEIGHT - y1 - 0.5, x1 - x0 + 1, y1 - y0 + 1, stroke=0, fill=1)

    for y in (ys[0], ys[2], ys[3]):
        rule(xs[0], y, xs[3], y)
    rule(xs[1], ys[1], xs[3], ys[1])  # none under 公园: it spans two rows
    for x in (xs[0], xs[3]):
        rule(x, ys[0], x, ys[3])
    rule(xs[1], ys[0], xs[1], ys[2])  # none between the columns 合计 spans
    rule(xs[2], ys[0], xs[2], ys[2])
    canvas.showPage()
    canvas.save()
    texts = read_pdf(stream.getvalue(), "merged.pdf").texts
    assert texts == ["公园", "2025年", "2026年", "10", "30", "合计：共计完成二百个项目，超额完成"]


def test_rules_framing_paragraphs_are_no_table():
    """Rules round and across a page's text (articles framed, a rule between rows) make a grid whose cells hold
    paragraphs, not figures: the text is read as it was."""
    _register()
    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=(WIDTH + 2 * LEFT, HEIGHT))
    page = _Page(canvas)
    page.paragraph(BODY * 8)
    assert 220 < page.y < 400
    for x in (LEFT - 6, LEFT + WIDTH / 2, LEFT + WIDTH + 6):
        canvas.rect(x, HEIGHT - 400, 1, 360, stroke=0, fill=1)
    for y in (40, 220, 400):
        canvas.rect(LEFT - 6, HEIGHT - y, WIDTH + 12, 1, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    assert read_pdf(stream.getvalue(), "framed.pdf").texts == [BODY * 8]


def test_a_page_a_browser_printed_reads_its_centred_head_first_and_its_table_cell_by_cell():
    """Chromium centres the headline and subheadline over three CSS columns (the subheadline stands over the middle
    one alone) and draws each table cell's border by itself: the head is read before the first column, and the
    borders, joined, rule the table."""
    texts = read_pdf((DATA / "browser_columns_table.pdf").read_bytes(), "browser_columns_table.pdf").texts
    assert texts[:3] == [
        "城区新增口袋公园",
        "今年改造老旧小区四十个",
        "今年以来，我区持续推进城市更新，在老旧小区周边见缝插绿，新建口袋公园三处，方便市民就近休闲。",
    ]
    assert texts[-7:] == [
        "项目",
        "2025年",
        "2026年",
        "口袋公园（处）",
        "10",
        "30",
        "区住建局表示，明年还将新建口袋公园五处。",
    ]
