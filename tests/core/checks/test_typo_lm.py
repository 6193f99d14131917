"""`typo.lm` through the engine: issue shape, names and user words left alone, no double reports."""

from __future__ import annotations

import pytest

from editor.core import userdata
from editor.core.checks import typo_lm
from editor.core.document import Document
from editor.core.engine import Engine
from editor.core.issue import Category, Severity
from editor.core.lm.detector import Finding, NullDetector, typo_detector

TYPO = "会议要求，各部门要切实履形职责，确保各项措施落到实处。"


@pytest.fixture(autouse=True)
def user_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(userdata.DATA_DIR_ENV, str(tmp_path))
    if not typo_detector().available:
        pytest.skip(typo_detector().reason)
    return tmp_path


def _issues(*texts: str):
    return Engine(categories={Category.TYPO}).check(Document.from_texts(list(texts))).issues


def test_a_typo_becomes_an_issue_with_its_suggestion():
    [issue] = _issues("今年以来，全区经济运行总体平稳。", TYPO)
    assert (issue.rule, issue.category, issue.severity) == ("typo.lm", Category.TYPO, Severity.WARNING)
    assert issue.paragraph == 1 and TYPO[issue.start : issue.end] == issue.text == "形"
    assert issue.suggestions == ("行",) and not issue.safe
    assert "行" in issue.message


def test_names_and_bylines_are_left_alone():
    assert _issues("（记者 黄雅婷）区委副书记、区长恽淇丞出席会议并讲话，区领导孙益锋参加。") == []


def test_a_word_in_the_user_dictionary_is_never_flagged(user_folder):
    (user_folder / userdata.DICTIONARY_FILE).write_text("履形\n", encoding="utf-8")
    assert _issues(TYPO.replace("。", "，请各单位认真落实。")) == []


@pytest.mark.parametrize("sentence", ["全体干部职工要再接再励，争取更大成绩。", "大家迫不急待地走进新落成的图书馆。"])
def test_a_slip_the_rule_layers_report_is_reported_once(sentence):
    issues = _issues(sentence)
    assert len(issues) == 1 and issues[0].rule != "typo.lm"


def test_without_a_model_the_check_reports_nothing(monkeypatch):
    monkeypatch.setattr(typo_lm, "typo_detector", lambda: NullDetector("错别字检查不可用：测试"))
    assert [issue for issue in _issues(TYPO) if issue.rule == "typo.lm"] == []


class _FlagEveryCharacter:
    """A stand-in detector that suspects every character it is not told to leave alone."""

    available = True

    def find(self, text, protected=()):
        blocked = {offset for start, end in protected for offset in range(start, end)}
        return [Finding(i, i + 1, char, "某", 1.0) for i, char in enumerate(text) if i not in blocked]


def test_a_name_established_elsewhere_in_the_document_is_protected(monkeypatch):
    monkeypatch.setattr(typo_lm, "typo_detector", _FlagEveryCharacter)
    typo_lm._findings.cache_clear()
    try:
        issues = _issues("区委副书记、区长恽淇丞出席会议。", "恽淇丞指出，要抓好各项工作落实。")
    finally:
        typo_lm._findings.cache_clear()
    flagged = {(issue.paragraph, issue.start) for issue in issues if issue.rule == "typo.lm"}
    assert flagged and not flagged & {(1, 0), (1, 1), (1, 2)}
    assert not flagged & {(0, 8), (0, 9), (0, 10)}
