"""Same input, same bytes: the document date, and zip archives without "now" in them.

python-docx and ebooklib both stamp every zip entry with the current time. :func:`repack_zip`
rewrites an archive with fixed timestamps, fixed permissions and a chosen entry order, so that a
course renders to byte-identical files on every run, machine and time zone.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime

from ncmw_course.errors import ExportError

__all__ = ["ZIP_EPOCH", "document_datetime", "repack_zip", "source_date_epoch"]

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
"""The earliest time a zip entry can carry."""
ZIP_END = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)
"""The latest time a zip entry can carry."""
_LAST_SECOND = 253_402_300_799
"""9999-12-31 23:59:59 UTC: the last moment Python's dates (and so our documents) can carry."""


def document_datetime(updated: date) -> datetime:
    """The moment a document is dated: ``SOURCE_DATE_EPOCH`` when set, else `updated` at 00:00 UTC.

    Raises:
        ExportError: ``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds.
    """
    return source_date_epoch() or datetime(updated.year, updated.month, updated.day, tzinfo=UTC)


def source_date_epoch() -> datetime | None:
    """The moment ``SOURCE_DATE_EPOCH`` names (in UTC), or None when it is not set.

    Raises:
        ExportError: It is set but is not a whole number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        # ASCII digits only ("²".isdigit() is true), and no later than the last second of 9999.
        if not (epoch.isascii() and epoch.isdigit()) or len(epoch) > 12 or int(epoch) > _LAST_SECOND:
            shown = epoch if len(epoch) <= 40 else epoch[:37] + "..."
            msg = (
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 "
                f"(at most {_LAST_SECOND}, the end of 9999), not {shown!r}"
            )
            raise ExportError(msg)
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return None


def repack_zip(
    data: bytes,
    moment: datetime,
    *,
    first: Iterable[str] = (),
    stored: Iterable[str] = (),
    change: Mapping[str, Callable[[bytes], bytes]] | None = None,
) -> bytes:
    """Rewrite the zip archive `data` so that its bytes depend on its contents only.

    Every entry gets the timestamp `moment` (clamped to the zip range, in UTC), permissions 0644 and
    no extra fields. Entries named in `first` come first, in that order; the rest keep their order.
    Entries named in `stored` are stored uncompressed, the others deflated at a fixed level. An
    entry named in `change` gets ``change[name](its contents)`` instead of its contents.
    """
    stamp = min(max(moment.astimezone(UTC), ZIP_EPOCH), ZIP_END).timetuple()[:6]
    first_names, stored_names = list(first), set(stored)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        contents = {name: source.read(name) for name in names}
    for name, transform in (change or {}).items():
        if name in contents:
            contents[name] = transform(contents[name])
    ordered = [name for name in first_names if name in contents]
    ordered += [name for name in names if name not in first_names]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, whatever the machine: the attributes above are Unix ones
            if name in stored_names:
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, contents[name], compresslevel=6 if name not in stored_names else None)
    return out.getvalue()
