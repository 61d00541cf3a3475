"""Reusable field types of the course model: text, slugs, language tags, phone numbers, web addresses.

Each type is an ``Annotated`` alias (or a small model) that carries its own validation, so that the
model in :mod:`ncmw_course.model` reads as a plain list of fields. Validation uses well-kept
libraries (``phonenumbers``, ``langcodes``, pydantic's URL and e-mail types), not hand-written
patterns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Self, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    HttpUrl,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from ncmw_course._dates import Date, Time, found_number

if TYPE_CHECKING:
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = [
    "CLEANED_LENGTH",
    "CountryCode",
    "CourseModel",
    "CurrencyCode",
    "Date",
    "EmailAddress",
    "FieldProblem",
    "Hours",
    "LanguageTag",
    "LineBreakInText",
    "NotText",
    "Paragraphs",
    "PhoneNumber",
    "PositiveCount",
    "Slug",
    "Text",
    "Texts",
    "Time",
    "WebAddress",
    "clean_text",
]


class CourseModel(BaseModel):
    """Base for all course models: unknown keys are errors, instances never change.

    A changed copy is made with :meth:`model_copy`, which validates the changes like a course file.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        # Why: a course is data that other tools rely on; "3" is not a number and 1 is not text.
        strict=False,  # lax for containers (lists become tuples), strict per scalar type below
        validate_default=False,
        defer_build=True,
    )

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with the fields in `update` changed, validated as a course file would be.

        Pydantic's own ``model_copy`` sets the new values without checking them, so a copy could
        hold what no course file can (a control character, a negative price); this one cannot.

        Raises:
            CourseDataError: A changed value is not valid; each problem names its field.
        """
        if not update:
            return super().model_copy(deep=deep)
        from pydantic import ValidationError

        values = {name: getattr(self, name) for name in type(self).model_fields} | dict(update)
        try:
            return self.model_validate(values)
        except ValidationError as error:
            from ncmw_course._jsonpos import SourceMap
            from ncmw_course.errors import CourseDataError
            from ncmw_course.loading import validation_problems

            source = f"<{type(self).__name__}.model_copy>"
            raise CourseDataError(source, validation_problems(error, SourceMap(""))) from None


class FieldProblem(ValueError):
    """A validation problem of a model validator that belongs to one field inside the model.

    Pydantic reports a model validator's error at the model; the loader adds `path` to that place,
    so that the message points at the field to fix (``programme.days[1].ordinal``).
    """

    def __init__(self, message: str, *path: str | int, also: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.path = path
        self.also = also
        """The other field of a contradiction, which the message names; the loader adds its line."""


class LineBreakInText(ValueError):
    """A line break inside a text; the loader says, for a YAML file, where the line breaks and why."""


class NotText(ValueError):
    """A number, true or false where text belongs; the loader adds, for YAML, to put it in quotes."""


# XML 1.0 `Char`, minus the controls that documents cannot show faithfully (C0 including tab and
# line feed, DEL, C1, and the Unicode line and paragraph separators): paragraphs are list items,
# so a line break inside one would be lost or misplaced.
_XML_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_CONTROL_HINTS = {
    "\n": "a line break; put each paragraph in a list item of its own",
    "\r": "a carriage return; put each paragraph in a list item of its own",
    "\u2028": "a line separator; put each paragraph in a list item of its own",
    "\u2029": "a paragraph separator; put each paragraph in a list item of its own",
    "\t": "a tab; use spaces",
}


def clean_text(value: str) -> str:
    """Return `value` NFC-normalised and stripped; reject empty text and characters XML cannot carry.

    Raises:
        ValueError: the text is empty, or holds a control character, a lone surrogate or U+FFFE/FFFF.
    """
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        msg = "must not be empty; write the text, or leave out the key when it is optional"
        raise ValueError(msg)
    found = _XML_FORBIDDEN.search(value)
    if found:
        char = found.group()
        what = _CONTROL_HINTS.get(char, "a character that Word and EPUB documents cannot carry; remove it")
        msg = f"contains U+{ord(char):04X} at character {found.start() + 1}: {what}"
        raise LineBreakInText(msg) if char in "\n\r" else ValueError(msg)
    return value


MAX_TEXT_LENGTH = 10_000
"""The longest text a field holds: a long paragraph is a few thousand characters."""
MAX_ITEMS = 100
"""The most items a list holds: days, topics, paragraphs, trainers, runs."""


class CleanedLength:
    """Marks a text whose length limit counts the cleaned text, so the published schema leaves it out.

    Why: a text is measured after NFC normalisation and trimming, so a title of 200 characters typed
    with decomposed accents (as some Mac input gives, 400 code points) is valid; JSON Schema's
    ``maxLength`` would count the raw code points and refuse it. The schema must accept every course
    the model accepts, so it gives the limit as ``x-maxLength``, an annotation validators ignore; the
    model says when a text is too long. Put it after any ``Field(max_length=…)`` in the annotation.
    """

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found = handler.resolve_ref_schema(handler(schema))
        if "maxLength" in found:  # kept as an annotation that validators ignore, for people and editors
            found["x-maxLength"] = found.pop("maxLength")
        return found


CLEANED_LENGTH = CleanedLength()


Text: TypeAlias = Annotated[
    str, Strict(), Field(min_length=1, max_length=MAX_TEXT_LENGTH), AfterValidator(clean_text), CLEANED_LENGTH
]
"""A piece of text: NFC-normalised, stripped, non-empty, free of control characters."""

Paragraphs: TypeAlias = Annotated[tuple[Text, ...], Field(min_length=1, max_length=MAX_ITEMS)]
"""One or more paragraphs of prose, each rendered as a paragraph of its own."""

Texts: TypeAlias = Annotated[tuple[Text, ...], Field(max_length=MAX_ITEMS)]
"""Zero or more texts, such as the topics of a day."""

_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
"""Names Windows keeps for devices: ``con.docx`` cannot be created or opened there."""


def _not_a_device_name(value: str) -> str:
    if value in _WINDOWS_DEVICES:
        msg = f"{value!r} is a name Windows keeps for a device, so files named after it cannot be opened there; choose another slug"
        raise ValueError(msg)
    return value


Slug: TypeAlias = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    AfterValidator(_not_a_device_name),
]
"""Lower-case words of a-z and 0-9 joined by single hyphens; safe as a file name and URL part on
every system (not a Windows device name such as ``con``)."""

MAX_COUNT = 100_000
"""The largest count a course states (a group size, a day number): more is a typing mistake."""

PositiveCount: TypeAlias = Annotated[int, Strict(), Field(ge=1, le=MAX_COUNT)]
"""A whole number from 1 to 100 000 (``3``, not ``"3"`` or ``3.0``)."""

Hours: TypeAlias = Annotated[float, Strict(), Field(gt=0, le=10_000)]
"""A number of hours, greater than 0; halves and quarters allowed (``12.5``)."""


CountryCode: TypeAlias = Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Z]{2}$")]
"""An ISO 3166-1 alpha-2 country code, such as ``NL`` or ``BE``."""

CurrencyCode: TypeAlias = Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Z]{3}$")]
"""An ISO 4217 currency code, such as ``EUR``."""


COMMON_LANGUAGE_TAGS = frozenset(
    {"nl", "nl-NL", "nl-BE", "fy", "fy-NL", "en", "en-GB", "en-US", "de", "de-DE", "fr", "fr-BE", "fr-FR"}
)
"""Tags that are valid and already in standard form, so need no lookup (a test checks each with langcodes).

