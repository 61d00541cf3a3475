"""The Word brochure converted to a tagged PDF by LibreOffice headless, and made reproducible.

Each conversion runs in its own temporary folder with its own LibreOffice profile
(``-env:UserInstallation``), so conversions can run in parallel and leave nothing behind, and
LibreOffice runs cut off from the network and from linked files (:mod:`exporters._isolation`).
Several brochures are converted by one LibreOffice run (:func:`convert_many`), since starting
LibreOffice is what takes the time.

LibreOffice stamps the conversion time into the PDF (``/CreationDate`` and ``xmp:CreateDate``), a
random document ``/ID`` and a ``/DocChecksum`` that covers the time. It also writes the embedded
fonts in the order of their addresses in memory, so the same brochure can come out with its objects
in another order from one run to the next. :func:`reproducible_pdf` dates the PDF by the course
and has qpdf (through pikepdf) write it again in a canonical form, with an ``/ID`` derived from the
content.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exporters._isolation import network_prefix, sigterm_raises, start, stop, write_profile
from ncmw_course.errors import ExportError, MissingToolError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from datetime import datetime

__all__ = [
    "MISSING_LIBREOFFICE",
    "canonical_pdf",
    "convert_docx",
    "convert_many",
    "find_soffice",
    "libreoffice_identity",
    "missing_libreoffice",
    "reproducible_pdf",
]


def missing_libreoffice(format_name: str = "pdf") -> str:
    """What to say when LibreOffice, which the format `format_name` needs, is not installed."""
    return (
        f"the {format_name} format needs LibreOffice, and neither 'soffice' nor 'libreoffice' is on the "
        "PATH; install it with 'apt-get install libreoffice-writer-nogui' (Debian, Ubuntu) or from "
        "https://www.libreoffice.org/"
    )


MISSING_LIBREOFFICE = missing_libreoffice()

# writer_pdf_Export's options: a tagged PDF (structure tree, reading order, alt texts), PDF/UA-1
# identification, the title rather than the file name in the viewer's title bar, bookmarks.
FILTER_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
}
CONVERT_TO = "pdf:writer_pdf_Export:" + json.dumps(FILTER_OPTIONS, separators=(",", ":"))
TIMEOUT_SECONDS = 180


def find_soffice(format_name: str = "pdf") -> str:
    """The path of LibreOffice's ``soffice`` (or ``libreoffice``), which the format `format_name` needs.

    Raises:
        MissingToolError: Neither is installed; the message names the package to install.
    """
    for program in ("soffice", "libreoffice"):
        path = shutil.which(program)
        if path:
            return path
    raise MissingToolError(missing_libreoffice(format_name))


def libreoffice_identity() -> str:
    """Which LibreOffice converts: the real path of its program, with the size and time of its
    program files and its build id; ``missing`` without one. Any update of LibreOffice changes it.

    Why not ``soffice --version``: that starts LibreOffice, a quarter of a second of every build
    that makes PDFs, even one that has nothing to convert.
    """
    try:
        program = Path(find_soffice()).resolve()
    except MissingToolError:
        return "missing"
    parts = [str(program)]
    for path in (program, program.with_name("soffice.bin"), program.with_name("versionrc")):
        with contextlib.suppress(OSError):
            found = path.stat()
            parts.append(f"{path.name} {found.st_size} {found.st_mtime_ns}")
    with contextlib.suppress(OSError, UnicodeDecodeError):
        text = program.with_name("versionrc").read_text(encoding="utf-8")
        parts += [line for line in text.splitlines() if line.startswith("buildid=")]
    return "; ".join(parts)


def convert_docx(docx: bytes, moment: datetime) -> bytes:
    """The PDF of the Word document `docx`, dated `moment`, as LibreOffice's tagged PDF export makes it.

    Raises:
        ExportError: LibreOffice is missing, fails, or takes longer than three minutes.
    """
    (result,) = convert_many([(docx, moment)])
    if isinstance(result, ExportError):
        raise result
    return result


def convert_many(
    documents: Sequence[tuple[bytes, datetime]], done: Callable[[int], None] | None = None
) -> list[bytes | ExportError]:
    """The PDFs of several Word documents, each dated by its moment, made by one LibreOffice run.

    Why one run: starting LibreOffice takes over a second; converting one more brochure in a running
    LibreOffice takes a few hundredths. A document LibreOffice cannot convert gets an
    :class:`ExportError` in its place; the others are still converted. `done` is called as the
    documents are converted (LibreOffice names each on stdout), for a progress bar: once per
    document in all.

    LibreOffice runs without network where it can, with a fresh profile that loads no linked file
    or URL and runs no macro (:mod:`exporters._isolation`); its folder is removed on every way out,
    SIGTERM included.

    Raises:
        MissingToolError: LibreOffice is not installed.
        ExportError: LibreOffice did not finish in time (three minutes, plus two seconds a document),
            the temporary folder cannot be written, or it cannot be isolated where that is required.
    """
    soffice = find_soffice()
    prefix = network_prefix()
    counter = _Counter(len(documents), done)
    with sigterm_raises(), _temporary_folder() as folder:
        sources, profile = _prepare(folder, [docx for docx, _ in documents])
        command = [
            *prefix,
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            CONVERT_TO,
            "--outdir",
            str(folder),
            *map(str, sources),
        ]
        returncode, said = _run(command, folder / "stderr", counter)
        counter.finish()
        converted: list[bytes | ExportError] = []
        for source, (_, moment) in zip(sources, documents, strict=True):
            target = source.with_suffix(".pdf")
            if target.is_file():
                converted.append(_reproducible_or_error(target.read_bytes(), moment))
            else:
                converted.append(_conversion_error(folder, returncode, said))
        return converted


@contextlib.contextmanager
def _temporary_folder() -> Iterator[Path]:
    """A new folder in the temporary folder, removed with all in it on every way out.

    Raises:
        ExportError: The folder cannot be made (the temporary folder is full, missing or read-only).
    """
    try:
        folder = Path(tempfile.mkdtemp(prefix="ncmw-course-pdf-"))
    except OSError as error:
        raise _temporary_folder_error(tempfile.gettempdir(), error) from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _temporary_folder_error(folder: str | Path, error: OSError | str) -> ExportError:
    reason = error if isinstance(error, str) else error.strerror or str(error)
    msg = (
        f"cannot convert to PDF: the temporary folder {folder} cannot be written ({reason}); "
        "free space there or set TMPDIR to another folder"
    )
    return ExportError(msg)


LOW_SPACE = 2 * 1024 * 1024
"""Less free space than this in the temporary folder, and LibreOffice may fail for want of it."""


def _conversion_error(folder: Path, returncode: int, said: str) -> ExportError:
    """Why LibreOffice made no PDF: the temporary folder is full, or what it said."""
    if shutil.disk_usage(folder).free < LOW_SPACE:
        return _temporary_folder_error(folder.parent, "No space left on device")
    msg = f"LibreOffice could not convert the brochure to PDF (exit {returncode}): {said}"
    return ExportError(msg)


def _prepare(folder: Path, documents: Sequence[bytes]) -> tuple[list[Path], str]:
    """Write each Word document, a folder for LibreOffice's temporary files and a fresh profile into
    `folder`; the documents' paths and the profile's URI.

    Raises:
        ExportError: They cannot be written (a full disk).
    """
    sources = [folder / f"brochure-{index:05d}.docx" for index in range(len(documents))]
    try:
        for source, docx in zip(sources, documents, strict=True):
            source.write_bytes(docx)
        (folder / "tmp").mkdir()
        return sources, write_profile(folder / "profile")
    except OSError as error:
        raise _temporary_folder_error(folder.parent, error) from None


def _reproducible_or_error(data: bytes, moment: datetime) -> bytes | ExportError:
    """:func:`reproducible_pdf` of LibreOffice's output, or the error of a PDF qpdf cannot read."""
    import pikepdf

    try:
        return reproducible_pdf(data, moment)
    except pikepdf.PdfError as error:
        reason = str(error).split(">: ", 1)[-1]  # without "stream <_io.BytesIO object at 0x…>"
        return ExportError(f"LibreOffice wrote a damaged PDF, which qpdf cannot read ({reason})")


