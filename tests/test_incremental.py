"""Incremental builds: a build into a folder it built before makes only what changed (issue 19).

Asserted from the events and from the files' modification times (each test first sets every file
of the folder to an old time, so that a file written again shows). Not timed: the benchmark times it.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from ncmw_course._manifest import MANIFEST, Manifest, read_manifest
from ncmw_course.building import BuildEvent, Kept, Planned, Removed, Wrote, build
from ncmw_course.cli import cli
from tests.conftest import TESTDATA
from tests.exporters.templates import make_template

FORMATS = ["json", "html", "docx", "catalogue-json", "catalogue-html"]
OLD = 1_000_000_000  # 2001: before any file a test writes


@pytest.fixture
def courses(tmp_path: Path) -> Path:
    """A folder of three courses: the minimal one, the full one, and a third made from the full one."""
    folder = tmp_path / "courses"
    folder.mkdir()
    full = json.loads((TESTDATA / "course_full.json").read_bytes())
    (folder / "a.json").write_bytes((TESTDATA / "course_minimal.json").read_bytes())
    (folder / "b.json").write_text(json.dumps(full), encoding="utf-8")
    (folder / "c.json").write_text(json.dumps({**full, "slug": "derde-cursus"}), encoding="utf-8")
    return folder


def run(
    courses: Path | list[Path],
    out: Path,
    formats: list[str] = FORMATS,
    *,
    options: dict[str, object] | None = None,
    force: bool = False,
) -> list[BuildEvent]:
    """Build, with every file of `out` first set to an old time; the events."""
    if out.is_dir():
        for path in out.iterdir():
            os.utime(path, ns=(OLD * 10**9, OLD * 10**9))
    events: list[BuildEvent] = []
    paths = courses if isinstance(courses, list) else [courses]
    build(paths, out, formats=formats, options=options, force=force, on_event=events.append)
    return events


def written(out: Path) -> set[str]:
    """The files of `out` written since :func:`run` made them old (the manifest aside)."""
    return {
        path.name for path in out.iterdir() if path.stat().st_mtime_ns > OLD * 10**9 and path.name != MANIFEST
    }


def names(events: list[BuildEvent], kind: type[Wrote | Kept | Removed]) -> set[str]:
    return {
        event.path.name
        for event in events
        if isinstance(event, Wrote | Kept | Removed) and isinstance(event, kind)
    }


def change_title(path: Path, title: str) -> None:
    document = json.loads(path.read_bytes())
    path.write_text(json.dumps({**document, "title": title}), encoding="utf-8")


ALL_OF_B = {f"gespreksvoering-bij-scheiding.{extension}" for extension in ("json", "html", "docx")}
CATALOGUES = {"catalogue.json", "catalogue.html"}


def test_a_second_build_keeps_everything(tmp_path: Path, courses: Path) -> None:
    """Nothing changed: every document is Kept, nothing is written, and the summary says so."""
    out = tmp_path / "site"
    first = run(courses, out)
    assert len(names(first, Wrote)) == 11
    events: list[BuildEvent] = []
    for path in out.iterdir():
        os.utime(path, ns=(OLD * 10**9, OLD * 10**9))
    summary = build([courses], out, formats=FORMATS, on_event=events.append)
    assert written(out) == set()
    assert events[0] == Planned(files=3, courses=3, documents=0)
    assert names(events, Kept) == names(first, Wrote)
    assert str(summary) == f"Built 0 files for 3 courses in {out}; kept 11 unchanged files"
    assert (
        str(next(event for event in events if isinstance(event, Kept)))
        == f"Kept {out / 'minimale-cursus.json'} (unchanged)"
    )


def test_a_changed_course_rewrites_its_files_and_the_catalogues_only(tmp_path: Path, courses: Path) -> None:
    """One course file changed: exactly that course's documents and the catalogues are written again."""
    out = tmp_path / "site"
    run(courses, out)
    change_title(courses / "b.json", "Gespreksvoering, herzien")
    events = run(courses, out)
    assert written(out) == ALL_OF_B | CATALOGUES
    assert names(events, Wrote) == ALL_OF_B | CATALOGUES
    assert len(names(events, Kept)) == 6
    assert events[0] == Planned(files=3, courses=3, documents=3)
    assert "Gespreksvoering, herzien" in (out / "gespreksvoering-bij-scheiding.html").read_text(
        encoding="utf-8"
    )


