"""The ``ncmw-course`` command line.

Exit codes: 0 when all went well; 1 for a problem with the data or the output (printed on stderr as
``Error: …``); 2 for a usage error. Documents and reports go to stdout, status messages to stderr.

Only click is imported at start-up; each command imports what it needs, so that ``--help`` is fast.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, ParamSpec, Protocol, Self, TypeVar

import click

from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    import multiprocessing.queues
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    from ncmw_course.exporting import CatalogueExporter, Exporter
    from ncmw_course.model import Course

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
U = TypeVar("U")

DEFAULT_OUTPUT_DIR = "dist"

BUNDLED = "the bundled course"

CHECK_TARGETS = ("accreditation", "edudex", "jsonld")
"""What ``check --for`` takes: the checklists of :mod:`ncmw_course.readiness` (a test keeps them in step),
named here so that ``--help`` does not import the checklists."""


def _as_path(value: str) -> Path:
    from pathlib import Path  # imported when a command runs: --help needs no pathlib

    return Path(value)


def _paths(_context: click.Context, _parameter: click.Parameter, value: object) -> object:
    """A click callback: the text of a path parameter (or of each, for several) as a Path."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(_as_path(item) for item in value)
    assert isinstance(value, str)
    return _as_path(value)


def handle_user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn an :class:`NcmwCourseError` into ``Error: …`` and exit 1; bugs keep their traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except NcmwCourseError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


def _check_format(name: str) -> str:
    from ncmw_course.exporting import exporter_names

    names = exporter_names()
    if name not in names:
        choices = ", ".join(names) or "none (is ncmw-course installed?)"
        msg = f"unknown format {name!r}; choose one of: {choices}"
        raise click.BadParameter(msg, param_hint="FORMAT")
    return name


def _format_argument(_context: click.Context, _parameter: click.Parameter, value: str) -> str:
    return _check_format(value)


def _format_options(
    _context: click.Context, _parameter: click.Parameter, values: Sequence[str]
) -> tuple[str, ...]:
    return tuple(_check_format(value) for value in values)


def _load(path: Path | None) -> Course:
    from ncmw_course.loading import load_course

    return load_course(path)


def _or_bundled(courses: Sequence[Path]) -> Sequence[Path | None]:
    """The course paths given, or the bundled course (``None``) when there are none."""
    return courses or [None]


def _shown(path: Path | None) -> str:
    return BUNDLED if path is None else str(path)


def _option_pairs(
    _context: click.Context, _parameter: click.Parameter, values: Sequence[str]
) -> dict[str, str]:
    pairs = {}
    for value in values:
        key, equals, setting = value.partition("=")
        if not equals or not key.strip():
            msg = f"{value!r} is not NAME=VALUE, such as -O template=house.docx"
            raise click.BadParameter(msg, param_hint="'-O'")
        pairs[key.strip()] = setting
    return pairs


def exporter_options(command: Callable[P, R]) -> Callable[P, R]:
    """The options that are passed on to exporters: ``--template FILE`` and ``-O NAME=VALUE``."""
    command = click.option(
        "-O",
        "--option",
        "extra_options",
        metavar="NAME=VALUE",
        multiple=True,
        callback=_option_pairs,
        help="An option for the exporter; repeat for several. 'ncmw-course formats' lists them.",
    )(command)
    return click.option(
        "--template",
        metavar="FILE",
        type=click.Path(),
        callback=_paths,
        help="A Word file whose styles, page setup, header and footer the brochure takes (docx).",
    )(command)


def _collect(template: Path | None, extra_options: dict[str, str]) -> dict[str, object]:
    options: dict[str, object] = dict(extra_options)
    if template is not None:
        options["template"] = template
    return options


def _check_options(format_names: Sequence[str], options: dict[str, object], *, every: bool) -> None:
    """Each option must be accepted by the format (`every`) or by at least one of the formats."""
    from ncmw_course.exporting import exporter_info

    accepted = {name: {option.name for option in exporter_info(name).options} for name in format_names}
    for key in options:
        takers = [name for name in format_names if key in accepted[name]]
        if (every and len(takers) < len(format_names)) or not takers:
            hint = "--template" if key == "template" else "'-O'"
            formats = " or ".join(format_names)
            msg = f"{formats} has no option {key!r}; see 'ncmw-course formats'"
            raise click.BadParameter(msg, param_hint=hint)


