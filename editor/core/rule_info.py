"""What a rule id means to a person: its Chinese name, what it checks, an example of what it flags.

Every rule id a finding can carry (``layout.split_word``, ``typo.confusion.qian_ding``,
``number.range_percent``) has one, so the preferences can list each rule on its own,
switchable, in words a copy editor reads, while the settings keep storing ids. Rules
that are data (the YAML rule files) carry theirs in their data; the Python checks
declare theirs where they register. A check may report several rules (the layout
cut finder reports five kinds of cut): it declares them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.issue import Category


@dataclass(frozen=True)
class RuleInfo:
    """One rule id as the preferences show it."""

    id: str
    category: Category
    name: str
    description: str
    example: str = ""
