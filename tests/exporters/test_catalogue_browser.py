"""The catalogue page in Debian's Chromium: search and filters narrow the list to exactly the courses
they should, the address keeps them, without JavaScript every course is listed; axe-core, reflow at
320 px and Lighthouse on the 200-course catalogue; a course page and the catalogue link to each other.

The site is served over HTTP on 127.0.0.1 (gzip, as a web server does), so that the address bar,
reloading and Lighthouse behave as on a real site.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import threading
import unicodedata
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from ncmw_course.building import build
from ncmw_course.listing import Card, catalogue_listing
from tests.catalogue_courses import TODAY, generated_catalogue
from tests.conftest import REPO, copy_courses
from tests.exporters.test_html import OVERFLOWING, chromium, summary, visit
from tests.system import require

pytestmark = pytest.mark.chromium

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Site(http.server.SimpleHTTPRequestHandler):
    """Serves a folder as a web server does: gzip for who asks, and no favicon (204) rather than a 404."""

    def do_GET(self) -> None:
        if urlsplit(self.path).path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        zipped = "gzip" in self.headers.get("Accept-Encoding", "")
        body = gzip.compress(body, mtime=0) if zipped else body
        self.send_response(200)
        self.send_header(
            "Content-Type", "text/html; charset=utf-8" if path.suffix == ".html" else "text/plain"
        )
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 200 generated courses built with html and catalogue-html on TODAY."""
    courses = tmp_path_factory.mktemp("courses")
    for course in generated_catalogue():
        (courses / f"{course.slug}.json").write_text(course.model_dump_json(), encoding="utf-8")
    out = tmp_path_factory.mktemp("site")
    summary = build([courses], out, formats=["html", "catalogue-html"], options={"today": TODAY.isoformat()})
    assert (summary.ok, summary.written) == (True, 201)
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site's address on 127.0.0.1, on a free port; stopped after the module."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Site, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        thread.join(timeout=5)
        httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def fold(text: str) -> str:
    """Lower case without accents, as the page's script compares."""
    return "".join(
        char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
    ).lower()


def matching(cards: tuple[Card, ...], words: str, town: str, register: str) -> list[str]:
    """The pages of the cards a search for `words` in `town` with `register` should show, in order."""
    found = []
    for card in cards:
        text = fold(" ".join([card.title, card.meta.description, *card.meta.keywords]))
        chosen = town in card.values("town") and register in card.values("register")
        if chosen and all(word in text for word in fold(words).split()):
            found.append(card.page or "")
    return found


def shown(page: Any) -> list[str]:
    """The pages of the cards the page shows, in order."""
    result: list[str] = page.eval_on_selector_all(
        "#courses > li:not([hidden]) h2 a", "links => links.map(link => link.getAttribute('href'))"
    )
    return result


def test_search_town_and_register_narrow_the_list_and_the_address_keeps_them(
    browser: Any, server: str
) -> None:
    """Typing a subject and choosing a town and a register show exactly the courses that match all three,
    announce how many, put them in the address; a reload and the shared address show the same."""
    cards = catalogue_listing(generated_catalogue(), TODAY).cards
    words = "Schéiding"  # typed with an accent the titles lack: matched all the same
    choices = [
        (town, register, matching(cards, words, town, register))
        for town in ("Baarlo", "Roermond", "Utrecht", "Den Haag", "Zwolle")
        for register in ("Registerplein", "SKJ", "NIP")
    ]
    town, register, expected = max(choices, key=lambda choice: len(choice[2]))
    assert 1 < len(expected) < 20
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "catalogue.html")
    assert len(shown(page)) == 200
    page.locator("#q").press_sequentially(words, delay=10)
    page.select_option("#filter-town", town)
    page.select_option("#filter-register", register)
    assert shown(page) == expected
    assert page.text_content("#count") == f"{len(expected)} van 200 cursussen"
    query = {key: values[0] for key, values in parse_qs(urlsplit(page.url).query).items()}
    assert query == {"q": words, "town": town, "register": register}
    page.reload()
    assert shown(page) == expected
    assert (
        page.input_value("#q"),
        page.input_value("#filter-town"),
        page.input_value("#filter-register"),
    ) == (
        words,
        town,
        register,
    )
    shared = context.new_page()
    shared.goto(page.url)
    assert shown(shared) == expected
    page.click("button[type=reset]")
    page.wait_for_function("document.querySelectorAll('#courses > li[hidden]').length === 0")
    assert (len(shown(page)), page.text_content("#count"), urlsplit(page.url).query) == (
        200,
        "200 cursussen",
        "",
    )
    context.close()


