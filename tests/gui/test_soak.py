"""A long session in the editor window (offscreen): it stays alive and its memory stays bounded.

The same session as `bench/gui_soak.py`, shorter; the bench prints the figures for longer runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from editor.core.resources import EXAMPLE_DRAFT

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.gui_soak import review_soak, soak  # noqa: E402

EDITS = 2000
KEYS = 2400
#: Resident memory may grow by the undo history and the caches, not by a leak per call.
GROWTH_LIMIT_MB = 80


def test_two_thousand_edits_with_checks_navigation_and_scrolls(window):
    figures = soak(QApplication.instance(), window, EXAMPLE_DRAFT, EDITS, 100)
    assert figures.alive
    assert figures.edits == EDITS and figures.checks == EDITS // 100 + 1
    assert figures.steps > 0 and figures.scrolls > 0
    assert figures.rss_after - figures.rss_before < GROWTH_LIMIT_MB, figures
    # The binding bug took a reference away on every call: thousands over this session, and then the abort.
    # Counts that grow are objects kept (the paragraph cache holds every version checked): memory covers them.
    assert figures.none_drift > -EDITS // 4 and figures.true_drift > -EDITS // 4, figures


def test_thousands_of_review_keys_keep_the_finding_in_hand_where_the_list_and_the_text_are(window):
    figures = review_soak(QApplication.instance(), window, EXAMPLE_DRAFT, KEYS, 300)
    assert figures.alive
    assert sum(figures.keys.values()) == KEYS and figures.keys["accept"] >= KEYS // 6 and figures.keys["F6"] >= 200
    assert figures.checks == KEYS // 300 + 1
    assert figures.mismatches == []
    assert figures.rss_after - figures.rss_before < GROWTH_LIMIT_MB, figures
