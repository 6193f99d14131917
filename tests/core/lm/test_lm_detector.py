"""The language-model detector on bulletin sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from editor.core.lm.detector import NullDetector, best_per_position, decode, load_detector
from editor.core.lm.reranker import Reranker
from editor.core.lm.scoring import FEATURES, Candidate, Context, in_context, sentences_of
from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.typo_engine import typo_detector
from editor.core.names import detector_guard

LEVELS = (("严格", 0.9), ("标准", 0.6), ("宽松", 0.3))
CLEAN = [
    "区政府召开常务会议，研究部署下一阶段安全生产工作。",
    "今年以来，全区经济运行总体平稳，主要指标好于预期。",
    "全区上下要坚持稳中求进工作总基调，推动高质量发展取得新成效。",
    "市委书记在调研时强调，要抓好秋粮收购工作，保障农民利益。",
    "区委副书记、区长恽淇丞出席会议并讲话。",
]
TYPOS = [
    ("会议要求，各部门要切实履形职责，确保各项措施落到实处。", "形", "行"),
    ("会议强调，要不断提升群众的获得感和幸福敢。", "敢", "感"),
    ("要进一步完善农村饮水安全保障机治。", "治", "制"),
    ("这次活动吸引了众多市民参与，现场气份热烈。", "份", "氛"),
]


@pytest.fixture(scope="module")
def detector():
    found = typo_detector()
    assert found.available, found.reason  # the bundled model is part of the product: missing, this fails
    return found


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_bulletin_copy_is_left_alone(detector, sentence):
    assert detector.find(sentence) == []


@pytest.mark.parametrize(("sentence", "wrong", "right"), TYPOS)
def test_a_typo_is_found_with_its_correction(detector, sentence, wrong, right):
    findings = detector.find(sentence)
    assert [(f.text, f.suggestion) for f in findings] == [(wrong, right)]
    assert sentence[findings[0].start : findings[0].end] == wrong


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [("各部门要沿革落实中央八项规定精神。", "沿革", "严格"), ("对返乡床也的青年给予政策扶持。", "床也", "创业")],
)
def test_a_word_typed_as_its_homophone_is_one_finding(detector, sentence, wrong, right):
    [finding] = detector.find(sentence)
    assert (finding.text, finding.suggestion) == (wrong, right)
    assert sentence[finding.start : finding.end] == wrong


def test_offsets_are_paragraph_offsets_across_sentences_and_spaces(detector):
    paragraph = "今年以来，全区经济运行总体平稳。 会议要求，各部门要切实履形职责。"
    [finding] = detector.find(paragraph)
    assert paragraph[finding.start] == "形" and finding.suggestion == "行"


def test_a_protected_span_is_never_flagged(detector):
    sentence, wrong, _ = TYPOS[0]
    position = sentence.index(wrong)
    assert detector.find(sentence, protected=[(position - 1, position + 1)]) == []


def test_sentences_keep_offsets_and_drop_white_space():
    [first, second] = list(sentences_of("会议 强调。要Ｘ１。"))
    assert first.tokens == "会议强调。" and first.offsets == (0, 1, 3, 4, 5)
    assert second.tokens == "要X1。" and second.offsets == (6, 7, 8, 9)


def test_corrections_are_taken_one_at_a_time_and_the_sentence_scored_again():
    # before any correction, position 1 echoes the typo at 2; once 2 is corrected only 6 remains
    scores = {
        "甲乙丙丁戊己庚": {1: (0.95, "子"), 2: (0.99, "丑"), 6: (0.5, "寅")},
        "甲乙丑丁戊己庚": {1: (0.4, "子"), 6: (0.93, "寅")},
        "甲乙丑丁戊己寅": {1: (0.4, "子")},
    }
    assert decode("甲乙丙丁戊己庚", scores.__getitem__, threshold=0.9) == {2: (0.99, "丑"), 6: (0.93, "寅")}
    assert decode("甲乙丙丁戊己庚", scores.__getitem__, threshold=0.995) == {}


def test_a_word_correction_covers_both_its_characters():
    # once 乙丙 is corrected to 子丑, a candidate inside it (丙 at 2) is no longer considered
    scores = {
        "甲乙丙丁戊": {1: (0.99, "子丑"), 4: (0.5, "寅")},
        "甲子丑丁戊": {2: (0.98, "卯"), 4: (0.95, "寅")},
        "甲子丑丁寅": {2: (0.98, "卯")},
    }
    assert decode("甲乙丙丁戊", scores.__getitem__, threshold=0.9) == {1: (0.99, "子丑"), 4: (0.95, "寅")}


def test_each_position_keeps_its_most_likely_candidate():
    rest = (0.0,) * (len(FEATURES) - 1)
    reranker = Reranker(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), (1.0, *rest), 0.0, LEVELS)
    rows = [Candidate(2, "甲", (1.0, *rest)), Candidate(2, "乙", (3.0, *rest))]
    assert best_per_position(rows, reranker)[2][1] == "乙"


def test_a_reranker_for_other_features_is_refused(tmp_path):
    path = tmp_path / "reranker.json"
    Reranker(("gain",), (0.0,), (1.0,), (1.0,), 0.0, LEVELS).save(path)
    with pytest.raises(ValueError, match="特征"):
        Reranker.load(path)


def test_a_reranker_without_a_threshold_for_every_sensitivity_is_refused(tmp_path):
    path = tmp_path / "reranker.json"
    Reranker(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), (1.0,) * len(FEATURES), 0.0, LEVELS).save(path)
    assert Reranker.load(path).threshold(Sensitivity.LENIENT) == 0.3
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["thresholds"]["宽松"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="灵敏度"):
        Reranker.load(path)


def test_the_bundled_thresholds_find_more_the_less_strict_the_level(detector):
    thresholds = [detector.reranker.threshold(level) for level in Sensitivity]
    assert thresholds == sorted(thresholds, reverse=True) and len(set(thresholds)) == 3
    assert detector.at(Sensitivity.LENIENT).threshold == thresholds[-1]
    assert detector.at(Sensitivity.STANDARD) is detector  # the standard detector is the one loaded


def test_a_missing_model_is_an_error_the_caller_can_report(tmp_path):
    with pytest.raises(FileNotFoundError, match="找不到语言模型"):
        load_detector(tmp_path)


def test_the_null_detector_finds_nothing_and_says_why():
    null = NullDetector("错别字检查不可用：测试")
    assert not null.available and null.find(TYPOS[0][0]) == [] and "不可用" in null.reason


def _features(detector, tokens: str, context, position: int) -> list[dict[str, float]]:
    return [
        dict(zip(FEATURES, candidate.features, strict=True))
        for candidate in detector.scorer.candidates(tokens, context)
        if candidate.position == position and len(candidate.replacement) == 1
    ]


def test_a_word_the_paragraph_writes_again_is_a_feature_of_its_candidates(detector):
    sentence = "做实民事、行政检察。"
    at = sentence.index("察")
    alone = _features(detector, sentence, Context(), at)
    assert alone and all(row["original_elsewhere"] == 0.0 for row in alone)
    again = _features(detector, sentence, Context(paragraph="做优刑事检察，" + sentence), at)
    assert again and all(row["original_elsewhere"] == 1.0 for row in again)
    elsewhere = _features(detector, sentence, Context(paragraph="开展执法检查。" + sentence), at)
    assert any(row["candidate_elsewhere"] == 1.0 for row in elsewhere)  # 检查 stands in the paragraph
    assert all(row["candidate_elsewhere"] == 0.0 for row in alone)


def test_what_only_the_tagger_calls_a_name_is_weighed_and_a_name_on_evidence_skipped(detector):
    sentence, wrong, _ = TYPOS[0]
    at = sentence.index(wrong)
    assert all(row["tagged_name"] == 0.0 for row in _features(detector, sentence, Context(), at))
    tagged = _features(detector, sentence, Context(tagged=frozenset({at})), at)
    assert tagged and all(row["tagged_name"] == 1.0 for row in tagged)
    assert _features(detector, sentence, Context(skip=frozenset({at})), at) == []


def test_sentences_in_context_know_their_paragraph_and_their_guarded_positions():
    [(first, one), (second, two)] = in_context("会议 强调。要求张三落实。", protected=[(8, 10)], tagged=[(1, 2)])
    assert one.paragraph == two.paragraph == "会议强调。要求张三落实。"
    assert (one.skip, one.tagged) == (frozenset(), frozenset({1}))
    assert (two.skip, two.tagged) == (frozenset({2, 3}), frozenset())


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("内蒙古白治区各级部门要坚决落实。", "白", "自"),
        ("要推动诺实各项政策。", "诺", "落"),
        ("各级部门要坚决保郭嘉安全。", "郭嘉", "国家"),
        ("要大力红阳新时期工匠精神。", "红阳", "弘扬"),  # 阳新 is a county to the tagger
    ],
)
def test_a_typo_the_tagger_takes_for_a_name_is_found_through_the_guard(detector, sentence, wrong, right):
    protected, tagged = detector_guard(sentence)
    assert not protected and tagged  # jieba calls the slip a name
    [finding] = detector.find(sentence, protected, tagged)
    assert (finding.text, finding.suggestion) == (wrong, right)