courses_argument = click.argument(
    "courses", metavar="[COURSE]...", nargs=-1, type=click.Path(), callback=_paths
)


@click.group(name="ncmw-course", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ncmw-course", prog_name="ncmw-course")
def cli() -> None:
    """Publish NCMW course descriptions from one course file.

    A course file is JSON (see 'ncmw-course schema'). COURSE defaults to the
    bundled course, "Ontrouw binnen de relatie".

    \b
    Examples:
      ncmw-course validate my-course.json
      ncmw-course export json my-course.json -o catalogue/my-course.json
      ncmw-course build
    """


@cli.command()
@courses_argument
@handle_user_errors
def validate(courses: Sequence[Path]) -> None:
    """Check course files and print one summary line for each.

    Exits 1 and lists every problem when a file is not a valid course.

    \b
    Example:
      ncmw-course validate data/course.json other-course.json
    """
    failed = 0
    for path in _or_bundled(courses):
        try:
            course = _load(path)
        except NcmwCourseError as error:
            click.echo(f"Error: {error}", err=True)
            failed += 1
            continue
        topics = sum(len(day.topics) for day in course.days)
        facts = [
            _count(len(course.days), "day"),
            _count(topics, "topic"),
            _count(len(course.trainers), "trainer"),
        ]
        click.echo(f"{_shown(path)}: valid: “{course.title}” ({course.slug}), {', '.join(facts)}")
    if failed:
        raise SystemExit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@cli.command()
@handle_user_errors
def formats() -> None:
    """List the output formats.

    Shows each format's name, file extension, media type and description,
    and the options it accepts.

    \b
    Example:
      ncmw-course formats
    """
    from ncmw_course.exporting import exporter_info, exporter_names

    infos = [exporter_info(name) for name in exporter_names()]
    name_width = max(len(info.name) for info in infos)
    extension_width = max(len(info.file_extension) for info in infos)
    indent = " " * (name_width + extension_width + 4)
    for info in infos:
        scope = " (one file for all courses)" if info.scope == "catalogue" else ""
        click.echo(
            f"{info.name.ljust(name_width)}  {info.file_extension.ljust(extension_width)}  {info.description}{scope}"
        )
        click.echo(f"{indent}{info.media_type}")
        for option in info.options:
            flag = "--template FILE" if option.name == "template" else f"-O {option.name}=VALUE"
            click.echo(f"{indent}option {flag}: {option.help}")


@cli.command()
@click.argument("format_name", metavar="FORMAT", callback=_format_argument)
@click.argument("course", metavar="[COURSE]", required=False, type=click.Path(), callback=_paths)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    type=click.Path(allow_dash=True),
    callback=_paths,
    help="Where to write the document; '-' for stdout.  [default: dist/<slug><extension>]",
)
@exporter_options
@handle_user_errors
def export(
    format_name: str,
    course: Path | None,
    output: Path | None,
    template: Path | None,
    extra_options: dict[str, str],
) -> None:
    """Write one course in one FORMAT (see 'ncmw-course formats').

    \b
    Examples:
      ncmw-course export json
      ncmw-course export json my-course.json -o site/my-course.json
      ncmw-course export json -o - | jq .title
    """
    from ncmw_course.exporting import exporter_info, render
    from ncmw_course.loading import load_course

    options = _collect(template, extra_options)
    _check_options([format_name], options, every=True)
    loaded = load_course(course)
    data = render(loaded, format_name, **options)
    if output is not None and str(output) == "-":
        stdout = sys.stdout.buffer
        try:
            stdout.write(data)
            stdout.flush()
        except BrokenPipeError:  # the reader stopped early, as `head` does
            pass
        return
    from ncmw_course._files import write_atomically

    target = (
        output or _as_path(DEFAULT_OUTPUT_DIR) / f"{loaded.slug}{exporter_info(format_name).file_extension}"
    )
    write_atomically(target, data)
    click.echo(f"Wrote {target}", err=True)


