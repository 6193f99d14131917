"""What the installed forms of the app (the wheel, the frozen bundle) must do as the checkout does.

A user runs `proofdesk` from a wheel or from the bundle, never from a checkout: each test installs
one form, runs its command in a folder outside the checkout, and compares with the checkout's own
`main` on the same draft.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import docx

from editor.cli import main

ROOT = Path(__file__).resolve().parents[2]
#: A draft with a finding for every bundled data file: the confusion list (签定), the idiom list (一愁莫展),
#: the number rules (3-5, 三、四), the punctuation rules (the half-width comma), the character and word
#: models (晚上 for 完善) and a paragraph cut by a column jump.
DRAFT = (
    "武进召开绿色制造推进会\n\n"
    "本报讯（记者 黄雅婷）昨天下午，双方签定了合作协议，计划3-5年内建成。\n\n"
    "今天,我们召开会议，要求各部门进一步晚上制度，推动企业加快绿色转型，激发新动能、新优势的\n\n"
    "必由之路。面对难题，大家不能一愁莫展。要在三、四个月内完成。\n"
)
#: What a report says of a file, without when it was made.
REPORT_FIGURES = ("characters", "finding_count", "points", "rate", "verdict", "by_category", "by_rule")


def run(*command: str | Path, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**clean_environment(), **(env or {})},
    )


def clean_environment() -> dict[str, str]:
    """This process's environment (the test's user data folder included) without a way back into the checkout."""
    return {name: value for name, value in os.environ.items() if name not in {"PYTHONPATH", "PYTHONHOME"}}


def succeeded(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"{result.args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


def runs_like_the_checkout(proofdesk: str | Path, workplace: Path, capsys) -> None:
    """`check`, `fix` and `report` of the installed ``proofdesk`` give what the checkout's `main` gives."""
    checked = run(proofdesk, "check", "--json", "draft.txt", cwd=workplace)
    assert checked.returncode == 1, checked.stderr  # findings
    assert checked.stderr == ""
    issues = json.loads(checked.stdout)["issues"]
    rules = {issue["rule"] for issue in issues}
    assert {"typo.lm", "typo.idiom", "layout.split_paragraph"} <= rules
    for kind in ("typo.confusion.", "number.", "punctuation."):
        assert any(rule.startswith(kind) for rule in rules), f"no {kind} finding: {sorted(rules)}"
    assert main(["check", "--json", str(workplace / "draft.txt")]) == 1
    assert issues == json.loads(capsys.readouterr().out)["issues"]

    succeeded(run(proofdesk, "fix", "draft.txt", "-o", "fixed.docx", cwd=workplace))
    assert main(["fix", str(workplace / "draft.txt"), "-o", str(workplace / "from_checkout.docx")]) == 0
    fixed = [paragraph.text for paragraph in docx.Document(str(workplace / "fixed.docx")).paragraphs]
    expected = [paragraph.text for paragraph in docx.Document(str(workplace / "from_checkout.docx")).paragraphs]
    assert fixed == expected
    assert "签订" in "".join(fixed) and "签定" not in "".join(fixed)

    assert run(proofdesk, "report", "draft.txt", "-o", "report.json", cwd=workplace).returncode == 1
    assert main(["report", str(workplace / "draft.txt"), "-o", str(workplace / "from_checkout.json")]) == 1
    capsys.readouterr()
    [installed] = json.loads((workplace / "report.json").read_text(encoding="utf-8"))["files"]
    [checkout] = json.loads((workplace / "from_checkout.json").read_text(encoding="utf-8"))["files"]
    assert {key: installed[key] for key in REPORT_FIGURES} == {key: checkout[key] for key in REPORT_FIGURES}
    assert installed["finding_count"] > 0
