"""`typo.lm` through the engine: issue shape, names and user words left alone, no double reports.

A slip a rule reports is reported once because the engine keeps the rule's finding
over the model's overlapping guess; switch the rule off and the guess is reported.
"""

from __future__ import annotations

import re

import pytest

from editor.core import userdata
from editor.core.checks import typo_lm, typo_rules
from editor.core.checks.typo_lm import RULE
from editor.core.document import Document
from editor.core.engine import Engine
from editor.core.io import read_document
from editor.core.issue import Category, Severity
from editor.core.lm.detector import Finding, NullDetector
from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.typo_engine import TypoEngine, set_sensitivity, typo_detector

TYPO = "会议要求，各部门要切实履形职责，确保各项措施落到实处。"


@pytest.fixture(autouse=True, scope="module")
def language_model():
    """The bundled model is part of the product: without it these tests fail, they never skip."""
    assert typo_detector().available, typo_detector().reason


def _issues(*texts: str, disabled: tuple[str, ...] = ()):
    return Engine(categories={Category.TYPO}, disabled=disabled).check(Document.from_texts(list(texts))).issues


def test_a_typo_becomes_an_issue_with_its_suggestion():
    [issue] = _issues("今年以来，全区经济运行总体平稳。", TYPO)
    assert (issue.rule, issue.category, issue.severity) == ("typo.lm", Category.TYPO, Severity.WARNING)
    assert issue.paragraph == 1 and TYPO[issue.start : issue.end] == issue.text == "形"
    assert issue.suggestions == ("行",) and not issue.safe
    assert "行" in issue.message


def test_a_guess_says_how_sure_it_is_in_tens_of_per_cent(monkeypatch):
    engine = TypoEngine(_Fixed([Finding(7, 8, "形", "行", 0.87)]))
    monkeypatch.setattr(typo_lm, "typo_engine", lambda: engine)
    [issue] = typo_lm.check_typo_lm(Document.from_texts([TYPO]))
    assert "把握 80% 以上" in issue.message
    assert typo_lm.how_sure(0.05) == "统计模型推测，把握不足 10%" and "MacBERT" in typo_lm.how_sure(None)


class _Fixed:
    """A detector that finds what it is given, wherever it looks."""

    available = True
    reason = ""

    def __init__(self, findings):
        self.findings = findings

    def find(self, text, protected=(), tagged=()):
        return list(self.findings)


def test_names_and_bylines_are_left_alone():
    assert _issues("（记者 黄雅婷）区委副书记、区长恽淇丞出席会议并讲话，区领导孙益锋参加。") == []


def test_a_word_in_the_user_dictionary_is_never_flagged(data_dir):
    (data_dir / userdata.DICTIONARY_FILE).write_text("履形\n", encoding="utf-8")
    assert _issues(TYPO.replace("。", "，请各单位认真落实。")) == []


@pytest.mark.parametrize("sentence", ["全体干部职工要再接再励，争取更大成绩。", "大家迫不急待地走进新落成的图书馆。"])
def test_a_slip_the_rule_layers_report_is_reported_once(sentence):
    issues = _issues(sentence)
    assert len(issues) == 1 and issues[0].rule != "typo.lm"


def test_without_a_model_the_check_reports_nothing(monkeypatch):
    monkeypatch.setattr(typo_lm, "typo_engine", lambda: TypoEngine(NullDetector("错别字检查不可用：测试")))
    assert [issue for issue in _issues(TYPO) if issue.rule == "typo.lm"] == []


class _FlagEveryCharacter:
    """A stand-in detector that suspects every character it is not told to leave alone."""

    available = True

    def find(self, text, protected=(), tagged=()):
        blocked = {offset for start, end in protected for offset in range(start, end)}
        return [Finding(i, i + 1, char, "某", 1.0) for i, char in enumerate(text) if i not in blocked]


