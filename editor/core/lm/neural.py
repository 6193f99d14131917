"""The optional neural engine: pycorrector's MacBERT corrector over a model folder on this computer.

MacBERT finds far more typos than an n-gram model, but it needs torch and
transformers (the ``proofdesk[neural]`` extra) and a model folder of a few hundred
megabytes, which the user downloads once and points the settings at
(``PROOFDESK_MACBERT_DIR`` until the GUI has a setting for it). Nothing here is
imported unless that folder is set; without torch, or with a broken folder, the
statistical detector stays in charge and the reason is logged.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from editor.core.lm.detector import Finding

logger = logging.getLogger(__name__)

MODEL_DIR_ENV = "PROOFDESK_MACBERT_DIR"
# The decoder may change any character; a newsroom wants only confident changes.
THRESHOLD = 0.9


def configured_model_dir() -> Path | None:
    """The local MacBERT folder the settings point to, if any."""
    value = os.environ.get(MODEL_DIR_ENV, "").strip()
    return Path(value) if value else None


class NeuralDetector:
    """MacBERT behind the same `find` as the statistical detector."""

    available = True
    reason = ""

    def __init__(self, corrector) -> None:
        self.corrector = corrector

    def find(self, text: str, protected: Iterable[tuple[int, int]] = ()) -> list[Finding]:
        blocked = {offset for start, end in protected for offset in range(start, end)}
        result = self.corrector.correct(text, threshold=THRESHOLD)
        return [
            Finding(start, start + len(wrong), wrong, right, THRESHOLD)
            for wrong, right, start in result["errors"]
            if len(wrong) == len(right) and not blocked.intersection(range(start, start + len(wrong)))
        ]


def load_neural_detector(model_dir: Path) -> NeuralDetector:
    """MacBERT from ``model_dir`` (a Hugging Face BERT folder); raises ImportError or OSError."""
    if not (model_dir / "config.json").is_file():
        raise FileNotFoundError(f"不是可用的 MacBERT 模型文件夹（缺少 config.json）：{model_dir}")
    from editor.core.lm.pycorrector_adapter import pycorrector_module

    corrector = pycorrector_module("macbert.macbert_corrector").MacBertCorrector(str(model_dir))
    return NeuralDetector(corrector)
