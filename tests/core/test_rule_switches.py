"""Every rule id is switched on and off on its own, and every rule the engine reports is in the catalogue."""

from __future__ import annotations

import pytest

from editor.core.checks.layout import CUT_RULES, STRAY_SPACE_RULE
from editor.core.engine import Engine, load_checks
from editor.core.io import read_document
from editor.core.io.text import parse_text
from editor.core.issue import Category

LAYOUT_RULES = [rule.id for rule in (*CUT_RULES, STRAY_SPACE_RULE)]
FRAGMENTS = (
    "擦亮民生名片\n\n本报讯 全市义务教\n\n育阶段交流轮岗教师2589人，入选省级示范企业8\n\n家，推进城乡一体化，不断提升"
    "\n\n协作质效。会议采用 inter-\n\nnational 标准，全市新建 改扩建中小学校43所。"
)
WRAPPED = "\n".join(
    [
        "本报讯　今年以来，全市重大项目建设进展",
        "顺利，投资稳步增长，全市新建改扩建中小",
        "学校四十三所，新增学位两万余个，有效缓",
        "解了入学难的问题。",
        "　　与此同时，全市还加快推进城乡一体化",
        "建设，不断提升公共服务水平和协作质效。",
    ]
)


def layout_check(text: str, disabled: tuple[str, ...] = ()):
    return Engine({Category.LAYOUT}, disabled).check(parse_text(text))


def test_the_drafts_show_every_layout_rule():
    found = {issue.rule for text in (FRAGMENTS, WRAPPED) for issue in layout_check(text).issues}
    assert found == set(LAYOUT_RULES)


@pytest.mark.parametrize("rule", LAYOUT_RULES)
@pytest.mark.parametrize("text", [FRAGMENTS, WRAPPED], ids=["fragments", "wrapped"])
def test_switching_one_layout_rule_off_switches_off_exactly_it_and_its_joins(rule, text):
    everything = layout_check(text)
    without = layout_check(text, (rule,))
    assert without.issues == [issue for issue in everything.issues if issue.rule != rule]
    joins = sum(issue.joins_next for issue in everything.issues if issue.rule == rule)
    assert len(without.repaired.document.paragraphs) == len(everything.repaired.document.paragraphs) + joins


def test_a_prefix_still_switches_a_whole_family_off():
    assert layout_check(FRAGMENTS, ("layout",)).issues == []
    confusion_off = Engine({Category.TYPO}, ("typo.confusion",)).check(parse_text("双方签定了协议。")).issues
    assert not any(issue.rule.startswith("typo.confusion.") for issue in confusion_off)


def test_one_confusion_entry_is_switched_off_alone():
    text = "双方签定了协议，既使遇到困难也不退缩。"
    engine = Engine({Category.TYPO}, ("typo.confusion.qian_ding",))
    rules = {issue.rule for issue in engine.check(parse_text(text)).issues}
    assert "typo.confusion.ji_shi_even_if" in rules and "typo.confusion.qian_ding" not in rules


def test_the_catalogue_names_describes_and_exemplifies_every_rule_once():
    catalogue = load_checks().catalogue()
    ids = [rule.id for rule in catalogue]
    assert len(ids) == len(set(ids))
    for rule in catalogue:
        assert rule.name and rule.description and rule.example, rule.id
        assert rule.id.split(".")[0] == rule.category.value, rule.id
    assert {"layout.split_word", "typo.idiom", "typo.lm", "name.inconsistent", "typo.confusion.qian_ding"} <= set(ids)


def test_every_rule_found_on_the_sample_page_is_in_the_catalogue(sample_page):
    ids = {rule.id for rule in load_checks().catalogue()}
    found = {issue.rule for issue in Engine().check(read_document(sample_page)).issues}
    assert found and found <= ids
