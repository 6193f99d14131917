"""Every data file the app ships says where it comes from: resources/THIRD_PARTY.md names it.

A table built from another project's data or from a corpus carries that source's terms; a file
added to resources/ without a line there would ship without them.
"""

from __future__ import annotations

import re

from editor.core.resources import resource_path

NOTICE = "THIRD_PARTY.md"
#: a file or folder named in the notice's table: `lm/model.json`, `examples/`
_NAMED = re.compile(r"`([\w./-]+)`")


def _table_names() -> set[str]:
    text = resource_path(NOTICE).read_text(encoding="utf-8")
    rows = [line.split("|")[1] for line in text.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in _NAMED.findall(row)}


def _shipped_files() -> list[str]:
    root = resource_path()
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and path.name != NOTICE
    )


def _covered(name: str, named: set[str]) -> bool:
    return name in named or any(entry.endswith("/") and name.startswith(entry) for entry in named)


def test_every_shipped_data_file_has_its_source_in_the_notice():
    named = _table_names()
    assert not [name for name in _shipped_files() if not _covered(name, named)]


def test_the_notice_names_no_file_that_is_not_shipped():
    shipped = _shipped_files()
    stale = [
        name
        for name in _table_names()
        if not (name in shipped or (name.endswith("/") and any(f.startswith(name) for f in shipped)))
    ]
    assert not stale