class _Counter:
    """Counts the documents LibreOffice has converted, for `done`: once per document in all."""

    def __init__(self, total: int, done: Callable[[int], None] | None) -> None:
        self.total, self.done, self.reported = total, done, 0

    def one(self) -> None:
        if self.reported < self.total:
            self.report(1)

    def finish(self) -> None:
        self.report(self.total - self.reported)

    def report(self, count: int) -> None:
        if self.done is not None and count:
            self.done(count)
        self.reported += count


def _run(command: list[str], stderr_path: Path, counter: _Counter) -> tuple[int, str]:
    """Run LibreOffice, counting each document it names on stdout; its exit code and what it said.

    Raises:
        ExportError: LibreOffice did not finish in time (three minutes, plus two seconds a document).
    """
    timeout = TIMEOUT_SECONDS + 2 * counter.total
    expired = threading.Event()
    with stderr_path.open("w+b") as stderr:
        process = start(command, stderr, stderr_path.parent / "tmp")
        assert process.stdout is not None

        def expire() -> None:
            expired.set()
            stop(process, wait=0)

        timer = threading.Timer(timeout, expire)
        timer.start()
        try:
            for line in process.stdout:  # "convert <source> -> <target> using filter : …"
                if line.startswith(b"convert "):
                    counter.one()
            returncode = process.wait()
        finally:
            timer.cancel()
            stop(process)  # LibreOffice's children; LibreOffice itself after an error or a signal
            process.stdout.close()
        if expired.is_set():
            what = "the brochure" if counter.total == 1 else f"{counter.total} brochures"
            msg = f"LibreOffice did not convert {what} to PDF within {timeout} seconds"
            raise ExportError(msg)
        stderr.seek(0)
        return returncode, _errors_said(stderr.read())


