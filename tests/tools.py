"""External programs that check our output: found, or a failure in CI and a visible skip elsewhere."""

from __future__ import annotations

import os
import shutil

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
