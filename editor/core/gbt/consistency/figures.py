"""Figures where they stand, and when two of them count the same thing.

Two figures count the same thing when they have the same unit and the same label,
the words before the number back to the start of the clause (南院二期项目总投资);
one label may have scope words the other lacks (全市、今年), or words the other's sentence
said before it (新院区总投资12亿元，…设置床位1200张 / 新院区设置床位1500张; 春节假期，我区共接待游客 /
假期全区接待游客), also pointed back to (此次招聘会), and the shorter, scope words apart, must be at
least four characters long, or two where the longer adds a subject (two characters or more) the
shorter's sentence named before it (新馆建筑面积2.6万平方米，藏书80万册 / 新馆藏书60万册): two bare short
labels alike (投资5亿元 / 投资8亿元) may each leave out another subject, and 总投资 or 将提供 add none.
Figures said of different months or years are not compared.
Figures written differently (1.15万 and 11500, 三万 and 30000) agree when one is the
other rounded; approximations and bounds (超、近、约、余、多、以上) are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.gbt.numerals import Quantity, quantities, stretch_start
from editor.core.han import HAN

_BOUNDARY = set("，。；：、！？（）()“”‘’《》【】「」 \t,;:!?—")
_QUALIFIERS = (
    "超过", "超", "近", "约", "逾", "达到", "达", "为", "共", "计", "有", "了", "是", "突破", "累计", "合计", "总计",
    "多达", "仅", "已", "的",
)  # fmt: skip
MIN_LABEL = 4
#: The shortest label that names what is counted (藏书, 床位), and the shortest subject another label must add to it.
MIN_NOUN_LABEL = 2
#: Words that may stand before a label without changing what it counts (全市新增学位 = 新增学位).
_SCOPE = re.compile(r"今年|去年|全年|本年|目前|截至目前|累计|共|已|预计|全[市区县省国]|我[市区县省]|本[市区县]")
#: Words that point back to what the article is about (此次招聘会: the 招聘会 of the article).
_BACK_REFERENCE = re.compile(r"^(?:此次|本次|这次|该)")
#: A label with these counts a part or a list, or converts another figure, rather than the quantity itself.
_PART = re.compile(r"其中|分别|包括|约合|折合|相当于|合人民币")
#: A figure after these is a change (增加400亿元) or a new value (提高到420元), not the quantity itself.
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|提高|降低|扩大|缩小|增|减|到|至|比|较|由|从|同比)了?$")
#: Units that number rather than count (十二届, 二次会议, 第3期).
_ORDINAL_UNITS = {"届", "期", "次"}
#: A figure before these is where a change starts (由380元提高到420元).
_CHANGE_AFTER = re.compile(
    r"[^，。；]{0,6}?(?:提高到|增加到|增长到|上升到|下降到|降低到|扩大到|减少到|提高至|增至|降至|升至|到|至)"
)
#: When a figure is for: two figures for different months or years are not the same quantity.
_TIME = re.compile(
    r"\d{4}年|\d{1,2}(?:[—-]\d{1,2})?月份?|[今去前明]年|上半年|下半年|[一二三四]季度|前三季度|[今昨明]天|本月|上月"
    r"|十?[一二三四五六七八九]五”?(?:期间|时期)"
)
#: How many characters after a figure are read: 企业入围 tells what is counted and what happened to it.
AFTER_CHARACTERS = 4
_AFTER = re.compile(rf"[{HAN}]{{0,{AFTER_CHARACTERS}}}")
_SCALES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


@dataclass(frozen=True)
class Figure:
    """A quantity where it stands: paragraph, sentence start, the label before it, the noun after it,
    the time words of its sentence before it, and that sentence's text before it (``lead``)."""

    paragraph: int
    sentence: int
    quantity: Quantity
    label: str
    after: str
    time: frozenset[str]
    lead: str = ""

    @property
    def noun(self) -> str:
        """What is counted, as far as two characters tell (3家企业 → 企业)."""
        return self.after[:2]


def label_before(text: str, start: int) -> str:
    """The words before a figure back to the clause start, without 超/约/达到… at either end.

    Empty when another figure stands right before (向106个国家和4个国际组织): such a
    label says how the figures relate, not what is counted.
    """
    position = start
    while position > 0:
        before = text[position - 1]
        if before in "）)":
            opening = max(text.rfind("（", 0, position - 1), text.rfind("(", 0, position - 1))
            if opening < 0:
                break
            position = opening  # 县（市、区）修改完善制度规定: the bracket belongs to the label
        elif before in _BOUNDARY or before.isdigit():
            break
        else:
            position -= 1
    if position > 0 and text[position - 1].isdigit():
        return ""
    label = text[position:start]
    stripped = True
    while stripped:
        stripped = False
        for word in _QUALIFIERS:
            if label.endswith(word):
                label, stripped = label[: -len(word)], True
            if label.startswith(word):
                label, stripped = label[len(word) :], True
    return label


