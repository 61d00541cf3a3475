"""``ncmw-course preview``: the course's web page on localhost, following the file as it is saved."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

import click

from ncmw_course._cli_common import Stopped, collect_garbage, handle_user_errors, status
from ncmw_course._cli_params import paths

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DEFAULT_PORT", "preview"]

DEFAULT_PORT = 8000


@click.command()
@click.argument("course", metavar="COURSE", type=click.Path(readable=False), callback=paths)
@click.option(
    "-p",
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="The port on 127.0.0.1; 0 for any free one. When the default is taken, a free one is used.",
)
@click.option("--open/--no-open", "open_browser", default=True, help="Open the page in the web browser.")
@handle_user_errors
def preview(course: Path, port: int, open_browser: bool) -> None:
    """Show COURSE as its web page, made again every time the file is saved.

    The page reloads by itself. While the file is not a valid course, the
    page lists its problems, with their lines, instead. A bar at the top
    downloads the Word brochure (and the PDF, when LibreOffice is installed).
    Only this computer can open the page. Ctrl-C stops the preview.

    \b
    Example:
      ncmw-course preview mijn-cursus.yaml
    """
    from ncmw_course.errors import OutputError
    from ncmw_course.preview import serve

    collect_garbage()  # it renders again on every save, for as long as it runs
    try:
        server = serve(course, port)
    except OSError as error:
        if error.errno != errno.EADDRINUSE or port != DEFAULT_PORT:
            msg = f"cannot serve the preview on port {port}: {error.strerror}; choose another with --port"
            raise OutputError(msg) from None
        server = serve(course, 0)
    status(f"Previewing {course} at {server.url} (saved changes show there by themselves; Ctrl-C stops)")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        import threading

        threading.Event().wait()
    except Stopped:
        status("Stopped the preview")
    finally:
        server.stop()
