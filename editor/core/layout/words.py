"""Is a word cut in two at a line end? Asks the one segmenter (`editor.core.segmentation`)."""

from __future__ import annotations

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
