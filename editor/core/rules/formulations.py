"""The library of official formulations (规范提法), as data: each with its exact form, its source and its examples.

Entries live in `resources/rules/formulations.yaml` (documented at its top; the forms were
mined from the government work reports and the CPC congress reports by
`tools/build_formulations.py` and curated by hand), merged with the user's own
``formulations.yaml`` in the data folder by id. Two shapes of entry:

* a formulation: ``form`` as the documents print it, ``source`` (the first document that
  has it verbatim), optional ``variants`` (other forms the documents use, never flagged)
  and ``misquotes`` (known wrong forms, each with its right form);
* a pattern: a regular expression whose group ``wrong`` is replaced by ``right``, for
  the slips no single form spells (届 and 次 of a congress and its plenary sessions).

A form's enumeration (three items or more between 、 or ，, or the ``items`` an entry names
when the form goes on after its last item) is a fixed order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from editor.core.han import is_han
from editor.core.rules.examples import Example, parse_bad_example
from editor.core.rules.loader import load_rules

RULE_FILE = "formulations.yaml"
_ID = re.compile(r"[a-z0-9_]+")
_FORM_FIELDS = frozenset({"id", "form", "source", "variants", "misquotes", "ordered", "items", "bad", "good"})
_PATTERN_FIELDS = frozenset({"id", "name", "pattern", "right", "message", "bad", "good"})
_ITEM_SEPARATORS = re.compile(r"[、，]")
MIN_ITEMS = 3


def skeleton(text: str) -> str:
    """The Han characters of ``text``: a formulation is the same with or without its 、, quotes and spaces."""
    return "".join(character for character in text if is_han(character))


@dataclass(frozen=True)
class Formulation:
    """One fixed form of the documents, and what is known of how it is misquoted."""

    key: str
    form: str
    source: str
    variants: tuple[str, ...] = ()
    misquotes: tuple[tuple[str, str], ...] = ()
    items: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    bad: tuple[Example, ...] = ()


@dataclass(frozen=True)
class FormulationPattern:
    """A slip that a pattern finds: group ``wrong`` of ``pattern`` should read ``right``."""

    key: str
    name: str
    pattern: re.Pattern[str]
    right: str
    message: str
    good: tuple[str, ...] = ()
    bad: tuple[Example, ...] = ()


Entry = Formulation | FormulationPattern


def _strings(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or ()
    if isinstance(value, str):
        value = (value,)
    if not all(isinstance(item, str) and item for item in value):
        raise ValueError(f"{key} 应是文字列表")
    return tuple(value)


def _bad(entry: dict[str, Any], default: str) -> tuple[Example, ...]:
    return tuple(parse_bad_example(text, default) for text in _strings(entry, "bad"))


def _misquotes(entry: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    value = entry.get("misquotes") or {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("misquotes 应是“错误写法: 正确写法”的对照")
    if any(skeleton(wrong) == skeleton(right) or not skeleton(wrong) for wrong, right in value.items()):
        raise ValueError("misquotes 的错误写法与正确写法不能只差标点")
    return tuple(value.items())


def _items(entry: dict[str, Any], form: str) -> tuple[str, ...]:
    """The enumeration of the form in its order: the ``items`` given, else the form cut at its 、 and ，."""
    if entry.get("ordered", True) is False:
        return ()
    given = _strings(entry, "items")
    if given and not all(skeleton(item) in skeleton(form) for item in given):
        raise ValueError("items 中的每一项都应出自 form")
    items = tuple(skeleton(item) for item in (given or _ITEM_SEPARATORS.split(form)))
    return items if len(items) >= MIN_ITEMS and all(items) and len(set(items)) == len(items) else ()


def parse_entry(entry: dict[str, Any]) -> Entry:
    """One library entry from YAML; ValueError (Chinese) names what is wrong with it."""
    key = entry["id"]
    if not _ID.fullmatch(key):
        raise ValueError("id 只能用小写字母、数字和下划线")
    if "pattern" in entry:
        return _parse_pattern(entry)
    unknown = set(entry) - _FORM_FIELDS
    if unknown:
        raise ValueError(f"未知的字段：{'、'.join(sorted(unknown))}")
    form, source = entry.get("form"), entry.get("source")
    if not isinstance(form, str) or not skeleton(form) or not isinstance(source, str) or not source:
        raise ValueError("需要 form（提法原文）和 source（出处）")
    return Formulation(
        key=key,
        form=form,
        source=source,
        variants=_strings(entry, "variants"),
        misquotes=_misquotes(entry),
        items=_items(entry, form),
        good=_strings(entry, "good"),
        bad=_bad(entry, form),
    )


def _parse_pattern(entry: dict[str, Any]) -> FormulationPattern:
    unknown = set(entry) - _PATTERN_FIELDS
    if unknown:
        raise ValueError(f"未知的字段：{'、'.join(sorted(unknown))}")
    right, message, name = entry.get("right"), entry.get("message"), entry.get("name")
    if not all(isinstance(value, str) and value for value in (right, message, name)):
        raise ValueError("模式条目需要 name、pattern、right 和 message")
    try:
        pattern = re.compile(entry["pattern"])
    except (re.error, TypeError) as error:
        raise ValueError(f"pattern 不是有效的正则表达式（{error}）") from None
    if "wrong" not in pattern.groupindex:
        raise ValueError("pattern 需要一个名为 wrong 的分组：(?P<wrong>…)")
    return FormulationPattern(entry["id"], name, pattern, right, message, _strings(entry, "good"), _bad(entry, ""))


def formulation_library() -> tuple[Entry, ...]:
    """The bundled library with the user's ``formulations.yaml`` merged over it; re-read when that file changes."""
    return load_rules(RULE_FILE, parse_entry)
