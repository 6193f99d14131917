"""Any text at all goes through the number and punctuation checks without an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.document import Document, Paragraph, ParagraphKind
from editor.core.engine import Engine
from editor.core.issue import Category

ALPHABET = (
    "0123456789０１.,%～~—-－年月日号星期周一二三四五六七八九十百千万亿零〇两"
    "共其中分别为率个家人元“”‘’《》（）()、，。；：？！ 第届是要截止至约左右以上以下超近余多"
)
ENGINE = Engine(categories={Category.NUMBER, Category.PUNCTUATION})
KINDS = st.sampled_from([ParagraphKind.HEADLINE, ParagraphKind.BODY])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.text(alphabet=ALPHABET, min_size=1, max_size=60), KINDS), min_size=1, max_size=6))
def test_random_figures_and_marks_never_crash(paragraphs):
    document = Document([Paragraph(text, kind=kind) for text, kind in paragraphs])
    for issue in ENGINE.check(document).issues:
        assert document.paragraphs[issue.paragraph].text[issue.start : issue.end] == issue.text
        assert 0 <= issue.start <= issue.end
