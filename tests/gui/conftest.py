"""GUI fixtures: settings in `tmp_path`, the window, drafts (word lists and recovery files: tests/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from editor.core.userdata import user_data_dir
from editor.gui.settings import Settings

#: A short draft with a finding of every category, 𠮷 before some of them, and a layout cut; the
#: political one (区长恽淇丞, whose term as 区长 ended) needs `RICH_REGISTER` in the user data folder.
RICH_DRAFT = (
    "武进召开绿色制造推进会\n\n"
    "本报讯（记者 黄雅婷）昨天下午，双方签定了合作协议，计划3-5年内建成。区长恽淇丞出席。\n\n"
    "今天,我们召开会议，要求各部门再接再励，推动𠮷野家等企业加快绿色转型，激发新动能、新优势的\n\n"
    "必由之路。区长恽琪丞强调，要在三、四个月内完成。\n\n"
    "区委书记孙益锋主持会议，孙益锋指出，孙益峰要求各部门抓好落实。\n"
)
#: 恽琪丞 is the registered 恽淇丞 written another way (a political finding); 孙益峰, not registered, is
#: a name spelt two ways, so that the draft has a finding of every category.


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings in a temporary INI file; the check server runs on a thread (fast start, shared models)."""
    stored = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    stored.set_value("check/in_process", True)
    return stored


def _shown_window(qtbot, settings):
    from editor.gui.main_window import MainWindow

    main = MainWindow(settings)
    main.show()
    qtbot.waitExposed(main)
    yield main
    # Closed here rather than by qtbot, which would meet the unsaved-changes prompt first.
    main.editor.document().setModified(False)
    main.close()
    main.deleteLater()


@pytest.fixture
def window(qtbot, settings):
    yield from _shown_window(qtbot, settings)


@pytest.fixture
def app_window(qtbot, settings):
    """The window as the app runs it: the check server in a child process, not on a thread of the window's own."""
    settings.set_value("check/in_process", False)
    yield from _shown_window(qtbot, settings)


@pytest.fixture
def accept_previews(monkeypatch):
    """Every preview of fixes is accepted; what each listed is kept."""
    from editor.gui.dialogs import PreviewDialog

    shown = []

    def exec_(dialog):
        shown.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        return PreviewDialog.DialogCode.Accepted

    monkeypatch.setattr(PreviewDialog, "exec", exec_)
    return shown


@pytest.fixture
def opened(qtbot, window, sample_page):
    """The main window with the sample page open and its first check on screen."""
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(sample_page)
    return window


RICH_REGISTER = "name,post,from,to,rank,status\n恽淇丞,区长,2021-06-01,2023-12-31,2,\n"


@pytest.fixture
def rich(tmp_path):
    """`RICH_DRAFT` as a text file, and `RICH_REGISTER` as the register of officials."""
    (user_data_dir() / "officials.csv").write_text(RICH_REGISTER, encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(RICH_DRAFT, encoding="utf-8")
    return path
