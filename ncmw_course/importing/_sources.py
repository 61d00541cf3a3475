"""Each kind of source read into a draft: plain text, Word and PDF, then the flyer or brochure reader.

A Word document or PDF made by this project is read back by its structure
(:mod:`ncmw_course.importing._brochure`); every other source, and plain text always, as a flyer
(:mod:`ncmw_course.importing._flyer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ncmw_course.importing._report import ImportReport

if TYPE_CHECKING:
    from ncmw_course.importing import SourceKind
    from ncmw_course.importing._paras import Para
    from ncmw_course.importing._structure import SourceDocument

__all__ = ["decode_text", "read_document", "read_source"]

Json = dict[str, Any]

_KINDS = {"text": "plain text", "docx": "a Word document", "pdf": "a PDF"}


def read_source(data: bytes, kind: SourceKind, source: str) -> tuple[Json, ImportReport]:
    """The draft course of `data`, read as `kind`, and the report of what was found."""
    from ncmw_course.importing._joining import Joiner

    joiner = Joiner()
    if kind == "text":
        from ncmw_course.importing._text import read_text

        text = decode_text(data, source)
        return _flyer(read_text(text, joiner), ImportReport(source, _KINDS[kind]), joiner)
    document = read_document(data, kind, source)
    if document.brochure is not None:
        from ncmw_course.importing._brochure import read_brochure

        report = ImportReport(source, f"a brochure made by ncmw-course ({_KINDS[kind][2:]})")
        return read_brochure(document.brochure, report), report
    return _flyer(document.paras, ImportReport(source, _KINDS[kind]), joiner)


def read_document(data: bytes, kind: SourceKind, source: str) -> SourceDocument:
    """A Word document or PDF, read."""
    if kind == "docx":
        from ncmw_course.importing._docx import read_docx

        return read_docx(data, source)
    from ncmw_course.importing._pdf import read_pdf

    return read_pdf(data, source)


def _flyer(paras: list[Para], report: ImportReport, joiner: Any) -> tuple[Json, ImportReport]:
    from ncmw_course.importing import ImportSourceError
    from ncmw_course.importing._draft import finish
    from ncmw_course.importing._flyer import read_flyer

    if not paras:
        msg = f"{report.source}: has no text to import"
        raise ImportSourceError(msg)
    draft = read_flyer(paras, report)
    report.notes[:0] = joiner.notes
    return finish(draft, report, words="\n".join(para.text for para in paras)), report


def decode_text(data: bytes, source: str) -> str:
    """`data` as UTF-8 text (a byte-order mark is fine)."""
    from ncmw_course.importing import ImportSourceError

    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        msg = (
            f"{source}: is not UTF-8 text (byte 0x{byte:02X} at position {error.start}); "
            "save it as UTF-8 text, or import the .docx or .pdf it came from"
        )
        raise ImportSourceError(msg) from None
