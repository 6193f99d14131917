"""Convert the bundled ARPA language models to kenlm's binary format, which loads by mmap in milliseconds.

kenlm parses an ARPA model's text on every start (1.2 s for the character 3-gram, 0.3 s for the
word 2-gram on this machine); its binary format is mapped into memory instead. kenlm-ex, the
query library the app uses, reads that format but ships no ``build_binary`` to write it. kenlm's
source distribution on PyPI carries the program's C++ source, which builds without boost from
ARPA text: this script fetches that sdist with pip (one pinned version), compiles
``build_binary`` with g++ once into ``build/kenlm/`` and converts each model to the ``.klm``
beside it (`editor.core.lm.model.binary_file`), atomically.

    .venv/bin/python tools/lm_binary.py                       # both models of resources/lm
    .venv/bin/python tools/lm_binary.py /tmp/lm/zh_char_3gram.arpa.gz

Each model gets the structure its use asks for (`STRUCTURES`). The character 3-gram is scored
some fifty times per character checked, so it is kenlm's probing hash table (61.9 MB): the typo
pass reads as fast as from the ARPA text, which kenlm also loads into a probing table, where the
trie (23.6 MB) cost it a fifth of its speed and a smaller table (``-p 1.25``, 51.6 MB) 7%; 8-bit
quantisation (trie only) moves sentence scores by up to one log10 unit, enough to change findings.
The word 2-gram, asked a few times per candidate, is the trie (7.5 MB). Both score exactly as
their ARPA text does (a test compares them). The conversion is deterministic: the same ARPA
gives the same bytes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.lm.model import MODEL_FILE, binary_file  # noqa: E402
from editor.core.lm.word_model import WORD_MODEL_FILE  # noqa: E402

KENLM_SDIST = "kenlm==0.3.0"
TOOL_DIR = ROOT / "build" / "kenlm"
#: the library sources build_binary needs (compile_query_only.sh of the sdist: all but tests and mains)
SOURCE_DIRS = ("util/double-conversion", "util", "lm")
#: kenlm's data structure for each model (see the module docstring)
STRUCTURES = {MODEL_FILE: "probing", WORD_MODEL_FILE: "trie"}
FLAGS = ("-O2", "-DNDEBUG", "-DKENLM_MAX_ORDER=6", "-DHAVE_ZLIB", "-std=c++17")


def build_binary_tool(tool_dir: Path = TOOL_DIR) -> Path:
    """kenlm's ``build_binary``, compiled from the pinned sdist the first time and kept in ``tool_dir``."""
    tool = tool_dir / "build_binary"
    if tool.is_file():
        return tool
    tool_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kenlm-src-") as scratch:
        download = [sys.executable, "-m", "pip", "download", KENLM_SDIST, "--no-binary", "kenlm", "--no-deps"]
        _run([*download, "-d", scratch])
        [sdist] = Path(scratch).glob("kenlm-*.tar.gz")
        with tarfile.open(sdist) as archive:
            archive.extractall(scratch, filter="data")
        source = next(path for path in Path(scratch).iterdir() if path.is_dir())
        sources = [
            path
            for folder in SOURCE_DIRS
            for path in sorted((source / folder).glob("*.cc"))
            if not path.name.endswith(("test.cc", "main.cc"))
        ]
        partial = tool.with_suffix(".partial")
        compile_command = [
            "g++",
            "-I",
            str(source),
            *FLAGS,
            str(source / "lm" / "build_binary_main.cc"),
            *map(str, sources),
        ]
        _run([*compile_command, "-o", str(partial), "-lz", "-lpthread"])
        partial.replace(tool)
    return tool


def convert(arpa: Path, tool: Path) -> Path:
    """Write the binary form of the ARPA model ``arpa`` beside it (atomically) and return its path."""
    target = binary_file(arpa)
    partial = target.with_name(target.name + ".partial")
    try:
        _run([str(tool), STRUCTURES.get(arpa.name, "probing"), str(arpa), str(partial)])
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def _run(command: list[str]) -> None:
    """Run ``command`` quietly (kenlm and g++ print progress bars and warnings); its last words if it fails."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise OSError(f"{Path(command[0]).name} failed: {last}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    lm_dir = ROOT / "resources" / "lm"
    parser.add_argument("models", nargs="*", type=Path, default=[lm_dir / MODEL_FILE, lm_dir / WORD_MODEL_FILE])
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.models if not path.is_file()]
    if missing:
        print(f"找不到 ARPA 模型：{'、'.join(missing)}", file=sys.stderr)
        return 1
    try:
        tool = build_binary_tool()
        for arpa in args.models:
            target = convert(arpa, tool)
            print(f"{target}: {target.stat().st_size / 1e6:.1f} MB")
    except OSError as error:
        print(f"无法生成二进制模型：{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
