"""Code points (the engine) ↔ UTF-16 units (Qt), converted only at the boundary.

Python counts 𠮷 or an emoji as one character, Qt as two (a surrogate pair). Every
offset that crosses from an `Issue` into a `QTextCursor` or back goes through here.
"""

from __future__ import annotations

import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def to_utf16(text: str, index: int) -> int:
    """The UTF-16 position of code point ``index`` in ``text``."""
    return index + len(_ASTRAL.findall(text, 0, index))


def from_utf16(text: str, position: int) -> int:
    """The code point at UTF-16 ``position`` of ``text`` (the middle of a pair rounds down)."""
    astral_before = 0
    for match in _ASTRAL.finditer(text):
        unit = match.start() + astral_before
        if position <= unit:
            break
        if position == unit + 1:
            return match.start()
        astral_before += 1
    return position - astral_before


def utf16_length(text: str) -> int:
    return to_utf16(text, len(text))
