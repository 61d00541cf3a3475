"""sitemap: the pages of a build as a sitemaps.org sitemap, valid against its schema (sitemap 0.9)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from ncmw_course import Course, ExportError, NotReadyError, load_course, render_catalogue
from ncmw_course.building import BuildEvent, Failed, Skipped, Wrote, build
from tests.catalogue_courses import generated_catalogue
from tests.conftest import TESTDATA, TESTS, copy_courses

BASE = "https://www.ncmw.nl/cursussen/"
XSD = TESTS / "conformance" / "sitemaps" / "sitemap.xsd"


@cache
def schema() -> etree.XMLSchema:
    """sitemaps.org's schema, from tests/conformance/ (nothing is fetched)."""
    return etree.XMLSchema(etree.parse(str(XSD), etree.XMLParser(no_network=True, resolve_entities=False)))


def schema_errors(data: bytes) -> list[str]:
    """What the schema finds wrong with a sitemap; none for a valid one."""
    document = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    validator = schema()
    validator.validate(document)
    return [f"{error.line}: {error.message}" for error in validator.error_log]


def placed(course: Course, folder: str = BASE) -> Course:
    """`course` with its url at `folder`<slug>.html: where its page is published."""
    return course.model_copy(update={"url": f"{folder}{course.slug}.html"})


def test_the_pages_with_their_dates(bundled_course: Course, full_course: Course) -> None:
    """The catalogue page (dated by its latest course) and each course's page (dated by its course)."""
    data = render_catalogue([bundled_course, full_course], "sitemap", base_url=BASE)
    assert data.decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "  <url>\n"
        "    <loc>https://www.ncmw.nl/cursussen/catalogue.html</loc>\n"
        "    <lastmod>2026-11-28</lastmod>\n"
        "  </url>\n"
        "  <url>\n"
        "    <loc>https://www.ncmw.nl/cursussen/ontrouw-binnen-de-relatie.html</loc>\n"
        "    <lastmod>2026-11-28</lastmod>\n"
        "  </url>\n"
        "  <url>\n"
        "    <loc>https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding.html</loc>\n"
        "    <lastmod>2026-09-01</lastmod>\n"
        "  </url>\n"
        "</urlset>\n"
    )


@pytest.mark.parametrize("which", ["reference", "generated"])
def test_valid_against_the_sitemaps_org_schema(which: str) -> None:
    """The sitemap of the reference courses and of the 200 generated ones is valid sitemap 0.9."""
    names = ("course_minimal.json", "course_full.json", "course_runs.json", "course_maximal.json")
    courses = [load_course(), *(load_course(TESTDATA / name) for name in names)]
    if which == "generated":
        courses = list(generated_catalogue())
    data = render_catalogue(courses, "sitemap", base_url="http://example.org/")
    assert schema_errors(data) == []
    assert data.count(b"<url>") == len(courses) + 1


def test_the_schema_check_finds_mistakes() -> None:
    """The validator is no rubber stamp: an address under 12 characters, a date in another form and
    a page without its address are refused."""
    broken = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>x.html</loc><lastmod>10-03-2027</lastmod></url><url><lastmod>2027-03-10</lastmod></url>"
        b"</urlset>"
    )
    assert [error.split("'")[1].rpartition("}")[2] for error in schema_errors(broken)] == [
        "loc",
        "lastmod",
        "lastmod",
    ]


