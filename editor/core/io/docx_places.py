"""Where on the printed page each paragraph of a DOCX saved from a page PDF stood, kept as hidden bookmarks.

Layout staff save a corrected PDF draft as DOCX; the copy editor checks that DOCX later, and a finding
must still say "A2 版 第2栏". The place travels with its paragraph as a zero-width bookmark at the
paragraph's start, named ``_PdPlace_<版次>_<栏>_<n>``: Word hides bookmarks whose name starts with an
underscore (as it hides its own ``_Toc``/``_GoBack``), a bookmark moves with its paragraph through edits
in Word, WPS and LibreOffice (which keeps it through its own DOCX export), and it changes nothing that is
shown or printed. ``n`` only makes each name unique, as a document's bookmark names must be.

Reading takes a paragraph's first well-formed mark, so paragraphs joined (on saving, or by the user in
Word) keep the first fragment's place; a paragraph without one (split off in Word, typed anew) stands
where the marked paragraph before it in its flow stands; before any mark, nowhere. A name that does not
parse is some other bookmark, or a damaged one, and is ignored. A text draft's paragraphs have no place
and get no mark.
"""

from __future__ import annotations

import logging
import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from editor.core.document import PrintedPlace

logger = logging.getLogger(__name__)

_PREFIX = "_PdPlace_"
#: 版次 as the PDF reader gives it (``A2``, or the page number), the column (0: not known), the serial.
_NAME = re.compile(rf"^{_PREFIX}([A-Za-z0-9]{{1,8}})_(\d{{1,3}})_\d{{1,9}}$")
_P, _PPR = qn("w:p"), qn("w:pPr")
_START, _END, _ID, _NAME_ATTRIBUTE = qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:id"), qn("w:name")


def mark_place(paragraph: etree._Element, place: PrintedPlace, serial: int) -> None:
    """Put ``place`` at the start of the ``w:p`` as a hidden bookmark with id ``serial`` (unique in the document).

    A place that cannot be named (a 版次 the PDF reader never gives) leaves the paragraph unmarked, logged.
    """
    name = f"{_PREFIX}{place.page}_{place.column}_{serial}"
    if _NAME.match(name) is None:
        logger.warning("no place mark for %r: not a name a bookmark can carry", place)
        return
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(_ID, str(serial))
    start.set(_NAME_ATTRIBUTE, name)
    end.set(_ID, str(serial))
    properties = paragraph.find(_PPR)
    at = 0 if properties is None else paragraph.index(properties) + 1
    paragraph.insert(at, end)
    paragraph.insert(at, start)


def place_named(name: str) -> PrintedPlace | None:
    """The place a bookmark's name carries; None for any other bookmark or a malformed name."""
    found = _NAME.match(name)
    return PrintedPlace(found.group(1), int(found.group(2))) if found else None


class PlaceMarks:
    """The places of a document's paragraphs, asked for one paragraph after the other in reading order."""

    def __init__(self) -> None:
        self._last: dict[str, PrintedPlace] = {}

    def of(self, paragraph: etree._Element, story: str) -> PrintedPlace | None:
        """Where the ``w:p`` stands: its own first mark, else the last place of its flow (``story``)."""
        own = next((place for place in map(place_named, _names(paragraph)) if place is not None), None)
        if own is not None:
            self._last[story] = own
        return self._last.get(story)


def _names(paragraph: etree._Element) -> list[str]:
    """The names of the bookmarks that start just before the paragraph (Word may put one between paragraphs)
    and in it (not in a text box inside it), in document order."""
    before = []
    for sibling in paragraph.itersiblings(preceding=True):
        if sibling.tag not in (_START, _END):
            break
        if sibling.tag == _START:
            before.append(sibling.get(_NAME_ATTRIBUTE, ""))
    inside = [
        start.get(_NAME_ATTRIBUTE, "")
        for start in paragraph.iter(_START)
        if next(start.iterancestors(_P), None) is paragraph
    ]
    return [*reversed(before), *inside]
