"""Layers point down: readers and writers (`editor.core.io`) never reach layout analysis, even indirectly.

Recognising headlines is the engine's work, done once per check; a reader that classified
would repeat it and open an import cycle (io → layout → names → userdata → io).
"""

from __future__ import annotations

from import_graph import modules, reached


def test_no_reader_or_writer_reaches_layout_analysis():
    readers = [name for name in modules() if name == "editor.core.io" or name.startswith("editor.core.io.")]
    offenders = {
        f"{module} → … {via} → {name}"
        for module in readers
        for name, via in reached(module).items()
        if name.startswith("editor.core.layout")
    }
    assert readers and not offenders, sorted(offenders)


def test_the_walk_sees_an_import_through_another_module():
    """The walk is not vacuous: the engine reaches layout analysis, through `editor.core.checks` too."""
    assert "editor.core.layout.analysis" in reached("editor.core.engine")
    assert reached("editor.core.checks.layout")["editor.core.layout.analysis"] == "editor.core.checks.layout"
