"""``ncmw-course new``: start a course file to fill in (see :mod:`ncmw_course.newcourse`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ncmw_course._cli_common import STDIN, detail, handle_user_errors, status
from ncmw_course._cli_params import paths

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["new"]

_SUFFIXES = {".yaml": False, ".yml": False, ".json": True}
"""The names a course file may have, and whether each is JSON."""


@click.command()
@click.argument("slug", required=False)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(allow_dash=True, dir_okay=False, readable=False, writable=False),
    callback=paths,
    help="The file to write, .yaml or .json; '-' for stdout.  [default: <slug>.yaml]",
)
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of YAML (JSON has no comments).")
@click.option("--force", is_flag=True, help="Replace the file when it exists.")
@handle_user_errors
def new(slug: str | None, output: Path | None, as_json: bool, force: bool) -> None:
    """Write a new course file to fill in.

    Every field is in it, with a comment that says what it is and gives an
    example: the required fields first, to fill in (each "" is refused by
    'validate' until it is), then the optional ones, commented out. SLUG
    defaults to the output's name, or nieuwe-cursus. The file names the
    schema, so that editors check and complete it as you type.

    \b
    Examples:
      ncmw-course new mijn-cursus
      ncmw-course new -o cursussen/mijn-cursus.yaml
      ncmw-course new mijn-cursus --json
    """
    from ncmw_course.newcourse import DEFAULT_SLUG, course_template, schema_path, slug_from

    to_stdout = output is not None and str(output) == STDIN
    if output is not None and not to_stdout:
        as_json = _json_by_name(output, as_json)
    slug = (
        _checked_slug(slug) if slug else slug_from(output.stem) if output and not to_stdout else DEFAULT_SLUG
    )
    suffix = ".json" if as_json else ".yaml"
    target = output or _path(f"{slug}{suffix}")
    detail(f"Schema: {schema_path()}")
    import shlex

    shown = None if to_stdout else shlex.quote(str(target))  # printed: named as the slug's file
    text = course_template(slug, as_json=as_json, name=shown)
    if to_stdout:
        click.echo(text, nl=False)
        return
    _write_new(target, text, force=force)
    status(f"Wrote {target}")
    status(
        f'Next: fill in each "" in {target}, then check it with: ncmw-course validate {shlex.quote(str(target))}'
    )


def _path(name: str) -> Path:
    from pathlib import Path

    return Path(name)


def _json_by_name(output: Path, as_json: bool) -> bool:
    """Whether to write JSON, by the name of the output; a name that is no course file's is refused."""
    by_name = _SUFFIXES.get(output.suffix.lower())
    if by_name is None:
        right = f"{output.stem}.json" if as_json else f"{output.stem}.yaml"
        msg = f"a course file is named .yaml or .json; name it {right}"
        raise click.BadParameter(msg, param_hint="'-o' / '--output'")
    if as_json and not by_name:
        msg = f"--json writes JSON; name the file {output.stem}.json, or leave out --json for YAML"
        raise click.BadParameter(msg, param_hint="'-o' / '--output'")
    return by_name


def _checked_slug(slug: str) -> str:
    """`slug`, when it is one (lower-case words joined by hyphens), as the published schema says."""
    import re

    from ncmw_course.newcourse import schema_path

    pattern = _pattern(schema_path())
    if re.fullmatch(pattern, slug):
        return slug
    from ncmw_course.newcourse import slug_from

    msg = f"{slug!r} is not a slug: use lower-case letters a-z, digits and single hyphens, such as {slug_from(slug)!r}"
    raise click.BadParameter(msg, param_hint="SLUG")


def _pattern(schema: Path) -> str:
    import json

    pattern: str = json.loads(schema.read_text(encoding="utf-8"))["properties"]["slug"]["pattern"]
    return pattern


def _write_new(target: Path, text: str, *, force: bool) -> None:
    """Write `text` to `target`, which must not exist unless `force`.

    Raises:
        OutputError: The file exists (without `force`), or cannot be written.
    """
    from ncmw_course._files import write_atomically
    from ncmw_course.errors import OutputError

    if target.exists() and not force:
        msg = f"{target} already exists; choose another name with -o, or replace it with --force"
        raise OutputError(msg)
    write_atomically(target, text.encode("utf-8"))
