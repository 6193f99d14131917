"""The check server's protocol, in a real child process (as the app runs it) and on a thread."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
import time
from dataclasses import replace

import pytest

from editor.core.document import Document
from editor.core.io.text import parse_text
from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.typo_engine import configured_model_dir, configured_sensitivity
from editor.core.resources import EXAMPLE_DRAFT
from editor.core.service.checker import Snapshot
from editor.core.service.server import serve
from editor.core.userdata import DICTIONARY_FILE
from tests.core.service.test_checker import COLUMN

TEXTS = ["双方签定了合作协议，计划3-5年内建成。", "绿色转型，是企业激发新动能、新优势的", "必由之路。"]


def _snapshot(job: int, texts=TEXTS) -> Snapshot:
    return Snapshot(job, tuple((i, 0, text) for i, text in enumerate(texts)))


def _replies(connection, *until: str, limit: int = 50):
    """The replies up to the first of a kind in ``until``."""
    for _ in range(limit):
        assert connection.poll(60), "the server did not answer"
        reply = connection.recv()
        yield reply
        if reply[0] in until:
            return


@pytest.fixture
def threaded():
    ours, theirs = multiprocessing.Pipe()
    server = threading.Thread(target=serve, args=(theirs,), daemon=True)
    server.start()
    yield ours
    ours.send(("quit", 0))
    server.join(10)


def test_a_child_process_checks_a_snapshot():
    ours, theirs = multiprocessing.Pipe()
    child = multiprocessing.get_context("spawn").Process(target=serve, args=(theirs, True), daemon=True)
    child.start()
    try:
        ours.send(("configure", 1, None, ()))
        ours.send(("adopt", 2, Document.from_texts(TEXTS)))
        ours.send(("check", 3, _snapshot(1)))
        replies = list(_replies(ours, "outcome"))
        kind, request, outcome = replies[-1]
        assert (kind, request, outcome.job) == ("outcome", 3, 1)
        assert {issue.text for issue in outcome.issues} >= {"签定", "3-5", "的"}
        assert any(issue.joins_next for issue in outcome.issues)
    finally:
        ours.send(("quit", 0))
        child.join(20)
    assert child.exitcode == 0


def test_configure_chooses_the_macbert_folder_and_a_bad_one_is_explained(threaded, tmp_path):
    threaded.send(("configure", 1, None, (), str(tmp_path)))
    threaded.send(("adopt", 2, Document.from_texts(TEXTS)))
    threaded.send(("check", 3, _snapshot(1)))
    *_, (kind, _request, outcome) = _replies(threaded, "outcome")
    assert kind == "outcome" and configured_model_dir() == tmp_path
    reasons = [note for note in outcome.notes if "MacBERT" in note]
    assert len(reasons) == 1 and "config.json" in reasons[0]
    assert "签定" in {issue.text for issue in outcome.issues}  # the other checks still ran
    threaded.send(("configure", 4, None, (), ""))
    threaded.send(("check", 5, _snapshot(2)))
    *_, (kind, _request, outcome) = _replies(threaded, "outcome")
    assert configured_model_dir() is None and not any("MacBERT" in note for note in outcome.notes)


def test_configure_sets_the_typo_sensitivity_and_a_garbled_one_is_standard(threaded):
    threaded.send(("configure", 1, None, (), "", "宽松"))
    threaded.send(("adopt", 2, Document.from_texts(TEXTS)))
    threaded.send(("check", 3, _snapshot(1)))
    *_, (kind, _request, _outcome) = _replies(threaded, "outcome")
    assert kind == "outcome" and configured_sensitivity() is Sensitivity.LENIENT
    threaded.send(("configure", 4, None, (), "", "乱码"))
    threaded.send(("check", 5, _snapshot(2)))
    *_, (kind, _request, _outcome) = _replies(threaded, "outcome")
    assert kind == "outcome" and configured_sensitivity() is Sensitivity.STANDARD


def test_an_announced_newer_job_cancels_an_older_one(threaded):
    threaded.send(("adopt", 1, Document.from_texts(TEXTS)))
    threaded.send(("announce", 2, 5))
    threaded.send(("check", 3, _snapshot(4)))
    threaded.send(("check", 4, _snapshot(5)))
    replies = [reply for reply in _replies(threaded, "outcome") if reply[0] != "progress"]
    assert replies[0][:2] == ("cancelled", 3)
    assert replies[1][0] == "outcome" and replies[1][2].job == 5


def test_open_and_save_failures_are_replies_not_crashes(threaded, tmp_path):
    threaded.send(("open", 1, str(tmp_path / "missing.txt")))
    (failed,) = _replies(threaded, "failed")
    assert failed[:2] == ("failed", 1) and "文件不存在" in failed[2]
    threaded.send(("save", 2, ["正文。"], str(tmp_path / "out.pdf")))
    (failed,) = _replies(threaded, "failed")
    assert failed[:2] == ("failed", 2) and "不支持" in failed[2]


def test_the_server_proposes_the_word_around_a_flagged_character(threaded):
    """The window asks here: jieba is loaded in the server, and loading it in the window would freeze it."""
    threaded.send(("word_around", 1, "他在学校读书", 3, 4))
    (word,) = _replies(threaded, "word")
    assert word == ("word", 1, "学校")


def test_a_dictionary_edited_outside_the_app_drops_its_word_at_the_next_check(threaded, data_dir):
    """The measured bug: the CLI dropped 签定 once it was in dictionary.txt, the editor's cache kept it."""
    threaded.send(("adopt", 1, Document.from_texts(TEXTS)))
    threaded.send(("check", 2, _snapshot(1)))
    *_, (_kind, _request, outcome) = _replies(threaded, "outcome")
    assert "签定" in {issue.text for issue in outcome.issues}
    (data_dir / DICTIONARY_FILE).write_text("签定\n", encoding="utf-8")  # not through the app
    threaded.send(("check", 3, _snapshot(2)))
    *_, (_kind, _request, outcome) = _replies(threaded, "outcome")
    assert "签定" not in {issue.text for issue in outcome.issues}
    assert "3-5" in {issue.text for issue in outcome.issues}  # the rest is still found


