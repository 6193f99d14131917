"""The bundled character language model, loaded once and shared by every check that scores text."""

from __future__ import annotations

import functools
import logging
import time
from pathlib import Path

from editor.core.resources import resource_path

logger = logging.getLogger(__name__)

MODEL_FILE = "zh_char_3gram.arpa.gz"


def load_language_model(path: Path):
    """A `kenlm.Model` from ``path``, quietly (raises ImportError, OSError or RuntimeError)."""
    import kenlm

    if not path.is_file():
        raise FileNotFoundError(f"找不到语言模型：{path}")
    started = time.perf_counter()
    config = kenlm.Config()
    config.arpa_complain = kenlm.ARPALoadComplain.NONE
    config.show_progress = False
    model = kenlm.Model(str(path), config)
    logger.info("language model loaded in %.2f s", time.perf_counter() - started)
    return model


@functools.cache
def language_model():
    """The bundled model, or None (logged) when kenlm or the file is missing."""
    try:
        return load_language_model(resource_path("lm", MODEL_FILE))
    except (ImportError, OSError, RuntimeError) as error:
        logger.warning("language model unavailable: %s", error)
        return None
