"""The user's own word lists: a dictionary of accepted words and an ignore list.

Every typo and name check consults them, so that a copy editor who says "this word is
right" is never bothered by it again. Both are plain UTF-8 files in the user's data
folder (one entry a line, ``#`` starts a comment) so that the GUI, a text editor or a
newsroom-wide copy can all edit them. They are read lazily and re-read when the file
changes on disk (its mtime or size), so an edit made by the GUI is seen by the next check.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from editor.core.io.atomic import write_atomically

logger = logging.getLogger(__name__)

DATA_DIR_ENV = "PROOFDESK_DATA_DIR"
DICTIONARY_FILE = "dictionary.txt"
IGNORE_FILE = "ignore.txt"

_HEADERS = {
    DICTIONARY_FILE: "# 校对台用户词典：每行一个词，这些词不会被标为别字。以 # 开头的行是注释。\n",
    IGNORE_FILE: "# 校对台忽略列表：每行一个词，检查时永远不标出。以 # 开头的行是注释。\n",
}


def user_data_dir() -> Path:
    """The folder holding the user's dictionary, ignore list and custom rules.

    ``PROOFDESK_DATA_DIR`` overrides the platform's application-data folder (tests point it at a temporary folder).
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("proofdesk", appauthor=False))


def user_cache_dir() -> Path:
    """The folder for what the app can rebuild at any time (jieba's dictionary cache): the platform's cache folder."""
    return Path(platformdirs.user_cache_dir("proofdesk", appauthor=False))


@dataclass(frozen=True)
class _Snapshot:
    stamp: tuple[int, int] | None
    entries: frozenset[str]


_snapshots: dict[Path, _Snapshot] = {}


def file_stamp(path: Path) -> tuple[int, int] | None:
    """The file's modification time and size, which change when it is edited; None when it does not exist."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def parse_entries(text: str) -> frozenset[str]:
    """The entries of a word-list file: stripped lines, without blank lines and ``#`` comments."""
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(entry for entry in entries if entry)


def _read_entries(path: Path) -> frozenset[str]:
    stamp = file_stamp(path)
    cached = _snapshots.get(path)
    if cached is not None and cached.stamp == stamp:
        return cached.entries
    entries: frozenset[str] = frozenset()
    if stamp is not None:
        try:
            entries = parse_entries(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as error:
            logger.warning("无法读取用户词表 %s（%s），按空表处理", path, error)
    _snapshots[path] = _Snapshot(stamp, entries)
    return entries


def user_words() -> frozenset[str]:
    """Words the user has accepted: checks never report them as typos."""
    return _read_entries(user_data_dir() / DICTIONARY_FILE)


def ignored_words() -> frozenset[str]:
    """Words the user has told the checks to ignore: never flagged by any typo or name check."""
    return _read_entries(user_data_dir() / IGNORE_FILE)


def accepted_words() -> frozenset[str]:
    """Both lists together: what a typo or name check must leave alone."""
    return user_words() | ignored_words()


def _add_entry(file_name: str, word: str) -> None:
    entry = word.strip()
    if not entry or "\n" in entry or "#" in entry:
        raise ValueError(f"无法添加“{word}”：词条不能为空，也不能含换行或 #")
    path = user_data_dir() / file_name
    if entry in _read_entries(path):
        return
    try:
        existing = path.read_text(encoding="utf-8-sig") if path.exists() else _HEADERS[file_name]
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: 无法读取（{error}）") from error
    if existing and not existing.endswith("\n"):
        existing += "\n"
    data = (existing + entry + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, lambda stream: stream.write(data))


def add_user_word(word: str) -> None:
    """Add a word to the user dictionary (atomically; nothing happens if it is already there)."""
    _add_entry(DICTIONARY_FILE, word)


def add_ignored_word(word: str) -> None:
    """Add a word to the ignore list (atomically; nothing happens if it is already there)."""
    _add_entry(IGNORE_FILE, word)
