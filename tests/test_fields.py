"""Tests of the reusable field types in ncmw_course.fields."""

from __future__ import annotations

import unicodedata
from typing import Any

import email_validator
import langcodes
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import HttpUrl, TypeAdapter, ValidationError
from pydantic.networks import validate_email

from ncmw_course.fields import (
    COMMON_LANGUAGE_TAGS,
    SPECIAL_USE_DOMAINS,
    Date,
    EmailAddress,
    FieldProblem,
    Hours,
    LanguageTag,
    PhoneNumber,
    PositiveCount,
    Slug,
    Text,
    Time,
    WebAddress,
    clean_text,
    plain_email,
)
from tests.strategies import examples

TEXT = TypeAdapter(Text)
SLUG = TypeAdapter(Slug)
LANGUAGE = TypeAdapter(LanguageTag)
DATE = TypeAdapter(Date)
TIME = TypeAdapter(Time)


def only_error(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, Any]:
    """The single error of a ValidationError, as a plain dict."""
    errors = error.value.errors(include_url=False)
    assert len(errors) == 1, errors
    return dict(errors[0])


# clean_text and Text


def test_clean_text_composes_a_decomposed_accent() -> None:
    """A decomposed "é" (e + combining acute) becomes the single NFC character."""
    decomposed = "Cafe\u0301"
    assert len(decomposed) == 5
    cleaned = clean_text(decomposed)
    assert cleaned == "Café"
    assert len(cleaned) == 4
    assert unicodedata.is_normalized("NFC", cleaned)


def test_clean_text_strips_surrounding_white_space() -> None:
    """Spaces, no-break spaces and em spaces around the text are removed, inner spaces kept."""
    assert clean_text("  \u00a0Voor wie\u2003 ") == "Voor wie"
    assert clean_text("10\u00a0uur") == "10\u00a0uur"


def test_clean_text_leaves_clean_text_unchanged() -> None:
    """Text that is already clean, with quotes, emoji and Hebrew, comes back as it is."""
    text = "“Kiezen” tussen ouders 👩‍👧 שלום <script>&amp;]]>"
    assert clean_text(text) == text


@pytest.mark.parametrize("value", ["", " ", "   ", "\u00a0\u2003", "\u3000"])
def test_clean_text_rejects_empty_text(value: str) -> None:
    """Empty and white-space-only text is rejected with a message to write it or leave it out."""
    with pytest.raises(ValueError, match="must not be empty") as error:
        clean_text(value)
    assert "leave out the key" in str(error.value)


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x00", "U+0000"),
        ("\x01", "U+0001"),
        ("\x0b", "U+000B"),
        ("\x1b", "U+001B"),
        ("\x1f", "U+001F"),
        ("\x7f", "U+007F"),
        ("\ud800", "U+D800"),
        ("\udfff", "U+DFFF"),
        ("\ufffe", "U+FFFE"),
        ("\uffff", "U+FFFF"),
    ],
)
def test_clean_text_rejects_characters_xml_cannot_carry(char: str, code: str) -> None:
    """Control characters, lone surrogates and U+FFFE/U+FFFF are rejected, naming the code point."""
    with pytest.raises(ValueError, match="cannot carry") as error:
        clean_text(f"ab{char}cd")
    assert f"contains {code} at character 3" in str(error.value)


@pytest.mark.parametrize(
    ("char", "code", "hint"),
    [
        ("\t", "U+0009", "a tab; use spaces"),
        ("\n", "U+000A", "a line break; put each paragraph in a list item of its own"),
        ("\r", "U+000D", "a carriage return; put each paragraph in a list item of its own"),
    ],
)
def test_clean_text_explains_tabs_and_line_breaks(char: str, code: str, hint: str) -> None:
    """A tab, line break or carriage return inside the text gets a message saying what to do instead."""
    with pytest.raises(ValueError, match="contains") as error:
        clean_text(f"eerste{char}tweede")
    assert str(error.value) == f"contains {code} at character 7: {hint}"


def test_clean_text_counts_the_position_after_stripping() -> None:
    """The reported position is in the stripped text, 1-based."""
    with pytest.raises(ValueError, match="at character 1:"):
        clean_text("   \x07abc")


def test_text_type_applies_clean_text() -> None:
    """The Text type normalises and strips, and reports clean_text's message as a value error."""
    assert TEXT.validate_python("  Zoe\u0308 ") == "Zoë"
    with pytest.raises(ValidationError) as error:
        TEXT.validate_python("a\x00b")
    detail = only_error(error)
    assert detail["type"] == "value_error"
    assert "contains U+0000 at character 2" in detail["msg"]


