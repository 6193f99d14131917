"""Punctuation checks of GB/T 15834-2011 (标点符号用法): the rules of `resources/rules/punctuation.yaml`."""

from __future__ import annotations

from editor.core.engine import registry
from editor.core.gbt.registration import register_rule_file
from editor.core.issue import Category

register_rule_file(registry, "punctuation.yaml", Category.PUNCTUATION)
