"""tools/build_lm.py: a Kneser-Ney model built from a few bulletin sentences loads in kenlm and is a distribution."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import kenlm  # part of the product (kenlm-ex): missing, these tests fail
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import build_lm  # noqa: E402

SENTENCES = """\
区政府召开常务会议，研究部署今年的重点工作。
区委书记主持会议并讲话。
会议强调，要进一步完善农村饮水安全保障机制。
今年以来，全区经济运行总体平稳，主要指标好于预期。
区政府召开专题会议，研究部署安全生产工作。
会议要求，各部门要切实履行职责，确保各项措施落到实处。
全区上下要坚持稳中求进工作总基调，推动高质量发展。
会议强调，要不断提升群众的获得感和幸福感。
"""


def _build(tmp_path: Path, name: str, *options: str) -> Path:
    text = tmp_path / "sentences.txt"
    text.write_text(SENTENCES, encoding="utf-8")
    out = tmp_path / name
    assert build_lm.main(["--text", str(text), "--out", str(out), "--min-char-count", "1", *options]) == 0
    return out / build_lm.MODEL_FILE


def _load(path: Path):
    config = kenlm.Config()
    config.show_progress = False
    return kenlm.Model(str(path), config)


def _vocabulary(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as arpa:
        lines = arpa.read().split("\\1-grams:\n")[1].split("\n\n")[0].splitlines()
    return [line.split("\t")[1] for line in lines if line.split("\t")[1] != "<s>"]


def _total_probability(model, vocabulary: list[str], context: str) -> float:
    state = kenlm.State()
    model.NullContextWrite(state)
    for char in context:
        following = kenlm.State()
        model.BaseScore(state, char, following)
        state = following
    return sum(10 ** model.BaseScore(state, word, kenlm.State()) for word in vocabulary)


@pytest.mark.parametrize(
    "options", [("--min-counts", "1", "1"), ("--min-counts", "2", "2"), ("--order", "4", "--min-counts", "1", "2", "2")]
)
def test_every_context_is_a_probability_distribution(tmp_path, options):
    path = _build(tmp_path, "model", *options)
    model, vocabulary = _load(path), _vocabulary(path)
    assert model.order == (4 if "4" in options else 3)
    for context in ("会议", "研究", "区", "全区", "工作", "会议强", "要进一"):
        assert _total_probability(model, vocabulary, context) == pytest.approx(1.0, abs=1e-3)


def test_seen_text_is_more_likely_than_scrambled_text(tmp_path):
    model = _load(_build(tmp_path, "model"))
    assert model.score(" ".join("会议强调")) > model.score(" ".join("调强议会")) + 2


def test_the_same_text_gives_the_same_bytes_and_a_build_record(tmp_path):
    first, second = _build(tmp_path, "a"), _build(tmp_path, "b")
    assert first.read_bytes() == second.read_bytes()
    assert '"3": 2' in (first.parent / "model.json").read_text(encoding="utf-8")


def test_a_missing_input_is_a_one_line_error(tmp_path, capsys):
    assert build_lm.main(["--text", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")]) == 1
    assert "无法构建语言模型" in capsys.readouterr().err
