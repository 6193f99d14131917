"""jieba's dictionary cache lives in the user's cache folder, never in the system's temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

LOAD = "from editor.core.segmentation import segment; print(' '.join(segment('区人大常委会召开会议')))"


def _start(home: Path, cache: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """A fresh interpreter segmenting once, with empty HOME, cache and temporary folders of its own."""
    temporary = home / "tmp"
    temporary.mkdir(exist_ok=True)
    environment = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(cache), "TMPDIR": str(temporary)}
    environment.pop("LOCALAPPDATA", None)
    result = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, env=environment, timeout=120)
    return result, temporary


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME and TMPDIR name the folders on Linux")
def test_the_first_start_writes_jiebas_cache_into_the_users_cache_folder_and_the_next_reads_it(tmp_path):
    cache = tmp_path / "cache"
    first, temporary = _start(tmp_path, cache)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["区", "人大常委会", "召开", "会议"]
    written = cache / "proofdesk" / "jieba" / "jieba.cache"
    assert written.is_file()
    assert list(temporary.iterdir()) == []
    stamp = written.stat().st_mtime_ns
    again, _ = _start(tmp_path, cache)
    assert again.returncode == 0 and again.stdout == first.stdout
    assert written.stat().st_mtime_ns == stamp  # read, not written again


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME and TMPDIR name the folders on Linux")
def test_a_cache_folder_that_cannot_be_made_only_costs_the_cache(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    result, temporary = _start(tmp_path, blocked)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["区", "人大常委会", "召开", "会议"]
    assert list(temporary.iterdir()) == []
    assert "Traceback" not in result.stderr and "分词词典缓存无法写入" in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME and TMPDIR name the folders on Linux")
def test_a_damaged_cache_is_built_again(tmp_path):
    cache = tmp_path / "cache"
    damaged = cache / "proofdesk" / "jieba" / "jieba.cache"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"\x00 not marshal")
    result, _ = _start(tmp_path, cache)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.split() == ["区", "人大常委会", "召开", "会议"]
    assert damaged.stat().st_size > 1_000_000  # written anew
