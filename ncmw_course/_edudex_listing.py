"""What EDU-DEX needs beyond the brochure: its codes and classifications, in its own words.

Part of the course model (:class:`~ncmw_course.model.Course` has an ``edudex`` block); kept apart
because its value lists are EDU-DEX's tables, not the course's.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Strict, StringConstraints

from ncmw_course.fields import CourseModel, Text

__all__ = ["Degree", "EdudexListing", "InstructionMode", "ProgramForm", "ProgramLevel", "ProgramType"]


ProgramForm = Literal[
    "dual",
    "full-time",
    "part-time",
    "evening education",
    "distance learning",
    "e-learning",
    "virtual classroom",
]
"""How a programme is organised, in EDU-DEX's words."""

ProgramLevel = Literal[
    "none", "propedeuse", "associate", "bachelor", "master", "post-hbo", "academic bachelor", "academic master",
    "PhD", "post-academic", "mavo", "havo", "vwo", "vbo", "vmbo", "vmbo/mavo", "lbo", "mbo", "hbo", "wo",
    "mbo niveau 1", "mbo niveau 2", "mbo niveau 3", "mbo niveau 4", "mbo+",
]  # fmt: skip
"""An educational level, in EDU-DEX's words."""

ProgramType = Literal[
    "regular", "coaching", "conference", "educational", "exam", "internship", "research", "self study",
    "traineeship", "training", "virtual classroom", "webinar", "workshop", "document", "lecture", "master class",
    "mbo module",
]  # fmt: skip
"""The kind of programme, in EDU-DEX's words."""

Degree = Literal[
    "none", "certificate", "diploma", "certificate on request", "certificate of participation", "testimonial",
    "module certificate",
]  # fmt: skip
"""What a participant receives, in EDU-DEX's words (the degrees a short course can award)."""

InstructionMode = Literal[
    "active learning", "blended learning", "case study", "classroom teaching", "coaching", "colloquium",
    "computer exercise", "computer modeling", "design project", "excursion", "exhibition", "gaming",
    "group assignment", "group discussion", "home study", "individual assignment", "individual guidance",
    "integration module", "internship", "laboratory work", "lecture", "literature study", "management game",
    "research", "research project", "research proposal", "roleplay", "oral presentation", "portfolio",
    "poster presentation", "practicum", "project", "self evaluation", "self study", "seminar", "simulation",
    "thesis", "tutorial", "traineeship", "training", "virtual classroom", "webinar", "working group", "workshop",
]  # fmt: skip
"""A way of teaching, in EDU-DEX's words."""


class EdudexListing(CourseModel):
    """What EDU-DEX (the feed of Springest, LeerRijk, RIO …) needs beyond the brochure.

    These are codes and classifications that the provider chooses; the brochure states none of them.
    Each may be left out: ``ncmw-course check --for edudex`` lists what is still missing.
    """

    org_unit_id: (
        Annotated[str, Strict(), StringConstraints(pattern=r"^[-+a-z0-9_.{}/&]+$", max_length=64)] | None
    ) = None
    """The provider's organisation unit ID at EDU-DEX (lower case, such as ``ncmw``)."""
    program_id: (
        Annotated[Text, StringConstraints(max_length=64, pattern=r"^[- #&'()+,./0-9:?A-Z_a-z|éëïü{}]+$")]
        | None
    ) = None
    """The provider's own ID for this programme at EDU-DEX."""
    program_forms: tuple[ProgramForm, ...] = ()
    """How the programme is organised, such as ``part-time``."""
    program_type: ProgramType | None = None
    """The kind of programme, such as ``training`` or ``workshop``."""
    program_level: ProgramLevel | None = None
    """The level of the programme, such as ``post-hbo``."""
    degree: Degree | None = None
    """What participants receive, such as ``certificate of participation``."""
    instruction_modes: tuple[InstructionMode, ...] = ()
    """How the programme is taught, such as ``case study`` and ``roleplay``."""
    application_type: Literal["individual", "group"] | None = None
    """Whether people apply one by one or as a group."""
    application_open: Annotated[bool, Strict()] | None = None
    """Whether applications are open."""
    payment_due: Literal["up-front", "afterwards", "installments"] | None = None
    """When participants pay."""
    start_date_determination: (
        Literal["fixed starting date", "agreed starting date", "direct start"] | None
    ) = None
    """How the start date is set."""
