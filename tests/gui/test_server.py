"""The check server's protocol, in a real child process (as the app runs it) and on a thread."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from editor.core.document import Document
from editor.core.lm.typo_engine import configured_model_dir
from editor.gui.checking import Snapshot
from editor.gui.server import serve

TEXTS = ["双方签定了合作协议，计划3-5年内建成。", "绿色转型，是企业激发新动能、新优势的", "必由之路。"]


def _snapshot(job: int, texts=TEXTS) -> Snapshot:
    return Snapshot(job, tuple((i, 0, text) for i, text in enumerate(texts)))


def _replies(connection, until: str, limit: int = 50):
    for _ in range(limit):
        assert connection.poll(60), "the server did not answer"
        reply = connection.recv()
        yield reply
        if reply[0] == until:
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
