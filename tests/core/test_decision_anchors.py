"""Decisions are anchored by rule, flagged text and context, and kept per draft in the user data folder."""

from __future__ import annotations

from editor.core.decisions import Decision, Decisions, Kind, decisions_file, load_decisions, save_decisions
from editor.core.issue import Category, Issue, Severity


def _issue(text: str, paragraph_text: str, rule: str = "typo.idiom", paragraph: int = 0) -> Issue:
    start = paragraph_text.index(text)
    return Issue(rule, Category.TYPO, Severity.ERROR, paragraph, start, start + len(text), text, "", ("再接再厉",))


PARAGRAPH = "要求各部门再接再励，推动企业加快转型"


def test_an_ignored_finding_stays_ignored_after_typing_elsewhere_in_its_paragraph():
    decision = Decision.of(Kind.IGNORED, _issue("再接再励", PARAGRAPH), PARAGRAPH)
    typed = "今天上午，" + PARAGRAPH + "，不断前进"
    assert decision.hides(_issue("再接再励", typed, paragraph=3), typed)


def test_an_ignored_finding_stays_ignored_when_one_side_changes():
    decision = Decision.of(Kind.IGNORED, _issue("再接再励", PARAGRAPH), PARAGRAPH)
    changed = "要求各部门再接再励。"
    assert decision.hides(_issue("再接再励", changed), changed)


def test_ignore_once_does_not_hide_the_same_slip_elsewhere():
    decision = Decision.of(Kind.IGNORED, _issue("再接再励", PARAGRAPH), PARAGRAPH)
    other = "我们还要再接再励地干"
    assert not decision.hides(_issue("再接再励", other), other)
    assert not decision.hides(_issue("再接再励", PARAGRAPH, rule="typo.lm"), PARAGRAPH)


def test_two_cuts_after_the_same_character_are_two_findings():
    first, second = "激发新动能、新优势的", "这是推动高质量发展的"
    decision = Decision.of(Kind.IGNORED, _issue("的", first, rule="layout.split_paragraph"), first)
    assert decision.hides(_issue("的", first, rule="layout.split_paragraph", paragraph=5), first)
    assert not decision.hides(_issue("的", second, rule="layout.split_paragraph"), second)


def test_ignore_everywhere_hides_the_rule_on_that_text_anywhere_and_accepting_hides_nothing():
    everywhere = Decision.of(Kind.IGNORED_EVERYWHERE, _issue("再接再励", PARAGRAPH), PARAGRAPH)
    accepted = Decision.of(Kind.ACCEPTED, _issue("再接再励", PARAGRAPH), PARAGRAPH)
    other = "我们还要再接再励地干"
    assert everywhere.hides(_issue("再接再励", other), other)
    assert not accepted.hides(_issue("再接再励", PARAGRAPH), PARAGRAPH)
    assert accepted.replacement == "再接再厉"


def test_decisions_round_trip_through_the_user_data_folder(tmp_path, data_dir):
    draft = tmp_path / "稿件.txt"
    decisions = Decisions()
    decisions.record(Decision.of(Kind.IGNORED, _issue("再接再励", PARAGRAPH), PARAGRAPH))
    decisions.record(Decision.of(Kind.IGNORED_EVERYWHERE, _issue("签定", "签定合同", "typo.confusion"), "签定合同"))
    decisions.record(Decision.of(Kind.ACCEPTED, _issue("再接再励", PARAGRAPH), PARAGRAPH))
    save_decisions(draft, decisions)
    assert decisions_file(draft).is_relative_to(data_dir)
    assert load_decisions(draft).entries == decisions.entries
    assert load_decisions(tmp_path / "other.txt").entries == []
    save_decisions(draft, Decisions())
    assert not decisions_file(draft).exists()


def test_a_damaged_decisions_file_gives_no_decisions(tmp_path, data_dir, caplog):
    draft = tmp_path / "稿件.txt"
    decisions_file(draft).parent.mkdir(parents=True, exist_ok=True)
    decisions_file(draft).write_text("{not json", encoding="utf-8")
    assert load_decisions(draft).entries == []
    assert "校对决定" in caplog.text


def test_ignoring_one_cut_at_a_paragraph_end_does_not_hide_another():
    first, second = "激发新动能、新优势的", "就好像自己的"
    decision = Decision.of(Kind.IGNORED, _issue("的", first, rule="layout.split_paragraph"), first)
    assert decision.hides(_issue("的", first, rule="layout.split_paragraph"), first)
    assert not decision.hides(_issue("的", second, rule="layout.split_paragraph"), second)