@pytest.mark.parametrize("value", [1, 1.5, b"bytes", None, ["lijst"]])
def test_text_type_rejects_non_text(value: object) -> None:
    """Text is strict: numbers, bytes, null and lists are not text."""
    with pytest.raises(ValidationError):
        TEXT.validate_python(value)


# PhoneNumber


def test_phone_number_accepts_a_plain_string_and_keeps_the_display() -> None:
    """A plain string is the display form, kept exactly (en dash included), with E.164 derived."""
    phone = PhoneNumber.model_validate("0495–450667")
    assert phone.display == "0495–450667"
    assert phone.e164 == "+31495450667"
    assert phone.tel_uri == "tel:+31495450667"


@pytest.mark.parametrize(
    ("display", "e164"),
    [
        ("+31 20 123 4567", "+31201234567"),
        ("020-1234567", "+31201234567"),
        ("06-12345678", "+31612345678"),
        ("0031 495 450667", "+31495450667"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_number_derives_e164(display: str, e164: str) -> None:
    """National numbers are read as Dutch, international ones keep their country code."""
    phone = PhoneNumber.model_validate(display)
    assert (phone.display, phone.e164, phone.tel_uri) == (display, e164, f"tel:{e164}")


def test_phone_number_object_form_with_matching_e164() -> None:
    """The object form with a correct e164 is accepted and equals the plain-string form."""
    phone = PhoneNumber.model_validate({"display": "0495–450667", "e164": "+31495450667"})
    assert phone == PhoneNumber.model_validate("0495–450667")


def test_phone_number_display_is_cleaned() -> None:
    """The display form is Text: stripped of surrounding spaces."""
    assert PhoneNumber.model_validate("  020-1234567 ").display == "020-1234567"


@pytest.mark.parametrize("value", ["12345", "geen nummer", "0495-45066", "+31 495 4506670", "+999 123"])
def test_phone_number_rejects_invalid_numbers(value: str) -> None:
    """Text that is not a valid phone number is rejected with an example of a good one."""
    with pytest.raises(ValidationError) as error:
        PhoneNumber.model_validate(value)
    detail = only_error(error)
    assert detail["type"] == "value_error"
    assert repr(value) in detail["msg"]
    assert "such as '0495–450667'" in detail["msg"]


def test_phone_number_rejects_a_mismatching_e164() -> None:
    """A given e164 that does not belong to the display form is rejected at the e164 field."""
    with pytest.raises(ValidationError) as error:
        PhoneNumber.model_validate({"display": "0495–450667", "e164": "+31495450668"})
    detail = only_error(error)
    cause = detail["ctx"]["error"]
    assert isinstance(cause, FieldProblem)
    assert cause.path == ("e164",)
    assert "'+31495450668' does not match '0495–450667' (+31495450667)" in str(cause)


def test_phone_number_is_frozen() -> None:
    """A validated phone number cannot be changed."""
    phone = PhoneNumber.model_validate("020-1234567")
    with pytest.raises(ValidationError, match="frozen"):
        phone.e164 = "+31000000000"  # type: ignore[misc]


# WebAddress


def test_web_address_without_scheme_gets_https() -> None:
    """The plain string "www.ncmw.nl" is stored as https://www.ncmw.nl/ and displayed as written."""
    site = WebAddress.model_validate("www.ncmw.nl")
    assert site.url == HttpUrl("https://www.ncmw.nl/")
    assert site.href == "https://www.ncmw.nl/"
    assert site.display == "www.ncmw.nl"
    assert site.text == "www.ncmw.nl"


def test_web_address_with_scheme_keeps_it_and_its_display() -> None:
    """A plain string with a scheme keeps that scheme, and is displayed exactly as written."""
    site = WebAddress.model_validate(" http://ncmw.nl ")
    assert site.href == "http://ncmw.nl/"
    assert site.display == "http://ncmw.nl"


def test_web_address_object_form_derives_the_display() -> None:
    """The object form without display derives it from the URL, without scheme and final slash."""
    assert WebAddress.model_validate({"url": "https://www.ncmw.nl/"}).display == "www.ncmw.nl"
    site = WebAddress.model_validate({"url": "https://www.ncmw.nl/cursussen/"})
    assert site.display == "www.ncmw.nl/cursussen"


def test_web_address_object_form_keeps_a_given_display() -> None:
    """A display given in the object form is kept."""
    site = WebAddress.model_validate({"url": "https://www.ncmw.nl/", "display": "NCMW-site"})
    assert (site.href, site.display) == ("https://www.ncmw.nl/", "NCMW-site")


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "ftp://ftp.ncmw.nl/",
        "mailto:info@ncmw.nl",
        {"url": "javascript:alert(1)"},
        {"url": "ftp://ftp.ncmw.nl/"},
    ],
)
def test_web_address_rejects_other_schemes(value: object) -> None:
    """Only http and https are accepted, in both the plain-string and the object form."""
    with pytest.raises(ValidationError) as error:
        WebAddress.model_validate(value)
    detail = only_error(error)
    assert detail["type"] == "url_scheme"
    assert detail["loc"] == ("url",)


@pytest.mark.parametrize("value", ["", "https://", "www.ncmw .nl"])
def test_web_address_rejects_non_addresses(value: str) -> None:
    """Empty text and text that is no URL are rejected."""
    with pytest.raises(ValidationError):
        WebAddress.model_validate(value)


# LanguageTag


@pytest.mark.parametrize(
    ("tag", "standard"),
    [("nl", "nl"), ("nl-BE", "nl-BE"), ("en", "en"), ("nl_NL", "nl-NL"), ("nl-nl", "nl-NL"), ("NL", "nl")],
)
def test_language_tag_is_stored_in_standard_form(tag: str, standard: str) -> None:
    """Valid BCP 47 tags are accepted and stored in their standard spelling."""
    assert LANGUAGE.validate_python(tag) == standard


@pytest.mark.parametrize("tag", ["xx", "english", "", "nl-", "12"])
def test_language_tag_rejects_invalid_tags(tag: str) -> None:
    """Text that is not a valid BCP 47 tag is rejected with examples of valid ones."""
    with pytest.raises(ValidationError) as error:
        LANGUAGE.validate_python(tag)
    detail = only_error(error)
    assert f"{tag!r} is not a valid BCP 47 language tag" in detail["msg"]
    assert "'nl-BE'" in detail["msg"]


@pytest.mark.parametrize("tag", sorted(COMMON_LANGUAGE_TAGS))
def test_common_language_tags_are_what_langcodes_says(tag: str) -> None:
    """Each tag accepted without a lookup is valid and standard by langcodes too."""
    assert langcodes.tag_is_valid(tag)
    assert langcodes.standardize_tag(tag) == tag
    assert LANGUAGE.validate_python(tag) == tag


def test_language_tag_rejects_non_text() -> None:
    """A language tag must be text."""
    with pytest.raises(ValidationError):
        LANGUAGE.validate_python(31)


# Slug


@pytest.mark.parametrize("slug", ["ontrouw-binnen-de-relatie", "a", "cursus-2026", "0", "a" * 80])
def test_slug_accepts_lower_case_words_joined_by_hyphens(slug: str) -> None:
    """Lower-case letters and digits joined by single hyphens, up to 80 characters, are slugs."""
    assert SLUG.validate_python(slug) == slug


@pytest.mark.parametrize(
    "slug",
    ["", "Ontrouw", "a--b", "-a", "a-", "a_b", "a b", "café", "a/b", "a" * 81, " a"],
)
def test_slug_rejects_everything_else(slug: str) -> None:
    """Capitals, double or edge hyphens, other characters and more than 80 characters are rejected."""
    with pytest.raises(ValidationError):
        SLUG.validate_python(slug)


# Date and Time


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (20260310, "the number 20260310"),
        (1773100800, "the number 1773100800"),
        (1.5, "the number 1.5"),
        (True, "true"),
    ],
)
def test_date_rejects_numbers(value: object, shown: str) -> None:
    """A number is not read as a timestamp: the message asks for a date written as text."""
    with pytest.raises(ValidationError) as error:
        DATE.validate_python(value)
    assert (
        only_error(error)["msg"]
        == f'Value error, write the date as text, such as "2026-03-10" (found {shown})'
    )


