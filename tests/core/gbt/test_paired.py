"""Paired quotes and brackets: “见上必找下”, across multi-paragraph quotations and layout cuts."""

from __future__ import annotations

from editor.core.gbt.paired import PairedMarks

QUOTES = PairedMarks(["“”", "‘’"])


def unpaired(*paragraphs: str):
    return [(mark.paragraph, mark.position, mark.mark, mark.opening) for mark in QUOTES.find(paragraphs)]


def test_balanced_and_nested_quotes_are_quiet():
    assert unpaired("他说：“要把‘好事’办好。”") == []


def test_reversed_quotes_are_both_reported():
    assert unpaired("他说：”要把好事办好。“") == [(0, 3, "”", False), (0, 11, "“", True)]


def test_a_quotation_over_paragraphs_opens_each_and_closes_once():
    assert unpaired("他说：“第一，要把好事办好。", "“第二，要把实事办实。”") == []


def test_a_paragraph_cut_by_the_layout_may_close_in_the_next():
    assert (
        unpaired("“一直以来，我都是作为科技工作者做好企业服务，就好像自己的", "工作成果在接受检验一样。”季云说。") == []
    )


def test_an_unclosed_quote_is_reported_where_it_opens():
    assert unpaired("打造“常有优学民生名片。", "下阶段，我市将继续推进就业创业促进工程。") == [(0, 2, "“", True)]


def test_apostrophes_are_not_quotes():
    assert unpaired("举办“中国’99昆明世界园艺博览会”。") == []
