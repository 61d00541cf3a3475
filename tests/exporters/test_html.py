"""The web page: content, structure, escaping, links and JSON-LD; then in Chromium with axe-core."""

from __future__ import annotations

import ast
import itertools
import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings

from exporters._html import course_page, page_css
from exporters._markup import Raw, element, html_document, text_direction
from exporters._outline_markup import PARAGRAPH_CLASSES
from ncmw_course import Course, load_course, parse_course, render
from ncmw_course.outline import Block, BulletList, Facts, Link, Outline, Paragraph, brochure_outline
from tests.conftest import REPO, TESTDATA
from tests.strategies import courses, examples
from tests.system import require
from tests.texts import course_texts

SKIPPED = {"script", "style", "title"}
VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}
MARKUP = [
    "<script>alert('x')</script>",
    "Tom &amp; Jerry & co",
    "</script><!-- commentaar -->",
    "aanhalingstekens \" ' “ ” ‘ ’",
    "<b onmouseover=\"alert('x')\">vet</b>",
]


class Page(HTMLParser):
    """What a test needs from a page, read with the standard library's HTML parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str]] = []
        self.scripts: list[tuple[str | None, str]] = []
        self.title = ""
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self._link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in VOID:
            return
        self._open.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        if tag == "a":
            self._link = []
        if tag == "script":
            self.scripts.append((dict(attrs).get("type"), ""))

    def handle_endtag(self, tag: str) -> None:
        assert self._open[-1] == tag, f"</{tag}> closes <{self._open[-1]}>"
        self._open.pop()
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), "".join(self._heading)))
            self._heading = None
        if tag == "a" and self._link is not None:
            href = next(attrs.get("href") for name, attrs in reversed(self.tags) if name == "a")
            self.links.append((href or "", "".join(self._link)))
            self._link = None

    def handle_data(self, data: str) -> None:
        current = self._open[-1] if self._open else ""
        if current == "script":
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)
        elif current == "title":
            self.title += data
        elif current not in SKIPPED:
            self.text.append(data)
            for collected in (self._heading, self._link):
                if collected is not None:
                    collected.append(data)

    def body_text(self) -> str:
        return flat(" ".join(self.text))

    def attribute(self, tag: str, name: str) -> list[str | None]:
        return [attrs.get(name) for found, attrs in self.tags if found == tag]


def parse(data: bytes) -> Page:
    """The page `data`, parsed."""
    page = Page()
    page.feed(data.decode("utf-8"))
    page.close()
    return page


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def markup_course() -> Course:
    """The full course with markup-like text in the title, subtitle, description, topics and names."""
    data: dict[str, Any] = json.loads((TESTDATA / "course_full.json").read_text(encoding="utf-8"))
    data["title"] = MARKUP[0]
    data["subtitle"] = MARKUP[4]
    data["description"] = MARKUP
    data["programme"]["days"][0]["theme"] = MARKUP[2]
    data["programme"]["days"][0]["topics"] = MARKUP
    data["trainers"][0]["name"] = MARKUP[2]
    data["contact"]["name"] = MARKUP[1]
    return parse_course(json.dumps(data))


LONG_URL = (
    "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding-en-ouderschap-na-de-scheiding"
    "?utm_source=nieuwsbrief&utm_medium=email&utm_campaign=najaar-2027-maatschappelijk-werk"
)
LONG_EMAIL = "secretariaat.nascholing.maatschappelijk-werk@opleidingen.ncmw-nederland.nl"


def long_links_course() -> Course:
    """The full course with a long course URL with a query string, and a long e-mail address and website."""
    data: dict[str, Any] = json.loads((TESTDATA / "course_full.json").read_text(encoding="utf-8"))
    data["url"] = LONG_URL
    data["contact"]["email"] = LONG_EMAIL
    data["contact"]["website"] = {
        "url": LONG_URL.replace("cursussen", "contact"),
        "display": LONG_URL.replace("cursussen", "contact"),
    }
    return parse_course(json.dumps(data))


def maximal_course() -> Course:
    """tests/testdata/course_maximal.json: every field at its largest."""
    return load_course(TESTDATA / "course_maximal.json")


COURSES = {
    "bundled": load_course,
    "minimal": lambda: load_course(TESTDATA / "course_minimal.json"),
    "full": lambda: load_course(TESTDATA / "course_full.json"),
    "maximal": maximal_course,
    "markup": markup_course,
}
"""The courses the rendering tests render, by name."""

# The outline as a document shows it: shared with tests/exporters/test_epub.py

Event = tuple[str, ...]
"""One thing a reader meets, in reading order: ("section", id), ("heading", text), ("p", text),
("li", text), ("dt", text), ("dd", text) or ("a", href, text)."""


def outline_events(outline: Outline, *, lead_heading: bool) -> list[Event]:
    """What a document rendering `outline` must show, in order; the lead section's heading if `lead_heading`."""
    events: list[Event] = []
    for section in outline.sections:
        events.append(("section", section.id))
        if lead_heading or not section.lead:
            events.append(("heading", section.title))
        events += block_events(section.blocks)
    return events


