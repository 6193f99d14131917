"""The import graph of `editor`, read from the source with `ast`: who owns jieba, and no cycles among core modules.

A cycle (detector ↔ neural once) means two modules are one concept split in two, or a
layer pointing up; it also makes import order matter. Imports inside functions count
too: hiding an import in a function does not remove the dependency.
"""

from __future__ import annotations

from import_graph import core_graph, cycles, importers_of

SEGMENTATION = "editor.core.segmentation"


def test_only_the_segmentation_module_imports_jieba():
    importers = importers_of("jieba")
    offenders = [name for name in importers if name != SEGMENTATION]
    assert offenders == [], f"import jieba through {SEGMENTATION}: {offenders}"
    assert SEGMENTATION in importers


def test_no_import_cycles_among_core_modules():
    assert cycles(core_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
