"""The catalogue page: every course linked to its page, the ItemList embedded, accessible in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ncmw_course import Course, render, render_catalogue
from tests.exporters.test_html import chromium, markup_course, parse, summary, visit


def test_lists_and_links_every_course(bundled_course: Course, full_course: Course) -> None:
    """Each course is an h2 linking to <slug>.html, in build order, with its listing summary."""
    page = parse(render_catalogue([bundled_course, full_course], "catalogue-html"))
    assert page.headings == [
        (1, "Cursusaanbod"),
        (2, bundled_course.title),
        (2, full_course.title),
    ]
    assert page.links == [
        (f"{bundled_course.slug}.html", bundled_course.title),
        (f"{full_course.slug}.html", full_course.title),
    ]
    assert bundled_course.listing_summary in page.body_text()
    assert page.attribute("html", "lang") == ["nl"]


def test_embeds_the_item_list(bundled_course: Course, full_course: Course) -> None:
    """The one script is the catalogue-jsonld format's ItemList, byte for byte."""
    courses = [bundled_course, full_course]
    page = parse(render_catalogue(courses, "catalogue-html"))
    assert page.scripts == [("application/ld+json", render_catalogue(courses, "catalogue-jsonld").decode())]


def test_markup_in_titles_is_text() -> None:
    """A title that looks like markup is shown as text and makes no element."""
    course = markup_course()
    page = parse(render_catalogue([course], "catalogue-html"))
    assert (2, course.title) in page.headings
    assert [kind for kind, _ in page.scripts] == ["application/ld+json"]


def test_empty_catalogue() -> None:
    """A build without courses still gives a valid page with an empty ItemList."""
    page = parse(render_catalogue([], "catalogue-html"))
    assert page.headings == [(1, "Cursusaanbod")]
    assert json.loads(page.scripts[0][1])["numberOfItems"] == 0


@pytest.mark.chromium
def test_in_chromium(tmp_path: Path, bundled_course: Course, full_course: Course) -> None:
    """The page and the course pages it links to load in Chromium, with zero axe violations at both widths."""
    courses = [bundled_course, full_course]
    for course in courses:
        (tmp_path / f"{course.slug}.html").write_bytes(render(course, "html"))
    index = tmp_path / "catalogue.html"
    index.write_bytes(render_catalogue(courses, "catalogue-html"))
    with chromium() as browser:
        for width in (375, 1280):
            result = visit(browser, index, width, tmp_path / f"catalogue-{width}.png")
            assert (result.console_errors, result.failed_requests, result.requests) == ([], [], [result.url])
            assert summary(result.violations) == []
            assert result.json_ld == [json.loads(render_catalogue(courses, "catalogue-jsonld"))]
            assert result.scroll_width <= width
        context = browser.new_context()
        page = context.new_page()
        page.goto(index.as_uri())
        page.click(f"text={full_course.title}")
        assert page.url == (tmp_path / f"{full_course.slug}.html").as_uri()
        context.close()
