"""constraints.txt pins every package the project, its tests and its benchmarks install, exactly."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, distribution

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def pins() -> dict[str, str]:
    """constraints.txt as {canonical name: version}; every line that is not a comment is ``name==version``."""
    found: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9.+!-]+)", line)
            assert match, f"constraints.txt: {line!r} is not an exact pin name==version"
            found[canonicalize_name(match[1])] = match[2]
    return found


def direct_requirements() -> list[Requirement]:
    """What pyproject.toml asks for: the dependencies and every extra."""
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"].values()
    return [Requirement(text) for text in [*project["dependencies"], *(r for extra in extras for r in extra)]]


def installed_closure(extras: tuple[str, ...]) -> dict[str, str]:
    """Every installed distribution that ncmw-course with `extras` needs, directly or not, with its version.

    A requirement's own extras (``jsonschema[format-nongpl]``) count: they add what they name.
    """
    seen: dict[str, set[str]] = {}
    versions: dict[str, str] = {}
    todo = [
        requirement
        for requirement in map(Requirement, distribution("ncmw-course").requires or [])
        if requirement.marker is None or any(requirement.marker.evaluate({"extra": e}) for e in extras)
    ]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        wanted = {"", *requirement.extras}
        if wanted <= seen.get(name, set()):
            continue
        try:
            found = distribution(requirement.name)
        except PackageNotFoundError:
            continue  # an extra that is not installed here (bench), checked as a direct requirement
        seen[name] = seen.get(name, set()) | wanted
        versions[name] = found.version
        for text in found.requires or []:
            needed = Requirement(text)
            if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in wanted):
                todo.append(needed)
    return versions


def test_every_direct_requirement_is_pinned_within_its_range() -> None:
    """Each dependency and extra of pyproject.toml has a pin that its own version range admits."""
    pinned = pins()
    for requirement in direct_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not in constraints.txt"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (requirement, pinned[name])


def test_what_is_installed_is_pinned_and_is_the_pin() -> None:
    """Every package installed for the project and its tests, however indirectly, is pinned, at that version."""
    pinned = pins()
    installed = installed_closure(("", "test"))
    assert sorted(name for name in installed if name not in pinned) == []
    assert {name: version for name, version in installed.items() if pinned[name] != version} == {}


def test_nothing_is_pinned_that_nothing_needs() -> None:
    """A pin no longer needed by anything is a leftover: constraints.txt lists only what is installed for a reason."""
    needed = set(installed_closure(("", "test", "bench"))) | {
        canonicalize_name(r.name) for r in direct_requirements()
    }
    assert sorted(set(pins()) - needed) == []
