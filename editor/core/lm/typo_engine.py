"""Which engine finds typos: the one place that chooses between MacBERT and the statistical detector.

The statistical n-gram detector (`editor.core.lm.detector`) is always there; MacBERT
(`editor.core.lm.neural`) is used when a model folder is chosen, in the editor's
preferences or with ``proofdesk check --macbert DIR`` (both call `set_model_dir`), or,
failing a choice, named by ``PROOFDESK_MACBERT_DIR``. A folder that cannot be used
leaves the statistical detector in charge, and `TypoEngine.note` says why in Chinese.
Both engines are below this module and neither knows the other, so the choice, the
setting and the note live here only; so does the statistical detector's sensitivity
(`set_sensitivity`, from the preferences or ``--sensitivity``; MacBERT has its own threshold).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.core.lm.detector import Finding, statistical_detector
from editor.core.lm.neural import load_neural_detector
from editor.core.lm.sensitivity import Sensitivity

logger = logging.getLogger(__name__)

MODEL_DIR_ENV = "PROOFDESK_MACBERT_DIR"
FINDINGS_REMEMBERED = 4096

#: The folder chosen by the settings or the command line; None leaves the environment variable in charge.
_chosen_dir: Path | None = None
#: How many guesses the statistical detector makes (the settings or the command line).
_sensitivity = Sensitivity.STANDARD


def set_model_dir(path: str | os.PathLike | None) -> None:
    """Use the MacBERT folder ``path`` (None or "": no choice, the environment variable applies).

    The next check loads the engine again; choosing the folder already in use costs nothing.
    """
    global _chosen_dir
    text = str(path).strip() if path is not None else ""
    chosen = Path(text) if text else None
    if chosen == _chosen_dir:
        return
    _chosen_dir = chosen
    typo_engine.cache_clear()


def set_sensitivity(sensitivity: Sensitivity) -> None:
    """Report the statistical detector's guesses at ``sensitivity`` from the next check on (nothing reloads)."""
    global _sensitivity
    if sensitivity != _sensitivity:
        _sensitivity = sensitivity
        typo_engine.cache_clear()


def configured_sensitivity() -> Sensitivity:
    """The statistical detector's level chosen by `set_sensitivity` (标准 until then)."""
    return _sensitivity


def configured_model_dir() -> Path | None:
    """The local MacBERT folder to use: the one chosen by `set_model_dir`, else ``PROOFDESK_MACBERT_DIR``."""
    if _chosen_dir is not None:
        return _chosen_dir
    value = os.environ.get(MODEL_DIR_ENV, "").strip()
    return Path(value) if value else None


@dataclass(frozen=True)
class TypoEngine:
    """The detector in charge, and why it is not MacBERT although the settings asked for it ("" if it is)."""

    detector: object  # a TypoDetector, neural.NeuralDetector or NullDetector: `available`, `reason`, `find`
    note: str = ""

    @functools.cached_property
    def find(self) -> Callable[[str, tuple[tuple[int, int], ...]], list[Finding]]:
        """The detector's `find` remembering recent paragraphs: a re-check after an edit redoes the edited ones.

        The memory belongs to this engine, so choosing another engine forgets what the old one found.
        """
        return functools.lru_cache(maxsize=FINDINGS_REMEMBERED)(self.detector.find)


@functools.cache
def typo_engine() -> TypoEngine:
    """The typo detector, loaded once (again after `set_model_dir`).

    MacBERT when the settings point to a model folder and it loads; else the
    statistical detector (sharing the model with other checks); else a
    `NullDetector` saying why. A MacBERT folder that fails is reported as a
    warning, in Chinese, for the editor's status bar and the command line.
    """
    note = ""
    model_dir = configured_model_dir()
    if model_dir is not None:
        try:
            return TypoEngine(load_neural_detector(model_dir))
        except (ImportError, OSError, ValueError, RuntimeError) as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            note = f"MacBERT 未启用，改用统计模型检查错别字：{reason}"
            logger.warning("%s", note)
    return TypoEngine(statistical_detector().at(_sensitivity), note)


def typo_detector():
    """The detector `typo_engine` put in charge."""
    return typo_engine().detector
