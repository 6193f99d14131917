"""The HTML report in a real browser: headless Chromium shows the rate, the counts and a finding, and fetches nothing.

Chromium's own network log is the witness: every request the page makes carries the page as its
initiator (the browser's own background requests carry none), and a control page with an
external image shows that the log would catch one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from editor.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRAFT = "双方签定合作协议\n本报讯 昨天，两家企业签定了合作协议，工期为3-5年。\n据介绍，双方将于本月底前完成首批项目。\n"


@pytest.fixture
def chromium(require):
    require(CHROMIUM, "Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


def _render(chromium: str, page: Path, scratch: Path) -> tuple[str, list[str], Path]:
    """The page's DOM after loading, the URLs the page asked for, and a screenshot of it."""
    netlog, screenshot = scratch / "netlog.json", scratch / "page.png"
    flags = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={scratch / 'profile'}",
        f"--log-net-log={netlog}",
    ]
    dom = subprocess.run(
        [*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=90, check=True
    ).stdout
    subprocess.run(
        [*flags[:-1], "--window-size=1000,1400", f"--screenshot={screenshot}", page.as_uri()],
        capture_output=True,
        timeout=90,
        check=True,
    )
    return dom, _page_requests(netlog), screenshot


def _page_requests(netlog: Path) -> list[str]:
    text = netlog.read_text(encoding="utf-8").rstrip()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:  # a log cut off when the browser quit has no closing brackets
        log = json.loads(text.rstrip(",") + "]}")
    return [
        event["params"]["url"]
        for event in log["events"]
        if "url" in event.get("params", {}) and event["params"].get("initiator") not in (None, "not an origin")
    ]


def test_the_browser_shows_the_rate_the_counts_and_a_finding_and_fetches_nothing(chromium, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    page, data = tmp_path / "report.html", tmp_path / "report.json"
    assert main(["report", str(draft), "-o", str(page), "--only", "typo,number"]) == 1
    assert main(["report", str(draft), "-o", str(data), "--only", "typo,number"]) == 1
    report = json.loads(data.read_text(encoding="utf-8"))
    total, finding = report["total"], report["files"][0]["findings"][0]

    dom, requests, screenshot = _render(chromium, page, tmp_path / "report")
    assert f"{total['rate']:.2f}/万" in dom and total["verdict"] in dom
    assert f"问题 {total['finding_count']} 处" in dom and f"<td>{total['finding_count']} 处</td>" in dom
    excerpt = f"{escape(finding['before'])}<mark>{escape(finding['text'])}</mark>{escape(finding['after'])}"
    assert excerpt in dom and escape(finding["rule_name"]) in dom
    assert requests == []
    assert screenshot.stat().st_size > 20_000  # a page was drawn, not a blank one


def test_the_network_log_catches_a_page_that_fetches(chromium, tmp_path):
    page = tmp_path / "control.html"
    page.write_text('<html><body><img src="http://127.0.0.1:9/x.png"></body></html>', encoding="utf-8")
    _, requests, _ = _render(chromium, page, tmp_path / "control")
    assert requests == ["http://127.0.0.1:9/x.png"]