def block_events(blocks: tuple[Block, ...]) -> list[Event]:
    """The events of `blocks`: a paragraph, each item, each label and value, each subsection and its blocks."""
    events: list[Event] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            events.append(("p", block.text))
        elif isinstance(block, BulletList):
            events += [("li", item) for item in block.items]
        elif isinstance(block, Facts):
            for row in block.rows:
                events.append(("dt", row.label))
                for value in row.values:
                    text = value.text if isinstance(value, Link) else value
                    events.append(("dd", text))
                    events += [("a", value.uri, value.text)] if isinstance(value, Link) else []
        else:
            events += [("section", block.id), ("heading", block.title), *block_events(block.blocks)]
    return events


def rendered_events(root: ET.Element) -> list[Event]:
    """The events below `root` of a parsed (X)HTML document, in document order."""
    events: list[Event] = []
    for node in root.iter():
        tag = node.tag.rpartition("}")[2]
        text = "".join(node.itertext())
        if tag == "section" and node.get("id"):
            events.append(("section", node.attrib["id"]))
        elif re.fullmatch(r"h[1-6]", tag):
            events.append(("heading", text))
        elif tag in ("p", "li", "dt", "dd"):
            events.append((tag, text))
        elif tag == "a":
            events.append(("a", node.get("href", ""), text))
    return events


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = ET.TreeBuilder()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, {name: value or "" for name, value in attrs})
        if tag in VOID:
            self.builder.end(tag)

    def handle_endtag(self, tag: str) -> None:
        self.builder.end(tag)

    def handle_data(self, data: str) -> None:
        self.builder.data(data)


def html_tree(data: bytes) -> ET.Element:
    """The HTML5 page `data` as an element tree (void elements closed), for the same walks as XHTML."""
    parser = _TreeBuilder()
    parser.feed(data.decode("utf-8"))
    parser.close()
    root: ET.Element = parser.builder.close()
    return root


def page_main(course: Course) -> ET.Element:
    """The ``<main>`` of the course's page."""
    main = html_tree(render(course, "html")).find(".//main")
    assert main is not None
    return main


