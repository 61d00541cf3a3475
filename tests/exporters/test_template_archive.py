"""A template as a file and a zip archive: which files are read at all, which archives are refused,
and a property test that feeds random bytes and random changes of a valid template to the exporter."""

from __future__ import annotations

import copy
import functools
import io
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]

from exporters._template_xml import KEPT_FIELD
from exporters.docx import DocxExporter
from ncmw_course import Course, ExportError, load_course, render
from ncmw_course.cli import cli
from ncmw_course.outline import brochure_outline
from tests.exporters.templates import (
    AGAIN,
    RELS,
    bad_crc,
    encrypt_entry,
    hostile_template,
    make_template,
    parts,
    refused,
    time_limit,
)
from tests.exporters.test_docx import body_text, open_docx, outline_links
from tests.strategies import examples


def write_zip(path: Path, name: str, content: bytes) -> None:
    """A zip archive holding one deflated entry."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)


def zip_bomb(path: Path) -> None:
    """A file under 1 MB that unpacks to 120 MB: refused for what it unpacks to, not for its size."""
    write_zip(path, "word/document.xml", b"\0" * (120 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024


def oversized(path: Path) -> None:
    """A 21 MB file."""
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)


NOT_A_ZIP = "is not a Word .docx file (not a zip archive); save it as .docx in Word"
BAD_TEMPLATES: dict[str, tuple[Callable[[Path], object], str]] = {
    "missing": (lambda path: None, "cannot be read: No such file or directory"),
    "folder": (Path.mkdir, "is a folder; give a .docx file"),
    "plain text": (lambda path: path.write_bytes(b"plain text"), NOT_A_ZIP),
    "broken zip": (lambda path: path.write_bytes(b"PK\x03\x04 broken"), NOT_A_ZIP),
    "zip without Word": (
        lambda path: write_zip(path, "hello.txt", b"hi"),
        "is not a valid Word .docx file (",
    ),
    "encrypted": (
        lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
        "is password-protected or an old .doc file; save it in Word as a .docx without a password",
    ),
    "zip bomb": (
        zip_bomb,
        "unpacks to 120 MB in 1 part; a Word template is at most 100 MB unpacked, so this file is refused",
    ),
    "oversized": (oversized, "is 21.0 MB; a template is at most 20 MB"),
    "missing style": (
        lambda path: make_template(path, drop="Subtitle"),
        "lacks the paragraph style 'Subtitle'; add it in Word",
    ),
}
"""Templates the brochure refuses, each made by a function of its path, with the start of the message."""


class TestArchive:
    @pytest.mark.parametrize("name", list(BAD_TEMPLATES))
    def test_a_template_that_cannot_be_used_is_refused(
        self, bundled_course: Course, tmp_path: Path, name: str
    ) -> None:
        """Each kind of unusable template gives an error that names the file and says what to do."""
        make, message = BAD_TEMPLATES[name]
        template = tmp_path / "house.docx"
        make(template)
        with pytest.raises(ExportError) as caught:
            render(bundled_course, "docx", template=template)
        assert str(caught.value).startswith(f"template {template}: {message}")

    def test_bad_crc(self, tmp_path: Path) -> None:
        """A part whose bytes do not match its CRC-32 is a damaged zip archive."""
        template = make_template(tmp_path / "huisstijl.docx")
        bad_crc(template)
        assert (
            refused(template) == f"is a damaged zip archive (Bad CRC-32 for file 'word/styles.xml'); {AGAIN}"
        )

    def test_encrypted_entry(self, tmp_path: Path) -> None:
        """A zip entry encrypted with a password is refused as such, not as a traceback."""
        template = make_template(tmp_path / "huisstijl.docx")
        encrypt_entry(template, "word/document.xml")
        assert (
            refused(template) == "is an encrypted zip archive; save it in Word as a .docx without a password"
        )

    def test_a_part_that_is_dropped_is_never_unpacked(self, tmp_path: Path) -> None:
        """A damaged part the brochure does not keep (here the thumbnail) does not matter: it is never read."""
        template = make_template(tmp_path / "huisstijl.docx")
        encrypt_entry(template, "docProps/thumbnail.jpeg")
        assert open_docx(render(load_course(), "docx", template=template)).sections[0].header is not None


class TestFileKinds:
    def test_a_fifo_is_refused_at_once(self, tmp_path: Path) -> None:
        """A named pipe as template is refused without waiting for a writer."""
        fifo = tmp_path / "huisstijl.docx"
        os.mkfifo(fifo)
        assert refused(fifo) == "is not a regular file but a device, pipe or socket; give a .docx file"

    def test_dev_zero_is_refused_at_once(self) -> None:
        """An endless device as template is refused without reading it."""
        assert (
            refused(Path("/dev/zero"))
            == "is not a regular file but a device, pipe or socket; give a .docx file"
        )

    def test_an_unreadable_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file without read permission is refused with the system's reason."""
        template = unreadable(make_template(tmp_path / "huisstijl.docx"), monkeypatch)
        assert refused(template) == "cannot be read: Permission denied"

    def test_an_unreadable_option_on_the_command_line(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`-O template=` with a file that cannot be read is one line of error, no traceback."""
        template = unreadable(make_template(tmp_path / "huisstijl.docx"), monkeypatch)
        result = CliRunner().invoke(
            cli, ["export", "docx", "-O", f"template={template}", "-o", str(tmp_path / "b.docx")]
        )
        assert (result.exit_code, result.output) == (
            1,
            f"Error: template {template}: cannot be read: Permission denied\n",
        )


def unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`path` without read permission; for root, who reads anyway, opening it fails as it would."""
    path.chmod(0)
    if os.geteuid() == 0:
        opened = os.open

        def refuse(name: object, flags: int, *args: object) -> int:
            if Path(str(name)) == path:
                raise PermissionError(13, "Permission denied")
            return opened(name, flags, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refuse)
    return path


@functools.cache
def base_template(hostile: bool) -> bytes:
    """The bytes of a valid template (or of the hostile one), for the property test to damage."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "huisstijl.docx"
        made = (
            hostile_template(path, port=9, secret=Path(folder) / "geheim.png")
            if hostile
            else make_template(path)
        )
        return made.read_bytes()


NASTY = [
    "",
    "x",
    "-1",
    "0",
    "1.5",
    "1e400",
    "nan",
    "99999999999999999999",
    "21cm",
    "#",
    "rId1",
    "../../etc/passwd",
    "http://127.0.0.1/x",
]
ATTRIBUTES = [
    qn(name)
    for name in (
        "w:val",
        "w:type",
        "w:w",
        "w:h",
        "w:pos",
        "w:numId",
        "w:abstractNumId",
        "w:styleId",
        "w:default",
        "r:id",
        "w:left",
        "w:right",
    )
] + ["Id", "Type", "Target", "TargetMode"]
TAGS = [
    qn(name) for name in ("w:p", "w:style", "w:sectPr", "w:pgSz", "w:tab", "w:num", "w:fldChar", "w:body")
]


@st.composite
def changed_part(draw: st.DrawFn, data: bytes) -> bytes:
    """The XML `data` after one to three random changes: an element removed, copied or renamed, an attribute set or removed, a text changed."""
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return data
    for _ in range(draw(st.integers(1, 3))):
        elements = list(root.iter())
        element = elements[draw(st.integers(0, len(elements) - 1))]
        change = draw(st.sampled_from(["remove", "copy", "rename", "attribute", "unset", "text"]))
        parent = element.getparent()
        if change == "remove" and parent is not None:
            parent.remove(element)
        elif change == "copy" and parent is not None:
            element.addnext(copy.deepcopy(element))
        elif change == "rename":
            element.tag = draw(st.sampled_from(TAGS))
        elif change == "attribute":
            element.set(draw(st.sampled_from(ATTRIBUTES)), draw(st.sampled_from(NASTY)))
        elif change == "unset" and element.attrib:
            del element.attrib[draw(st.sampled_from(sorted(element.attrib)))]
        else:
            element.text = draw(st.sampled_from(NASTY))
    written: bytes = etree.tostring(root)
    return written


@st.composite
def broken_templates(draw: st.DrawFn) -> bytes:
    """Random bytes, or a valid or the hostile template with bytes changed, cut off, a part replaced
    or a part's XML changed."""
    valid = base_template(draw(st.booleans()))
    how = draw(st.sampled_from(["bytes", "flip", "truncate", "part", "xml"]))
    if how == "bytes":
        return draw(st.binary(max_size=4096))
    if how == "truncate":
        return valid[: draw(st.integers(0, len(valid)))]
    if how == "flip":
        changed = bytearray(valid)
        for _ in range(draw(st.integers(1, 8))):
            changed[draw(st.integers(0, len(valid) - 1))] = draw(st.integers(0, 255))
        return bytes(changed)
    entries = parts(valid)
    name = draw(st.sampled_from(sorted(entries)))
    entries[name] = draw(st.binary(max_size=256)) if how == "part" else draw(changed_part(entries[name]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
    return buffer.getvalue()


@given(data=st.data())
@settings(
    deadline=None,
    max_examples=examples(150),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_any_broken_template_is_an_export_error(data: st.DataObject, bundled_course: Course) -> None:
    """Random bytes and random changes of a template give a safe brochure or an ExportError, within seconds."""
    template_bytes = data.draw(broken_templates())
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "huisstijl.docx"
        template.write_bytes(template_bytes)
        started = time.monotonic()
        with time_limit(20):
            outcome = _render_or_error(template, bundled_course)
        assert time.monotonic() - started < 20
    if isinstance(outcome, ExportError):
        assert str(outcome).startswith(f"template {template}: ")
    else:
        assert body_text(open_docx(outcome))
        assert unsafe(parts(outcome), bundled_course) == []


KEPT_NAMES = re.compile(
    r"\[Content_Types\]\.xml|_rels/\.rels|docProps/(core|app)\.xml"
    r"|word/(document|styles|numbering|settings|fontTable|theme/theme\d+|header\d+|footer\d+)\.xml"
    r"|word/(theme/)?_rels/[^/]+\.xml\.rels|word/media/image\d+\.(png|jpeg|gif|bmp|tiff|emf|wmf)"
)
"""The names a brochure's parts may have."""


def unsafe(brochure: dict[str, bytes], course: Course) -> list[str]:
    """What in a brochure could reach outside it: a part of another name, a DOCTYPE, an external
    relationship that is not a link of the course, a field other than PAGE and NUMPAGES."""
    links = {uri for uri, _ in outline_links(brochure_outline(course))}
    found = [name for name in brochure if not KEPT_NAMES.fullmatch(name)]
    for name, data in brochure.items():
        found += [f"{name}: DOCTYPE"] * (b"<!DOCTYPE" in data)
        if not name.endswith(".xml") and not name.endswith(".rels"):
            continue
        root = etree.fromstring(data)
        found += [
            f"{name}: {element.get('Target')}"
            for element in root.iter(f"{{{RELS}}}Relationship")
            if element.get("TargetMode") == "External" and element.get("Target") not in links
        ]
        codes = [node.text or "" for node in root.iter(qn("w:instrText"))]
        codes += [node.get(qn("w:instr"), "") for node in root.iter(qn("w:fldSimple"))]
        found += [f"{name}: field {code!r}" for code in codes if not KEPT_FIELD.fullmatch(code)]
    return found


def _render_or_error(template: Path, course: Course) -> bytes | ExportError:
    """The brochure of `course` with `template`, or the ExportError it raised (any other exception escapes)."""
    try:
        return DocxExporter(template).render(course)
    except ExportError as error:
        return error
