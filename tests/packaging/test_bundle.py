"""The frozen app a user installs: built by packaging/build.py, its commands and its window run.

The build takes a minute or two. Its commands are compared with the checkout's on the same
draft (`installed.runs_like_the_checkout`, as for the wheel), and the window is opened on a
real X server and looked at, as a user would.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from installed import ROOT, clean_environment, run, runs_like_the_checkout, succeeded

from editor import __version__
from editor.cli import main
from tests.core.io.test_pdf_cli import page_pdf

APP_ID = "io.github.proofdesk.Proofdesk"
#: A tiny program grabbing the X screen into a PNG and printing the share of white pixels in it.
GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
points = [(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)]
print(sum(image.pixelColor(x, y).lightness() > 235 for x, y in points) / len(points))
"""
WINDOW_SECONDS = 60


@pytest.fixture(scope="module")
def bundle(require, tmp_path_factory) -> Path:
    require(importlib.util.find_spec("PyInstaller"), "PyInstaller is not installed (pip install pyinstaller)")
    dist, work = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work")
    built = succeeded(run(sys.executable, ROOT / "packaging" / "build.py", "--dist", dist, "--work", work))
    print(built.stdout)  # the size report, in the test log
    return dist / "proofdesk"


def test_the_frozen_command_reports_its_version(bundle):
    assert succeeded(run(bundle / "proofdesk", "--version")).stdout.strip() == f"proofdesk {__version__}"


def test_check_fix_and_report_run_frozen_as_from_the_checkout(bundle, workplace, capsys):
    runs_like_the_checkout(bundle / "proofdesk", workplace, capsys)


def test_what_the_app_never_loads_is_left_out(bundle):
    inside = bundle / "_internal"
    for package in ("torch", "transformers", "pandas", "pyarrow", "scipy", "pypinyin"):
        assert not (inside / package).exists(), f"{package} is bundled"
    assert not list(inside.glob("PySide6/Qt/plugins/platformthemes/libqgtk3*"))
    assert not list(inside.glob("libgtk-3*"))
    assert sorted(path.name for path in (inside / "pycorrector" / "data").iterdir()) == sorted(
        ["common_char_set.txt", "same_pinyin.txt", "same_stroke.txt", "stroke.txt"]
    )
    models = sorted(path.name for path in (inside / "proofdesk_resources" / "lm").glob("zh_*"))
    assert models == ["zh_char_3gram.klm", "zh_word_2gram.klm"]  # the binary form only, no ARPA text


def test_the_bundle_carries_the_licences_of_what_it_ships(bundle):
    """LGPL code (Qt and PySide6, kenlm) may be shipped only with its licence: the GNU texts, and every
    dependency's own licence files as its wheel holds them."""
    inside = bundle / "_internal"
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt", "LGPL-2.1.txt"):
        assert "GNU" in (inside / "licenses" / text).read_text(encoding="utf-8")[:200]
    for distribution in ("kenlm_ex", "python_docx", "pypdfium2", "numpy", "pyside6_essentials", "shiboken6"):
        assert list(inside.glob(f"{distribution}-*.dist-info/METADATA")), f"{distribution} has no metadata"
    assert list(inside.glob("kenlm_ex-*.dist-info/licenses/LICENSE"))


def test_the_desktop_entry_installs_into_the_users_menu(bundle, tmp_path):
    data = tmp_path / "share"
    done = succeeded(run("sh", bundle / "install-desktop-entry.sh", env={"XDG_DATA_HOME": str(data)}))
    assert "应用菜单" in done.stdout
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(data / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"] == f'"{bundle / "proofdesk"}" %f'
    assert "application/pdf" in entry["Desktop Entry"]["MimeType"]
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()


def test_the_frozen_window_shows_the_draft(bundle, workplace, x_display, tmp_path):
    environment = {**clean_environment(), "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [bundle / "proofdesk", "draft.txt"], cwd=workplace, env=environment, stderr=subprocess.PIPE, text=True
    )
    try:
        white, deadline = 0.0, time.monotonic() + WINDOW_SECONDS
        while white < 0.2 and time.monotonic() < deadline and app.poll() is None:
            time.sleep(1)
            grabbed = succeeded(run(sys.executable, "-c", GRAB, tmp_path / "screen.png", env=environment))
            white = float(grabbed.stdout)
        assert app.poll() is None, f"the frozen app exited {app.returncode}: {app.stderr.read()}"
        assert white >= 0.2, "no window with a page of text appeared on the screen"
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=30)
    assert "Traceback" not in errors, errors


def test_a_pdf_page_is_read_frozen_as_from_the_checkout(bundle, workplace, capsys):
    """The PDF reader's native library (pdfium) must be in the bundle."""
    path, answer = page_pdf(workplace)
    checked = run(bundle / "proofdesk", "check", "--json", path.name, cwd=workplace)
    assert checked.returncode == 1, checked.stderr
    assert main(["check", "--json", str(path)]) == 1
    from_checkout = json.loads(capsys.readouterr().out)
    assert json.loads(checked.stdout)["paragraphs"] == from_checkout["paragraphs"] == [t for _, t in answer.paragraphs]
