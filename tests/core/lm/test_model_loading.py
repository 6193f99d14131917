"""Loading the language models: the binary beside an ARPA model is read in its place and scores alike.

The bundled models ship in both forms (`editor.core.lm.model`): the binary trie written by
`tools/lm_binary.py`, mapped in milliseconds, and the ARPA text it was converted from, read when the
binary is missing or cannot be read. A binary left over from an older model would be read instead
of the new one, so the bundled pair must score the same, and a rebuild removes the stale binary.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

import pytest

from editor.core.lm.model import MODEL_FILE, binary_file, load_language_model
from editor.core.lm.word_model import WORD_MODEL_FILE
from editor.core.resources import resource_path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import build_lm  # noqa: E402
import lm_binary  # noqa: E402

SENTENCES = (
    "区政府召开常务会议，研究部署今年的重点工作。",
    "会议要求，各部门要切实履形职责，确保各项措施落到实处。",
    "要进一步晚上制度，推动企业加快绿色转型。",
    "𠮷野家在武进开了第三家门店，ＡＢＣ与123混排。",
)


def _tokens(model, sentence: str) -> str:
    return " ".join(sentence) if model.order == 3 else " ".join(sentence[i : i + 2] for i in range(0, len(sentence), 2))


def _scores(model) -> list:
    return [list(model.full_scores(_tokens(model, sentence))) for sentence in SENTENCES]


def _read_from(model) -> str:
    """The file kenlm read ``model`` from."""
    return os.fsdecode(model.path)


def _only_arpa(arpa: Path, folder: Path) -> Path:
    """A copy of the ARPA model ``arpa`` in ``folder``, with no binary beside it."""
    copy = folder / arpa.name
    shutil.copyfile(arpa, copy)
    return copy


@pytest.mark.parametrize("name", [MODEL_FILE, WORD_MODEL_FILE])
def test_the_bundled_binary_scores_exactly_as_its_arpa_text(name, tmp_path):
    arpa = resource_path("lm", name)
    assert binary_file(arpa).is_file(), f"no binary beside {name}: run tools/lm_binary.py"
    binary, text = load_language_model(arpa), load_language_model(_only_arpa(arpa, tmp_path))
    assert _read_from(binary).endswith(".klm") and _read_from(text).endswith(".arpa.gz")
    assert binary.order == text.order
    assert _scores(binary) == _scores(text)


def test_the_binary_beside_an_arpa_model_is_read_in_its_place(tmp_path):
    arpa = _tiny_arpa(tmp_path)
    shutil.copyfile(binary_file(resource_path("lm", WORD_MODEL_FILE)), binary_file(arpa))
    model = load_language_model(arpa)
    assert _read_from(model) == str(binary_file(arpa))
    assert model.order == 2  # the word model's binary, not the tiny 3-gram text


@pytest.mark.parametrize("content", [b"", b"not a model", "binary"])
def test_an_unreadable_binary_falls_back_to_the_arpa_text(tmp_path, caplog, content):
    arpa = _tiny_arpa(tmp_path)
    if content == "binary":  # a binary cut short, as by a failed download or a full disk
        content = binary_file(resource_path("lm", WORD_MODEL_FILE)).read_bytes()[:4096]
    binary_file(arpa).write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="editor.core.lm.model"):
        model = load_language_model(arpa)
    assert _read_from(model) == str(arpa) and model.order == 3
    assert arpa.name in caplog.text


def test_a_model_without_either_file_is_a_chinese_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="找不到语言模型"):
        load_language_model(tmp_path / MODEL_FILE)


def test_rebuilding_a_model_removes_its_stale_binary(tmp_path):
    stale = binary_file(tmp_path / MODEL_FILE)
    stale.write_bytes(b"an older model")
    arpa = _tiny_arpa(tmp_path)
    assert arpa == tmp_path / MODEL_FILE and not stale.exists()
    assert _read_from(load_language_model(arpa)) == str(arpa)


def _tiny_arpa(folder: Path) -> Path:
    text = folder / "sentences.txt"
    text.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    assert build_lm.main(["--text", str(text), "--out", str(folder), "--min-char-count", "1"]) == 0
    return folder / MODEL_FILE


def _fake_tool(folder: Path, script: str) -> Path:
    tool = folder / "build_binary"
    tool.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    tool.chmod(0o755)
    return tool


def test_the_converter_gives_each_model_its_structure_and_replaces_the_binary_whole(tmp_path):
    tool = _fake_tool(tmp_path, 'printf "%s" "$1" > "$3"')  # kenlm's program writing the structure asked for
    for name, structure in ((MODEL_FILE, "probing"), (WORD_MODEL_FILE, "trie")):
        arpa = _only_arpa(resource_path("lm", name), tmp_path)
        binary_file(arpa).write_bytes(b"the previous binary")
        assert lm_binary.convert(arpa, tool) == binary_file(arpa)
        assert binary_file(arpa).read_text(encoding="utf-8") == structure
    assert not list(tmp_path.glob("*.partial"))


def test_a_failed_conversion_leaves_the_previous_binary_and_says_why(tmp_path):
    tool = _fake_tool(tmp_path, 'printf "half a model" > "$3"; echo "Out of memory" >&2; exit 1')
    arpa = _only_arpa(resource_path("lm", WORD_MODEL_FILE), tmp_path)
    binary_file(arpa).write_bytes(b"the previous binary")
    with pytest.raises(OSError, match="Out of memory"):
        lm_binary.convert(arpa, tool)
    assert binary_file(arpa).read_bytes() == b"the previous binary"
    assert not list(tmp_path.glob("*.partial"))  # nothing half-written is left behind


def test_the_converter_says_in_one_line_what_it_cannot_convert(tmp_path, capsys):
    assert lm_binary.main([str(tmp_path / MODEL_FILE)]) == 1
    assert capsys.readouterr().err.strip() == f"找不到 ARPA 模型：{tmp_path / MODEL_FILE}"
