"""PDF import: newspaper pages typeset by `bench/pdf_pages.py` (ReportLab, STSong-Light) read back as their answers."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from bench.pdf_pages import JUMP_FORMS, ArticleSpec, PageSpec, in_rows, make_pdf
from editor.core.document import ParagraphKind
from editor.core.io import InputError, read_document
from editor.core.io.pdf_reader import read_pdf

SENTENCE = "武进区今年以来持续推进城乡环境整治，累计完成项目120个，投入资金3.5亿元。"


def two_pages(jump_form: int = 0) -> tuple[bytes, list]:
    start = ArticleSpec(
        "区委常委会召开会议研究部署年终工作",
        [SENTENCE * 3, SENTENCE * 2, SENTENCE],
        byline="本报记者 李明",
        columns=2,
        jump_to=2,
        cut=(1, 20),
        jump_form=jump_form,
    )
    games = ArticleSpec(
        "冬季运动会开幕",
        [SENTENCE * 2, SENTENCE],
        subheadline="全区三千名运动员参赛",
        caption="开幕式现场。（记者 张三 摄）",
        columns=2,
    )
    brief = ArticleSpec("新闻短讯", [SENTENCE, SENTENCE * 2], columns=4)
    rest = ArticleSpec("年终工作", [], columns=3, jump_from=1, jump_form=jump_form)
    return make_pdf([PageSpec(1, [[start, games], [brief]]), PageSpec(2, [[rest]], section="综合")])


def read(data: bytes):
    document = read_pdf(data, "page.pdf")
    return document, [(paragraph.kind.value, paragraph.text) for paragraph in document.paragraphs]


def test_a_page_is_read_in_its_reading_order_with_its_kinds_and_the_jumped_article_whole():
    data, answers = two_pages()
    _, got = read(data)
    assert got == [paragraph for answer in answers for paragraph in answer.paragraphs]


@pytest.mark.parametrize("form", range(1, len(JUMP_FORMS)), ids=["转2版", "第二版", "版名 紧接"])
def test_jump_lines_as_papers_print_them_join_the_article_whole(form):
    """（转2版）/（接1版）, 第二版 in Chinese numerals, （转第2版·要闻）/（紧接第一版）: each is taken out and joins."""
    data, answers = two_pages(form)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert all(line.format(2, cn="二") in text or line.format(1, cn="一") in text for line in JUMP_FORMS[form])
    _, got = read(data)
    assert got == [paragraph for answer in answers for paragraph in answer.paragraphs]


def test_furniture_is_kept_as_page_metadata_and_out_of_the_text():
    data, _ = two_pages()
    document, _ = read(data)
    first, second = document.pages
    assert (first.label, first.date, first.section, first.paper) == ("A1", "2026年12月1日", "要闻", "武进日报")
    assert (second.label, second.section) == ("A2", "综合")
    assert any(line.startswith("责任编辑") for line in first.furniture)
    assert document.date == dt.date(2026, 12, 1)  # the article date the political checks read
    text = "".join(document.texts)
    for furniture in ("武进日报", "星期二", "要闻", "责任编辑", "美编", "下转", "上接"):
        assert furniture not in text


def test_every_paragraph_knows_its_page_and_column():
    data, _ = two_pages()
    document, _ = read(data)
    places = [(p.source.page, p.source.column) for p in document.paragraphs]
    assert places[0] == ("A1", 1)  # the first headline
    games = next(i for i, p in enumerate(document.paragraphs) if p.text == "冬季运动会开幕")
    assert places[games] == ("A1", 3)
    assert ("A2", 2) in places  # the rest of the jumped article, read after its start on A1
    assert {page for page, _ in places} == {"A1", "A2"}


def test_without_the_other_page_the_jump_line_goes_and_the_part_stays():
    start = ArticleSpec("区委常委会召开会议", [SENTENCE * 3, SENTENCE * 2], columns=2, jump_to=3, cut=(1, 20))
    data, answers = make_pdf([PageSpec(1, [[start]])])
    _, got = read(data)
    assert got == answers[0].paragraphs
    kind, kept = got[-1]  # the part up to the jump, which falls at the end of the line the cut is in
    assert kind == "body" and 20 <= len(kept) < len(SENTENCE * 2) and (SENTENCE * 2).startswith(kept)


_TEXT = st.text(
    alphabet="区委会议城乡环境整治项目资金亿元万人年月日开展推进一二三0123456789，。、；：“”（）%",
    min_size=30,
    max_size=400,
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    articles=st.lists(
        st.tuples(st.lists(_TEXT, min_size=1, max_size=4), st.integers(min_value=1, max_value=3)),
        min_size=1,
        max_size=4,
    ),
    columns=st.integers(min_value=2, max_value=5),
)
@example(  # a column of the first article as near across to the next article's head as to its own
    articles=[(["0000000000000000000““““““0“““““"], 2), (["000000000000000000000000000000"], 1)], columns=4
)
def test_import_loses_no_character_of_the_text(articles, columns):
    specs = [
        ArticleSpec(f"标题{index}号新闻", texts, columns=min(span, columns))
        for index, (texts, span) in enumerate(articles)
    ]
    rows = in_rows(specs, columns)
    data, answers = make_pdf([PageSpec(1, rows)], columns=columns)
    _, got = read(data)
    assert "".join(text for _, text in got) == "".join(text for _, text in answers[0].paragraphs)


def test_a_hyphenated_latin_word_at_a_line_end_is_whole_again():
    from editor.core.io.pdf_paragraphs import join_lines

    assert join_lines(["新产品名为 inter-", "national 版"]) == "新产品名为 international 版"
    assert join_lines(["共有 12", "3 人"]) == "共有 123 人"
    assert join_lines(["the new", "policy"]) == "the new policy"
    assert join_lines(["城乡", "环境"]) == "城乡环境"


def test_a_scanned_pdf_gets_one_line_and_no_draft(tmp_path):
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from bench.authored_docx import tiny_png

    stream = io.BytesIO()
    canvas = Canvas(stream)
    canvas.drawImage(ImageReader(io.BytesIO(tiny_png())), 50, 50, 400, 600)
    canvas.showPage()
    canvas.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(stream.getvalue())
    with pytest.raises(InputError) as error:
        read_document(path)
    assert "扫描件" in str(error.value) and "\n" not in str(error.value) and "scan.pdf" in str(error.value)


def encrypted_pdf() -> bytes:
    import io

    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    from bench.pdf_pages import FONT, _register

    _register()
    stream = io.BytesIO()
    canvas = Canvas(stream, encrypt=StandardEncryption("secret", canPrint=1))
    canvas.setFont(FONT, 12)
    canvas.drawString(50, 700, SENTENCE)
    canvas.showPage()
    canvas.save()
    return stream.getvalue()


def test_an_encrypted_pdf_gets_one_line(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(InputError) as error:
        read_document(path)
    assert "加密" in str(error.value) and "\n" not in str(error.value) and "locked.pdf" in str(error.value)


def test_a_pdf_is_known_by_its_header_whatever_its_name(tmp_path):
    data, answers = two_pages()
    path = tmp_path / "page.dat"
    path.write_bytes(data)
    assert read_document(path).paragraphs[0].kind is ParagraphKind.HEADLINE