@cli.command()
@courses_argument
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    type=click.Path(file_okay=False),
    callback=_paths,
    default=DEFAULT_OUTPUT_DIR,
    show_default=True,
    help="The folder to write into.",
)
@click.option(
    "-f",
    "--format",
    "format_names",
    metavar="FORMAT",
    multiple=True,
    callback=_format_options,
    help="A format to build; repeat for several.  [default: every format]",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Treat a format the course is not ready for as an error, instead of skipping it.",
)
@click.option(
    "-j",
    "--jobs",
    metavar="N",
    type=click.IntRange(min=1),
    help="How many courses to build at once, in separate processes.  [default: the number of CPUs]",
)
@exporter_options
@handle_user_errors
def build(
    courses: Sequence[Path],
    output_dir: Path,
    format_names: Sequence[str],
    strict: bool,
    jobs: int | None,
    template: Path | None,
    extra_options: dict[str, str],
) -> None:
    """Write every format of every course into a folder.

    COURSE may be a course file or a folder of them (its *.json files). Each
    course gets <slug><extension> in DIR for every format (or those chosen
    with -f); catalogue formats write one catalogue<extension> for all courses.

    A course that is not valid is reported, the others are still built, and
    the exit code is 1. A format a course is not ready for (such as edudex
    without its codes) is skipped and named, with the check command to run;
    with --strict that is an error too.

    Courses are built in parallel (--jobs); the report keeps their order. On
    a terminal, a build of several courses shows a progress bar.

    \b
    Examples:
      ncmw-course build
      ncmw-course build courses/ -o site/ -f json -f catalogue-json
      ncmw-course build --strict my-course.json
    """
    from ncmw_course._files import write_atomically
    from ncmw_course.exporting import exporter_info, exporter_names, render_catalogue

    names = list(format_names) or exporter_names()
    options = _collect(template, extra_options)
    _check_options(names, options, every=False)
    infos = {name: exporter_info(name) for name in names}
    options_for = {
        name: {key: value for key, value in options.items() if key in {o.name for o in infos[name].options}}
        for name in names
    }
    failures = skipped = written = 0
    built: dict[str, tuple[str, Course]] = {}

    def report(error: NcmwCourseError | str) -> None:
        nonlocal failures
        click.echo(f"Error: {error}", err=True)
        failures += 1

    def write(target: Path, data: bytes) -> None:
        nonlocal written
        write_atomically(target, data)
        click.echo(f"Wrote {target}", err=True)
        written += 1

    files = _course_files(courses, report)
    plan = _BuildPlan(
        output_dir=output_dir,
        formats=tuple((name, infos[name].file_extension) for name in names if infos[name].scope == "course"),
        options=options_for,
        strict=strict,
    )
    _EXPORTERS.clear()  # a fresh registry lookup per build; worker processes start from this state
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    outcomes: list[str | None] = []  # per file in order: its error, or None when it is built
    to_build: list[tuple[Path | None, Course]] = []
    bar = _wants_bar(len(files))
    with _Workers(jobs, ticks=bar) as workers:
        # load every course first, to refuse a second course with a slug before anything is written
        for path, loaded in zip(files, workers.map(_load_course_file, files), strict=True):
            if isinstance(loaded, str):
                outcomes.append(loaded)
            elif loaded.slug in built:
                outcomes.append(
                    f"{_shown(path)}: has the slug {loaded.slug!r}, like {built[loaded.slug][0]}; "
                    "give each course its own slug"
                )
            else:
                built[loaded.slug] = (_shown(path), loaded)
                to_build.append((path, loaded))
                outcomes.append(None)
        with _progress(len(to_build) * len(plan.formats) if bar else 0) as progress:
            reports = workers.build(plan, _chunks(to_build, jobs), progress.advance)
            for outcome in outcomes:  # the report in the order of the files
                if outcome is not None:
                    progress.show([f"Error: {outcome}"])
                    failures += 1
                    continue
                lines = []
                for kind, text in next(reports):
                    if kind == "wrote":
                        lines.append(f"Wrote {text}")
                        written += 1
                    elif kind == "skipped":
                        lines.append(text)
                        skipped += 1
                    else:
                        lines.append(f"Error: {text}")
                        failures += 1
                progress.show(lines)
    catalogue_courses = [course for _, course in built.values()]
    for name in names:
        if infos[name].scope == "catalogue" and catalogue_courses:
            try:
                write(
                    output_dir / f"catalogue{infos[name].file_extension}",
                    render_catalogue(catalogue_courses, name),
                )
            except NcmwCourseError as error:
                report(error)
    summary = f"Built {_count(written, 'file')} for {_count(len(built), 'course')} in {output_dir}"
    if skipped:
        summary += f"; skipped {_count(skipped, 'file')}"
    if failures:
        summary += f"; {_count(failures, 'problem')} reported above"
    click.echo(summary, err=True)
    if failures:
        raise SystemExit(1)


