"""The JSON source map that gives errors their line and column."""

from __future__ import annotations

from ncmw_course._jsonpos import Spot, source_map

DOCUMENT = '{\n  "a": [1, {"b": "x\\"y"}],\n\t"c": {"d": null, "é": true}\n}'


def test_values_and_keys_are_located() -> None:
    """Every value and key gets its 1-based line and column."""
    positions = source_map(DOCUMENT)
    assert positions.value_spot(()) == Spot(1, 1)
    assert positions.value_spot(("a",)) == Spot(2, 8)
    assert positions.value_spot(("a", 1, "b")) == Spot(2, 18)
    assert positions.key_spot(("a", 1, "b")) == Spot(2, 13)
    assert positions.key_spot(("c", "é")) == Spot(3, 19)
    assert positions.value_spot(("c", "d")) == Spot(3, 13)


def test_missing_path_falls_back_to_the_nearest_parent() -> None:
    """A path that is not in the document points at the closest enclosing value."""
    positions = source_map(DOCUMENT)
    assert positions.value_spot(("c", "missing", 3)) == Spot(3, 7)
    assert positions.key_spot(("c", "missing")) == Spot(3, 7)


def test_duplicate_keys_are_recorded() -> None:
    """A key repeated in one object is recorded with the place of the repeat."""
    positions = source_map('{"a": 1, "b": {"x": 1, "x": 2}}')
    assert [(path, positions.spot(offset)) for path, offset in positions.duplicates] == [
        (("b", "x"), Spot(1, 24))
    ]


def test_too_deep_gives_no_positions() -> None:
    """A document deeper than the recursion limit yields an empty map instead of a crash."""
    positions = source_map("[" * 5000 + "]" * 5000)
    assert positions.value_spot((0, 0)) is None
