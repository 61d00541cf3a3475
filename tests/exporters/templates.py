"""Word templates for the tests, made here rather than kept as files: a plain one, a hostile one,
damaged ones, and the means to edit a template's parts (:func:`edit_parts`).

The hostile template (:func:`hostile_template`) carries one of each thing a template must not bring
into a brochure; :data:`HOSTILE` names each with the bytes that would betray it.
"""

from __future__ import annotations

import io
import signal
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

from exporters._ooxml import add_hyperlink
from ncmw_course import Course, ExportError, load_course, render

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def png(width: int, height: int, rgb: tuple[int, int, int] = (0, 104, 122)) -> bytes:
    """A PNG of one colour, `width` by `height` pixels: the sizes tell the test images apart."""
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_template(path: Path, *, drop: str | None = None) -> Path:
    """A user's Word file: Letter pages, a header, Heading 1 in Georgia; optionally without a style."""
    document = docx.Document()
    document.styles["Heading 1"].font.name = "Georgia"
    document.sections[0].header.paragraphs[0].text = "Huisstijl van de organisatie"
    document.add_paragraph("Inhoud van het sjabloon die niet in de brochure hoort.")
    if drop is not None:
        element = document.styles[drop].element
        element.getparent().remove(element)
    document.save(str(path))
    return path


Edit = bytes | Callable[[bytes], bytes] | None
"""New contents for a part, a function of its contents, or None to remove it."""


def edit_parts(path: Path, edits: Mapping[str, Edit]) -> Path:
    """Rewrite the zip archive `path` with `edits` applied to its entries; a new name adds an entry."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, edit in edits.items():
        if edit is None:
            parts.pop(name, None)
        else:
            parts[name] = edit(parts[name]) if callable(edit) else edit
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def rewrite_stored(path: Path, name: str) -> None:
    """Rewrite the archive `path` with the entry `name` stored uncompressed, the others deflated."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in entries:
            info.compress_type = zipfile.ZIP_STORED if info.filename == name else zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def bad_crc(path: Path, name: str = "word/styles.xml") -> None:
    """Change a byte of the entry `name` (stored, so that its bytes are in the file) but not its CRC-32."""
    rewrite_stored(path, name)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        start = archive.getinfo(name).header_offset
    data[data.index(b"<w:", start) + 1] = ord("x")
    path.write_bytes(bytes(data))