class TestContent:
    def test_every_text_of_the_course_is_on_the_page(self, any_course: Course) -> None:
        """Every text of the course is on the page word for word, and its keywords are in the meta keywords."""
        page = parse(render(any_course, "html"))
        text = page.body_text()
        assert [t for t in course_texts(any_course, keywords=False) if flat(t) not in text] == []
        keywords = dict(zip(page.attribute("meta", "name"), page.attribute("meta", "content"), strict=True))
        assert keywords.get("keywords") == (", ".join(any_course.keywords) or None)

    def test_maximal_course_keeps_every_text(self) -> None:
        """The course with every field at its largest loses no text."""
        course = maximal_course()
        text = parse(render(course, "html")).body_text()
        assert [t for t in course_texts(course, keywords=False) if flat(t) not in text] == []

    def test_language_title_and_description(self, bundled_course: Course) -> None:
        """<html lang> is the course's language, the title names course and provider, and the description is the summary."""
        page = parse(render(bundled_course, "html"))
        assert page.attribute("html", "lang") == ["nl"]
        assert page.title == "Ontrouw binnen de relatie – NCMW"
        metas = dict(zip(page.attribute("meta", "name"), page.attribute("meta", "content"), strict=True))
        assert metas["description"] == bundled_course.listing_summary
        assert metas["author"] == "NCMW"

    def test_headings_of_the_bundled_course(self, bundled_course: Course) -> None:
        """One h1, then h2 per brochure section and h3 per day, in the brochure's order."""
        headings = parse(render(bundled_course, "html")).headings
        assert headings == [
            (1, "Ontrouw binnen de relatie"),
            (2, "Voor wie en waarom"),
            (2, "Programma"),
            (3, "Eerste dag: Hoe kan ik een eigen positie bepalen zonder partij te trekken."),
            (3, "Tweede dag: Hoe help ik ouders om te gaan met het loyaliteitsconflict van de kinderen"),
            (2, "Werkwijze"),
            (2, "Trainer"),
            (2, "Informatie"),
        ]

    def test_heading_levels_never_skip(self, any_course: Course) -> None:
        """There is one h1 and no heading is more than one level below the one before it."""
        levels = [level for level, _ in parse(render(any_course, "html")).headings]
        assert levels.count(1) == 1
        assert levels[0] == 1
        assert all(after - before <= 1 for before, after in itertools.pairwise(levels))

    def test_landmarks_and_lists(self, bundled_course: Course) -> None:
        """The page has a header, a main and a footer, and the day topics are list items."""
        page = parse(render(bundled_course, "html"))
        names = [tag for tag, _ in page.tags]
        assert (names.count("header"), names.count("main"), names.count("footer")) == (1, 1, 1)
        assert names.count("li") == sum(len(day.topics) for day in bundled_course.days)

    def test_practical_facts_when_the_course_states_them(self, full_course: Course) -> None:
        """The full course gets a "Praktische informatie" section with its price written the Dutch way."""
        page = parse(render(full_course, "html"))
        assert (2, "Praktische informatie") in page.headings
        assert "€ 495,00" in page.body_text()


class TestRendering:
    @pytest.mark.parametrize("name", ["bundled", "minimal", "full", "maximal", "markup"])
    def test_every_block_of_the_outline_in_order(self, name: str) -> None:
        """Each section, subsection, paragraph, item, fact and link of the outline is in <main>, in order, with its id."""
        course = COURSES[name]()
        expected = outline_events(brochure_outline(course), lead_heading=False)
        assert rendered_events(page_main(course)) == expected

    def test_roles_are_classes(self, full_course: Course) -> None:
        """Day facts, trainer details, the contact's name, goals and the two kinds of facts have their classes."""
        main = page_main(full_course)
        classes = {
            (node.tag, node.get("class"))
            for node in main.iter()
            if node.get("class") and node.tag in ("p", "ul", "dl", "section")
        }
        assert classes == {
            ("section", "lead"),
            ("section", "day"),
            ("section", "trainer"),
            ("p", PARAGRAPH_CLASSES["when"]),
            ("p", PARAGRAPH_CLASSES["details"]),
            ("p", PARAGRAPH_CLASSES["name"]),
            ("ul", "goals"),
            ("dl", "facts"),
            ("dl", "contact"),
        }

    def test_headings_label_their_sections(self, full_course: Course) -> None:
        """Every section but the lead is labelled by its heading, whose id is the section's id and "-title"."""
        for section in page_main(full_course).iter("section"):
            heading = section.find("./*[1]")
            assert heading is not None
            if section.get("class") == "lead":
                assert (heading.tag, section.get("aria-labelledby")) == ("p", None)
            else:
                assert heading.get("id") == section.get("aria-labelledby") == f"{section.get('id')}-title"

    def test_labels_of_another_language_are_marked(self, full_course: Course) -> None:
        """A page in a language without labels has English labels, each marked lang=en, its own texts unmarked."""
        english = brochure_outline(full_course.model_copy(update={"language": "en"}))
        french = replace(english, meta=replace(english.meta, language="fr", labels_language="en"))
        main = html_tree(course_page(french, render(full_course, "jsonld"))).find(".//main")
        assert main is not None
        marked = {"".join(node.itertext()) for node in main.iter() if node.get("lang") == "en"}
        assert {"Practical information", "Programme", "Price", "Tel."} <= marked
        assert full_course.title not in marked
        assert all(node.get("lang") in (None, "en") for node in main.iter())

    def test_text_against_the_page_direction_gets_dir(self) -> None:
        """An Arabic paragraph on a Dutch page is marked dir=rtl, and Dutch text in an Arabic page dir=ltr."""
        course = maximal_course()
        directions = {"".join(p.itertext())[:6]: p.get("dir") for p in page_main(course).iter("p")}
        assert (directions["مرحبا "], directions["Een tw"]) == ("rtl", None)
        outline = brochure_outline(course)
        arabic = replace(outline, meta=replace(outline.meta, language="ar", direction="rtl"))
        page = html_tree(course_page(arabic, render(course, "jsonld")))
        assert page.get("dir") == "rtl"
        assert {p.get("dir") for p in page.iter("p") if "".join(p.itertext()).startswith("Een tw")} == {"ltr"}

    def test_footer_lines_of_the_outline(self, bundled_course: Course) -> None:
        """The footer shows the outline's footer parts, separated by middle dots."""
        footer = html_tree(render(bundled_course, "html")).find(".//footer")
        assert footer is not None
        assert flat("".join(footer.itertext())) == " · ".join(brochure_outline(bundled_course).footer)


