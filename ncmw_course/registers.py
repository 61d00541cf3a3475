"""What each accreditation register asks beyond the core checklist: one table per register.

``ncmw-course check --for accreditation --register NAME`` applies the core checklist
(:data:`ncmw_course.readiness.CHECKLISTS`, what every register's wizard asks) and then the table of
register NAME (:data:`REGISTERS`):

- how the register counts points (:class:`PointsRule`): Registerplein gives 1 point per net hour, so
  the points of an accreditation by Registerplein must be the net contact hours;
- when the register requires a final test (:class:`FinalTestRule`): SKJ requires one for e-learning,
  blended learning and courses of 18 hours or more, test hours excluded;
- what the register's form asks that the core checklist does not (:data:`QUESTIONS`, by key).

Each rule's description cites the register's rule, so a coordinator sees why. Adding a register is
adding a table; a rule of a new kind is a class with ``requirements(course, register)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ncmw_course.readiness import Readiness, Requirement

if TYPE_CHECKING:
    from ncmw_course.model import Accreditation, Course

__all__ = [
    "QUESTIONS",
    "REGISTERS",
    "FinalTestRule",
    "PointsRule",
    "Question",
    "Register",
    "Rule",
    "check_register",
]


@dataclass(frozen=True)
class Question:
    """A question of a register's form: where the course answers it, and whether it does."""

    field: str
    description: str
    answered: Callable[[Course], bool]

    def requirement(self, course: Course, register: Register) -> Requirement:
        return Requirement(
            self.field, f"{self.description} (asked by {register.name})", self.answered(course)
        )


def _net_hours_known(course: Course) -> bool:
    from ncmw_course.hours import net_contact_hours

    return net_contact_hours(course) is not None


QUESTIONS: dict[str, Question] = {
    "sessions": Question(
        "programme.days[].sessions",
        "the times of every day's sessions and breaks, from which the net hours are counted",
        _net_hours_known,
    ),
    "kind_of_course": Question(
        "editions[].mode",
        "the kind of course: how each run is given (onsite, online or blended)",
        lambda course: bool(course.editions) and all(edition.mode for edition in course.editions),
    ),
    "qualifications": Question(
        "trainers[].qualifications",
        "the training or qualifications of every trainer",
        lambda course: all(trainer.training or trainer.qualifications for trainer in course.trainers),
    ),
    "assessment": Question(
        "assessment",
        "whether, and how, participants are tested",
        lambda course: course.assessment is not None,
    ),
}
"""The questions registers' forms ask beyond the core checklist, by key; a table lists its keys."""


class Rule(Protocol):
    """A rule of a register about a course: the requirements it makes of it."""

    def requirements(self, course: Course, register: Register) -> list[Requirement]: ...


@dataclass(frozen=True)
class PointsRule:
    """The register gives `per_net_hour` points per net contact hour; `source` words its rule."""

    per_net_hour: float
    source: str

    def requirements(self, course: Course, register: Register) -> list[Requirement]:
        from ncmw_course.hours import contact_hours

        hours = contact_hours(course)
        rule = self.source
        listed = [
            (index, item) for index, item in enumerate(course.accreditations) if register.names_it(item)
        ]
        if hours is None:
            text = (
                f"the points, which follow from the net contact hours the course does not state yet: {rule}"
            )
            return [Requirement("accreditations[].points", text, False)]
        points = hours * self.per_net_hour
        if not listed:
            text = f"points: {_number(points)} for {_number(hours)} net hours, when you request them: {rule}"
            return [Requirement("accreditations[].points", text, True)]
        return [_points(index, item, hours, points, rule) for index, item in listed]


def _points(index: int, accreditation: Accreditation, hours: float, points: float, rule: str) -> Requirement:
    agree = abs(accreditation.points - points) < 0.005  # points are counted in hundredths
    stated = f"{_number(accreditation.points)} points"
    text = (
        f"{stated} for {_number(hours)} net hours: {rule}"
        if agree
        else f"{stated}, but {_number(hours)} net hours give {_number(points)}: {rule}"
    )
    return Requirement(f"accreditations[{index}].points", text, agree)


