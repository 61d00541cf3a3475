"""ncmw_course.preview: the page follows the file as it is saved, shows problems, and serves downloads."""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ncmw_course.preview import HOST, Preview, Server, serve
from tests.conftest import TESTDATA


@pytest.fixture
def course_file(tmp_path: Path) -> Path:
    """A copy of the full test course to edit."""
    path = tmp_path / "cursus.json"
    path.write_bytes((TESTDATA / "course_full.json").read_bytes())
    return path


@pytest.fixture
def server(course_file: Path) -> Iterator[Server]:
    """A running preview of the course file, stopped after the test."""
    running = serve(course_file)
    yield running
    running.stop()


def edit(path: Path, **changes: Any) -> None:
    """Save the course file with some top-level fields changed."""
    data = json.loads(path.read_bytes())
    path.write_text(json.dumps({**data, **changes}, ensure_ascii=False), encoding="utf-8")


def fetch(url: str) -> tuple[int, bytes]:
    """The status and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_valid_course_is_its_web_page_with_a_bar_and_the_reload_script(course_file: Path) -> None:
    """The page is the html export, with the download bar and the reload script added."""
    preview = Preview(course_file)
    preview.refresh()
    page = preview.page.decode("utf-8")
    assert preview.valid
    assert "<h1>Gespreksvoering bij scheiding</h1>" in page
    assert '<a style="color:#fff" href="/brochure.docx">Word</a>' in page
    assert "new EventSource('/events')" in page


def test_a_broken_course_is_a_page_of_its_problems(course_file: Path) -> None:
    """An invalid file gives the located problems, escaped, instead of the course."""
    course_file.write_text('{"title": "<b>"', encoding="utf-8")
    preview = Preview(course_file)
    preview.refresh()
    page = preview.page.decode("utf-8")
    assert not preview.valid
    assert f"{course_file}:1:16: not valid JSON" in page
    assert "<b>" not in page


def test_saving_the_file_renders_the_page_again(server: Server, course_file: Path) -> None:
    """A save makes a new version with the new text; the server binds to localhost only."""
    assert server.url.startswith(f"http://{HOST}:")
    seen = server.preview.version
    edit(course_file, title="Een nieuwe titel")
    assert server.preview.wait(seen, timeout=5) == seen + 1
    status, page = fetch(server.url)
    assert (status, b"<h1>Een nieuwe titel</h1>" in page) == (200, True)


def test_downloads_are_the_current_brochure(server: Server) -> None:
    """/brochure.docx is the course's Word brochure; an unknown path is 404."""
    status, data = fetch(server.url + "brochure.docx")
    assert status == 200
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert fetch(server.url + "elsewhere")[0] == 404


def test_a_download_of_a_broken_course_says_why(server: Server, course_file: Path) -> None:
    """While the file is invalid, a download answers 409 with the problem."""
    seen = server.preview.version
    course_file.write_text("{", encoding="utf-8")
    server.preview.wait(seen, timeout=5)
    status, body = fetch(server.url + "brochure.docx")
    assert (status, body.decode("utf-8").startswith(f"{course_file}:")) == (409, True)


@pytest.mark.chromium
def test_the_browser_follows_the_file(server: Server, course_file: Path) -> None:
    """In Chromium: an edit shows within a second, a broken file shows its located error, a fix brings the page back."""
    from tests.exporters.test_html import chromium

    with chromium() as browser:
        page = browser.new_page()
        page.goto(server.url)
        assert page.text_content("h1") == "Gespreksvoering bij scheiding"
        edit(course_file, title="Bewerkt in de editor")
        page.wait_for_function(
            "document.querySelector('h1').textContent === 'Bewerkt in de editor'", timeout=1000
        )
        course_file.write_text('{"title": "half', encoding="utf-8")
        page.wait_for_selector("[role=alert]", timeout=1000)
        assert f"{course_file}:1:" in (page.text_content("[role=alert]") or "")
        edit_back = json.loads((TESTDATA / "course_full.json").read_bytes())
        course_file.write_text(json.dumps(edit_back, ensure_ascii=False), encoding="utf-8")
        page.wait_for_function(
            "document.querySelector('h1') && !document.querySelector('[role=alert]')", timeout=1000
        )
        assert page.text_content("h1") == "Gespreksvoering bij scheiding"


def test_the_command_serves_until_ctrl_c(course_file: Path) -> None:
    """preview prints its address, serves the page there, and Ctrl-C stops it cleanly: exit 0."""
    import signal
    import subprocess
    import sys

    command = [sys.executable, "-m", "ncmw_course", "preview", str(course_file), "--port", "0", "--no-open"]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None
        line = process.stderr.readline()
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        assert line == (
            f"Previewing {course_file} at {url} (saved changes show there by themselves; Ctrl-C stops)\n"
        )
        assert url.startswith(f"http://{HOST}:")
        status, page = fetch(url)
        assert (status, b"<h1>Gespreksvoering bij scheiding</h1>" in page) == (200, True)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert process.stderr.read() == "Stopped the preview\n"
