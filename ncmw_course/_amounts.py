"""Amounts of money in a course file: exact decimals, never floats (a field type of :mod:`ncmw_course.model`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, PlainSerializer, WithJsonSchema

__all__ = ["Amount"]


def _no_negative_zero(value: Decimal) -> Decimal:
    # Why: Decimal("-0") is not below zero, but Babel writes it as "€ -0,00".
    return value.copy_abs() if value.is_zero() else value


def _amount_json(value: Decimal) -> str:
    # Why: the documented form, exact: "495.00" (not "495", not a float that may round).
    return f"{value:.2f}"


Amount = Annotated[
    Decimal,
    Field(ge=0, max_digits=9, decimal_places=2),
    AfterValidator(_no_negative_zero),
    PlainSerializer(_amount_json, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 9999999.99},
                {"type": "string", "pattern": r"^(0|[1-9][0-9]{0,6})(\.[0-9]{1,2})?$"},
            ]
        }
    ),
]
