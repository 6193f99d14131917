"""Cut a paragraph's runs at given offsets once, then find whole runs by offset.

Tracked changes and comment ranges wrap or bracket whole runs. Splitting a run
copies its formatting to both halves and never changes the shown text; a formatting
change the author tracked (``w:rPrChange``) is then in both halves, and the copy gets
a revision id of its own (``new_id``), since ids must be unique in the document. All cuts
are made before any markup, so the runs found later are always those of the
original offsets, however much has been wrapped, hidden or added since; and a long
paragraph is walked once, not once per finding.
"""

from __future__ import annotations

import copy
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from editor.core.io.docx_text import paragraph_atoms, set_text

_RPR, _ID = qn("w:rPr"), qn("w:id")


class RunIndex:
    """The runs of one paragraph, cut at ``cuts`` (offsets of its shown text); ``new_id`` numbers copied revisions."""

    def __init__(self, paragraph: etree._Element, cuts: Iterable[int], new_id: Callable[[], int]) -> None:
        atoms = paragraph_atoms(paragraph)
        starts = [atom.start for atom in atoms]
        for position in sorted(set(cuts), reverse=True):
            index = bisect_right(starts, position) - 1
            if index < 0:
                continue
            atom = atoms[index]
            if position == atom.start:
                _split_run_before(atom.element, new_id)
                if index > 0:  # pictures or field characters after the text before stay out of the cut
                    _split_run_after(atoms[index - 1].element, new_id)
            elif position < atom.end:
                _split_text(atom.element, position - atom.start, new_id)
            else:
                _split_run_after(atom.element, new_id)
        self.atoms = paragraph_atoms(paragraph)
        self._starts = [atom.start for atom in self.atoms]
        self.length = self.atoms[-1].end if self.atoms else 0

    def runs(self, start: int, end: int) -> list[etree._Element]:
        """The runs showing ``[start, end)`` (both must be cuts), in order."""
        runs: list[etree._Element] = []
        for atom in self.atoms[bisect_left(self._starts, start) :]:
            if atom.end > end:
                break
            if not runs or runs[-1] is not atom.run:
                runs.append(atom.run)
        return runs

    def run_from(self, position: int) -> etree._Element | None:
        """The run of the first character at or after ``position``."""
        index = bisect_left(self._starts, position)
        return self.atoms[index].run if index < len(self.atoms) else None

    def run_before(self, position: int) -> etree._Element | None:
        """The run of the character just before ``position``."""
        index = bisect_left(self._starts, position) - 1
        return self.atoms[index].run if index >= 0 else None


def _split_text(element: etree._Element, offset: int, new_id: Callable[[], int]) -> None:
    """Cut a ``w:t`` in two at ``offset``, and its run between them."""
    text = element.text or ""
    tail = OxmlElement("w:t")
    set_text(tail, text[offset:])
    set_text(element, text[:offset])
    element.addnext(tail)
    _split_run_before(tail, new_id)


def _split_run_after(child: etree._Element, new_id: Callable[[], int]) -> None:
    following = child.getnext()
    if following is not None:
        _split_run_before(following, new_id)


def _split_run_before(child: etree._Element, new_id: Callable[[], int]) -> None:
    run = child.getparent()
    if not any(sibling.tag != _RPR for sibling in child.itersiblings(preceding=True)):
        return
    tail = OxmlElement("w:r")
    properties = run.find(_RPR)
    if properties is not None:
        properties = copy.deepcopy(properties)
        for revision in properties.iter():
            if revision.get(_ID) is not None:
                revision.set(_ID, str(new_id()))
        tail.append(properties)
    for element in [child, *child.itersiblings()]:
        tail.append(element)
    run.addnext(tail)


def run_properties(run: etree._Element | None) -> etree._Element | None:
    """A copy of a run's formatting for new text beside it, without its own revision marks."""
    properties = None if run is None else run.find(_RPR)
    if properties is None:
        return None
    properties = copy.deepcopy(properties)
    for change in properties.findall(qn("w:rPrChange")):
        properties.remove(change)
    return properties
