"""Store the tables the typo checks would otherwise build at every start: readings, confusion sets, sound-alike words.

Building them took 0.6 s of every start (pypinyin's import, the readings of every confusion
pair, the near sounds of the common characters, the homophone index over jieba's words).
Run this after `tools/lm_learn_pairs.py`, or after upgrading pypinyin, jieba or pycorrector:
`tests/core/lm/test_lm_tables.py` fails while a stored table differs from a fresh build.

    .venv/bin/python tools/build_lm_tables.py        # a few seconds

Writes where the app reads them (the checkout's ``resources/`` in a development install), each
atomically, one entry a line (so a change reads as a diff):
``resources/pinyin/readings.json`` (`editor.core.pinyin`), ``resources/lm/confusables.json``
(`editor.core.lm.lexicon`) and ``resources/lm/homophone_words.json`` (`editor.core.lm.homophones`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

from editor.core import pinyin
from editor.core.io.atomic import write_atomically
from editor.core.lm.homophones import WORDS_FILE, build_index
from editor.core.lm.lexicon import CONFUSABLES_FILE, build_confusables, stored_form
from editor.core.resources import resource_path
from editor.core.segmentation import word_frequencies


def json_lines(table: Mapping[str, object]) -> bytes:
    """``table`` as a JSON object of one entry a line, in UTF-8."""
    entries = ",\n".join(
        f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in table.items()
    )
    return ("{\n" + entries + "\n}\n").encode("utf-8")


def write(path: Path, table: Mapping[str, object]) -> None:
    data = json_lines(table)
    write_atomically(path, lambda handle: handle.write(data))
    print(f"{len(table)} entries written to {path.resolve()}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    write(resource_path("pinyin", pinyin.READINGS_FILE), pinyin.build_readings())
    pinyin.forget_readings()  # the confusion sets and the index are built from the readings just written
    write(resource_path("lm", CONFUSABLES_FILE), stored_form(build_confusables()))
    write(resource_path("lm", WORDS_FILE), build_index(word_frequencies()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
