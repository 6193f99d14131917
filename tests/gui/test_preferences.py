"""The preferences dialog: the typo engine's model folder, chosen, checked at once and stored."""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

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
