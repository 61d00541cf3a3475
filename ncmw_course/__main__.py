"""``python -m ncmw_course``: the same as the ``ncmw-course`` command.

``python -m`` puts the current directory first on ``sys.path``. The built-in exporters are the
top-level package ``exporters``, so a folder of that name where the command runs would be imported
in their place, and every built-in format would fail to load. Before the command is imported, the
current directory is taken off the path again: the command runs as with ``python -P``. (The
``ncmw-course`` script has no such entry on its path.)
"""

from __future__ import annotations

import os
import sys


def drop_current_directory(path: list[str]) -> None:
    """Take the current directory off the front of `path`, where ``python -m`` put it."""
    here = os.getcwd()  # noqa: PTH109 (a str, as on sys.path; and --help imports no pathlib)
    if not sys.flags.safe_path and path and path[0] in ("", here):
        del path[0]


def run() -> None:
    """Run the command line with the path that ``python -P`` would give."""
    drop_current_directory(sys.path)
    from ncmw_course.cli import main

    main()


if __name__ == "__main__":
    run()