class TestBaseUrl:
    def test_a_folder_without_its_slash_gets_one(self, full_course: Course) -> None:
        """--base-url https://…/cursussen is the folder https://…/cursussen/."""
        data = render_catalogue([full_course], "sitemap", base_url=BASE.rstrip("/"))
        assert b"<loc>https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding.html</loc>" in data

    @pytest.mark.parametrize(
        "given",
        [
            "www.ncmw.nl/cursussen/",
            "ftp://ncmw.nl/",
            "https://ncmw.nl/?a=1",
            "https://ncmw.nl/#x",
            "https://",
            "https://ncmw.nl/cursus sen/",
        ],
    )
    def test_not_an_absolute_folder(self, given: str) -> None:
        """Only an absolute http(s) address without query or fragment will do."""
        with pytest.raises(ExportError) as raised:
            render_catalogue([], "sitemap", base_url=given)
        assert str(raised.value) == (
            "the base URL must be the absolute address of a folder, such as https://www.ncmw.nl/cursussen/ "
            f"(http or https, no ? or #), not {given!r}"
        )

    def test_taken_from_the_courses_own_addresses(self, bundled_course: Course, full_course: Course) -> None:
        """Courses whose url is <folder><slug>.html, one folder for all, need no --base-url."""
        courses = [placed(bundled_course), placed(full_course)]
        assert render_catalogue(courses, "sitemap") == render_catalogue(courses, "sitemap", base_url=BASE)

    def test_not_ready_without_it(self, bundled_course: Course, full_course: Course) -> None:
        """A course whose url is no <slug>.html address (or has none) leaves the sitemap without a base."""
        with pytest.raises(NotReadyError) as raised:
            render_catalogue([placed(bundled_course), full_course], "sitemap")
        assert raised.value.missing == (
            (
                "url: the address of each course's page, ending in /<slug>.html, or --base-url "
                "(missing in gespreksvoering-bij-scheiding)"
            ),
        )

    def test_not_ready_when_the_courses_disagree(self, bundled_course: Course, full_course: Course) -> None:
        """Two folders are no base: the pages of one build lie in one folder."""
        with pytest.raises(NotReadyError) as raised:
            render_catalogue([placed(bundled_course), placed(full_course, "https://ncmw.nl/a/")], "sitemap")
        assert raised.value.missing == (
            (
                "url: the courses' pages are in different folders (https://ncmw.nl/a/, https://www.ncmw.nl/cursussen/); "
                "give --base-url"
            ),
        )

    def test_an_address_too_long_for_a_sitemap(self, full_course: Course) -> None:
        """A sitemap lists addresses of at most 2048 characters; a longer one is an error, not cut."""
        with pytest.raises(ExportError, match=r"is over 2048 characters, more than a sitemap can list$"):
            render_catalogue([full_course], "sitemap", base_url=BASE + "a" * 2000 + "/")


class TestInABuild:
    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        return copy_courses(tmp_path / "courses")

    def test_lists_the_pages_written(self, tmp_path: Path, folder: Path) -> None:
        """Built with html and catalogue-html (named after it), the sitemap lists the catalogue and every page."""
        out = tmp_path / "site"
        build([folder], out, formats=["sitemap", "html", "catalogue-html"], options={"base_url": BASE})
        data = (out / "sitemap.xml").read_bytes()
        assert schema_errors(data) == []
        assert [loc.text for loc in etree.fromstring(data).iter("{*}loc")] == [
            BASE + "catalogue.html",
            BASE + "gespreksvoering-bij-scheiding.html",
            BASE + "minimale-cursus.html",
        ]

    def test_never_a_page_that_was_not_written(self, tmp_path: Path, folder: Path) -> None:
        """Without html and catalogue-html in the build there are no pages: the sitemap lists none."""
        out = tmp_path / "site"
        build([folder], out, formats=["json", "sitemap"], options={"base_url": BASE})
        data = (out / "sitemap.xml").read_bytes()
        assert data.decode().endswith('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n')

    def test_skipped_without_a_base(self, tmp_path: Path, folder: Path) -> None:
        """Without --base-url and course addresses to take it from, the build skips the sitemap and says why."""
        events: list[BuildEvent] = []
        summary = build([folder], tmp_path / "site", formats=["html", "sitemap"], on_event=events.append)
        assert events[-1] == Skipped(
            "sitemap",
            None,
            "not ready; url: the address of each course's page, ending in /<slug>.html, or --base-url "
            "(missing in gespreksvoering-bij-scheiding, minimale-cursus)",
        )
        assert str(events[-1]) == (
            "Skipped sitemap: not ready; url: the address of each course's page, ending in /<slug>.html, "
            "or --base-url (missing in gespreksvoering-bij-scheiding, minimale-cursus)"
        )
        assert (summary.ok, summary.skipped) == (True, 1)
        assert not (tmp_path / "site" / "sitemap.xml").exists()

    def test_strict_makes_it_a_failure(self, tmp_path: Path, folder: Path) -> None:
        """With strict, the skipped sitemap is an error."""
        events: list[BuildEvent] = []
        summary = build([folder], tmp_path / "site", formats=["sitemap"], strict=True, on_event=events.append)
        assert isinstance(events[-1], Failed)
        assert str(events[-1]).startswith("Error: sitemap: not ready; url: the address of each course's page")
        assert not summary.ok
        assert not [event for event in events if isinstance(event, Wrote)]
