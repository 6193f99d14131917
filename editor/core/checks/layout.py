"""Layout checks: paragraphs cut by column jumps or hard wraps, and spaces left by extraction.

Every fix here is safe to apply unattended: it only joins paragraphs or removes white
space, never changes a character of the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.document import Document, Paragraph, ParagraphKind
from editor.core.engine import registry
from editor.core.fixes import Fix
from editor.core.issue import Category, Issue, Severity
from editor.core.layout.analysis import CutKind, analyse
from editor.core.layout.columns import CUT_GAP
from editor.core.layout.shape import STRAY_SPACE, copied_gaps, dateline_end, is_latin_letter
from editor.core.rule_info import RuleInfo

_MESSAGES = {
    CutKind.PARAGRAPH: "段落被分栏截断：本段没有在句末结束，应与下一段“{head}”连接。",
    CutKind.WRAP: "硬换行：本行按栏宽折行，应与下一行“{head}”连接。",
    CutKind.NUMBER: "数字与后面的单位或量词被拆开（“{tail}” / “{head}”），应连接。",
    CutKind.WORD: "词语被拆在两段（“{tail}” / “{head}”），应连接。",
    CutKind.HYPHEN: "英文单词跨行断字（“{tail}” / “{head}”），应去掉连字符并连接。",
}
_QUOTE_CHARS = 6
#: The cut finder reports one rule per kind of cut; each is switched on and off on its own.
CUT_RULES = (
    RuleInfo(
        "layout.split_paragraph",
        Category.LAYOUT,
        "分栏截断的段落",
        "段落没有在句末结束就断开（多为分栏或跨版所致），应与下一段连接。",
        "推进城乡一体化，不断提升 ↵ 协作质效。",
    ),
    RuleInfo(
        "layout.hard_wrap",
        Category.LAYOUT,
        "按栏宽硬换行",
        "整段文字按栏宽逐行折断，满栏的行应与下一行连接。",
        "今年以来，全市重大项目建设 ↵ 进展顺利，投资稳步增长。",
    ),
    RuleInfo(
        "layout.split_number",
        Category.LAYOUT,
        "数字与量词被拆开",
        "数字与后面的单位或量词被拆在两段，应连接。",
        "入选省级示范企业8 ↵ 家。",
    ),
    RuleInfo(
        "layout.split_word",
        Category.LAYOUT,
        "词语被拆在两段",
        "一个词被拆在两段的末尾和开头，应连接。",
        "全市义务教 ↵ 育阶段学校。",
    ),
    RuleInfo(
        "layout.hyphenated_word",
        Category.LAYOUT,
        "英文单词跨行断字",
        "英文单词用连字符跨行断开，应去掉连字符并连接。",
        "采用 inter- ↵ national 标准。",
    ),
)
STRAY_SPACE_RULE = RuleInfo(
    "layout.stray_space",
    Category.LAYOUT,
    "汉字间多余的空格",
    "正文汉字之间多出的空格（多为排版或 PDF 提取所致），应删除；署名和标题中的空格不动。",
    "全市新建 改扩建中小学校43所。",
)
#: Gaps inside a byline such as （陈雨康 记者 朱梦琪） are deliberate, also in the two pieces a cut left of one.
_BYLINE_PARENTHETICAL = re.compile(
    r"[（(][^（）()]{0,30}(记者|通讯员|摄|报道)[^（）()]{0,30}([）)]|$)|^[^（）()]{0,30}(记者|通讯员|摄|报道)[^（）()]{0,30}[）)]"
)


@registry.document_check("layout.cuts", Category.LAYOUT, CUT_RULES)
def find_cuts(document: Document) -> Iterator[Issue]:
    """One issue per cut, on the last character of the first fragment; its fix joins the two."""
    paragraphs = document.paragraphs
    for cut in analyse(document).cuts:
        left, right = paragraphs[cut.index].text, paragraphs[cut.index + 1].text
        message = _MESSAGES[cut.kind].format(tail=left[-_QUOTE_CHARS:], head=right[:_QUOTE_CHARS])
        start = len(left) - 1
        flagged = left[start:]
        if cut.kind is CutKind.HYPHEN:
            replacement = ""
        elif (
            is_latin_letter(left[-1])
            and is_latin_letter(right[0])
            or _cut_at_a_bylines_gap(left, paragraphs[cut.index + 1])
        ):
            replacement = flagged + " "
        else:
            replacement = flagged
        yield Issue(
            rule=f"layout.{cut.kind.value}",
            category=Category.LAYOUT,
            severity=Severity.ERROR,
            paragraph=cut.index,
            start=start,
            end=len(left),
            text=flagged,
            message=message,
            suggestions=(replacement,),
            safe=True,
            fixes=(Fix.replacing(cut.index, start, flagged, replacement, joins_next=True),),
        )


def _cut_at_a_bylines_gap(left: str, after: Paragraph) -> bool:
    """Was the line cut at a gap of a byline (（记者 王岚 通讯员 / 李明）), the next line left starting
    with that space? The joined byline keeps it, as the stray-space check leaves such gaps alone."""
    if after.source.indent != CUT_GAP:
        return False
    return any(start <= len(left) < end for start, end in _byline_spans(left + CUT_GAP + after.text))


def _byline_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _BYLINE_PARENTHETICAL.finditer(text)]


@registry.document_check(STRAY_SPACE_RULE.id, Category.LAYOUT, (STRAY_SPACE_RULE,))
def find_stray_spaces(document: Document) -> Iterator[Issue]:
    """White space between Chinese characters in body text, except the gaps of a byline and the one a
    dateline is set apart with (本报讯 昨天下午…, as many papers print it); in a line a PDF viewer copied
    spread wide, every gap the copy put white in, between digits and letters too (学 校 1 3 所 → 学校13所).

    The engine has classified the paragraphs already, so their kinds tell headlines apart.
    """
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.kind is not ParagraphKind.BODY:
            continue
        gaps = copied_gaps(paragraph.text)
        for start, end, was in gaps:
            yield _stray_space(index, paragraph.text, start, end, was, _SPREAD_MESSAGE)
        if gaps:
            continue
        protected = _byline_spans(paragraph.text)
        dateline = dateline_end(paragraph.text)
        for match in STRAY_SPACE.finditer(paragraph.text):
            if match.start() == dateline or any(start <= match.start() < end for start, end in protected):
                continue
            yield _stray_space(index, paragraph.text, match.start(), match.end(), "", _STRAY_MESSAGE)


_STRAY_MESSAGE = "汉字之间有多余的空格（多为排版或 PDF 提取所致），应删除。"
_SPREAD_MESSAGE = "PDF 复制时，撑开排的一行字距成了空格，应删除（字母、数字间的词距留一个空格）。"


def _stray_space(paragraph: int, text: str, start: int, end: int, was: str, message: str) -> Issue:
    return Issue(
        rule=STRAY_SPACE_RULE.id,
        category=Category.LAYOUT,
        severity=Severity.WARNING,
        paragraph=paragraph,
        start=start,
        end=end,
        text=text[start:end],
        message=message,
        suggestions=(was,),
        safe=True,
    )
