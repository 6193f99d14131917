"""GUI fixtures: every path (settings, word lists, recovery files) points into `tmp_path`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from editor.gui.settings import Settings


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("PROOFDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings in a temporary INI file; the check server runs on a thread (fast start, shared models)."""
    stored = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    stored.set_value("check/in_process", True)
    return stored


@pytest.fixture
def window(qtbot, settings):
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
def opened(qtbot, window, sample_page):
    """The main window with the sample page open and its first check on screen."""
    with qtbot.waitSignal(window.checked, timeout=30_000):
        assert window.open_path(sample_page)
    return window
