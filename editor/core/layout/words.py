"""Is a word cut in two at a line end? Asks jieba's segmenter, loaded once on first use."""

from __future__ import annotations

import functools
import logging

logger = logging.getLogger(__name__)

_WINDOW = 4


@functools.cache
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def word_spans_cut(left: str, right: str) -> bool:
    """True when segmenting the text around the cut puts one dictionary word across it ("义务教" / "育阶段")."""
    head, tail = left[-_WINDOW:], right[:_WINDOW]
    if not head or not tail:
        return False
    position = 0
    for token in _tokenizer().lcut(head + tail, HMM=False):
        if position < len(head) < position + len(token):
            return True
        position += len(token)
    return False
