"""The user dictionary and ignore list: read from the data folder, re-read after edits, written atomically."""

from __future__ import annotations

import os

import pytest

from editor.core import userdata


def test_data_dir_follows_the_environment(data_dir):
    assert userdata.user_data_dir() == data_dir


def test_missing_files_mean_empty_lists():
    assert userdata.user_words() == frozenset()
    assert userdata.ignored_words() == frozenset()


def test_entries_skip_comments_and_blank_lines(data_dir):
    (data_dir / "dictionary.txt").write_text("# 本社常用词\n恽淇丞\n\n  夷建良  # 区政协委员\n", encoding="utf-8")
    assert userdata.user_words() == {"恽淇丞", "夷建良"}


def test_added_words_are_kept_once_and_survive_a_reload(data_dir):
    userdata.add_user_word("洛凯股份")
    userdata.add_user_word("洛凯股份")
    userdata.add_ignored_word("武阜")
    text = (data_dir / "dictionary.txt").read_text(encoding="utf-8")
    assert text.startswith("#")
    assert text.count("洛凯股份") == 1
    assert userdata.user_words() == {"洛凯股份"}
    assert userdata.ignored_words() == {"武阜"}
    assert userdata.accepted_words() == {"洛凯股份", "武阜"}


def test_an_edit_on_disk_is_seen_without_restarting(data_dir):
    userdata.add_ignored_word("常检护安")
    assert userdata.ignored_words() == {"常检护安"}
    path = data_dir / "ignore.txt"
    path.write_text("检护民生\n", encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))
    assert userdata.ignored_words() == {"检护民生"}


@pytest.mark.parametrize("word", ["", "  ", "两行\n词", "带#号"])
def test_bad_entries_are_refused_with_a_message(word):
    with pytest.raises(ValueError, match="无法添加"):
        userdata.add_user_word(word)


def test_an_unreadable_file_counts_as_empty(data_dir):
    (data_dir / "ignore.txt").write_bytes(b"\xff\xfe\x00bad")
    assert userdata.ignored_words() == frozenset()
