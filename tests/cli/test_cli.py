"""The `proofdesk` command as a layout person and a script use it: output, exit status, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor import __version__
from editor.cli import EXIT_ERROR, main
from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.typo_engine import typo_detector
from editor.core.resources import EXAMPLE_DRAFT
from editor.core.userdata import user_data_dir

ROOT = Path(__file__).resolve().parents[2]
DRAFT = EXAMPLE_DRAFT


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_check_json_points_at_the_text_it_names(capsys):
    status = main(["check", str(DRAFT), "--json", "--only", "layout"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    assert set(report) == {"file", "characters", "paragraphs", "issues"}
    assert report["characters"] == sum(not c.isspace() for p in report["paragraphs"] for c in p)
    assert len(report["issues"]) == 5
    for issue in report["issues"]:
        assert set(issue) == {
            "rule",
            "category",
            "severity",
            "paragraph",
            "start",
            "end",
            "text",
            "suggestions",
            "message",
            "also",
            "page",
            "column",
        }  # noqa: E501
        assert issue["page"] is None and issue["column"] is None  # a text draft has no printed page
        assert report["paragraphs"][issue["paragraph"]][issue["start"] : issue["end"]] == issue["text"]
        assert issue["category"] == "layout"


def test_check_human_output_and_clean_exit(tmp_path, capsys):
    clean = tmp_path / "clean.txt"
    clean.write_text("会议强调，要切实做好安全生产工作。\n", encoding="utf-8")
    assert main(["check", str(clean), "--only", "layout"]) == 0
    assert "未发现问题" in capsys.readouterr().out
    assert main(["check", str(DRAFT), "--only", "layout"]) == 1
    out = capsys.readouterr().out
    assert "layout.split_number" in out and "【2】" in out and "共 5 处问题" in out


def test_only_and_skip_select_categories(capsys):
    assert main(["check", str(DRAFT), "--json", "--skip", "layout,typo,name,number,punctuation"]) == 0
    assert json.loads(capsys.readouterr().out)["issues"] == []


def test_without_layout_every_line_is_its_own_paragraph(tmp_path, capsys):
    lines = tmp_path / "sentences.txt"
    lines.write_text("第一句没有句号\n第二句接着写。\n", encoding="utf-8")
    main(["check", str(lines), "--json", "--only", "number"])
    assert json.loads(capsys.readouterr().out)["paragraphs"] == ["第一句没有句号", "第二句接着写。"]


def test_usage_and_input_errors_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    assert "文件不存在" in capsys.readouterr().err
    assert main(["check", str(DRAFT), "--only", "spelling"]) == 2
    assert "未知的类别" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["check"])
    assert exit_info.value.code == 2


def test_fix_writes_text_and_refuses_to_overwrite_the_draft(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT.read_text(encoding="utf-8"), encoding="gb18030")
    out = tmp_path / "out.txt"
    assert main(["fix", str(draft), "-o", str(out), "--only", "layout"]) == 0
    lines = [line for line in out.read_text(encoding="gb18030").splitlines() if line]  # the draft's encoding
    assert len(lines) == 12 and "省级工业互联网标杆工厂12家。" in lines[4]
    before = draft.read_bytes()
    assert main(["fix", str(draft), "-o", str(draft)]) == 2
    assert draft.read_bytes() == before
    assert main(["fix", str(draft), "-o", str(tmp_path / "out.pdf")]) == 2


def test_fix_in_place_replaces_the_file_atomically(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("绿色转型是企业发展的\n\n必由之路。\n", encoding="utf-8")
    assert main(["fix", str(draft), "--in-place", "--only", "layout"]) == 0
    assert draft.read_text(encoding="utf-8") == "绿色转型是企业发展的必由之路。\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]  # no temporary file left behind


@pytest.mark.parametrize("module", ["editor", "editor.cli"])
def test_both_module_entry_points_are_the_command(module):
    """`python -m editor.cli` once printed nothing and exited 0: the module had no entry of its own."""
    result = subprocess.run(
        [sys.executable, "-m", module, "--version"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_stdin_and_version_through_the_real_command():
    result = run("check", "-", "--json", "--only", "layout", stdin="绿色转型是企业发展的\n\n必由之路。\n")
    assert result.returncode == 1
    assert json.loads(result.stdout)["issues"][0]["rule"] == "layout.split_paragraph"
    version = run("--version")
    assert version.returncode == 0 and __version__ in version.stdout


def test_fix_to_docx_makes_a_clean_newsroom_document(tmp_path):
    import docx

    out = tmp_path / "nested" / "page.docx"
    assert main(["fix", str(DRAFT), "-o", str(out), "--only", "layout"]) == 0
    paragraphs = [p for p in docx.Document(str(out)).paragraphs]
    assert [p.text for p in paragraphs][:2] == ["青溪区5家企业获评省级智能制造示范工厂", "数量居全市各辖市区首位"]
    assert len(paragraphs) == 12 and all(p.text for p in paragraphs)
    assert paragraphs[0].style.name != paragraphs[2].style.name  # headline styled apart from body


def test_fix_review_writes_tracked_changes_and_comments(tmp_path):
    import zipfile

    out = tmp_path / "review.docx"
    assert main(["fix", str(DRAFT), "-o", str(out), "--review", "--only", "layout"]) == 0
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode("utf-8")
        comments = package.read("word/comments.xml").decode("utf-8")
    assert body.count("<w:commentReference") == 5
    assert "段落被分栏截断" in comments
    assert main(["fix", str(DRAFT), "-o", str(tmp_path / "review.txt"), "--review"]) == 2


def test_fix_docx_joins_soft_returns_and_cut_paragraphs_keeping_formatting(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    source = docx.Document()
    source.add_heading("城区新增三处口袋公园", level=1)
    pasted = source.add_paragraph()
    lines = ["今年以来，我区结合城市更新行动，利用边", "角空地新建口袋公园三处，新增绿地面积", "1.2万平方米。"]
    for number, line in enumerate(lines):
        run = pasted.add_run(line)
        run.bold = number == 0
        if number < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    source.add_paragraph("据介绍，三处公园均配建了健身步道和休憩座椅，并将于本月底前全部")
    source.add_paragraph("向市民开放。")
    draft = tmp_path / "draft.docx"
    source.save(str(draft))

    out = tmp_path / "fixed.docx"
    assert main(["fix", str(draft), "-o", str(out), "--only", "layout"]) == 0
    result = docx.Document(str(out))
    assert [p.text for p in result.paragraphs] == [
        "城区新增三处口袋公园",
        "今年以来，我区结合城市更新行动，利用边角空地新建口袋公园三处，新增绿地面积1.2万平方米。",
        "据介绍，三处公园均配建了健身步道和休憩座椅，并将于本月底前全部向市民开放。",
    ]
    assert result.paragraphs[0].style.name == "Heading 1"
    assert result.paragraphs[1].runs[0].bold and not result.paragraphs[1].runs[-1].bold
    assert not result.element.body.xpath(".//w:br")


def test_macbert_option_is_documented_in_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    help_text = capsys.readouterr().out
    assert "--macbert DIR" in help_text and "MacBERT 模型文件夹" in help_text and "PROOFDESK_MACBERT_DIR" in help_text


def test_macbert_with_a_bad_folder_says_why_and_still_checks(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("双方签定了合作协议。\n", encoding="utf-8")
    result = run("check", str(draft), "--only", "typo", "--macbert", str(tmp_path / "no_model"))
    assert result.returncode == 1 and "签定" in result.stdout
    reasons = [line for line in result.stderr.splitlines() if "MacBERT" in line]
    assert len(reasons) == 1
    assert reasons[0].startswith("proofdesk: MacBERT 未启用，改用统计模型") and "找不到文件夹" in reasons[0]


def test_sensitivity_chooses_how_many_guesses_the_statistical_model_reports(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("国际组织批评说，那里就象一个工地。\n", encoding="utf-8")

    def guesses(*options: str) -> list[str]:
        main(["check", str(draft), "--only", "typo", "--json", *options])
        return [issue["text"] for issue in json.loads(capsys.readouterr().out)["issues"] if issue["rule"] == "typo.lm"]

    lenient = typo_detector().at(Sensitivity.LENIENT)
    [finding] = lenient.find(draft.read_text(encoding="utf-8"))
    assert finding.text == "象" and finding.probability < lenient.reranker.threshold(Sensitivity.STRICT)
    for level in Sensitivity:  # each level reports the guesses its threshold reaches, 标准 by default
        sure_enough = finding.probability >= lenient.reranker.threshold(level)
        assert guesses("--sensitivity", level.value) == (["象"] if sure_enough else [])
    assert guesses() == guesses("--sensitivity", "标准") and guesses("--sensitivity", "宽松") == ["象"]


def test_an_unknown_sensitivity_is_refused_naming_the_levels(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["check", str(DRAFT), "--sensitivity", "最严"])
    assert raised.value.code == 2 and "严格" in capsys.readouterr().err


def test_a_defect_of_ours_is_one_line_and_a_kept_traceback_not_a_crash(tmp_path, capsys, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text("绿色转型是企业发展的\n\n必由之路。\n", encoding="utf-8")

    def broken(*_arguments, **_keywords):
        raise KeyError("a bug")

    monkeypatch.setattr("editor.cli._fix", broken)
    assert main(["fix", str(draft), "-o", str(tmp_path / "out.txt")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("proofdesk: 内部错误（KeyError: 'a bug'）") and "未写出" in line
    (log,) = (user_data_dir() / "logs").glob("crash-*.log")
    assert "Traceback" in log.read_text(encoding="utf-8") and str(log) in line
    assert not (tmp_path / "out.txt").exists()


def test_ctrl_c_stops_with_a_word_and_status_130(tmp_path, capsys, monkeypatch):
    def interrupted(*_arguments, **_keywords):
        raise KeyboardInterrupt

    monkeypatch.setattr("editor.cli._check", interrupted)
    assert main(["check", str(tmp_path / "any.txt")]) == 130
    assert capsys.readouterr().err.strip() == "proofdesk: 已中断"


def test_check_counts_the_characters_as_the_report_does(tmp_path, capsys):
    """One count of a draft's characters, whitespace left out, in the check's header, its JSON and the report."""
    draft = tmp_path / "draft.txt"
    draft.write_text("本报讯 日前，全区 3 家企业获评。\n\n第二段\t正文。\n", encoding="utf-8")
    main(["check", str(draft)])
    assert "（21 字，" in capsys.readouterr().out
    main(["check", str(draft), "--json"])
    assert json.loads(capsys.readouterr().out)["characters"] == 21
    main(["report", str(draft), "-o", str(tmp_path / "report.json")])
    capsys.readouterr()
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["total"]["characters"] == 21


def test_output_read_only_in_part_ends_the_command_quietly(tmp_path):
    """`proofdesk check draft | head`: once the reader has gone, the command stops without a word (it reported an
    internal error and wrote a crash log)."""
    draft = tmp_path / "draft.txt"
    draft.write_text("截止目前，全区签定责任书。\n\n" * 1500, encoding="utf-8")  # far more than a pipe holds
    command = subprocess.Popen(
        [sys.executable, "-m", "editor", "check", str(draft), "--only", "typo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert command.stdout.read(200)
    command.stdout.close()
    errors = command.stderr.read().decode("utf-8")
    command.wait(timeout=120)
    assert errors == "" and command.returncode == EXIT_ERROR
