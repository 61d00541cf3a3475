"""Document dates and zip packing that depend only on the input."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import pytest

from exporters._reproducible import document_datetime, repack_zip
from ncmw_course import ExportError


def archive(*names: str) -> bytes:
    """A zip with the given entries, each holding its own name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in names:
            target.writestr(name, name)
    return buffer.getvalue()


def test_document_date_is_the_course_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SOURCE_DATE_EPOCH, documents are dated at 00:00 UTC of the course's date."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert document_datetime(date(2026, 3, 10)) == datetime(2026, 3, 10, tzinfo=UTC)


def test_source_date_epoch_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    """SOURCE_DATE_EPOCH, when set, is the document date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert document_datetime(date(2026, 3, 10)) == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("yesterday", "'yesterday'"),
        ("²", "'²'"),
        ("-5", "'-5'"),
        ("253402300800", "'253402300800'"),  # the first second of the year 10000
        ("9" * 5000, "'" + "9" * 37 + "...'"),
    ],
)
def test_bad_source_date_epoch(monkeypatch: pytest.MonkeyPatch, value: str, shown: str) -> None:
    """A SOURCE_DATE_EPOCH that is not a number of seconds within Python's dates is refused, saying why."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ExportError) as raised:
        document_datetime(date(2026, 3, 10))
    assert str(raised.value) == (
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (at most 253402300799, the end of "
        f"9999), not {shown}"
    )


def test_the_last_second_of_9999_is_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The largest SOURCE_DATE_EPOCH accepted is the last second Python's dates can carry."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300799")
    assert document_datetime(date(2026, 3, 10)) == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


def test_repack_fixes_times_order_and_compression() -> None:
    """Entries get one timestamp and fixed attributes; `first` leads; `stored` is not compressed."""
    moment = datetime(2026, 3, 10, 12, 30, 4, tzinfo=UTC)
    packed = repack_zip(
        archive("b.xml", "mimetype", "a.xml"), moment, first=["mimetype"], stored=["mimetype"]
    )
    infos = zipfile.ZipFile(io.BytesIO(packed)).infolist()
    assert [info.filename for info in infos] == ["mimetype", "b.xml", "a.xml"]
    assert {info.date_time for info in infos} == {(2026, 3, 10, 12, 30, 4)}
    assert [info.compress_type for info in infos] == [
        zipfile.ZIP_STORED,
        zipfile.ZIP_DEFLATED,
        zipfile.ZIP_DEFLATED,
    ]
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert packed[30:38] == b"mimetype"  # the first local header names it right after the fixed fields


def test_repack_is_independent_of_the_input_times() -> None:
    """Archives with the same contents and different times pack to the same bytes."""
    moment = datetime(2026, 3, 10, tzinfo=UTC)
    first = archive("a", "b")
    later = io.BytesIO()
    with zipfile.ZipFile(later, "w") as target:
        for name in ("a", "b"):
            target.writestr(zipfile.ZipInfo(name, date_time=(2030, 1, 1, 1, 1, 1)), name)
    assert repack_zip(first, moment) == repack_zip(later.getvalue(), moment)


@pytest.mark.parametrize(
    ("moment", "stamp"),
    [
        (datetime(1970, 1, 1, tzinfo=UTC), (1980, 1, 1, 0, 0, 0)),
        (datetime(2200, 1, 1, tzinfo=UTC), (2107, 12, 31, 23, 59, 58)),
    ],
)
def test_times_outside_the_zip_range_are_clamped(moment: datetime, stamp: tuple[int, ...]) -> None:
    """Times a zip cannot hold are clamped to its range."""
    packed = repack_zip(archive("a"), moment)
    assert zipfile.ZipFile(io.BytesIO(packed)).infolist()[0].date_time == stamp


def test_repack_changes_the_named_entries_only() -> None:
    """An entry named in `change` gets the function's result; others and absent names are left alone."""
    moment = datetime(2026, 3, 10, tzinfo=UTC)
    packed = repack_zip(
        archive("a.xml", "b.xml"), moment, change={"b.xml": lambda data: data.upper(), "absent": bytes.upper}
    )
    with zipfile.ZipFile(io.BytesIO(packed)) as result:
        assert result.namelist() == ["a.xml", "b.xml"]
        assert (result.read("a.xml"), result.read("b.xml")) == (b"a.xml", b"B.XML")
