"""The service's check: changed paragraphs only, empty blocks as blank lines, newer jobs cancel older ones,
and a cache that knows what its findings depend on."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import pytest

from editor.core import engine
from editor.core.cancellation import Cancelled, CancelToken
from editor.core.document import Document
from editor.core.engine import Engine, Registry
from editor.core.io.text import parse_text
from editor.core.issue import Category, Issue, Severity
from editor.core.resources import EXAMPLE_DRAFT
from editor.core.rule_info import RuleInfo
from editor.core.service.checker import Checker, Snapshot
from editor.core.userdata import DICTIONARY_FILE, accepted_words
from tests.core.layout.test_page_signals import COLUMN_OF_THREE


@pytest.fixture
def counted(monkeypatch):
    """A registry with one paragraph check that flags 签定 (unless the user accepts it) and records what it reads."""
    seen: list[str] = []
    registry = Registry()

    @registry.paragraph_check("typo.test_counting", Category.TYPO, (rule_info("typo.test_counting"),))
    def counting(index, paragraph):
        seen.append(paragraph.text)
        start = paragraph.text.find("签定")
        if start >= 0 and "签定" not in accepted_words():
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


def test_a_dictionary_edited_outside_the_app_is_seen_at_the_next_check(counted, data_dir):
    checker = Checker()
    draft = Document.from_texts(TEXTS)
    assert [issue.text for issue in checker.run(_snapshot(1, TEXTS), draft).issues] == ["签定"]
    (data_dir / DICTIONARY_FILE).write_text("签定\n", encoding="utf-8")  # as a text editor would
    counted.clear()
    assert checker.run(_snapshot(2, TEXTS), draft).issues == ()
    assert sorted(counted) == sorted(TEXTS)


def test_the_cache_knows_the_enabled_categories_and_rules(counted):
    checker = Checker()
    draft = Document.from_texts(TEXTS)
    checker.run(_snapshot(1, TEXTS), draft)
    counted.clear()
    other = Checker(disabled=("number",), cache=checker.cache)  # new preferences, the same cache
    assert [issue.text for issue in other.run(_snapshot(2, TEXTS), draft).issues] == ["签定"]
    assert sorted(counted) == sorted(TEXTS)  # found again: the findings were made under other rules
    counted.clear()
    Checker(cache=checker.cache).run(_snapshot(3, TEXTS), draft)
    assert counted == []


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


def test_a_newer_job_stops_a_document_check_between_paragraphs(monkeypatch):
    """Announcing reaches inside a document check that consults the checkpoint, as `typo.lm` does."""
    from editor.core.cancellation import checkpoint

    registry, read = Registry(), []

    @registry.document_check("typo.test_slow", Category.TYPO, (rule_info("typo.test_slow"),))
    def slow(document):
        for paragraph in document.paragraphs:
            checkpoint()
            read.append(paragraph.text)
            if len(read) == 2:
                checker.announce(2)  # as the server's listener does, while the check runs
        return ()

    monkeypatch.setattr(engine, "load_checks", lambda: registry)
    checker = Checker()
    texts = [f"第{i}段。" for i in range(10)]
    with pytest.raises(Cancelled):
        checker.run(_snapshot(1, texts), Document.from_texts(texts))
    assert len(read) == 2


def test_progress_is_reported(counted):
    reports = []
    Checker().run(_snapshot(1, TEXTS), Document.from_texts(TEXTS), lambda done, total: reports.append((done, total)))
    assert reports[-1] == (3, 3)
    assert [done for done, _total in reports] == sorted(done for done, _total in reports)


def test_progress_moves_inside_a_document_check_that_says_how_far_it_got(monkeypatch):
    """typo.lm is most of a check: its checkpoints move the progress bar, not only its end."""
    from editor.core.cancellation import checkpoint

    registry, seen = Registry(), []

    @registry.document_check("typo.test_long", Category.TYPO, (rule_info("typo.test_long"),))
    def long(document):
        for index, _paragraph in enumerate(document.paragraphs):
            checkpoint(index, len(document.paragraphs))
            seen.append(reports[-1] if reports else None)
        return ()

    monkeypatch.setattr(engine, "load_checks", lambda: registry)
    reports: list[tuple[int, int]] = []
    texts = [f"第{i}段。" for i in range(8)]
    Checker().run(_snapshot(1, texts), Document.from_texts(texts), lambda done, total: reports.append((done, total)))
    assert [done for done, _total in reports] == list(range(1, 9))  # a step per paragraph, then the end
    assert seen[-1] == (7, 8)


def test_warnings_of_the_checks_reach_the_outcome(monkeypatch):
    registry = Registry()

    @registry.paragraph_check("typo.test_unavailable", Category.TYPO, (rule_info("typo.test_unavailable"),))
    def unavailable(index, paragraph):
        logging.getLogger("editor.core.checks.test").warning("语言模型不可用：%s", "找不到文件")
        return []

    monkeypatch.setattr(engine, "load_checks", lambda: registry)
    outcome = Checker().run(_snapshot(1, TEXTS[:1]), Document.from_texts(TEXTS[:1]))
    assert outcome.notes == ("语言模型不可用：找不到文件",)


def test_the_checker_finds_what_the_command_line_finds(sample_page):
    """One engine path: the cached check of the editor and the uncached one of `proofdesk check` agree."""
    from editor.core.io import read_document

    draft = read_document(sample_page)
    expected = Engine().check(draft)
    checker = Checker()
    for job in (1, 2):  # the second time from the cache
        outcome = checker.run(_snapshot(job, draft.texts), draft)
        assert list(outcome.issues) == expected.issues
        assert list(outcome.kinds) == [paragraph.kind for paragraph in expected.classified.paragraphs]


class _WatchedToken(CancelToken):
    """A token that remembers when and from where the run consulted it, never cancelled."""

    def __init__(self) -> None:
        super().__init__()
        self.consulted: list[tuple[float, str]] = []

    @property
    def cancelled(self) -> bool:
        caller = sys._getframe(2)  # past `checkpoint`
        self.consulted.append((time.perf_counter(), f"{Path(caller.f_code.co_filename).name}:{caller.f_lineno}"))
        return False


def test_every_check_of_a_long_draft_reaches_a_checkpoint_often():
    """Every long check is cancellable: on a 60,000-character draft of new text no stretch between two
    checkpoints is a large part of the check (before, name segmentation and typo.lm each ran seconds without one)."""
    Engine().check(Document.from_texts(["区长恽淇丞出席会议，双方签定了协议。"]))  # the models load first
    source = (EXAMPLE_DRAFT).read_text(encoding="utf-8").splitlines()
    fresh = time.perf_counter_ns()  # text no cache of this process has seen, whatever ran before
    texts = [f"{line}{fresh}丁{copy}" for copy in range(60_000 // sum(map(len, source)) + 1) for line in source if line]
    token = _WatchedToken()
    started = time.perf_counter()
    Engine().check(Document.from_texts(texts), cancel=token)
    ended = time.perf_counter()
    moments = [(started, "start"), *token.consulted, (ended, "end")]
    longest, after, before = max(
        (later - earlier, where, then) for (earlier, where), (later, then) in zip(moments, moments[1:], strict=False)
    )
    # Relative to the whole check, so that a busy machine does not fail it: typo.lm alone was half of it.
    total = ended - started
    assert total > 1, "the check was too short to measure"
    assert longest < total / 8, f"{longest:.2f} s without a checkpoint ({after} → {before}) in a {total:.1f} s check"


COLUMN = """城区新增十三处口袋公园
今年以来，全区深入推进城市更新行动，
利用边角空地和闲置地块新建口袋公园和
街头绿地共计十三处，新增绿地面积一万
二千平方米。区园林部门负责人介绍，下
一步将持续推进城市增绿工程，并将在人
民公园北侧布置以“长城”为主题的大型
立体花坛，分为东西两组。
"""


def _joins(outcome) -> list[int]:
    return sorted(issue.paragraph for issue in outcome.issues if issue.joins_next)


def test_joins_accepted_one_by_one_leave_the_rest_of_the_column_as_it_was_read():
    """Each join the user accepts makes the column a line shorter; the lines left are still read in the
    column the draft was opened with, so the joins still to accept do not go (民公园…大型 has no sentence
    punctuation: read in no column, it would be a headline)."""
    draft = parse_text(COLUMN)
    checker = Checker({Category.LAYOUT})
    lines = draft.texts
    assert _joins(checker.run(Snapshot(1, tuple((i, 0, t) for i, t in enumerate(lines))), draft)) == [1, 2, 3, 4, 5, 6]
    texts = [lines[0], "".join(lines[1:5]), *lines[5:]]  # the first three joins accepted: two full lines left
    outcome = checker.run(Snapshot(2, tuple((i, 0, t) for i, t in enumerate(texts))), draft)
    assert {2, 3} <= set(_joins(outcome))  # 一步…在人 / 民公园…大型 / 立体花坛: the lines as read


def test_the_paragraph_joins_accepted_one_by_one_make_keeps_its_next_join():
    """Accepted top-down, each join makes one paragraph of the lines above; its last line as read still fills
    the column, so the join after it stays (…并将在人 / 民公园…大型: neither has sentence punctuation at its end)."""
    draft = parse_text(COLUMN)
    checker = Checker({Category.LAYOUT})
    lines = draft.texts
    for accepted in range(1, 6):
        texts = [lines[0], "".join(lines[1 : accepted + 2]), *lines[accepted + 2 :]]
        outcome = checker.run(Snapshot(accepted, tuple((i, 0, t) for i, t in enumerate(texts))), draft)
        assert _joins(outcome) == list(range(1, len(texts) - 1)), accepted


#: Set 15 characters wide with indents, copied without them: each paragraph's first line is 13 characters.
INDENTS_LOST = COLUMN_OF_THREE.replace("\u3000", "")


def test_a_column_whose_indents_were_lost_keeps_its_reading_as_its_joins_are_accepted():
    """The column is read as one whose indents copying lost when the draft is opened; joins accepted top-down
    leave the rest as they were found (…报刊。 / 新书上架后… runs on: a full line after a full line)."""
    draft = parse_text(INDENTS_LOST)
    checker = Checker({Category.LAYOUT})
    lines = draft.texts
    found = _joins(checker.run(Snapshot(1, tuple((i, 0, t) for i, t in enumerate(lines))), draft))
    assert found == [1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 14, 15, 16]
    texts = [lines[0], "".join(lines[1:7]), "".join(lines[7:9]), *lines[9:]]  # six joins accepted
    outcome = checker.run(Snapshot(2, tuple((i, 0, t) for i, t in enumerate(texts))), draft)
    assert _joins(outcome) == [2, 3, 4, 6, 7, 8, 9, 10]


def test_a_column_pasted_into_a_new_document_is_read_as_the_command_line_reads_it():
    """Lines typed or pasted anew have no column of the draft to keep: they are read in the one they make."""
    lines = parse_text(COLUMN).texts
    outcome = Checker({Category.LAYOUT}).run(
        Snapshot(1, tuple((i, 0, t) for i, t in enumerate(lines))), Document.from_texts([])
    )
    assert _joins(outcome) == [1, 2, 3, 4, 5, 6]