def _counted(text: str, quantity: Quantity) -> bool:
    """A figure that counts something: not an ordinal, a change, a share (4.3个百分点) or a class (48公斤级)."""
    return not (
        quantity.unit in _ORDINAL_UNITS
        or text.startswith(("百分", "级"), quantity.end)
        or _CHANGE_BEFORE.search(text, max(0, quantity.start - 4), quantity.start)
        or _CHANGE_AFTER.match(text, quantity.end)
    )


def figures(texts: Sequence[str], paragraphs: Sequence[int]) -> list[Figure]:
    """The counting figures of ``paragraphs``, where they stand."""
    found = []
    for paragraph in paragraphs:
        text = texts[paragraph]
        for quantity in quantities(text):
            if not _counted(text, quantity):
                continue
            sentence = stretch_start(text, quantity.start)
            after = _AFTER.match(text, quantity.end).group(0)
            time = frozenset(_TIME.findall(text, sentence, quantity.start))
            label = label_before(text, quantity.start)
            found.append(Figure(paragraph, sentence, quantity, label, after, time, text[sentence : quantity.start]))
    return found


def same_thing(a: Figure, b: Figure) -> bool:
    """Same unit, labels equal up to scope words in front (全市新增学位 / 新增学位), and the same noun after."""
    if a.quantity.unit != b.quantity.unit or _PART.search(a.label) or _PART.search(b.label):
        return False
    if a.noun and b.noun and a.noun != b.noun:
        return False  # 每秒有3个人加入… / 每秒2个人开启…
    shorter, longer = sorted((a, b), key=lambda figure: len(_SCOPE.sub("", figure.label)))
    short, long = _SCOPE.sub("", shorter.label), _SCOPE.sub("", longer.label)  # 我区共接待游客 / 全区接待游客
    if len(short) < MIN_NOUN_LABEL or not long.endswith(short):
        return False
    extra = _BACK_REFERENCE.sub("", long[: len(long) - len(short)])
    if len(short) < MIN_LABEL and len(extra) < MIN_NOUN_LABEL:
        return False  # a short label needs the other's subject: 总 or 将 before 投资 or 提供 is none
    if not extra:
        return True
    # what its sentence said already (春节假期…, 招聘会… / 此次招聘会), but not as the other label itself
    # (新增探明储量340亿立方米，累计探明储量1061亿立方米 counts two things)
    return extra in shorter.lead and long not in _SCOPE.sub("", shorter.lead)


def same_subject(head: Figure, body: Figure) -> bool:
    """The headline's own words around the figure again in the body (我区5家企业入围 / 我区4家企业入围)."""
    return (
        head.quantity.unit == body.quantity.unit
        and len(head.after) == len(body.after) == AFTER_CHARACTERS
        and head.after == body.after
        and _SCOPE.sub("", head.label) == _SCOPE.sub("", body.label)
    )


def same_time(a: Figure, b: Figure) -> bool:
    """Not said of different months or years (10月份 / 1—10月)."""
    return not (a.time and b.time and a.time != b.time)


def _step(quantity: Quantity) -> float | None:
    """The rounding step of a figure written with 万/亿 (1.15万 → 100), None for one written in full."""
    for suffix, scale in _SCALES:
        if quantity.number.endswith(suffix):
            decimals = len(quantity.number[: -len(suffix)].partition(".")[2])
            return scale * 10 ** (-decimals)
    return None


def agree(a: Quantity, b: Quantity) -> bool:
    """Equal, or one is the other rounded to the precision it is written in."""
    if a.value == b.value:
        return True
    for rounded, full in ((a, b), (b, a)):
        step = _step(rounded)
        if step is not None and abs(rounded.value - full.value) <= step / 2 + 1e-9:
            return True
    return False


def same_notation(a: Quantity, b: Quantity) -> bool:
    return a.scaled == b.scaled and a.chinese == b.chinese


def transposed(a: Quantity, b: Quantity) -> bool:
    """43 and 34: the same digits in another order (a slip of the keyboard)."""
    x, y = a.number, b.number
    return x.isdigit() and y.isdigit() and len(x) >= 2 and x != y and sorted(x) == sorted(y)
