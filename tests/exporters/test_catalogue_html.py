"""The catalogue page: a card per course with the facts it states, in order of the next run; the
filters and their choices; the embedded ItemList; what a build lets it link to; "today".

In Chromium (search, filters, the address, without JavaScript, axe-core, Lighthouse):
tests/exporters/test_catalogue_browser.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

import pytest

from exporters._catalogue_page import script
from exporters._html import page_css
from exporters.catalogue_html import CatalogueHtmlExporter, build_date
from ncmw_course import Course, ExportError, load_course, render_catalogue
from ncmw_course.build_context import BuildContext, BuildFile
from ncmw_course.exporting import render_catalogue_in_build
from ncmw_course.hours import contact_hours
from tests.catalogue_courses import TODAY, generated_catalogue
from tests.conftest import TESTDATA
from tests.exporters.test_html import flat, html_tree, markup_course, parse
from tests.schemaorg import schemaorg_vocabulary

REFERENCE_DAY = date(2027, 1, 1)


@dataclass(frozen=True)
class ShownCard:
    """A card as the page shows it: its title, link, and each label with its values."""

    title: str
    link: str | None
    facts: dict[str, list[str]]
    data: dict[str, list[str]]
    lang: str | None


def cards(data: bytes) -> list[ShownCard]:
    """The cards of a catalogue page, in order."""
    found = []
    for item in html_tree(data).iterfind(".//ul[@class='courses']/li"):
        heading = item.find("h2")
        assert heading is not None
        link = heading.find("a")
        facts: dict[str, list[str]] = {}
        label = ""
        for node in item.iterfind("dl/*"):
            text = flat("".join(node.itertext()))
            if node.tag == "dt":
                label = text
                facts[label] = []
            else:
                facts[label].append(text)
        data_names = ("month", "town", "register", "mode", "keywords")
        found.append(
            ShownCard(
                title=flat("".join(heading.itertext())),
                link=link.get("href") if link is not None else None,
                facts=facts,
                data={name: json.loads(item.attrib[f"data-{name}"]) for name in data_names},
                lang=item.get("lang"),
            )
        )
    return found


def reference_courses() -> list[Course]:
    """The bundled course, then the full, the one with two runs, and the maximal one."""
    return [
        load_course(),
        *(load_course(TESTDATA / name) for name in ("course_full.json", "course_runs.json")),
        load_course(TESTDATA / "course_maximal.json"),
    ]


def page(courses: list[Course], today: date | str = REFERENCE_DAY) -> bytes:
    return render_catalogue(courses, "catalogue-html", today=today)


class TestCards:
    def test_the_reference_courses_in_order_of_their_next_run(self) -> None:
        """Cards follow the next start date (a tie in build order), courses without a run to come last."""
        shown = cards(page(reference_courses()))
        assert [(card.title, card.link) for card in shown] == [
            ("Gespreksvoering bij scheiding", "gespreksvoering-bij-scheiding.html"),
            ("Werken met de meldcode huiselijk geweld en kindermishandeling", "werken-met-de-meldcode.html"),
            (reference_courses()[3].title, "maximale-cursus-met-alles-erop-en-eraan.html"),
            ("Ontrouw binnen de relatie", "ontrouw-binnen-de-relatie.html"),
        ]

    def test_every_fact_of_a_card(self) -> None:
        """The course with two runs: each run's dates, town and mode; price; contact hours; points per register; level."""
        card = cards(page(reference_courses()))[1]
        assert card.facts == {
            "Data en locaties": [
                "9 maart 2027 t/m 23 maart 2027, Baarlo (op locatie)",
                "28 september 2027 t/m 12 oktober 2027, Roermond (deels online, deels op locatie)",
            ],
            "Prijs": ["€ 645,50 (vrijgesteld van btw)"],
            "Contacturen": ["18,5 uur"],
            "Accreditatie": ["18 punten bij Registerplein", "18,5 punten bij SKJ"],
            "Niveau": ["hbo"],
        }
        assert card.data == {
            "month": ["2027-03", "2027-09"],
            "town": ["Baarlo", "Roermond"],
            "register": ["Registerplein", "SKJ"],
            "mode": ["onsite", "blended"],
            "keywords": ["meldcode", "huiselijk geweld", "kindermishandeling", "Veilig Thuis"],
        }

    def test_a_run_without_a_town(self) -> None:
        """An online run without a town shows its dates and mode only."""
        card = cards(page(reference_courses()))[2]
        assert card.facts["Data en locaties"] == [
            "7 september 2027 t/m 23 november 2027, Baarlo (deels online, deels op locatie)",
            "1 februari 2028 t/m 18 april 2028 (online)",
        ]

    def test_a_course_that_states_nothing_shows_no_dates_yet(self) -> None:
        """The bundled course states no runs, price, hours, accreditation or level: its card says "no dates yet" only."""
        card = cards(page(reference_courses()))[3]
        assert card.facts == {"Data en locaties": ["Nog geen datum gepland"]}
        assert card.data == {
            "month": [],
            "town": [],
            "register": [],
            "mode": [],
            "keywords": ["ontrouw", "relatieproblemen", "loyaliteitsconflict", "nascholing", "hulpverlening"],
        }

    def test_past_runs_are_left_out(self) -> None:
        """On 10 March 2027 the runs that started on 9 March are gone: the full course keeps its run of
        October, and the course with two runs is sorted by its second."""
        shown = cards(page(reference_courses(), "2027-03-10"))
        assert [(card.link, card.facts["Data en locaties"][0]) for card in shown] == [
            (
                "maximale-cursus-met-alles-erop-en-eraan.html",
                "7 september 2027 t/m 23 november 2027, Baarlo (deels online, deels op locatie)",
            ),
            (
                "werken-met-de-meldcode.html",
                "28 september 2027 t/m 12 oktober 2027, Roermond (deels online, deels op locatie)",
            ),
            (
                "gespreksvoering-bij-scheiding.html",
                "19 oktober 2027 t/m 2 november 2027, Baarlo (op locatie)",
            ),
            ("ontrouw-binnen-de-relatie.html", "Nog geen datum gepland"),
        ]

    def test_a_run_that_starts_today_is_shown(self, full_course: Course) -> None:
        """A run starting on the day itself is still to come."""
        assert cards(page([full_course], "2027-03-09"))[0].facts["Data en locaties"] == [
            "9 maart 2027 t/m 23 maart 2027, Baarlo (op locatie)",
            "19 oktober 2027 t/m 2 november 2027, Baarlo (op locatie)",
        ]

    def test_a_card_in_english(self, full_course: Course) -> None:
        """A course in English has its card's labels and "no dates yet" in English, marked lang=en on a Dutch page."""
        english = full_course.model_copy(update={"language": "en"})
        shown = cards(page([load_course(), english], "2028-01-01"))
        assert (shown[1].lang, shown[1].facts) == (
            "en",
            {
                "Dates and locations": ["No dates yet"],
                "Price": ["€495.00 (vrijgesteld van btw)"],
                "Contact hours": ["18 hours"],
                "Accreditation": ["18 points with Registerplein", "18 points with SKJ (requested)"],
                "Level": ["hbo"],
            },
        )
        assert shown[0].lang is None

    @pytest.mark.parametrize("which", ["reference", "generated"])
    def test_each_card_shows_what_its_course_states_and_nothing_else(self, which: str) -> None:
        """For the reference courses and 200 generated ones: each fact row is there exactly when the course
        states it, with the course's values, and the runs are those to come, in order."""
        courses = reference_courses() if which == "reference" else list(generated_catalogue())
        today = REFERENCE_DAY if which == "reference" else TODAY
        shown = {card.link: card for card in cards(page(courses, today))}
        assert len(shown) == len(courses)
        for course in courses:
            assert expected_facts(course, today) == stated_facts(shown[f"{course.slug}.html"])

    def test_cards_are_sorted_by_their_next_run(self) -> None:
        """In the generated catalogue the next start dates never go down, the courses without one come last
        in build order, and no card shows a run that started before today."""
        courses = list(generated_catalogue())
        order = [card.link or "" for card in cards(page(courses, TODAY))]
        by_slug = {f"{course.slug}.html": course for course in courses}
        starts = [
            min((e.start_date for e in by_slug[link].editions if e.start_date >= TODAY), default=None)
            for link in order
        ]
        dated = [start for start in starts if start is not None]
        assert dated == sorted(dated)
        assert starts == [*dated, *[None] * (len(starts) - len(dated))]
        undated = [link for link, start in zip(order, starts, strict=True) if start is None]
        assert undated == [link for link in by_slug if link in undated]
        assert 0 < len(dated) < len(starts)


