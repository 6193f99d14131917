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
from editor.core.io.review_record import Mark, Proposal
from editor.core.issue import Category, Issue
from editor.core.rule_info import CATEGORY_NAMES

#: The status of a proposal of a returned review that its reviewer rejected: no finding, not counted.
REJECTED = "已驳回"
DENOMINATOR = "稿件字数，不计空白（空格、全角空格、制表符、换行）"
EXCERPT_CONTEXT = 12


@dataclass(frozen=True)
class CheckedFile:
    """One file of the batch as checked: the path given, its paragraphs and findings, and for a returned
    review the proposals its reviewer rejected (`review_record`), listed as 已驳回 and not as findings."""

    file: str
    checked: Checked
    rejected: Sequence[Proposal] = ()


def rule_names() -> dict[str, str]:
    """Every rule id the registered checks may report, with its Chinese name (the preferences show the same)."""
    from editor.core.engine import load_checks

    return {rule.id: rule.name for rule in load_checks().catalogue()}


def suggestion_text(issue: Issue) -> str:
    """The proposed fix in words: the replacement, 与下一段连接 for a join, （删除） for a deletion."""
    return _in_words(issue.joins_next, issue.suggestions)


def _in_words(joins_next: bool, suggestions: Sequence[str]) -> str:
    if joins_next:
        return "与下一段连接"
    return " / ".join(suggestion if suggestion.strip() else "（删除）" for suggestion in suggestions)


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
        "total": {
            **_summary(total, [entry.checked for entry in files], names),
            "rejected": sum(len(entry.rejected) for entry in files),
        },
        "files": [
            {
                "file": entry.file,
                **_summary(assessment, [entry.checked], names),
                "findings": _findings(entry, assessment, names),
                "rejected": [_rejected(entry, proposal, names) for proposal in entry.rejected],
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
    weighed = sorted(assessment.weighed, key=lambda w: (w.issue.category.rank, w.issue.paragraph, w.issue.start))
    return [_finding(entry, w, names) for w in weighed]


def _rejected(entry: CheckedFile, proposal: Proposal, names: dict[str, str]) -> dict:
    """A proposal of the review the reviewer rejected, where its text stands in the file now."""
    paragraph, start = proposal.found
    text = entry.checked.texts[paragraph]
    end = start + len(proposal.text)
    category = Category(proposal.category)
    return {
        "file": entry.file,
        "paragraph": paragraph,
        "start": start,
        "end": end,
        "category": category.value,
        "category_name": CATEGORY_NAMES[category],
        "rule": proposal.rule,
        "rule_name": names.get(proposal.rule, proposal.rule),
        "severity": proposal.severity,
        "before": text[max(0, start - EXCERPT_CONTEXT) : start],
        "text": proposal.text,
        "after": text[end : end + EXCERPT_CONTEXT],
        "suggestion": _in_words(proposal.joins_next, [] if proposal.suggestion is None else [proposal.suggestion]),
        "message": proposal.message,
        "status": REJECTED,
        "marked_as": "修订" if proposal.mark is Mark.CHANGE else "批注",
        "error_kind": "",
        "points": 0,
        **entry.checked.place_fields(paragraph),
    }


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
        **entry.checked.place_fields(issue.paragraph),
    }
