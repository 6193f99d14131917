"""What a line of newspaper text looks like: how wide, how it ends, how it starts.

These are the clues a layout person reads at a glance: a line that ends in the
middle of a sentence, a short line with no punctuation (a headline), a byline in
parentheses, the two-character indent of a new paragraph.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from editor.core.han import HAN
from editor.core.marks import CLOSERS, SENTENCE_END, ends_with_sentence_mark

_CLOSERS = "".join(CLOSERS)
#: Marks no line of text starts with: a line that starts with one continues the line before.
CLOSING_MARKS = frozenset("，。、；：？！）》」』】〉”’…,.;:?!)%％")
_CLOSING_MARKS = "".join(CLOSING_MARKS)
#: Particles that follow what they belong to; words begin with the same characters (了解, 着力). Not 过:
#: a line opening on it begins a sentence (过完新年), the segmenter reading it as the verb it is there.
PARTICLES = frozenset("的地得了着们么吗呢吧啊")
_SENTENCE_PUNCTUATION = re.compile(r"[，。；！？,;!?]")
_CHINESE = HAN + "，。、；：？！“”‘’（）《》【】…—"
#: White space between two Chinese characters or marks, which Chinese is set without: what a PDF viewer's
#: copy leaves in a justified line spread wide (a space in every gap), or a typist's slip.
STRAY_SPACE = re.compile(rf"(?<=[{_CHINESE}])[ \t\u3000\u00a0]+(?=[{_CHINESE}])")
#: A run of half-width white between two characters: in a line copied spread wide, the white the copy put in a
#: gap, which takes no room on the page (a full-width space keyed there takes its cell).
_GAP = re.compile(r"(?<=\S)[ \t\u00a0]+(?=\S)")
_SPACED_OUT = 4
#: Marks that open a phrase: a line ending on one is cut inside it, whatever the line looks like.
OPENING = frozenset("“‘（《【(、")
#: Marks no line ends with (禁则): a layout system carries one at a line's end down to the next line.
OPENERS = frozenset("“‘（《【(「『〈")
_OPENERS = "".join(OPENERS)
#: Marks no paragraph of news copy ends with; ；and ： end one only before a list item.
MID_PHRASE = OPENING | frozenset("，,；;：:")
ENDS_BEFORE_ITEM = frozenset("；;：:")
_BRACKETS = (("（", "）"), ("(", ")"), ("《", "》"), ("【", "】"))
_QUOTES = (("“", "”"), ("‘", "’"))
_OPENS_BRACKET = re.compile("[" + re.escape("".join(opening for opening, _ in _BRACKETS)) + "]")
#: Characters a headline does not end with, but a line cut in mid-sentence often does.
DANGLING = OPENING | frozenset("的@#")
#: Units and measure words that follow a number: "8" / "家" is one quantity cut in two.
UNITS = frozenset(
    "个家人名位项件所场次批届期条座台辆部种类只头户间张本册起例天周年月日号时分秒米里克吨斤亩元角万亿千百十余多倍岁度%％"
)
_INTRODUCES = ("：", ":")
_CREDIT = r"[（(][^（）()]{0,30}(记者|通讯员|摄影?|报道|撰稿|整理)[^（）()]{0,30}[）)]"
_BYLINE = re.compile(rf"^{_CREDIT}$")
_ENDS_WITH_CREDIT = re.compile(rf"{_CREDIT}$")
#: The dateline an article opens with (电头), run in with its first paragraph: 本报讯（记者 王岚 通讯员 李明）,
#: or with the place and the day as the 人民日报 prints them: 本报北京1月13日讯, 本报乌鲁木齐一月二十九日电.
_DAY = "[0-9一二三四五六七八九十〇○]{1,3}"
_PLACE_AND_DAY = rf"本报[^（()，。、\d]{{0,8}}{_DAY}月{_DAY}日[讯电]"
_DATELINE_OPENER = rf"^(本报讯|本报综合报道|{_PLACE_AND_DAY}|(据)?(新华社|人民网|中新社)[^（()，。]{{0,12}}电)"
_DATELINE = re.compile(rf"{_DATELINE_OPENER}([（(][^（）()]{{0,40}}[）)])?$")
_OPENS_WITH_DATELINE = re.compile(_DATELINE_OPENER)
_NAMES = rf"[{HAN}·]{{2,6}}([\s\u3000、]+[{HAN}·]{{2,6}})*"
#: 本报记者 王岚, 文/王岚; the 人民日报 prints its reporters without the space (本报记者贾西平, 新华社记者陈毛弟).
_BYLINE_PLAIN = re.compile(
    rf"^((本报)?(记者|通讯员)[\s\u3000]+|(本报|新华社)(特约)?(记者|通讯员)|(文|图|文图|摄影)[/／：:][\s\u3000]*){_NAMES}$"
)
_CAPTION = re.compile(r"^(图为|▲|△|图[一二三四五六七八九十\d]+[：:]|（图[^）]*）$)")
_NUMERAL = "一二三四五六七八九十"
_ENUMERATION = re.compile(rf"^([{_NUMERAL}]+[、是]|（[{_NUMERAL}\d]+）|\d+[.、．](?!\d)|第[{_NUMERAL}]+[，、章条节])")
#: A list item typed by hand: an enumeration, "a)", "1)", "(a)", "1 范围", or a bullet.
_ITEM = re.compile(r"^([A-Za-z\d]{1,3}[)）]|[（(][A-Za-z\d]{1,3}[)）]|\d+(\.\d+)*[\s\u3000]+\S|[•●○■□◆◇▪※★☆\-—*])")
_HYPHENATED = re.compile(r"[A-Za-z]{2,}-$")
#: A headline or subheadline is a short line; longer lines without punctuation are body text.
HEADLINE_MAX_CHARS = 40
#: No headline is shorter; a line of one or two characters is the tail of a cut ("现" / "在他有了…").
HEADLINE_MIN_CHARS = 3


def char_width(char: str) -> int:
    """Display width in half-width units: ideographs and Chinese punctuation take two."""
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


def as_set(text: str) -> str:
    """The line as the layout system set it: a line spaced out by copying without the white the copy put in
    its gaps (`copied_gaps`)."""
    gaps = copied_gaps(text)
    if not gaps:
        return text  # most lines
    pieces, end = [], 0
    for start, stop, was in gaps:
        pieces += [text[end:start], was]
        end = stop
    return "".join(pieces) + text[end:]


def copied_gaps(text: str) -> list[tuple[int, int, str]]:
    """Where a PDF viewer copied a justified line spread wide (学 校 1 3 所 ， 新 增…: a space in a third of its
    gaps or more), each run of white it put in a gap, and what that gap was as set: nothing, or one space where
    the run is wider than one and stands between two letters or digits (i P h o n e   1 5: the word space,
    spread too). Empty for a line not spaced out, whose few spaces (本报讯（记者 王岚 通讯员 李明）) are its own."""
    if " " not in text and "\t" not in text and "\u00a0" not in text:
        return []
    gaps = list(_GAP.finditer(text))
    if len(gaps) < max(_SPACED_OUT, len(text) / 3):
        return []
    return [(gap.start(), gap.end(), " " if _word_space(text, gap) else "") for gap in gaps]


def _word_space(text: str, gap: re.Match) -> bool:
    before, after = text[gap.start() - 1], text[gap.end()]
    return gap.end() - gap.start() > 1 and all(char.isascii() and char.isalnum() for char in (before, after))


@functools.lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def carried(text: str) -> str:
    """What a layout system may have carried down from the end of a full line to the start of ``text``, its
    next line (禁则): the marks that open a phrase, which no line ends with, and a character that a mark no
    line starts with took along (口。 of 借 / 口。美国, set 推出 by 方正 and InDesign instead of hanging 。 past
    the edge), with the closing marks between them (议”， takes 议” along)."""
    if text[:1] not in OPENERS and text[1:2] not in CLOSING_MARKS:
        return ""  # most lines: asked of every line of a draft
    openers = len(text) - len(text.lstrip(_OPENERS))
    rest = text[openers + 1 :]
    marks = len(rest) - len(rest.lstrip(_CLOSING_MARKS))
    if openers < len(text) and text[openers] not in CLOSING_MARKS and marks:
        return text[: openers + marks]
    return text[:openers]


def ends_sentence(text: str) -> bool:
    """Does the paragraph end where a sentence ends (so a cut here is not evident)?"""
    stripped = text.rstrip()
    core = stripped.rstrip(_CLOSERS)
    if not core or ends_with_sentence_mark(stripped):
        return True
    if core != stripped and stripped[0] in "（(" and stripped[-1] in "）)":
        return True  # a paragraph that is one parenthetical: （完） （记者 黄雅婷）
    if _ENDS_WITH_CREDIT.search(stripped):
        return True  # a caption or a story signed at its end: 图为联席会现场。（记者 黄雅婷 摄）
    return False


def introduces(text: str) -> bool:
    """Ends with a colon: what follows (a list, a quotation) may well be a paragraph of its own."""
    return text.rstrip().endswith(_INTRODUCES)


def dangles(text: str) -> bool:
    """Ends on a word that cannot end a headline or a sentence: a preposition, a particle, an open quote."""
    return text[-1:] in DANGLING


def ends_open(text: str) -> bool:
    """Ends on an open quote or bracket, or an enumeration comma: the phrase it opens goes on."""
    return text[-1:] in OPENING


def ends_mid_phrase(text: str) -> bool:
    """Ends on a mark no paragraph of news copy ends with (，、；： or an open bracket or quote),
    or inside brackets left open: in a hard-wrapped column such a line always runs on."""
    return text[-1:] in MID_PHRASE or leaves_open(text)


def leaves_open(text: str) -> bool:
    """Leaves a bracket open (（记者 王岚 通讯员 / 《关于深化…): the phrase it opens goes on past the line end.

    Quotation marks are left out: a quotation running over several paragraphs opens every
    one of them and closes only the last.
    """
    if not _OPENS_BRACKET.search(text):
        return False  # most lines open none: the count below is the slow part
    return any(text.count(opening) > text.count(closing) for opening, closing in _BRACKETS)


def splits_quotation(left: str, right: str) -> bool:
    """Does ``left`` leave a quotation open, mid-sentence, that ``right`` closes before it opens one
    (古银杏是“植物界 / 大熊猫”，是研究…): the one quotation is cut in two.

    A quotation running over several paragraphs opens each of them again (GB/T 15834 on quotation marks),
    so the next paragraph of one opens it before it closes it; and a headline closes its quotes.
    """
    if ends_sentence_mark(left):
        return False
    for opening, closing in _QUOTES:
        if left.count(opening) > left.count(closing):
            closes, opens = right.find(closing), right.find(opening)
            if closes >= 0 and (opens < 0 or closes < opens):
                return True
    return False


def cut_inside_marks(left: str, right: str) -> bool:
    """Is the text cut inside what its marks hold together: on an open mark or an enumeration comma, inside a
    bracket left open, or inside a quotation the next text closes? No paragraph or headline ends there."""
    return ends_open(left) or leaves_open(left) or splits_quotation(left, right)


def number_meets_unit(left: str, right: str) -> bool:
    """A number at the end of one line and its unit or measure word at the start of the next."""
    return left[-1:].isdigit() and right[:1] in UNITS


def has_sentence_punctuation(text: str) -> bool:
    return bool(_SENTENCE_PUNCTUATION.search(text))


def headline_like(text: str) -> bool:
    """Short and without sentence punctuation: how headlines, kickers and subheads look."""
    return (
        HEADLINE_MIN_CHARS <= len(as_set(text)) <= HEADLINE_MAX_CHARS
        and not has_sentence_punctuation(text)
        and not ends_sentence_mark(text)
    )


def ends_sentence_mark(text: str) -> bool:
    return text.rstrip()[-1:] in SENTENCE_END


def is_byline(text: str) -> bool:
    return bool(_BYLINE.match(text) or _BYLINE_PLAIN.match(text))


def is_dateline(text: str) -> bool:
    """Is the line an article's dateline alone? It never ends a paragraph: the article's text follows it."""
    return bool(_DATELINE.match(text))


def opens_with_dateline(text: str) -> bool:
    """Does the line open with an article's dateline (本报讯…, spaced out by copying too)? No headline does: it is
    the article's text."""
    return dateline_end(as_set(text)) is not None


def dateline_end(text: str) -> int | None:
    """Where the dateline the line opens with ends (after 本报讯, 新华社北京1月1日电), or None without one."""
    found = _OPENS_WITH_DATELINE.match(text)
    return found.end() if found else None


def is_caption(text: str) -> bool:
    return bool(_CAPTION.match(text))


def starts_enumeration(text: str) -> bool:
    return bool(_ENUMERATION.match(text))


def starts_with_closing_mark(text: str) -> bool:
    """Does the paragraph begin with a mark that closes or continues something (，。）” …)?

    The particles are left out (`words.starts_with_particle` asks the segmenter): words begin
    with them too (过去, 了解, 得票率), and a heading is followed by such a word as often as not.
    """
    return bool(text) and text[0] in CLOSING_MARKS


def starts_item(text: str) -> bool:
    """Does the paragraph begin as an item of a list or a numbered heading?"""
    return starts_enumeration(text) or bool(_ITEM.match(text))


def is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def is_hyphenated_end(text: str) -> bool:
    """A Latin word broken with a hyphen at the line end: "inter-" / "national"."""
    return bool(_HYPHENATED.search(text))
