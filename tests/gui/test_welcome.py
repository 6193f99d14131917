"""The first start teaches: the welcome page once, the example draft one click away, where the data lives."""

from __future__ import annotations

import pytest

from editor.core.io import read_document
from editor.core.officials.register import register_path
from editor.core.resources import EXAMPLE_DRAFT
from editor.core.userdata import DICTIONARY_FILE, IGNORE_FILE, user_data_dir
from editor.gui.app import show_first
from editor.gui.welcome import WelcomeDialog


@pytest.fixture
def welcomes(monkeypatch):
    """Each welcome page shown, answered by clicking its example button."""
    shown = []

    def exec_(dialog):
        shown.append(dialog)
        dialog.open_example()
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", exec_)
    return shown


def test_the_first_start_without_a_draft_welcomes_and_opens_the_example(qtbot, window, settings, welcomes):
    show_first(window, settings, [])
    assert len(welcomes) == 1
    qtbot.waitUntil(lambda: window.path == EXAMPLE_DRAFT, timeout=10_000)
    assert window.texts() == read_document(EXAMPLE_DRAFT).texts
    show_first(window, settings, [])  # the next start: no welcome page
    assert len(welcomes) == 1


def test_a_start_with_a_draft_opens_it_and_no_welcome(qtbot, window, settings, welcomes, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    show_first(window, settings, [str(draft)])
    assert not welcomes and window.path == draft
    assert not settings.value("ui/welcomed")  # still owed at the first start without a draft


def test_the_welcome_page_names_the_users_files(qtbot):
    page = WelcomeDialog()
    qtbot.addWidget(page)
    text = page.data_label.text()
    for path in (user_data_dir() / DICTIONARY_FILE, user_data_dir() / IGNORE_FILE, register_path()):
        assert str(path) in text
    assert EXAMPLE_DRAFT.is_file()
