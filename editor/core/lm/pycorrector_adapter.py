"""The one door to pycorrector: its statistical modules, without its package ``__init__``.

Why not ``import pycorrector``: the package ``__init__`` imports every corrector it
has, MacBERT, T5 and ERNIE included, and with them torch and transformers
(upstream issue shibing624/pycorrector#566), although neither is a declared
dependency and the statistical corrector needs neither. A newsroom PC has no
torch. So we register an empty stand-in for the ``pycorrector`` package, pointing
at its real folder, and import only the submodules we use (``corrector``,
``detector``, ``proper_corrector`` and their ``utils``); their own imports then
resolve against the stand-in and the ``__init__`` never runs.

Everything else in the project imports pycorrector through `pycorrector_module`.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from editor.core.userdata import user_cache_dir

PACKAGE = "pycorrector"
#: The data files of pycorrector the project reads; the frozen app bundles these and no others
#: (its word list alone is 8 MB we never open), so a new one must be named here first.
DATA_FILES = ("common_char_set.txt", "same_pinyin.txt", "same_stroke.txt", "stroke.txt")


def _stand_in_package() -> ModuleType:
    """The ``pycorrector`` package object, created from its spec but never executed."""
    existing = sys.modules.get(PACKAGE)
    if existing is not None:
        return existing
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("未安装 pycorrector")
    package = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = package
    return package


def pycorrector_module(name: str) -> ModuleType:
    """``pycorrector.<name>`` (``"corrector"``, ``"proper_corrector"``, ``"utils.tokenizer"`` …)."""
    # detector.py creates this folder at import time (for model downloads we never make);
    # keep it out of the user's home unless they chose a place themselves.
    os.environ.setdefault("PYCORRECTOR_DATA_DIR", str(user_cache_dir() / "pycorrector"))
    _stand_in_package()
    return importlib.import_module(f"{PACKAGE}.{name}")


def pycorrector_data(name: str) -> Path:
    """A data file shipped inside pycorrector, one of `DATA_FILES` (``same_pinyin.txt`` …)."""
    if name not in DATA_FILES:
        raise ValueError(f"{name} is not among DATA_FILES, which the frozen app bundles")
    package = _stand_in_package()
    return Path(next(iter(package.__path__))) / "data" / name