def encrypt_entry(path: Path, name: str) -> None:
    """Mark the entry `name` as encrypted (bit 0 of its flags) in its local header and in the directory."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        data[archive.getinfo(name).header_offset + 6] |= 1
    start = data.find(b"PK\x01\x02")
    while start != -1:
        length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + length] == name.encode():
            data[start + 8] |= 1
        start = data.find(b"PK\x01\x02", start + 4)
    path.write_bytes(bytes(data))


def edit_xml(change: Callable[[etree._Element], None]) -> Callable[[bytes], bytes]:
    """An edit that parses a part, lets `change` change its root element, and writes it back."""

    def edit(data: bytes) -> bytes:
        root = etree.fromstring(data)
        change(root)
        written: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return written

    return edit


def fragment(xml: str) -> etree._Element:
    """An element written in XML with the usual prefixes (w:, r:, a:, v:, o:) declared."""
    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    root = etree.fromstring(f"<root {declarations}>{xml}</root>")
    return root[0]


def append_to(parent_tag: str, xml: str) -> Callable[[bytes], bytes]:
    """An edit that appends the element `xml` to the first `parent_tag` element (the root if None)."""

    def change(root: etree._Element) -> None:
        parent = root if parent_tag == "" else next(root.iter(qn(parent_tag)))
        parent.append(fragment(xml))

    return edit_xml(change)


def insert_before_end(tag: str, xml: str) -> Callable[[bytes], bytes]:
    """An edit that inserts the text `xml` before the closing tag ``</tag>``: for parts too deep or large to parse."""
    return lambda data: data.replace(f"</{tag}>".encode(), xml.encode() + f"</{tag}>".encode())


def relationship(
    identity: str, kind: str, target: str, *, external: bool = False
) -> Callable[[bytes], bytes]:
    """An edit of a relationships part that adds a relationship."""

    def change(root: etree._Element) -> None:
        element = etree.SubElement(root, f"{{{RELS}}}Relationship", Id=identity, Type=kind, Target=target)
        if external:
            element.set("TargetMode", "External")

    return edit_xml(change)


def new_relationships(*relationships: tuple[str, str, str, bool]) -> bytes:
    """A relationships part holding `relationships` (id, type, target, external)."""
    root = etree.Element(f"{{{RELS}}}Relationships", nsmap={None: RELS})
    for identity, kind, target, external in relationships:
        element = etree.SubElement(root, f"{{{RELS}}}Relationship", Id=identity, Type=kind, Target=target)
        if external:
            element.set("TargetMode", "External")
    written: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return written


def content_type(part: str, kind: str) -> Callable[[bytes], bytes]:
    """An edit of ``[Content_Types].xml`` that declares the content type of `part`."""
    return edit_xml(
        lambda root: etree.SubElement(root, f"{{{TYPES}}}Override", PartName=part, ContentType=kind)
    )


def w_part(root: str, body: str) -> bytes:
    """A WordprocessingML part `root` (``w:comments``…) holding `body`."""
    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{root} {declarations}>{body}</{root}>'.encode()


# The hostile template

HOSTILE: dict[str, tuple[bytes, ...]] = {
    "javascript: hyperlink": (b"alert(1)",),
    "file: hyperlink": (b"/etc/passwd",),
    "UNC hyperlink": (b"\\\\fileserver", b"fileserver"),
    "remote image": (b"127.0.0.1", b"track.png"),
    "linked local image": (b"geheim.png",),
    "attachedTemplate": (b"attachedTemplate", b"huisstijl.dotm"),
    "macros": (b"vbaProject", b"MacroGeheim"),
    "DDEAUTO field": (b"DDEAUTO", b"calc.exe"),
    "INCLUDETEXT field": (b"INCLUDETEXT", b"/etc/hostname"),
    "INCLUDEPICTURE field": (b"INCLUDEPICTURE", b"veld.png"),
    "HYPERLINK field": (b"HYPERLINK", b"alert(2)"),
    "VML link": (b"alert(3)",),
    "custom properties": (b"DOCTYPE", b"/etc/shadow", b"Vertrouwelijk"),
    "comments": (b"Geheim commentaar", b"Auteur Geheim", b"comment"),
    "footnotes": (b"Geheime voetnoot", b"footnote"),
    "glossary": (b"Geheime bouwsteen", b"glossary"),
    "custom XML": (b"Geheime klantdata", b"customXml"),
    "tracked changes": (b"Verwijderde tekst", b"Redacteur Geheim"),
    "document properties": (b"Titel Geheim", b"Geheim BV"),
    "template's own text": (b"Inhoud van het sjabloon",),
}
"""What the hostile template carries, each with the bytes that betray it; a brochure has none of them."""
LOGO = png(6, 4)
"""The hostile template's own logo in its header: an image the brochure keeps."""
SECRET = png(7, 5, (255, 0, 0))
"""The local file the hostile template links as an image (``file:``); never embedded."""
TRACKER = png(5, 7, (0, 0, 255))
"""What the tracking server answers; never fetched."""

_FIELDS = """<w:p>
<w:fldSimple w:instr=' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" '><w:r><w:t>dde</w:t></w:r></w:fldSimple>
{INCLUDETEXT}{INCLUDEPICTURE}{HYPERLINK}{PAGE}
<w:r><w:pict><v:shape id="link" style="width:10pt;height:10pt" href="javascript:alert(3)"/></w:pict></w:r>
<w:del w:id="91" w:author="Redacteur Geheim"><w:r><w:delText>Verwijderde tekst</w:delText></w:r></w:del>
</w:p>"""


def complex_field(code: str, shown: str) -> str:
    """A field as Word writes it: begin, code, separate, result, end, each in a run."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def hostile_template(path: Path, *, port: int, secret: Path) -> Path:
    """A Word template with every hostile thing of :data:`HOSTILE`; its tracking image is on `port`."""
    document = docx.Document()
    document.core_properties.title = "Titel Geheim"
    document.core_properties.author = "Auteur Geheim"
    header = document.sections[0].header
    header.paragraphs[0].text = "Huisstijl van de organisatie"
    header.paragraphs[0].add_run().add_picture(io.BytesIO(LOGO))
    for target, text in (
        ("javascript:alert(1)", "Website"),
        ("file:///etc/passwd", "Wachtwoorden"),
        ("\\\\fileserver\\share\\brochure.docx", "Netwerkschijf"),
    ):
        add_hyperlink(header.add_paragraph(), target, text)
    header.add_paragraph().add_run().add_picture(io.BytesIO(png(3, 3)))  # becomes the remote image
    header.add_paragraph().add_run().add_picture(io.BytesIO(png(3, 2)))  # becomes the linked local file
    run = document.add_paragraph("Inhoud van het sjabloon die niet in de brochure hoort.").runs[0]
    document.add_comment(run, text="Geheim commentaar", author="Auteur Geheim", initials="AG")
    document.save(str(path))
    return _add_hostile_parts(path, port, secret)


def _hostile_header(port: int) -> Callable[[bytes], bytes]:
    """The header's last two pictures linked (``r:link``) to the tracker and the local file; the fields."""
    fields = _FIELDS.format(
        INCLUDETEXT=complex_field(' INCLUDETEXT "file:///etc/hostname" ', "ingevoegd"),
        INCLUDEPICTURE=complex_field(f' INCLUDEPICTURE "http://127.0.0.1:{port}/veld.png" \\d ', "plaatje"),
        HYPERLINK=complex_field(' HYPERLINK "javascript:alert(2)" ', "klik"),
        PAGE=complex_field(" PAGE ", "1"),
    )

    def change(root: etree._Element) -> None:
        blips = list(root.iter(qn("a:blip")))
        for blip, identity in zip(blips[1:], ("rIdTracker", "rIdSecret"), strict=True):
            del blip.attrib[qn("r:embed")]
            blip.set(qn("r:link"), identity)
        root.append(fragment(fields))

    return edit_xml(change)


