"""The register's table: rows shown as stored, problems as the core words them, import, export, saving, the date."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from editor.core.officials.register import read_register, read_table, register_path
from editor.core.userdata import user_data_dir
from editor.gui.officials_dialog import OfficialsDialog

REGISTER = "name,post,from,to,rank,status\n恽淇丞,区委副书记、区长,2021-06-01,,2,\n王明,区教育局局长,2020-03-01,,,\n"


@pytest.fixture
def dialog(qtbot):
    (user_data_dir() / "officials.csv").write_text(REGISTER, encoding="utf-8")
    shown = OfficialsDialog(dt.date(2024, 12, 20))
    qtbot.addWidget(shown)
    return shown


def test_the_table_shows_the_register_and_no_problems(dialog):
    assert dialog.rows()[1:] == [
        ["恽淇丞", "区委副书记、区长", "2021-06-01", "", "2", ""],
        ["王明", "区教育局局长", "2020-03-01", "", "", ""],
    ]
    assert dialog.register_problems() == ()
    assert dialog.date.text() == "2024-12-20"


def test_an_edit_that_breaks_a_date_is_named_at_once(dialog):
    dialog.table.item(1, 2).setText("2020年3月")
    assert "from 列的“2020年3月”不是日期" in dialog.problems.toPlainText()
    dialog.table.item(1, 2).setText("2020-03-01")
    assert dialog.register_problems() == ()


def test_rows_added_and_saved_are_what_the_checks_read(dialog):
    dialog.add_row()
    for column, text in enumerate(["张小虎", "副区长", "2021-06-01", "", "4", ""]):
        dialog.table.item(2, column).setText(text)
    dialog.accept()
    assert sorted(read_register(register_path()).names) == sorted({"恽淇丞", "王明", "张小虎"})


def test_a_row_removed_is_gone_after_saving(dialog):
    dialog.table.selectRow(1)
    dialog.remove_row()
    dialog.accept()
    assert read_register(register_path()).names == {"恽淇丞"}


def test_import_from_a_workbook_and_export_to_one(dialog, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["name", "post", "from", "to", "rank", "status"])
    workbook.active.append(["孙益锋", "区委书记", dt.datetime(2022, 1, 1), None, 1, None])
    workbook.save(tmp_path / "import.xlsx")
    dialog.import_file(str(tmp_path / "import.xlsx"))
    assert dialog.rows()[1:] == [["孙益锋", "区委书记", "2022-01-01", "", "1", ""]]
    assert dialog.export_file(str(tmp_path / "export.xlsx"))
    assert read_table(tmp_path / "export.xlsx") == dialog.rows()


def test_a_shared_folder_shows_its_register_by_column_names(dialog, tmp_path):
    (tmp_path / "officials.csv").write_text("post,note,name\n区长,x,周八\n", encoding="utf-8")
    dialog.choose_folder(str(tmp_path))
    assert register_path() == tmp_path / "officials.csv"
    assert [row[:2] for row in dialog.rows()[1:]] == [["周八", "区长"]]
    assert "未知的列“note”" in dialog.problems.toPlainText()


def test_a_date_that_is_no_date_keeps_the_dialog_open(dialog):
    dialog.date.setText("2024-02-30")
    dialog.accept()
    assert dialog.result() != OfficialsDialog.DialogCode.Accepted
    assert dialog.date_problem.text().startswith("Not a date")
    dialog.date.setText("2024年12月21日")
    assert dialog.article_date() == dt.date(2024, 12, 21)
    dialog.date.setText("")
    assert dialog.article_date() is None
