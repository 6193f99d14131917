"""Does the text run on across a line end? Asked of the language model for lines that look like headlines.

A short line without punctuation is a headline or the first piece of a paragraph cut
early by a column jump ("西安至延安的动车" / "昨天开通运行"). The character model
knows which: text that runs on scores far higher read straight through than as a
line that ends and a line that starts. Without the model, jieba's segmenter stands
in: a dictionary word across the cut ("义务教" / "育阶段") shows the same.
"""

from __future__ import annotations

from editor.core.layout.words import word_spans_cut
from editor.core.lm.model import language_model
from editor.core.lm.text import lm_char

_WINDOW = 4
#: log10 gain of reading across the cut over ending and restarting there. Chosen on drafts made
#: from the development files: above 3.5, 6 of 2,301 gains were headlines, 91% of true cuts pass.
RUNS_ON_GAIN = 3.5
#: The same for a line as full as its column: a headline seldom fills one exactly, so less evidence
#: will do. On the development files' drafts, of such lines without punctuation at a paragraph's
#: start, 1,909 of 1,952 cuts gain 2 or more, and 7 of 121 headlines.
FULL_LINE_GAIN = 2.0
#: How much surer the language model must be that a line without punctuation reads on where no dictionary
#: word spans the cut: a headline whose last word the article opens with (村口的大槐树 / 槐树下是…) reads on
#: nearly as well as a paragraph cut in two. Chosen on the development drafts of the 1998 人民日报, lines
#: without punctuation at a paragraph's start between blank lines: of those without a word across, 12 of
#: 4,030 headlines and 410 of 546 cuts gain 4 or more, 30 and 459 gain 3.5; 439 cuts have a word across, 3 headlines.
NO_WORD_MARGIN = 0.5


def join_gain(model, left: str, right: str) -> float:
    """log10 P(left+right read through) - log10 P(left ends here, right starts a sentence)."""
    head = " ".join(lm_char(char) for char in left[-_WINDOW:] if not char.isspace())
    tail = " ".join(lm_char(char) for char in right[:_WINDOW] if not char.isspace())
    through = model.score(f"{head} {tail}", bos=False, eos=False)
    apart = model.score(head, bos=False, eos=True) + model.score(tail, bos=True, eos=False)
    return through - apart


def runs_on(left: str, right: str, gain: float = RUNS_ON_GAIN, no_word_margin: float = 0.0) -> bool:
    """Does the text read on from ``left`` into ``right`` by at least ``gain``, or by ``no_word_margin``
    more where no dictionary word spans the cut (the segmenter is asked only when that decides)?"""
    model = language_model()
    if model is None:
        return word_spans_cut(left, right)
    found = join_gain(model, left, right)
    return found >= gain + no_word_margin or (found >= gain and word_spans_cut(left, right))
