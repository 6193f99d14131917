"""The typo detector's stored tables: equal to a fresh build (so they cannot go stale), and built when unreadable."""

from __future__ import annotations

import json

import pytest

from editor.core.lm import homophones, lexicon
from editor.core.lm.homophones import WORDS_FILE, HomophoneWords, build_index
from editor.core.lm.lexicon import CONFUSABLES_FILE, build_confusables, stored_confusables, stored_form
from editor.core.resources import resource_path
from editor.core.segmentation import word_frequencies


def _stored(name: str):
    return json.loads(resource_path("lm", name).read_text(encoding="utf-8"))


def test_the_stored_confusion_sets_are_those_built_now():
    """Fails after lm_learn_pairs.py or a pycorrector/pypinyin/jieba upgrade: run tools/build_lm_tables.py."""
    assert _stored(CONFUSABLES_FILE) == stored_form(build_confusables())


def test_the_stored_homophone_index_is_the_one_built_now():
    assert _stored(WORDS_FILE) == build_index(word_frequencies())


def test_the_stored_confusion_sets_read_back_as_built():
    built = build_confusables()
    assert stored_confusables() == built
    assert len(built) > 3000 and {other for other, _ in built["地"]} >= {"的"}


@pytest.mark.parametrize("content", ["", "{not json", '{"地": ["的", "9"]}', '{"地": 5}'])
def test_an_unreadable_confusion_table_is_built_instead(monkeypatch, tmp_path, caplog, content):
    broken = tmp_path / CONFUSABLES_FILE
    broken.write_text(content, encoding="utf-8")
    monkeypatch.setattr(
        lexicon, "resource_path", lambda *parts: broken if CONFUSABLES_FILE in parts else resource_path(*parts)
    )
    assert stored_confusables.__wrapped__() == build_confusables()
    assert "building them" in caplog.text


def test_a_missing_homophone_index_is_built_instead(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(homophones, "resource_path", lambda *parts: tmp_path / WORDS_FILE)
    found = homophones.stored_homophones.__wrapped__()
    assert isinstance(found, HomophoneWords) and found.words_for("温补") == ("稳步", "眼部")
    assert "building it" in caplog.text
