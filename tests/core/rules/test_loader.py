"""The one rule-file loader: lists or ``rules:`` mappings, ids, user entries merged by id, for every rule file."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.document import Document
from editor.core.engine import Engine, load_checks
from editor.core.issue import Category, Issue, Severity
from editor.core.rules.loader import RuleFileError, merge_user_rules, read_rule_file


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


def parse(entry):
    """A stand-in rule engine: an entry needs a text ``v``."""
    if not isinstance(entry.get("v"), str):
        raise ValueError("缺少 v")
    return entry["id"], entry["v"]


def test_user_entries_replace_add_and_switch_off_by_id(tmp_path):
    bundled = {"a": ("a", "1"), "b": ("b", "1"), "c": ("c", "1")}
    user = write(tmp_path / "rules.yaml", "- {id: b, v: '2'}\n- {id: c, enabled: false}\n- {id: d, v: '2'}\n")
    assert merge_user_rules(bundled, user, parse) == (("a", "1"), ("b", "2"), ("d", "2"))


def test_a_broken_user_file_or_entry_is_reported_and_the_bundled_rules_stay(tmp_path, caplog):
    bundled = {"a": ("a", "1"), "b": ("b", "1")}
    broken = write(tmp_path / "broken.yaml", "- id: [\n")
    assert merge_user_rules(bundled, broken, parse) == (("a", "1"), ("b", "1"))
    assert "忽略用户规则文件" in caplog.text and str(broken) in caplog.text
    caplog.clear()
    entry = write(tmp_path / "entry.yaml", "- {id: b, v: 2}\n- {id: e}\n")
    assert merge_user_rules(bundled, entry, parse) == (("a", "1"), ("b", "1"))
    assert "沿用内置的同名规则" in caplog.text and "“b”" in caplog.text and "“e”" in caplog.text


def test_enabled_must_be_a_boolean(tmp_path):
    with pytest.raises(RuleFileError, match="enabled"):
        read_rule_file(write(tmp_path / "r.yaml", "- {id: a, enabled: 'no'}\n"))


NUMBER_RULE = "number.range_percent"
PUNCTUATION_RULE = "punctuation.halfwidth_period"


def found(text: str, categories=frozenset({Category.NUMBER, Category.PUNCTUATION})) -> dict[str, Issue]:
    return {issue.rule: issue for issue in Engine(set(categories)).check(Document.from_texts([text])).issues}


def test_a_user_numbers_file_replaces_a_rule_and_adds_one(data_dir):
    text = "增长15～30%。"
    assert found(text)[NUMBER_RULE].severity is Severity.ERROR
    (data_dir / "numbers.yaml").write_text(
        f"""- id: {NUMBER_RULE}
  name: 百分数范围（本报规定）
  category: number
  severity: info
  engine: pattern
  pattern: '(\\d+)～(\\d+)%'
  fix: {{suggestion: '{{1}}%～{{2}}%', safe: false}}
  message: 本报要求百分数范围两端都写百分号。
- id: number.house_wan
  name: 本报不写“萬”
  category: number
  severity: error
  engine: substitution
  table: {{萬: 万}}
  message: 用简化字“万”。
  examples: {{bad: [3萬人], good: [3万人]}}
""",
        encoding="utf-8",
    )
    issues = found(text + "共3萬人。")
    assert issues[NUMBER_RULE].severity is Severity.INFO and issues[NUMBER_RULE].message.startswith("本报")
    assert issues["number.house_wan"].suggestions == ("万",)
    names = {info.id: info.name for info in load_checks().catalogue()}
    assert names[NUMBER_RULE] == "百分数范围（本报规定）" and names["number.house_wan"] == "本报不写“萬”"


def test_a_user_punctuation_file_switches_a_rule_off(data_dir):
    text = "会议在北京召开."
    assert PUNCTUATION_RULE in found(text)
    (data_dir / "punctuation.yaml").write_text(f"- id: {PUNCTUATION_RULE}\n  enabled: false\n", encoding="utf-8")
    assert PUNCTUATION_RULE not in found(text)
    assert PUNCTUATION_RULE not in {info.id for info in load_checks().catalogue()}
    (data_dir / "punctuation.yaml").unlink()
    assert PUNCTUATION_RULE in found(text)


def test_a_broken_user_punctuation_rule_keeps_the_bundled_one_and_says_so(data_dir, caplog):
    (data_dir / "punctuation.yaml").write_text(
        f"- id: {PUNCTUATION_RULE}\n  name: 坏规则\n  category: punctuation\n  severity: error\n"
        "  engine: pattern\n  pattern: '(unclosed'\n  message: 坏。\n",
        encoding="utf-8",
    )
    assert found("会议在北京召开.")[PUNCTUATION_RULE].message.startswith("中文句末用句号")
    assert "punctuation.yaml" in caplog.text and PUNCTUATION_RULE in caplog.text and "正则" in caplog.text


def test_the_readme_example_of_a_user_numbers_file_works(data_dir):
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n# numbers.yaml（用户数据目录）\n", 1)[1].split("```", 1)[0]
    text = "1～11月全区工业用电量稳步增长，共3萬人参加。"
    assert "number.time_range_tilde" in found(text) and "number.house_wan" not in found(text)
    (data_dir / "numbers.yaml").write_text(example, encoding="utf-8")
    issues = found(text)
    assert "number.time_range_tilde" not in issues and issues["number.house_wan"].text == "萬"
