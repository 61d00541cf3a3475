"""Dates, times and prices written in words."""

from __future__ import annotations

from datetime import date

from ncmw_course.importing._facts import dates_in, is_fact_line, price_in, times_in


def test_dates() -> None:
    assert dates_in("dinsdag 9, 16 en 23 maart 2027") == [
        date(2027, 3, 9),
        date(2027, 3, 16),
        date(2027, 3, 23),
    ]
    assert dates_in("dinsdag 9 maart 2027 t/m dinsdag 23 maart 2027") == [date(2027, 3, 9), date(2027, 3, 23)]
    assert dates_in("30 september en 7 oktober 2027") == [date(2027, 9, 30), date(2027, 10, 7)]
    assert dates_in("9 March 2027") == [date(2027, 3, 9)]
    assert dates_in("9 maart") == []  # no year: not a date to guess
    assert dates_in("31 februari 2027") == []


def test_times() -> None:
    assert times_in("9.30 – 16.30 uur") == ("09:30", "16:30")
    assert times_in("van 09:30-16:00") == ("09:30", "16:00")
    assert times_in("16.30 – 9.30 uur") is None


def test_prices() -> None:
    assert price_in("€ 495,- (vrijgesteld van btw)") == {
        "amount": "495.00",
        "currency": "EUR",
        "vat_note": "vrijgesteld van btw",
    }
    assert price_in("€ 1.495,50") == {"amount": "1495.50", "currency": "EUR"}
    assert price_in("gratis") is None


def test_fact_lines() -> None:
    assert is_fact_line("Data: dinsdag 9 maart 2027")
    assert is_fact_line("Kosten: € 495,-")
    assert not is_fact_line("Let op: neem een casus mee")
