"""The desk's sensitivity: three levels, each a threshold of its own, chosen once for every check."""

from __future__ import annotations

import pytest

from editor.core.document import Document
from editor.core.engine import Engine
from editor.core.issue import Category
from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.typo_engine import configured_sensitivity, set_sensitivity, typo_detector

# 就象 for 就像 and 网战 for 网站: slips the model is unsure of, reported at 宽松 but not at 严格
DOUBTFUL = "国际组织批评说，那里就象一个工地。请填写本年度网战整改到位的问题总数。"


def test_the_levels_are_named_in_chinese_and_parsed_from_either_name():
    assert [level.value for level in Sensitivity] == ["严格", "标准", "宽松"]
    assert Sensitivity.parse("宽松") is Sensitivity.LENIENT and Sensitivity.parse("strict") is Sensitivity.STRICT
    assert Sensitivity.parse("") is Sensitivity.STANDARD and Sensitivity.parse(None) is Sensitivity.STANDARD
    with pytest.raises(ValueError, match="严格、标准、宽松"):
        Sensitivity.parse("最严")


def test_the_budgets_grow_from_strict_to_lenient():
    assert [level.false_flag_budget for level in Sensitivity] == [0.5, 2.0, 5.0]


def test_setting_the_sensitivity_changes_the_threshold_of_the_next_check():
    assert configured_sensitivity() is Sensitivity.STANDARD
    standard = typo_detector()
    set_sensitivity(Sensitivity.LENIENT)
    lenient = typo_detector()
    assert configured_sensitivity() is Sensitivity.LENIENT
    assert lenient.threshold < standard.threshold and lenient.scorer is standard.scorer  # nothing reloaded
    set_sensitivity(Sensitivity.STRICT)
    assert typo_detector().threshold > standard.threshold


def test_a_lenient_desk_sees_at_least_what_a_strict_one_sees():
    def flagged(level: Sensitivity) -> set[tuple[int, int]]:
        set_sensitivity(level)
        issues = Engine(categories={Category.TYPO}).check(Document.from_texts([DOUBTFUL])).issues
        return {(issue.start, issue.end) for issue in issues if issue.rule == "typo.lm"}

    strict, standard, lenient = (flagged(level) for level in Sensitivity)
    assert strict <= standard <= lenient and lenient - strict
