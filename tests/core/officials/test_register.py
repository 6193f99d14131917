"""The register is read from CSV or a workbook, and every problem of it is a Chinese message naming its line."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.officials.register import (
    Official,
    RegisterError,
    current_register,
    parse_rows,
    read_register,
    register_path,
    set_register_folder,
    write_register,
)


def rows(text: str) -> list[list[str]]:
    return [line.split(",") for line in text.strip().splitlines()]


def test_a_sound_register_is_read_with_its_terms(register):
    read = read_register(register)
    assert read.problems == ()
    (row,) = read.by_name["恽淇丞"]
    assert (row.parts, row.start, row.end) == (("区委副书记", "区长"), dt.date(2021, 6, 1), None)
    assert (row.rank, row.line) == (2, 2)
    assert [official.holds_on(dt.date(2024, 1, 1)) for official in read.by_name["李华"]] == [False, True]
    assert "区委副书记" in read.posts and "区长" in read.posts


def test_an_unknown_column_is_named():
    read = parse_rows(rows("name,post,rnak\n张三,区长,1"), "officials.csv")
    assert read.problems == ("officials.csv 第 1 行：未知的列“rnak”（可用的列：name、post、from、to、rank、status）",)
    assert [official.name for official in read.officials] == ["张三"]


def test_a_missing_column_stops_the_reading():
    read = parse_rows(rows("name,from\n张三,2020-01-01"))
    assert read.officials == () and "缺少列 post" in read.problems[0]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("张三,区长,2020/13/01,,,", "第 2 行：from 列的“2020/13/01”不是日期（应写作 2024-06-01）"),
        ("张三,区长,2020-01-01,2019-01-01,,", "第 2 行：任职结束 2019-01-01 早于开始 2020-01-01"),
        ("张三,区长,,,一,", "第 2 行：rank 列的“一”不是整数"),
        ("张三,区长,,,,撤职", "第 2 行：status 列的“撤职”不可用"),
        (",区长,,,,", "第 2 行：name 列是空的"),
    ],
)
def test_a_bad_row_is_named_and_left_out(row, problem):
    read = parse_rows(rows(f"name,post,from,to,rank,status\n{row}\n李四,副区长,,,,"))
    assert len(read.problems) == 1 and problem in read.problems[0]
    assert [official.name for official in read.officials] == ["李四"]


def test_two_holders_of_one_post_at_one_time_conflict_but_deputies_do_not():
    read = parse_rows(
        rows(
            "name,post,from,to\n张三,区长,2020-01-01,\n李四,区委副书记、区长,2023-05-01,\n"
            "王五,副区长,2020-01-01,\n赵六,副区长,2021-01-01,\n钱七,区长,2010-01-01,2019-12-31"
        )
    )
    assert read.problems == ("登记表 第 2 行与第 3 行：“区长”的任期重叠（张三 2020-01-01—至今，李四 2023-05-01—至今）",)


def test_the_same_person_twice_in_one_post_conflicts():
    read = parse_rows(rows("name,post,from,to\n王五,副区长,2020-01-01,\n王五,副区长,2022-01-01,2023-01-01"))
    assert len(read.problems) == 1 and "“副区长”的任期重叠" in read.problems[0]


def test_an_unreadable_file_is_one_message(tmp_path):
    gbk = tmp_path / "officials.csv"
    gbk.write_bytes("name,post\n张三,区长\n".encode("gbk"))
    with pytest.raises(RegisterError, match="不是 UTF-8 编码的 CSV"):
        read_register(gbk)
    broken = tmp_path / "officials.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(RegisterError, match="不是可读的 Excel 工作簿"):
        read_register(broken)
    with pytest.raises(RegisterError, match="无法读取"):
        read_register(tmp_path / "missing.csv")


def test_a_workbook_and_a_csv_written_read_back_the_same(tmp_path, register):
    officials = read_register(register).officials
    for name in ("copy.csv", "copy.xlsx"):
        write_register(tmp_path / name, officials)
        assert read_register(tmp_path / name).officials == officials


def test_a_workbook_with_real_dates_and_numbers_is_read(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["name", "post", "from", "to", "rank", "status"])
    workbook.active.append(["张三", "区长", dt.datetime(2020, 1, 1), None, 1, None])
    workbook.save(tmp_path / "officials.xlsx")
    read = read_register(tmp_path / "officials.xlsx")
    assert read.officials == (Official("张三", "区长", dt.date(2020, 1, 1), None, 1, "", 2),)


def test_a_shared_folder_holds_the_register_the_checks_read(tmp_path, register):
    assert register_path() == register and "恽淇丞" in current_register().names
    shared = tmp_path / "share"
    shared.mkdir()
    (shared / "officials.csv").write_text("name,post\n周八,区长\n", encoding="utf-8")
    set_register_folder(shared)
    assert register_path() == shared / "officials.csv"
    assert current_register().names == {"周八"}
    set_register_folder(None)
    assert register_path() == register


def test_the_register_is_read_again_when_it_changes(register):
    assert "周八" not in current_register().names
    added = register.read_text(encoding="utf-8") + "周八,区人大常委会主任,2020-01-01,,,\n"
    register.write_text(added, encoding="utf-8")
    assert "周八" in current_register().names
