"""What a Han character (汉字) is: the one definition every check, rule file and model uses.

Six definitions once disagreed: some stopped at U+9FFF, so 𠮷 (U+20BB7, Extension B,
the 𠮷 of 𠮷野家) was not a Han character to the stray-space check while 吉 was, and
``推动 𠮷野家`` kept its space. Here a Han character is any character of the CJK
Unified Ideographs blocks (the main block and Extensions A to I) or of the two CJK
Compatibility Ideographs blocks, plus 〇 (U+3007, IDEOGRAPHIC NUMBER ZERO): Unicode
gives it the Ideographic property and Chinese copy writes it among Han numerals
(二〇二六年), so a space inside 二〇 二六 is as stray as one inside 二零 二六.

Offsets stay Python code points: an astral character is one position here and two
UTF-16 units in Qt, which only `editor.gui.offsets` converts.

`HAN` is the same set as a regular-expression character-class body, for patterns
written in Python (``rf"[{HAN}]"``) and, as the ``{han}`` placeholder expanded by
`expand_placeholders`, for the patterns of `resources/rules/*.yaml`.
"""

from __future__ import annotations

import re

#: (first, last, block): every code point range counted as Han, in code point order.
HAN_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x3007, 0x3007, "IDEOGRAPHIC NUMBER ZERO 〇"),
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs"),
    (0x20000, 0x2A6DF, "CJK Unified Ideographs Extension B"),
    (0x2A700, 0x2B73F, "CJK Unified Ideographs Extension C"),
    (0x2B740, 0x2B81F, "CJK Unified Ideographs Extension D"),
    (0x2B820, 0x2CEAF, "CJK Unified Ideographs Extension E"),
    (0x2CEB0, 0x2EBEF, "CJK Unified Ideographs Extension F"),
    (0x2EBF0, 0x2EE5F, "CJK Unified Ideographs Extension I"),
    (0x2F800, 0x2FA1F, "CJK Compatibility Ideographs Supplement"),
    (0x30000, 0x3134F, "CJK Unified Ideographs Extension G"),
    (0x31350, 0x323AF, "CJK Unified Ideographs Extension H"),
)

#: The Han characters as the body of a regex character class: ``[{HAN}]`` matches one, ``[^{HAN}]`` any other.
HAN = "".join(chr(first) if first == last else f"{chr(first)}-{chr(last)}" for first, last, _block in HAN_RANGES)

_ONE_HAN = re.compile(f"[{HAN}]")

#: Placeholders the rule files may use inside their regular expressions, and what they stand for.
PLACEHOLDERS = {"han": HAN}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def is_han(character: str) -> bool:
    """Whether ``character`` (one code point) is a Han character; False for anything longer or empty."""
    return len(character) == 1 and _ONE_HAN.match(character) is not None


def expand_placeholders(pattern: str) -> str:
    """``pattern`` with ``{han}`` replaced by `HAN`; raise ValueError (Chinese) on a placeholder not in `PLACEHOLDERS`.

    Regex quantifiers such as ``{2,4}`` are left alone: a placeholder is lower-case letters only.
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            known = "、".join(f"{{{known}}}" for known in PLACEHOLDERS)
            raise ValueError(f"未知的占位符 {match.group()}（可用：{known}）")
        return PLACEHOLDERS[name]

    return _PLACEHOLDER.sub(replace, pattern)
