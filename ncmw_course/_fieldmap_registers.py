"""The rows of the field map for what registers ask: a day's sessions, an accreditation's status, the
contact person for the registers, the assessment and the literature (see :mod:`ncmw_course.fieldmap`).
"""

from __future__ import annotations

from ncmw_course._fieldmap_rows import NO_TERM, SUBJECT_CURRICULUM, Row, row, subject, written
from ncmw_course.placements import At, Form, Nowhere, Shown

__all__ = ["REGISTER_ROWS"]

SESSIONS = "programme › day › sessions"
NO_SESSIONS = Nowhere(
    f"{NO_TERM} for a part of a day or a break; the net hours the parts give are `timeRequired`"
)
REGISTERS_ONLY = Nowhere("the contact person for the registers: the accreditation dossier names them")


def _session(form: Form) -> Row:
    """A part of a day: a row of the day's timetable, and a line of EDU-DEX's curriculum text."""
    return row(
        Shown(SESSIONS, form),
        NO_SESSIONS,
        SUBJECT_CURRICULUM if form == "as written" else written("curriculum", form),
    )


REGISTER_ROWS: dict[str, Row] = {
    "programme.days[].sessions[].start_time": _session("written time"),
    "programme.days[].sessions[].end_time": _session("written time"),
    "programme.days[].sessions[].title": _session("as written"),
    "programme.days[].sessions[].kind": _session("written session kind"),
    "accreditations[].status": row(
        Shown("practical › accreditations", "written status"),
        At("subjectOf[].name", "written status"),
        written("accreditation", "written status"),
    ),
    **{
        f"accreditation_contact.{field}": row(REGISTERS_ONLY, REGISTERS_ONLY, REGISTERS_ONLY)
        for field in ("name", "phone.display", "phone.e164", "email", "website.url", "website.display")
    },
    "assessment.final_test": row(
        Shown("assessment", "written final test"),
        Nowhere(f"{NO_TERM} for how a course tests its participants"),
        written("graduation", "written final test"),
    ),
    "assessment.description[]": row(
        Shown("assessment"),
        Nowhere(f"{NO_TERM} for how a course tests its participants"),
        subject("graduation"),
    ),
    "literature[]": row(
        Shown("literature"), At("citation[]"), Nowhere("EDU-DEX has no subject text for a reading list")
    ),
}
"""The fields registers ask for, with their places in the documents, JSON-LD and EDU-DEX."""
