"""Where the names are: the spans of a paragraph that typo detectors must leave alone.

Person, place and organisation names are the first source of false alarms of a
statistical corrector (pycorrector issues #27, #63, #131, #436): an unusual given name
such as 恽淇丞 looks like a typo to a language model. This module finds them from
evidence a copy editor would use, and only evidence protects a name outright:

* bylines: （记者 黄雅婷）, （陈雨康 记者 朱梦琪）, 本报记者 张三;
* an official title just before a name: 区长恽淇丞, 区委副书记、区长恽淇丞, 局长张文伟;
* enumerations of people: 区领导恽淇丞、孙益锋、张小虎 … 参加活动;
* company names ending in 有限公司, 股份有限公司 and the like;
* the user's own dictionary and ignore list;
* the document's memory (`document_names`: a name established once, or tagged twice) and
  the officials register, which the caller adds as known names.

jieba's part-of-speech tags (nr, ns, nt, nz; `editor.core.segmentation`) are weak evidence:
they call ordinary words and typos names too, so `find_tagged_spans` returns them apart, for
the statistical detector to weigh rather than to obey.

`find_person_names` returns the people with the evidence that found them; the
`name.inconsistent` check builds on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache

import ahocorasick

from editor.core.cancellation import checkpoint
from editor.core.han import HAN, is_han
from editor.core.segmentation import is_common_word, is_dictionary_word, tag
from editor.core.userdata import accepted_words

Span = tuple[int, int]

# The 百家姓 with the surnames common in present-day Jiangsu news (恽, 夷, 覃, 闫, 肖 …).
SURNAMES = frozenset(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平"
    "黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童"
    "颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔"
    "吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰"
    "秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴"
    "胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习"
    "宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛"
    "阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公恽夷覃佘岳帅冼麦练粟阳银付闫兰代官占"
    "植邝揭晋肖丛尉"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 令狐 慕容 夏侯 轩辕 长孙 宇文 司徒 西门 端木 南宫 独孤".split()
)

# Titles that precede a name in news copy; the longest match wins (副区长 before 区长).
TITLES = (
    "书记 副书记 党组书记 党委书记 党工委书记 总书记 区长 副区长 市长 副市长 县长 副县长 镇长 副镇长 乡长 "
    "省长 副省长 主任 副主任 主席 副主席 局长 副局长 厅长 副厅长 处长 副处长 科长 部长 副部长 委员 常委 "
    "秘书长 副秘书长 董事长 副董事长 总经理 副总经理 经理 总裁 院长 副院长 校长 副校长 所长 站长 队长 "
    "组长 社长 会长 理事长 检察长 副检察长 庭长 审判长 村长 主编 总编辑 总工程师 教授 研究员 博士 医生 "
    "主任医师 老师"
).split()
_LIST_LEADS = ("领导", "嘉宾", "负责人", "同志")
_LIST_ENDS = ("参加", "出席", "陪同", "参与", "一同", "等", "分别", "共同")
# A character that, right after a two-character name, usually starts the next word (表示, 指出, 说 …).
_STOPPERS = frozenset(
    "说等和与及在指表主介强认要对率带陪出参讲致宣提希期为也就是作向以会到来调视检同一分代发"
    "先首还则均都又称答告透坦接看听了的深现亲赴走前专当曾已将详总积并更"
)
_ONE_CHARACTER_STOPS = frozenset("说等和与及在到对向将是也就都还又率陪")
_BYLINE = re.compile(r"[（(]([^（）()\n]{2,40})[）)]")
_BYLINE_ROLES = re.compile(
    r"[\s、，,/；;]+|见习记者|实习记者|特约记者|记者|通讯员|实习生|摄影|摄|报道|本报|本台|文/|图/"
)
# A byline outside brackets or a photo credit, where a space sets the name off: 记者 刘畅, 刘晓燕 摄.
_SPACED_BYLINE = re.compile(
    rf"(?:记者|通讯员|实习生|摄影)[ \u3000]+([{HAN}]{{2,4}})(?=[ \u3000）)]|$)"
    rf"|([{HAN}]{{2,4}})[ \u3000]+摄(?=[ \u3000）)。]|$)"
)
_REPORTER = re.compile(
    rf"(?:本报|本台|新华社)(?:特约|见习|实习)?(?:记者|通讯员)\s*([{HAN}]{{2,3}})(?=[\s、，。）)]|报道|摄|$)"
)
# A name just before a title that closes a noun phrase: 张小虎副区长主持, 由欧阳明华副区长作报告.
_BEFORE_NAME = frozenset("，。；：、“”（）了的与和由同及在向对请 \u3000")
_NAME_THEN_TITLE = re.compile(
    rf"([{HAN}]{{2,4}}?)"
    r"(?=副?(?:书记|区长|市长|县长|镇长|省长|主任|主席|局长|部长|董事长|总经理|院长|校长|同志)"
    r"(?:[，。、；：）\s]|主持|出席|指出|表示|强调|介绍|讲话|致辞|说|一行|等))"
)
_COMPANY = re.compile(
    rf"[{HAN}A-Za-z0-9（）()]{{2,30}}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|研究院|研究所)"
)
_COMPANY_LEADS = re.compile(r"^.*?(?:我区|我市|我县|我省|本市|全区|全市|其中|包括|以及|由|在|与|和|及|是|为|获评|入选)")
_HAN_RUN = re.compile(rf"[{HAN}]+")
_NAME_TAGS = ("nr", "ns", "nt", "nz")


class Evidence(str, Enum):
    """What told us a span is a person's name; the stronger, the more a name check may rely on it."""

    TITLE = "title"
    BYLINE = "byline"
    LIST = "list"
    TAG = "tag"


