"""The report as a spreadsheet: one row per finding, with the columns a copy desk sorts and filters by.

Written as UTF-8 with a byte-order mark (by `write_report`), which is what makes Excel read Chinese
right; the columns are headed in Chinese. The file's totals are in the HTML and JSON forms: a
spreadsheet user sums the 计入差错 column and filters by 状态.
"""

from __future__ import annotations

import csv
import io

COLUMNS = (
    ("file", "文件"),
    ("paragraph", "段"),
    ("page", "版次"),
    ("column", "栏"),
    ("category_name", "类别"),
    ("rule_name", "规则"),
    ("rule", "规则编号"),
    ("severity", "严重程度"),
    ("status", "状态"),
    ("error_kind", "差错类型"),
    ("points", "计入差错"),
    ("text", "原文"),
    ("suggestion", "建议"),
    ("excerpt", "上下文"),
    ("message", "说明"),
)


def render_csv(report: dict) -> str:
    """One header row, then every finding of every file, grouped by category in document order, then the
    proposals of a returned review its reviewer rejected (状态 已驳回, no error counted)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([title for _, title in COLUMNS])
    for entry in report["files"]:
        for finding in [*entry["findings"], *entry["rejected"]]:
            row = {
                **finding,
                "paragraph": finding["paragraph"] + 1,
                "excerpt": f"{finding['before']}【{finding['text']}】{finding['after']}",
            }
            writer.writerow([row[key] for key, _ in COLUMNS])
    return out.getvalue()
