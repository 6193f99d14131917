"""A character's readings: one definition, pypinyin's single-character table stored, ü kept apart from u."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from import_graph import importers_of

from editor.core import pinyin
from editor.core.pinyin import blurred, blurred_readings, main_reading, readings, toneless
from editor.core.resources import resource_path

OWNER = "editor.core.pinyin"


def test_the_stored_readings_are_pypinyins_table_as_built_now():
    """Fails when pypinyin changes (or the file was edited): run tools/build_lm_tables.py."""
    stored = json.loads(resource_path("pinyin", pinyin.READINGS_FILE).read_text(encoding="utf-8"))
    assert stored == pinyin.build_readings()


@pytest.mark.parametrize(
    "char, expected",
    [
        ("长", ("zhang", "chang")),  # every reading, pypinyin's usual one first
        ("胜", ("sheng", "xing", "qing")),
        ("绿", ("lv", "lu")),  # ü is typed v: 绿 does not read like 路
        ("女", ("nv", "ru")),
        ("𠮷", ()),  # pypinyin has no reading for it
        ("A", ()),
        ("，", ()),
    ],
)
def test_readings_are_toneless_with_the_usual_first(char, expected):
    assert readings(char) == expected
    assert main_reading(char) == (expected[0] if expected else "")


def test_toneless_keeps_the_dots_of_u():
    assert toneless("zhōng") == "zhong"
    assert toneless("lǜ") == toneless("lü") == "lv"
    assert toneless("lù") == "lu"


@pytest.mark.parametrize(
    "reading, expected",
    [("shi", "si"), ("fang", "han"), ("zhang", "zan"), ("ning", "lin"), ("lv", "lv"), ("an", "an"), ("ci", "ci")],
)
def test_blurred_sounds(reading, expected):
    assert blurred(reading) == expected


def test_blurred_readings_merge_the_blurred_sounds():
    assert blurred_readings("者") == blurred_readings("则") == ("ze",)
    assert blurred_readings("山") == blurred_readings("三") == ("san",)
    assert set(blurred_readings("女")).isdisjoint(blurred_readings("路"))


def test_an_unreadable_table_gives_no_readings_and_says_so(monkeypatch, tmp_path, caplog):
    broken = tmp_path / pinyin.READINGS_FILE
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(pinyin, "resource_path", lambda *parts: broken)
    pinyin.forget_readings()
    try:
        assert readings("中") == ()
        assert "拼音读音表" in caplog.text
    finally:
        monkeypatch.undo()
        pinyin.forget_readings()
    assert readings("中") == ("zhong",)


def test_only_the_pinyin_module_imports_pypinyin():
    offenders = [name for name in importers_of("pypinyin") if name != OWNER]
    assert offenders == [], f"ask {OWNER} how a character reads: {offenders}"


CHECK_WITHOUT_PYPINYIN = """
import json, sys
sys.modules["pypinyin"] = None  # importing it now raises ImportError
from editor.core.document import Document
from editor.core.engine import Engine
texts = json.loads(sys.stdin.read())
found = Engine().check(Document.from_texts(texts)).issues
print(json.dumps([[issue.rule, issue.paragraph, issue.start, issue.end] for issue in found]))
"""
#: an idiom, a name spelt two ways, a formulation typed by sound, a statistical slip: every check that reads pinyin
DRAFT = [
    "区委书记恽淇丞指出，我们迫不急待地要解决这个问题。",
    "恽琪丞强调，要推进国家治理体系和治理能力现代华。",
    "要积极履形法律监督职责，稳步推进各项工作。",
]


def test_every_check_runs_without_pypinyin_as_with_it():
    from editor.core.document import Document
    from editor.core.engine import Engine

    child = subprocess.run(
        [sys.executable, "-c", CHECK_WITHOUT_PYPINYIN],
        input=json.dumps(DRAFT),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr
    here = [
        [issue.rule, issue.paragraph, issue.start, issue.end]
        for issue in Engine().check(Document.from_texts(DRAFT)).issues
    ]
    assert {rule for rule, *_ in here} == {"typo.idiom", "name.inconsistent", "political.formulation", "typo.lm"}
    assert json.loads(child.stdout) == here
