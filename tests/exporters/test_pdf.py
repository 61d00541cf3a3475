"""The PDF brochure: LibreOffice's tagged A4 PDF of the Word brochure, its metadata, text, reproducibility and errors."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from exporters._pdf import MISSING_LIBREOFFICE, canonical_pdf, convert_many
from exporters.docx import DocxExporter
from exporters.pdf import PdfExporter
from ncmw_course import Course, ExportError, load_course, render
from ncmw_course.cli import cli
from tests.conftest import TESTDATA
from tests.exporters.test_docx import flat, missing_texts, open_docx
from tests.system import require

COURSES = {
    "bundled": None,
    "minimal": TESTDATA / "course_minimal.json",
    "full": TESTDATA / "course_full.json",
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The PDFs of the reference courses, written to a folder."""
    require("soffice")
    folder = tmp_path_factory.mktemp("pdf")
    for name, path in COURSES.items():
        (folder / f"{name}.pdf").write_bytes(render(load_course(path), "pdf"))
    return {name: folder / f"{name}.pdf" for name in COURSES}


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields, by name."""
    output = subprocess.run(
        [require("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {key.strip(): value.strip() for key, value in (line.split(":", 1) for line in output.splitlines())}


def pdf_text(path: Path) -> str:
    """The PDF's text in reading order, as pdftotext reads it."""
    return subprocess.run(
        [require("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.libreoffice
class TestPdf:
    @pytest.mark.parametrize("name", list(COURSES))
    def test_a4_and_tagged(self, pdfs: dict[str, Path], name: str) -> None:
        """Every page is A4 and the PDF is tagged."""
        info = pdf_info(pdfs[name])
        assert "(A4)" in info["Page size"]
        assert info["Tagged"] == "yes"

    def test_metadata(self, pdfs: dict[str, Path], full_course: Course) -> None:
        """Title, author, subject and keywords come from the course; the language is the course's."""
        info = pdf_info(pdfs["full"])
        assert info["Title"] == full_course.title
        assert info["Author"] == full_course.provider.name
        assert info["Subject"] == full_course.listing_summary
        assert info["Keywords"] == ", ".join(full_course.keywords)
        with pikepdf.open(pdfs["full"]) as pdf:
            assert pdf.Root.Lang == "nl-NL"

    def test_dated_by_the_course(self, pdfs: dict[str, Path]) -> None:
        """The creation date is the course's updated date, not the time of conversion."""
        assert pdf_info(pdfs["bundled"])["CreationDate"] == "Sat Nov 28 00:00:00 2026 UTC"

    @pytest.mark.parametrize("name", ["bundled", "full"])
    def test_every_text_of_the_course(self, pdfs: dict[str, Path], name: str) -> None:
        """pdftotext finds every text of the course, so the text is selectable."""
        course = load_course(COURSES[name])
        footer = open_docx(render(course, "docx")).sections[0].footer.paragraphs[0].text.split("\t")[0]
        text = flat(re.sub(r"pagina \d+ van \d+", " ", pdf_text(pdfs[name]).replace(footer, " ")))
        assert missing_texts(course, text, pdf_info(pdfs[name])["Keywords"]) == []

    def test_bundled_course_fits_on_two_pages(self, pdfs: dict[str, Path]) -> None:
        """The bundled course fits on at most two A4 pages."""
        assert int(pdf_info(pdfs["bundled"])["Pages"]) <= 2

    def test_page_fields_are_computed(self, pdfs: dict[str, Path]) -> None:
        """LibreOffice fills in the PAGE and NUMPAGES fields of the footer: "pagina 1 van 2" on page 1."""
        text = pdf_text(pdfs["bundled"])
        pages = int(pdf_info(pdfs["bundled"])["Pages"])
        assert [f"pagina {page} van {pages}" in text for page in range(1, pages + 1)] == [True] * pages

    def test_reading_order(self, pdfs: dict[str, Path]) -> None:
        """The headings come out of the text layer in the brochure's order."""
        text = pdf_text(pdfs["bundled"])
        headings = [
            "Ontrouw binnen de relatie",
            "Voor wie en waarom",
            "Programma",
            "Eerste dag",
            "Tweede dag",
        ]
        positions = [text.index(heading) for heading in [*headings, "Werkwijze", "Trainer", "Informatie"]]
        assert positions == sorted(positions)

    def test_source_date_epoch(
        self, monkeypatch: pytest.MonkeyPatch, minimal_course: Course, tmp_path: Path
    ) -> None:
        """SOURCE_DATE_EPOCH dates the PDF, and two conversions give the same bytes."""
        require("soffice")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        first, second = render(minimal_course, "pdf"), render(minimal_course, "pdf")
        assert first == second
        (tmp_path / "dated.pdf").write_bytes(first)
        assert pdf_info(tmp_path / "dated.pdf")["CreationDate"] == "Tue Nov 14 22:13:20 2023 UTC"


def fonts_renumbered(data: bytes) -> bytes:
    """`data` with its fonts written first and numbered anew: what LibreOffice did in one CI run.

    qpdf numbers objects in the order it reaches them from the trailer, so a trailer key that sorts
    first (``/AFirst``) and points at the fonts brings them to the front; the key is then blanked
    out, which moves no byte.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = pdf.pages[0].Resources.Font
        pdf.trailer.AFirst = pikepdf.Array([fonts[name] for name in sorted(fonts.keys(), reverse=True)])
        written = io.BytesIO()
        pdf.save(written, stream_decode_level=pikepdf.StreamDecodeLevel.none, fix_metadata_version=False)
    return re.sub(rb"/AFirst \[[^\]]*\]", lambda match: b" " * len(match[0]), written.getvalue())


def font_numbers(data: bytes) -> list[int]:
    """The object numbers of the first page's fonts, by resource name."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = pdf.pages[0].Resources.Font
        return [fonts[name].objgen[0] for name in sorted(fonts.keys())]


@pytest.mark.libreoffice
class TestCanonicalPdf:
    def test_object_order_does_not_change_the_bytes(self, pdfs: dict[str, Path]) -> None:
        """The same PDF with its fonts written in another order and numbered anew gives the same bytes."""
        pdf = pdfs["full"].read_bytes()
        renumbered = fonts_renumbered(pdf)
        assert font_numbers(renumbered) != font_numbers(pdf)
        assert canonical_pdf(renumbered) == pdf

    def test_a_rendered_pdf_is_already_canonical(self, pdfs: dict[str, Path]) -> None:
        """Rendering ends with canonical_pdf, which then changes nothing; LibreOffice's checksum is gone."""
        pdf = pdfs["minimal"].read_bytes()
        assert canonical_pdf(pdf) == pdf
        assert b"/DocChecksum" not in pdf
        with pikepdf.open(io.BytesIO(pdf)) as opened:
            first, second = opened.trailer.ID
        assert bytes(first) == bytes(second)


def test_missing_libreoffice_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, minimal_course: Course
) -> None:
    """Without soffice on the PATH, rendering fails with an ExportError naming the Debian package."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExportError) as raised:
        render(minimal_course, "pdf")
    assert str(raised.value) == MISSING_LIBREOFFICE
    assert "apt-get install libreoffice-writer-nogui" in str(raised.value)


def test_the_template_is_the_docx_format_s(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, minimal_course: Course
) -> None:
    """pdf takes docx's template option and refuses a template as docx does, before LibreOffice starts."""
    folder = tmp_path / "bin"
    folder.mkdir()
    soffice = folder / "soffice"
    soffice.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")  # found, never started
    soffice.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    assert PdfExporter.options == DocxExporter.options
    with pytest.raises(ExportError) as raised:
        render(minimal_course, "pdf", template=tmp_path / "nope.docx")
    assert (
        str(raised.value) == f"template {tmp_path / 'nope.docx'}: cannot be read: No such file or directory"
    )


@pytest.mark.libreoffice
class TestRenderMany:
    """Several brochures in one LibreOffice run: what `ncmw-course build` does for each chunk of courses."""

    @pytest.fixture
    def counted_soffice(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        """A PATH whose soffice logs each start and runs the real LibreOffice; returns the log."""
        real = require("soffice")
        folder = tmp_path / "bin"
        folder.mkdir()
        log = tmp_path / "starts.log"
        shim = folder / "soffice"
        shim.write_text(f'#!/bin/sh\necho started >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
        return log

    def test_one_run_gives_what_single_conversions_give(
        self, counted_soffice: Path, minimal_course: Course, full_course: Course
    ) -> None:
        """Three courses, one LibreOffice start, and the same bytes as converting each alone."""
        exporter = PdfExporter()
        counts: list[int] = []
        many = exporter.render_many([minimal_course, full_course, minimal_course], counts.append)
        assert counted_soffice.read_text(encoding="utf-8").splitlines() == ["started"]
        assert counts == [1, 1, 1]
        assert many == [render(minimal_course, "pdf"), render(full_course, "pdf"), many[0]]
        assert all(isinstance(pdf, bytes) and pdf.startswith(b"%PDF-") for pdf in many)

    def test_a_document_that_fails_does_not_stop_the_others(
        self, counted_soffice: Path, minimal_course: Course
    ) -> None:
        """A file LibreOffice cannot read gets an ExportError in its place; the others convert."""
        moment = datetime(2026, 11, 28, tzinfo=UTC)
        good = render(minimal_course, "docx")
        damaged = good[: len(good) // 4]  # a cut-off zip: LibreOffice cannot load it
        counts: list[int] = []
        results = convert_many([(good, moment), (damaged, moment), (good, moment)], counts.append)
        assert sum(counts) == 3
        assert isinstance(results[0], bytes)
        assert isinstance(results[1], ExportError)
        assert str(results[1]) == (
            "LibreOffice could not convert the brochure to PDF (exit 0): Error: source file could not be loaded"
        )
        assert results[2] == results[0]

    def test_build_converts_a_chunk_in_one_run(
        self, counted_soffice: Path, tmp_path: Path, minimal_course: Course
    ) -> None:
        """`build` of four courses with one job starts LibreOffice once, not once per course."""
        folder = tmp_path / "courses"
        folder.mkdir()
        source = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
        for index in range(4):
            (folder / f"c{index}.json").write_text(
                json.dumps(dict(source, slug=f"c{index}")), encoding="utf-8"
            )
        result = CliRunner().invoke(
            cli, ["build", str(folder), "-f", "pdf", "--jobs", "1", "-o", str(tmp_path / "out")]
        )
        assert result.exit_code == 0, result.output
        made = sorted(path.name for path in (tmp_path / "out").iterdir())
        assert made == [".ncmw-course-build.json", *(f"c{i}.pdf" for i in range(4))]
        assert counted_soffice.read_text(encoding="utf-8").splitlines() == ["started"]


@pytest.mark.slow
def test_a_conversion_that_hangs_is_stopped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, minimal_course: Course
) -> None:
    """A LibreOffice that does not finish is killed after the timeout, with an error that says so."""
    monkeypatch.setattr("exporters._pdf.TIMEOUT_SECONDS", 1)
    folder = tmp_path / "bin"
    folder.mkdir()
    hanging = folder / "soffice"
    hanging.write_text(f"#!/bin/sh\nexec {shutil.which('sleep')} 60\n", encoding="utf-8")
    hanging.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    started = time.monotonic()
    with pytest.raises(ExportError) as raised:
        convert_many([(b"docx", datetime(2026, 11, 28, tzinfo=UTC))])
    assert str(raised.value) == "LibreOffice did not convert the brochure to PDF within 3 seconds"
    assert time.monotonic() - started < 10


# A conversion's errors: a damaged PDF, a full temporary folder, the year 1


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder of the test's own, for this process and the programs it starts."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def fake_soffice(folder: Path, monkeypatch: pytest.MonkeyPatch, writes: str | None) -> None:
    """A PATH whose soffice writes `writes` (printf format) as the PDF of each Word file, or nothing if None."""
    folder.mkdir()
    write = "" if writes is None else f'printf \'{writes}\' > "$out/$(basename "$1" .docx).pdf"; '
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\nout=.\nwhile [ $# -gt 0 ]; do case $1 in\n"
        f"--outdir) out=$2; shift 2;;\n*.docx) {write}shift;;\n*) shift;;\nesac; done\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


def test_a_damaged_pdf_from_the_converter(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, temporary: Path, minimal_course: Course
) -> None:
    """A PDF that qpdf cannot read is an ExportError that says LibreOffice wrote it; nothing is left behind."""
    fake_soffice(tmp_path / "bin", monkeypatch, "%%PDF-1.7 damaged")
    with pytest.raises(ExportError) as raised:
        render(minimal_course, "pdf")
    assert str(raised.value) == (
        "LibreOffice wrote a damaged PDF, which qpdf cannot read "
        "(unable to find trailer dictionary while recovering damaged file)"
    )
    assert list(temporary.iterdir()) == []


def full(error: int = errno.ENOSPC) -> Callable[..., object]:
    """A stand-in for a function that writes, failing as on a full disk."""

    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(error, os.strerror(error))

    return fail


FULL = "free space there or set TMPDIR to another folder"


@pytest.mark.parametrize("where", ["folder", "files", "LibreOffice"])
def test_a_full_temporary_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, temporary: Path, minimal_course: Course, where: str
) -> None:
    """A temporary folder too full for the folder, the files written for LibreOffice, or LibreOffice
    itself is one clear error (the disk simulated full here; really full in the test below)."""
    if where == "folder":
        monkeypatch.setattr(tempfile, "mkdtemp", full())
    elif where == "files":
        monkeypatch.setattr("exporters._pdf.write_profile", full())
    else:
        fake_soffice(tmp_path / "bin", monkeypatch, None)
        no_room = shutil._ntuple_diskusage(10**9, 10**9, 0)
        monkeypatch.setattr("exporters._pdf.shutil.disk_usage", lambda path: no_room)
    with pytest.raises(ExportError) as raised:
        render(minimal_course, "pdf")
    assert str(raised.value) == (
        f"cannot convert to PDF: the temporary folder {temporary} cannot be written (No space left on device); {FULL}"
    )
    assert list(temporary.iterdir()) == []


@pytest.mark.libreoffice
@pytest.mark.parametrize("size", ["16k", "300k"])
def test_a_really_full_temporary_folder(tmp_path: Path, size: str) -> None:
    """On a tmpfs of 16 kB (the brochure does not fit) or 300 kB (LibreOffice's profile does not):
    one line of error, and the tmpfs left empty."""
    small = tmp_path / "small"
    small.mkdir()
    mount = [shutil.which("unshare") or "unshare", "--map-root-user", "--mount", "sh", "-c"]
    if not _runs(mount):  # a skipped test checks nothing: say what the machine lacks instead
        pytest.fail(
            "this test mounts a small tmpfs with 'unshare --map-root-user --mount' (util-linux), which "
            "needs user and mount namespaces; run it where they are allowed",
            pytrace=False,
        )
    script = (
        f'mount -t tmpfs -o size={size} tmpfs "{small}" && TMPDIR="{small}" "$0" -c "$1"; '
        f'status=$?; ls -A "{small}"; exit $status'
    )
    code = "from ncmw_course import load_course, render; render(load_course(), 'pdf')"
    result = subprocess.run(
        [*mount, script, sys.executable, code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"ncmw_course.errors.ExportError: cannot convert to PDF: the temporary folder {small} "
        f"cannot be written (No space left on device); {FULL}"
    )
    assert result.stdout == ""


def _runs(prefix: list[str]) -> bool:
    """Whether `prefix` runs a shell command here."""
    try:
        return subprocess.run([*prefix, "true"], check=False, capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.mark.libreoffice
def test_the_year_1_is_a_date_too(tmp_path: Path) -> None:
    """A course updated on 0001-01-01 (a valid date) makes a PDF dated then, not an AssertionError."""
    source = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    path = tmp_path / "course.json"
    path.write_text(json.dumps(dict(source, updated="0001-01-01")), encoding="utf-8")
    with pikepdf.open(io.BytesIO(render(load_course(path), "pdf"))) as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:00010101000000")
        assert b"<xmp:CreateDate>0001-01-01T00:00:00" in pdf.Root.Metadata.read_bytes()
