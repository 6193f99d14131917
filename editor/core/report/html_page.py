"""The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.

The page opens in any browser with no network, and its Content-Security-Policy forbids every
fetch besides inline styles and ``data:`` images, so that a report mailed around never calls
out. It prints on A4 (``@page``; a file's findings start on a new page, a finding is never cut
across two). It is drawn from the report's data (`editor.core.report.data`) and nothing else.
"""

from __future__ import annotations

from html import escape

from editor.core.document import PrintedPlace
from editor.core.issue import Category
from editor.core.report.data import REJECTED
from editor.core.rule_info import CATEGORY_NAMES

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
#: The editor's colour of each category.
COLOURS = {
    Category.POLITICAL: "#6d1b1b",
    Category.LAYOUT: "#8e24aa",
    Category.TYPO: "#d32f2f",
    Category.NAME: "#ef6c00",
    Category.NUMBER: "#1565c0",
    Category.PUNCTUATION: "#2e7d32",
}
_STYLE = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; color: #222;
  max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.6; }
h1, h2, h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #444; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; font-weight: normal; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.pass { color: #1b5e20; font-weight: bold; }
.fail { color: #b71c1c; font-weight: bold; }
.meta, .note { color: #555; font-size: 0.9em; }
ol.findings { padding-left: 2.2em; }
ol.findings li { margin: 0.5em 0; break-inside: avoid; }
.where { color: #555; }
.rule { font-weight: bold; }
.status { font-size: 0.85em; border: 1px solid #999; border-radius: 3px; padding: 0 0.3em; margin-left: 0.4em; }
.excerpt { background: #fafafa; border-left: 3px solid #ccc; padding: 0.1em 0.6em; margin: 0.2em 0; }
mark { background: #ffe082; color: #000; padding: 0 1px; }
.suggestion { color: #0d47a1; }
svg text { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 13px; }
@page { size: A4; margin: 15mm 15mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  section.file { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
}
"""


def render_html(report: dict) -> str:
    """The page for ``report`` (the dictionary `build_report` makes)."""
    total = report["total"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>校对报告（{len(report['files'])} 个文件）</title><style>{_STYLE}</style></head><body>",
        "<header><h1>校对报告</h1>",
        f'<p class="meta">{escape(report["created"])} · {escape(report["generator"])} · '
        f"出版物类型：{escape(report['publication'])}（差错率 ≤ {report['pass_limit']:g}/万为合格）</p></header>",
        '<section class="summary"><h2>总计</h2>',
        _summary_table(total, len(report["files"]), len(report["failed"])),
        _chart(total["by_category"]),
        f'<p class="note">差错率 = 计入的差错数 ÷ 字数 × 10000。字数为{escape(report["denominator"])}。'
        "统计模型的疑似错别字为“待核”，经人确认前不计入；排版断行（稿件粘贴时留下的分栏截断）与建议性提示不计。"
        "多个文件作为同一期计算：同一差错重复计数的上限、数字用法差错的上限对全部文件合计。</p>",
        _files_table(report["files"]),
        _failed(report["failed"]),
        "</section>",
        *(_file_section(entry) for entry in report["files"]),
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _verdict(summary: dict) -> str:
    kind = "pass" if summary["passes"] else "fail"
    return f'<span class="{kind}">{summary["verdict"]}</span>'


def _summary_table(summary: dict, files: int, failed: int) -> str:
    rows = [
        ("文件", f"{files}" + (f"（另有 {failed} 个无法读取）" if failed else "")),
        ("字数（不计空白）", f"{summary['characters']:,}"),
        ("问题", f"{summary['finding_count']} 处"),
        ("计入的差错", f"{summary['points']:g}"),
        ("差错率", f"{summary['rate']:.2f}/万"),
        ("结论", _verdict(summary)),
        ("待核（不计入）", f"{summary['pending']} 处"),
        *([("已驳回（审阅稿中未采纳，不计入）", f"{summary['rejected']} 处")] if summary["rejected"] else []),
    ]
    body = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return f'<table class="totals">{body}</table>'


def _chart(by_category: dict) -> str:
    """A bar of findings per category, as inline SVG."""
    if not by_category:
        return '<p class="note">未发现问题。</p>'
    categories = [category for category in Category if by_category.get(category.value)]
    most = max(by_category.values())
    row, label, width = 26, 60, 320
    height = row * len(categories) + 8
    bars = []
    for n, category in enumerate(categories):
        count = by_category[category.value]
        y = 4 + n * row
        length = max(2, round(width * count / most))
        bars.append(
            f'<text x="0" y="{y + 16}">{CATEGORY_NAMES[category]}</text>'
            f'<rect x="{label}" y="{y + 3}" width="{length}" height="{row - 10}" fill="{COLOURS[category]}"/>'
            f'<text x="{label + length + 6}" y="{y + 16}">{count}</text>'
        )
    total_width = label + width + 50
    return (
        f'<svg role="img" aria-label="各类问题数量" '
        f'width="{total_width}" height="{height}" viewBox="0 0 {total_width} {height}">'
        f"<title>各类问题数量</title>{''.join(bars)}</svg>"
    )


def _files_table(files: list[dict]) -> str:
    if len(files) < 2:
        return ""
    head = "<tr><th>文件</th><th>字数</th><th>问题</th><th>计入差错</th><th>差错率</th><th>结论</th><th>待核</th></tr>"
    rows = "".join(
        f"<tr><td>{escape(entry['file'])}</td><td class=n>{entry['characters']:,}</td>"
        f"<td class=n>{entry['finding_count']}</td><td class=n>{entry['points']:g}</td>"
        f"<td class=n>{entry['rate']:.2f}/万</td><td>{_verdict(entry)}</td><td class=n>{entry['pending']}</td></tr>"
        for entry in files
    )
    return f"<h3>各文件</h3><table>{head}{rows}</table>"


def _failed(failed: list[dict]) -> str:
    if not failed:
        return ""
    items = "".join(f"<li>{escape(entry['error'])}</li>" for entry in failed)
    return f"<h3>无法处理的文件</h3><ul>{items}</ul>"


def _file_section(entry: dict) -> str:
    findings = entry["findings"]
    pending = [finding for finding in findings if finding["status"] == "待核"]
    shown = [finding for finding in findings if finding["status"] != "待核"]
    parts = [
        f'<section class="file"><h2>{escape(entry["file"])}</h2>',
        f"<p>{entry['characters']:,} 字（不计空白），{entry['paragraphs']} 段；问题 {entry['finding_count']} 处，"
        f"计入差错 {entry['points']:g}，差错率 {entry['rate']:.2f}/万，{_verdict(entry)}；"
        f"待核 {entry['pending']} 处。</p>",
        _rules_table(entry["by_rule"]),
    ]
    for category in Category:
        group = [finding for finding in shown if finding["category"] == category.value]
        if group:
            parts.append(f"<h3>{CATEGORY_NAMES[category]}（{len(group)}）</h3>{_list(group)}")
    if pending:
        parts.append(f"<h3>待核（{len(pending)}，统计模型的疑似错别字，经人确认前不计入差错率）</h3>{_list(pending)}")
    if entry["rejected"]:
        parts.append(
            f"<h3>已驳回（{len(entry['rejected'])}，审阅稿中审阅人未采纳的修改建议，原文仍在，不再列为问题）</h3>"
            f"{_list(entry['rejected'])}"
        )
    parts.append("</section>")
    return "\n".join(part for part in parts if part)


def _rules_table(by_rule: dict) -> str:
    if not by_rule:
        return ""
    rows = "".join(
        f"<tr><td>{CATEGORY_NAMES[Category(rule['category'])]}</td><td>{escape(rule['name'])}</td>"
        f"<td class=n>{rule['count']}</td></tr>"
        for rule in by_rule.values()
    )
    return f"<table><tr><th>类别</th><th>规则</th><th>处数</th></tr>{rows}</table>"


def _list(findings: list[dict]) -> str:
    return '<ol class="findings">' + "".join(_item(finding) for finding in findings) + "</ol>"


def _place(finding: dict) -> str:
    """Where a finding of a PDF page stands on it, as the CLI says it: （A2 版 第3栏）."""
    return f"（{PrintedPlace(finding['page'], finding['column'] or 0)}）" if finding["page"] else ""


def _item(finding: dict) -> str:
    status = finding["status"] + (f" {finding['points']:g}" if finding["status"] == "计入" else "")
    if finding["status"] == REJECTED:
        status += f"（{finding['marked_as']}）"
    suggestion = f'<div class="suggestion">建议：{escape(finding["suggestion"])}</div>' if finding["suggestion"] else ""
    return (
        f'<li><span class="where">第{finding["paragraph"] + 1}段{_place(finding)}</span> '
        f'<span class="rule">{escape(finding["rule_name"])}</span><span class="status">{status}</span>'
        f'<div class="excerpt">…{escape(finding["before"])}<mark>{escape(finding["text"])}</mark>'
        f"{escape(finding['after'])}…</div>{suggestion}"
        f'<div class="message">{escape(finding["message"])}</div></li>'
    )
