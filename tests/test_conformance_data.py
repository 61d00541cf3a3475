"""tests/conformance/: the third-party data the feeds are checked against, in the repository itself."""

from __future__ import annotations

import hashlib

from tests.conftest import TESTS

CONFORMANCE = TESTS / "conformance"


def recorded_checksums() -> dict[str, str]:
    """SHA256SUMS as a mapping of each file's path (relative to tests/conformance) to its checksum."""
    lines = (CONFORMANCE / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {path: checksum for checksum, path in (line.split("  ", 1) for line in lines)}


def test_every_file_is_the_one_recorded() -> None:
    """Each file has the checksum SHA256SUMS records: the data was copied unchanged."""
    actual = {
        path: hashlib.sha256((CONFORMANCE / path).read_bytes()).hexdigest() for path in recorded_checksums()
    }
    assert actual == recorded_checksums()


def test_every_file_is_recorded_and_described() -> None:
    """No file is there without a checksum, and the README gives each one's source and licence."""
    files = {
        path.relative_to(CONFORMANCE).as_posix()
        for path in CONFORMANCE.rglob("*")
        if path.is_file() and path.name not in ("README.md", "SHA256SUMS")
    }
    assert files == set(recorded_checksums())
    readme = (CONFORMANCE / "README.md").read_text(encoding="utf-8")
    assert [path for path in sorted(files) if f"`{path}`" not in readme] == []
    assert "CC BY-SA 3.0" in readme
