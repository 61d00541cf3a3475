"""``python -m ncmw_course``: the same as the ``ncmw-course`` command."""

from ncmw_course.cli import main

main()
