"""The engine: non-layout checks read the repaired text, and their findings point into the draft as read."""

from __future__ import annotations

import re

from editor.core.checks.layout import find_cuts
from editor.core.document import Document
from editor.core.engine import Engine, Registry, safe_fixes, select_categories
from editor.core.io.text import parse_text
from editor.core.issue import Category, Issue, Severity
from editor.core.repair import apply_fixes

DRAFT = "全市义务教\n\n育阶段交流轮岗教师2589人，较去年增长百分之十。"


def _engine_with_word_check(word: str) -> Engine:
    registry = Registry()
    registry.document_check("layout.split_paragraph", Category.LAYOUT)(find_cuts)

    @registry.paragraph_check("typo.test_word", Category.TYPO)
    def flag_word(index, paragraph):
        for match in re.finditer(word, paragraph.text):
            start, end = match.span()
            yield Issue("typo.test_word", Category.TYPO, Severity.ERROR, index, start, end, match.group(), "测试")

    engine = Engine()
    engine.registry = registry
    return engine


def test_checks_see_the_repaired_paragraph_and_report_into_the_draft():
    engine = _engine_with_word_check("阶段交流")
    result = engine.check(parse_text(DRAFT))
    assert result.repaired.document.texts == ["全市义务教育阶段交流轮岗教师2589人，较去年增长百分之十。"]
    typo = next(issue for issue in result.issues if issue.category is Category.TYPO)
    assert (typo.paragraph, typo.start, typo.end, typo.text) == (1, 1, 5, "阶段交流")


def test_a_finding_across_the_cut_is_clipped_to_where_it_starts():
    result = _engine_with_word_check("教育阶段").check(parse_text(DRAFT))
    typo = next(issue for issue in result.issues if issue.category is Category.TYPO)
    assert (typo.paragraph, typo.start, typo.end, typo.text) == (0, 4, 5, "教")


def test_without_layout_lines_are_checked_as_they_are():
    engine = _engine_with_word_check("教育")
    engine.categories = {Category.TYPO}
    assert engine.check(parse_text(DRAFT)).issues == []


def test_disabled_rules_by_prefix():
    engine = _engine_with_word_check("阶段")
    engine.disabled = ("typo",)
    assert all(issue.category is Category.LAYOUT for issue in engine.check(parse_text(DRAFT)).issues)


def test_category_selection():
    assert select_categories("typo,number", None) == {Category.TYPO, Category.NUMBER}
    assert select_categories(None, "layout") == set(Category) - {Category.LAYOUT}


def test_apply_fixes_replaces_joins_and_skips_overlaps():
    draft = Document.from_texts(["签定合同", "的必要", "性。"])
    issues = [
        Issue("typo.x", Category.TYPO, Severity.ERROR, 0, 0, 2, "签定", "", ("签订",), safe=True),
        Issue("typo.y", Category.TYPO, Severity.ERROR, 0, 1, 3, "定合", "", ("错",), safe=True),
        Issue("layout.z", Category.LAYOUT, Severity.ERROR, 1, 2, 3, "要", "", ("要",), safe=True, joins_next=True),
        Issue("typo.w", Category.TYPO, Severity.ERROR, 2, 0, 1, "性", "", ("X",), safe=False),
    ]
    repaired = apply_fixes(draft, safe_fixes(issues))
    assert repaired.document.texts == ["签订合同", "的必要性。"]
    assert repaired.sources_of(1) == [1, 2]
    assert repaired.to_draft(1, 3, 5) == (2, 0, 2)