@dataclass(frozen=True)
class FinalTestRule:
    """The register requires a final test for e-learning, blended learning, and courses of at least
    `min_hours` hours (the study load, else the net contact hours), test hours excluded."""

    min_hours: float
    source: str

    def requirements(self, course: Course, register: Register) -> list[Requirement]:
        reasons, hours = _test_reasons(course, self.min_hours)
        rule = self.source
        tested = course.assessment is not None and course.assessment.final_test
        if hours is None and not reasons:
            text = (
                f"the hours (study load or net contact hours), to know whether a final test is needed: {rule}"
            )
            return [Requirement("hours.study_load", text, False)]
        if not reasons:
            text = f"no final test needed ({_number(hours or 0)} hours without tests, not e-learning or blended): {rule}"
            return [Requirement("assessment.final_test", text, True)]
        text = f"a final test, since {' and '.join(reasons)}: {rule}"
        return [Requirement("assessment.final_test", text, tested)]


def _test_reasons(course: Course, min_hours: float) -> tuple[list[str], float | None]:
    """Why a course needs a final test (e-learning, blended learning, its hours), and its hours."""
    from ncmw_course.hours import hours_of_tests, study_hours

    listing = course.edudex
    reasons = []
    if listing and "e-learning" in listing.program_forms:
        reasons.append("it is e-learning")
    blended = any(edition.mode == "blended" for edition in course.editions)
    if blended or (listing and "blended learning" in listing.instruction_modes):
        reasons.append("it is blended learning")
    total = study_hours(course)
    hours = None if total is None else max(total - hours_of_tests(course), 0.0)
    if hours is not None and hours >= min_hours:
        reasons.append(f"it has {_number(hours)} hours without tests")
    return reasons, hours


@dataclass(frozen=True)
class Register:
    """One register's table: its name, how a course names it, its rules and its form's questions."""

    key: str
    """The name on the command line: ``--register registerplein``."""
    name: str
    """How messages name it."""
    names: tuple[str, ...] = ()
    """How a course's ``accreditations[].registry`` may name it (compared without case and punctuation)."""
    rules: tuple[Rule, ...] = ()
    asks: tuple[str, ...] = ()
    """Keys of :data:`QUESTIONS` that its form asks beyond the core checklist."""
    portal: str = field(default="", compare=False)
    """Where a provider applies, for people."""

    def names_it(self, accreditation: Accreditation) -> bool:
        """Whether `accreditation` is by this register."""
        given = _plain(accreditation.registry)
        return any(given == _plain(name) or given.startswith(_plain(name) + " ") for name in self.names)

    def requirements(self, course: Course) -> list[Requirement]:
        found = [QUESTIONS[key].requirement(course, self) for key in self.asks]
        return found + [item for rule in self.rules for item in rule.requirements(course, self)]


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


REGISTERPLEIN = Register(
    "registerplein",
    "Registerplein",
    names=("Registerplein",),
    rules=(
        PointsRule(
            1,
            "Registerplein gives 1 point per hour of net training; reception, breaks, meals, travel, "
            "welcome and introductions do not count",
        ),
    ),
    asks=("sessions", "kind_of_course", "qualifications"),
    portal="PE-online, Accreditatie Wizard",
)
SKJ = Register(
    "skj",
    "SKJ",
    names=("SKJ", "Kwaliteitsregister Jeugd", "Stichting Kwaliteitsregister Jeugd"),
    rules=(
        # informatiebank.skjeugd.nl, "Wanneer is een afsluitende toets verplicht?"
        FinalTestRule(
            18,
            "SKJ requires a final test for e-learning, blended learning and courses of 18 hours or more, "
            "test hours excluded",
        ),
    ),
    asks=("kind_of_course", "assessment"),
    portal="Mijn SKJ",
)
GENERIC = Register(
    "generic",
    "the registers in PE-online",
    asks=("sessions", "kind_of_course", "qualifications"),
    portal="PE-online",
)

REGISTERS: dict[str, Register] = {table.key: table for table in (REGISTERPLEIN, SKJ, GENERIC)}
"""Every register's table, by its name on the command line."""


def check_register(course: Course, key: str) -> Readiness:
    """The core accreditation checklist and register `key`'s table, applied to `course`.

    The readiness's target says which register: ``accreditation by SKJ``.

    Raises:
        KeyError: `key` is not one of :data:`REGISTERS`.
    """
    from ncmw_course.readiness import CHECKLISTS

    register = REGISTERS[key]
    items: Sequence[Requirement] = [*CHECKLISTS["accreditation"](course), *register.requirements(course)]
    return Readiness(f"accreditation by {register.name}", tuple(items))
