"""`proofdesk learn` proposes register rows and leader order from an archive, and --accept adds what the desk kept."""

from __future__ import annotations

import csv

from officials_cases import write_archive

from editor.cli import main
from editor.core.officials.register import read_register
from editor.core.userdata import user_data_dir


def proposals(path):
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_learn_proposes_people_posts_dates_counts_and_order(tmp_path, capsys):
    archive = write_archive(tmp_path / "archive")
    output = tmp_path / "proposals.csv"
    assert main(["learn", str(archive), "-o", str(output)]) == 0
    rows = {row["name"]: row for row in proposals(output)}
    assert [(name, row["post"], row["rank"]) for name, row in rows.items()] == [
        ("孙益锋", "区委书记", "1"),
        ("恽淇丞", "区委副书记、区长", "2"),
        ("张小虎", "副区长", "3"),
        ("王明", "区教育局局长", ""),
    ]
    mayor = rows["恽淇丞"]
    assert (mayor["from"], mayor["last_seen"], mayor["count"], mayor["to"]) == ("2024-03-05", "2024-11-02", "3", "")
    assert "3 篇稿件，4 人" in capsys.readouterr().err


def test_a_past_post_proposes_nothing(tmp_path):
    archive = write_archive(tmp_path / "archive")
    main(["learn", str(archive), "-o", str(tmp_path / "p.csv")])
    assert "李华" not in {row["name"] for row in proposals(tmp_path / "p.csv")}  # 时任区长李华


def test_accepted_rows_join_the_register_once(tmp_path, capsys):
    archive = write_archive(tmp_path / "archive")
    output = tmp_path / "proposals.csv"
    main(["learn", str(archive), "-o", str(output)])
    kept = [row for row in proposals(output) if row["name"] != "王明"]  # the desk deletes a row it doubts
    with open(output, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(kept[0]))
        writer.writeheader()
        writer.writerows(kept)
    assert main(["learn", "--accept", str(output)]) == 0
    register = read_register(user_data_dir() / "officials.csv")
    assert sorted(register.names) == sorted({"孙益锋", "恽淇丞", "张小虎"}) and register.problems == ()
    assert main(["learn", "--accept", str(output)]) == 0
    assert len(read_register(user_data_dir() / "officials.csv").officials) == 3
    assert "新增 0 行，已有 3 行" in capsys.readouterr().err


def test_a_proposal_file_with_a_bad_date_is_refused_and_nothing_written(tmp_path, capsys):
    bad = tmp_path / "proposals.csv"
    bad.write_text("name,post,from,to,rank,status,count,last_seen\n张三,区长,2024/3/5,,,,1,\n", encoding="utf-8")
    assert main(["learn", "--accept", str(bad)]) == 2
    assert "from 列的“2024/3/5”不是日期" in capsys.readouterr().err
    assert not (user_data_dir() / "officials.csv").exists()


def test_learn_without_an_archive_says_what_to_give(capsys):
    assert main(["learn"]) == 2
    assert "请给出已发表稿件的文件夹" in capsys.readouterr().err
