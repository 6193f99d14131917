"""The bundled character language model, loaded once and shared by every check that scores text.

A model is named by its ARPA file (``zh_char_3gram.arpa.gz``), what `tools/build_lm.py` writes
and the form every n-gram tool reads. Parsing that text takes kenlm a second or more, so
`tools/lm_binary.py` converts it to kenlm's binary trie beside it (`binary_file`), which kenlm
maps into memory in milliseconds and scores exactly alike. The loader takes the binary when it is
there and readable, and the ARPA text otherwise: a model rebuilt without its binary, or a binary
this machine's kenlm cannot read, costs load time, never the typo check.
"""

from __future__ import annotations

import functools
import logging
import time
from pathlib import Path

from editor.core.resources import resource_path

logger = logging.getLogger(__name__)

MODEL_FILE = "zh_char_3gram.arpa.gz"
ARPA_SUFFIX = ".arpa.gz"
BINARY_SUFFIX = ".klm"


def binary_file(arpa: Path) -> Path:
    """Where the binary form of the ARPA model ``arpa`` lives: beside it, ``.klm`` for ``.arpa.gz``."""
    return arpa.with_name(arpa.name.removesuffix(ARPA_SUFFIX) + BINARY_SUFFIX)


def load_language_model(path: Path):
    """A `kenlm.Model` of the ARPA model ``path``, from its binary when readable.

    Raises ImportError (no kenlm), OSError (neither file readable) or RuntimeError.
    """
    import kenlm

    binary = binary_file(path)
    if binary.is_file():
        try:
            return _load(kenlm, binary)
        except (OSError, RuntimeError) as error:
            logger.warning("binary language model unreadable, reading %s instead: %s", path.name, error)
    if not path.is_file():
        raise FileNotFoundError(f"找不到语言模型：{path}")
    return _load(kenlm, path)


def _load(kenlm, path: Path):
    started = time.perf_counter()
    config = kenlm.Config()
    config.arpa_complain = kenlm.ARPALoadComplain.NONE
    config.show_progress = False
    model = kenlm.Model(str(path), config)
    logger.info("language model %s loaded in %.2f s", path.name, time.perf_counter() - started)
    return model


@functools.cache
def language_model():
    """The bundled model, or None (logged) when kenlm or the file is missing."""
    try:
        return load_language_model(resource_path("lm", MODEL_FILE))
    except (ImportError, OSError, RuntimeError) as error:
        logger.warning("language model unavailable: %s", error)
        return None
