"""The skip policy of tests/conftest.py: a skip is a skip on a user's machine and a failure in CI, however asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

SKIPPING = """
import pytest

def test_needs_a_tool(require):
    require(False, "the tool is not installed")

@pytest.mark.skipif(True, reason="a marker")
def test_marked():
    pass

def test_plain():
    pass
"""


@pytest.fixture
def suite(pytester):
    pytester.makeconftest((Path(__file__).with_name("conftest.py")).read_text(encoding="utf-8"))
    pytester.makepyfile(test_skipping=SKIPPING)
    return pytester


def test_a_user_machine_skips_with_the_reason(suite, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    result = suite.runpytest_subprocess("-ra", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, skipped=2)
    result.stdout.fnmatch_lines(["*the tool is not installed*"])


def test_ci_fails_every_skip_with_the_reason(suite, monkeypatch):
    monkeypatch.setenv("CI", "true")
    result = suite.runpytest_subprocess("-ra", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1, errors=1)
    result.stdout.fnmatch_lines(["*skipped in CI*the tool is not installed*", "*skipped in CI*a marker*"])
