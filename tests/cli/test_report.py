"""`proofdesk report`: the same content as JSON, CSV and a self-contained HTML page, per file and for the batch."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from editor.cli import main
from editor.core.error_rate import NEWSPAPER

# A headline with a typo (counts double), a body typo repeated four times (counts at most 3), a number slip.
DRAFT = (
    "双方签定合作协议\n"
    "本报讯 昨天，两家企业签定了合作协议，工期为3-5年。\n"
    "据介绍，双方签定的协议还约定，再次签定时须公示，第三次签定时须报批。\n"
)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _report(tmp_path, *args, name="report.json"):
    out = tmp_path / name
    status = main(["report", *args, "-o", str(out), "-j", "1"])
    return status, out


def test_json_counts_by_the_newspaper_rules_and_names_each_rule(tmp_path, draft):
    status, out = _report(tmp_path, str(draft), "--only", "typo,number")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert status == 1 and report["publication"] == "报纸" and report["pass_limit"] == NEWSPAPER.pass_limit
    (entry,) = report["files"]
    findings = entry["findings"]
    confusions = [f for f in findings if f["rule"] == "typo.confusion.qian_ding"]
    assert len(confusions) == 5 and {f["rule_name"] for f in confusions} == {"签定 → 签订"}
    assert [f["points"] for f in confusions] == [2, 1, 1, 0, 0]  # the headline doubles, the 4th and 5th repeat
    assert entry["points"] == sum(f["points"] for f in findings if f["status"] == "计入")
    assert entry["characters"] == len(re.sub(r"\s", "", DRAFT))
    assert entry["rate"] == pytest.approx(entry["points"] * 10_000 / entry["characters"], abs=1e-4)
    assert entry["verdict"] == "不合格" and report["total"]["points"] == entry["points"]
    for finding in findings:
        paragraph = DRAFT.splitlines()[finding["paragraph"]]
        assert paragraph[finding["start"] : finding["end"]] == finding["text"]
        assert paragraph[: finding["start"]].endswith(finding["before"])
        assert paragraph[finding["end"] :].startswith(finding["after"])
    order = [(f["category"] != "typo", f["paragraph"], f["start"]) for f in findings]
    assert order == sorted(order)  # grouped by category, in document order
    assert entry["by_category"] == {"typo": 5, "number": 1}
    (slip,) = [f for f in findings if f["category"] == "number"]
    assert slip["points"] == NEWSPAPER.number_usage and slip["error_kind"] == "数字用法差错"


def test_a_statistical_guess_is_listed_as_pending_and_the_sample_page_passes(tmp_path, sample_page_with_a_slip):
    status, out = _report(tmp_path, str(sample_page_with_a_slip))
    report = json.loads(out.read_text(encoding="utf-8"))
    (entry,) = report["files"]
    pending = [f for f in entry["findings"] if f["status"] == "待核"]
    assert [f["rule"] for f in pending] == ["typo.lm"] and entry["pending"] == 1
    assert entry["verdict"] == "合格" and status == 1


def test_the_book_rules_are_a_choice(tmp_path, draft):
    _, out = _report(tmp_path, str(draft), "--only", "typo", "--kind", "图书")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["publication"] == "图书" and report["pass_limit"] == 1
    points = [f["points"] for f in report["files"][0]["findings"]]
    assert points == [1, 1, 1, 1, 0]  # no headline doubling; a repeat counts up to 4 times


def test_csv_has_one_row_per_finding_and_a_bom_for_excel(tmp_path, draft):
    _, as_json = _report(tmp_path, str(draft), "--only", "typo,number")
    _, as_csv = _report(tmp_path, str(draft), "--only", "typo,number", name="report.csv")
    data = as_csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    findings = json.loads(as_json.read_text(encoding="utf-8"))["files"][0]["findings"]
    assert len(rows) == len(findings) > 0
    assert [row["规则"] for row in rows] == [f["rule_name"] for f in findings]
    assert rows[0]["上下文"] == f"{findings[0]['before']}【{findings[0]['text']}】{findings[0]['after']}"
    assert rows[0]["段"] == str(findings[0]["paragraph"] + 1)


def test_an_unknown_format_or_kind_is_an_error(tmp_path, draft, capsys):
    assert main(["report", str(draft), "-o", str(tmp_path / "report.pdf")]) == 2
    assert "不支持的报告格式" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(draft), "-o", str(tmp_path / "r.json"), "--kind", "杂志"])
    assert exit_info.value.code == 2


def test_html_is_self_contained(tmp_path, draft):
    _, out = _report(tmp_path, str(draft), name="report.html")
    page = out.read_text(encoding="utf-8")
    assert "default-src 'none'; style-src 'unsafe-inline'; img-src data:" in page
    assert not re.search(r"https?://", page) and "<script" not in page.lower()
    assert "@page { size: A4" in page and "<svg" in page
