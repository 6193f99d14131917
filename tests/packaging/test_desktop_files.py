"""The desktop packaging files (desktop entry, metainfo, PyInstaller spec, installer) agree with the project."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from editor.core.resources import PACKAGE as RESOURCES_PACKAGE

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.proofdesk.Proofdesk"


def test_desktop_file_launches_the_command_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "proofdesk"
    assert desktop["Icon"] == APP_ID
    assert desktop["Name[zh_CN]"] == "校对台"
    assert "wordprocessingml" in desktop["MimeType"]


def test_metainfo_names_the_desktop_file():
    component = ElementTree.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.find("launchable").text == f"{APP_ID}.desktop"
    assert component.find("provides/binary").text == "proofdesk"


def test_installer_and_spec_point_at_files_that_exist():
    spec = (PACKAGING / "proofdesk.spec").read_text(encoding="utf-8")
    # resources/ is bundled under the package name editor.core.resources imports it by
    assert f'ROOT / "resources"), "{RESOURCES_PACKAGE}")' in spec
    assert "proofdesk_main.py" in spec and "console=False" in spec
    assert (PACKAGING / "proofdesk_main.py").is_file()
    assert (PACKAGING / "windows" / "proofdesk.ico").stat().st_size > 0
    assert (ROOT / "resources" / "icons" / "proofdesk.svg").is_file()
    assert "dist\\proofdesk\\*" in (PACKAGING / "windows" / "proofdesk.iss").read_text(encoding="utf-8")
    assert sorted(path.name for path in (PACKAGING / "icons").glob("*.png"))


def test_every_kind_of_draft_the_app_reads_is_offered_to_open_with_it():
    from editor.core.batch import SUFFIXES

    mime = {".txt": "text/plain", ".docx": "wordprocessingml.document", ".pdf": "application/pdf"}
    desktop = (PACKAGING / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    installer = (PACKAGING / "windows" / "proofdesk.iss").read_text(encoding="utf-8")
    for suffix in SUFFIXES:
        assert mime[suffix] in desktop, f"the desktop entry does not open {suffix}"
        assert f"Classes\\{suffix}\\OpenWithProgids" in installer, f"the installer does not offer {suffix}"
