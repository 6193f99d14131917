"""A DOCX whose text lives in every part: body, text box, header, footer, footnote and endnote.

python-docx writes the body, the header and the footer; the text box is raw DrawingML
(with the VML copy Word writes for older readers in ``mc:Fallback``), and the notes
parts are added to the package by hand, as Word lays them out (two separator notes
first, then the notes that show text).
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
SLIP = "截止目前"
FIXED = "截至目前"
BODY = f"{SLIP}，正文里的工厂有17家。"
TEXT_BOX = f"{SLIP}，文本框里的工厂有17家。"
HEADER = f"{SLIP}，页眉里的工厂有17家。"
FOOTER = f"{SLIP}，页脚里的工厂有17家。"
FOOTNOTE = f"{SLIP}，脚注里的工厂有17家。"
ENDNOTE = f"{SLIP}，尾注里的工厂有17家。"


def text_box_run(*texts: str) -> str:
    """A run holding a text box with one paragraph per text, in DrawingML with a VML fallback."""
    content = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)
    return (
        f"<w:r {_NAMESPACES}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:inline>'
        '<wp:extent cx="1828800" cy="914400"/><wp:docPr id="7" name="文本框 7"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/>"
        "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:144pt;height:72pt">'
        f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def _notes(kind: str, text: str) -> bytes:
    separators = "".join(
        f'<w:{kind} w:type="{separator}" w:id="{number}"><w:p><w:r><w:{separator}/></w:r></w:p></w:{kind}>'
        for number, separator in ((-1, "separator"), (0, "continuationSeparator"))
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {nsdecls("w")}>{separators}'
        f'<w:{kind} w:id="1"><w:p><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>'
    ).encode()


def _with_notes(data: bytes, footnote: str, endnote: str) -> bytes:
    """``data`` with a footnotes and an endnotes part, related to the main document."""
    notes = {"footnote": footnote, "endnote": endnote}
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                overrides = "".join(
                    f'<Override PartName="/word/{kind}s.xml" ContentType="application/'
                    f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"/>'
                    for kind in notes
                )
                content = content.replace(b"</Types>", overrides.encode() + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                relations = "".join(
                    f'<Relationship Id="rIdNote{kind}" Target="{kind}s.xml" Type="http://schemas.openxmlformats.org'
                    f'/officeDocument/2006/relationships/{kind}s"/>'
                    for kind in notes
                )
                content = content.replace(b"</Relationships>", relations.encode() + b"</Relationships>")
            target.writestr(item, content)
        for kind, text in notes.items():
            target.writestr(f"word/{kind}s.xml", _notes(kind, text))
    return output.getvalue()


def _note_reference(kind: str) -> str:
    return f'<w:r {nsdecls("w")}><w:{kind}Reference w:id="1"/></w:r>'


def build_parts_docx(body: str | None = BODY) -> bytes:
    """Text in every part; with ``body=None`` the body holds nothing but the text box."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    document.sections[0].footer.paragraphs[0].text = FOOTER
    if body is not None:
        paragraph = document.add_paragraph(body)
        paragraph._p.append(parse_xml(_note_reference("footnote")))
        paragraph._p.append(parse_xml(_note_reference("endnote")))
    document.add_paragraph()._p.append(parse_xml(text_box_run(TEXT_BOX)))
    stream = io.BytesIO()
    document.save(stream)
    return _with_notes(stream.getvalue(), FOOTNOTE, ENDNOTE)


def part_xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")
