"""Punctuation checks of GB/T 15834-2011 (标点符号用法), one per rule of `resources/rules/punctuation.yaml`."""

from __future__ import annotations

from editor.core.engine import registry
from editor.core.gbt.registration import register_rules

RULES = register_rules(registry, "punctuation.yaml")