def _errors_said(stderr: bytes) -> str:
    """What LibreOffice said on stderr: its ``Error:`` lines (without warnings), else all of it."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = list(dict.fromkeys(line for line in lines if line.startswith("Error")))
    return "; ".join(errors or lines) or "no message"


_CREATION_DATE = re.compile(rb"/CreationDate\(D:(\d{14})")
_XMP_DATE = re.compile(rb"<xmp:(?:CreateDate|ModifyDate|MetadataDate)>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")


def reproducible_pdf(data: bytes, moment: datetime) -> bytes:
    """LibreOffice's PDF `data`, dated `moment` (UTC) and written in a canonical form.

    The dates are replaced in place. Then qpdf reads the PDF and writes it again: it numbers the
    objects in the order they are reached from the document's root, whatever order LibreOffice
    wrote them in (the regular and bold fonts were seen to swap places between two runs), and
    derives the ``/ID`` from the content. Streams are copied as they are, not decoded again.
    LibreOffice's ``/DocChecksum``, which covers the conversion time and is not part of the PDF
    standard, is left out.
    """
    # not strftime: it writes the year 1 as "1", not "0001"
    iso = moment.replace(tzinfo=None).isoformat(timespec="seconds").encode("ascii")
    stamp = re.sub(rb"[-T:]", b"", iso)
    data = _replace_groups(_CREATION_DATE, data, lambda _: stamp)
    data = _replace_groups(_XMP_DATE, data, lambda _: iso)
    return canonical_pdf(data)


def with_keywords(data: bytes, keywords: Sequence[str]) -> bytes:
    """The PDF `data` with `keywords` as its keywords, each whole, in the same canonical form.

    Why: LibreOffice splits Word's keywords at every space, so that "Veilig Thuis" became two
    keywords, "Veilig" and "Thuis". The document information and the XMP metadata get the list
    as the course states it, joined by ", " as Word writes it.
    """
    import pikepdf

    joined = ", ".join(keywords)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if joined:
            pdf.docinfo["/Keywords"] = joined
        elif "/Keywords" in pdf.docinfo:
            del pdf.docinfo["/Keywords"]
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            if joined:
                xmp["pdf:Keywords"] = joined
            elif "pdf:Keywords" in xmp:
                del xmp["pdf:Keywords"]
        return _saved(pdf)


def canonical_pdf(data: bytes) -> bytes:
    """The PDF `data` as qpdf writes it with a content-derived ``/ID``: the same for the same content.

    Two PDFs that differ only in how their objects are numbered and ordered give the same bytes.
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return _saved(pdf)


def _saved(pdf: Any) -> bytes:
    """`pdf` (a pikepdf document) written canonically: objects in reading order, ``/ID`` from the content."""
    import pikepdf

    for key in ("/ID", "/DocChecksum"):
        if key in pdf.trailer:
            del pdf.trailer[key]
    written = io.BytesIO()
    pdf.save(
        written,
        deterministic_id=True,
        compress_streams=False,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        object_stream_mode=pikepdf.ObjectStreamMode.disable,
        fix_metadata_version=False,
    )
    return written.getvalue()


def _replace_groups(pattern: re.Pattern[bytes], data: bytes, produce: Callable[[bytes], bytes]) -> bytes:
    """Every group of every match of `pattern` replaced by ``produce(group)``, which has the same length."""
    out: list[bytes] = []
    last = 0
    for match in pattern.finditer(data):
        for group in range(1, (pattern.groups or 0) + 1):
            start, end = match.span(group)
            replacement = produce(data[start:end])
            if len(replacement) != end - start:  # fixed-width formats: a bug if hit
                msg = "a PDF replacement must keep the length of what it replaces"
                raise AssertionError(msg)
            out += [data[last:start], replacement]
            last = end
    out.append(data[last:])
    return b"".join(out)