Why: ``langcodes`` compiles the IANA registry into a regular expression on import, about 25 ms of every
command that reads a course; the courses of a Dutch training centre are written in these languages.
"""


def _check_language_tag(value: str) -> str:
    if value in COMMON_LANGUAGE_TAGS:
        return value
    import langcodes  # imported when a course is validated, not when the CLI starts

    if not langcodes.tag_is_valid(value):
        msg = f"{value!r} is not a valid BCP 47 language tag; write one such as 'nl', 'nl-BE' or 'en'"
        raise ValueError(msg)
    standard: str = langcodes.standardize_tag(value)
    return standard


LanguageTag: TypeAlias = Annotated[str, Strict(), AfterValidator(_check_language_tag)]
"""A BCP 47 language tag such as ``nl`` or ``nl-BE``, stored in its standard form."""

_PLAIN_EMAIL = re.compile(r"[a-z0-9]+(?:[._+-][a-z0-9]+)*@((?:[a-z0-9]+(?:-[a-z0-9]+)*\.)+[a-z]{2,63})")
SPECIAL_USE_DOMAINS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})
"""Top-level domains that ``email_validator`` refuses for e-mail; a test checks the list against it."""


def plain_email(value: str) -> str | None:
    """`value` when it is a plain address that ``email_validator`` accepts and leaves as it is, else None.

    Plain: lower-case ASCII letters and digits, with ``. _ + -`` between them before the ``@`` and
    hyphens inside domain labels, a top-level domain of letters that is not for special use, and
    within the lengths of RFC 5321. A property test checks that such addresses come out of
    ``email_validator`` unchanged. Why: importing ``email_validator`` compiles its Unicode
    patterns, about 20 ms of every command that reads a course; most addresses are plain.
    """
    match = _PLAIN_EMAIL.fullmatch(value)
    if match is None or len(value) > 254 or value.index("@") > 64:
        return None
    domain = match.group(1)
    labels = domain.split(".")
    if any(len(label) > 63 for label in labels) or labels[-1] in SPECIAL_USE_DOMAINS:
        return None
    return value


def _check_email(value: str) -> str:
    if not value.strip():
        msg = "must not be empty; write the e-mail address, such as info@ncmw.nl, or leave out the key"
        raise ValueError(msg)
    plain = plain_email(value)
    if plain is not None:
        return plain
    from pydantic.networks import validate_email  # imports email_validator
    from pydantic_core import PydanticCustomError

    try:
        return validate_email(value)[1]
    except PydanticCustomError as error:
        reason = str((error.context or {}).get("reason", "")).rstrip(".")
        reason = reason[:1].lower() + reason[1:] if reason[1:2].islower() else reason
        msg = f"{value!r} is not a valid e-mail address: {reason}; write one such as 'info@ncmw.nl'"
        raise ValueError(msg) from None


EmailAddress: TypeAlias = Annotated[
    str,
    Strict(),
    AfterValidator(_check_email),
    WithJsonSchema({"type": "string", "format": "email"}),
]
"""An e-mail address, checked and normalized by ``email_validator`` as pydantic's ``EmailStr`` is."""


