"""The targets of issue 19 and how RESULTS.md shows figures."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Target", "ms", "ratio", "seconds", "spread"]


@dataclass(frozen=True)
class Target:
    """One target of the issue, as measured."""

    name: str
    measured: str
    """The median (or the one figure), with its unit."""
    spread: str
    """Its minimum and maximum over the runs or pairs."""
    met: bool | None
    """None: not measured in this run (``--quick``)."""
    note: str = ""
    """The design's floor, what was checked besides, or why it is not met."""

    def row(self) -> str:
        verdict = "not measured" if self.met is None else "met" if self.met else "**not met**"
        return f"| {self.name} | {self.measured} | {self.spread} | {verdict} | {self.note} |"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def ratio(value: float) -> str:
    return f"{value:.2f}×"


def spread(values: list[float], unit: str = "") -> str:
    """`min–max` of `values`, in the form of :func:`ms`, :func:`seconds` or :func:`ratio` (`unit`)."""
    low, high = min(values), max(values)
    if unit == "ms":
        return f"{low * 1000:.0f}–{high * 1000:.0f} ms"
    if unit == "s":
        return f"{low:.2f}–{high:.2f} s"
    if unit == "MiB":
        return f"{low:.0f}–{high:.0f} MiB"
    return f"{low:.2f}–{high:.2f}×"
