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

#: Categories as a copy editor calls them (the editor's translations say the same).
CATEGORY_NAMES: dict[Category, str] = {
    Category.POLITICAL: "政治",
    Category.LAYOUT: "排版",
    Category.TYPO: "别字",
    Category.NAME: "人名",
    Category.NUMBER: "数字",
    Category.PUNCTUATION: "标点",
}


@dataclass(frozen=True)
class RuleInfo:
    """One rule id as the preferences show it."""

    id: str
    category: Category
    name: str
    description: str
    example: str = ""
