"""LibreOffice kept apart: it reaches no network and loads no linked file, converts only the
sanitised brochure, and leaves no process or folder behind when the conversion is stopped."""

from __future__ import annotations

import contextlib
import http.server
import io
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest

from exporters._isolation import ISOLATION_VARIABLE, group_alive, network_prefix
from exporters._pdf import convert_docx
from ncmw_course import Course, ExportError, render
from tests.exporters.templates import SECRET, TRACKER, hostile_template


class Tracker(http.server.ThreadingHTTPServer):
    """A web server on localhost that counts the connections made to it and answers with an image."""

    accepted = 0

    def verify_request(self, request: object, client_address: object) -> bool:
        self.accepted += 1
        return True

    def connections(self, *, at_least: int = 0) -> int:
        """The connections accepted, once the server has had time to accept what reached it.

        Why wait: a client's connection is made when the kernel queues it, before the server's
        thread accepts it; counting at once could miss one.
        """
        if not at_least:
            time.sleep(0.5)
        deadline = time.monotonic() + 5
        while self.accepted < at_least and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.accepted


class _Image(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(TRACKER)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def tracker() -> Iterator[Tracker]:
    """A counting web server on 127.0.0.1, on a port of its own, for as long as the test runs."""
    server = Tracker(("127.0.0.1", 0), _Image)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def image_sizes(pdf: bytes) -> list[tuple[int, int]]:
    """(width, height) of every image of the PDF, page by page."""
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return [
            (int(image.Width), int(image.Height))
            for page in opened.pages
            for image in page.get_images().values()
        ]


def hostile(tmp_path: Path, port: int) -> Path:
    """The hostile template, its tracking image on `port`, its linked local file written."""
    secret = tmp_path / "geheim.png"
    secret.write_bytes(SECRET)
    return hostile_template(tmp_path / "huisstijl.docx", port=port, secret=secret)


@pytest.mark.libreoffice
def test_a_hostile_template_reaches_nothing(tmp_path: Path, tracker: Tracker, minimal_course: Course) -> None:
    """The PDF of a brochure with the hostile template: no request to the tracker, no local file, the logo kept."""
    pdf = render(minimal_course, "pdf", template=hostile(tmp_path, tracker.server_address[1]))
    assert tracker.connections() == 0
    assert image_sizes(pdf) == [(6, 4)]


def test_only_the_sanitised_brochure_is_converted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, minimal_course: Course
) -> None:
    """The pdf format hands LibreOffice the docx format's brochure, made from the sanitised template."""
    converted: list[bytes] = []
    monkeypatch.setattr("exporters._pdf.find_soffice", lambda name="pdf": "soffice")

    def convert(docx: bytes, moment: datetime) -> bytes:
        converted.append(docx)
        return b"%PDF-"

    monkeypatch.setattr("exporters._pdf.convert_docx", convert)
    monkeypatch.setattr("exporters._pdf.with_keywords", lambda pdf, keywords: pdf)
    template = hostile(tmp_path, 9)
    render(minimal_course, "pdf", template=template)
    assert converted == [render(minimal_course, "docx", template=template)]


NO_SETTINGS = '<?xml version="1.0"?><oor:items xmlns:oor="http://openoffice.org/2001/registry"/>'


@pytest.mark.libreoffice
@pytest.mark.parametrize("isolation", ["namespace and profile", "profile alone", "namespace alone"])
def test_libreoffice_fetches_no_link_of_an_unsanitised_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tracker: Tracker, isolation: str
) -> None:
    """A Word file that links an image on localhost and a local file, given to LibreOffice as it is:
    no request arrives, by either defence alone; with the profile's settings the local file is not embedded."""
    if isolation == "profile alone":
        monkeypatch.setattr("exporters._pdf.network_prefix", list)
    elif isolation == "namespace alone":
        if not network_prefix():
            monkeypatch.setenv(ISOLATION_VARIABLE, "require")
            with pytest.raises(ExportError, match="cannot be run without network here"):
                network_prefix()
            return
        monkeypatch.setattr("exporters._isolation._REGISTRY", NO_SETTINGS)
    docx = hostile(tmp_path, tracker.server_address[1]).read_bytes()
    pdf = convert_docx(docx, datetime(2026, 11, 28, tzinfo=UTC))
    assert tracker.connections() == 0
    if isolation != "namespace alone":
        assert image_sizes(pdf) == [(6, 4)]


