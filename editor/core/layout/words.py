"""Is a word cut in two at a line end? Asks the one segmenter (`editor.core.segmentation`)."""

from __future__ import annotations

from editor.core.layout.shape import PARTICLES, starts_with_closing_mark
from editor.core.segmentation import segment

_WINDOW = 4


def word_spans_cut(left: str, right: str) -> bool:
    """True when segmenting the text around the cut puts one dictionary word across it ("义务教" / "育阶段")."""
    head, tail = left[-_WINDOW:], right[:_WINDOW]
    if not head or not tail:
        return False
    position = 0
    for token in segment(head + tail):
        if position < len(head) < position + len(token):
            return True
        position += len(token)
    return False


def starts_with_particle(text: str) -> bool:
    """Does the line begin with a particle the segmenter leaves standing alone (的工作 / 了一个), the rest
    of the phrase on the line before? 过完新年 and 了解到 begin a sentence: the segmenter reads 了解 as the
    verb it is there (and 过 is no particle here, `shape.PARTICLES`), so only a lone 的/了/着… counts."""
    if not text or text[0] not in PARTICLES:
        return False
    return next(iter(segment(text[:_WINDOW]))) == text[0]


def starts_mid_sentence(text: str) -> bool:
    """Does the line begin with a mark or a particle no sentence begins with?"""
    return starts_with_closing_mark(text) or starts_with_particle(text)
