"""How long a user waits at launch: launch → window → the draft's text → the first findings.

Starts the editor on a draft as a user does — from source (`python -m editor`) and, when
given, the frozen bundle's executable — with `PROOFDESK_TRACE_STARTUP` set, so that the app
prints when each moment came (`editor.gui.app`), and a fresh, empty user data and cache folder
each time: every launch is a first start (jieba builds its dictionary cache). Targets: text
visible in under 1 s; the window usable at once (its check runs in the check server's
process); findings follow when the models have loaded.

    .venv/bin/python bench/startup.py [--draft FILE] [--frozen dist/proofdesk/proofdesk] [--runs 3]

Runs offscreen unless DISPLAY is set and --x is given.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from editor.core.resources import EXAMPLE_DRAFT
from editor.core.userdata import DATA_DIR_ENV
from editor.gui.app import TRACE_STARTUP_ENV

MOMENTS = ("window", "text", "findings")
TIMEOUT = 120


def launch(command: list[str], draft: Path, on_x: bool) -> dict[str, float]:
    """Seconds from launch to each moment, for one launch with an empty user data folder."""
    with tempfile.TemporaryDirectory(prefix="proofdesk-startup-") as home:
        environment = {
            **os.environ,
            TRACE_STARTUP_ENV: "1",
            DATA_DIR_ENV: str(Path(home) / "data"),
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
            "XDG_CACHE_HOME": str(Path(home) / "cache"),
            "HOME": home,
        }
        if not on_x:
            environment["QT_QPA_PLATFORM"] = "offscreen"
        started = time.time()
        app = subprocess.Popen([*command, str(draft)], env=environment, stderr=subprocess.PIPE, text=True)
        seen: dict[str, float] = {}
        try:
            for line in app.stderr:
                parts = line.split()
                if len(parts) == 3 and parts[0] == "proofdesk-startup" and parts[1] not in seen:
                    seen[parts[1]] = float(parts[2]) - started
                if "findings" in seen or time.time() - started > TIMEOUT:
                    break
        finally:
            app.terminate()
            app.wait(30)
    return seen


def measure(name: str, command: list[str], draft: Path, runs: int, on_x: bool) -> None:
    timings = [launch(command, draft, on_x) for _ in range(runs)]
    figures = []
    for moment in MOMENTS:
        values = [timing[moment] for timing in timings if moment in timing]
        figures.append(f"{moment} {statistics.median(values):.2f} s" if values else f"{moment} never")
    print(f"{name:7s} launch → " + " → ".join(figures) + f"   (median of {runs})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draft", type=Path, default=EXAMPLE_DRAFT)
    parser.add_argument("--frozen", type=Path, help="the bundle's executable (packaging/build.py)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--x", action="store_true", help="use the X server of DISPLAY instead of offscreen")
    args = parser.parse_args()
    print(f"draft {args.draft.name} ({len(args.draft.read_text(encoding='utf-8'))} characters), {os.cpu_count()} cores")
    measure("source", [sys.executable, "-m", "editor"], args.draft, args.runs, args.x)
    if args.frozen:
        measure("frozen", [str(args.frozen)], args.draft, args.runs, args.x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
