"""The optional neural engine: pycorrector's MacBERT corrector over a model folder on this computer.

MacBERT finds far more typos than an n-gram model, but it needs torch and
transformers (the ``proofdesk[neural]`` extra) and a model folder of a few hundred
megabytes, which the user downloads once. The folder is chosen in the editor's
preferences or with ``proofdesk check --macbert DIR``; `editor.core.lm.typo_engine`
owns that choice and falls back to the statistical detector, saying why, when this
module raises. Nothing here imports torch unless a folder is set.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable
from pathlib import Path

from editor.core.lm.detector import Finding

logger = logging.getLogger(__name__)

# The decoder may change any character; a newsroom wants only confident changes.
THRESHOLD = 0.9
NEURAL_PACKAGES = ("torch", "transformers")


class UnusableModelDir(ValueError):
    """The folder is not a MacBERT model, or torch is missing; the message says which, in Chinese."""


def model_dir_problem(model_dir: Path) -> str:
    """Why ``model_dir`` cannot be used, in one Chinese line; "" when it looks usable (nothing is loaded)."""
    if not model_dir.is_dir():
        return f"找不到文件夹：{model_dir}"
    if not (model_dir / "config.json").is_file():
        return f"不是 MacBERT 模型文件夹（缺少 config.json）：{model_dir}"
    missing = [name for name in NEURAL_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        return f"未安装 {'、'.join(missing)}（需要安装 proofdesk[neural]）"
    return ""


class NeuralDetector:
    """MacBERT behind the same `find` as the statistical detector."""

    available = True
    reason = ""

    def __init__(self, corrector) -> None:
        self.corrector = corrector

    def find(
        self, text: str, protected: Iterable[tuple[int, int]] = (), tagged: Iterable[tuple[int, int]] = ()
    ) -> list[Finding]:
        """MacBERT's corrections outside ``protected``; it cannot weigh a ``tagged`` name, so it leaves those too."""
        blocked = {offset for start, end in (*protected, *tagged) for offset in range(start, end)}
        result = self.corrector.correct(text, threshold=THRESHOLD)
        return [
            Finding(start, start + len(wrong), wrong, right, None)
            for wrong, right, start in result["errors"]
            if len(wrong) == len(right) and not blocked.intersection(range(start, start + len(wrong)))
        ]


def load_neural_detector(model_dir: Path) -> NeuralDetector:
    """MacBERT from ``model_dir`` (a Hugging Face BERT folder); raises `UnusableModelDir` or what loading raised."""
    problem = model_dir_problem(model_dir)
    if problem:
        raise UnusableModelDir(problem)
    from loguru import logger as pycorrector_logger
    from transformers.utils import logging as transformers_logging

    from editor.core.lm.pycorrector_adapter import pycorrector_module

    # pycorrector logs through loguru and transformers draws a progress bar, both on stderr:
    # the command line's output and the editor's log would carry them at every load.
    pycorrector_logger.disable("pycorrector")
    transformers_logging.disable_progress_bar()
    corrector = pycorrector_module("macbert.macbert_corrector").MacBertCorrector(str(model_dir))
    logger.info("typo engine: MacBERT from %s", model_dir)
    return NeuralDetector(corrector)
