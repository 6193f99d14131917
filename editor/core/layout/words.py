"""Is a word cut in two at a line end? Asks jieba's segmenter (the one the name checks load, once)."""

from __future__ import annotations

_WINDOW = 4


def word_spans_cut(left: str, right: str) -> bool:
    """True when segmenting the text around the cut puts one dictionary word across it ("义务教" / "育阶段")."""
    head, tail = left[-_WINDOW:], right[:_WINDOW]
    if not head or not tail:
        return False
    # Imported here: names → userdata → io, and io's reader imports the layout package.
    from editor.core.names import segment

    position = 0
    for token in segment(head + tail):
        if position < len(head) < position + len(token):
            return True
        position += len(token)
    return False
