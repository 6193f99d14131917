"""A text draft is written back in the form it came in: encoding, BOM, line ends, indents, blank lines."""

from __future__ import annotations

import logging

import pytest

from editor.cli import main
from editor.core.document import Document
from editor.core.edits import apply_edits
from editor.core.io import read_document, write_document
from editor.core.io.text import encode_text, parse_text

PAGE = (
    "\n\n武进召开绿色制造推进会\n\n本报讯（记者 黄雅婷）昨天下午，区里召开会议，推动绿色制造\n\n"
    "体系建设。\n\n会议要求各部门抓好落实。\n\n"
)
COLUMN = (
    "\u3000\u3000今年以来，全区重大项目建设\n加快推进，一批项目竣工投产。\n\u3000\u3000下一步，将继续优化营商环境。"
)

DRAFTS = {
    "utf-8, blank lines, LF": PAGE.encode("utf-8"),
    "utf-8 with BOM, CRLF": "\ufeff".encode() + PAGE.replace("\n", "\r\n").encode("utf-8"),
    "GB18030, CRLF": PAGE.replace("\n", "\r\n").encode("gb18030"),
    "UTF-16 with BOM, CR": PAGE.replace("\n", "\r").encode("utf-16"),
    "indented column, no final line end": COLUMN.encode("utf-8"),
}


@pytest.mark.parametrize("data", DRAFTS.values(), ids=DRAFTS.keys())
def test_a_draft_saved_unchanged_is_the_same_bytes(tmp_path, data):
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    draft = read_document(path)
    write_document(apply_edits(draft, draft.texts), tmp_path / "saved.txt")
    assert (tmp_path / "saved.txt").read_bytes() == data


def test_fix_keeps_the_encoding_line_ends_and_blank_lines_of_a_gbk_draft(tmp_path, capsys):
    source = tmp_path / "draft.txt"
    source.write_bytes(PAGE.replace("\n", "\r\n").encode("gb18030"))
    assert main(["fix", str(source), "-o", str(tmp_path / "fixed.txt"), "--only", "layout"]) == 0
    assert "gb18030" in capsys.readouterr().err
    fixed = (tmp_path / "fixed.txt").read_bytes().decode("gb18030")
    assert fixed == (
        "\r\n\r\n武进召开绿色制造推进会\r\n\r\n本报讯（记者 黄雅婷）昨天下午，区里召开会议，推动绿色制造体系建设。"
        "\r\n\r\n会议要求各部门抓好落实。\r\n\r\n"
    )


def test_a_paragraph_the_user_splits_is_separated_as_the_draft_separates_them(tmp_path):
    draft = parse_text(PAGE.replace("\n", "\r\n"), encoding="utf-8")
    texts = draft.texts
    texts[-1] = "会议要求各部门\n抓好落实。"
    data = encode_text(apply_edits(draft, texts).document)
    assert data.decode("utf-8").endswith("会议要求各部门\r\n\r\n抓好落实。\r\n\r\n")


def test_a_document_not_read_from_text_is_utf8_one_paragraph_a_line():
    document = Document.from_texts(["标题", "正文。"])
    assert encode_text(document) == "标题\n正文。\n".encode()


def test_a_character_the_encoding_cannot_hold_makes_the_file_utf8_and_says_so(caplog):
    draft = parse_text("推动𠮷野家转型。\n", name="稿件.txt", encoding="big5")
    with caplog.at_level(logging.WARNING):
        data = encode_text(draft)
    assert data == "推动𠮷野家转型。\n".encode()
    assert "big5" in caplog.text and "UTF-8" in caplog.text
