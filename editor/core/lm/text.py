"""How text becomes language-model tokens, shared by the model build and the checker.

The model is a character n-gram: one token per character. Building and querying
must agree exactly, so both go through `lm_char`: full-width ASCII letters and
digits become half-width (the corpus was normalised that way), everything else is
kept, and white space is not a token at all.
"""

from __future__ import annotations

_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
}


def lm_char(char: str) -> str:
    """The token for one character (same length, so offsets never move)."""
    return chr(_FULLWIDTH_ALNUM.get(ord(char), ord(char)))


def lm_text(text: str) -> str:
    """``text`` with every character normalised and white space removed (for building the model)."""
    return "".join(lm_char(char) for char in text if not char.isspace())
