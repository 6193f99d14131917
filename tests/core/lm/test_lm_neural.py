"""The optional MacBERT engine: its loading code, on a tiny random BERT written by the test (no download)."""

from __future__ import annotations

import pytest

from editor.core.lm.neural import MODEL_DIR_ENV, NeuralDetector, configured_model_dir, load_neural_detector

SENTENCE = "会议要求各部门切实履行职责"


def test_a_folder_without_a_model_is_refused_with_a_message(tmp_path):
    with pytest.raises(FileNotFoundError, match="MacBERT"):
        load_neural_detector(tmp_path)


def test_the_setting_is_read_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(MODEL_DIR_ENV, raising=False)
    assert configured_model_dir() is None
    monkeypatch.setenv(MODEL_DIR_ENV, str(tmp_path))
    assert configured_model_dir() == tmp_path


@pytest.fixture
def tiny_bert(tmp_path):
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *dict.fromkeys(SENTENCE)]
    (tmp_path / "vocab.txt").write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(tmp_path / "vocab.txt")).save_pretrained(tmp_path)
    config = transformers.BertConfig(
        vocab_size=len(vocabulary), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32
    )
    transformers.BertForMaskedLM(config).save_pretrained(tmp_path)
    return tmp_path


def test_a_local_bert_folder_loads_and_checks_a_sentence(tiny_bert):
    detector = load_neural_detector(tiny_bert)
    assert isinstance(detector, NeuralDetector) and detector.available
    findings = detector.find(SENTENCE)
    assert all(SENTENCE[f.start : f.end] == f.text and len(f.suggestion) == len(f.text) for f in findings)
    assert detector.find(SENTENCE, protected=[(0, len(SENTENCE))]) == []
