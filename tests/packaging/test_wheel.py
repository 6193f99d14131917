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
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import docx
import pytest

from editor.cli import main

ROOT = Path(__file__).resolve().parents[2]
#: What a checkout holds besides its sources: never part of a build.
NOT_SOURCES = (".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "out")
#: A draft with a finding for every bundled data file: the confusion list (签定), the idiom list (一愁莫展),
#: the number rules (3-5, 三、四), the punctuation rules (the half-width comma), the character and word
#: models (晚上 for 完善) and a paragraph cut by a column jump.
DRAFT = (
    "武进召开绿色制造推进会\n\n"
    "本报讯（记者 黄雅婷）昨天下午，双方签定了合作协议，计划3-5年内建成。\n\n"
    "今天,我们召开会议，要求各部门进一步晚上制度，推动企业加快绿色转型，激发新动能、新优势的\n\n"
    "必由之路。面对难题，大家不能一愁莫展。要在三、四个月内完成。\n"
)


def _run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=600, env=_clean_environment()
    )


def _clean_environment() -> dict[str, str]:
    """This process's environment (the test's user data folder included) without a way back into the checkout."""
    return {name: value for name, value in os.environ.items() if name not in {"PYTHONPATH", "PYTHONHOME"}}


def _succeeded(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"{result.args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source") / "proofdesk"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCES))
    built = tmp_path_factory.mktemp("wheel")
    _succeeded(_run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", built, source))
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
    _succeeded(_run(sys.executable, "-m", "venv", "--without-pip", folder))
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _succeeded(_run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel))
    own = Path(_succeeded(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")).stdout.strip())
    lent = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (own / "lent_dependencies.pth").write_text("\n".join(lent) + "\n", encoding="utf-8")
    return python


@pytest.fixture
def workplace(tmp_path) -> Path:
    """A folder outside the checkout holding the draft, where the installed commands run."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "draft.txt").write_text(DRAFT, encoding="utf-8")
    assert ROOT not in folder.resolve().parents
    return folder


def _command(python: Path) -> str:
    scripts = _succeeded(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('scripts'))")).stdout.strip()
    found = shutil.which("proofdesk", path=scripts)
    assert found, f"the wheel installed no proofdesk command in {scripts}"
    return found


def test_the_installed_package_and_its_resources_come_from_the_wheel(fresh_venv, workplace):
    code = (
        "import editor; from editor.core.resources import resource_path; print(editor.__file__); print(resource_path())"
    )
    imported = _succeeded(_run(fresh_venv, "-c", code, cwd=workplace)).stdout.split("\n")
    venv = fresh_venv.parents[1].resolve()
    for path in imported[:2]:
        assert venv in Path(path).resolve().parents, f"{path} is not inside the fresh venv {venv}"


def test_check_and_fix_run_from_the_wheel_as_from_the_checkout(fresh_venv, workplace, capsys):
    proofdesk = _command(fresh_venv)
    checked = _run(proofdesk, "check", "--json", "draft.txt", cwd=workplace)
    assert checked.returncode == 1, checked.stderr  # findings
    assert checked.stderr == ""
    issues = json.loads(checked.stdout)["issues"]
    rules = {issue["rule"] for issue in issues}
    assert {"typo.lm", "typo.idiom", "layout.split_paragraph"} <= rules
    for kind in ("typo.confusion.", "number.", "punctuation."):
        assert any(rule.startswith(kind) for rule in rules), f"no {kind} finding: {sorted(rules)}"
    assert main(["check", "--json", str(workplace / "draft.txt")]) == 1
    assert issues == json.loads(capsys.readouterr().out)["issues"]

    _succeeded(_run(proofdesk, "fix", "draft.txt", "-o", "fixed.docx", cwd=workplace))
    assert main(["fix", str(workplace / "draft.txt"), "-o", str(workplace / "from_checkout.docx")]) == 0
    fixed = [paragraph.text for paragraph in docx.Document(str(workplace / "fixed.docx")).paragraphs]
    expected = [paragraph.text for paragraph in docx.Document(str(workplace / "from_checkout.docx")).paragraphs]
    assert fixed == expected
    assert "签订" in "".join(fixed) and "签定" not in "".join(fixed)


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
        "lm/zh_word_2gram.arpa.gz",
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
