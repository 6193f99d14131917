"""The register of `officials_cases` in the test's user data folder."""

from __future__ import annotations

import pytest
from officials_cases import REGISTER

from editor.core.userdata import user_data_dir


@pytest.fixture
def register():
    path = user_data_dir() / "officials.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path
