"""External programs that check our output: found, or a failure in CI and a visible skip elsewhere."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def require(program: str, install: str) -> str:
    """The path of `program`. Missing in CI, the test fails; elsewhere it is skipped, saying why."""
    path = shutil.which(program)
    if path is not None:
        return path
    message = f"{program} is not installed; install {install} (.ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_folder(folder: Path, what: str) -> Path:
    """`folder`, when it exists. Missing in CI, the test fails; elsewhere it is skipped, saying where it looked.

    Only the shared schema files may be absent on a developer's machine; CI always has them.
    """
    if folder.is_dir():
        return folder
    message = f"{what} is not at {folder}; see ../shared/schemas/README.md"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