def test_date_accepts_iso_text() -> None:
    """A date written as YYYY-MM-DD is read."""
    assert DATE.validate_python("2026-03-10").isoformat() == "2026-03-10"


@pytest.mark.parametrize("value", ["2026-13-01", "10-03-2026", "morgen"])
def test_date_rejects_other_text(value: str) -> None:
    """Text that is not an ISO date is rejected."""
    with pytest.raises(ValidationError):
        DATE.validate_python(value)


def test_time_rejects_numbers_and_accepts_text() -> None:
    """A time must be text such as "09:30"; the number 930 is rejected."""
    assert TIME.validate_python("09:30").isoformat() == "09:30:00"
    with pytest.raises(ValidationError) as error:
        TIME.validate_python(930)
    assert (
        only_error(error)["msg"]
        == 'Value error, write the time as text, such as "09:30" (found the number 930)'
    )


# Strict numbers


@pytest.mark.parametrize("value", ["3", 3.0, True, 0, -1])
def test_positive_count_is_a_strict_whole_number_of_at_least_one(value: object) -> None:
    """Text, floats, booleans, zero and negative numbers are not a PositiveCount."""
    with pytest.raises(ValidationError):
        TypeAdapter(PositiveCount).validate_python(value)


@pytest.mark.parametrize("value", ["12", True, 0, -0.5, 10_000.5])
def test_hours_reject_text_booleans_and_out_of_range(value: object) -> None:
    """Hours must be a number greater than 0 and at most 10 000, not text or a boolean."""
    with pytest.raises(ValidationError):
        TypeAdapter(Hours).validate_python(value)