class TestLinks:
    def test_contact_links(self, bundled_course: Course) -> None:
        """Phone (E.164 tel:), e-mail (mailto:) and website are links with their display forms as text."""
        links = parse(render(bundled_course, "html")).links
        assert ("tel:+31495450667", "0495–450667") in links
        assert ("mailto:info@ncmw.nl", "info@ncmw.nl") in links
        assert ("https://www.ncmw.nl/", "www.ncmw.nl") in links

    def test_no_external_resources(self, any_course: Course) -> None:
        """Nothing is fetched: no src attributes, no stylesheet or script links, no url() or @import in the CSS."""
        page = parse(render(any_course, "html"))
        assert [attrs for _, attrs in page.tags if "src" in attrs] == []
        assert [attrs.get("rel") for tag, attrs in page.tags if tag == "link"] in ([], ["canonical"])
        assert "url(" not in page_css()
        assert "@import" not in page_css()
        assert [tag for tag, _ in page.tags].count("style") == 1


class TestJsonLd:
    def test_embedded_json_ld_is_the_jsonld_format(self, any_course: Course) -> None:
        """The one script is the jsonld format's output, byte for byte, as application/ld+json."""
        page = parse(render(any_course, "html"))
        assert page.scripts == [("application/ld+json", render(any_course, "jsonld").decode("utf-8"))]


class TestEscaping:
    def test_markup_in_course_text_is_text(self) -> None:
        """Markup-like course text arrives as text: the parser sees it literally and no element comes from it."""
        course = markup_course()
        data = render(course, "html")
        page = parse(data)
        text = page.body_text()
        assert [t for t in MARKUP if flat(t) not in text] == []
        assert (1, MARKUP[0]) in page.headings
        assert page.title.startswith(MARKUP[0])
        assert [kind for kind, _ in page.scripts] == ["application/ld+json"]
        assert not [tag for tag, _ in page.tags if tag == "b"]
        assert not [attrs for _, attrs in page.tags if "onmouseover" in attrs]
        assert json.loads(page.scripts[0][1])["name"] == MARKUP[0]


