"""The optional MacBERT engine: its loading code and its setting, on a tiny random BERT written by the test.

No download: the BERT has one layer of 16 units and a vocabulary of the test sentence.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys

import pytest

from editor.core.lm.detector import NullDetector, TypoDetector
from editor.core.lm.neural import (
    NEURAL_PACKAGES,
    NeuralDetector,
    UnusableModelDir,
    load_neural_detector,
    model_dir_problem,
)
from editor.core.lm.typo_engine import MODEL_DIR_ENV, configured_model_dir, set_model_dir, typo_detector, typo_engine

SENTENCE = "会议要求各部门切实履行职责"
#: The language model's detector, or its null twin when the bundled model cannot load: never MacBERT.
STATISTICAL = (TypoDetector, NullDetector)


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory, require):
    missing = [name for name in NEURAL_PACKAGES if importlib.util.find_spec(name) is None]
    require(not missing, f"the optional neural engine needs {', '.join(missing)} (pip install -e '.[neural]')")
    import transformers

    folder = tmp_path_factory.mktemp("tiny_bert")
    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *dict.fromkeys(SENTENCE)]
    (folder / "vocab.txt").write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt")).save_pretrained(folder)
    config = transformers.BertConfig(
        vocab_size=len(vocabulary), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32
    )
    transformers.BertForMaskedLM(config).save_pretrained(folder)
    return folder


def test_a_folder_without_a_model_is_refused_with_a_message(tmp_path):
    with pytest.raises(UnusableModelDir, match="config.json"):
        load_neural_detector(tmp_path)
    assert "找不到文件夹" in model_dir_problem(tmp_path / "missing")


def test_the_chosen_folder_wins_over_the_environment(tmp_path, monkeypatch):
    assert configured_model_dir() is None
    monkeypatch.setenv(MODEL_DIR_ENV, str(tmp_path / "from_env"))
    assert configured_model_dir() == tmp_path / "from_env"
    set_model_dir(f" {tmp_path / 'chosen'} ")  # pasted with spaces around it
    assert configured_model_dir() == tmp_path / "chosen"
    set_model_dir("")  # an empty setting: no choice, the environment applies again
    assert configured_model_dir() == tmp_path / "from_env"


def test_a_local_bert_folder_loads_and_checks_a_sentence(tiny_bert):
    detector = load_neural_detector(tiny_bert)
    assert isinstance(detector, NeuralDetector) and detector.available
    assert model_dir_problem(tiny_bert) == ""
    findings = detector.find(SENTENCE)
    assert all(SENTENCE[f.start : f.end] == f.text and len(f.suggestion) == len(f.text) for f in findings)
    assert detector.find(SENTENCE, protected=[(0, len(SENTENCE))]) == []


def test_choosing_a_folder_switches_the_next_check_and_back(tiny_bert):
    assert isinstance(typo_detector(), STATISTICAL)
    set_model_dir(tiny_bert)
    assert isinstance(typo_detector(), NeuralDetector)
    assert typo_engine().note == ""
    loaded = typo_detector()
    set_model_dir(str(tiny_bert))  # the same folder again: nothing is reloaded
    assert typo_detector() is loaded
    set_model_dir(None)
    assert isinstance(typo_detector(), STATISTICAL)


def test_a_bad_folder_leaves_the_statistical_detector_in_charge_and_says_why(tmp_path, caplog):
    set_model_dir(tmp_path)
    with caplog.at_level(logging.WARNING, logger="editor.core"):
        engine = typo_engine()
    assert isinstance(engine.detector, STATISTICAL)
    assert "MacBERT 未启用" in engine.note and "config.json" in engine.note
    assert engine.note in caplog.messages


def test_without_torch_the_reason_names_the_extra(tmp_path, monkeypatch):
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "bert"}), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "torch", None)  # what importlib sees when torch is not installed
    assert "torch" in model_dir_problem(tmp_path)
    set_model_dir(tmp_path)
    engine = typo_engine()
    assert isinstance(engine.detector, STATISTICAL)
    assert "proofdesk[neural]" in engine.note
