"""Political errors: 3 in a book; in a newspaper a knowledge error (1), doubled for an important name; listed first."""

from __future__ import annotations

import pytest

from editor.core.error_rate import BOOK, NEWSPAPER, Checked, ErrorKind, assess, error_kind
from editor.core.issue import Category, Issue, Severity
from editor.core.report.data import CheckedFile, build_report


def finding(rule: str, category: Category, start: int = 0, text: str = "副区长") -> Issue:
    return Issue(rule, category, Severity.ERROR, 0, start, start + len(text), text, "…", ("区长",))


TEXT = "副区长王明出席，会议要求各部门再接再励。"


@pytest.mark.parametrize(
    ("rule", "newspaper", "book"),
    [
        ("political.official_post", 2.0, 3.0),  # an important name: doubled in a newspaper
        ("political.leader_order", 2.0, 3.0),
        ("political.formulation", 1.0, 3.0),  # a formulation is a knowledge error, no name
    ],
)
def test_a_political_error_weighs_by_the_publication(rule, newspaper, book):
    assert error_kind(rule) is ErrorKind.POLITICAL
    draft = Checked([TEXT], [], [finding(rule, Category.POLITICAL)])
    assert assess([draft], NEWSPAPER, guesses=()).points == newspaper
    assert assess([draft], BOOK, guesses=()).points == book


def test_the_report_lists_political_findings_first():
    typo = finding("typo.idiom", Category.TYPO, 16, "再接再励")
    political = finding("political.official_post", Category.POLITICAL)
    report = build_report([CheckedFile("a.txt", Checked([TEXT], [], [typo, political]))])
    findings = report["files"][0]["findings"]
    assert [entry["category_name"] for entry in findings] == ["政治", "别字"]
    assert list(Category)[0] is Category.POLITICAL
