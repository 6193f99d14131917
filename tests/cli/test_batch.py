"""Batch runs: several files and folders for check, fix and report; failures skipped and reported; exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import _names_a_draft, main
from editor.core.batch import Job, Options, collect, target_of

ROOT = Path(__file__).resolve().parents[2]
CLEAN = "今年以来，我区新建口袋公园三处。\n"
SLIP = "双方签定了合作协议。\n"


@pytest.fixture
def day(tmp_path):
    """A day's folder: two drafts at the top, one in a subfolder, and what a folder search leaves out."""
    folder = tmp_path / "day"
    (folder / "pages").mkdir(parents=True)
    (folder / "a.txt").write_text(SLIP, encoding="utf-8")
    (folder / "b.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "pages" / "c.txt").write_text(SLIP, encoding="gb18030")
    (folder / "notes.md").write_text(SLIP, encoding="utf-8")
    (folder / "~$a.docx").write_bytes(b"lock")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "d.txt").write_text(SLIP, encoding="utf-8")
    return folder


def _check_json(*args, capsys):
    status = main(["check", "--json", "-j", "1", *args])
    return status, json.loads(capsys.readouterr().out)


def test_a_folder_is_searched_recursively_for_drafts_only(day):
    jobs, failed = collect([str(day)])
    assert [job.relative.as_posix() for job in jobs] == ["a.txt", "b.txt", "pages/c.txt"] and not failed


def test_check_json_of_several_inputs_lists_files_and_failures(day, tmp_path, capsys):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    status, report = _check_json(str(day), str(broken), str(tmp_path / "missing.txt"), capsys=capsys)
    assert status == 2
    assert [Path(entry["file"]).name for entry in report["files"]] == ["a.txt", "b.txt", "c.txt"]
    assert all(set(entry) == {"file", "characters", "paragraphs", "issues"} for entry in report["files"])
    assert [len(entry["issues"]) for entry in report["files"]] == [1, 0, 1]
    assert [Path(entry["file"]).name for entry in report["failed"]] == ["broken.docx", "missing.txt"]
    assert "DOCX 文件已损坏" in report["failed"][0]["error"] and "文件不存在" in report["failed"][1]["error"]


def test_one_input_keeps_the_single_file_object(day, capsys):
    status, report = _check_json(str(day / "a.txt"), capsys=capsys)
    assert status == 1 and set(report) == {"file", "characters", "paragraphs", "issues"}


@pytest.mark.parametrize(("names", "status"), [(["b.txt"], 0), (["a.txt", "b.txt"], 1)])
def test_exit_status_is_1_with_findings_else_0(day, names, status, capsys):
    assert main(["check", "-j", "1", *(str(day / name) for name in names)]) == status
    err = capsys.readouterr().err
    assert f"共 {len(names)} 个文件" in err if len(names) > 1 else "共" not in err


def test_fix_mirrors_the_tree_into_the_output_folder(day, tmp_path):
    out = tmp_path / "out"
    assert main(["fix", str(day), "-o", str(out), "-j", "1"]) == 0
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())
    assert written == ["a.txt", "b.txt", "pages/c.txt"]
    assert (out / "a.txt").read_text(encoding="utf-8") == "双方签订了合作协议。\n"
    assert (out / "pages" / "c.txt").read_text(encoding="gb18030") == "双方签订了合作协议。\n"  # its own encoding
    assert (day / "a.txt").read_text(encoding="utf-8") == SLIP


def test_fix_review_of_several_drafts_writes_docx_beside_each_other(day, tmp_path):
    out = tmp_path / "review"
    assert main(["fix", str(day / "a.txt"), str(day / "pages"), "-o", str(out), "--review", "-j", "1"]) == 0
    assert sorted(path.name for path in out.rglob("*.docx")) == ["a.docx", "c.docx"]


def test_fix_never_overwrites_a_draft(day, capsys):
    before = {path: path.read_bytes() for path in day.rglob("*.txt")}
    assert main(["fix", str(day), "-o", str(day), "-j", "1"]) == 2
    assert capsys.readouterr().err.count("不会覆盖原稿") == 3
    assert {path: path.read_bytes() for path in day.rglob("*.txt")} == before


def test_an_output_folder_inside_the_input_folder_is_not_fixed_again(day):
    for _ in range(2):
        assert main(["fix", str(day), "-o", str(day / "fixed"), "-j", "1"]) == 0
    assert sorted(p.relative_to(day / "fixed").as_posix() for p in (day / "fixed").rglob("*.txt")) == [
        "a.txt",
        "b.txt",
        "pages/c.txt",
    ]


def test_two_drafts_with_one_output_name_are_not_both_written(tmp_path, capsys):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(SLIP, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["fix", str(tmp_path / "x" / "page.txt"), str(tmp_path / "y" / "page.txt"), "-o", str(out)]) == 2
    assert "同名" in capsys.readouterr().err and (out / "page.txt").exists()


def test_the_output_place_of_each_job():
    several = Options(fix=True, output=Path("out"), several=True)
    job = Job(Path("day/pages/c.txt"), Path("pages/c.txt"))
    assert target_of(job, several) == Path("out/pages/c.txt")
    assert target_of(job, Options(fix=True, output=Path("out"), several=True, review=True)) == Path("out/pages/c.docx")
    assert target_of(job, Options(fix=True, output=Path("one.docx"))) == Path("one.docx")
    assert target_of(job, Options(fix=True, in_place=True)) == job.path


def test_worker_processes_find_what_one_process_finds(day, capsys):
    _, alone = _check_json(str(day), capsys=capsys)
    assert main(["check", "--json", "-j", "2", str(day)]) == 1
    assert json.loads(capsys.readouterr().out) == alone


def test_report_of_a_folder_counts_the_batch_as_one_issue(day, tmp_path):
    out = tmp_path / "day.json"
    assert main(["report", str(day), "-o", str(out), "-j", "1"]) == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["files"]) == 3 and report["total"]["points"] == sum(entry["points"] for entry in report["files"])
    assert report["total"]["characters"] == sum(entry["characters"] for entry in report["files"])


def _cli(*args, stderr=subprocess.PIPE):
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], stdout=subprocess.PIPE, stderr=stderr, cwd=ROOT, timeout=120
    )


def test_a_progress_line_only_on_a_terminal(day, tmp_path):
    piped = _cli("check", str(day), "-j", "1")
    assert "个文件  " not in piped.stderr.decode("utf-8") and "共 3 个文件" in piped.stderr.decode("utf-8")
    leader, follower = os.openpty()
    try:
        _cli("check", str(day), "-j", "1", stderr=follower)
        os.close(follower)
        shown = b""
        while chunk := _read(leader):
            shown += chunk
    finally:
        os.close(leader)
    assert "3/3 个文件" in shown.decode("utf-8") and "字/秒" in shown.decode("utf-8")


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end is closed
        return b""


def test_a_typo_of_a_command_lists_the_commands_instead_of_opening_the_editor():
    result = _cli("repot", "x.txt")
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "check、fix、report" in err and "report" in err.split("是不是要用")[1]


def test_a_path_still_opens_the_editor(tmp_path):
    existing = tmp_path / "稿件"
    existing.write_text(SLIP, encoding="utf-8")
    assert _names_a_draft(str(existing)) and _names_a_draft("新稿.docx")
    assert not _names_a_draft("repot") and not _names_a_draft("chek")
