"""Number checks (GB/T 15835-2011) through the engine: correct copy stays quiet, errors are fixed."""

from __future__ import annotations

import pytest

from editor.core.document import Document
from editor.core.engine import Engine, safe_fixes
from editor.core.io import read_document
from editor.core.issue import Category
from editor.core.repair import apply_fixes

OURS = {Category.NUMBER, Category.PUNCTUATION}

CORRECT = [
    "1—11月，共办理各类案件16801件。",
    "2013—2015年累计投入资金8亿元。",
    "今年全市预计城镇新增就业10.4万人。",
    "全市发放青年人才生活资助38万余人次，约1.62亿元。",
    "投入南北结对帮扶资金超3000万元。",
    "累计入住人数近6000人次。",
    "高质量完成“十四五”规划既定任务。",
    "区政协组织区第十五届政协委员开展集中视察。",
    "该项目属于“532”发展战略重点文旅项目。",
    "召开武进—阜宁南北结对交流合作联席会。",
    "全市新建改扩建中小学校43所，竣工17所，增加学位1.15万个。",
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(categories=OURS)


@pytest.mark.parametrize("text", CORRECT)
def test_correct_figures_stay_quiet(engine: Engine, text: str):
    assert engine.check(Document.from_texts([text])).issues == []


def test_the_sample_page_as_read_gives_no_findings(engine: Engine, sample_page):
    issues = engine.check(read_document(sample_page)).issues
    assert [(issue.rule, issue.text) for issue in issues] == []


def test_the_sample_page_after_layout_repair_gives_no_findings(sample_page):
    result = Engine(categories=OURS | {Category.LAYOUT}).check(read_document(sample_page))
    assert len(result.repaired.document.paragraphs) < len(result.repaired.draft.paragraphs), "no layout repair ran"
    assert [(i.rule, i.text) for i in result.issues if i.category in OURS] == []


def test_a_bulletin_paragraph_is_fixed_unattended(engine: Engine):
    draft = Document.from_texts(
        ["据统计，项目建设周期为3-5年，预计节约能耗15～30%，单个项目补助2～5万元，发放补贴１０００元。"]
    )
    issues = engine.check(draft).issues
    assert {issue.rule for issue in issues} == {
        "number.range_hyphen",
        "number.range_percent",
        "number.range_wan_yi",
        "number.fullwidth_digits",
    }
    fixed = apply_fixes(draft, safe_fixes(issues)).document.texts
    assert fixed == ["据统计，项目建设周期为3～5年，预计节约能耗15%～30%，单个项目补助2万～5万元，发放补贴1000元。"]


def test_findings_point_into_the_draft_as_read(engine: Engine):
    draft = Document.from_texts(["会议指出，党的18届3中全会作出部署。"])
    (first, second) = engine.check(draft).issues
    assert (first.text, first.suggestions, second.text, second.suggestions) == (
        "18届",
        ("十八届",),
        "3中全会",
        ("三中全会",),
    )


def test_rules_can_be_switched_off_by_id_or_prefix():
    text = Document.from_texts(["预计节约能耗15～30%，补助2～5万元。"])
    assert {i.rule for i in Engine(categories=OURS, disabled=["number.range_percent"]).check(text).issues} == {
        "number.range_wan_yi"
    }
    assert Engine(categories=OURS, disabled=["number"]).check(text).issues == []
