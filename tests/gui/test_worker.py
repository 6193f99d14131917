"""The window's end of the check server: a dead server is reported and restarted; opening and saving never wait."""

from __future__ import annotations

from editor.core.document import Document
from editor.gui.worker import ServerClient


def test_a_dead_server_is_reported_and_restarted(qtbot, tmp_path):
    client = ServerClient(in_process=False)
    assert client.start()
    try:
        with qtbot.waitSignal(client.died, timeout=30_000) as died:
            client._server.kill()
        assert "退出" in died.args[0]
        assert not client.running
        assert client.start()
        with qtbot.waitSignal(client.replied, timeout=60_000) as replied:
            request = client.send("open", str(tmp_path / "missing.txt"))
        kind, answered, reason = replied.args[0]
        assert (kind, answered) == ("failed", request) and "文件不存在" in reason
    finally:
        client.close()
    assert not client.running


def test_a_save_the_server_died_before_answering_fails_with_a_reason(qtbot, tmp_path):
    """A save that will never be answered is reported as failed, so that nobody waits for it."""
    from editor.gui.worker import CheckScheduler

    scheduler = CheckScheduler(lambda job: None, 500, in_process=True)
    try:
        scheduler.adopt(Document.from_texts(["正文。"]))
        with qtbot.waitSignal(scheduler.save_failed, timeout=10_000) as failed:
            scheduler.save(["正文。"], tmp_path / "out.txt")
            assert scheduler.saving
            scheduler.client.died.emit("检查进程意外退出")  # what the reader reports when the pipe closes
        assert failed.args == ["检查进程意外退出", str(tmp_path / "out.txt"), False] and not scheduler.saving
    finally:
        scheduler.close()


def test_a_draft_is_shown_before_the_server_has_read_it(qtbot, tmp_path):
    """At launch the server is still starting: the text must not wait for it."""
    from editor.gui.worker import CheckScheduler

    draft = tmp_path / "draft.txt"
    draft.write_text("标题\n\n正文第一段。\n", encoding="utf-8")
    scheduler = CheckScheduler(lambda job: None, 500, in_process=False)
    try:
        with qtbot.waitSignal(scheduler.opened, timeout=1) as opened:  # emitted within the call
            scheduler.open(draft)
        shown, path = opened.args
        assert shown.texts == ["标题", "正文第一段。"] and path == str(draft)
        assert shown.origin is None  # what only the server keeps
        assert scheduler.client.running
        with qtbot.waitSignal(scheduler.open_failed, timeout=1) as failed:
            scheduler.open(tmp_path / "missing.txt")
        assert "文件不存在" in failed.args[0]
    finally:
        scheduler.close()


def test_a_word_the_server_never_proposed_is_the_flagged_text(qtbot):
    """The server died before answering: the dialog still opens, with what was flagged."""
    from editor.gui.worker import CheckScheduler

    scheduler = CheckScheduler(lambda job: None, 500, in_process=True)
    try:
        scheduler.adopt(Document.from_texts(["他在学校读书"]))
        with qtbot.waitSignal(scheduler.word_proposed, timeout=10_000) as proposed:
            scheduler.propose_word("the finding", "他在学校读书", 3, 4)
            scheduler.client.died.emit("检查进程意外退出")
        assert proposed.args == ["the finding", "校"]
        with qtbot.waitSignal(scheduler.word_proposed, timeout=60_000) as proposed:
            scheduler.propose_word("the finding", "他在学校读书", 3, 4)  # a new server answers
        assert proposed.args == ["the finding", "学校"]
    finally:
        scheduler.close()


def test_a_dying_server_reports_its_failures_before_the_word_dialog_opens(qtbot):
    """The dialog the proposal opens is modal, and a check may start a new server meanwhile: the dead server's
    failures are said, and its requests forgotten, before it opens (not after, over the new server's)."""
    from editor.gui.worker import CheckScheduler

    scheduler = CheckScheduler(lambda job: None, 500, in_process=True)
    said = []
    scheduler.failed.connect(lambda message: said.append("failed"))
    scheduler.word_proposed.connect(lambda issue, word: said.append(("word", scheduler._requests == {})))
    try:
        scheduler.adopt(Document.from_texts(["他在学校读书"]))
        scheduler.propose_word("the finding", "他在学校读书", 3, 4)
        scheduler.client.died.emit("检查进程意外退出")
        assert said == ["failed", ("word", True)]
    finally:
        scheduler.close()


def test_the_window_never_segments_text_itself():
    """jieba loads where it is imported: the window asks the check server (`CheckScheduler.propose_word`)."""
    from import_graph import imported_names, modules

    offenders = sorted(
        name
        for name, path in modules().items()
        if name.startswith("editor.gui") and "editor.core.segmentation" in imported_names(path)
    )
    assert offenders == []
