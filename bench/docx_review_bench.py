"""The review of a long Word document: how many comments it gets, and how long LibreOffice takes to open it.

    .venv/bin/python bench/docx_review_bench.py [--pages 100] [--keep DIR]

Makes a DOCX of about ``--pages`` pages (1,000 characters a page) from the real sample
page, repeated, with a sentence of common slips after every other paragraph (`SLIPS`),
so that the same slips come back page after page as they do in a long handbook; checks
it with every check, writes the review (`proofdesk fix --review`), and converts the
review with LibreOffice headless to PDF (which lays out every page, the way opening it
does). Prints the findings (one comment each before grouping), the
comments and tracked changes of the review, the pages LibreOffice laid out, and the
times. Needs ``../shared`` and ``soffice``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402

from editor.core.engine import Engine  # noqa: E402
from editor.core.io.docx_reader import read_docx  # noqa: E402
from editor.core.io.docx_review import AUTHOR, build_review_docx  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "wujin_daily_page.txt"
CHARACTERS_A_PAGE = 1_000
#: Sentences with the slips real copy repeats: 截止 before a time, a half-width comma, stray spaces, a likely typo
#: (a guess), one name written two ways.
SLIPS = [
    "截止目前，全区已完成投资5亿元,同比增长百分之12。",
    "会议强调 要认真贯彻落实各项部署，确保工作取的实效。",
    "他们积极配合，不断完善制度建设，切实提高服务水平 。",
    "区委书记恽淇丞指出，要坚持问题导向。区委书记恽琪丞强调，要抓好落实。",
]


def long_document(pages: int, path: Path) -> None:
    """The sample page's lines as paragraphs with `SLIPS` between, repeated until it is ``pages`` pages long."""
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    written = 0
    while written < pages * CHARACTERS_A_PAGE:
        for number, line in enumerate(lines):
            for text in (line, SLIPS[number // 2 % len(SLIPS)]) if number % 2 else (line,):
                document.add_paragraph(text)
                written += len(text)
    document.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="keep the draft, the review and the PDF in this folder")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="review_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    draft_path, review_path = folder / "long.docx", folder / "long_review.docx"
    long_document(args.pages, draft_path)
    draft = read_docx(draft_path.read_bytes(), draft_path.name)

    started = time.perf_counter()
    result = Engine().check(draft)
    checked = time.perf_counter()
    document = build_review_docx(result.repaired.draft, result.issues)
    document.save(review_path)
    written = time.perf_counter()

    body = document.element.body
    tracked = len(body.xpath(f".//w:ins[@w:author='{AUTHOR}'] | .//w:del[@w:author='{AUTHOR}']"))
    print(f"draft: {draft.characters:,} characters, {len(draft.paragraphs):,} paragraphs")
    print(f"findings: {len(result.issues):,} (one comment each before grouping)")
    print(f"review: {len(document.comments):,} comments, {tracked:,} tracked insertions and deletions")
    print(f"check {checked - started:.1f} s, review written in {written - checked:.1f} s")
    if soffice is None:
        print("LibreOffice not installed: no conversion time")
        return
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(folder), str(draft_path)], check=True, capture_output=True)  # warm-up
    started = time.perf_counter()
    subprocess.run([*command, "--outdir", str(folder), str(review_path)], check=True, capture_output=True)
    converted = time.perf_counter() - started
    pages = len(re.findall(rb"/Type\s*/Page[^s]", (folder / "long_review.pdf").read_bytes()))
    print(f"LibreOffice {converted:.1f} s to open the review and lay out its {pages} pages (PDF)")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
