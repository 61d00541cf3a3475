"""Every text of a course, for tests that check that a document lost nothing."""

from __future__ import annotations

from pydantic import BaseModel, HttpUrl

from ncmw_course.fields import PhoneNumber, WebAddress
from ncmw_course.model import Course

# Codes and identifiers that documents show in words or use as link targets, not as text; the
# EDU-DEX block holds registry codes for the feed only, and the contact person for the registers is
# for the accreditation dossier only.
NOT_TEXT = {
    "slug", "language", "currency", "country", "e164", "mode", "kind", "status", "edudex", "accreditation_contact",
}  # fmt: skip


def course_texts(course: Course, *, keywords: bool = True) -> list[str]:
    """Every human-readable text in `course`, in model order: prose, names, places, contact forms.

    Dates, times and numbers are left out: documents write them in words ("dinsdag 10 maart 2026").
    Keywords are metadata; leave them out with ``keywords=False`` to get only the body's texts.
    """
    found: list[str] = []
    addresses: set[str] = set()  # a website given twice (contact, provider) is printed once

    def walk(value: object, name: str) -> None:
        if name in NOT_TEXT or (name == "keywords" and not keywords):
            return
        if isinstance(value, HttpUrl):
            return
        if isinstance(value, WebAddress):
            if value.href not in addresses:
                addresses.add(value.href)
                found.append(value.text)
        elif isinstance(value, PhoneNumber):
            found.append(value.display)
        elif isinstance(value, BaseModel):
            for field in type(value).model_fields:
                walk(getattr(value, field), field)
        elif isinstance(value, tuple):
            for item in value:
                walk(item, name)
        elif isinstance(value, str):
            found.append(value)

    walk(course, "")
    return found
