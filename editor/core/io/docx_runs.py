"""Cut runs so that a span of a paragraph's shown text is made of whole runs.

Tracked changes and comment ranges wrap or bracket whole runs. Splitting a run
copies its formatting to both halves and never changes the shown text, so the
character offsets of `docx_text` stay valid while a paragraph is being marked up.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from editor.core.io.docx_text import paragraph_atoms, set_text

_RPR = qn("w:rPr")


def split_runs_at(paragraph: etree._Element, position: int) -> None:
    """Make ``position`` of ``paragraph``'s shown text fall between two runs."""
    for atom in paragraph_atoms(paragraph):
        if atom.start < position < atom.end:
            tail = OxmlElement("w:t")
            set_text(tail, atom.text[position - atom.start :])
            set_text(atom.element, atom.text[: position - atom.start])
            atom.element.addnext(tail)
            _split_run_before(tail)
            return
        if atom.start == position:
            _split_run_before(atom.element)
            return


def _split_run_before(child: etree._Element) -> None:
    run = child.getparent()
    if not any(sibling.tag != _RPR for sibling in child.itersiblings(preceding=True)):
        return
    tail = OxmlElement("w:r")
    properties = run.find(_RPR)
    if properties is not None:
        tail.append(copy.deepcopy(properties))
    moving = [child, *child.itersiblings()]
    for element in moving:
        tail.append(element)
    run.addnext(tail)


def runs_between(paragraph: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs showing ``[start, end)``, in order, after cutting runs at both ends."""
    split_runs_at(paragraph, end)
    split_runs_at(paragraph, start)
    runs: list[etree._Element] = []
    for atom in paragraph_atoms(paragraph):
        if start <= atom.start and atom.end <= end and (not runs or runs[-1] is not atom.run):
            runs.append(atom.run)
    return runs


def run_properties(run: etree._Element | None) -> etree._Element | None:
    """A copy of a run's formatting for new text beside it, without its own revision marks."""
    properties = None if run is None else run.find(_RPR)
    if properties is None:
        return None
    properties = copy.deepcopy(properties)
    for change in properties.findall(qn("w:rPrChange")):
        properties.remove(change)
    return properties