def test_the_catalogues_follow_the_courses_and_their_order(tmp_path: Path, courses: Path) -> None:
    """The same courses in another order: no course document, but the catalogues, are written again."""
    out = tmp_path / "site"
    files = sorted(courses.iterdir())
    run(files, out)
    run(list(reversed(files)), out)
    assert written(out) == CATALOGUES


@pytest.mark.parametrize("how", ["deleted", "changed", "touched"])
def test_a_file_changed_in_the_folder_is_made_again(tmp_path: Path, courses: Path, how: str) -> None:
    """A document deleted or changed by hand is written again; one touched but unchanged is kept."""
    out = tmp_path / "site"
    run(courses, out)
    target = out / "minimale-cursus.html"
    if how == "deleted":
        target.unlink()
    elif how == "changed":
        target.write_text("edited by hand", encoding="utf-8")
    events = run(courses, out)  # "touched": run() sets its time
    assert written(out) == (set() if how == "touched" else {target.name})
    assert names(events, Wrote) == (set() if how == "touched" else {target.name})
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")


def test_a_changed_template_rebuilds_the_word_brochures_only(tmp_path: Path, courses: Path) -> None:
    """A template given, or its bytes changed: every docx is made again, and nothing else."""
    out = tmp_path / "site"
    template = make_template(tmp_path / "house.docx")
    run(courses, out)
    run(courses, out, options={"template": template})
    assert written(out) == {"minimale-cursus.docx", "gespreksvoering-bij-scheiding.docx", "derde-cursus.docx"}
    run(courses, out, options={"template": template})
    assert written(out) == set()
    changed = docx.Document(str(template))
    changed.styles["Heading 1"].font.name = "Arial"
    changed.save(str(template))
    run(courses, out, options={"template": template})
    assert written(out) == {"minimale-cursus.docx", "gespreksvoering-bij-scheiding.docx", "derde-cursus.docx"}


def test_a_changed_option_rebuilds_the_formats_that_take_it(tmp_path: Path, courses: Path) -> None:
    """Another --today: the catalogue page is made again, and nothing else."""
    out = tmp_path / "site"
    run(courses, out, options={"today": "2027-01-01"})
    run(courses, out, options={"today": "2027-01-01"})
    assert written(out) == set()
    run(courses, out, options={"today": "2027-06-01"})
    assert written(out) == {"catalogue.html"}


