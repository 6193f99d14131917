"""Where the bundled data lives: the package `proofdesk_resources`, found through `importlib.resources`.

`resources/` sits at the top of the repository and is installed under that importable name
(pyproject.toml maps the name to the folder; packaging/proofdesk.spec bundles it the same way), so a
checkout with an editable install, an installed wheel and the frozen app all find it by asking the
import system, never by counting folders up from this file. kenlm opens the language models by file
name, so the package must be a folder on disk, which every one of those installs is.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "proofdesk_resources"


def resource_path(*parts: str) -> Path:
    """A file or folder of the bundled data, e.g. ``resource_path("rules", "numbers.yaml")``; no parts: the folder."""
    return Path(resources.files(PACKAGE)).joinpath(*parts)


#: The example draft: a page written by the project in the style of a district daily (headlines,
#: bylines, paragraphs cut by column jumps), shipped so that the first-run page can open it.
EXAMPLE_DRAFT = resource_path("examples", "district_daily_draft.txt")