def test_a_rule_file_of_the_user_edited_outside_the_app_counts_at_the_next_check(threaded, data_dir):
    """The cache key names the user's rule overrides too: switching the 签定 entry off takes effect at once."""
    threaded.send(("adopt", 1, Document.from_texts(TEXTS)))
    threaded.send(("check", 2, _snapshot(1)))
    *_, (_kind, _request, outcome) = _replies(threaded, "outcome")
    assert "typo.confusion.qian_ding" in {issue.rule for issue in outcome.issues}
    (data_dir / "confusion.yaml").write_text("rules:\n  - id: qian_ding\n    enabled: false\n", encoding="utf-8")
    threaded.send(("check", 3, _snapshot(2)))
    *_, (_kind, _request, outcome) = _replies(threaded, "outcome")
    assert "typo.confusion.qian_ding" not in {issue.rule for issue in outcome.issues}
    assert "3-5" in {issue.text for issue in outcome.issues}


def _large_draft(characters: int, tag: str) -> list[str]:
    """The project's example draft, one paragraph a line, repeated to ``characters`` with each copy numbered.

    The numbers (and ``tag``) make every copy's paragraphs new text, so no cache shortens the check.
    """
    lines = (EXAMPLE_DRAFT).read_text(encoding="utf-8").splitlines()
    copies = characters // sum(map(len, lines)) + 1
    return [f"{line}{tag}{copy}" if line else line for copy in range(copies) for line in lines]


def _wait_for_progress(connection, request: int, per_mille: int) -> None:
    for reply in _replies(connection, "outcome", limit=1000):
        if reply[:2] == ("progress", request) and reply[3] >= per_mille:
            return
    raise AssertionError("the check ended before reaching the progress awaited")