def test_the_catalogue_page_is_made_again_on_another_day(
    tmp_path: Path, courses: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --today the page shows the runs from the build's day: on the next day it is made again."""
    import exporters.catalogue_html

    out = tmp_path / "site"
    monkeypatch.setattr(exporters.catalogue_html, "build_date", lambda: date(2027, 1, 1))
    run(courses, out)
    monkeypatch.setattr(exporters.catalogue_html, "build_date", lambda: date(2027, 1, 2))
    run(courses, out)
    assert written(out) == {"catalogue.html"}


def test_the_catalogue_page_follows_the_files_the_build_wrote(tmp_path: Path, courses: Path) -> None:
    """The same courses, now with their pages: the catalogue page, which links to them, is made again."""
    out = tmp_path / "site"
    run(courses, out, ["json", "catalogue-json", "catalogue-html"])
    assert "derde-cursus.html" not in (out / "catalogue.html").read_text(encoding="utf-8")
    run(courses, out, ["json", "html", "catalogue-json", "catalogue-html"])
    pages = {"minimale-cursus.html", "gespreksvoering-bij-scheiding.html", "derde-cursus.html"}
    assert written(out) == pages | {"catalogue.html"}
    assert 'href="derde-cursus.html"' in (out / "catalogue.html").read_text(encoding="utf-8")
    run(courses, out, ["json", "html", "catalogue-json", "catalogue-html"])
    assert written(out) == set()


def test_source_date_epoch_rebuilds_everything(
    tmp_path: Path, courses: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SOURCE_DATE_EPOCH dates documents: set, or changed, every document is made again."""
    out = tmp_path / "site"
    run(courses, out)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run(courses, out)
    assert len(written(out)) == 11
    run(courses, out)
    assert written(out) == set()


def test_another_version_of_ncmw_course_rebuilds_everything(
    tmp_path: Path, courses: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change to ncmw-course's own files (an update, or an edit in an editable install) makes all again."""
    out = tmp_path / "site"
    run(courses, out)
    monkeypatch.setattr("ncmw_course._fingerprints.code_stamp", lambda: "another ncmw-course")
    run(courses, out)
    assert len(written(out)) == 11


def test_a_format_built_alone_keeps_the_records_of_the_others(tmp_path: Path, courses: Path) -> None:
    """A build of one format leaves the other formats' documents recorded: a full build keeps them."""
    out = tmp_path / "site"
    run(courses, out)
    change_title(courses / "a.json", "Minimaal, herzien")
    run(courses, out, formats=["json"])
    assert written(out) == {"minimale-cursus.json"}
    run(courses, out)
    assert written(out) == {"minimale-cursus.html", "minimale-cursus.docx"} | CATALOGUES


def test_force_makes_everything_again(tmp_path: Path, courses: Path) -> None:
    out = tmp_path / "site"
    run(courses, out)
    events = run(courses, out, force=True)
    assert len(written(out)) == len(names(events, Wrote)) == 11


@pytest.mark.parametrize(
    "manifest",
    [
        b"",
        b"{",
        b"[]",
        b'{"manifest": "another tool", "version": 1, "courses": {}, "catalogues": {}}',
        b'{"manifest": "ncmw-course build manifest", "version": 99, "courses": {}, "catalogues": {}}',
        b"\xff\xfe",
    ],
    ids=["empty", "truncated", "not an object", "foreign", "another version", "not UTF-8"],
)
def test_a_damaged_or_foreign_manifest_gives_a_full_build(
    tmp_path: Path, courses: Path, manifest: bytes
) -> None:
    """A manifest that cannot be trusted is none: everything is made, and a good manifest written."""
    out = tmp_path / "site"
    run(courses, out)
    (out / MANIFEST).write_bytes(manifest)
    events = run(courses, out)
    assert len(written(out)) == len(names(events, Wrote)) == 11
    assert read_manifest(out) is not None


def test_a_manifest_that_names_files_outside_the_folder_is_damaged(tmp_path: Path, courses: Path) -> None:
    """A record whose file name holds a folder (``../``) makes the manifest damaged: nothing outside
    the folder is ever kept or removed."""
    out = tmp_path / "site"
    run(courses, out)
    document = json.loads((out / MANIFEST).read_bytes())
    record = document["courses"]["minimale-cursus"]["outputs"]["json"]
    document["courses"]["gone"] = {"path": None, "outputs": {"json": ["../courses/a.json", *record[1:]]}}
    (out / MANIFEST).write_text(json.dumps(document), encoding="utf-8")
    assert read_manifest(out) is None
    run(courses, out)
    assert (courses / "a.json").exists()


def test_the_documents_of_a_removed_course_are_removed(tmp_path: Path, courses: Path) -> None:
    """A course no longer built loses its documents, each reported; one changed by hand is left."""
    out = tmp_path / "site"
    run(courses, out)
    (out / "derde-cursus.html").write_text("edited by hand", encoding="utf-8")
    (courses / "c.json").unlink()
    events = run(courses, out)
    removed = [event for event in events if isinstance(event, Removed)]
    assert [str(event) for event in removed] == [
        f"Removed {out / name} (the course derde-cursus is no longer built)"
        for name in ("derde-cursus.json", "derde-cursus.docx")
    ]
    assert not (out / "derde-cursus.json").exists()
    assert (out / "derde-cursus.html").read_text(encoding="utf-8") == "edited by hand"
    assert written(out) == CATALOGUES
    manifest = read_manifest(out)
    assert manifest is not None
    assert "derde-cursus" not in manifest.courses


def test_a_course_that_became_invalid_keeps_its_documents(tmp_path: Path, courses: Path) -> None:
    """A course file in the build that is not valid now is an error, and its documents stay."""
    out = tmp_path / "site"
    run(courses, out)
    (courses / "c.json").write_text("{", encoding="utf-8")
    events = run(courses, out)
    assert not [event for event in events if isinstance(event, Removed)]
    assert (out / "derde-cursus.json").exists()
    assert written(out) == CATALOGUES  # the catalogues list the valid courses
    manifest = read_manifest(out)
    assert manifest is not None
    assert "derde-cursus" in manifest.courses


def test_a_course_with_a_new_slug_replaces_its_documents(tmp_path: Path, courses: Path) -> None:
    out = tmp_path / "site"
    run(courses, out)
    document = json.loads((courses / "c.json").read_bytes())
    (courses / "c.json").write_text(json.dumps({**document, "slug": "vierde-cursus"}), encoding="utf-8")
    events = run(courses, out)
    assert names(events, Removed) == {"derde-cursus.json", "derde-cursus.html", "derde-cursus.docx"}
    assert written(out) == {"vierde-cursus.json", "vierde-cursus.html", "vierde-cursus.docx"} | CATALOGUES


def test_the_manifest_reads_back(tmp_path: Path, courses: Path) -> None:
    """The manifest records each document written, and reads back as written."""
    out = tmp_path / "site"
    run(courses, out)
    data = (out / MANIFEST).read_bytes()
    manifest = Manifest.from_bytes(data)
    assert manifest.to_bytes() == data
    assert sorted(manifest.courses) == ["derde-cursus", "gespreksvoering-bij-scheiding", "minimale-cursus"]
    assert manifest.courses["minimale-cursus"].path == str(courses / "a.json")
    assert sorted(manifest.catalogues) == ["catalogue-html", "catalogue-json"]
    record = manifest.courses["minimale-cursus"].outputs["json"]
    assert (record.file, record.size) == (
        "minimale-cursus.json",
        (out / "minimale-cursus.json").stat().st_size,
    )


def test_the_command_line_reports_it(tmp_path: Path, courses: Path) -> None:
    """The CLI: Removed lines, the summary's counts, Kept lines only with -v, and --force."""
    runner = CliRunner()
    out = tmp_path / "site"
    arguments = ["build", str(courses), "-o", str(out), "-f", "json", "-f", "catalogue-json"]
    assert runner.invoke(cli, arguments).exit_code == 0
    (courses / "c.json").unlink()
    result = runner.invoke(cli, arguments)
    assert result.stderr == (
        f"Wrote {out / 'catalogue.json'}\n"
        f"Removed {out / 'derde-cursus.json'} (the course derde-cursus is no longer built)\n"
        f"Built 1 file for 2 courses in {out}; kept 2 unchanged files; removed 1 file\n"
    )
    verbose = runner.invoke(cli, ["-v", *arguments])
    assert f"Kept {out / 'minimale-cursus.json'} (unchanged)\n" in verbose.stderr
    forced = runner.invoke(cli, [*arguments, "--force"])
    assert forced.stderr.endswith(f"Built 3 files for 2 courses in {out}\n")


def test_the_fingerprints_follow_libreoffice_and_the_exporters_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pdf's fingerprint changes with the LibreOffice that converts, docx's does not; both change
    with the version of the package that registers the exporter."""
    from ncmw_course._fingerprints import fingerprints
    from ncmw_course.exporting import exporter_info, get_exporter

    infos = [exporter_info("pdf"), exporter_info("docx")]
    exporters = {info.name: get_exporter(info.name) for info in infos}

    def made(libreoffice: str, version: str) -> dict[str, str | None]:
        monkeypatch.setattr("exporters._pdf.libreoffice_identity", lambda: libreoffice)
        monkeypatch.setattr("ncmw_course._fingerprints._version", lambda _name: version)
        return fingerprints(infos, {"pdf": {}, "docx": {}}, exporters)

    first = made("LibreOffice 7.4", "1.0")
    assert made("LibreOffice 7.4", "1.0") == first
    other_libreoffice = made("LibreOffice 24.2", "1.0")
    assert (other_libreoffice["pdf"] != first["pdf"], other_libreoffice["docx"] == first["docx"]) == (
        True,
        True,
    )
    other_version = made("LibreOffice 7.4", "1.1")
    assert other_version["pdf"] != first["pdf"]
    assert other_version["docx"] != first["docx"]


def test_an_exporter_that_cannot_say_its_environment_is_never_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from ncmw_course._fingerprints import fingerprints
    from ncmw_course.errors import ExportError
    from ncmw_course.exporting import exporter_info, get_exporter

    def fails() -> str:
        msg = "cannot tell"
        raise ExportError(msg)

    monkeypatch.setattr("exporters._pdf.libreoffice_identity", fails)
    info = exporter_info("pdf")
    assert fingerprints([info], {"pdf": {}}, {"pdf": get_exporter("pdf")}) == {"pdf": None}
