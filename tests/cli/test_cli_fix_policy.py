"""`proofdesk fix` under the one fix policy: the right text where rules overlap, an honest count, idempotence.

The three drafts measured in the issue (a bracket rule over a comma, a bracket rule over a
range, a percent range written with ~) must give what a user expects; the count printed is
the number of fixes applied; and fixing the output again changes nothing, on drafts where
many rules overlap, on the sample pages and on every bad example of the number and
punctuation rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fix_cases import MEASURED, OVERLAPPING

from editor.cli import main
from editor.core.gbt.rules import all_rules
from editor.core.resources import EXAMPLE_DRAFT


def fix(tmp_path: Path, draft: Path, name: str, capsys) -> tuple[str, int]:
    """Run `proofdesk fix` on ``draft``; the text written and the number of fixes it says it applied."""
    out = tmp_path / name
    assert main(["fix", str(draft), "-o", str(out)]) == 0
    (count,) = re.findall(r"应用 (\d+) 处修改", capsys.readouterr().err)
    return out.read_text(encoding="utf-8"), int(count)


@pytest.mark.parametrize(("text", "expected", "applied"), MEASURED, ids=["comma", "range", "percent", "jiezhi"])
def test_the_measured_drafts_are_fixed_as_a_user_expects(tmp_path, capsys, text, expected, applied):
    draft = tmp_path / "draft.txt"
    draft.write_text(text + "\n", encoding="utf-8")
    assert fix(tmp_path, draft, "out.txt", capsys) == (expected + "\n", applied)


def assert_fixing_again_changes_nothing(tmp_path: Path, draft: Path, capsys) -> str:
    once, applied = fix(tmp_path, draft, "once.txt", capsys)
    assert applied > 0
    twice, again = fix(tmp_path, tmp_path / "once.txt", "twice.txt", capsys)
    assert (twice, again) == (once, 0)
    return once


def test_fixing_a_draft_of_overlapping_rules_twice_changes_nothing(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(OVERLAPPING, encoding="utf-8")
    once = assert_fixing_again_changes_nothing(tmp_path, draft, capsys)
    assert "确保“常有优学，办好实事”落到实处" in once and "打造“常有优学（2024—2026年）”民生品牌" in once
    assert "社区设立了“警务室”“护学岗”，认真学习《民法典》《安全生产法》" in once
    assert "1.加强组织领导。（一）加强组织领导。第一，提高政治站位;2.压实责任。" in once


def test_fixing_every_bad_example_twice_changes_nothing(tmp_path, capsys):
    """Fixes that make new findings (a straight quote turned curly next to a comma) are found in the first run."""
    examples = [e.text for rule in all_rules() for e in rule.bad if "\n" not in e.text and not e.text.startswith("# ")]
    draft = tmp_path / "draft.txt"
    draft.write_text("\n\n".join(examples) + "\n", encoding="utf-8")
    assert_fixing_again_changes_nothing(tmp_path, draft, capsys)


def test_fixing_the_sample_pages_twice_changes_nothing(tmp_path, capsys, sample_page):
    for page in (EXAMPLE_DRAFT, sample_page):
        assert_fixing_again_changes_nothing(tmp_path, page, capsys)


def test_check_lists_the_other_rule_of_the_same_slip(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("截止目前，已完成投资5亿元。\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 1
    printed = capsys.readouterr().out
    assert printed.count("→ 截至") == 1 and "另有规则报同一处：typo.confusion.jie_zhi_until" in printed
    assert "共 1 处问题" in printed
