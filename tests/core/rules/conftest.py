"""Every rules test reads the user's files from a fresh temporary data folder."""

from __future__ import annotations

import pytest

from editor.core.userdata import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder
