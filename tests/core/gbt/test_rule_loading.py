"""Malformed rules fail with a Chinese message naming the rule; the engines read their data as documented."""

from __future__ import annotations

import pytest

from editor.core.document import ParagraphKind
from editor.core.gbt.engines import PatternEngine, render
from editor.core.gbt.rules import RuleError, example_document, parse_rule

BASE = {"id": "number.sample", "name": "示例", "category": "number", "severity": "error", "message": "示例。"}


def rule(**fields):
    return parse_rule({**BASE, **fields})


@pytest.mark.parametrize("missing", ["id", "name", "category", "severity", "message"])
def test_a_missing_field_is_named(missing):
    entry = {**BASE, "engine": "pattern", "pattern": "x"}
    del entry[missing]
    with pytest.raises(RuleError, match=missing):
        parse_rule(entry)


def test_unknown_engine_severity_and_bad_regex_are_refused():
    with pytest.raises(RuleError, match="引擎"):
        rule(engine="magic")
    with pytest.raises(RuleError, match="number.sample"):
        rule(engine="pattern", severity="fatal")
    with pytest.raises(RuleError, match="应以“punctuation.”开头"):
        rule(engine="pattern", pattern="x", category="punctuation")
    with pytest.raises(RuleError, match="正则"):
        PatternEngine(rule(engine="pattern", pattern="(unclosed"))
    with pytest.raises(RuleError, match="table"):
        PatternEngine(rule(engine="substitution"))
    with pytest.raises(RuleError, match="条件"):
        PatternEngine(rule(engine="pattern", pattern="x", when="nonsense"))
    with pytest.raises(RuleError, match="分组"):
        PatternEngine(rule(engine="pattern", pattern="(x)", fix={"suggestion": "{2}"}))
    with pytest.raises(RuleError, match="转换"):
        PatternEngine(rule(engine="pattern", pattern="(x)", fix={"suggestion": "{1:roman}"}))


def test_context_silences_a_match_and_templates_rewrite_groups():
    engine = PatternEngine(
        rule(engine="pattern", pattern=r"(\d+)-(\d+)", unless_before=r"GB/T\s*$", fix={"suggestion": "{1}～{2}"})
    )
    assert [f.suggestion for f in engine.find("周期3-5年")] == ["3～5"]
    assert list(engine.find("执行GB/T 15834-2011")) == []


def test_filters_turn_numbers_into_the_form_the_standard_wants():
    import re

    match = re.match(r"(\d+)、(\d)", "11、2")
    assert render("{1:cn}届{2}", match) == "十一届2"
    assert render("{0:pair}", re.match(r"2、3", "2、3")) == "两三"
    assert render("{0:circle}", re.match(r".+", "二零一二")) == "二〇一二"


def test_example_documents_mark_headlines():
    document = example_document("# 标题5家\n正文。")
    assert [p.kind for p in document.paragraphs] == [ParagraphKind.HEADLINE, ParagraphKind.BODY]
    assert document.texts == ["标题5家", "正文。"]