def _or_plain_string(
    object_schema: JsonSchemaValue, handler: GetJsonSchemaHandler, description: str
) -> JsonSchemaValue:
    """Let the schema of a model accept the plain-string shorthand that its validator accepts."""
    definition = handler.resolve_ref_schema(object_schema)
    alternatives = [{"type": "string", "minLength": 1, "description": description}, dict(definition)]
    title, doc = definition.get("title"), definition.get("description")
    definition.clear()
    definition.update({"title": title, "description": doc, "anyOf": alternatives})
    return object_schema


class PhoneNumber(CourseModel):
    """A telephone number as the brochure writes it, with its E.164 form for ``tel:`` links.

    In a course file it may be written as a plain string (``"0495–450667"``); national numbers are
    read as Dutch. The canonical JSON writes the object, with both forms.
    """

    display: Text
    """The number as written for people, kept exactly (``0495–450667``)."""
    e164: str = ""
    """The number in E.164 form (``+31495450667``), derived from `display`; used for ``tel:`` links."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return _or_plain_string(
            handler(core_schema), handler, "A phone number as written, such as 0495–450667."
        )

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"display": data}
        if isinstance(data, int | float):
            msg = f'expected a phone number as text, such as "0495–450667", found {found_number(data)}'
            raise NotText(msg)
        return data

    @model_validator(mode="after")
    def check_number(self) -> Self:
        """Parse `display` with ``phonenumbers`` and derive `e164`; a given `e164` must agree."""
        import phonenumbers  # imported when a course is validated, not when the CLI starts

        hint = "write a full number with its area code, such as '0495–450667' or '+31 495 450667'"
        try:
            parsed = phonenumbers.parse(self.display, "NL")
        except phonenumbers.NumberParseException:
            msg = f"{self.display!r} is not a phone number; {hint}"
            raise ValueError(msg) from None
        if not phonenumbers.is_valid_number(parsed):
            msg = f"{self.display!r} is not a valid phone number; {hint}"
            raise ValueError(msg)
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        if self.e164 and self.e164 != e164:
            msg = f"{self.e164!r} does not match {self.display!r} ({e164}); correct it or leave it out"
            raise FieldProblem(msg, "e164")
        object.__setattr__(self, "e164", e164)  # derived once, while the instance is being built
        return self

    @property
    def tel_uri(self) -> str:
        """The ``tel:`` URI of this number."""
        return f"tel:{self.e164}"


class WebAddress(CourseModel):
    """A website: an http(s) URL for links, and the form people read.

    In a course file it may be written as a plain string. ``www.ncmw.nl`` is accepted and stored as
    ``https://www.ncmw.nl/`` with the display form ``www.ncmw.nl``.
    """

    url: HttpUrl
    """The address to link to; only ``http`` and ``https`` are accepted."""
    display: Text | None = None
    """How the address is written for people; derived from `url` when left out."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return _or_plain_string(
            handler(core_schema), handler, "A web address as written, such as www.ncmw.nl; https is assumed."
        )

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_string(cls, data: Any) -> Any:
        if isinstance(data, int | float):
            msg = f'expected a web address as text, such as "www.ncmw.nl", found {found_number(data)}'
            raise NotText(msg)
        if isinstance(data, str):
            text = data.strip()
            if not text:  # one message, not one for the address and one for its display form
                msg = "must not be empty; write the web address, such as www.ncmw.nl, or leave out the key"
                raise ValueError(msg)
            # "javascript:…" has a scheme; "www.ncmw.nl:8080" has a port
            has_scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)", text) is not None
            return {"url": text if has_scheme else f"https://{text}", "display": text}
        return data

    @model_validator(mode="after")
    def check_display(self) -> Self:
        """Fill in `display` from `url` when it was left out."""
        if self.display is None:
            shown = str(self.url).split("://", 1)[1].removesuffix("/")
            object.__setattr__(self, "display", shown)  # derived once, while being built
        return self

    @property
    def href(self) -> str:
        """The URL as a string, for links."""
        return str(self.url)

    @property
    def text(self) -> str:
        """The display form (always set after validation)."""
        return self.display or self.href
