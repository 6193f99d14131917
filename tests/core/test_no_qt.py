"""`editor/core` must stay free of Qt: it runs in the CLI, in workers and in tests without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "editor" / "core"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "editor.gui")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt():
    offenders = {
        f"{path.relative_to(CORE)}: {name}"
        for path in CORE.rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in {f.split(".")[0] for f in FORBIDDEN} and name.startswith(FORBIDDEN)
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
