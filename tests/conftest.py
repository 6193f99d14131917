"""Shared test fixtures: a fresh user data folder for every test, `../shared`, offscreen Qt, the skip policy.

Skip policy: a test may skip only where a user's machine lacks something the project does not
install itself (`../shared`, an X server, a CJK font, LibreOffice, torch for the optional neural
engine, Qt's lupdate), and says so with `require`. In CI (``CI=true``), which installs all of them,
every skip is a failure with its reason (`pytest_runtest_makereport` below), so nothing is skipped
there. The language models and kenlm are part of the product: a test that needs them asserts them,
everywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from editor.core.lm.sensitivity import Sensitivity
from editor.core.lm.typo_engine import MODEL_DIR_ENV, set_model_dir, set_sensitivity
from editor.core.userdata import DATA_DIR_ENV

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's own locations (AppDataLocation, caches) point at a test area instead of the user's folders.
QStandardPaths.setTestModeEnabled(True)

pytest_plugins = ("pytester",)  # tests/test_skip_policy.py runs pytest on tests of its own

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _in_ci() -> bool:
    return os.environ.get("CI") == "true"


def _require(condition: object, reason: str) -> None:
    if not condition:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def require():
    """``require(condition, reason)``: skip unless the machine has what the test needs (a failure in CI)."""
    return _require


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a skip, however it was asked for, fails with its reason: CI must provide everything."""
    report = yield
    if report.skipped and _in_ci():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must provide what this test needs: {reason}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """The same for a whole module skipped while it is collected."""
    report = yield
    if report.skipped and _in_ci():
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must provide what this module needs: {report.longrepr}"
    return report


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    """The user data folder of this test, empty; QSettings files go beside it, never to the user's own.

    Both lie outside the test's own `tmp_path`, which stays as the test leaves it.
    """
    home = tmp_path_factory.mktemp("user")
    folder = home / "data"
    folder.mkdir()
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(home / "settings" / scope.name))
    return folder


@pytest.fixture(scope="session")
def shared(require) -> Path:
    """`../shared`, which CI and developers have; on a user's machine the tests needing it skip."""
    require(SHARED.is_dir(), f"{SHARED} is not beside the checkout (only CI and developers have it)")
    return SHARED


@pytest.fixture(scope="session")
def sample_page(shared: Path) -> Path:
    return shared / "samples" / "wujin_daily_page.txt"


#: a real slip written into the sample page (which has no statistical finding of its own at 标准)
PAGE_SLIP = ("积极履行法律监督职责", "积极履形法律监督职责")


@pytest.fixture(scope="session")
def sample_page_with_a_slip(sample_page: Path, tmp_path_factory) -> Path:
    """The sample page with one real slip only the statistical engine finds (履行 → 履形): its guess, for the
    tests of what the desk does with one (pending in the 差错率, a comment in the review)."""
    right, wrong = PAGE_SLIP
    text = sample_page.read_text(encoding="utf-8")
    assert text.count(right) == 1, "the slip must be written once into the page"
    page = tmp_path_factory.mktemp("page") / sample_page.name
    page.write_text(text.replace(right, wrong), encoding="utf-8")
    return page


@pytest.fixture(autouse=True)
def statistical_typo_engine(monkeypatch):
    """No MacBERT folder chosen and the standard sensitivity, whatever the environment or an earlier test chose."""
    monkeypatch.delenv(MODEL_DIR_ENV, raising=False)
    set_model_dir(None)
    set_sensitivity(Sensitivity.STANDARD)
    yield
    set_model_dir(None)
    set_sensitivity(Sensitivity.STANDARD)


@pytest.fixture(scope="module")
def x_display(require):
    """A real X server (Xvfb) with a CJK font, for the window as a user sees it: its display name."""
    xvfb = shutil.which("Xvfb")
    require(xvfb, "Xvfb is not installed (apt-get install xvfb xauth)")
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    require(fonts.strip(), "no CJK font is installed (apt-get install fonts-noto-cjk)")
    reader, writer = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(writer), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(writer,),
        stderr=subprocess.DEVNULL,
    )
    os.close(writer)
    with os.fdopen(reader) as stream:
        number = stream.readline().strip()
    if not number:
        server.kill()
    require(number, "Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)
