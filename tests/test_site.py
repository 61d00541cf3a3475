"""The pages of a build know each other: the course pages link back to the catalogue when the build
makes one, and the catalogue links only to files the build wrote (ncmw_course.build_context)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ncmw_course import Course, ExportError, render, render_catalogue
from ncmw_course.build_context import BuildContext, BuildFile, UsesBuildContext
from ncmw_course.building import BuildEvent, Wrote, build
from ncmw_course.exporting import exporter_info, get_exporter, render_catalogue_in_build
from tests.conftest import REPO, copy_courses
from tests.exporters.test_html import parse


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_courses(tmp_path / "courses")


def links(path: Path) -> list[tuple[str, str]]:
    return parse(path.read_bytes()).links


class TestBackLink:
    def test_a_page_links_back_when_the_build_makes_the_catalogue(self, tmp_path: Path, folder: Path) -> None:
        """html and catalogue-html in one build: each page's first link is "Alle cursussen" to catalogue.html."""
        out = tmp_path / "site"
        build([folder], out, formats=["html", "catalogue-html"], options={"today": "2026-01-01"})
        for name in ("minimale-cursus.html", "gespreksvoering-bij-scheiding.html"):
            assert links(out / name)[0] == ("catalogue.html", "Alle cursussen")
        assert [href for href, _ in links(out / "catalogue.html")] == [
            "gespreksvoering-bij-scheiding.html",
            "minimale-cursus.html",
        ]

    def test_no_back_link_without_the_catalogue(
        self, tmp_path: Path, folder: Path, full_course: Course
    ) -> None:
        """A build without catalogue-html writes the pages export writes: without a link back."""
        out = tmp_path / "site"
        build([folder], out, formats=["html"])
        assert (out / "gespreksvoering-bij-scheiding.html").read_bytes() == render(full_course, "html")
        assert "catalogue.html" not in [href for href, _ in links(out / "gespreksvoering-bij-scheiding.html")]

    def test_the_option_given_wins(self, tmp_path: Path, folder: Path) -> None:
        """-O catalogue=… chooses where the pages link back to, in a build with the catalogue too."""
        out = tmp_path / "site"
        build([folder], out, formats=["html", "catalogue-html"], options={"catalogue": "/cursussen/"})
        assert links(out / "minimale-cursus.html")[0] == ("/cursussen/", "Alle cursussen")

    def test_the_link_is_a_navigation_above_the_title(self, full_course: Course) -> None:
        """The link is a nav of its own in the header, before the provider and the h1; English on an English page."""
        data = render(full_course.model_copy(update={"language": "en"}), "html", catalogue="../index.html")
        text = data.decode()
        assert '<nav class="back"><a href="../index.html">All courses</a></nav>' in text
        assert text.index('class="back"') < text.index('class="provider"') < text.index("<h1>")

    @pytest.mark.parametrize(
        "address", ["javascript:alert(1)", "data:text/html,x", "a b.html", "x\u0000.html"]
    )
    def test_an_address_a_page_cannot_link_to(self, full_course: Course, address: str) -> None:
        """Only relative and http(s) addresses are links a page may hold."""
        with pytest.raises(ExportError) as raised:
            render(full_course, "html", catalogue=address)
        assert str(raised.value) == (
            f"the option catalogue must be a web address, relative (catalogue.html) or http(s), not {address!r}"
        )


class TestCatalogueLinks:
    def test_no_link_to_a_page_that_was_not_written(self, tmp_path: Path, folder: Path) -> None:
        """catalogue-html without html: every course has its card, and no card links anywhere."""
        out = tmp_path / "site"
        build([folder], out, formats=["catalogue-html"], options={"today": "2026-01-01"})
        page = parse((out / "catalogue.html").read_bytes())
        assert page.links == []
        assert [text for level, text in page.headings if level == 2] == [
            "Gespreksvoering bij scheiding",
            "Minimale cursus",
        ]

    def test_catalogue_formats_that_link_come_last_pages_first(self, tmp_path: Path, folder: Path) -> None:
        """Whatever the order asked for, the pages come first, then catalogue-html, then the sitemap."""
        events: list[BuildEvent] = []
        out = tmp_path / "site"
        formats = ["sitemap", "catalogue-html", "catalogue-json", "html"]
        build(
            [folder], out, formats=formats, options={"base_url": "https://ncmw.nl/"}, on_event=events.append
        )
        assert [(event.format, event.path.name) for event in events if isinstance(event, Wrote)] == [
            ("html", "gespreksvoering-bij-scheiding.html"),
            ("html", "minimale-cursus.html"),
            ("catalogue-json", "catalogue.json"),
            ("catalogue-html", "catalogue.html"),
            ("sitemap", "sitemap.xml"),
        ]

    def test_the_build_context(self, full_course: Course) -> None:
        """A context finds a file by format and course; the catalogue formats that use it say so."""
        context = BuildContext(
            (BuildFile("html", "a", "a.html"), BuildFile("catalogue-ics", None, "catalogue.ics"))
        )
        assert (context.file("html", "a"), context.file("html", "b"), context.file("catalogue-ics")) == (
            "a.html",
            None,
            "catalogue.ics",
        )
        uses = {
            name: exporter_info(name).uses_build_context
            for name in ("catalogue-html", "sitemap", "catalogue-json")
        }
        assert uses == {"catalogue-html": True, "sitemap": True, "catalogue-json": False}
        assert isinstance(get_exporter("catalogue-html"), UsesBuildContext)
        assert render_catalogue_in_build([full_course], "catalogue-json", context) == render_catalogue(
            [full_course], "catalogue-json"
        )


def test_a_plugin_catalogue_written_before_build_contexts(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin's catalogue format with only render_catalogue(courses) builds as before, beside the ones that link."""
    monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin_catalogue"))
    out = tmp_path / "site"
    summary = build([folder], out, formats=["titles", "catalogue-html"], options={"today": "2026-01-01"})
    assert summary.ok
    assert (out / "catalogue.txt").read_text(
        encoding="utf-8"
    ) == "Gespreksvoering bij scheiding\nMinimale cursus\n"
    assert exporter_info("titles").uses_build_context is False
