"""Read and write numbers the way Chinese copy writes them: 11500, 1.15万, 一万一千五百, 11,500.

Chinese numerals are read by cn2an (a maintained library) rather than by hand; this
module only finds where a number starts and ends, and what it counts (the measure
word after it), so that the consistency checks can compare figures.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass

CHINESE_DIGITS = "〇一二三四五六七八九"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千万亿"

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?"
#: An Arabic number with an optional 万/亿 multiplier, or a run of Chinese numerals.
NUMBER = rf"(?:{ARABIC}(?:万亿|亿|万)?|{CHINESE})"

#: Measure words (量词) and units a counted figure ends with, longest first where they overlap.
MEASURE_WORDS = (
    "平方公里 平方千米 平方米 立方米 千瓦时 万千瓦 千瓦 公里 千米 公顷 人次 户次 架次 车次 万元 亿元 美元 元 "
    "人 名 位 家 个 所 项 件 场 次 条 座 处 批 台 辆 套 张 篇 份 户 间 只 头 株 棵 亩 吨 米 本 种 类 部 "
    "起 宗 片 块 栋 幢 艘 架 列 支 组 对 届 期 枚 首 幅 封 床 册 斤 公斤 千克 克 天 小时 分钟"
).split()
_MEASURE = "|".join(sorted(set(MEASURE_WORDS), key=len, reverse=True))
#: Not inside a number or an ordinal: 第六十三条 holds no figure 十三条.
_BEFORE = r"(?<![\d.,A-Za-z第零〇一二两三四五六七八九十百千万亿])"
#: Words before a figure that say it is not exact (or a bound rather than a value).
APPROXIMATE_BEFORE = (
    "超过", "超", "近", "约", "逾", "不足", "不到", "将近", "接近", "至少", "最多", "上", "几", "数",
    "突破", "高于", "低于", "多于", "少于", "过",
)  # fmt: skip

QUANTITY = re.compile(
    rf"{_BEFORE}(?P<number>{NUMBER})(?P<approx>多|余)?(?P<unit>{_MEASURE})(?P<after>以上|以下|左右|上下)?"
)


def to_halfwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


def to_chinese(text: str) -> str:
    """Arabic integer → Chinese numerals as read (11 → 十一)."""
    import cn2an  # 0.1 s to import: only when a rule needs it

    return cn2an.an2cn(to_halfwidth(text))


def approximate_pair(text: str) -> str:
    """An approximation written as two numbers (3、4 / 三、四) in the form §4.2.2 asks for (三四; 一两; 二三十)."""
    digits = "".join(CHINESE_DIGITS[int(c)] if c.isdigit() else c for c in to_halfwidth(text) if c != "、")
    if digits[:1] in "一二" and not digits.endswith(("十", "百", "千", "万")):
        return digits.replace("二", "两")  # 一两个, 两三天; but 一二十个 (a §4.2.2 example)
    return digits


def full_year(text: str) -> str:
    """A two-digit year written out (98 → 1998, 24 → 2024): a guess the editor confirms."""
    return ("19" if int(text) >= 50 else "20") + text


#: The marks that end a sentence, and those that end a clause inside one.
SENTENCE_ENDS, CLAUSE_ENDS = "。！？", "，；：,;"


def stretch_start(text: str, position: int, ends: str = SENTENCE_ENDS) -> int:
    """Where the stretch of ``text`` holding ``position`` begins: just after the last of ``ends`` before it
    (its sentence's start by default; ``CLAUSE_ENDS`` give its clause's), else 0."""
    return max(text.rfind(mark, 0, position) for mark in ends) + 1


_YEAR_IN_FULL = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
#: How many years after a year given in full a two-digit figure of its sentence may be read as a year.
YEARS_IN_A_SEQUENCE = 10


def dates_a_sequence(text: str, start: int) -> bool:
    """Whether the two digits at ``start`` (15年) follow, in their sentence, a year given in full that is up to
    `YEARS_IN_A_SEQUENCE` earlier than they are as a year: 成立于2008年，15年完成改制 dates events one after
    another. A duration after a year is about as long as the time since (1990年参加工作，30年…)."""
    years = _YEAR_IN_FULL.findall(text, stretch_start(text, start), start)
    return bool(years) and 0 < int(full_year(text[start : start + 2])) - int(years[-1]) <= YEARS_IN_A_SEQUENCE


def to_arabic_text(text: str) -> str:
    """Chinese numerals → Arabic (百分之十五点三 → 15.3%, 十一 → 11); the text unchanged if unreadable."""
    percent = text.startswith("百分之")
    value = parse_number(text[3:] if percent else text)
    if value is None:
        return text
    return format_number(value) + ("%" if percent else "")


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.10g}"


def display(value: float, unit: str, scaled: bool = False) -> str:
    """A value for a message, with 万/亿 when the copy writes it so (21000000元 → 2100万元)."""
    if scaled and value >= 1e8:
        return f"{format_number(round(value / 1e8, 4))}亿{unit}"
    if scaled and value >= 1e4:
        return f"{format_number(round(value / 1e4, 4))}万{unit}"
    return f"{format_number(value)}{unit}"


def parse_number(text: str) -> float | None:
    """The value of ``text`` (``1.15万``, ``11,500``, ``三千零五十二``, ``１０``), or None."""
    text = to_halfwidth(text).replace(",", "").replace(" ", "").replace("\u2009", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    import cn2an

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def consecutive(first: str, second: str) -> bool:
    """Two numbers that follow each other (三、四; 1、2): the shape of an approximation."""
    a, b = parse_number(first), parse_number(second)
    return a is not None and b is not None and b == a + 1


def valid_month_day(month: str, day: str) -> bool:
    """A month 1–12 and a day that exists in it in some year (2月29日 exists)."""
    m, d = parse_number(month), parse_number(day)
    if m is None or d is None or not (1 <= m <= 12) or not m.is_integer():
        return False
    return 1 <= d <= calendar.monthrange(2024, int(m))[1]


def is_chinese_numeral(text: str) -> bool:
    return bool(text) and all(character in _CHINESE_NUMERAL or character == "点" for character in text)


@dataclass(frozen=True)
class Quantity:
    """A counted figure in a text: ``value`` ``unit`` at ``[start, end)``; ``exact`` unless 约/超/多…."""

    start: int
    end: int
    text: str
    number: str
    value: float
    unit: str
    exact: bool

    @property
    def chinese(self) -> bool:
        return is_chinese_numeral(self.number)

    @property
    def scaled(self) -> bool:
        """Written with 万 or 亿 (1.15万), as opposed to all digits (11500)."""
        return self.number.endswith(("万", "亿")) or self.unit.startswith(("万", "亿"))


#: Units whose 万/亿 prefix is part of the unit: 3000万元 is 3000 of 万元.
_SCALED_UNITS = {"万元": ("元", 1e4), "亿元": ("元", 1e8), "万千瓦": ("千瓦", 1e4)}


@functools.lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[Quantity, ...]:
    """The counted figures of ``text``, with 万/亿 folded into the value (3000万元 → 3e7 元).

    A lone 一 is left out: it is as often the article (一家企业负责人说, 其中一家) as a count; a lone 两 counts
    (两家企业获评…).
    """
    found: list[Quantity] = []
    for match in QUANTITY.finditer(text):
        number = match.group("number")
        if number == "一":
            continue
        value = parse_number(number)
        if value is None:
            continue
        unit = match.group("unit")
        if unit in _SCALED_UNITS:
            unit, factor = _SCALED_UNITS[unit]
            value *= factor
        start = match.start()
        before = text[max(0, start - 2) : start]
        exact = not (match.group("approx") or match.group("after") or before.endswith(APPROXIMATE_BEFORE))
        found.append(Quantity(start, match.end(), match.group(0), number, value, unit, exact))
    return tuple(found)
