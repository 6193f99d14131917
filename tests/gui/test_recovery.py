"""Recovery files: written atomically, offered only when no running window owns them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from editor.gui.recovery import RecoveryFile, _live_sessions, orphans


def test_an_open_window_keeps_its_file_and_a_closed_one_removes_it(tmp_path):
    mine = RecoveryFile(tmp_path)
    mine.save("/drafts/稿件.docx", ["标题", "正文。"])
    assert orphans(tmp_path) == []  # this process's window is still open
    _live_sessions.discard(mine.session)
    (found,) = orphans(tmp_path)
    assert (found.source, found.texts) == ("/drafts/稿件.docx", ["标题", "正文。"])
    found.discard()
    assert orphans(tmp_path) == []
    mine.close()


def test_files_of_other_live_processes_are_left_alone_and_junk_is_skipped(tmp_path):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        record = {"pid": other.pid, "session": "elsewhere", "source": None, "texts": ["正文。"], "saved_at": 1.0}
        (tmp_path / "elsewhere.json").write_text(json.dumps(record), encoding="utf-8")
        (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
        assert orphans(tmp_path) == []
    finally:
        other.kill()
        other.wait()
    assert [recovery.texts for recovery in orphans(tmp_path)] == [["正文。"]]
    assert os.path.exists(tmp_path / "junk.json")
