"""Read rule files: a YAML list of entries with stable ids, bundled ones first, then the user's.

Generic on purpose, so that every data-rule engine (confusions, and other engineers'
number or punctuation lists) reads its file the same way. A file is either a list of
entries or a mapping with a ``rules:`` list. Each entry is a mapping with an ``id``.
A user entry with the id of a bundled one replaces it; ``disabled: true`` removes it.

A broken bundled file is a bug and raises `RuleFileError`; a broken user file is
the user's, so it is reported once in the log and left out rather than crashing a check.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

Entry = dict[str, Any]


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message (Chinese) names the file and the reason."""


def read_rule_file(path: Path) -> list[Entry]:
    """The entries of one rule file, in order; raise `RuleFileError` when it is malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise RuleFileError(f"{path}: 无法读取规则文件（{error.strerror or error}）") from error
    except UnicodeDecodeError as error:
        raise RuleFileError(f"{path}: 规则文件不是 UTF-8 编码") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else "某处"
        raise RuleFileError(f"{path}: 规则文件格式错误（{where}）") from error
    if data is None:
        return []
    if isinstance(data, dict):
        data = data.get("rules", [])
    if not isinstance(data, list):
        raise RuleFileError(f"{path}: 规则文件应是一个条目列表")
    seen: set[str] = set()
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"].strip():
            raise RuleFileError(f"{path}: 第 {number} 条规则缺少 id")
        if entry["id"] in seen:
            raise RuleFileError(f"{path}: 规则 id “{entry['id']}” 重复")
        seen.add(entry["id"])
    return data


def merge_entries(bundled: list[Entry], user: list[Entry]) -> list[Entry]:
    """Bundled entries with the user's merged over them by id, in bundled-then-new order."""
    merged = {entry["id"]: entry for entry in bundled}
    for entry in user:
        if entry.get("disabled"):
            merged.pop(entry["id"], None)
        else:
            merged[entry["id"]] = entry
    return list(merged.values())


def load_rules(bundled: Path, user: Path | None = None) -> list[Entry]:
    """The bundled entries with the user's file (if it exists and is usable) merged over them."""
    entries = read_rule_file(bundled)
    if user is None or not user.exists():
        return entries
    try:
        return merge_entries(entries, read_rule_file(user))
    except RuleFileError as error:
        logger.warning("忽略用户规则：%s", error)
        return entries