class TestMarkup:
    """The markup tree of exporters/_markup.py, which the page and the EPUB share, in its HTML5 serialisation."""

    def test_html_serialisation(self) -> None:
        """A doctype and no XML declaration, void elements without end tags, no xml:lang, escaped text and attributes."""
        tree = element(
            "html",
            {"lang": "nl", "dir": None},
            element("head", {}, element("meta", {"charset": "utf-8"}), element("title", {}, "a < b")),
            element(
                "body", {}, element("p", {"title": 'a "b" & <c>'}, "x < y && ]]> z &amp;"), element("div")
            ),
        )
        assert html_document(tree) == (
            b"<!DOCTYPE html>\n"
            b'<html lang="nl">\n'
            b"  <head>\n"
            b'    <meta charset="utf-8">\n'
            b"    <title>a &lt; b</title>\n"
            b"  </head>\n"
            b"  <body>\n"
            b'    <p title="a &quot;b&quot; &amp; &lt;c&gt;">x &lt; y &amp;&amp; ]]&gt; z &amp;amp;</p>\n'
            b"    <div></div>\n"
            b"  </body>\n"
            b"</html>\n"
        )

    def test_text_and_inline_elements_stay_on_their_line(self) -> None:
        """White space is added only between block elements, never inside a line of text, a heading or a link."""
        link = element("a", {"href": "https://example.org/"}, "site")
        tree = element("div", {}, element("h2", {}, link), element("p", {}, "a ", link, " b"))
        assert html_document(tree).decode() == (
            "<!DOCTYPE html>\n<div>\n"
            '  <h2><a href="https://example.org/">site</a></h2>\n'
            '  <p>a <a href="https://example.org/">site</a> b</p>\n'
            "</div>\n"
        )

    def test_raw_content_is_refused_when_it_could_end_its_element(self) -> None:
        """Raw content is written as it is, so any '<' in it is refused; a void element with children too."""
        assert html_document(element("script", {}, Raw('{"a": "\\u003c"}'))).endswith(
            b'{"a": "\\u003c"}</script>\n'
        )
        with pytest.raises(ValueError, match="contains '<'"):
            Raw("</script><script>alert(1)")
        with pytest.raises(ValueError, match="void element"):
            html_document(element("meta", {}, "text"))

    def test_text_direction(self) -> None:
        """The first strongly directional character decides, as HTML's dir=auto does."""
        assert text_direction("Hallo مرحبا") == "ltr"
        assert text_direction("2026: שלום") == "rtl"
        assert text_direction("123 – !") is None


WRITERS = [
    "_catalogue_page.py",
    "_epub.py",
    "_epub_cover.py",
    "_epub_documents.py",
    "_html.py",
    "_markup.py",
    "_outline_markup.py",
]


@pytest.mark.parametrize("module", WRITERS)
def test_writers_read_only_the_outline(module: str) -> None:
    """The document writers import neither the course model nor exporters._facts, even for type checking."""
    tree = ast.parse((REPO / "exporters" / module).read_text(encoding="utf-8"))
    imported = {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
        )
    }
    assert not imported & {"ncmw_course.model", "ncmw_course", "exporters._facts", "exporters._epub_markup"}


def test_stylesheets_are_package_data() -> None:
    """The page's and the book's stylesheets are files of the exporters package, read through importlib.resources."""
    from importlib.resources import files

    for name in ("page.css", "epub.css"):
        assert (files("exporters") / "css" / name).is_file()
    assert page_css() == (REPO / "exporters" / "css" / "page.css").read_text(encoding="utf-8")


@given(course=courses())
@settings(deadline=None, max_examples=examples(25), suppress_health_check=[HealthCheck.too_slow])
def test_any_valid_course_renders_every_block(course: Course) -> None:
    """Any valid course, with markup, long texts and right-to-left script, renders well-nested with every block of its outline."""
    data = render(course, "html")
    page = parse(data)
    main = html_tree(data).find(".//main")
    assert main is not None
    assert rendered_events(main) == outline_events(brochure_outline(course), lead_heading=False)
    assert page.scripts == [("application/ld+json", render(course, "jsonld").decode("utf-8"))]


