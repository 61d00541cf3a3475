"""The shared label table: one per language, with dates, times and amounts by Babel."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, time
from decimal import Decimal

import pytest

from ncmw_course.labels import LABELS, labels_for


@pytest.mark.parametrize(
    ("tag", "locale"), [("nl", "nl_NL"), ("nl-BE", "nl_NL"), ("en", "en_GB"), ("de", "en_GB")]
)
def test_table_by_primary_language(tag: str, locale: str) -> None:
    """The table follows the primary language subtag; a language without a table falls back to English."""
    assert labels_for(tag).locale == locale


def test_every_table_has_every_label() -> None:
    """Every language fills in every label, and its day names."""
    for labels in LABELS.values():
        assert all(getattr(labels, field.name) for field in fields(labels))
        assert len(labels.day_ordinals) == 10
        assert set(labels.modes) == {"onsite", "online", "blended"}


@pytest.mark.parametrize(
    ("ordinal", "dutch", "english"),
    [
        (1, "Eerste dag", "First day"),
        (2, "Tweede dag", "Second day"),
        (10, "Tiende dag", "Tenth day"),
        (11, "Dag 11", "Day 11"),
    ],
)
def test_ordinal_days(ordinal: int, dutch: str, english: str) -> None:
    """Days one to ten have ordinal names; later days a numbered fallback."""
    assert (labels_for("nl").day(ordinal), labels_for("en").day(ordinal)) == (dutch, english)


def test_day_title() -> None:
    """A day's heading joins its name and theme."""
    assert labels_for("nl").day_title(1, "Positie bepalen") == "Eerste dag: Positie bepalen"


def test_dutch_dates_times_and_amounts() -> None:
    """Dutch writes "dinsdag 10 maart 2026", "09:30 – 16:30 uur" and "€ 495,00"."""
    labels = labels_for("nl")
    assert labels.format_date(date(2026, 3, 10)) == "dinsdag 10 maart 2026"
    assert labels.format_time_range(time(9, 30), time(16, 30)) == "09:30 – 16:30 uur"
    assert labels.format_time_range(time(9, 30), None) == "09:30"
    assert labels.format_time_range(None, None) is None
    assert labels.format_amount(Decimal(495), "EUR") == "€\xa0495,00"
    assert labels.format_hours(24.5) == "24,5 uur"


def test_english_dates_and_amounts() -> None:
    """English writes its own way."""
    labels = labels_for("en")
    assert labels.format_date(date(2026, 3, 10)) == "Tuesday, 10 March 2026"
    assert labels.format_amount(Decimal(495), "EUR") == "€495.00"
