"""A user's Word template as a file and a zip archive, read within limits.

Only a regular file is read, and only up to :data:`MAX_TEMPLATE_BYTES`. The archive's directory
is checked before anything is unpacked; then a part is unpacked only when it is asked for, and
everything unpacked counts towards :data:`MAX_KEPT_BYTES`, so that the parts a template is not
allowed to keep (macros, custom XML, comments …) are never unpacked at all.
"""

from __future__ import annotations

import io
import lzma
import os
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from exporters._template_xml import AGAIN, TemplateProblem, parse_part

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "MAX_KEPT_BYTES",
    "MAX_TEMPLATE_BYTES",
    "MAX_TEMPLATE_ENTRIES",
    "MAX_TEMPLATE_UNPACKED",
    "Archive",
    "Relationship",
    "read_template_file",
    "relationships_name",
]

MB = 1024 * 1024
MAX_TEMPLATE_BYTES = 20 * MB
"""The largest template file accepted."""
MAX_TEMPLATE_UNPACKED = 100 * MB
"""The most a template may unpack to: more is a zip bomb, not a Word file."""
MAX_TEMPLATE_ENTRIES = 1_000
"""The most parts a template may have; Word writes a dozen or two."""
MAX_KEPT_BYTES = 8 * MB
"""The most the parts a brochure keeps of a template may unpack to: each brochure copies them."""

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected .docx and old .doc files
_CHUNK = 1024 * 1024


def read_template_file(path: Path) -> bytes:
    """The bytes of the template file `path`: a regular file of at most :data:`MAX_TEMPLATE_BYTES`.

    Why a regular file: a FIFO would block until someone writes to it, ``/dev/zero`` never ends.

    Raises:
        TemplateProblem: The file cannot be read, is not a regular file, is too large, or is an
            old or password-protected Word file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
        try:
            data = _read_regular(descriptor)
        finally:
            os.close(descriptor)
    except OSError as error:
        msg = f"cannot be read: {error.strerror or error}"
        raise TemplateProblem(msg) from None
    if data.startswith(_OLE_SIGNATURE):
        msg = "is password-protected or an old .doc file; save it in Word as a .docx without a password"
        raise TemplateProblem(msg)
    return data


def _read_regular(descriptor: int) -> bytes:
    """What the open file `descriptor` holds, if it is a regular file within the size limit."""
    status = os.fstat(descriptor)
    if stat.S_ISDIR(status.st_mode):
        msg = "is a folder; give a .docx file"
        raise TemplateProblem(msg)
    if not stat.S_ISREG(status.st_mode):
        msg = "is not a regular file but a device, pipe or socket; give a .docx file"
        raise TemplateProblem(msg)
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_TEMPLATE_BYTES and status.st_size <= MAX_TEMPLATE_BYTES:
        chunk = os.read(descriptor, _CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    size = max(size, status.st_size)
    if size > MAX_TEMPLATE_BYTES:
        msg = f"is {size / MB:.1f} MB; a template is at most {MAX_TEMPLATE_BYTES // MB} MB"
        raise TemplateProblem(msg)
    return b"".join(chunks)


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part, with its target resolved to a zip entry name."""

    id: str
    type: str
    target: str
    """The part it points at, as a zip entry name; empty for an external or impossible target."""


PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


def relationships_name(part: str) -> str:
    """The name of the part holding the relationships of `part` (``""`` for the package)."""
    if not part:
        return "_rels/.rels"
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def resolve(source: str, target: str, mode: str | None) -> str:
    """The zip entry a relationship of the part `source` points at; empty if it points outside.

    An external target (``TargetMode="External"``), a URL, a UNC or Windows path, or a path that
    climbs out of the package resolves to nothing.
    """
    if mode not in (None, "Internal"):
        return ""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or parts.query or parts.fragment or "\\" in target or not parts.path:
        return ""
    if parts.path.startswith("/"):
        joined = parts.path[1:]
    else:
        joined = posixpath.join(posixpath.dirname(source), parts.path)
    resolved = posixpath.normpath(joined)
    return "" if resolved.startswith(("..", "/")) or resolved == "." else resolved


def damaged_zip(error: Exception) -> TemplateProblem:
    """The problem of an archive that zipfile cannot read."""
    return TemplateProblem(f"is a damaged zip archive ({error}); {AGAIN}")


class Archive:
    """The template's zip archive, whose parts are unpacked on demand, within :data:`MAX_KEPT_BYTES`."""

    def __init__(self, data: bytes) -> None:
        """Open the archive `data` and check its directory.

        Raises:
            TemplateProblem: `data` is no zip archive, a damaged one, or would unpack to too much.
        """
        if not zipfile.is_zipfile(io.BytesIO(data)):
            msg = "is not a Word .docx file (not a zip archive); save it as .docx in Word"
            raise TemplateProblem(msg)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise damaged_zip(error) from None
        entries = self.zip.infolist()
        if len(entries) > MAX_TEMPLATE_ENTRIES:
            msg = f"has {len(entries)} parts; a Word template has at most {MAX_TEMPLATE_ENTRIES}, so this file is refused"
            raise TemplateProblem(msg)
        unpacked = sum(entry.file_size for entry in entries)
        if unpacked > MAX_TEMPLATE_UNPACKED:
            msg = (
                f"unpacks to {unpacked / MB:.0f} MB in {len(entries)} part{'' if len(entries) == 1 else 's'}; "
                f"a Word template is at most {MAX_TEMPLATE_UNPACKED // MB} MB unpacked, so this file is refused"
            )
            raise TemplateProblem(msg)
        self.unpacked = 0
        """How much has been unpacked so far."""

    def read(self, name: str) -> bytes | None:
        """The unpacked part `name`, None if there is none.

        Raises:
            TemplateProblem: The part is encrypted or damaged, or unpacking it would go over
                :data:`MAX_KEPT_BYTES` in all.
        """
        try:
            entry = self.zip.getinfo(name)
        except KeyError:
            return None
        if entry.flag_bits & 0x1:
            msg = "is an encrypted zip archive; save it in Word as a .docx without a password"
            raise TemplateProblem(msg)
        room = MAX_KEPT_BYTES - self.unpacked
        data = b""
        if entry.file_size <= room:
            try:
                with self.zip.open(entry) as member:
                    data = member.read(room + 1)
            except (
                zipfile.BadZipFile,
                zlib.error,
                lzma.LZMAError,
                OSError,
                EOFError,
                NotImplementedError,
            ) as error:
                raise damaged_zip(error) from None
        if entry.file_size > room or len(data) > room:
            msg = (
                f"its styles, settings, headers, footers and their images unpack to more than "
                f"{MAX_KEPT_BYTES // MB} MB; a template may bring at most that, so this file is refused"
            )
            raise TemplateProblem(msg)
        self.unpacked += len(data)
        return data

    def relationships(self, source: str) -> list[Relationship]:
        """The relationships of the part `source` (``""`` for the package's own), in their order.

        Raises:
            TemplateProblem: The relationships part cannot be read or parsed.
        """
        name = relationships_name(source)
        data = self.read(name)
        if data is None:
            return []
        root = parse_part(name, data)
        found = []
        for element in root.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship"):
            identity, kind, target = (element.get(key) for key in ("Id", "Type", "Target"))
            if identity and kind and target is not None:
                found.append(Relationship(identity, kind, resolve(source, target, element.get("TargetMode"))))
        return found
