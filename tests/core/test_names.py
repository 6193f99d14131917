"""Name protection: the spans of a paragraph that typo detectors must leave alone."""

from __future__ import annotations

import pytest

from editor.core.names import (
    Evidence,
    detector_guard,
    document_names,
    find_person_names,
    find_protected_spans,
    find_tagged_spans,
    merge_spans,
    name_at,
)


def protected(text: str) -> list[str]:
    return [text[start:end] for start, end in find_protected_spans(text)]


def persons(text: str) -> dict[str, Evidence]:
    return {mention.name: mention.evidence for mention in find_person_names(text)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报讯（记者 黄雅婷）昨天下午，区党政代表团赴阜宁县考察。", ["黄雅婷"]),
        ("本报讯（陈雨康 记者 朱梦琪）工信部日前公示了绿色工厂名单。", ["陈雨康", "朱梦琪"]),
        ("本报记者 邵晓东报道：今年全区新增就业一万余人。", ["邵晓东"]),
        ("区委副书记、区长恽淇丞指出，今年以来武进牢牢把握发展首要任务。", ["恽淇丞"]),
        ("区工信局局长张文伟表示，将进一步贯彻新发展理念。", ["张文伟"]),
        ("区政协委员、科技局办公室主任季云说，感到非常自豪。", ["季云"]),
        ("区领导恽淇丞、孙益锋、张小虎参加活动。", ["恽淇丞", "孙益锋", "张小虎"]),
        ("郑政平、朱慧峰、蒋红英、徐宁、谈胜、夷建良参加活动。", "郑政平 朱慧峰 蒋红英 徐宁 谈胜 夷建良".split()),
        ("本报通讯员 冯丽娟 记者 刘畅", ["冯丽娟", "刘畅"]),
        ("新建成的文化广场一角。刘晓燕 摄", ["刘晓燕"]),
        ("市委常委、常务副市长周伟到我区调研。", ["周伟"]),
        ("村党委书记张建新带领村民发展特色种植。", ["张建新"]),
        ("欧阳明华副区长出席会议并讲话。", ["欧阳明华"]),
        ("会上，张小虎副区长指出，要抓好落实。", ["张小虎"]),
        ("会议由王建国同志主持。", ["王建国"]),
    ],
)
def test_people_are_found_with_strong_evidence(text, names):
    found = persons(text)
    for name in names:
        assert found.get(name) in {Evidence.BYLINE, Evidence.TITLE, Evidence.LIST}, (name, found)
        assert name in protected(text)


@pytest.mark.parametrize(
    "text",
    [
        "新馆包括图书馆、文化馆、多功能厅以及青少年活动中心。",
        "教育、卫生、文化等部门联合开展专项检查。",
        "记者从昨天下午召开的新闻发布会上获悉，全市就业形势总体平稳。",
        "会议由区人大常委会主任主持，部分人大代表参加会议。",
        "大会由区长主持，全体同志参加。",
    ],
)
def test_enumerations_of_things_and_reporters_verbs_are_not_people(text):
    assert not [name for name, evidence in persons(text).items() if evidence is not Evidence.TAG]


def test_company_names_are_protected_without_the_words_before_them():
    text = "我区常州腾龙汽车零部件股份有限公司获评“绿色工厂”。"
    assert "常州腾龙汽车零部件股份有限公司" in protected(text)


def test_user_words_are_protected(data_dir):
    (data_dir / "ignore.txt").write_text("常检护安\n", encoding="utf-8")
    text = "全市检察机关以实施“常检护安”行动为抓手。"
    assert "常检护安" in protected(text)


def test_two_character_names_stop_before_the_verb():
    text = "主任季云说"
    assert name_at(text, 2) == 4
    assert name_at("局长张文伟表示", 2) == 5
    assert name_at("，。", 0) == 0


def test_spans_are_sorted_and_merged():
    assert merge_spans([(5, 8), (0, 2), (1, 3), (8, 9)]) == [(0, 3), (5, 9)]
    assert find_protected_spans("") == []


def test_sample_page_people_are_protected(sample_page):
    text = sample_page.read_text(encoding="utf-8")
    people = "恽淇丞 孙益锋 张小虎 许根林 李凯虎 陈艳燕 石伟东 孙金才 郑政平 夷建良 浦红亚".split()
    spans = find_protected_spans(text)
    for name in people:
        start = text.index(name)
        assert any(a <= start and start + len(name) <= b for a, b in spans), name


def test_the_document_remembers_names_for_every_paragraph():
    paragraphs = ["区委副书记、区长恽淇丞指出，要抓好改革任务落实。", "恽淇丞强调，要持续完善协作机制。"]
    names = document_names(paragraphs)
    assert "恽淇丞" in names
    bare = paragraphs[1]
    assert "恽淇丞" in protected_with(bare, names)


def test_a_tagged_name_counts_only_when_seen_twice():
    first = "小区里的居民钱晓蕾每天早上都去公园。"
    assert [mention.evidence for mention in find_person_names(first)] == [Evidence.TAG]
    assert "钱晓蕾" not in document_names([first])
    assert "钱晓蕾" not in protected(first) and "钱晓蕾" in tagged(first)  # weighed, not obeyed
    names = document_names([first, "钱晓蕾说，公园环境越来越好。"])
    assert "钱晓蕾" in names
    assert "钱晓蕾" in protected_with(first, names) and "钱晓蕾" not in tagged(first, names)


@pytest.mark.parametrize(
    ("text", "word"),
    [("要严格执行各项规定。", "严格执行"), ("他们保家卫国，英勇无畏。", "保家卫国"), ("他向法庭陈述了事实。", "陈述")],
)
def test_what_only_the_tagger_calls_a_name_is_not_protected_but_tagged(text, word):
    assert word not in protected(text) and word in tagged(text)


def test_the_detector_guard_is_the_protected_spans_and_the_tagged_ones_outside_them():
    text = "区长恽淇丞说，要严格执行各项规定。"
    assert detector_guard(text) == (find_protected_spans(text), find_tagged_spans(text, find_protected_spans(text)))
    protected_spans, tagged_spans = detector_guard(text)
    assert [text[a:b] for a, b in protected_spans] == ["恽淇丞"] and "严格执行" in [text[a:b] for a, b in tagged_spans]
    assert not [span for span in tagged_spans if any(a < span[1] and span[0] < b for a, b in protected_spans)]


def tagged(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    return [text[start:end] for start, end in detector_guard(text, names)[1]]


def protected_with(text: str, names: frozenset[str]) -> list[str]:
    return [text[start:end] for start, end in find_protected_spans(text, names)]
