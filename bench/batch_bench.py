"""How much a batch run saves over separate runs: a day's folder of drafts checked at once, on one and on all cores.

The bench writes a folder of ``--drafts`` drafts (40 by default, about 5,000 characters each: the
example draft repeated, every copy numbered from a place of its own, so that no two drafts are the
same text) and times, as a user would run them:

- ``proofdesk check DIR --json -j 1``: one process, the models loaded once;
- ``proofdesk check DIR --json`` on all the cores this process may use (worker processes, each
  loading the models once);
- one ``proofdesk check FILE --json`` per draft, one after the other: what a script did before,
  loading the models for every file.

Target: the batch on 2 cores takes at most half the time of the separate runs.

    .venv/bin/python bench/batch_bench.py [--drafts 40] [--chars 5000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.gui_save import make_numbered_draft  # noqa: E402
from editor.core.batch import default_workers  # noqa: E402


def make_day(folder: Path, drafts: int, characters: int) -> int:
    """Write ``drafts`` different drafts into ``folder``; return their characters."""
    folder.mkdir(parents=True, exist_ok=True)
    return sum(make_numbered_draft(folder / f"page{n:02d}.txt", characters, first=n * 100) for n in range(drafts))


def timed(*args: str) -> tuple[float, dict]:
    """Run ``proofdesk check … --json``; the wall time and what it printed."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "editor", "check", "--json", *args], capture_output=True, text=True, cwd=ROOT
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"proofdesk check {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return elapsed, json.loads(result.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=40)
    parser.add_argument("--chars", type=int, default=5000, help="characters per draft")
    args = parser.parse_args(argv)
    cores = default_workers()
    with tempfile.TemporaryDirectory() as scratch:
        day = Path(scratch) / "day"
        characters = make_day(day, args.drafts, args.chars)
        print(f"{args.drafts} drafts, {characters:,} characters; {cores} cores")
        one, alone = timed(str(day), "-j", "1")
        every, together = timed(str(day), "-j", str(cores))
        if together != alone:
            raise SystemExit("the workers found something else than one process")
        separate = 0.0
        findings = 0
        for draft in sorted(day.glob("*.txt")):
            seconds, report = timed(str(draft))
            separate += seconds
            findings += len(report["issues"])
        if findings != sum(len(entry["issues"]) for entry in alone["files"]):
            raise SystemExit("the separate runs found something else than the batch")
    print(f"findings: {findings}")
    print(f"batch, 1 process:        {one:6.1f} s  ({characters / one:,.0f} characters/s)")
    print(f"batch, {cores} processes:      {every:6.1f} s  ({characters / every:,.0f} characters/s)")
    print(f"{args.drafts} separate runs:        {separate:6.1f} s  ({characters / separate:,.0f} characters/s)")
    print(f"batch on {cores} cores / separate runs: {every / separate:.2f} (target ≤ 0.5 on 2 cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
