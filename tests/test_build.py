"""The build's machinery: chunks of courses for the workers.

What the build does is tested through the command in tests/test_cli.py (reports, --jobs, the
progress bar on a terminal) and tests/exporters/test_pdf.py (one LibreOffice run per chunk).
"""

from __future__ import annotations

import pytest

from ncmw_course._build import chunks


@pytest.mark.parametrize(
    ("tasks", "jobs", "sizes"),
    [
        (0, 2, []),
        (1, 2, [1]),
        (10, 2, [5, 5]),  # one chunk a worker: each starts LibreOffice once
        (100, 2, [50, 50]),
        (101, 2, [26, 26, 26, 23]),  # two a worker: one that finishes early takes the next
        (1000, 2, [167] * 5 + [165]),  # never over 200 at once, and as many chunks for each worker
        (1000, 3, [167] * 5 + [165]),
        (7, 1, [7]),
    ],
)
def test_chunks(tasks: int, jobs: int, sizes: list[int]) -> None:
    """Consecutive chunks, in order, sized for the workers."""
    made = chunks(list(range(tasks)), jobs)
    assert [len(chunk) for chunk in made] == sizes
    assert [task for chunk in made for task in chunk] == list(range(tasks))
