"""The worker's check: changed paragraphs only, empty blocks as blank lines, newer jobs cancel older ones."""

from __future__ import annotations

import pytest

from editor.core import engine
from editor.core.document import Document
from editor.core.engine import Registry
from editor.core.issue import Category, Issue, Severity
from editor.core.rule_info import RuleInfo
from editor.gui.checking import Cancelled, Checker, Snapshot


@pytest.fixture
def counted(monkeypatch):
    """A registry with one paragraph check that flags 签定 and records every paragraph it reads."""
    seen: list[str] = []
    registry = Registry()

    @registry.paragraph_check("typo.test_counting", Category.TYPO, (rule_info("typo.test_counting"),))
    def counting(index, paragraph):
        seen.append(paragraph.text)
        start = paragraph.text.find("签定")
        if start >= 0:
            yield Issue("typo.test_counting", Category.TYPO, Severity.ERROR, index, start, start + 2, "签定", "别字")

    monkeypatch.setattr(engine, "load_checks", lambda: registry)
    return seen


def rule_info(rule: str) -> RuleInfo:
    return RuleInfo(rule, Category.TYPO, rule, "测试用的检查")


def _snapshot(job, texts):
    return Snapshot(job, tuple((i, 0, text) for i, text in enumerate(texts)))


TEXTS = ["武进召开推进会", "双方签定了协议。", "会议要求加快建设。"]


def test_only_changed_paragraphs_are_checked_again(counted):
    checker = Checker()
    draft = Document.from_texts(TEXTS)
    first = checker.run(_snapshot(1, TEXTS), draft)
    assert sorted(counted) == sorted(TEXTS)
    counted.clear()
    edited = [TEXTS[0], TEXTS[1], "会议要求加快推进。"]
    second = checker.run(_snapshot(2, edited), draft)
    assert counted == ["会议要求加快推进。"]
    assert (
        [(i.paragraph, i.text) for i in first.issues] == [(i.paragraph, i.text) for i in second.issues] == [(1, "签定")]
    )
    checker.forget()
    counted.clear()
    checker.run(_snapshot(3, edited), draft)
    assert len(counted) == 3


def test_empty_blocks_are_blank_lines_and_findings_keep_block_numbers(counted):
    texts = ["武进召开推进会", "", "", "双方签定了协议。"]
    outcome = Checker().run(_snapshot(1, texts), Document.from_texts(["武进召开推进会", "双方签定了协议。"]))
    assert "" not in counted
    assert [(issue.paragraph, issue.text) for issue in outcome.issues] == [(3, "签定")]
    assert len(outcome.kinds) == 4


def test_a_newer_job_cancels_the_running_one(counted):
    checker = Checker()
    checker.announce(5)
    with pytest.raises(Cancelled):
        checker.run(_snapshot(4, TEXTS), Document.from_texts(TEXTS))
    assert checker.run(_snapshot(6, TEXTS), Document.from_texts(TEXTS)).job == 6


def test_progress_is_reported(counted):
    reports = []
    Checker().run(_snapshot(1, TEXTS), Document.from_texts(TEXTS), lambda done, total: reports.append((done, total)))
    assert reports[-1] == (3, 3)


def test_warnings_of_the_checks_reach_the_outcome(monkeypatch):
    import logging

    registry = Registry()

    @registry.paragraph_check("typo.test_unavailable", Category.TYPO, (rule_info("typo.test_unavailable"),))
    def unavailable(index, paragraph):
        logging.getLogger("editor.core.checks.test").warning("语言模型不可用：%s", "找不到文件")
        return []

    monkeypatch.setattr(engine, "load_checks", lambda: registry)
    outcome = Checker().run(_snapshot(1, TEXTS[:1]), Document.from_texts(TEXTS[:1]))
    assert outcome.notes == ("语言模型不可用：找不到文件",)


def test_the_cached_checks_keep_their_precedence(counted):
    registry = engine.load_checks()

    @registry.paragraph_check("typo.test_guess", Category.TYPO, (rule_info("typo.test_guess"),), engine.Precedence.GUESS)
    def guess(index, paragraph):
        return ()

    checks = Checker().engine.registry.checks
    assert checks["typo.test_guess"].precedence is engine.Precedence.GUESS
    assert checks["typo.test_counting"].precedence is engine.Precedence.RULE