class TestFilters:
    def test_choices_are_what_the_cards_hold(self) -> None:
        """Each list box offers "all" and then the values of the runs to come: months in order, towns,
        registers, modes; values in the address are language-neutral."""
        tree = html_tree(page(reference_courses()))
        boxes = {
            select.get("name"): [(option.get("value"), option.text) for option in select.iter("option")]
            for select in tree.iter("select")
        }
        assert boxes == {
            "month": [
                ("", "Alle maanden"),
                ("2027-03", "maart 2027"),
                ("2027-09", "september 2027"),
                ("2027-10", "oktober 2027"),
                ("2028-02", "februari 2028"),
            ],
            "town": [("", "Alle plaatsen"), ("Baarlo", "Baarlo"), ("Roermond", "Roermond")],
            "register": [("", "Alle registers"), ("Registerplein", "Registerplein"), ("SKJ", "SKJ")],
            "mode": [
                ("", "Alle lesvormen"),
                ("onsite", "op locatie"),
                ("blended", "deels online, deels op locatie"),
                ("online", "online"),
            ],
        }

    def test_every_control_has_a_label_and_the_count_is_announced(self) -> None:
        """The search box and list boxes are labelled; the count is a polite live region; the form is a search landmark."""
        tree = html_tree(page(reference_courses()))
        labelled = {label.get("for"): flat("".join(label.itertext())) for label in tree.iter("label")}
        controls = [node.get("id") for node in tree.iter() if node.tag in ("input", "select")]
        assert labelled == {
            "q": "Zoek op titel of onderwerp",
            "filter-month": "Maand",
            "filter-town": "Plaats",
            "filter-register": "Register",
            "filter-mode": "Lesvorm",
        }
        assert controls == list(labelled)
        form = tree.find(".//form")
        count = tree.find(".//p[@id='count']")
        assert form is not None
        assert count is not None
        assert (form.get("role"), form.get("aria-label")) == ("search", "Cursus zoeken")
        assert (count.get("role"), count.get("aria-live"), count.text) == ("status", "polite", "4 cursussen")
        assert (count.get("data-one"), count.get("data-many"), count.get("data-shown")) == (
            "{count} cursus",
            "{count} cursussen",
            "{shown} van {courses}",
        )

    def test_a_filter_without_choices_is_left_out(self, bundled_course: Course) -> None:
        """A catalogue without runs or registers has the search box only; one course is "1 cursus"."""
        tree = html_tree(page([bundled_course]))
        assert [select.get("name") for select in tree.iter("select")] == []
        assert tree.find(".//input[@id='q']") is not None
        assert flat("".join(tree.find(".//p[@id='count']").itertext())) == "1 cursus"  # type: ignore[union-attr]

    def test_without_scripts_the_controls_are_hidden_and_every_course_listed(self) -> None:
        """The controls show only on a page a script in the head marked "scripted" (no shift when they
        appear); no card is hidden in the markup; the inline scripts fetch nothing."""
        data = page(reference_courses())
        tree = html_tree(data)
        assert [item.get("hidden") for item in tree.iterfind(".//ul[@class='courses']/li")] == [None] * 4
        scripts = parse(data).scripts
        assert scripts[:2] == [(None, 'document.documentElement.classList.add("scripted");'), scripts[1]]
        assert [kind for kind, _ in scripts] == [None, "application/ld+json", None]
        assert scripts[2][1].strip() == script().strip()
        assert not [word for word in ("fetch(", "XMLHttpRequest", "import(", "src") if word in script()]
        assert ".finder { display: none; }\n.scripted .finder {" in page_css()


