"""Idiom near misses: the matcher on a small list, the bundled list, and the tool that derives it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.rules.idioms import IdiomMatcher, bundled_idioms, is_rare_variant, read_idioms
from editor.core.rules.similar_chars import confusable, shape_groups

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import build_idioms  # noqa: E402

IDIOMS = {"迫不及待": 300, "再接再厉": 115, "一筹莫展": 117, "不胫而走": 52, "一如既往": 200}
WORDS = {"迫不急待": 3, "一如继往": 0, "一如即往": 150}


@pytest.fixture(scope="module")
def matcher():
    return IdiomMatcher(IDIOMS, word_frequency=lambda word: WORDS.get(word, 0))


@pytest.mark.parametrize(
    ("text", "run", "idiom", "position"),
    [
        ("人们迫不急待地走进新馆。", "迫不急待", "迫不及待", 2),
        ("希望再接再励，再创佳绩。", "再接再励", "再接再厉", 3),
        ("面对难题一愁莫展。", "一愁莫展", "一筹莫展", 1),
        ("喜讯不径而走。", "不径而走", "不胫而走", 1),
    ],
)
def test_one_confusable_character_off_is_a_slip(matcher, text, run, idiom, position):
    (slip,) = matcher.find(text)
    assert text[slip.start : slip.end] == run
    assert (slip.idiom, slip.position) == (idiom, position)
    assert text[slip.index] == run[position]


def test_correct_idioms_unrelated_characters_and_common_words_stay_quiet(matcher):
    assert matcher.find("人们迫不及待地走进新馆，希望再接再厉。") == []
    assert matcher.find("面对难题一等莫展。") == []  # 等 neither sounds nor looks like 筹
    assert matcher.find("他们一如即往。") == []  # a frequent word of its own in this toy dictionary
    assert matcher.find("abc迫不急") == []


def test_rare_idioms_are_right_forms_but_not_targets():
    matcher = IdiomMatcher({"提前完成": 3, "迫不及待": 300}, word_frequency=lambda word: 0)
    assert matcher.find("项目将于年底前完成。") == []
    assert matcher.find("提前完成") == []
    assert [slip.idiom for slip in matcher.find("迫不急待")] == ["迫不及待"]


def test_a_rare_dictionary_misspelling_is_still_a_slip():
    assert is_rare_variant("迫不急待", 3, "迫不及待", 303)
    assert not is_rare_variant("迫不急待", 3, "迫不及待", 6)
    assert not is_rare_variant("一等莫展", 3, "一筹莫展", 117)
    assert not is_rare_variant("造型设计", 50, "造形设计", 400)


def test_confusable_by_sound_and_by_shape():
    assert confusable("急", "及")
    assert confusable("长", "常")  # 长 reads chang as well as zhang
    assert not confusable("等", "筹")
    assert shape_groups(), "pycorrector's same_stroke.txt should be found without importing pycorrector"


def test_reading_similar_shapes_imports_no_torch():
    # In a child process: other tests in this session (the optional neural engine) may import torch.
    code = (
        "import sys\nfrom editor.core.rules.similar_chars import shape_groups\n"
        "shape_groups()\nprint('torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_bundled_list_is_jiebas_idioms_without_its_misspellings():
    idioms = bundled_idioms()
    assert len(idioms) > 20000
    assert {"迫不及待", "再接再厉", "一筹莫展", "不胫而走", "墨守成规"} <= idioms.keys()
    assert not {"迫不急待", "再接再励"} & idioms.keys()
    assert all(len(idiom) == 4 for idiom in idioms)


def test_the_tool_drops_rare_confusable_variants_and_reads_the_supplement(tmp_path):
    kept = build_idioms.drop_rare_variants({"迫不及待": 303, "迫不急待": 3, "一举两得": 60, "一举三得": 5})
    assert kept == {"迫不及待": 303, "一举两得": 60, "一举三得": 5}
    supplement = tmp_path / "supplement.txt"
    supplement.write_text("# 注释\n墨守成规 甘拜下风\n太长的不算\n- 不能自己\n", encoding="utf-8")
    added, removed = build_idioms.read_supplement(supplement, {"甘拜下风": 62})
    assert added == {"墨守成规": build_idioms.SUPPLEMENT_FREQUENCY, "甘拜下风": 62}
    assert removed == {"不能自己"}


def test_the_tool_writes_a_list_the_checker_reads(tmp_path):
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("迫不及待 303 i\n迫不急待 3 i\n墨守成规 28 nr\n发展 100 v\n不能自己 68 i\n", encoding="utf-8")
    supplement = tmp_path / "supplement.txt"
    supplement.write_text("墨守成规\n- 不能自己\n", encoding="utf-8")
    output = tmp_path / "idioms.tsv"
    build_idioms.main(["--dict", str(dictionary), "--supplement", str(supplement), "--output", str(output)])
    assert read_idioms(output) == {"迫不及待": 303, "墨守成规": 28}