# In a real browser: Debian's chromium driven by Playwright, with axe-core from npm.

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
WIDTHS = (375, 1280)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian chromium under Playwright; for tests marked ``chromium``, which check for it."""
    executable = require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class BrowserVisit:
    """What happened while a page was open in Chromium at one width."""

    url: str
    console_errors: list[str]
    failed_requests: list[str]
    requests: list[str]
    json_ld: list[Any]
    violations: list[dict[str, Any]]
    scroll_width: int
    screenshot: Path


def visit(browser: Any, path: Path, width: int, screenshot: Path) -> BrowserVisit:
    """Open `path` at `width` CSS pixels, run axe-core, read the JSON-LD and take a full-page screenshot."""
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=True)
    page = context.new_page()
    console_errors: list[str] = []
    failed: list[str] = []
    requests: list[str] = []
    page.on(
        "console", lambda message: console_errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("request", lambda request: requests.append(request.url))
    url = path.as_uri()
    page.goto(url, wait_until="load")
    json_ld = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "nodes => nodes.map(node => JSON.parse(node.textContent))"
    )
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return BrowserVisit(
        url, console_errors, failed, requests, json_ld, result["violations"], scroll_width, screenshot
    )


def summary(violations: list[dict[str, Any]]) -> list[str]:
    """One line per axe violation: rule, impact and the first offending nodes."""
    return [
        f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes'][:3]]}"
        for item in violations
    ]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One chromium for the module's browser tests."""
    with chromium() as launched:
        yield launched


BROWSER_COURSES = {name: COURSES[name] for name in ("bundled", "full", "maximal", "markup")}


OVERFLOWING = """() => [...document.querySelectorAll('main p, main li, main dd, main dt, main h2, main h3')]
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .map(box => box.textContent.trim().slice(0, 50))"""
"""The text boxes whose content runs out of them sideways, by their first words."""


@pytest.mark.chromium
class TestInChromium:
    @pytest.mark.parametrize("width", [320, 375])
    def test_long_addresses_reflow(self, browser: Any, tmp_path: Path, width: int) -> None:
        """Long URLs with query strings and long e-mail addresses wrap: no sideways scrolling (WCAG 1.4.10), no box overflows."""
        path = tmp_path / "long.html"
        path.write_bytes(render(long_links_course(), "html"))
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(path.as_uri(), wait_until="load")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        overflowing = page.evaluate(OVERFLOWING)
        context.close()
        assert (scroll_width, overflowing) == (width, [])

    @pytest.mark.parametrize("name", list(BROWSER_COURSES))
    @pytest.mark.parametrize("width", WIDTHS)
    def test_page_in_chromium(self, browser: Any, tmp_path: Path, name: str, width: int) -> None:
        """The page loads with no console error, no failed or outside request, its JSON-LD, zero axe violations and no sideways scrolling."""
        course = BROWSER_COURSES[name]()
        path = tmp_path / f"{course.slug}.html"
        path.write_bytes(render(course, "html"))
        result = visit(browser, path, width, tmp_path / f"{name}-{width}.png")
        assert result.console_errors == []
        assert result.failed_requests == []
        assert result.requests == [result.url]
        assert result.json_ld == [json.loads(render(course, "jsonld"))]
        assert summary(result.violations) == []
        assert result.scroll_width <= width
        assert result.screenshot.stat().st_size > 10_000

    def test_print_stylesheet_lays_out_a4(self, browser: Any, tmp_path: Path, bundled_course: Course) -> None:
        """Printed by Chromium with the page's own @page size, the bundled course is an A4 PDF without the coloured band."""
        path = tmp_path / "page.html"
        path.write_bytes(render(bundled_course, "html"))
        context = browser.new_context()
        page = context.new_page()
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        background = page.eval_on_selector(".masthead", "node => getComputedStyle(node).backgroundColor")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        context.close()
        assert background == "rgba(0, 0, 0, 0)"
        media_box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert media_box is not None
        assert (round(float(media_box[1])), round(float(media_box[2]))) == (595, 842)


def test_readme_shows_the_web_page() -> None:
    """The README shows the committed screenshot of the web page."""
    assert "docs/course-page-1280.png" in (REPO / "README.md").read_text(encoding="utf-8")
    assert (REPO / "docs" / "course-page-1280.png").stat().st_size > 10_000
