"""The interface speaks Chinese by default; every string is translated and the .qm is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from editor.core.issue import Category
from editor.core.resources import resource_path
from editor.gui.app import install_translation
from editor.gui.categories import category_name

TS = resource_path("i18n", "proofdesk_zh_CN.ts")
GUI = Path(__file__).resolve().parents[2] / "editor" / "gui"


@pytest.fixture
def qt_tool(require):
    """A Qt tool installed beside this Python by PySide6 (pyside6-lupdate, pyside6-lrelease)."""

    def find(name: str) -> str:
        path = shutil.which(name, path=str(Path(sys.executable).parent))
        require(path, f"{name} is not installed beside {sys.executable}")
        return path

    return find


@pytest.fixture
def chinese(qapp):
    translators = install_translation(qapp, "zh_CN")
    yield
    for translator in translators:
        QApplication.removeTranslator(translator)


def test_the_window_speaks_chinese(chinese, settings, qtbot):
    from editor.gui.main_window import MainWindow

    window = MainWindow(settings)
    try:
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[:3] == ["文件(&F)", "编辑(&E)", "校对(&P)"]
        assert category_name(Category.TYPO) == "别字"
        assert "差错率" in window.status_label.text()
    finally:
        window.close()


def test_english_needs_no_translator(qapp):
    assert install_translation(qapp, "en") == []
    assert category_name(Category.TYPO) == "Typos"


def test_every_interface_string_is_translated(tmp_path, qt_tool):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(path) for path in GUI.glob("*.py"))
    subprocess.run([qt_tool("pyside6-lupdate"), *sources, "-ts", str(copy)], check=True, capture_output=True)
    messages = list(ElementTree.parse(copy).getroot().iter("message"))
    assert len(messages) >= 90
    unfinished = [
        message.findtext("source")
        for message in messages
        if message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}
    ]
    assert not unfinished, f"translate these in {TS.name} (Qt Linguist), then run pyside6-lrelease: {unfinished}"


@pytest.mark.parametrize("name", ["proofdesk_zh_CN", "qt_supplement_zh_CN"])
def test_the_compiled_translation_is_current(tmp_path, qt_tool, name):
    source, compiled = resource_path("i18n", f"{name}.ts"), resource_path("i18n", f"{name}.qm")
    built = tmp_path / compiled.name
    subprocess.run([qt_tool("pyside6-lrelease"), str(source), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == compiled.read_bytes(), f"run: pyside6-lrelease resources/i18n/{name}.ts"
