"""Number checks of GB/T 15835-2011 (出版物上数字用法), one per rule of `resources/rules/numbers.yaml`."""

from __future__ import annotations

from editor.core.engine import registry
from editor.core.gbt.registration import register_rules

RULES = register_rules(registry, "numbers.yaml")