@pytest.fixture
def flag_every_character(monkeypatch):
    engine = TypoEngine(_FlagEveryCharacter())
    monkeypatch.setattr(typo_lm, "typo_engine", lambda: engine)


@pytest.mark.usefixtures("flag_every_character")
def test_a_name_established_elsewhere_in_the_document_is_protected():
    issues = _issues("区委副书记、区长恽淇丞出席会议。", "恽淇丞指出，要抓好各项工作落实。")
    flagged = {(issue.paragraph, issue.start) for issue in issues if issue.rule == "typo.lm"}
    assert flagged and not flagged & {(1, 0), (1, 1), (1, 2)}
    assert not flagged & {(0, 8), (0, 9), (0, 10)}


REGISTERED = "钱晓蕾说，公园环境越来越好。"  # jieba alone calls 钱晓蕾 a name


@pytest.mark.usefixtures("flag_every_character")
def test_a_name_of_the_officials_register_is_protected(data_dir):
    def flagged() -> set[int]:
        return {issue.start for issue in _issues(REGISTERED) if issue.rule == "typo.lm"}

    assert flagged() >= {0, 1, 2}  # the tag alone protects nothing
    (data_dir / "officials.csv").write_text("name,post\n钱晓蕾,区长\n", encoding="utf-8")
    assert not flagged() & {0, 1, 2} and flagged()


class _Recording(_FlagEveryCharacter):
    def __init__(self) -> None:
        self.seen: list[tuple] = []

    def find(self, text, protected=(), tagged=()):
        self.seen.append((text, protected, tagged))
        return []


def test_what_only_the_tagger_calls_a_name_goes_to_the_detector_to_weigh(monkeypatch):
    recording = _Recording()
    engine = TypoEngine(recording)
    monkeypatch.setattr(typo_lm, "typo_engine", lambda: engine)
    text = "区长恽淇丞说，要严格执行各项规定。"
    list(typo_lm.check_typo_lm(Document.from_texts([text])))
    [(_, protected, tagged)] = recording.seen
    assert [text[a:b] for a, b in protected] == ["恽淇丞"] and "严格执行" in [text[a:b] for a, b in tagged]


SLIPS = "全体干部职工要再接再励，争取更大成绩。部份路段将于本周末封闭施工。"
RULE_SPANS = {(7, 11), (19, 21)}  # 再接再励, 部份 (both typo.confusion)
IN_RULE_SPANS = {offset for start, end in RULE_SPANS for offset in range(start, end)}


def _lm_offsets(issues) -> set[int]:
    return {offset for issue in issues if issue.rule == "typo.lm" for offset in range(issue.start, issue.end)}


def _guessed_offsets() -> set[int]:
    """What `typo.lm` itself reports in SLIPS, the engine aside."""
    return _lm_offsets(typo_lm.check_typo_lm(Document.from_texts([SLIPS])))


@pytest.mark.usefixtures("flag_every_character")
def test_the_check_itself_runs_no_rule_layer(monkeypatch):
    def no_rule_layer(text):
        raise AssertionError("typo.lm ran a rule layer")

    monkeypatch.setattr(typo_rules, "confusion_hits", no_rule_layer)
    monkeypatch.setattr(typo_rules, "idiom_slips", no_rule_layer)
    assert IN_RULE_SPANS <= _guessed_offsets()


@pytest.mark.usefixtures("flag_every_character")
def test_the_model_yields_where_a_rule_reports_and_only_there():
    issues = _issues(SLIPS)
    assert {(issue.start, issue.end) for issue in issues if issue.rule != "typo.lm"} == RULE_SPANS
    assert _lm_offsets(issues) == _guessed_offsets() - IN_RULE_SPANS


@pytest.mark.usefixtures("flag_every_character")
@pytest.mark.parametrize("disabled", ["typo.confusion", "typo.confusion.bu_fen"])
def test_a_span_whose_rule_is_switched_off_is_the_model_s_again(disabled):
    lm_offsets = _lm_offsets(_issues(SLIPS, disabled=(disabled,)))
    assert {19, 20} <= lm_offsets
    assert ({7, 8, 9, 10} <= lm_offsets) == (disabled == "typo.confusion")


