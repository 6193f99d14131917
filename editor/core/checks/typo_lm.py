"""`typo.lm`: characters the language model finds out of place, with a confusable correction.

The statistical layer of the typo category (see `editor.core.lm.detector`). It leaves
alone every name `editor.core.names` finds on evidence (titles, bylines, enumerations,
companies, the user's dictionary and ignore list), the document's memory of names (a name
established once, 区长恽淇丞, is protected wherever else it stands) and the names of the
officials register; what only jieba's tagger calls a name the detector weighs (严格执行 is
tagged nr, and so are typos such as 诺实 for 落实) instead of leaving it. It is registered
as a `Precedence.GUESS`: where a rule (`typo.confusion`, `typo.idiom`, `name.inconsistent`
…) reports the same characters, the engine keeps the rule's finding only, so that one
slip is reported once; where that rule is switched off, this guess is reported instead.

A guess says how sure it is (`how_sure`, in the message the panel and the report show);
the 差错率 counts it as 待核 until a person confirms it (`editor.core.error_rate`).

It is a document check only because of that memory; the engine in charge remembers
its findings per paragraph text (`TypoEngine.find`), so re-checking a document after
an edit redoes the edited paragraphs only, and choosing another engine starts afresh.
"""

from __future__ import annotations

from collections.abc import Iterator

from editor.core.cancellation import checkpoint
from editor.core.document import Document
from editor.core.engine import Precedence, registry
from editor.core.issue import Category, Issue, Severity
from editor.core.lm.typo_engine import typo_engine
from editor.core.names import detector_guard, document_names
from editor.core.officials.register import current_register
from editor.core.rule_info import RuleInfo

RULE = "typo.lm"
RULE_INFO = RuleInfo(
    RULE,
    Category.TYPO,
    "疑似错别字（统计模型）",
    "语言模型发现某个字（或两个字）换成音近、形近的字后句子明显更通顺，提示可能写错；人名、署名和用户词典中的词不报。",
    "各部门要切实履形职责。",
)


@registry.document_check(RULE, Category.TYPO, (RULE_INFO,), Precedence.GUESS)
def check_typo_lm(document: Document) -> Iterator[Issue]:
    engine = typo_engine()
    if not engine.detector.available:
        return
    names = document_names(document.texts) | current_register().names
    for index, paragraph in enumerate(document.paragraphs):
        checkpoint(index, len(document.paragraphs))  # the slowest check: a newer snapshot stops it here
        if not paragraph.text.strip():
            continue
        protected, tagged = detector_guard(paragraph.text, names)
        for finding in engine.find(paragraph.text, tuple(protected), tuple(tagged)):
            yield Issue(
                rule=RULE,
                category=Category.TYPO,
                severity=Severity.WARNING,
                paragraph=index,
                start=finding.start,
                end=finding.end,
                text=finding.text,
                message=f"疑似错别字：“{finding.text}”可能应为“{finding.suggestion}”（{how_sure(finding.probability)}，请核对）",
                suggestions=(finding.suggestion,),
            )


def how_sure(probability: float | None) -> str:
    """The re-ranker's probability in words, in tens of per cent (MacBERT gives none).

    Coarse, so that one slip repeated in other sentences keeps one message (the review
    groups repeats by it) while the desk still tells a near-certain guess from a doubtful one.
    """
    if probability is None:
        return "MacBERT 模型判断"
    tens = int(probability * 10) * 10
    return f"统计模型推测，把握 {tens}% 以上" if tens else "统计模型推测，把握不足 10%"
