"""Number checks of GB/T 15835-2011 (出版物上数字用法): the rules of `resources/rules/numbers.yaml`."""

from __future__ import annotations

from editor.core.engine import registry
from editor.core.gbt.registration import register_rule_file
from editor.core.issue import Category

register_rule_file(registry, "numbers.yaml", Category.NUMBER)
