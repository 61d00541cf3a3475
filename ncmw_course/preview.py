"""A local web preview of a course while it is written: ``ncmw-course preview COURSE``.

The course's web page is served on localhost and made again, in this process, each time the file
is saved; the browser reloads by itself (Server-Sent Events). While the file is not a valid course,
the page shows the problems, located, instead; fixing the file brings the page back. A bar at the
top links the current Word brochure and, when LibreOffice is installed, the PDF.

Only ``127.0.0.1`` is bound: the preview is for the person writing, not for the network.
"""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Preview", "serve"]

HOST = "127.0.0.1"

_RELOAD_SCRIPT = "<script>new EventSource('/events').onmessage = () => location.reload();</script>"
_BAR_STYLE = (
    "position:sticky;top:0;z-index:10;margin:0;padding:.5rem 1rem;background:#1f2933;color:#fff;"
    "font:15px/1.4 system-ui,sans-serif"
)


@dataclass
class Preview:
    """The course file being previewed, and what it renders to now."""

    path: Path
    page: bytes = b""
    valid: bool = False
    version: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def refresh(self) -> None:
        """Read and render the file again, and tell the open pages to reload."""
        page, valid = self._render()
        with self.changed:
            self.page, self.valid = page, valid
            self.version += 1
            self.changed.notify_all()

    def _render(self) -> tuple[bytes, bool]:
        from ncmw_course.errors import NcmwCourseError
        from ncmw_course.exporting import render
        from ncmw_course.loading import load_course

        try:
            page = render(load_course(self.path), "html")
        except NcmwCourseError as error:
            return _error_page(self.path, str(error)), False
        return _with_bar(page, self.path), True

    def document(self, name: str) -> bytes:
        """The current Word brochure or PDF of the course.

        Raises:
            NcmwCourseError: The file is not a valid course, or the format cannot be made.
        """
        from ncmw_course.exporting import render
        from ncmw_course.loading import load_course

        return render(load_course(self.path), name)

    def wait(self, seen: int, timeout: float) -> int:
        """The version after `seen`, once there is one, or `seen` after `timeout` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


def _with_bar(page: bytes, path: Path) -> bytes:
    """The page with the preview's bar (downloads) at the top and the reload script at the end."""
    from ncmw_course.exporting import exporter_names

    links = ['<a style="color:#fff" href="/brochure.docx">Word</a>']
    if "pdf" in exporter_names() and _has_libreoffice():
        links.append('<a style="color:#fff" href="/brochure.pdf">PDF</a>')
    bar = (
        f'<p style="{_BAR_STYLE}" role="status">Preview of {html.escape(path.name)}: saved changes show '
        f"here by themselves · Download: {' · '.join(links)}</p>"
    )
    text = page.decode("utf-8")
    text = text.replace("<body>", f"<body>\n{bar}", 1).replace("</body>", f"{_RELOAD_SCRIPT}\n</body>", 1)
    return text.encode("utf-8")


def _has_libreoffice() -> bool:
    import shutil

    return any(shutil.which(program) for program in ("soffice", "libreoffice"))


def _error_page(path: Path, message: str) -> bytes:
    """A page that shows why the file is not a valid course, line by line, until it is fixed."""
    lines = "\n".join(html.escape(line) for line in message.splitlines())
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(path.name)}: not a valid course yet</title>\n</head>\n"
        '<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem">\n'
        f"<h1>{html.escape(path.name)} is not a valid course yet</h1>\n"
        "<p>Fix what is listed here and save the file; this page then shows the course.</p>\n"
        f'<pre style="white-space:pre-wrap;background:#fdecea;padding:1rem" role="alert">{lines}</pre>\n'
        f"{_RELOAD_SCRIPT}\n</body>\n</html>\n"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    """Serves the page, the downloads and the reload events of one preview."""

    preview: ClassVar[Preview]
    stopping: ClassVar[threading.Event]
    DOCUMENTS: ClassVar[dict[str, tuple[str, str]]] = {
        "/brochure.docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "/brochure.pdf": ("pdf", "application/pdf"),
    }

    def do_GET(self) -> None:
        if self.path == "/":
            self._send(200, "text/html; charset=utf-8", self.preview.page)
        elif self.path == "/events":
            self._events()
        elif self.path in self.DOCUMENTS:
            self._document(*self.DOCUMENTS[self.path])
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found\n")

    def _document(self, name: str, media_type: str) -> None:
        from ncmw_course.errors import NcmwCourseError

        try:
            data = self.preview.document(name)
        except NcmwCourseError as error:
            self._send(409, "text/plain; charset=utf-8", f"{error}\n".encode())
            return
        self._send(200, media_type, data, f'attachment; filename="{self.preview.path.stem}.{name}"')

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.preview.version
        try:
            while not self.stopping.is_set():
                now = self.preview.wait(seen, timeout=1)
                message = b"data: reload\n\n" if now != seen else b": waiting\n\n"
                seen = now
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded

    def _send(self, status: int, media_type: str, body: bytes, disposition: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if disposition:
            self.send_header("Content-Disposition", disposition)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the terminal shows the preview's own lines


@dataclass
class Server:
    """A running preview: its address, and how to stop it."""

    url: str
    preview: Preview
    stop: Callable[[], None]


def serve(path: str | Path, port: int = 0) -> Server:
    """Start previewing `path` on ``127.0.0.1:port`` (0: a free port) in background threads.

    The file is watched (with watchfiles) and rendered again on every save. Call ``stop()`` to end.
    """
    import watchfiles

    preview = Preview(Path(path))
    preview.refresh()
    stopping = threading.Event()
    handler = type("Handler", (_Handler,), {"preview": preview, "stopping": stopping})
    server = ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True

    watching = threading.Event()

    def watch() -> None:
        folder, name = preview.path.resolve().parent, preview.path.name
        # yield_on_timeout: a first, empty yield says the watch is in place (saves before it are missed)
        changes_seen = watchfiles.watch(
            folder, stop_event=stopping, debounce=50, step=20, rust_timeout=100, yield_on_timeout=True
        )
        for changes in changes_seen:
            watching.set()
            if any(Path(changed).name == name for _, changed in changes):
                preview.refresh()

    threads = [
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True),
        threading.Thread(target=watch, daemon=True),
    ]
    for thread in threads:
        thread.start()
    watching.wait(timeout=10)

    def stop() -> None:
        stopping.set()
        server.shutdown()
        server.server_close()
        for thread in threads:
            thread.join(timeout=5)

    bound = server.server_address[1]
    return Server(f"http://{HOST}:{bound}/", preview, stop)
