"""The review round trip from the command line: `fix --review`, the reviewer's decisions, `check`, `report`,
and a second review.

The checks are the real engine's: the draft has a column cut and 签定 (a sure fix of the
confusion list), so both are tracked changes of the review.
"""

from __future__ import annotations

import csv
import json

import docx
import pytest
from docx_test_support import accept_all, reject_all

from editor.cli import main
from editor.core.io.review_record import State, read_record, stored_proposals

DRAFT = (
    "两地合作再上新台阶\n\n"
    "本报讯 昨天上午，两地在区行政中心签定了文旅合作框架协议，双方将在景区联票、客源互送、\n"
    "线路共建等方面开展合作。\n"
)
SLIP = "typo.confusion.qian_ding"


@pytest.fixture
def review(tmp_path):
    draft = tmp_path / "稿件.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    path = tmp_path / "审阅稿.docx"
    assert main(["fix", str(draft), "--review", "-o", str(path)]) == 0
    assert {p.rule for p in stored_proposals(path.read_bytes())} >= {SLIP, "layout.split_paragraph"}
    return path


def _returned(review, decide, name: str):
    document = docx.Document(review)
    decide(document)
    path = review.with_name(name)
    document.save(path)
    return path


def _check_json(path, capsys) -> dict:
    capsys.readouterr()
    main(["check", str(path), "--json"])
    return json.loads(capsys.readouterr().out)


def test_rejected_proposals_are_not_flagged_again_and_the_report_lists_them(review, capsys, tmp_path):
    returned = _returned(review, reject_all, "退回稿.docx")
    checked = _check_json(returned, capsys)
    assert SLIP not in {found["rule"] for found in checked["issues"]}
    assert not any(found["rule"].startswith("layout.") for found in checked["issues"])
    rejected = {entry["rule"]: entry for entry in checked["rejected"]}
    assert set(rejected) >= {SLIP, "layout.split_paragraph"}
    slip = rejected[SLIP]
    assert checked["paragraphs"][slip["paragraph"]][slip["start"] : slip["end"]] == "签定" == slip["text"]
    assert slip["suggestion"] == "签订" and slip["marked_as"] == "change"

    report = tmp_path / "报告.json"
    main(["report", str(returned), "-o", str(report)])
    data = json.loads(report.read_text(encoding="utf-8"))
    (entry,) = data["files"]
    assert data["total"]["rejected"] == len(entry["rejected"]) == len(checked["rejected"])
    listed = next(item for item in entry["rejected"] if item["rule"] == SLIP)
    assert listed["status"] == "已驳回" and listed["rule_name"] != SLIP and listed["points"] == 0
    assert f"{listed['before']}{listed['text']}{listed['after']}" in checked["paragraphs"][listed["paragraph"]]
    assert SLIP not in {finding["rule"] for finding in entry["findings"]}
    html = tmp_path / "报告.html"
    main(["report", str(returned), "-o", str(html)])
    assert "已驳回（" in html.read_text(encoding="utf-8")
    table = tmp_path / "报告.csv"
    main(["report", str(returned), "-o", str(table)])
    rows = list(csv.DictReader(table.read_text(encoding="utf-8-sig").splitlines()))
    assert any(row["状态"] == "已驳回" and row["原文"] == "签定" for row in rows)


def test_accepted_proposals_are_simply_gone(review, capsys):
    checked = _check_json(_returned(review, accept_all, "采纳稿.docx"), capsys)
    assert "rejected" not in checked
    assert SLIP not in {found["rule"] for found in checked["issues"]}
    assert {p.state for p in read_record(review.with_name("采纳稿.docx"))} == {State.ACCEPTED}


def test_a_second_review_keeps_the_rejections_and_proposes_them_no_more(review, capsys):
    returned = _returned(review, reject_all, "退回稿.docx")
    second = review.with_name("第二轮审阅稿.docx")
    assert main(["fix", str(returned), "--review", "-o", str(second)]) == 0
    assert "审阅人已驳回的" in capsys.readouterr().err
    assert len(docx.Document(second).comments) == len(docx.Document(returned).comments)  # none new, the old kept
    kept = stored_proposals(second.read_bytes())
    assert SLIP in {p.rule for p in kept} and {p.state for p in kept} == {State.PROPOSED}
    checked = _check_json(second, capsys)
    assert SLIP in {entry["rule"] for entry in checked["rejected"]}
    assert SLIP not in {found["rule"] for found in checked["issues"]}