@pytest.mark.parametrize(
    ("sentence", "rule", "slip"),
    [
        ("部份路段将于本周末封闭施工。", "typo.confusion", "份"),
        ("大家迫不急待地走进新落成的图书馆。", "typo.idiom", "急"),
    ],
    ids=["confusion", "idiom"],
)
def test_with_the_rule_off_the_model_itself_reports_the_slip(sentence, rule, slip):
    [issue] = _issues(sentence, disabled=(rule,))
    assert (issue.rule, issue.text) == ("typo.lm", slip)


NAMES = ["区委副书记、区长恽淇丞出席会议并讲话。", "恽淇丞强调，要抓好安全生产。", "恽琪丞指出，要抓好各项工作落实。"]


@pytest.mark.usefixtures("flag_every_character")
def test_a_guess_inside_a_name_spelt_two_ways_yields_to_the_name_finding():
    guessed = {issue.start for issue in typo_lm.check_typo_lm(Document.from_texts(NAMES)) if issue.paragraph == 2}
    assert guessed & {0, 1, 2}, "the example needs a character of 恽琪丞 the name protection leaves to the model"
    engine = Engine(categories={Category.TYPO, Category.NAME})
    issues = engine.check(Document.from_texts(NAMES)).issues
    assert [(issue.rule, issue.text) for issue in issues if issue.category is Category.NAME] == [
        ("name.inconsistent", "恽琪丞")
    ]
    assert not {issue.start for issue in issues if issue.rule == "typo.lm" and issue.paragraph == 2} & {0, 1, 2}
    typo_only = {issue.start for issue in _issues(*NAMES) if issue.paragraph == 2}
    assert typo_only & {0, 1, 2} == guessed & {0, 1, 2}


class _CountingDetector(_FlagEveryCharacter):
    def __init__(self) -> None:
        self.calls = 0

    def find(self, text, protected=(), tagged=()):
        self.calls += 1
        return super().find(text, protected, tagged)


def test_an_unchanged_paragraph_is_not_looked_at_again_and_another_engine_starts_afresh(monkeypatch):
    first, second = _CountingDetector(), _CountingDetector()
    engine = TypoEngine(first)
    monkeypatch.setattr(typo_lm, "typo_engine", lambda: engine)
    _issues(TYPO)
    _issues(TYPO)
    assert first.calls == 1
    engine = TypoEngine(second)
    _issues(TYPO)
    assert (first.calls, second.calls) == (1, 1)


PAGE_PEOPLE = "恽淇丞 孙益锋 张小虎 许根林 李凯虎 陈艳燕 石伟东 孙金才 郑政平 夷建良 浦红亚 戴雪燕".split()


def test_the_sample_page_has_no_statistical_guess_at_the_standard_level(sample_page):
    """A real page, checked by hand: a guess on it (察 → 查 in 行政检察, once) is a false flag."""
    assert [(issue.text, issue.replacement) for issue in _issues_of(sample_page)] == []


@pytest.mark.parametrize("level", list(Sensitivity))
def test_no_name_of_the_sample_page_is_flagged_at_any_level(sample_page, level):
    set_sensitivity(level)
    texts = read_document(sample_page).texts
    assert all(any(name in text for text in texts) for name in PAGE_PEOPLE)
    people = {
        (index, offset)
        for index, text in enumerate(texts)
        for name in PAGE_PEOPLE
        for match in re.finditer(name, text)
        for offset in range(*match.span())
    }
    flagged = [issue for issue in _issues_of(sample_page) if {(issue.paragraph, issue.start)} & people]
    assert flagged == []


def _issues_of(page):
    issues = Engine(categories={Category.TYPO}).check(read_document(page)).issues
    return [issue for issue in issues if issue.rule == RULE]