@dataclass(frozen=True)
class NameMention:
    """A person's name at ``text[start:end]`` and how it was found."""

    start: int
    end: int
    name: str
    evidence: Evidence


def _surname_length(text: str, start: int) -> int:
    if text[start : start + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if start < len(text) and text[start] in SURNAMES else 0


def name_at(text: str, start: int) -> int:
    """The end of a person's name starting at ``start`` (surname + one or two characters), or ``start`` if none.

    The name takes two given characters unless the second one starts the next word
    (局长张文伟表示 → 张文伟, but 主任季云说 → 季云, 郑政平一行 → 郑政平).
    """
    surname = _surname_length(text, start)
    if not surname:
        return start
    first = start + surname
    if first >= len(text) or not is_han(text[first]):
        return start
    second = first + 1
    if second >= len(text) or not is_han(text[second]):
        return second
    if text[second] in _STOPPERS and (
        text[second] in _ONE_CHARACTER_STOPS or is_dictionary_word(text[second : second + 2])
    ):
        return second
    return second + 1


def _byline_names(text: str) -> Iterable[NameMention]:
    for match in _BYLINE.finditer(text):
        content = match.group(1)
        if not any(role in content for role in ("记者", "通讯员", "实习生", "摄")):
            continue
        offset = match.start(1)
        position = 0
        for piece in _BYLINE_ROLES.split(content):
            found = content.find(piece, position) if piece else -1
            if found < 0:
                continue
            position = found + len(piece)
            if 2 <= len(piece) <= 4 and _HAN_RUN.fullmatch(piece):
                yield NameMention(offset + found, offset + found + len(piece), piece, Evidence.BYLINE)
    for match in _REPORTER.finditer(text):
        yield NameMention(match.start(1), match.end(1), match.group(1), Evidence.BYLINE)
    for match in _SPACED_BYLINE.finditer(text):
        group = 1 if match.group(1) else 2
        yield NameMention(match.start(group), match.end(group), match.group(group), Evidence.BYLINE)


@cache
def _title_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for title in TITLES:
        automaton.add_word(title, title)
    automaton.make_automaton()
    return automaton


def _title_names(text: str) -> Iterable[NameMention]:
    for end, _title in _title_automaton().iter_long(text):
        start = end + 1
        name_end = name_at(text, start)
        if name_end - start >= 2 and not is_common_word(text[start:name_end]):
            yield NameMention(start, name_end, text[start:name_end], Evidence.TITLE)
    for start in range(len(text)):
        if (start and text[start - 1] not in _BEFORE_NAME) or not _surname_length(text, start):
            continue
        match = _NAME_THEN_TITLE.match(text, start)
        if match and not is_common_word(match.group(1)):
            yield NameMention(start, match.end(1), match.group(1), Evidence.TITLE)


_CLAUSE = re.compile(r"[^，。；：！？,;:!?\s“”\"（）()]+")


def _is_whole_name(text: str, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` (a middle item of an enumeration) is a name: a surname and one to three more."""
    return 2 <= stop - start <= 4 and bool(_surname_length(text, start)) and bool(_HAN_RUN.fullmatch(text, start, stop))


def _name_ending_at(text: str, start: int, stop: int) -> int | None:
    """Where a name that ends the first item of an enumeration starts (区领导|恽淇丞), or None."""
    return next(
        (stop - size for size in (3, 2, 4) if stop - size >= start and _surname_length(text, stop - size)),
        None,
    )


def _enumerated_people(text: str, start: int, clause: str) -> list[Span]:
    """The names of a clause like 区领导恽淇丞、孙益锋、张小虎参加活动, or none if it is not such a list.

    The first item may carry a lead (区领导), the last a verb (参加活动); the items between
    must be names whole. Lists of things (图书馆、文化馆) fail on surnames or on being words.
    """
    items = clause.split("、")
    if len(items) < 2:
        return []
    bounds: list[Span] = []
    for item in items:
        bounds.append((start, start + len(item)))
        start += len(item) + 1
    (first_start, first_stop), (last_start, last_stop) = bounds[0], bounds[-1]
    lead = _name_ending_at(text, first_start, first_stop)
    last_end = name_at(text, last_start)
    tail = text[last_end:last_stop]
    if lead is None or last_end - last_start < 2 or last_end > last_stop or (tail and not tail.startswith(_LIST_ENDS)):
        return []
    if not all(_is_whole_name(text, item_start, item_stop) for item_start, item_stop in bounds[1:-1]):
        return []
    found = [(lead, first_stop), *bounds[1:-1], (last_start, last_end)]
    words = sum(is_dictionary_word(text[item_start:item_stop]) for item_start, item_stop in found)
    introduced = text[first_start:lead].endswith(_LIST_LEADS) or bool(tail)
    if words * 3 > len(found) or (len(found) < 3 and not introduced):
        return []
    return found


def _enumeration_names(text: str) -> Iterable[NameMention]:
    """Names in 恽淇丞、孙益锋、张小虎 runs: every item a surname and one or two characters, few of them words."""
    for clause in _CLAUSE.finditer(text):
        for start, end in _enumerated_people(text, clause.start(), clause.group()):
            yield NameMention(start, end, text[start:end], Evidence.LIST)


@lru_cache(maxsize=1024)
def _tagged_words(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """jieba's words of ``text`` with their spans and part-of-speech tags (tagging is the slow part: once per text)."""
    words = []
    position = 0
    for word, flag in tag(text):
        start, position = position, position + len(word)
        words.append((start, position, word, flag))
    return tuple(words)


def _tagged_names(text: str) -> Iterable[NameMention]:
    for start, position, word, flag in _tagged_words(text):
        if flag.startswith("nr") and len(word) >= 2 and _surname_length(word, 0) and not is_dictionary_word(word):
            yield NameMention(start, position, word, Evidence.TAG)


@lru_cache(maxsize=4096)
def find_person_names(text: str) -> tuple[NameMention, ...]:
    """People named in ``text``, without overlaps: where two finders disagree, the stronger evidence wins."""
    strength = {evidence: rank for rank, evidence in enumerate(Evidence)}
    mentions = (*_byline_names(text), *_title_names(text), *_enumeration_names(text), *_tagged_names(text))
    kept: list[NameMention] = []
    for mention in sorted(mentions, key=lambda mention: strength[mention.evidence]):
        if not overlaps(((other.start, other.end) for other in kept), mention.start, mention.end):
            kept.append(mention)
    return tuple(sorted(kept, key=lambda mention: mention.start))


def _tagged_spans(text: str) -> Iterable[Span]:
    """Spans jieba tags as names; an unknown person's name must at least start with a surname."""
    for start, position, word, flag in _tagged_words(text):
        if len(word) >= 2 and flag.startswith(_NAME_TAGS):
            if flag.startswith("nr") and not is_dictionary_word(word) and not _surname_length(word, 0):
                continue
            yield start, position


def _company_spans(text: str) -> Iterable[Span]:
    for match in _COMPANY.finditer(text):
        name = match.group()
        lead = _COMPANY_LEADS.match(name[:-2])
        start = match.start() + (lead.end() if lead else 0)
        if match.end() - start > 4:
            yield start, match.end()


@lru_cache(maxsize=4096)
def _name_spans(text: str) -> tuple[Span, ...]:
    """Names found from evidence (titles, bylines, enumerations) and companies; jieba's tags alone are not evidence."""
    spans = [
        (mention.start, mention.end) for mention in find_person_names(text) if mention.evidence is not Evidence.TAG
    ]
    return (*spans, *_company_spans(text))


@lru_cache(maxsize=8)
def _word_automaton(words: frozenset[str]) -> ahocorasick.Automaton | None:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def word_spans(text: str, words: frozenset[str]) -> list[Span]:
    """Where any of ``words`` stands in ``text`` (one Aho-Corasick pass)."""
    automaton = _word_automaton(words)
    if automaton is None:
        return []
    return [(end + 1 - length, end + 1) for end, length in automaton.iter(text)]


def accepted_word_spans(text: str) -> list[Span]:
    """Where the words of the user dictionary and the ignore list stand in ``text``."""
    return word_spans(text, accepted_words())


def document_names(texts: Iterable[str]) -> frozenset[str]:
    """The document-level memory of names: people named with evidence anywhere, and tagged names seen twice.

    A name introduced once as 区长恽淇丞 is protected wherever else it stands (恽淇丞指出);
    a name jieba's tagger guesses is trusted once the document uses it more than once.
    Pass the result to `find_protected_spans` for every paragraph of that document.
    """
    evidenced: set[str] = set()
    tagged: dict[str, int] = {}
    for text in texts:
        checkpoint()  # segmenting a long draft takes seconds: a newer snapshot stops it here
        for mention in find_person_names(text):
            if mention.evidence is Evidence.TAG:
                tagged[mention.name] = tagged.get(mention.name, 0) + 1
            else:
                evidenced.add(mention.name)
    return frozenset(evidenced | {name for name, count in tagged.items() if count > 1})


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans covering the same characters."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def find_protected_spans(text: str, known_names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sorted, merged ``(start, end)`` spans of the names the statistical typo detector must never flag.

    Names on evidence (`find_name_spans`: bylines, titles, enumerations, companies, user words)
    and every occurrence of ``known_names`` (`document_names`: the names the rest of the
    document established, the officials register). Fast enough to run on every paragraph:
    jieba loads once, and results are cached by the paragraph's text.
    """
    if not text:
        return []
    return merge_spans([*find_name_spans(text), *word_spans(text, known_names)])


def find_tagged_spans(text: str, protected: Iterable[Span] = ()) -> list[Span]:
    """Spans only jieba's tagger calls a name (nr, ns, nt, nz), outside ``protected``: weak evidence.

    The tagger calls ordinary words names (严格执行 and 陈述 nr, 保家卫国 ns) and, through its
    unknown-word model, typos too (白治区 for 自治区, 诺实 for 落实); a veto on the tag alone hid
    48 of the 854 slips of the held-out CSCD-NS and ECSpell odw lines of `../shared/train`.
    The statistical detector weighs the tag instead (a feature of its re-ranker, learnt from
    clean text full of names and from real slips).
    """
    protected = list(protected)
    return merge_spans(span for span in _tagged_spans(text) if not overlaps(protected, *span))


def detector_guard(text: str, known_names: frozenset[str] = frozenset()) -> tuple[list[Span], list[Span]]:
    """What the statistical typo detector leaves alone in ``text`` and what it weighs as a possible name.

    The spans of `find_protected_spans`, and those of `find_tagged_spans` outside them: one
    definition for the check and for the re-ranker's training, so that the model learns on
    what it is shown at work.
    """
    protected = find_protected_spans(text, known_names)
    return protected, find_tagged_spans(text, protected)


def find_name_spans(text: str) -> list[tuple[int, int]]:
    """Evidenced names (bylines, titles, lists), companies and user words, sorted and merged.

    Also the rule-based checks' guard, which only match known wrong forms: jieba's tags also
    cover ordinary words (关怀, 城市), a few misspelt idioms (墨守陈规 nr) and, through its
    unknown-word model, typos that start with a surname (通迅) that such rules must still see.
    """
    if not text:
        return []
    return merge_spans([*_name_spans(text), *accepted_word_spans(text)])


def overlaps(spans: Iterable[Span], start: int, end: int) -> bool:
    """Whether ``[start, end)`` shares a character with any of ``spans``."""
    return any(span_start < end and start < span_end for span_start, span_end in spans)
