"""The report's content as plain data: what `proofdesk report` writes as JSON, and renders as HTML and CSV.

One builder makes one dictionary, so that the three forms can never say different things: the HTML
page and the CSV rows are drawn from it, and the JSON is it. Its fields are listed in the README
("The report"). Findings are grouped by category (in `Category` order) and, inside a category, in
document order; each carries its rule's Chinese name from the rule catalogue, the excerpt around
what it flags, the suggestion and its `Status` in the 差错率 (计入, 待核 or 不计).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from editor import __version__
from editor.core.error_rate import NEWSPAPER, Assessment, Checked, CountingRules, Status, Weighed, assess
from editor.core.issue import Category, Issue

#: Categories as a copy editor calls them (the editor's translations say the same).
CATEGORY_NAMES: dict[Category, str] = {
    Category.POLITICAL: "政治",
    Category.LAYOUT: "排版",
    Category.TYPO: "别字",
    Category.NAME: "人名",
    Category.NUMBER: "数字",
    Category.PUNCTUATION: "标点",
}
DENOMINATOR = "稿件字数，不计空白（空格、全角空格、制表符、换行）"
EXCERPT_CONTEXT = 12


@dataclass(frozen=True)
class CheckedFile:
    """One file of the batch as checked: the path given, and its paragraphs and findings."""

    file: str
    checked: Checked


def rule_names() -> dict[str, str]:
    """Every rule id the registered checks may report, with its Chinese name (the preferences show the same)."""
    from editor.core.engine import load_checks

    return {rule.id: rule.name for rule in load_checks().catalogue()}


def suggestion_text(issue: Issue) -> str:
    """The proposed fix in words: the replacement, 与下一段连接 for a join, （删除） for a deletion."""
    if issue.joins_next:
        return "与下一段连接"
    if not issue.suggestions:
        return ""
    return " / ".join(suggestion if suggestion.strip() else "（删除）" for suggestion in issue.suggestions)


def build_report(
    files: Sequence[CheckedFile],
    failed: Iterable[tuple[str, str]] = (),
    rules: CountingRules = NEWSPAPER,
    now: dt.datetime | None = None,
) -> dict:
    """The report of ``files`` (each assessed alone, and all together as one issue) and of the files that ``failed``."""
    names = rule_names()
    per_file = [(entry, assess([entry.checked], rules)) for entry in files]
    total = assess([entry.checked for entry in files], rules)
    return {
        "generator": f"proofdesk {__version__}",
        "created": (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds"),
        "publication": rules.publication.value,
        "pass_limit": rules.pass_limit,
        "denominator": DENOMINATOR,
        "counting": {key: value for key, value in asdict(rules).items() if key != "publication"},
        "total": _summary(total, [entry.checked for entry in files], names),
        "files": [
            {
                "file": entry.file,
                **_summary(assessment, [entry.checked], names),
                "findings": _findings(entry, assessment, names),
            }
            for entry, assessment in per_file
        ],
        "failed": [{"file": file, "error": error} for file, error in failed],
    }


def _summary(assessment: Assessment, drafts: Sequence[Checked], names: dict[str, str]) -> dict:
    issues = [issue for draft in drafts for issue in draft.issues]
    rules = Counter(issue.rule for issue in issues)
    categories = Counter(issue.category for issue in issues)
    return {
        "characters": assessment.characters,
        "paragraphs": sum(len(draft.texts) for draft in drafts),
        "finding_count": len(issues),
        "points": assessment.points,
        "rate": round(assessment.rate, 4),
        "passes": assessment.passes,
        "verdict": assessment.verdict,
        "pending": len(assessment.pending),
        "by_category": {category.value: categories[category] for category in Category if categories[category]},
        "by_rule": {
            rule: {"name": names.get(rule, rule), "category": rule.split(".")[0], "count": count}
            for rule, count in sorted(rules.items(), key=lambda item: (-item[1], item[0]))
        },
    }


def _findings(entry: CheckedFile, assessment: Assessment, names: dict[str, str]) -> list[dict]:
    order = list(Category)
    weighed = sorted(
        assessment.weighed, key=lambda w: (order.index(w.issue.category), w.issue.paragraph, w.issue.start)
    )
    return [_finding(entry, w, names) for w in weighed]


def _finding(entry: CheckedFile, weighed: Weighed, names: dict[str, str]) -> dict:
    issue = weighed.issue
    text = entry.checked.texts[issue.paragraph] if issue.paragraph < len(entry.checked.texts) else ""
    before, after = issue.context(text, EXCERPT_CONTEXT)
    return {
        "file": entry.file,
        "paragraph": issue.paragraph,
        "start": issue.start,
        "end": issue.end,
        "category": issue.category.value,
        "category_name": CATEGORY_NAMES[issue.category],
        "rule": issue.rule,
        "rule_name": names.get(issue.rule, issue.rule),
        "severity": issue.severity.value,
        "before": before,
        "text": issue.text,
        "after": after,
        "suggestion": suggestion_text(issue),
        "message": issue.message,
        "status": weighed.status.value,
        "error_kind": weighed.kind.value if weighed.status is Status.COUNTED else "",
        "points": weighed.points,
    }
