"""Shared test fixtures: the `../shared` folder beside the checkout, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.core.lm.neural import MODEL_DIR_ENV, set_model_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """`../shared`, which CI always has; on a user's machine tests needing it skip."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing in CI")
        pytest.skip(f"{SHARED} is not beside the checkout (only CI and developers have it)")
    return SHARED


@pytest.fixture(scope="session")
def sample_page(shared: Path) -> Path:
    return shared / "samples" / "wujin_daily_page.txt"


@pytest.fixture(autouse=True)
def statistical_typo_engine(monkeypatch):
    """No MacBERT folder chosen, whatever the developer's environment or an earlier test chose."""
    monkeypatch.delenv(MODEL_DIR_ENV, raising=False)
    set_model_dir(None)
    yield
    set_model_dir(None)