def test_without_network_a_program_cannot_reach_localhost(
    monkeypatch: pytest.MonkeyPatch, tracker: Tracker
) -> None:
    """What the network prefix runs cannot connect even to localhost; where none can be made, `require` refuses."""
    prefix = network_prefix()
    if not prefix:
        monkeypatch.setenv(ISOLATION_VARIABLE, "require")
        with pytest.raises(ExportError) as raised:
            network_prefix()
        assert str(raised.value) == (
            f"{ISOLATION_VARIABLE}=require, but LibreOffice cannot be run without network here: "
            "'unshare --net' needs root or unprivileged user namespaces (util-linux, Linux)"
        )
        return
    port = tracker.server_address[1]
    code = f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5)"
    jailed = subprocess.run(
        [*prefix, sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert jailed.returncode == 1
    assert "ConnectionRefusedError" in jailed.stderr or "OSError" in jailed.stderr
    subprocess.run([sys.executable, "-c", code], check=True)
    assert tracker.connections(at_least=1) == 1


def test_an_unknown_isolation_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """NCMW_COURSE_PDF_ISOLATION takes 'auto' or 'require', and says so."""
    monkeypatch.setenv(ISOLATION_VARIABLE, "off")
    with pytest.raises(ExportError) as raised:
        network_prefix()
    assert str(raised.value) == f"{ISOLATION_VARIABLE} must be 'auto' or 'require', not 'off'"


def libreoffice_processes(folder: Path) -> list[str]:
    """The command lines of the running processes that name `folder` (LibreOffice's, by its profile)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            command = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if str(folder) in command and "soffice" in command:
                found.append(command)
    return found


@pytest.mark.libreoffice
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_converting_leaves_nothing(tmp_path: Path, signum: int) -> None:
    """SIGTERM or SIGINT while LibreOffice converts: it is stopped, its folder removed, and the
    process ends by that signal."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    code = (  # Ctrl-C as in a terminal, even where the tests run in the background (SIGINT ignored)
        "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from ncmw_course import load_course; from exporters.pdf import PdfExporter\n"
        "PdfExporter().render_many([load_course()] * 20, lambda count: None)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(folder)}, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while not any("soffice.bin" in command for command in libreoffice_processes(folder)):
        assert time.monotonic() < deadline, "LibreOffice did not start"
        time.sleep(0.02)
    process.send_signal(signum)
    assert process.wait(timeout=30) == -signum
    assert list(folder.iterdir()) == []
    assert libreoffice_processes(folder) == []


ZOMBIE_GROUP = """
import os, sys, time
child = os.fork()
if child == 0:  # a group of its own, then it ends: a zombie, as its parent never collects it
    os.setpgid(0, 0)
    os._exit(0)
print(child, flush=True)
time.sleep(30)
"""


def test_a_group_of_zombies_has_ended() -> None:
    """A process group whose only member is a zombie is not waited for (LibreOffice's gpg helpers
    end as zombies that a container's init collects only now and then); a running member is."""
    parent = subprocess.Popen([sys.executable, "-c", ZOMBIE_GROUP], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        deadline = time.monotonic() + 5
        while Path(f"/proc/{child}/stat").read_bytes().rpartition(b")")[2].split()[0] != b"Z":
            assert time.monotonic() < deadline, "the child did not end"
            time.sleep(0.01)
        os.killpg(child, 0)  # the group is still there: the zombie is in it
        assert not group_alive(child)
        assert group_alive(os.getpgid(parent.pid))  # this test's own group runs
    finally:
        parent.kill()
        parent.communicate()
