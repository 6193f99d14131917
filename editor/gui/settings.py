"""Every setting in one schema of typed defaults, stored through `QSettings`.

A value read back is converted to the type of its default (INI files and the Windows
registry hand back strings, and a one-element list as a plain string).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from editor.core.issue import Category

SCHEMA: dict[str, object] = {
    "check/categories": [category.value for category in Category],
    "check/disabled_rules": [],
    "check/debounce_ms": 500,
    "check/in_process": False,
    "check/macbert_dir": "",  # a local MacBERT model folder; "" leaves typos to the statistical model
    "check/typo_sensitivity": "标准",  # the statistical typo engine's level (editor.core.lm.sensitivity)
    "editor/font_family": "",
    "editor/font_size": 14,
    "editor/zoom": 0,
    "files/recent": [],
    "files/autosave_seconds": 30,
    "ui/language": "zh_CN",
    "ui/welcomed": False,  # the first-run page was shown (editor/gui/welcome.py)
    "window/geometry": b"",
    "window/splitter": b"",
}
RECENT_LIMIT = 10


class Settings:
    """Typed access to the schema's keys; an unknown key is a programming error."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def value(self, key: str):
        default = SCHEMA[key]
        raw = self.store.value(key, None)
        if raw is None:
            return list(default) if isinstance(default, list) else default
        return _convert(raw, default)

    def set_value(self, key: str, value) -> None:
        default = SCHEMA[key]
        if isinstance(default, bytes):
            value = QByteArray(bytes(value))
        self.store.setValue(key, value)

    def add_recent(self, path: str) -> list[str]:
        """Put ``path`` first in the recent files and return the list."""
        recent = [path] + [other for other in self.value("files/recent") if other != path]
        recent = recent[:RECENT_LIMIT]
        self.set_value("files/recent", recent)
        return recent


def _convert(raw, default):
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in {"true", "1", "yes"}
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(item) for item in raw]
    if isinstance(default, bytes):
        return bytes(raw) if isinstance(raw, QByteArray | bytes) else default
    return str(raw)
