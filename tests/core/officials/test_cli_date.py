"""`--date` decides the day the register is read on, from the command line as in the editor; a bad date is one line."""

from __future__ import annotations

from editor.cli import main


def test_the_date_on_the_command_line_decides(register, tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("区长李华讲话。\n", encoding="utf-8")
    assert main(["check", str(draft), "--only", "political", "--date", "2020-05-01"]) == 0
    assert main(["check", str(draft), "--only", "political", "--date", "2024年12月20日"]) == 1
    assert "political.official_outdated" in capsys.readouterr().out


def test_a_date_that_is_no_date_is_one_line(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    assert main(["check", str(draft), "--date", "2024-13-01"]) == 2
    expected = "proofdesk: --date 2024-13-01: 不是日期（应写作 2024-12-20 或 2024年12月20日）"
    assert capsys.readouterr().err.strip() == expected
