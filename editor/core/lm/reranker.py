"""The re-ranker: a logistic regression over `scoring.FEATURES`, and its decision threshold.

Trained by `tools/lm_train_reranker.py` on typos synthesised from the held-out
slice of the corpus; the threshold is the lowest that keeps false flags on the
clean held-out sentences under the newsroom's budget (precision first).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from editor.core.lm.scoring import FEATURES


@dataclass(frozen=True)
class Reranker:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.bias
        for value, mean, scale, weight in zip(features, self.mean, self.scale, self.weights, strict=True):
            z += weight * (value - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Reranker:
        data = json.loads(path.read_text(encoding="utf-8"))
        reranker = cls(**{key: tuple(value) if isinstance(value, list) else value for key, value in data.items()})
        if reranker.features != FEATURES:
            raise ValueError(f"重排序模型的特征与程序不符：{path}")
        return reranker
