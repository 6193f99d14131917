"""Layers point down: readers and writers (`editor.core.io`) never reach layout analysis, not even through another module.

Recognising headlines is the engine's work, done once per check; a reader that classified
would repeat it and open an import cycle (io → layout → names → userdata → io).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IO = ROOT / "editor" / "core" / "io"


def _module_path(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)  # `from package import module`
    return {name for name in names if name.startswith("editor.") and _module_path(name) is not None}


def _reached(start: str) -> dict[str, str]:
    """Every project module ``start`` imports, directly or not, with the module that imports it."""
    reached: dict[str, str] = {}
    todo = [start]
    while todo:
        module = todo.pop()
        for name in _imports(_module_path(module)):
            if name not in reached and name != start:
                reached[name] = module
                todo.append(name)
    return reached


def test_no_reader_or_writer_reaches_layout_analysis():
    modules = [f"editor.core.io.{path.stem}" for path in IO.glob("*.py") if path.stem != "__init__"] + ["editor.core.io"]
    offenders = {
        f"{module} → … {via} → {name}"
        for module in modules
        for name, via in _reached(module).items()
        if name.startswith("editor.core.layout")
    }
    assert not offenders, sorted(offenders)


def test_the_walk_sees_an_import_through_another_module():
    """The walk is not vacuous: the engine reaches layout analysis, through `editor.core.checks` too."""
    assert "editor.core.layout.analysis" in _reached("editor.core.engine")
    assert _reached("editor.core.checks.layout")["editor.core.layout.analysis"] == "editor.core.checks.layout"
