"""Whether a DOCX is protected against editing, so that no copy of it is changed without a word.

Word's "restrict editing" (``w:documentProtection`` in the settings, enforced) says the
author wants the document read, commented, filled in or tracked, not rewritten. The
writers refuse such a draft (`ProtectedDocument`) unless told to write the copy anyway.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from editor.core.io.errors import ProtectedDocument

#: What each kind of protection lets a reader do, as Word says it.
_KINDS = {"readOnly": "只读", "comments": "只允许批注", "trackedChanges": "只允许修订", "forms": "只允许填写窗体"}
_ON = {"1", "true", "on"}


def protection(document: DocxDocument) -> str | None:
    """The enforced editing restriction of ``document`` in Chinese, or None if it has none."""
    settings = document.settings.element
    for element in settings.iter(qn("w:documentProtection")):
        kind = element.get(qn("w:edit"), "none")
        if kind != "none" and element.get(qn("w:enforcement"), "0").lower() in _ON:
            return _KINDS.get(kind, kind)
    return None


def refuse_if_protected(document: DocxDocument, name: str) -> None:
    """Raise `ProtectedDocument` if ``document`` restricts editing."""
    restriction = protection(document)
    if restriction is not None:
        raise ProtectedDocument(f"{name}: 文档设置了限制编辑（{restriction}），未写出修改")
