"""Is a course ready for a target? What is present and what is missing, field by field.

A target is a place a course goes beyond its own documents. Its checklist is a list of
:class:`Requirement` on the model; nothing is ever filled in by guessing. There are two kinds:

- A format whose exporter :class:`DeclaresRequirements`: the exporter owns its checklist. Built in
  are ``edudex`` (the EDU-DEX feed, which refuses a course without them), ``ics`` (dated runs),
  the accreditation dossier's three formats (the ``accreditation`` checklist, required) and
  ``jsonld`` (the schema.org data that search engines show, recommended); a plugin's format is a
  target the same way.
- A core checklist (:data:`CHECKLISTS`): ``accreditation``, what the registers' accreditation
  wizards ask for. It comes before the dossier's format of the same name, which requires it.

:func:`check_readiness` applies one (``ncmw-course check --for TARGET``); :func:`target_names`
lists them. Each register's own rules on top of ``accreditation`` are :mod:`ncmw_course.registers`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal, Protocol, TypeAlias, runtime_checkable

from ncmw_course.errors import NcmwCourseError, NotReadyError, UnknownTargetError

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = [
    "CHECKLISTS",
    "DeclaresRequirements",
    "Readiness",
    "Requirement",
    "RequirementLevel",
    "check_readiness",
    "check_target",
    "refusal",
    "target_names",
]


@dataclass(frozen=True)
class Requirement:
    """One thing a target needs."""

    field: str
    """Where in the course file it goes, such as ``edudex.org_unit_id``."""
    description: str
    """What it is, in words a course coordinator understands."""
    present: bool
    """Whether the course has it."""


RequirementLevel: TypeAlias = Literal["required", "recommended"]
"""What a format's requirements mean for rendering (see :class:`DeclaresRequirements`)."""


@runtime_checkable
class DeclaresRequirements(Protocol):
    """**Protocol, optional:** an exporter that says what a course must state for its format.

    Such a format is a target of :func:`check_readiness` and ``ncmw-course check --for NAME``,
    which lists each requirement as present or missing and exits 1 when one is missing. Its
    `requirement_level` says what a missing one means for rendering:

    - ``"required"``: the format cannot be made without them. ``render`` refuses the course with
      the :class:`~ncmw_course.errors.NotReadyError` of :func:`refusal`, and a build does not
      render it: it skips the format for that course ("Skipped edudex for … not ready; missing …"),
      or with ``strict`` reports an error. ``edudex`` is such a format.
    - ``"recommended"``: the document is made all the same, poorer: a build writes it. ``jsonld``
      is such a format: search engines show a course as a rich result only with these facts.

    The registry checks the level when it loads the exporter.
    """

    requirement_level: ClassVar[RequirementLevel]

    def requirements(self, course: Course) -> Sequence[Requirement]:
        """The format's checklist, applied to `course`, in the order ``check`` lists it."""
        ...


@dataclass(frozen=True)
class Readiness:
    """A target's checklist, applied to one course."""

    target: str
    requirements: tuple[Requirement, ...]

    @property
    def ready(self) -> bool:
        """Whether every requirement is present."""
        return all(requirement.present for requirement in self.requirements)

    @property
    def missing(self) -> tuple[Requirement, ...]:
        """The requirements the course does not meet, in checklist order."""
        return tuple(requirement for requirement in self.requirements if not requirement.present)


def refusal(format_name: str, requirements: Sequence[Requirement]) -> NotReadyError | None:
    """The error that refuses a course lacking some of a format's `requirements`, listing each
    missing one as ``field: what it is``; ``None`` when the course has them all."""
    missing = [f"{item.field}: {item.description}" for item in requirements if not item.present]
    return NotReadyError(format_name, missing) if missing else None


def _accreditation(course: Course) -> list[Requirement]:
    """What the registers' accreditation wizards (Registerplein via PE-online, SKJ) ask for; each
    register's own questions and rules are :mod:`ncmw_course.registers`."""
    from ncmw_course.hours import contact_hours

    hours = course.hours
    named = [contact.name for contact in (course.accreditation_contact, course.contact) if contact]
    return [
        Requirement("title", "the title", bool(course.title)),
        Requirement("description", "a description", bool(course.description)),
        Requirement("goals", "learning goals", bool(course.goals)),
        Requirement("audience", "the target group", bool(course.audience)),
        Requirement("level", "the level of the participants, such as hbo", course.level is not None),
        Requirement("programme.days", "the programme per day", bool(course.days)),
        Requirement(
            "programme.days[].start_time",
            "the start and end time of every day",
            all(day.start_time and day.end_time for day in course.days),
        ),
        Requirement("hours.contact_hours", "the net contact hours", bool(contact_hours(course))),
        Requirement("hours.study_load", "the study load in hours", bool(hours and hours.study_load)),
        Requirement("method", "the working methods", bool(course.method)),
        Requirement(
            "trainers[].biography",
            "a CV or biography of every trainer",
            all(trainer.biography for trainer in course.trainers),
        ),
        Requirement("evaluation", "how the course is evaluated", bool(course.evaluation)),
        Requirement(
            "certificate_conditions",
            "the conditions for the certificate",
            bool(course.certificate_conditions),
        ),
        Requirement(
            "editions",
            "the dates and locations of the runs",
            bool(course.editions) and all(edition.location for edition in course.editions),
        ),
        Requirement("price", "the cost", course.price is not None),
        Requirement(
            "accreditation_contact.name",
            "a contact person for the registers (or the course's contact.name)",
            any(named),
        ),
    ]


CHECKLISTS: dict[str, Callable[[Course], list[Requirement]]] = {"accreditation": _accreditation}
"""The core checklists by target name: targets that are no format. They come before a format of
the same name."""


def target_names() -> list[str]:
    """The targets :func:`check_readiness` knows, sorted: the core checklists and each registered
    format that declares requirements (a plugin's too). A format that cannot be loaded is left out:
    using it says why."""
    from ncmw_course.exporting import exporter_info, exporter_names

    names = set(CHECKLISTS)
    for name in exporter_names():
        try:
            declares = exporter_info(name).requirement_level is not None
        except NcmwCourseError:
            continue
        if declares:
            names.add(name)
    return sorted(names)


def check_target(target: str) -> None:
    """Make sure `target` is one of :func:`target_names`, loading no more than that format.

    Raises:
        UnknownTargetError: It is not; the error lists the targets.
        ExportError: It is a format whose exporter cannot be loaded.
    """
    from ncmw_course.exporting import exporter_info, exporter_names

    if target in CHECKLISTS:
        return
    is_format = target in exporter_names()
    if not is_format or exporter_info(target).requirement_level is None:
        raise UnknownTargetError(target, target_names(), is_format=is_format)


def check_readiness(course: Course, target: str) -> Readiness:
    """Apply the checklist of `target` to `course`.

    Raises:
        UnknownTargetError: `target` is not one of :func:`target_names`.
        ExportError: `target` is a format whose exporter cannot be loaded.
    """
    checklist = CHECKLISTS.get(target)
    if checklist is not None:
        return Readiness(target, tuple(checklist(course)))
    check_target(target)
    from ncmw_course._registry import plugin_errors
    from ncmw_course.exporting import get_exporter

    exporter = get_exporter(target)
    assert isinstance(exporter, DeclaresRequirements)  # as check_target found
    with plugin_errors(exporter, target):  # a plugin's own bug is an Error: line, not a traceback
        return Readiness(target, tuple(exporter.requirements(course)))