def test_every_course_is_listed_without_javascript(browser: Any, server: str) -> None:
    """With JavaScript off, all 200 cards are shown, and the controls that would not work are not."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "catalogue.html?town=Baarlo")
    visible = page.locator("#courses > li").evaluate_all(
        "items => items.filter(item => item.checkVisibility()).length"
    )
    assert (visible, page.locator("#finder").is_visible(), page.text_content("#count")) == (
        200,
        False,
        "200 cursussen",
    )
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_no_axe_violations(browser: Any, site: Path, tmp_path: Path, width: int) -> None:
    """The 200-course catalogue: no console error, nothing fetched, zero axe-core violations."""
    result = visit(browser, site / "catalogue.html", width, tmp_path / f"catalogue-{width}.png")
    assert (result.console_errors, result.failed_requests, result.requests) == ([], [], [result.url])
    assert summary(result.violations) == []
    assert result.scroll_width <= width


def test_no_sideways_scrolling_at_320_px(browser: Any, server: str) -> None:
    """At 320 px (WCAG 1.4.10 Reflow) the page, its controls and its cards fit: nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 900})
    page = context.new_page()
    page.goto(server + "catalogue.html")
    controls = page.eval_on_selector_all(
        "#finder input, #finder select, #finder button",
        "nodes => nodes.filter(node => node.getBoundingClientRect().right > 320).length",
    )
    assert (page.evaluate("document.documentElement.scrollWidth"), page.evaluate(OVERFLOWING), controls) == (
        320,
        [],
        0,
    )
    context.close()


def test_the_pages_link_to_each_other(browser: Any, server: str) -> None:
    """From the catalogue to a course's page, and back through its "Alle cursussen" link."""
    first = catalogue_listing(generated_catalogue(), TODAY).cards[0]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "catalogue.html")
    page.click(f"#courses h2 a[href='{first.page}']")
    assert page.url == server + (first.page or "")
    page.click("nav.back a")
    assert page.url == server + "catalogue.html"
    context.close()


def test_lighthouse_scores_at_least_95(server: str, tmp_path: Path) -> None:
    """Lighthouse 12 (mobile, simulated throttling) on the 200-course catalogue: performance,
    accessibility, best practices and SEO each at least 95."""
    report = tmp_path / "lighthouse.json"
    command = [
        str(LIGHTHOUSE),
        server + "catalogue.html",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    environment = {**os.environ, "CHROME_PATH": require("chromium")}
    subprocess.run(command, check=True, env=environment, timeout=240, capture_output=True)
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    scores = {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
    assert {name: score for name, score in scores.items() if score < 95} == {}


def test_the_reference_catalogue_in_both_widths(browser: Any, tmp_path: Path) -> None:
    """The catalogue of the reference courses: zero axe violations at 375 and 1280 px, no sideways scrolling."""
    courses = copy_courses(
        tmp_path / "courses", "course_full.json", "course_runs.json", "course_maximal.json"
    )
    out = tmp_path / "site"
    build([courses], out, formats=["html", "catalogue-html"], options={"today": "2027-01-01"})
    for width in (375, 1280):
        result = visit(browser, out / "catalogue.html", width, tmp_path / f"reference-{width}.png")
        assert (summary(result.violations), result.console_errors, result.scroll_width <= width) == (
            [],
            [],
            True,
        )