@dataclasses.dataclass(frozen=True)
class _BuildPlan:
    """What a worker needs to build one course: where, which per-course formats, their options."""

    output_dir: Path
    formats: tuple[tuple[str, str], ...]
    """(name, file extension) of each per-course format, in the order of the build."""
    options: dict[str, dict[str, object]]
    strict: bool


_EXPORTERS: dict[str, Exporter | CatalogueExporter] = {}
"""The exporters of the current build, by name: created once per process, not once per course."""


def _load_course_file(path: Path | None) -> Course | str:
    """The course in `path`, or the error message (a string pickles, every exception does not)."""
    try:
        return _load(path)
    except NcmwCourseError as error:
        return str(error)


def _chunks(tasks: list[T], jobs: int) -> list[list[T]]:
    """`tasks` in consecutive chunks for the workers: one per worker for up to 50 courses a worker,
    else two or more per worker, as many for each worker, and never over 200 courses.

    Why chunks: an exporter with ``render_many`` (pdf) starts its converter once per chunk rather
    than once per course (LibreOffice takes over a second to start, and about 60 ms a brochure
    after that), and a chunk is one round trip between processes. Why two per worker for larger
    builds: when one worker finishes early, it takes the next. Why at most 200: a chunk's documents
    are held in memory until they are written.
    """
    per_worker = 1 if len(tasks) <= 50 * jobs else 2
    count = max(jobs * per_worker, -(-len(tasks) // 200))
    count = -(-count // jobs) * jobs  # a multiple of the workers, so that they finish together
    size = max(1, -(-len(tasks) // count))
    return [tasks[start : start + size] for start in range(0, len(tasks), size)]


def _build_courses(plan: _BuildPlan, tasks: list[tuple[Path | None, Course]]) -> list[list[tuple[str, str]]]:
    """Render and write every per-course format of some courses, in a worker; return their reports.

    Each course's report lists, format by format, ``("wrote", path)``, ``("skipped", line)`` or
    ``("error", message)``.
    """
    from ncmw_course._files import write_atomically
    from ncmw_course.errors import MissingToolError, NotReadyError
    from ncmw_course.exporting import get_exporter, render_each

    events: list[list[tuple[str, str]]] = [[] for _ in tasks]
    courses = [course for _, course in tasks]
    for name, extension in plan.formats:
        try:
            exporter = _EXPORTERS.get(name)
            if exporter is None:
                exporter = _EXPORTERS[name] = get_exporter(name, **plan.options[name])
            results = render_each(exporter, courses, name, _TICKS.tick)
        except NcmwCourseError as error:
            results = [error] * len(courses)
        for (path, course), result, report in zip(tasks, results, events, strict=True):
            if isinstance(result, bytes):
                target = plan.output_dir / f"{course.slug}{extension}"
                try:
                    write_atomically(target, result)
                except NcmwCourseError as error:
                    report.append(("error", str(error)))
                else:
                    report.append(("wrote", str(target)))
            elif isinstance(result, NotReadyError) and not plan.strict:
                fields = ", ".join(item.split(":", 1)[0] for item in result.missing)
                command = f"ncmw-course check --for {name}" + (f" {path}" if path is not None else "")
                line = f"Skipped {name} for {course.slug}: not ready; missing {fields} (see '{command}')"
                report.append(("skipped", line))
            elif isinstance(result, MissingToolError) and not plan.strict:
                report.append(("skipped", f"Skipped {name} for {course.slug}: {result}"))
            else:
                report.append(("error", str(result)))
    return events


class _Ticks:
    """Counts the documents a worker has rendered, for the progress bar of the process that started it.

    Counts are sent at most every tenth of a second (`send`), so that a build of thousands of
    documents sends a few hundred messages rather than one per document.
    """

    def __init__(self, send: Callable[[int], None] | None = None) -> None:
        self.send = send
        self.pending = 0
        self.last = 0.0

    def tick(self, documents: int = 1) -> None:
        if self.send is None:
            return
        self.pending += documents
        now = time.monotonic()
        if now - self.last >= 0.1:
            self.flush()
            self.last = now

    def flush(self) -> None:
        if self.send is not None and self.pending:
            self.send(self.pending)
            self.pending = 0


_TICKS = _Ticks()
"""This process's document counter; a worker's sends to the pool's queue (see :class:`_Workers`)."""


def _start_worker(counts: multiprocessing.queues.Queue[int] | None) -> None:
    global _TICKS  # set once, when a worker process starts
    _TICKS = _Ticks(counts.put if counts is not None else None)


def _build_and_flush(
    plan: _BuildPlan, tasks: list[tuple[Path | None, Course]]
) -> list[list[tuple[str, str]]]:
    try:
        return _build_courses(plan, tasks)
    finally:
        _TICKS.flush()


class _Workers:
    """Runs the build's steps in this process (one job) or on a pool of `jobs` processes.

    Why processes: rendering is pure Python (lxml, zipfile), so threads would share one core. With
    `ticks`, workers report each document done, for the progress bar.
    """

    def __init__(self, jobs: int, *, ticks: bool) -> None:
        self.jobs = jobs
        self.ticks = ticks
        self.stack = contextlib.ExitStack()
        self.pool: ProcessPoolExecutor | None = None
        self.queue: multiprocessing.queues.Queue[int] | None = None

    def __enter__(self) -> Self:
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context()
            self.queue = context.Queue() if self.ticks else None
            self.pool = self.stack.enter_context(
                ProcessPoolExecutor(
                    max_workers=self.jobs,
                    mp_context=context,
                    initializer=_start_worker,
                    initargs=(self.queue,),
                )
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stack.close()

    def map(self, function: Callable[[T], U], items: Sequence[T]) -> Iterator[U]:
        """``function`` over `items`, results in order."""
        if self.pool is None:
            return map(function, items)
        # a few chunks per worker: fewer round trips than one item each, still balanced
        return self.pool.map(function, items, chunksize=max(1, len(items) // (self.jobs * 8)))

    def build(
        self, plan: _BuildPlan, chunks: list[list[tuple[Path | None, Course]]], advance: Callable[[int], None]
    ) -> Iterator[list[tuple[str, str]]]:
        """Each course's report, in order; calls `advance` with the documents done meanwhile."""
        global _TICKS  # in this process, the bar is advanced directly
        if self.pool is None:
            _TICKS = _Ticks(advance if self.ticks else None)
            for chunk in chunks:
                yield from _build_and_flush(plan, chunk)
            return
        futures = [self.pool.submit(_build_and_flush, plan, chunk) for chunk in chunks]
        for future in futures:
            while self.queue is not None and not future.done():
                self._drain(advance, wait=0.05)
            reports = future.result()
            if self.queue is not None:
                self._drain(advance, wait=0)
            yield from reports

    def _drain(self, advance: Callable[[int], None], wait: float) -> None:
        import queue

        assert self.queue is not None
        try:
            advance(self.queue.get(timeout=wait) if wait else self.queue.get_nowait())
            while True:
                advance(self.queue.get_nowait())
        except queue.Empty:
            pass


def _wants_bar(courses: int) -> bool:
    """A progress bar only for several courses, and only on a terminal: quiet in pipes and CI."""
    return courses >= 2 and sys.stderr.isatty()


class _Progress(Protocol):
    def show(self, lines: list[str]) -> None: ...
    def advance(self, documents: int) -> None: ...


@contextlib.contextmanager
def _progress(total: int) -> Iterator[_Progress]:
    """Prints report lines on stderr; with a `total` of documents, a progress bar stays below them."""
    stream = sys.stderr
    if not total:

        class Lines:
            def show(self, lines: list[str]) -> None:
                for line in lines:
                    click.echo(line, err=True)

            def advance(self, documents: int) -> None:
                pass

        yield Lines()
        return
    with click.progressbar(length=total, label="Building", file=stream, show_pos=True) as bar:

        class Bar:
            def show(self, lines: list[str]) -> None:
                if lines:
                    click.echo("\r\x1b[K" + "\n".join(lines), err=True)  # over the bar, which render redraws
                    bar.render_progress()

            def advance(self, documents: int) -> None:
                bar.update(documents)

        yield Bar()


def _course_files(paths: Sequence[Path], report: Callable[[NcmwCourseError], None]) -> list[Path | None]:
    """The course files to build: files as given, the *.json files of folders; the bundled course if none."""
    if not paths:
        return [None]
    files: list[Path | None] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(item for item in path.glob("*.json") if item.is_file())
        if not found:
            report(NcmwCourseError(f"{path}: the folder has no course files (*.json)"))
        files.extend(found)
    return files


@cli.command()
@click.option(
    "--for",
    "target",
    required=True,
    type=click.Choice(CHECK_TARGETS),
    help="What to check the course against.",
)
@click.argument("course", metavar="[COURSE]", required=False, type=click.Path(), callback=_paths)
@handle_user_errors
def check(target: str, course: Path | None) -> None:
    """Report whether a course has what a target needs.

    Lists each requirement as present or missing. Exits 0 when the course is
    ready and 1 when something is missing. Targets: edudex (the EDU-DEX feed),
    jsonld (schema.org Course data that search engines show), accreditation
    (what the registers' accreditation wizards ask for).

    \b
    Examples:
      ncmw-course check --for edudex
      ncmw-course check --for accreditation my-course.json
    """
    from ncmw_course.readiness import check_readiness

    loaded = _load(course)
    readiness = check_readiness(loaded, target)
    total, missing = len(readiness.requirements), len(readiness.missing)
    verdict = (
        f"is ready for {target}"
        if readiness.ready
        else f"is not ready for {target}: {missing} of {total} missing"
    )
    click.echo(f"{_shown(course)} (“{loaded.title}”) {verdict}")
    width = max(len(requirement.field) for requirement in readiness.requirements)
    for requirement in readiness.requirements:
        status = "present" if requirement.present else "MISSING"
        click.echo(f"  {status}  {requirement.field.ljust(width)}  {requirement.description}")
    if not readiness.ready:
        raise SystemExit(1)


@cli.command()
@click.option("--catalogue", is_flag=True, help="Print the schema of catalogue.json instead.")
def schema(catalogue: bool) -> None:
    """Print the JSON Schema of course files.

    Editors use it to check and complete course files: point "$schema" in a
    course file at a saved copy. With --catalogue, the schema of the
    catalogue JSON that build writes.

    \b
    Example:
      ncmw-course schema > course.schema.json
    """
    import json

    if catalogue:
        from ncmw_course.catalogue import catalogue_json_schema

        click.echo(json.dumps(catalogue_json_schema(), ensure_ascii=False, indent=2))
        return
    from ncmw_course.model import course_json_schema

    click.echo(json.dumps(course_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    """Run the command line (the ``ncmw-course`` script and ``python -m ncmw_course``)."""
    cli(prog_name="ncmw-course")
