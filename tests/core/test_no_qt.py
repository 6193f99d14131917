"""`editor/core` must stay free of Qt: it runs in the CLI, in workers and in tests without a display."""

from __future__ import annotations

import subprocess
import sys

from import_graph import imported_names, modules

FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "editor.gui")


def test_no_core_module_imports_qt():
    offenders = {
        f"{module}: {name}"
        for module, path in modules().items()
        if module.startswith("editor.core")
        for name in imported_names(path)
        if name.startswith(FORBIDDEN)
    }
    assert not offenders, f"core imports Qt: {sorted(offenders)}"


def test_running_every_check_loads_no_qt():
    code = (
        "import sys\n"
        "from editor.core.engine import Engine\n"
        "from editor.core.document import Document\n"
        "Engine().check(Document.from_texts(['本报讯（记者 黄雅婷）昨天下午召开会议。']))\n"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