def test_hours_accept_halves_and_whole_numbers() -> None:
    """Hours such as 12.5 and 18 are accepted."""
    hours = TypeAdapter(Hours)
    assert hours.validate_python(12.5) == 12.5
    assert hours.validate_python(18) == 18


# EmailAddress

EMAIL = TypeAdapter(EmailAddress)


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("info@ncmw.nl", "info@ncmw.nl"),  # plain: no email_validator needed
        ("a.b+c_d-e@sub-1.example.org", "a.b+c_d-e@sub-1.example.org"),
        ("Info@NCMW.nl", "info@ncmw.nl"),  # email_validator lower-cases the domain and role names
        ("José@ncmw.nl", "José@ncmw.nl"),
        ("  cursus@ncmw.nl ", "cursus@ncmw.nl"),
        ("NCMW <cursus@ncmw.nl>", "cursus@ncmw.nl"),
    ],
)
def test_email_is_stored_as_email_validator_normalizes_it(written: str, stored: str) -> None:
    assert EMAIL.validate_python(written) == stored
    assert EMAIL.validate_python(written) == validate_email(written)[1]


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("cursus@@example.org", "the part after the @-sign contains invalid characters: '@'"),
        (
            "cursus@ncmw.test",
            "the part after the @-sign is a special-use or reserved name that cannot be used with email",
        ),
        ("cursus@ncmw", "the part after the @-sign is not valid. It should have a period"),
        ("cursus", "an email address must have an @-sign"),
    ],
)
def test_email_errors_are_email_validator_s(written: str, reason: str) -> None:
    """email_validator's reason, in a sentence of the project's with an example of a valid address."""
    with pytest.raises(ValidationError) as error:
        EMAIL.validate_python(written)
    assert only_error(error)["msg"] == (
        f"Value error, {written!r} is not a valid e-mail address: {reason}; write one such as 'info@ncmw.nl'"
    )


def test_email_must_be_text() -> None:
    with pytest.raises(ValidationError):
        EMAIL.validate_python(5)


def test_special_use_domains_are_email_validator_s() -> None:
    """The plain check refuses the same top-level domains as email_validator (whose list has only those)."""
    assert set(email_validator.SPECIAL_USE_DOMAIN_NAMES) == SPECIAL_USE_DOMAINS


ATOM = st.from_regex(r"\A[a-z0-9]{1,12}\Z")
LABEL = st.builds("-".join, st.lists(ATOM, min_size=1, max_size=3)) | st.from_regex(r"\A[a-z0-9-]{1,70}\Z")
PLAIN_LOOKING = st.builds(
    lambda atoms, separators, labels, tld: (
        "".join(atom + separator for atom, separator in zip(atoms, separators, strict=False))
        + atoms[-1]
        + "@"
        + ".".join([*labels, tld])
    ),
    st.lists(ATOM, min_size=1, max_size=8),
    st.lists(st.sampled_from("._+-"), min_size=7, max_size=7),
    st.lists(LABEL, min_size=1, max_size=4),
    st.from_regex(r"\A[a-z]{2,8}\Z") | st.sampled_from(["x", "nl1", "a" * 64, *sorted(SPECIAL_USE_DOMAINS)]),
)
"""Addresses that plain_email accepts, or nearly: too long, a hyphen at the edge, an odd top-level domain."""
NEAR_MISSES = st.text(alphabet='aZ0.@-_+é<> "', min_size=1, max_size=30)


@given(
    st.one_of(PLAIN_LOOKING, NEAR_MISSES, st.sampled_from(sorted(SPECIAL_USE_DOMAINS)).map("x@ncmw.".__add__))
)
@settings(max_examples=examples(300))
def test_plain_emails_are_what_email_validator_accepts_unchanged(value: str) -> None:
    """Whatever plain_email accepts, email_validator accepts too and leaves unchanged."""
    plain = plain_email(value)
    if plain is not None:
        assert plain == value
        assert validate_email(value)[1] == value