class TestItemList:
    def test_names_and_addresses_in_the_cards_order(self) -> None:
        """The embedded ItemList has one ListItem per card, in the page's order, with its name and, when
        the course states one, its own address (the one its page names as canonical)."""
        courses = reference_courses()
        scripts = parse(page(courses)).scripts
        document = json.loads(scripts[1][1])
        shown = cards(page(courses))
        addresses = {f"{course.slug}.html": course.url.href for course in courses if course.url}
        assert document == {
            "@context": "https://schema.org",
            "@type": "ItemList",
            "numberOfItems": 4,
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": card.title}
                | ({"url": addresses[card.link]} if card.link in addresses else {})
                for position, card in enumerate(shown, start=1)
            ],
        }
        assert [item.get("url") for item in document["itemListElement"]] == [
            "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding",
            "https://www.ncmw.nl/cursussen/werken-met-de-meldcode-huiselijk-geweld-en-kindermishandeling?editie=2027&utm_source=brochure&utm_medium=pdf&utm_campaign=voorjaar",
            "https://www.ncmw.nl/cursussen/maximaal?editie=2027&taal=nl",
            None,
        ]
        assert schemaorg_vocabulary().check(document) == []

    def test_markup_in_titles_is_text(self) -> None:
        """A title that looks like markup is shown as text, makes no element, and stays inside the JSON-LD."""
        course = markup_course()
        data = page([course])
        parsed = parse(data)
        assert (2, course.title) in parsed.headings
        assert [kind for kind, _ in parsed.scripts] == [None, "application/ld+json", None]
        assert json.loads(parsed.scripts[1][1])["itemListElement"][0]["name"] == course.title

    def test_empty_catalogue(self) -> None:
        """A catalogue without courses is a valid page with an empty list and no controls."""
        parsed = parse(page([]))
        assert parsed.headings == [(1, "Cursusaanbod")]
        assert json.loads(parsed.scripts[1][1])["numberOfItems"] == 0
        assert "0 cursussen" in parsed.body_text()
        assert [tag for tag, _ in parsed.tags if tag in ("form", "ul")] == []