def _add_hostile_parts(path: Path, port: int, secret: Path) -> Path:
    image = f"{OFFICE_RT}/image"
    return edit_parts(
        path,
        {
            "word/header1.xml": _hostile_header(port),
            "word/_rels/header1.xml.rels": lambda data: relationship(
                "rIdSecret", image, secret.as_uri(), external=True
            )(relationship("rIdTracker", image, f"http://127.0.0.1:{port}/track.png", external=True)(data)),
            "word/settings.xml": append_to("", '<w:attachedTemplate r:id="rIdTemplate"/>'),
            "word/_rels/settings.xml.rels": new_relationships(
                (
                    "rIdTemplate",
                    f"{OFFICE_RT}/attachedTemplate",
                    "\\\\fileserver\\sjablonen\\huisstijl.dotm",
                    True,
                )
            ),
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0MacroGeheim",
            "word/footnotes.xml": w_part(
                "w:footnotes",
                '<w:footnote w:id="1"><w:p><w:r><w:t>Geheime voetnoot</w:t></w:r></w:p></w:footnote>',
            ),
            "word/glossary/document.xml": w_part(
                "w:glossaryDocument",
                "<w:docParts><w:docPart><w:docPartBody><w:p><w:r><w:t>Geheime bouwsteen</w:t></w:r></w:p>"
                "</w:docPartBody></w:docPart></w:docParts>",
            ),
            "customXml/item1.xml": b"<klant>Geheime klantdata</klant>",
            "word/_rels/document.xml.rels": _document_relationships,
            "docProps/custom.xml": (
                b'<?xml version="1.0"?>\n<!DOCTYPE Properties SYSTEM "file:///etc/shadow">\n'
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Klant">'
                b"<vt:lpwstr>Vertrouwelijk</vt:lpwstr></property></Properties>"
            ),
            "_rels/.rels": relationship("rIdCustom", f"{OFFICE_RT}/custom-properties", "docProps/custom.xml"),
            "docProps/app.xml": lambda data: data.replace(
                b"</Properties>", b"<Company>Geheim BV</Company></Properties>"
            ),
            "[Content_Types].xml": _hostile_content_types,
        },
    )


def _document_relationships(data: bytes) -> bytes:
    for identity, kind, target in (
        ("rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"),
        ("rIdNotes", f"{OFFICE_RT}/footnotes", "footnotes.xml"),
        ("rIdGlossary", f"{OFFICE_RT}/glossaryDocument", "glossary/document.xml"),
        ("rIdCustomXml", f"{OFFICE_RT}/customXml", "../customXml/item1.xml"),
    ):
        data = relationship(identity, kind, target)(data)
    return data


def _hostile_content_types(data: bytes) -> bytes:
    for part, kind in (
        ("/word/vbaProject.bin", "application/vnd.ms-office.vbaProject"),
        (
            "/word/footnotes.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        ),
        (
            "/word/glossary/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml",
        ),
        ("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"),
    ):
        data = content_type(part, kind)(data)
    return data


# Reading what a template gives

AGAIN = "save it again as .docx in Word"


def parts(data: bytes) -> dict[str, bytes]:
    """The entries of a zip archive, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail the block with TimeoutError if it runs longer than `seconds` (a hang, a blocking read)."""

    def expire(signum: int, frame: object) -> None:
        msg = f"took over {seconds} seconds"
        raise TimeoutError(msg)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def refused(template: Path, course: Course | None = None) -> str:
    """The message of the ExportError a docx render with `template` raises, without ``template <path>: ``."""
    with time_limit(30), pytest.raises(ExportError) as raised:
        render(course or load_course(), "docx", template=template)
    assert raised.value.__traceback__ is not None
    prefix = f"template {template}: "
    message = str(raised.value)
    assert message.startswith(prefix)
    return message[len(prefix) :]
