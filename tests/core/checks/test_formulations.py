"""political.formulation: every library entry's examples, and what the matcher must leave alone."""

from __future__ import annotations

import pytest

from editor.core.checks.formulations import RULE, check_formulations
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
