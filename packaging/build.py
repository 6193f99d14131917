"""Build the one-folder windowed app for the platform this runs on, and say what takes the room.

    .venv/bin/pip install pyinstaller && .venv/bin/python packaging/build.py [--dist DIR]

PyInstaller runs `packaging/proofdesk.spec` (what is bundled and what is left out is said
there). On Linux the libraries are then stripped of their debugging symbols, and the bundle
gets its desktop integration under `share/` (the desktop entry, the AppStream metainfo,
hicolor icons) and `install-desktop-entry.sh`, which puts them in the user's menu
(`~/.local/share`) pointing at this folder's executable, so that "open with" offers the app
for text, Word and PDF drafts. The Windows installer (`packaging/windows/proofdesk.iss`,
Inno Setup) packs the same folder; it is built on Windows.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP_ID = "io.github.proofdesk.Proofdesk"
#: Lines of the size report: the biggest entries of the bundle.
LARGEST = 12
#: A library that auditwheel vendored into a wheel carries a hash in its name (libscipy_openblas64_-32a4b2a6.so);
#: `strip` breaks their layout ("ELF load command address/offset not page-aligned"), so they stay as shipped.
VENDORED = re.compile(r"-[0-9a-f]{8}\.so")

INSTALL_SCRIPT = """#!/bin/sh
# Put 校对台 Proofdesk in this user's application menu and "open with" lists, run from this folder.
set -e
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/metainfo"
sed "s|^Exec=proofdesk|Exec=\\"$here/proofdesk\\"|" "$here/share/applications/APP_ID.desktop" \\
  > "$data/applications/APP_ID.desktop"
cp "$here/share/metainfo/APP_ID.metainfo.xml" "$data/metainfo/"
cp -r "$here/share/icons" "$data/"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "校对台已加入应用菜单：$data/applications/APP_ID.desktop"
""".replace("APP_ID", APP_ID)


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the bundle's folder."""
    from PyInstaller.__main__ import run

    run([str(HERE / "proofdesk.spec"), "--noconfirm", "--log-level=WARN", f"--distpath={dist}", f"--workpath={work}"])
    return dist / "proofdesk"


def strip_libraries(bundle: Path) -> None:
    """Strip the debugging symbols the shared libraries arrived with (libpython alone: 23 → 6 MB).

    PyInstaller's own `strip` option strips every library, the vendored ones included.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("strip not installed: libraries left with their symbols")
        return
    for library in (bundle / "_internal").rglob("*.so*"):
        if library.is_file() and not library.is_symlink() and not VENDORED.search(library.name):
            subprocess.run([strip, "--strip-unneeded", str(library)], capture_output=True)


def add_desktop_files(bundle: Path) -> None:
    """The freedesktop.org files under ``bundle/share`` and the script that installs them."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo")
    for png in (HERE / "icons").glob("proofdesk-*.png"):
        size = png.stem.removeprefix("proofdesk-")
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, folder / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / "icons" / "proofdesk.svg", scalable / f"{APP_ID}.svg")
    script = bundle / "install-desktop-entry.sh"
    script.write_text(INSTALL_SCRIPT, encoding="utf-8")
    script.chmod(0o755)


def validate_metainfo() -> str:
    """What `appstreamcli validate` says of the metainfo, or why it could not run."""
    if shutil.which("appstreamcli") is None:
        return "appstreamcli not installed: metainfo not validated"
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(HERE / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else f"exit status {done.returncode}"


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def size_report(bundle: Path) -> str:
    """The bundle's size and its largest entries (files and folders of `_internal/`)."""
    inside = bundle / "_internal"
    entries = sorted(((size_of(item), item.name) for item in inside.iterdir()), reverse=True)
    lines = [f"bundle {bundle}: {size_of(bundle) / 1e6:.0f} MB"]
    lines += [f"  {size / 1e6:6.1f} MB  {name}" for size, name in entries[:LARGEST]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle's folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's working folder")
    args = parser.parse_args(argv)
    bundle = build(args.dist.resolve(), args.work.resolve())
    if sys.platform.startswith("linux"):
        strip_libraries(bundle)
        add_desktop_files(bundle)
        print(validate_metainfo())
    print(size_report(bundle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