@pytest.fixture
def typo_lm_started(monkeypatch):
    """An event set when `typo.lm` starts on its first paragraph (the engine it uses, watched)."""
    from editor.core.checks import typo_lm

    started, real = threading.Event(), typo_lm.typo_engine

    class Watched:
        def __init__(self, engine) -> None:
            self.engine, self.detector = engine, engine.detector

        def find(self, *arguments):
            started.set()
            return self.engine.find(*arguments)

    monkeypatch.setattr(typo_lm, "typo_engine", lambda: Watched(real()))
    return started


def test_a_newer_job_stops_a_long_check_promptly_even_inside_typo_lm(threaded, typo_lm_started):
    """Announcing cancels the running check wherever it is; typo.lm (a document check) is most of a check."""
    texts = _large_draft(100_000, "甲")
    threaded.send(("adopt", 1, Document.from_texts(texts)))
    threaded.send(("check", 2, _snapshot(1, texts)))
    assert typo_lm_started.wait(120), "typo.lm did not start"
    time.sleep(0.5)  # well inside it: it takes seconds on this draft
    announced = time.perf_counter()
    threaded.send(("announce", 3, 2))
    replies = [reply for reply in _replies(threaded, "outcome", "cancelled", limit=1000) if reply[0] != "progress"]
    latency = time.perf_counter() - announced
    assert replies[-1][:2] == ("cancelled", 2)
    assert latency < 0.5, f"the cancelled reply came {latency:.2f} s after the announcement"


def test_a_save_is_answered_while_a_long_check_runs(threaded, tmp_path):
    texts = _large_draft(60_000, "乙")
    threaded.send(("adopt", 1, Document.from_texts(texts)))
    threaded.send(("check", 2, _snapshot(1, texts)))
    _wait_for_progress(threaded, 2, 0)
    threaded.send(("save", 3, texts, str(tmp_path / "saved.txt")))
    kinds = [reply[0] for reply in _replies(threaded, "outcome", limit=5000)]
    assert kinds.index("saved") < kinds.index("outcome")  # the check was neither waited for nor cancelled
    assert (tmp_path / "saved.txt").read_text(encoding="utf-8").splitlines() == texts


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_the_draft_read_back_after_a_save_keeps_the_article_date_the_desk_set(threaded, tmp_path, suffix):
    """Neither a text file nor a DOCX written from one keeps a date: the next check must still read the
    register on the date the desk set, not on the dateline's or today's."""
    day = dt.date(2026, 11, 30)
    threaded.send(("adopt", 1, replace(Document.from_texts(TEXTS), date=day)))
    threaded.send(("save", 2, TEXTS, str(tmp_path / f"saved{suffix}")))
    kind, request, draft = list(_replies(threaded, "saved"))[-1]
    assert (kind, request, draft.date) == ("saved", 2, day)


def _joins(outcome) -> list[int]:
    return sorted(issue.paragraph for issue in outcome.issues if issue.joins_next)


def test_a_draft_saved_with_some_joins_accepted_goes_on_in_the_columns_it_was_read_in(threaded, tmp_path):
    """Saved midway, the file read back is the new draft: its lines and the paragraphs the accepted joins made
    keep the columns of the draft first opened, so the joins still to accept are those proposed before saving."""
    draft = parse_text(COLUMN)
    lines = draft.texts
    threaded.send(("adopt", 1, draft))
    for accepted in range(1, 6):
        texts = [lines[0], "".join(lines[1 : accepted + 2]), *lines[accepted + 2 :]]
        threaded.send(("check", 2, _snapshot(accepted * 2, texts)))
        *_, (_kind, _request, before) = _replies(threaded, "outcome")
        threaded.send(("save", 3, texts, str(tmp_path / f"saved{accepted}.txt")))
        list(_replies(threaded, "saved"))
        threaded.send(("check", 4, _snapshot(accepted * 2 + 1, texts)))
        *_, (_kind, _request, after) = _replies(threaded, "outcome")
        assert _joins(after) == _joins(before) == list(range(1, len(texts) - 1)), accepted
