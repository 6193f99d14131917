"""The preferences dialog: every rule switchable on its own and filterable; the typo engine's model folder."""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from editor.core.issue import Category
from editor.core.lm.neural import NEURAL_PACKAGES
from editor.gui.preferences import PreferencesDialog


@pytest.fixture
def dialog(qtbot, settings):
    shown = PreferencesDialog(settings)
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def model_folder(tmp_path):
    """A folder that looks like a MacBERT model to the dialog (only config.json is looked at there)."""
    folder = tmp_path / "macbert4csc"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    return folder


def _neural_packages(monkeypatch, installed: bool) -> None:
    """What the dialog sees of torch and transformers, whatever this machine has: it only asks whether they are
    installed (a stand-in with a spec, or None as importlib records a missing module), and never imports them."""
    for name in NEURAL_PACKAGES:
        stand_in = types.ModuleType(name) if installed else None
        if stand_in is not None:
            stand_in.__spec__ = ModuleSpec(name, None)
        monkeypatch.setitem(sys.modules, name, stand_in)


def test_the_folder_is_checked_as_it_is_typed(dialog, tmp_path, model_folder, monkeypatch):
    _neural_packages(monkeypatch, installed=True)
    assert dialog.macbert_dir.text() == ""
    empty = dialog.macbert_status.text()
    dialog.macbert_dir.setText(str(tmp_path))
    assert "config.json" in dialog.macbert_status.text()
    dialog.macbert_dir.setText(str(tmp_path / "missing"))
    assert "找不到文件夹" in dialog.macbert_status.text()
    dialog.macbert_dir.setText(str(model_folder))
    found = dialog.macbert_status.text()
    assert "MacBERT" in found and "找不到" not in found and found != empty


def test_a_model_folder_without_torch_names_the_extra(dialog, model_folder, monkeypatch):
    _neural_packages(monkeypatch, installed=False)
    dialog.macbert_dir.setText(str(model_folder))
    status = dialog.macbert_status.text()
    assert "torch" in status and "proofdesk[neural]" in status and "config.json" not in status


def test_browse_fills_the_field_and_ok_stores_it(dialog, settings, model_folder, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: (asked.append(args), str(model_folder))[1])
    browse = next(button for button in dialog.findChildren(QPushButton) if button.text() == dialog.tr("Browse…"))
    browse.click()
    assert len(asked) == 1 and dialog.macbert_dir.text() == str(model_folder)
    dialog.accept()
    assert settings.value("check/macbert_dir") == str(model_folder)


def test_a_cancelled_browse_keeps_the_folder_and_an_emptied_field_clears_it(qtbot, settings, model_folder, monkeypatch):
    settings.set_value("check/macbert_dir", str(model_folder))
    reopened = PreferencesDialog(settings)
    qtbot.addWidget(reopened)
    assert reopened.macbert_dir.text() == str(model_folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: "")
    reopened._choose_macbert_dir()
    assert reopened.macbert_dir.text() == str(model_folder)
    reopened.macbert_dir.setText("  ")
    reopened.accept()
    assert settings.value("check/macbert_dir") == ""


def test_rules_are_listed_one_by_one_by_chinese_name_with_the_id_as_tooltip(dialog):
    item = dialog.rule_items["layout.split_word"]
    assert item.text(0) == "词语被拆在两段" and item.toolTip(0) == "layout.split_word"
    assert item.text(1) and item.text(2)
    assert item.parent() is dialog.category_items[Category.LAYOUT]
    assert {"layout.split_paragraph", "layout.split_number", "layout.hard_wrap"} <= set(dialog.rule_items)
    assert dialog.rule_items["typo.confusion.qian_ding"].parent() is dialog.category_items[Category.TYPO]


def test_unticking_one_rule_stores_that_id_alone(dialog, settings):
    dialog.rule_items["layout.split_paragraph"].setCheckState(0, Qt.CheckState.Unchecked)
    dialog.accept()
    assert settings.value("check/disabled_rules") == ["layout.split_paragraph"]


def test_a_stored_prefix_shows_its_rules_off_and_ids_of_rules_not_shown_are_kept(qtbot, settings):
    settings.set_value("check/disabled_rules", ["typo.confusion", "number.house_rule_removed"])
    reopened = PreferencesDialog(settings)
    qtbot.addWidget(reopened)
    assert reopened.rule_items["typo.confusion.qian_ding"].checkState(0) == Qt.CheckState.Unchecked
    assert reopened.rule_items["typo.idiom"].checkState(0) == Qt.CheckState.Checked
    reopened.rule_items["typo.confusion.qian_ding"].setCheckState(0, Qt.CheckState.Checked)
    reopened.accept()
    stored = settings.value("check/disabled_rules")
    assert "typo.confusion.qian_ding" not in stored and "typo.confusion.ji_shi_even_if" in stored
    assert "typo.confusion" not in stored and "number.house_rule_removed" in stored


def test_the_filter_shows_matching_rules_and_their_categories_only(dialog):
    dialog.rule_filter.setText("签订")
    shown = [rule_id for rule_id, item in dialog.rule_items.items() if not item.isHidden()]
    assert shown and "typo.confusion.qian_ding" in shown and "layout.split_word" not in shown
    assert dialog.category_items[Category.LAYOUT].isHidden() and not dialog.category_items[Category.TYPO].isHidden()
    dialog.rule_filter.setText("layout.split")
    assert {rule_id for rule_id, item in dialog.rule_items.items() if not item.isHidden()} == {
        "layout.split_paragraph",
        "layout.split_number",
        "layout.split_word",
    }
    dialog.rule_filter.clear()
    assert not any(item.isHidden() for item in dialog.rule_items.values())


def test_the_sensitivity_is_standard_by_default_and_the_choice_is_stored(qtbot, dialog, settings):
    assert dialog.sensitivity.currentData() == "标准" and dialog.sensitivity.count() == 3
    dialog.sensitivity.setCurrentIndex(dialog.sensitivity.findData("宽松"))
    dialog.accept()
    assert settings.value("check/typo_sensitivity") == "宽松"
    reopened = PreferencesDialog(settings)
    qtbot.addWidget(reopened)
    assert reopened.sensitivity.currentData() == "宽松"
