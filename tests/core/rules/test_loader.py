"""The generic rule-file loader: lists or ``rules:`` mappings, ids, user entries merged by id."""

from __future__ import annotations

import pytest

from editor.core.rules.loader import RuleFileError, load_rules, merge_entries, read_rule_file


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plain_list_and_a_rules_mapping_read_the_same(tmp_path):
    listed = write(tmp_path / "a.yaml", "- id: one\n  wrong: 签定\n")
    mapped = write(tmp_path / "b.yaml", "rules:\n  - id: one\n    wrong: 签定\n")
    assert read_rule_file(listed) == read_rule_file(mapped) == [{"id": "one", "wrong": "签定"}]
    assert read_rule_file(write(tmp_path / "c.yaml", "# 只有注释\n")) == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("rules: [\n  - id: x\n", "格式错误（第"),
        ("- wrong: 签定\n", "缺少 id"),
        ("- id: same\n- id: same\n", "重复"),
        ("just text\n", "条目列表"),
    ],
)
def test_malformed_files_are_refused_with_a_chinese_reason(tmp_path, text, reason):
    path = write(tmp_path / "bad.yaml", text)
    with pytest.raises(RuleFileError, match=reason) as caught:
        read_rule_file(path)
    assert str(path) in str(caught.value)


def test_non_utf8_and_missing_files_are_refused(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("- id: 签定\n".encode("gbk"))
    with pytest.raises(RuleFileError, match="UTF-8"):
        read_rule_file(path)
    with pytest.raises(RuleFileError, match="无法读取"):
        read_rule_file(tmp_path / "missing.yaml")


def test_user_entries_replace_add_and_disable_by_id():
    bundled = [{"id": "a", "v": 1}, {"id": "b", "v": 1}, {"id": "c", "v": 1}]
    user = [{"id": "b", "v": 2}, {"id": "c", "disabled": True}, {"id": "d", "v": 2}]
    assert merge_entries(bundled, user) == [{"id": "a", "v": 1}, {"id": "b", "v": 2}, {"id": "d", "v": 2}]


def test_a_broken_user_file_is_left_out(tmp_path, caplog):
    bundled = write(tmp_path / "bundled.yaml", "- id: a\n")
    user = write(tmp_path / "user.yaml", "- id: [\n")
    assert load_rules(bundled, user) == [{"id": "a"}]
    assert "忽略用户规则" in caplog.text
    assert load_rules(bundled, tmp_path / "absent.yaml") == [{"id": "a"}]
