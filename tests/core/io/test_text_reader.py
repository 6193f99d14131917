"""Text drafts in the encodings and line ends Chinese offices produce, and clear refusals of bad input."""

from __future__ import annotations

import codecs

import pytest

from editor.core.io import InputError, read_document
from editor.core.io.reader import MAX_BYTES

TEXT = (
    "全市检察工作通报会在我区召开\r\n\r\n本报讯（记者 戴雪燕）昨天上午，会议召开。\r\n"
    "　　1—11月，共办理各类案件16801件。"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM, native order
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ],
)
def test_encodings_are_detected_and_named(tmp_path, data, encoding):
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.encoding == encoding
    assert document.texts == [
        "全市检察工作通报会在我区召开",
        "本报讯（记者 戴雪燕）昨天上午，会议召开。",
        "1—11月，共办理各类案件16801件。",
    ]
    assert document.paragraphs[2].source.indent == "　　"
    assert document.paragraphs[1].source.blank_before == 1


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends(tmp_path, newline):
    path = tmp_path / "draft.txt"
    path.write_bytes(newline.join(["第一行", "第二行", "", "第三行"]).encode("utf-8"))
    document = read_document(path)
    assert document.texts == ["第一行", "第二行", "第三行"]
    assert [p.source.blank_before for p in document.paragraphs] == [0, 0, 1]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.txt", b" \n\r\n\t", "文件为空"),
        ("junk.txt", bytes(range(256)) * 40, "不是文本文件"),
        ("broken.docx", b"not a zip at all", "DOCX 文件已损坏"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "密码保护"),
        ("broken.pdf", b"%PDF-1.4 ...", "PDF 文件已损坏"),
    ],
)
def test_bad_input_gives_a_one_line_reason_naming_the_file(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_document(path)
    message = str(error.value)
    assert name in message and reason in message and "\n" not in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="文件不存在"):
        read_document(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="是文件夹"):
        read_document(tmp_path)


def test_oversized_draft_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="文件过大"):
        read_document(path)
