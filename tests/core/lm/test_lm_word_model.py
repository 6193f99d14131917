"""The word 2-gram model: its build script, and the gain that tells a whole-word slip from the word meant."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import build_word_lm  # noqa: E402

from editor.core.lm.model import load_language_model  # noqa: E402
from editor.core.lm.word_model import WORD_MODEL_FILE, WordScorer, words  # noqa: E402
from editor.core.resources import resource_path  # noqa: E402

SENTENCES = """\
会议强调，要进一步完善农村饮水安全保障机制。
区政府召开常务会议，研究进一步完善制度建设。
各部门要进一步完善工作机制，确保措施落到实处。
"""


@pytest.fixture(scope="module")
def bundled() -> WordScorer:
    return WordScorer(load_language_model(resource_path("lm", WORD_MODEL_FILE)))


def test_the_build_segments_like_the_scorer_and_writes_a_model_kenlm_loads(tmp_path):
    (tmp_path / "corpus" / "news").mkdir(parents=True)
    (tmp_path / "corpus" / "news" / "bulletin.txt").write_text(SENTENCES, encoding="utf-8")
    out = tmp_path / "lm"
    arguments = ["--corpus", str(tmp_path / "corpus"), "--out", str(out), "--processes", "1"]
    assert build_word_lm.main([*arguments, "--min-word-count", "1", "--min-bigram-count", "1"]) == 0

    with gzip.open(out / WORD_MODEL_FILE, "rt", encoding="utf-8") as arpa:
        bigrams = {line.split("\t")[1] for line in arpa.read().split("\\2-grams:\n")[1].splitlines() if "\t" in line}
    assert "进一步 完善" in bigrams
    assert f"{words('完善制度建设')[0]} {words('完善制度建设')[1]}" in bigrams
    info = json.loads((out / "word_model.json").read_text(encoding="utf-8"))
    assert info["ngrams"]["2"] == len(bigrams)
    model = load_language_model(out / WORD_MODEL_FILE)
    assert model.score("进一步 完善", bos=False, eos=False) > model.score("完善 进一步", bos=False, eos=False)


def test_a_corpus_folder_without_text_is_refused_with_a_message(tmp_path, capsys):
    assert build_word_lm.main(["--corpus", str(tmp_path), "--out", str(tmp_path / "lm"), "--processes", "1"]) == 1
    assert "无法构建词语言模型" in capsys.readouterr().err


@pytest.mark.parametrize(
    "slip, typed, meant",
    [
        ("要进一步晚上制度建设。", "晚上", "完善"),
        ("这些问题必须在事件中解决。", "事件", "实践"),
        ("全区经济温补增长。", "温补", "稳步"),
    ],
)
def test_the_word_meant_gains_and_the_slip_loses(bundled, slip, typed, meant):
    position = slip.index(typed)
    assert bundled.gains(slip, position, [meant])[0] > 0
    right = slip[:position] + meant + slip[position + len(meant) :]
    slipped, unchanged = bundled.gains(right, position, [typed, meant])
    assert slipped < 0 and unchanged == 0
