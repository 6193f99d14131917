"""What a check result depends on besides its paragraph: the files the checks read, stamped.

A cached finding is only right while the files it was computed from are unchanged:
the user's word lists and rule overrides (edited in the app, in a text editor, or
copied over from a newsroom share) and the bundled rule files. `data_stamp` names all
of them by path, modification time and size, so a cache keyed by it forgets nothing
it should and keeps nothing it should not; a new override file counts without this
module having to know its name. Recovery files live in a sub-folder and do not count.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.resources import resource_path
from editor.core.userdata import file_stamp, user_data_dir

Stamp = tuple[tuple[str, tuple[int, int] | None], ...]


def data_stamp() -> Stamp:
    """The stamp of every file in the user's data folder (not its sub-folders) and under the bundled rules."""
    user = _files(user_data_dir(), recursive=False)
    rules = _files(resource_path("rules"), recursive=True)
    return tuple((str(path), file_stamp(path)) for path in user + rules)


def _files(folder: Path, recursive: bool) -> list[Path]:
    try:
        found = folder.rglob("*") if recursive else folder.iterdir()
        return sorted(path for path in found if path.is_file())
    except OSError:  # the folder does not exist (yet): nothing in it can have changed
        return []
