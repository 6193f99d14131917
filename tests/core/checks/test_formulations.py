"""political.formulation: every library entry's examples, and what the matcher must leave alone."""

from __future__ import annotations

import pytest

from editor.core.checks.formulations import RULE, check_formulations
from editor.core.checks.word_forms import check_traditional, check_variant_words
from editor.core.document import Paragraph
from editor.core.issue import Category
from editor.core.rules.formulations import RULE_FILE, Formulation, formulation_library, parse_entry
from editor.core.rules.loader import bundled_rules

ENTRIES = tuple(bundled_rules(RULE_FILE, parse_entry).values())


def found(text: str) -> list[tuple[int, int, str]]:
    return [(issue.start, issue.end, issue.suggestions[0]) for issue in check_formulations(0, Paragraph(text))]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.key)
def test_every_entry_has_examples_and_a_source(entry):
    assert entry.bad and entry.good
    assert not isinstance(entry, Formulation) or entry.source


BAD = [(entry, example) for entry in ENTRIES for example in entry.bad]
GOOD = [(entry, text) for entry in ENTRIES for text in entry.good]


@pytest.mark.parametrize(("entry", "example"), BAD, ids=[f"{e.key}:{x.text[:10]}" for e, x in BAD])
def test_bad_examples_are_flagged_where_marked_and_their_fix_is_quiet(entry, example):
    slips = found(example.text)
    assert [(start, end) for start, end, _ in slips] == [(example.start, example.end)]
    start, end, right = slips[0]
    assert found(example.text[:start] + right + example.text[end:]) == []


@pytest.mark.parametrize(("entry", "text"), GOOD, ids=[f"{e.key}:{t[:10]}" for e, t in GOOD])
def test_good_examples_partial_quotes_and_extensions_stay_quiet(entry, text):
    assert found(text) == []


def test_the_findings_are_political_and_name_the_source():
    issue = next(iter(check_formulations(0, Paragraph(RULE.example))))
    assert issue.category is Category.POLITICAL and issue.rule == RULE.id
    assert "中国共产党第十九次全国代表大会报告" in issue.message and issue.suggestions == ("不忘初心、牢记使命",)


def test_an_enumeration_put_back_in_order_keeps_its_own_marks():
    text = "坚持创新协调绿色开放共享，更要坚持创新绿色协调开放共享。"  # the items alone are the fixed order too
    assert found(text) == [(text.rindex("创新"), text.rindex("共享") + 2, "创新协调绿色开放共享")]
    [(start, end, right)] = found("坚定道路自信、制度自信、理论自信、文化自信。")
    assert right == "道路自信、理论自信、制度自信、文化自信"


def test_the_users_file_adds_a_formulation(data_dir):
    (data_dir / RULE_FILE).write_text(
        "- id: qu_de_ti_fa\n  form: 打造长三角地区高质量发展示范区\n  source: 区委全会报告（2024年）\n"
        "  bad: ['[[打造长三角地区高质量发屏示范区]]']\n  good: [打造长三角地区高质量发展示范区]\n",
        encoding="utf-8",
    )
    assert "qu_de_ti_fa" in {entry.key for entry in formulation_library()}
    assert found("全力打造长三角地区高质量发屏示范区。") != []


#: Slips written for these tests (not the library's examples nor the benchmark's): (text, what is flagged, fix).
HELD_OUT_SLIPS = [
    # a character of the last two (or the first two) typed as one that reads alike
    ("全面推进国家治理体系和治理能力现代话。", "推进国家治理体系和治理能力现代话", "推进国家治理体系和治理能力现代化"),
    (
        "深入学习习近平新时代中国特色社会主义思相。",
        "习近平新时代中国特色社会主义思相",
        "习近平新时代中国特色社会主义思想",
    ),
    ("坚决落实中央八项规定经神。", "中央八项规定经神", "中央八项规定精神"),
    ("推近国家治理体系和治理能力现代化。", "推近国家治理体系和治理能力现代化", "推进国家治理体系和治理能力现代化"),
    # a whole word typed as another that reads the same
    ("全体党员要不忘出新、牢记使命。", "不忘出新、牢记使命", "不忘初心、牢记使命"),
    ("推进国家治理体系和智力能力现代化。", "推进国家治理体系和智力能力现代化", "推进国家治理体系和治理能力现代化"),
    # three items of an enumeration or more, in another order
    (
        "坚持毛泽东思想、“三个代表”重要思想、邓小平理论。",
        "毛泽东思想、“三个代表”重要思想、邓小平理论",
        "毛泽东思想、邓小平理论、“三个代表”重要思想",
    ),
    ("牢固树立大局意识、政治意识、核心意识。", "大局意识、政治意识、核心意识", "政治意识、大局意识、核心意识"),
    ("坚定理论自信、道路自信、文化自信。", "理论自信、道路自信、文化自信", "道路自信、理论自信、文化自信"),
]
#: Right copy beside them: a form extended, quoted in part, two items in another order, other words that read alike.
HELD_OUT_CLEAN = [
    "推进国家治理体系和治理能力现代化建设取得新进展。",
    "深入学习习近平新时代中国特色社会主义思想，推动工作落实。",
    "坚持以毛泽东思想、邓小平理论为指导。",
    "牢固树立政治意识、大局意识。",
    "坚定文化自信、道路自信。",
    "文化自信。道路自信、理论自信是根本。",
    "推动构建人类命运共同体，共同应对全球挑战。",
    "推进基层治理体系和治理能力现代化。",
    "他们不忘初心，出新出彩。",
]


