"""Settings come back with the type of their default, whatever the store made of them."""

from __future__ import annotations

from editor.core.issue import Category
from editor.gui.settings import RECENT_LIMIT, SCHEMA


def test_defaults_have_their_types(settings):
    assert settings.value("check/categories") == [category.value for category in Category]
    assert settings.value("editor/font_size") == SCHEMA["editor/font_size"]
    assert settings.value("window/geometry") == b""


def test_values_written_as_text_come_back_typed(settings):
    settings.store.setValue("editor/font_size", "16")
    settings.store.setValue("check/disabled_rules", "typo.idiom")  # INI keeps a one-element list as text
    settings.store.setValue("check/in_process", "false")
    settings.store.setValue("files/autosave_seconds", "soon")
    assert settings.value("editor/font_size") == 16
    assert settings.value("check/disabled_rules") == ["typo.idiom"]
    assert settings.value("check/in_process") is False
    assert settings.value("files/autosave_seconds") == SCHEMA["files/autosave_seconds"]
    settings.set_value("window/geometry", b"\x01\x02")
    assert settings.value("window/geometry") == b"\x01\x02"


def test_recent_files_are_most_recent_first_and_limited(settings):
    for number in range(RECENT_LIMIT + 2):
        settings.add_recent(f"/drafts/{number}.docx")
    recent = settings.add_recent("/drafts/3.docx")
    assert recent[0] == "/drafts/3.docx" and len(recent) == RECENT_LIMIT
    assert recent.count("/drafts/3.docx") == 1
