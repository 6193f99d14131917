"""The one reader of rule files: bundled rules, with the user's file of the same name merged over them.

Every rule file (`resources/rules/confusion.yaml`, `numbers.yaml`, `punctuation.yaml`)
is a YAML list of entries, or a mapping with a ``rules:`` list; each entry is a
mapping with a stable ``id``. The user may put a file of the same name in the user
data folder (`editor.core.userdata.user_data_dir`): an entry with the id of a
bundled rule replaces it, ``enabled: false`` switches it off, a new id adds a rule.

Each rule file's engine supplies ``parse(entry) -> rule``, which raises ValueError
(in Chinese) on a malformed entry. A broken bundled file is a packaging bug and raises
`RuleFileError` naming the file and the entry. A broken user file, or a broken entry
in it, is the user's: it is logged as a warning naming the file and the entry (the
editor shows check warnings in its status bar; the command line prints them) and
left out, and the bundled rules stay in force. Rules are read again when the user's
file changes on disk.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from editor.core.resources import resource_path
from editor.core.userdata import file_stamp, user_data_dir

logger = logging.getLogger(__name__)

Entry = dict[str, Any]
T = TypeVar("T")
B = TypeVar("B")
Stamp = tuple[int, int] | None
#: The key of a user entry that switches a bundled rule off (``enabled: false``).
ENABLED = "enabled"


#: libyaml's safe loader where PyYAML has it (its wheels do): the first check reads the bundled rules in
#: 0.02 s instead of the pure-Python loader's 0.13 s, into the same data, with the same error marks
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message (Chinese) names the file and the reason."""


def read_rule_file(path: Path) -> list[Entry]:
    """The entries of one rule file, in order; raise `RuleFileError` when it is malformed."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_YAML_LOADER)
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
        if not isinstance(entry.get(ENABLED, True), bool):
            raise RuleFileError(f"{path}: 规则 “{entry['id']}” 的 enabled 只能是 true 或 false")
        seen.add(entry["id"])
    return data


def _parsed(parse: Callable[[Entry], T], entry: Entry, path: Path) -> T:
    try:
        return parse({key: value for key, value in entry.items() if key != ENABLED})
    except ValueError as error:
        raise RuleFileError(f"{path}: 规则 “{entry['id']}” 无效：{error}") from None


@functools.cache
def bundled_rules(file: str, parse: Callable[[Entry], T]) -> dict[str, T]:
    """The rules shipped in ``resources/rules/<file>`` by id, in file order; raises `RuleFileError` if broken."""
    path = resource_path("rules", file)
    return {entry["id"]: _parsed(parse, entry, path) for entry in read_rule_file(path) if entry.get(ENABLED, True)}


def merge_user_rules(bundled: dict[str, T], path: Path, parse: Callable[[Entry], T]) -> tuple[T, ...]:
    """``bundled`` with the user's file at ``path`` merged over it by id (bundled order, then new ids)."""
    try:
        entries = read_rule_file(path)
    except RuleFileError as error:
        logger.warning("忽略用户规则文件，使用内置规则：%s", error)
        return tuple(bundled.values())
    merged = dict(bundled)
    for entry in entries:
        if not entry.get(ENABLED, True):
            merged.pop(entry["id"], None)
            continue
        try:
            merged[entry["id"]] = _parsed(parse, entry, path)
        except RuleFileError as error:
            kept = "，沿用内置的同名规则" if entry["id"] in bundled else ""
            logger.warning("忽略用户规则%s：%s", kept, error)
    return tuple(merged.values())


@functools.lru_cache(maxsize=16)
def _built(
    file: str, parse: Callable[[Entry], T], build: Callable[[tuple[T, ...]], B], user_file: Path, stamp: Stamp
) -> B:
    bundled = bundled_rules(file, parse)
    return build(tuple(bundled.values()) if stamp is None else merge_user_rules(bundled, user_file, parse))


def load_rules(file: str, parse: Callable[[Entry], T], build: Callable[[tuple[T, ...]], B] = tuple) -> B:
    """``build`` of the rules of ``file``: the bundled ones with the user's file of that name merged over them.

    ``build`` turns the rules into what their engine runs (a matcher, compiled checks);
    the result is cached by the user's file as it is on disk (modification time and
    size), so an edit is seen by the next check and an unchanged file costs a ``stat``.
    """
    user_file = user_data_dir() / file
    return _built(file, parse, build, user_file, file_stamp(user_file))
