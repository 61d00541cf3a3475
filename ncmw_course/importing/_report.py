"""The review report of an import: for each field, found (and where), guessed (and why) or missing.

The coordinator reads it to check a draft before using it: what was found is the source's own
text, what was guessed is a proposal to check, and what is missing is to be filled in. Notes say
what the importer decided along the way (a hyphen kept or taken out) and which text of the source
has no place in a course, so that nothing is dropped unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

__all__ = ["Finding", "ImportReport", "Status"]

Status: TypeAlias = Literal["found", "guessed", "missing"]


@dataclass(frozen=True)
class Finding:
    """What the import found for one field.

    Attributes:
        field: The field's place in the course, such as ``programme.days`` or ``contact.phone``.
        status: ``found`` in the source, ``guessed`` (a proposal to check) or ``missing``.
        note: Where it was found, why it was guessed, or what to do about it.
    """

    field: str
    status: Status
    note: str


@dataclass
class ImportReport:
    """Every finding, in the model's order of fields, and the notes.

    Attributes:
        source: The source as the user named it.
        kind: What the source was read as, such as ``plain text`` or ``a brochure made by ncmw-course (Word)``.
        findings: One per field the import looked for.
        notes: Decisions the import took, and text of the source it did not use.
    """

    source: str
    kind: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def found(self, name: str, note: str) -> None:
        """`name` was found in the source, at `note`."""
        self.findings.append(Finding(name, "found", note))

    def guessed(self, name: str, note: str) -> None:
        """`name` was proposed by the import, for the reason `note`."""
        self.findings.append(Finding(name, "guessed", note))

    def missing(self, name: str, note: str = "not in the source") -> None:
        """`name` is not in the source."""
        self.findings.append(Finding(name, "missing", note))

    def status_of(self, name: str) -> Status | None:
        """The status of field `name`, or None when the import did not look for it."""
        return next((finding.status for finding in self.findings if finding.field == name), None)

    def fields(self, status: Status) -> list[str]:
        """The fields with `status`, in the report's order."""
        return [finding.field for finding in self.findings if finding.status == status]

    def text(self) -> str:
        """The report as people read it: a heading line, a line per field, the notes, a count."""
        width = max((len(finding.field) for finding in self.findings), default=0)
        lines = [f"Read {self.source} as {self.kind}:"]
        lines += [
            f"  {finding.status.ljust(7)}  {finding.field.ljust(width)}  {finding.note}"
            for finding in self.findings
        ]
        if self.notes:
            lines.append("Notes:")
            lines += [f"  {note}" for note in self.notes]
        counts = ", ".join(
            f"{len(self.fields(status))} {status}" for status in ("found", "guessed", "missing")
        )
        lines.append(f"Fields: {counts}.")
        return "\n".join(lines) + "\n"
