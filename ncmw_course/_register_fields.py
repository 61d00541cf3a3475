"""What accreditation registers ask beyond the brochure: a day's sessions and breaks, how participants
are tested, and each accreditation with its register, ID, points, validity and status.

Part of the course model (:mod:`ncmw_course.model` re-exports every name); kept apart because these
are the facts a register's wizard asks for, and so that the model's module stays readable. How the
net contact hours follow from the sessions is :mod:`ncmw_course.hours`.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, Strict, model_validator

from ncmw_course.fields import CourseModel, Date, FieldProblem, Text, Texts, Time

__all__ = ["Accreditation", "AccreditationStatus", "Assessment", "Session", "SessionKind"]

SessionKind = Literal["teaching", "test", "break"]
"""What a part of a programme day is: teaching, a test of the participants, or a break."""

AccreditationStatus = Literal["requested", "granted"]
"""Where an accreditation stands: requested from the register, or granted by it."""


class Session(CourseModel):
    """A part of a programme day, with its times: teaching, a test, or a break.

    Registers count net hours: the teaching and the tests. Reception, coffee, lunch and other
    breaks, meals, travel, and welcome and introductions are not training: they are breaks.
    """

    start_time: Time
    """When this part starts, such as ``"10:00"``."""
    end_time: Time
    """When this part ends; after `start_time`."""
    title: Text | None = None
    """What happens in this part, as the programme names it, such as ``Rollenspel in drietallen``."""
    kind: SessionKind = "teaching"
    """``teaching`` (the default); ``test``, a test of the participants (net hours, but SKJ's
    18 hours leave it out); or ``break``: reception, coffee, lunch, travel, welcome and
    introductions, which no register counts."""

    @model_validator(mode="after")
    def check_times(self) -> Self:
        """A part ends after it starts."""
        if self.end_time <= self.start_time:
            msg = f"{self.end_time:%H:%M} is not after the start_time {self.start_time:%H:%M}"
            raise FieldProblem(msg, "end_time")
        return self


class Assessment(CourseModel):
    """Whether, and how, participants are tested."""

    final_test: Annotated[bool, Strict()]
    """Whether participants finish the course with a test they must pass: ``true`` or ``false``."""
    description: Texts = ()
    """How participants are tested (or what takes the place of a test), as paragraphs, such as
    ``Op de laatste dag maak je een schriftelijke kennistoets van een half uur.``"""


class Accreditation(CourseModel):
    """Accreditation of the course by a professional register."""

    registry: Text
    """The register that accredits the course, such as ``Registerplein`` or ``SKJ``."""
    points: Annotated[float, Strict(), Field(ge=0, le=1000)]
    """Accreditation points, such as ``18``: those granted, or those asked for while the status is
    requested."""
    identifier: Text | None = None
    """The register's ID for this accredited activity, which participants enter in their own
    dossier (Registerplein shows it in its course agenda)."""
    valid_from: Date | None = None
    """First day the accreditation is valid."""
    valid_until: Date | None = None
    """Last day the accreditation is valid."""
    status: AccreditationStatus | None = None
    """``requested`` while the register decides, ``granted`` once it has accredited the course."""

    @model_validator(mode="after")
    def check_validity(self) -> Self:
        """The validity period runs forward."""
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            msg = f"{self.valid_until} is before valid_from {self.valid_from}"
            raise FieldProblem(msg, "valid_until")
        return self
