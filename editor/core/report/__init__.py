"""The proofreading report a copy desk hands the chief editor: per file and for the batch, by category and rule.

`build_report` makes its content (`data`); `write_report` writes it as HTML, CSV or JSON by the
target's extension, atomically.
"""

from __future__ import annotations

import json
from pathlib import Path

from editor.core.io.atomic import write_atomically
from editor.core.io.errors import OutputError
from editor.core.report.csv_rows import render_csv
from editor.core.report.data import CheckedFile, build_report
from editor.core.report.html_page import render_html

FORMATS = (".html", ".csv", ".json")

__all__ = ["FORMATS", "CheckedFile", "build_report", "write_report"]


def write_report(report: dict, path: str | Path) -> None:
    """Write ``report`` to ``path`` as `.html`, `.csv` (UTF-8 with BOM, for Excel) or `.json`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".html":
        data = render_html(report).encode("utf-8")
    elif suffix == ".csv":
        data = render_csv(report).encode("utf-8-sig")
    elif suffix == ".json":
        data = (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    else:
        raise OutputError(f"{path}: 不支持的报告格式（可用：{'、'.join(FORMATS)}）")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, lambda stream: stream.write(data))