class TestInABuild:
    def test_links_only_to_the_pages_written(self, bundled_course: Course, full_course: Course) -> None:
        """Told which files the build wrote, the page links to those course pages only, and no calendar."""
        context = BuildContext((BuildFile("html", full_course.slug, "x/gespreksvoering.html"),))
        data = render_catalogue_in_build(
            [bundled_course, full_course], "catalogue-html", context, today="2026-01-01"
        )
        assert [(card.title, card.link) for card in cards(data)] == [
            ("Gespreksvoering bij scheiding", "x/gespreksvoering.html"),
            ("Ontrouw binnen de relatie", None),
        ]
        assert [href for href, _ in parse(data).links] == ["x/gespreksvoering.html"]

    def test_links_to_the_calendar_when_one_was_written(self, full_course: Course) -> None:
        """A catalogue-ics file in the build gives the page a link to it under the heading."""
        context = BuildContext((BuildFile("catalogue-ics", None, "catalogue.ics"),))
        data = render_catalogue_in_build([full_course], "catalogue-html", context, today="2026-01-01")
        assert parse(data).links == [("catalogue.ics", "Alle data in uw agenda (iCalendar)")]

    def test_without_a_build_every_page_is_assumed(self, full_course: Course) -> None:
        """Called without a context (the library, a plugin's build), the page links to each <slug>.html, and no calendar."""
        assert parse(page([full_course])).links == [
            ("gespreksvoering-bij-scheiding.html", "Gespreksvoering bij scheiding")
        ]


