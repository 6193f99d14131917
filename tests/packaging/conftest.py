from __future__ import annotations

from pathlib import Path

import pytest
from installed import DRAFT, ROOT


@pytest.fixture
def workplace(tmp_path) -> Path:
    """A folder outside the checkout holding the draft, where the installed commands run."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "draft.txt").write_text(DRAFT, encoding="utf-8")
    assert ROOT not in folder.resolve().parents
    return folder