@pytest.mark.parametrize(("text", "flagged", "right"), HELD_OUT_SLIPS, ids=[t[:12] for t, _, _ in HELD_OUT_SLIPS])
def test_held_out_slips_at_the_edges_by_sound_and_in_part_of_an_enumeration(text, flagged, right):
    assert [(text[start:end], fix) for start, end, fix in found(text)] == [(flagged, right)]


@pytest.mark.parametrize("text", HELD_OUT_CLEAN, ids=[t[:12] for t in HELD_OUT_CLEAN])
def test_held_out_right_copy_stays_quiet(text):
    assert found(text) == []


def test_part_of_an_enumeration_is_judged_only_as_a_list_of_its_own():
    assert found("建设民主法治、文明幸福的现代化城市。") == []  # 民主法治 is one word
    assert found("坚持绿色、共享、开放、廉洁办奥。") == []  # another enumeration sharing three items
    assert found("秉持绿色、共享、开放和廉洁的理念。") == []
    assert len(found("坚持绿色、共享、开放的理念。")) == 1


def test_both_characters_at_an_edge_typed_as_ones_that_read_alike():
    text = "全体党员要不忘初心、牢记实名。"
    assert [(text[start:end], fix) for start, end, fix in found(text)] == [("不忘初心、牢记实名", "不忘初心、牢记使命")]
    assert found("全体党员要不忘初心、牢记名实。") == []  # not a slip of the input method


@pytest.mark.parametrize(
    ("text", "flagged", "right"),
    [
        ("推动构建人类命运共同休。", "推动构建人类命运共同休", "推动构建人类命运共同体"),  # 休 is 体 but a stroke
        ("坚持以入民为中心的发展思想。", "以入民为中心的发展思想", "以人民为中心的发展思想"),  # the same strokes
    ],
)
def test_an_edge_typed_as_a_character_that_looks_like_the_right_one(text, flagged, right):
    assert [(text[start:end], fix) for start, end, fix in found(text)] == [(flagged, right)]


def test_an_edge_neither_read_nor_shaped_like_the_form_is_another_phrase():
    assert found("推动构建人类命运共同点。") == []


@pytest.mark.parametrize(
    ("text", "flagged", "right"),
    [
        (
            "统筹推进经济建设、政治建设、文化建设、社会建设、生态建设。",
            "经济建设、政治建设、文化建设、社会建设、生态建设",
            "经济建设、政治建设、文化建设、社会建设、生态文明建设",
        ),
        ("坚持以人民为中心的思想不动摇。", "以人民为中心的思想", "以人民为中心的发展思想"),
    ],
)
def test_a_whole_word_left_out_of_a_form(text, flagged, right):
    assert [(text[start:end], fix) for start, end, fix in found(text)] == [(flagged, right)]


@pytest.mark.parametrize(
    "text",
    [
        "认真贯彻中央精神。",  # what is left is too short to be the form: another phrase between its ends
        "不忘初心使命，勇担时代重任。",
        "对标产业兴旺、生态宜居、乡风文明、生活富裕。",  # items left out: a partial list
        "推动人类命运共同体建设。",  # the opening verb with another object
    ],
)
def test_words_left_out_that_leave_another_phrase_or_a_partial_list_stay_quiet(text):
    assert found(text) == []


def test_the_sample_page_holds_no_formulation_or_word_form_slip(sample_page):
    """The real page is clean copy: the political and word-form checks find nothing on it (its findings are layout)."""
    lines = [line for line in sample_page.read_text(encoding="utf-8").splitlines() if line.strip()]
    checks = (check_formulations, check_variant_words, check_traditional)
    assert [issue.text for line in lines for check in checks for issue in check(0, Paragraph(line))] == []