class TestToday:
    def test_a_date_that_is_not_one(self) -> None:
        """--today takes YYYY-MM-DD only."""
        for given in ("2027-02-30", "10-03-2027", "20270310", "morgen"):
            with pytest.raises(ExportError) as raised:
                CatalogueHtmlExporter(today=given)
            assert str(raised.value) == (
                f"the option today must be a date written YYYY-MM-DD, such as 2026-03-10, not {given!r}"
            )

    def test_source_date_epoch_is_a_day_in_the_netherlands(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """SOURCE_DATE_EPOCH at 23:30 UTC on 9 March 2027 is already 10 March in the Netherlands."""
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1804635000")  # 2027-03-09T23:30:00Z
        assert build_date() == date(2027, 3, 10)
        assert CatalogueHtmlExporter().today == date(2027, 3, 10)
        assert CatalogueHtmlExporter(today="2026-01-01").today == date(2026, 1, 1)

    def test_without_either_it_is_the_day_of_the_build(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without --today or SOURCE_DATE_EPOCH, today is the current date in the Netherlands."""
        from datetime import UTC, datetime
        from zoneinfo import ZoneInfo

        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        before = datetime.now(UTC).astimezone(ZoneInfo("Europe/Amsterdam")).date()
        made = build_date()
        after = datetime.now(UTC).astimezone(ZoneInfo("Europe/Amsterdam")).date()
        assert made in (before, after)

    def test_same_courses_same_day_same_bytes(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With SOURCE_DATE_EPOCH set the page is the same on every render; --today gives the same page."""
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1804635000")
        courses = reference_courses()
        first = render_catalogue(courses, "catalogue-html")
        assert render_catalogue(courses, "catalogue-html") == first
        assert page(courses, "2027-03-10") == first


def expected_facts(course: Course, today: date) -> dict[str, object]:
    """What a card must say about `course`, worked out from the course alone."""
    runs = sorted((e for e in course.editions if e.start_date >= today), key=lambda e: e.start_date)
    hours = contact_hours(course)  # typed, or computed from the sessions
    return {
        "runs": [
            (e.start_date.day, e.start_date.year, e.location.locality if e.location else None, e.mode)
            for e in runs
        ],
        "price": re.sub(r"\D", "", f"{course.price.amount:.2f}") if course.price else None,
        "hours": float(hours) if hours else None,
        "registers": [
            (item.registry, item.status == "requested") for item in course.accreditations
        ],  # a requested accreditation's points are said to be only asked for
        "level": course.level,
    }


LABELS = {
    "Data en locaties": "runs",
    "Dates and locations": "runs",
    "Prijs": "price",
    "Price": "price",
    "Contacturen": "hours",
    "Contact hours": "hours",
    "Accreditatie": "points",
    "Accreditation": "points",
    "Niveau": "level",
    "Level": "level",
}
MODES = {
    "op locatie": "onsite",
    "on site": "onsite",
    "online": "online",
    "deels online, deels op locatie": "blended",
    "partly online, partly on site": "blended",
}


def stated_facts(card: ShownCard) -> dict[str, object]:
    """What a card says, read back from its text in Dutch or English."""
    facts = {LABELS[label]: values for label, values in card.facts.items()}
    assert next(iter(facts)) == "runs"
    runs = [] if facts["runs"] in (["Nog geen datum gepland"], ["No dates yet"]) else facts["runs"]
    price, hours, level = facts.get("price"), facts.get("hours"), facts.get("level")
    return {
        "runs": [_run_read_back(text) for text in runs],
        "price": re.sub(r"\D", "", price[0].split("(")[0]) if price else None,
        "hours": float(hours[0].split(" ")[0].replace(",", ".")) if hours else None,
        "registers": [_register_read_back(line) for line in facts.get("points", [])],
        "level": level[0] if level else None,
    }


def _register_read_back(line: str) -> tuple[str, bool]:
    """The register of a points line, and whether the line says the points are only requested."""
    register = re.split(" bij | with ", line, maxsplit=1)[1]
    for requested in (" (aangevraagd)", " (requested)"):
        if register.endswith(requested):
            return register.removesuffix(requested), True
    return register, False


def _run_read_back(text: str) -> tuple[int, int, str | None, str | None]:
    mode = None
    if text.endswith(")"):
        text, _, mode_text = text[:-1].rpartition(" (")
        mode = MODES[mode_text]
    dates, _, town = text.partition(", ")
    day, _, year, *_ = dates.split(" ")
    return int(day), int(year), town or None, mode


def test_the_readme_shows_the_catalogue_page() -> None:
    """The README shows the committed screenshot of the catalogue page, and says what it holds."""
    repo = TESTDATA.parent.parent
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert "![The catalogue page of three courses at 1280 px wide](docs/catalogue-1280.png)" in readme
    assert (repo / "docs" / "catalogue-1280.png").stat().st_size > 10_000
