"""The import graph of `editor`, read from the source with `ast`, for the tests that keep its layers apart.

One reading of imports serves every such test (no Qt in the core, readers never reach layout
analysis, jieba owned by one module, no cycles). Imports inside functions count too: hiding an
import in a function does not remove the dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "editor"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute; ``from package import name`` also names ``package.name``."""
    names = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def importers_of(package: str) -> list[str]:
    """The project's modules that import ``package`` (a top-level name: ``jieba``, ``pypinyin``), sorted."""
    return sorted(
        name
        for name, path in modules().items()
        if any(imported.split(".")[0] == package for imported in imported_names(path))
    )


def core_graph() -> dict[str, set[str]]:
    """Core module → the core modules it imports (a package's ``__init__`` is not a dependency of its modules)."""
    known = {name for name in modules() if name.startswith("editor.core")}
    return {
        name: {other for other in imported_names(path) if other in known and other != name}
        for name, path in modules().items()
        if name in known
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reached(start: str) -> dict[str, str]:
    """Every module of `editor` that ``start`` imports, directly or not, with the module that imports it."""
    known = modules()
    found: dict[str, str] = {}
    todo = [start]
    while todo:
        module = todo.pop()
        for name in imported_names(known[module]):
            if name in known and name not in found and name != start:
                found[name] = module
                todo.append(name)
    return found
