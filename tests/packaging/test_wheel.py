"""The wheel a user installs carries everything of ours: built, installed into a fresh venv, `check` and `fix` run.

`pip wheel` builds it from a copy of the source tree, so the checkout stays clean. The fresh venv
gets the wheel without its dependencies, and then a .pth file lends it this venv's site-packages,
where those dependencies are already installed (paths a .pth adds do not run the .pth files there, so
the editable install of the checkout stays out): the test is quick and downloads nothing but the build
backend, while every file of ours comes from the wheel. The commands run in a folder outside the
checkout, and the test asks the fresh interpreter where `editor` and its resources were imported from.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from installed import ROOT, run, runs_like_the_checkout, succeeded

#: What a checkout holds besides its sources: never part of a build.
NOT_SOURCES = (".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "out")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source") / "proofdesk"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCES))
    built = tmp_path_factory.mktemp("wheel")
    succeeded(run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", built, source))
    [found] = built.glob("proofdesk-*.whl")
    return found


@pytest.fixture(scope="module")
def members(wheel) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


@pytest.fixture(scope="module")
def fresh_venv(wheel, tmp_path_factory) -> Path:
    """The interpreter of a new venv with the wheel installed, and this venv's third-party packages lent."""
    folder = tmp_path_factory.mktemp("fresh") / "venv"
    succeeded(run(sys.executable, "-m", "venv", "--without-pip", folder))
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    succeeded(run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel))
    own = Path(succeeded(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")).stdout.strip())
    lent = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (own / "lent_dependencies.pth").write_text("\n".join(lent) + "\n", encoding="utf-8")
    return python


def _command(python: Path) -> str:
    scripts = succeeded(run(python, "-c", "import sysconfig; print(sysconfig.get_path('scripts'))")).stdout.strip()
    found = shutil.which("proofdesk", path=scripts)
    assert found, f"the wheel installed no proofdesk command in {scripts}"
    return found


def test_the_installed_package_and_its_resources_come_from_the_wheel(fresh_venv, workplace):
    code = (
        "import editor; from editor.core.resources import resource_path; print(editor.__file__); print(resource_path())"
    )
    imported = succeeded(run(fresh_venv, "-c", code, cwd=workplace)).stdout.split("\n")
    venv = fresh_venv.parents[1].resolve()
    for path in imported[:2]:
        assert venv in Path(path).resolve().parents, f"{path} is not inside the fresh venv {venv}"


def test_check_and_fix_run_from_the_wheel_as_from_the_checkout(fresh_venv, workplace, capsys):
    proofdesk = _command(fresh_venv)
    runs_like_the_checkout(proofdesk, workplace, capsys)


def test_the_wheel_holds_every_module_and_resource_and_nothing_else(members):
    modules = {f"editor/{path.relative_to(ROOT / 'editor').as_posix()}" for path in (ROOT / "editor").rglob("*.py")}
    data = {
        f"proofdesk_resources/{path.relative_to(ROOT / 'resources').as_posix()}"
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    missing = (modules | data) - set(members)
    assert not missing, (
        f"not in the wheel (a package without __init__.py, or a file kind not in package-data): {missing}"
    )
    for bundled in (
        "lm/zh_char_3gram.arpa.gz",
        "lm/zh_char_3gram.klm",
        "lm/zh_word_2gram.arpa.gz",
        "lm/zh_word_2gram.klm",
        "lm/confusables.json",
        "lm/homophone_words.json",
        "pinyin/readings.json",
        "rules/numbers.yaml",
        "rules/idioms/idioms.tsv",
    ):
        assert f"proofdesk_resources/{bundled}" in members
    tops = {member.split("/")[0] for member in members}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"editor", "proofdesk_resources"}
    assert not [member for member in members if Path(member).name.startswith(("test_", "conftest"))]


def test_the_wheel_holds_nothing_of_shared(members, wheel, shared):
    """`../shared` (corpus, evaluation sets, the sample page) is for development: none of it is shipped."""
    digests = {hashlib.sha256(path.read_bytes()).digest() for path in shared.rglob("*") if path.is_file()}
    sample_lines = [
        line.strip() for line in (shared / "samples" / "wujin_daily_page.txt").read_text("utf-8").splitlines()
    ]
    sample_lines = [line for line in sample_lines if len(line) >= 20]
    assert sample_lines
    with zipfile.ZipFile(wheel) as archive:
        for member in members:
            content = archive.read(member)
            assert hashlib.sha256(content).digest() not in digests, f"{member} is a file of {shared}"
            text = content.decode("utf-8", errors="ignore")
            assert not [line for line in sample_lines if line in text], f"{member} quotes the sample page"
