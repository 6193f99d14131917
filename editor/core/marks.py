"""Punctuation marks by what they do at the end of a stretch of text: the one definition the layout reading
of lines (`editor.core.layout.shape`) and the readers of files (`editor.core.io`) share, without the readers
reaching layout analysis."""

from __future__ import annotations

SENTENCE_END = frozenset("。！？!?…；;")
#: Closing quotes and brackets, which follow the mark that ends the sentence they close (……。”).
CLOSERS = frozenset("”’」』）)】》〉")
_CLOSERS = "".join(CLOSERS)


def ends_with_sentence_mark(text: str) -> bool:
    """Does ``text`` end on a mark that ends a sentence, closing quotes and brackets after it aside?"""
    core = text.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in SENTENCE_END
