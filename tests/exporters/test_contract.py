"""The contract every registered exporter keeps, built-in or plugin: checked for each, for free."""

from __future__ import annotations

import pytest

from ncmw_course import Course, NotReadyError, render, render_catalogue
from ncmw_course.exporting import exporter_info, exporter_names, get_exporter
from tests.strategies import courses, examples
from tests.system import format_params

NAMES = exporter_names()
PARAMS = format_params(NAMES)
"""The names, with the marker of the program a format starts (pdf: LibreOffice)."""
NEEDED_OPTIONS: dict[str, dict[str, object]] = {"sitemap": {"base_url": "https://www.ncmw.nl/cursussen/"}}
"""What a format needs besides the course: the sitemap, where the pages are published (the full
course's ``url`` is no ``<slug>.html`` address to take it from)."""


def render_or_not_ready(course: Course, name: str) -> bytes | NotReadyError:
    """The document, or the NotReadyError that says what the course lacks for it."""
    try:
        if exporter_info(name).scope == "catalogue":
            return render_catalogue([course], name)
        return render(course, name)
    except NotReadyError as error:
        return error


def assert_rendered_or_explained(outcome: bytes | NotReadyError) -> None:
    """Either bytes, or a NotReadyError listing each missing item as "field: what it is"."""
    if isinstance(outcome, NotReadyError):
        assert outcome.missing
        assert all(": " in item for item in outcome.missing)
    else:
        assert outcome


@pytest.mark.parametrize("name", NAMES)
def test_describes_itself(name: str) -> None:
    """Name, extension, media type and description are set and agree with the registration."""
    info = exporter_info(name)
    exporter = get_exporter(name)
    assert (info.name, type(exporter).name) == (name, name)
    assert info.file_extension.startswith(".")
    assert len(info.file_extension) > 1
    assert "/" in info.media_type
    assert info.description.strip()
    assert "\n" not in info.description
    assert info.scope in ("course", "catalogue")


@pytest.mark.parametrize("name", PARAMS)
def test_renders_the_full_course_to_the_same_bytes_twice(name: str, full_course: Course) -> None:
    """Each exporter renders the course that fills every field, to non-empty bytes, reproducibly."""
    options = NEEDED_OPTIONS.get(name, {})
    if exporter_info(name).scope == "catalogue":
        first, second = (render_catalogue([full_course], name, **options) for _ in range(2))
    else:
        first, second = render(full_course, name), render(full_course, name)
    assert isinstance(first, bytes)
    assert first
    assert first == second


@pytest.mark.parametrize("name", PARAMS)
def test_any_course_renders_or_says_what_is_missing(
    name: str, minimal_course: Course, bundled_course: Course
) -> None:
    """With little data, an exporter either renders or raises NotReadyError listing what to add."""
    for course in (minimal_course, bundled_course):
        assert_rendered_or_explained(render_or_not_ready(course, name))


@pytest.mark.parametrize("name", PARAMS)
def test_generated_courses_render(name: str) -> None:
    """Arbitrary valid courses render in every format, or are reported as not ready; nothing crashes."""
    from hypothesis import HealthCheck, given, settings

    @given(course=courses())
    @settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def check(course: Course) -> None:
        assert_rendered_or_explained(render_or_not_ready(course, name))

    check()
