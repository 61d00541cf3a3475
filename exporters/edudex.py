"""``edudex``: the EDU-DEX program document, for Dutch course portals and registers."""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING, ClassVar

from ncmw_course.readiness import Requirement, refusal

if TYPE_CHECKING:
    from ncmw_course.model import Course
    from ncmw_course.readiness import RequirementLevel

__all__ = ["EDUDEX_DESCRIPTION_LIMIT", "EDUDEX_SUMMARY_LIMIT", "EdudexExporter", "edudex_requirements"]

EDUDEX_SUMMARY_LIMIT = 200
"""EDU-DEX's programSummaryText holds at most this many characters."""
EDUDEX_DESCRIPTION_LIMIT = 1200
"""EDU-DEX's programDescriptionText holds at most this many characters."""


class EdudexExporter:
    """Writes the course as an EDU-DEX program: the Data API's ``program_in`` document.

    EDU-DEX feeds Springest, LeerRijk, Bloomville, RIO and HR learning platforms. It requires codes
    and facts that a brochure does not state (the provider's IDs, level, form, degree, admission,
    a located run). Its :meth:`requirements` say which, and they are ``required``: a course that
    lacks one is not rendered, and :class:`~ncmw_course.NotReadyError` lists what to add, as
    ``ncmw-course check --for edudex`` does. Nothing is guessed, and no text is cut to fit
    EDU-DEX's limits.

    The output is UTF-8 JSON without ``\\u`` escapes, indented by two spaces, with a final newline,
    dated by the course's ``updated`` date or ``SOURCE_DATE_EPOCH``.
    """

    name: ClassVar[str] = "edudex"
    file_extension: ClassVar[str] = ".edudex.json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "EDU-DEX program JSON, for Dutch course portals and registers"
    requirement_level: ClassVar[RequirementLevel] = "required"

    def requirements(self, course: Course) -> list[Requirement]:
        """What EDU-DEX requires that `course` states (see :func:`edudex_requirements`)."""
        return edudex_requirements(course)

    def render(self, course: Course) -> bytes:
        """Serialise `course` as an EDU-DEX program document.

        Raises:
            NotReadyError: The course lacks what EDU-DEX requires; the error lists what to add.
        """
        from exporters._edudex import program_document

        error = refusal(self.name, self.requirements(course))
        if error is not None:
            raise error
        document = program_document(course)
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def warm_up(self) -> None:
        """Import what `render` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("exporters._edudex",):
            importlib.import_module(module)


def edudex_requirements(course: Course) -> list[Requirement]:
    """What EDU-DEX requires of a course: its codes and classifications (the course file's ``edudex``
    block), a located run, texts within EDU-DEX's limits, and facts in the forms its types carry."""
    from exporters._edudex import format_requirements

    return [*_listing_requirements(course), *_content_requirements(course), *format_requirements(course)]


def _listing_requirements(course: Course) -> list[Requirement]:
    """The codes and classifications EDU-DEX requires, which a brochure does not state."""
    listing = course.edudex
    return [
        Requirement(
            "edudex.org_unit_id",
            "the provider's organisation unit ID at EDU-DEX",
            bool(listing and listing.org_unit_id),
        ),
        Requirement(
            "edudex.program_id",
            "the provider's ID for this programme at EDU-DEX",
            bool(listing and listing.program_id),
        ),
        Requirement(
            "edudex.program_forms",
            "how the programme is organised, such as part-time",
            bool(listing and listing.program_forms),
        ),
        Requirement(
            "edudex.program_level",
            "the programme's level, such as post-hbo",
            bool(listing and listing.program_level),
        ),
        Requirement(
            "edudex.degree",
            "what participants receive, such as certificate of participation",
            bool(listing and listing.degree),
        ),
        Requirement(
            "edudex.application_type",
            "whether people apply individually or as a group",
            bool(listing and listing.application_type),
        ),
        Requirement(
            "edudex.application_open",
            "whether applications are open (true or false)",
            listing is not None and listing.application_open is not None,
        ),
        Requirement(
            "edudex.payment_due",
            "when participants pay: up-front, afterwards or installments",
            bool(listing and listing.payment_due),
        ),
        Requirement(
            "edudex.start_date_determination",
            "how the start date is set, such as fixed starting date",
            bool(listing and listing.start_date_determination),
        ),
        Requirement(
            "edudex.program_type",
            "the kind of programme, such as training, workshop or master class",
            bool(listing and listing.program_type),
        ),
    ]


def _content_requirements(course: Course) -> list[Requirement]:
    """What EDU-DEX requires of the course's own facts and texts."""
    summary_length = len(course.listing_summary)
    summary_source = "it has" if course.summary else "there is none, and the description's first sentence has"
    description_length = len(" ".join(course.description))
    return [
        Requirement(
            "editions[].location",
            "at least one dated run with its location (EDU-DEX's programme location)",
            any(edition.location for edition in course.editions),
        ),
        Requirement(
            "contact.email",
            "an e-mail address with plain ASCII before the @, as EDU-DEX requires",
            course.contact.email is None or course.contact.email.split("@", 1)[0].isascii(),
        ),
        Requirement(
            "summary",
            f"a summary of at most {EDUDEX_SUMMARY_LIMIT} characters ({summary_source} {summary_length})",
            summary_length <= EDUDEX_SUMMARY_LIMIT,
        ),
        Requirement(
            "description",
            f"a description of at most {EDUDEX_DESCRIPTION_LIMIT} characters (it has {description_length})",
            description_length <= EDUDEX_DESCRIPTION_LIMIT,
        ),
    ]
