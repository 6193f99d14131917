"""The re-ranker: a logistic regression over `scoring.FEATURES`, and its decision threshold for each sensitivity.

Trained by `tools/lm_train_reranker.py` on real typos (`../shared/train`) with synthetic
ones as extra data; each threshold is the one that detects most of the held-out real
typos while keeping false flags on clean held-out news within its level's budget
(`editor.core.lm.sensitivity`).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from editor.core.lm.scoring import FEATURES
from editor.core.lm.sensitivity import Sensitivity


@dataclass(frozen=True)
class Reranker:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    #: (level value, threshold) for every `Sensitivity`
    thresholds: tuple[tuple[str, float], ...]

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.bias
        for value, mean, scale, weight in zip(features, self.mean, self.scale, self.weights, strict=True):
            z += weight * (value - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def threshold(self, sensitivity: Sensitivity) -> float:
        """The probability a candidate needs at ``sensitivity``."""
        return dict(self.thresholds)[sensitivity.value]

    def save(self, path: Path) -> None:
        data = {**asdict(self), "thresholds": dict(self.thresholds)}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Reranker:
        data = json.loads(path.read_text(encoding="utf-8"))
        thresholds = data.pop("thresholds", None)
        if not isinstance(thresholds, dict) or set(thresholds) != {level.value for level in Sensitivity}:
            raise ValueError(f"重排序模型缺少各灵敏度的阈值：{path}")
        reranker = cls(
            **{key: tuple(value) if isinstance(value, list) else value for key, value in data.items()},
            thresholds=tuple((level.value, float(thresholds[level.value])) for level in Sensitivity),
        )
        if reranker.features != FEATURES:
            raise ValueError(f"重排序模型的特征与程序不符：{path}")
        return reranker
