"""The ncmw-course command line: exact output, exit codes, and help for every command."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ncmw_course import load_course, render
from ncmw_course._cli_params import BUILT_IN_FLAGS
from ncmw_course._manifest import MANIFEST
from ncmw_course.building import output_name
from ncmw_course.cli import cli
from ncmw_course.exporting import exporter_info, exporter_names

from .conftest import REPO, TESTDATA

SLUG = "ontrouw-binnen-de-relatie"
VALID_BUNDLED = "the bundled course: valid: “Ontrouw binnen de relatie” (ontrouw-binnen-de-relatie), 2 days, 9 topics, 1 trainer\n"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner working in an empty folder, so that default output lands in tmp_path/dist."""
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def broken_course(tmp_path: Path) -> Path:
    """A course file with one unknown key."""
    data = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    data["titel"] = data.pop("title")
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


class TestValidate:
    def test_bundled_course(self, runner: CliRunner) -> None:
        """With no argument, the bundled course is checked and summarised on stdout."""
        result = runner.invoke(cli, ["validate"])
        assert (result.exit_code, result.stdout, result.stderr) == (0, VALID_BUNDLED, "")

    def test_several_files(self, runner: CliRunner) -> None:
        """One summary line per course."""
        minimal, full = TESTDATA / "course_minimal.json", TESTDATA / "course_full.json"
        result = runner.invoke(cli, ["validate", str(minimal), str(full)])
        assert result.exit_code == 0
        assert result.stdout == (
            f"{minimal}: valid: “Minimale cursus” (minimale-cursus), 1 day, 0 topics, 1 trainer\n"
            f"{full}: valid: “Gespreksvoering bij scheiding” (gespreksvoering-bij-scheiding), "
            "3 days, 7 topics, 2 trainers\n"
        )

    def test_invalid_file_lists_every_problem(self, runner: CliRunner, tmp_path: Path) -> None:
        """An invalid course exits 1 with one line per problem on stderr and no traceback."""
        broken = broken_course(tmp_path)
        result = runner.invoke(cli, ["validate", str(TESTDATA / "course_minimal.json"), str(broken)])
        assert result.exit_code == 1
        assert result.stderr == (
            f"Error: {broken}:37:3: titel: unknown key; did you mean 'title'? That field is required and missing\n"
        )
        assert "Traceback" not in result.output

    def test_missing_file(self, runner: CliRunner) -> None:
        """A missing file is a data error (exit 1), not a usage error."""
        result = runner.invoke(cli, ["validate", "nope.json"])
        assert (result.exit_code, result.stdout, result.stderr) == (
            1,
            "",
            "Error: nope.json: no such file; check the path\n",
        )


def minimal_with(change: str) -> str:
    """The minimal course file as text, with one thing broken."""
    data = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    if change == "unknown key":
        data["titel"] = "x"
    elif change == "wrong type":
        data["programme"]["days"][0]["ordinal"] = "1"
    elif change == "missing field":
        del data["method"]
    elif change == "control character":
        data["title"] = "Minimale\u0000cursus"
    elif change == "bad e-mail":
        data["contact"]["email"] = "cursus@"
    return json.dumps(data, indent=2)


@pytest.mark.parametrize(
    ("case", "line"),
    [
        (
            "malformed JSON",
            "c.json:1:2: not valid JSON: a comma where a key or value should be; remove it, or write the missing item before it",
        ),
        ("unknown key", "c.json:38:3: titel: unknown key; did you mean 'title'?"),
        (
            "wrong type",
            "c.json:19:20: programme.days[0].ordinal: expected a whole number such as 2, found text '1'",
        ),
        ("missing field", "c.json:1:1: method: required, but missing; add it"),
        (
            "control character",
            "c.json:6:12: title: contains U+0000 at character 9: a character that Word and EPUB documents cannot carry; remove it",
        ),
        (
            "bad e-mail",
            "c.json:33:14: contact.email: 'cursus@' is not a valid e-mail address: there must be something after the @-sign; write one such as 'info@ncmw.nl'",
        ),
        ("missing file", "c.json: no such file; check the path"),
    ],
)
def test_bad_input_is_one_line_per_problem(runner: CliRunner, tmp_path: Path, case: str, line: str) -> None:
    """Each kind of bad input exits 1 with exactly one located line, and no traceback."""
    if case == "malformed JSON":
        (tmp_path / "c.json").write_text("{,}", encoding="utf-8")
    elif case != "missing file":
        (tmp_path / "c.json").write_text(minimal_with(case), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "c.json"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {line}\n")
    assert result.exception is None or isinstance(result.exception, SystemExit)


class TestFormats:
    def test_lists_every_exporter(self, runner: CliRunner) -> None:
        """Each registered format is listed with its extension, description and media type."""
        result = runner.invoke(cli, ["formats"])
        assert result.exit_code == 0
        listed = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
        assert listed == exporter_names()
        lines = result.stdout.splitlines()
        json_line = next(line for line in lines if line.startswith("json "))
        assert json_line.split(None, 2)[1:] == [
            ".json",
            "Canonical course JSON, for catalogue sites and other NCMW tools",
        ]
        assert lines[lines.index(json_line) + 1].strip() == "application/json"

    def test_lists_the_options_of_a_format(self, runner: CliRunner) -> None:
        """A format's options are listed under it."""
        result = runner.invoke(cli, ["formats"])
        assert (
            "option --template FILE: A Word file whose styles, page setup, header and footer to use\n"
            in result.stdout
        )


class TestExport:
    def test_default_output_path(self, runner: CliRunner, tmp_path: Path) -> None:
        """Without -o the document goes to dist/<slug><extension>, and stderr says so."""
        result = runner.invoke(cli, ["export", "json"])
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote dist/{SLUG}.json\n")
        assert (tmp_path / "dist" / f"{SLUG}.json").read_bytes() == render(load_course(), "json")

    def test_output_file_in_new_folder(self, runner: CliRunner, tmp_path: Path) -> None:
        """-o into a folder that does not exist creates it."""
        result = runner.invoke(
            cli, ["export", "json", str(TESTDATA / "course_full.json"), "-o", "a/b/c.json"]
        )
        assert (result.exit_code, result.stderr) == (0, "Wrote a/b/c.json\n")
        assert (
            json.loads((tmp_path / "a/b/c.json").read_text(encoding="utf-8"))["slug"]
            == "gespreksvoering-bij-scheiding"
        )

    def test_stdout(self, runner: CliRunner) -> None:
        """-o - writes the document's bytes to stdout and nothing to stderr."""
        result = runner.invoke(cli, ["export", "json", "-o", "-"])
        assert (result.exit_code, result.stdout_bytes, result.stderr) == (
            0,
            render(load_course(), "json"),
            "",
        )

    def test_output_is_a_directory(self, runner: CliRunner, tmp_path: Path) -> None:
        """-o pointing at a folder is a clear error."""
        (tmp_path / "out").mkdir()
        result = runner.invoke(cli, ["export", "json", "-o", "out"])
        assert (result.exit_code, result.stderr) == (
            1,
            "Error: out is a folder; give a file name to write to\n",
        )

    def test_unknown_format_is_a_usage_error(self, runner: CliRunner) -> None:
        """An unknown format exits 2 and lists the available ones."""
        result = runner.invoke(cli, ["export", "pdfx"])
        assert result.exit_code == 2
        assert result.stderr.endswith(
            f"Error: Invalid value for FORMAT: unknown format 'pdfx'; choose one of: {', '.join(exporter_names())}\n"
        )

    def test_invalid_course_writes_nothing(self, runner: CliRunner, tmp_path: Path) -> None:
        """A course that does not validate exits 1 and writes no file."""
        broken = broken_course(tmp_path)
        result = runner.invoke(cli, ["export", "json", str(broken)])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: {broken}:37:3: titel: unknown key")
        assert not (tmp_path / "dist").exists()


class TestExporterOptions:
    @pytest.fixture(autouse=True)
    def fake_plugin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin"))

    def test_option_reaches_a_third_party_exporter(self, runner: CliRunner) -> None:
        """-O NAME=VALUE is passed to the exporter that declares it."""
        result = runner.invoke(cli, ["export", "shout", "-O", "suffix=!", "-o", "-"])
        assert (result.exit_code, result.stdout) == (0, "ONTROUW BINNEN DE RELATIE!\n")

    def test_formats_lists_options(self, runner: CliRunner) -> None:
        """formats shows each option under its format, in the form it declares."""
        result = runner.invoke(cli, ["formats"])
        lines = [line.strip() for line in result.stdout.splitlines()]
        shout = next(number for number, line in enumerate(lines) if line.startswith("shout "))
        assert lines[shout + 1 : shout + 4] == [
            "text/plain",
            "option -O suffix=VALUE: Text to put after the title",
            "option --prefix TEXT: Text to put before the title",
        ]

    @pytest.mark.parametrize("given", [["--prefix", "> "], ["--prefix=> "], ["-O", "prefix=> "]])
    def test_declared_flag_or_option(self, runner: CliRunner, given: list[str]) -> None:
        """An option with a flag of its own is given by that flag, in either form, or by -O."""
        result = runner.invoke(cli, ["export", "shout", *given, "-o", "-"])
        assert (result.exit_code, result.stdout) == (0, "> ONTROUW BINNEN DE RELATIE\n")

    def test_flag_and_option_together(self, runner: CliRunner) -> None:
        """A flag and -O options of one format go together; the flag wins over -O for its option."""
        arguments = ["-O", "suffix=!", "-O", "prefix=x", "--prefix", "> ", "-o", "-"]
        result = runner.invoke(cli, ["export", "shout", *arguments])
        assert (result.exit_code, result.stdout) == (0, "> ONTROUW BINNEN DE RELATIE!\n")

    @pytest.mark.parametrize(
        ("arguments", "error"),
        [
            (
                ["json", "-O", "suffix=!"],
                "Invalid value for '-O': json has no option 'suffix'; see 'ncmw-course formats'",
            ),
            (
                ["json", "--prefix", "x"],
                "Invalid value for --prefix: json has no option 'prefix'; see 'ncmw-course formats'",
            ),
            (
                ["shout", "-O", "suffix"],
                "Invalid value for '-O': 'suffix' is not NAME=VALUE, such as -O template=house.docx",
            ),
            (["shout", "--prefx", "x"], "No such option '--prefx'. Did you mean '--prefix'?"),
        ],
        ids=["undeclared option", "flag of another format", "malformed option", "undeclared flag"],
    )
    def test_usage_errors(self, runner: CliRunner, arguments: list[str], error: str) -> None:
        """An option or flag the format does not take, or a malformed one, exits 2 before anything is rendered."""
        result = runner.invoke(cli, ["export", *arguments])
        assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, f"Error: {error}")

    def test_build_passes_options_only_to_formats_that_take_them(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """In a build, an option goes to the formats that declare it; the others build as usual."""
        result = runner.invoke(cli, ["build", "-f", "json", "-f", "shout", "-O", "suffix=?"])
        assert result.exit_code == 0
        assert (tmp_path / "dist" / f"{SLUG}.txt").read_text(
            encoding="utf-8"
        ) == "ONTROUW BINNEN DE RELATIE?\n"
        assert (tmp_path / "dist" / f"{SLUG}.json").read_bytes() == render(load_course(), "json")


class TestTemplateFlag:
    """docx and pdf declare --template FILE for their template option; -O template=FILE says the same."""

    @pytest.fixture
    def house(self, tmp_path: Path) -> Path:
        """A Word template: the brochure of the full course, which has every style the brochure needs."""
        path = tmp_path / "house.docx"
        path.write_bytes(render(load_course(TESTDATA / "course_full.json"), "docx"))
        return path

    @pytest.mark.parametrize("form", ["--template {}", "--template={}", "-O template={}"])
    def test_export(self, runner: CliRunner, house: Path, form: str) -> None:
        """Each form gives the template to the exporter: the brochure is the library's with that template."""
        result = runner.invoke(cli, ["export", "docx", *form.format(house).split(" "), "-o", "-"])
        assert result.exit_code == 0
        assert result.stdout_bytes == render(load_course(), "docx", template=house)
        assert result.stdout_bytes != render(load_course(), "docx")

    def test_build_gives_it_to_the_formats_that_declare_it(
        self, runner: CliRunner, house: Path, tmp_path: Path
    ) -> None:
        """In a build, --template goes to docx; json, which does not take it, is built as usual."""
        result = runner.invoke(cli, ["build", "-f", "json", "-f", "docx", "--template", str(house)])
        assert (result.exit_code, result.stderr) == (
            0,
            f"Wrote dist/{SLUG}.json\nWrote dist/{SLUG}.docx\nBuilt 2 files for 1 course in dist\n",
        )
        assert (tmp_path / "dist" / f"{SLUG}.docx").read_bytes() == render(
            load_course(), "docx", template=house
        )

    def test_a_format_without_it(self, runner: CliRunner) -> None:
        """--template for formats that do not take it is a usage error named by the flag."""
        result = runner.invoke(cli, ["build", "-f", "json", "--template", "house.docx"])
        assert result.exit_code == 2
        assert result.stderr.endswith(
            "Error: Invalid value for --template: json has no option 'template'; see 'ncmw-course formats'\n"
        )

    def test_a_flag_that_two_formats_declare_for_different_options(
        self, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When a plugin declares --template for another option, the flag is refused and -O named."""
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin_broken"))
        result = runner.invoke(cli, ["export", "docx", "--template", "house.docx"])
        assert result.exit_code == 2
        assert result.stderr.endswith(
            "Error: Invalid value for '--template': accreditation, accreditation-pdf, docx, other-template, pdf "
            "declare it for different options (style, template); use -O NAME=VALUE\n"
        )

    def test_help_names_the_built_in_flags(self) -> None:
        """The help of -O names the flags the built-in formats declare (the help may not load them)."""
        declared: dict[str, list[str]] = {}
        for info in (exporter_info(name) for name in exporter_names()):
            for option in info.options:
                if info.distribution == "ncmw-course" and option.flag:
                    declared.setdefault(f"{option.flag} {option.metavar}", []).append(info.name)
        assert "; ".join(f"{flag} ({', '.join(names)})" for flag, names in declared.items()) == BUILT_IN_FLAGS


class TestBuild:
    @pytest.mark.libreoffice
    def test_every_format_of_the_bundled_course(self, runner: CliRunner, tmp_path: Path) -> None:
        """build writes each format the bundled course is ready for, skips the accreditation dossier,
        edudex, ics, the catalogue's calendar and the sitemap and says why, exit 0; the catalogue page comes after the other
        catalogues, the pages it may link to."""
        result = runner.invoke(cli, ["build"])
        assert result.exit_code == 0
        dossier = (
            "not ready; missing level, programme.days[].start_time, hours.contact_hours, hours.study_load, "
            "evaluation, certificate_conditions, editions, price, accreditation_contact.name"
        )
        assert result.stderr == (
            f"Skipped accreditation for {SLUG}: {dossier} (see 'ncmw-course check --for accreditation')\n"
            f"Skipped accreditation-json for {SLUG}: {dossier} (see 'ncmw-course check --for accreditation-json')\n"
            f"Skipped accreditation-pdf for {SLUG}: {dossier} (see 'ncmw-course check --for accreditation-pdf')\n"
            f"Wrote dist/{SLUG}.docx\n"
            f"Skipped edudex for {SLUG}: not ready; missing edudex.org_unit_id, edudex.program_id, "
            "edudex.program_forms, edudex.program_level, edudex.degree, edudex.application_type, "
            "edudex.application_open, edudex.payment_due, edudex.start_date_determination, edudex.program_type, "
            "editions[].location "
            "(see 'ncmw-course check --for edudex')\n"
            f"Wrote dist/{SLUG}.epub\n"
            f"Wrote dist/{SLUG}.html\n"
            f"Skipped ics for {SLUG}: not ready; missing editions, editions[].day_dates "
            "(see 'ncmw-course check --for ics')\n"
            f"Wrote dist/{SLUG}.json\n"
            f"Wrote dist/{SLUG}.jsonld\n"
            f"Wrote dist/{SLUG}.pdf\n"
            "Skipped catalogue-ics: not ready; editions: a run whose days are all dated, in at least one course\n"
            "Wrote dist/catalogue.json\n"
            "Wrote dist/catalogue.jsonld\n"
            "Wrote dist/catalogue.html\n"
            "Skipped sitemap: not ready; url: the address of each course's page, ending in /<slug>.html, "
            f"or --base-url (missing in {SLUG})\n"
            "Built 9 files for 1 course in dist; skipped 7 files\n"
        )
        assert sorted(path.name for path in (tmp_path / "dist").iterdir()) == [
            ".ncmw-course-build.json",
            "catalogue.html",
            "catalogue.json",
            "catalogue.jsonld",
            f"{SLUG}.docx",
            f"{SLUG}.epub",
            f"{SLUG}.html",
            f"{SLUG}.json",
            f"{SLUG}.jsonld",
            f"{SLUG}.pdf",
        ]

    @pytest.mark.libreoffice
    def test_every_registered_format_is_built_or_skipped(self, runner: CliRunner) -> None:
        """Each registered format appears in the build's report, written or skipped."""
        result = runner.invoke(cli, ["build"])
        for info in (exporter_info(name) for name in exporter_names()):
            course = load_course() if info.scope == "course" else None
            skipped = f"Skipped {info.name} for {SLUG}: " if course else f"Skipped {info.name}: "
            assert f"Wrote dist/{output_name(info, course)}\n" in result.stderr or skipped in result.stderr

    def test_chosen_format_and_folder(self, runner: CliRunner, tmp_path: Path) -> None:
        """-f picks formats and -o the folder."""
        full = TESTDATA / "course_full.json"
        result = runner.invoke(cli, ["build", str(full), "-f", "json", "-o", "site"])
        assert (result.exit_code, result.stderr) == (
            0,
            "Wrote site/gespreksvoering-bij-scheiding.json\nBuilt 1 file for 1 course in site\n",
        )

    def test_one_invalid_course_among_several(self, runner: CliRunner, tmp_path: Path) -> None:
        """The valid courses are built, the invalid one is reported, and the exit code is 1."""
        broken = broken_course(tmp_path)
        result = runner.invoke(
            cli, ["build", str(broken), str(TESTDATA / "course_minimal.json"), "-f", "json"]
        )
        assert result.exit_code == 1
        assert result.stderr.endswith(
            "Wrote dist/minimale-cursus.json\nBuilt 1 file for 1 course in dist; 1 problem reported above\n"
        )
        assert sorted(path.name for path in (tmp_path / "dist").iterdir()) == [
            ".ncmw-course-build.json",
            "minimale-cursus.json",
        ]

    def test_two_courses_with_one_slug(self, runner: CliRunner) -> None:
        """Two courses that would write the same files are refused, not overwritten."""
        minimal = str(TESTDATA / "course_minimal.json")
        result = runner.invoke(cli, ["build", minimal, minimal, "-f", "json"])
        assert result.exit_code == 1
        assert result.stderr == (
            "Wrote dist/minimale-cursus.json\n"
            f"Error: {minimal}: has the slug 'minimale-cursus', like {minimal}; give each course its own slug\n"
            "Built 1 file for 1 course in dist; 1 problem reported above\n"
        )


class TestBuildCatalogues:
    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        """A folder with two course files, and a file that is not JSON."""
        courses = tmp_path / "courses"
        courses.mkdir()
        for name in ("course_minimal.json", "course_full.json"):
            (courses / name).write_bytes((TESTDATA / name).read_bytes())
        (courses / "notes.txt").write_text("not a course", encoding="utf-8")
        return courses

    def test_folder_of_courses_and_a_catalogue(self, runner: CliRunner, folder: Path, tmp_path: Path) -> None:
        """A folder builds each of its course files, then one catalogue of them all."""
        result = runner.invoke(
            cli, ["build", str(folder), "-f", "json", "-f", "catalogue-json", "-o", "site"]
        )
        assert (result.exit_code, result.stderr) == (
            0,
            (
                "Wrote site/gespreksvoering-bij-scheiding.json\n"
                "Wrote site/minimale-cursus.json\n"
                "Wrote site/catalogue.json\n"
                "Built 3 files for 2 courses in site\n"
            ),
        )
        catalogue = json.loads((tmp_path / "site" / "catalogue.json").read_text(encoding="utf-8"))
        assert [entry["slug"] for entry in catalogue["index"]] == [
            "gespreksvoering-bij-scheiding",
            "minimale-cursus",
        ]

    def test_empty_folder(self, runner: CliRunner, tmp_path: Path) -> None:
        """A folder without course files is reported, and the exit code is 1."""
        (tmp_path / "empty").mkdir()
        result = runner.invoke(cli, ["build", "empty", "-f", "json"])
        assert (result.exit_code, result.stderr) == (
            1,
            "Error: empty: the folder has no course files (*.json)\nBuilt 0 files for 0 courses in dist; 1 problem reported above\n",
        )


class TestNotReady:
    @pytest.fixture(autouse=True)
    def fake_plugin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Install the test plugin whose 'needy' format needs a price."""
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin"))

    def test_build_skips_and_says_what_is_missing(self, runner: CliRunner) -> None:
        """A format the course is not ready for is skipped and named with the check to run; exit 0."""
        result = runner.invoke(cli, ["build", "-f", "json", "-f", "needy"])
        assert (result.exit_code, result.stderr) == (
            0,
            (
                f"Wrote dist/{SLUG}.json\n"
                f"Skipped needy for {SLUG}: not ready; missing price (see 'ncmw-course check --for needy')\n"
                "Built 1 file for 1 course in dist; skipped 1 file\n"
            ),
        )

    def test_the_check_names_the_course_file(self, runner: CliRunner) -> None:
        """For a course file, the check to run names the file."""
        minimal = TESTDATA / "course_minimal.json"
        result = runner.invoke(cli, ["build", str(minimal), "-f", "needy"])
        assert result.stderr.startswith(
            f"Skipped needy for minimale-cursus: not ready; missing price (see 'ncmw-course check --for needy {minimal}')\n"
        )

    def test_strict_build_fails(self, runner: CliRunner) -> None:
        """With --strict, a format the course is not ready for is an error."""
        result = runner.invoke(cli, ["build", "--strict", "-f", "needy"])
        assert (result.exit_code, result.stderr) == (
            1,
            (
                "Error: the course is not ready for needy; add to the course file:\n  - price: the cost\n"
                "(see 'ncmw-course check --for needy')\n"
                "Built 0 files for 1 course in dist; 1 problem reported above\n"
            ),
        )

    def test_export_of_a_course_that_is_not_ready(self, runner: CliRunner, tmp_path: Path) -> None:
        """An explicit export of such a format fails with the list, and writes nothing."""
        result = runner.invoke(cli, ["export", "needy"])
        assert (result.exit_code, result.stderr) == (
            1,
            (
                "Error: the course is not ready for needy; add to the course file:\n  - price: the cost\n"
                "(see 'ncmw-course check --for needy')\n"
            ),
        )
        assert not (tmp_path / "dist").exists()

    def test_ready_course_is_built(self, runner: CliRunner, tmp_path: Path) -> None:
        """A course with what the format needs is built as usual."""
        result = runner.invoke(cli, ["build", str(TESTDATA / "course_full.json"), "-f", "needy"])
        assert result.exit_code == 0
        assert (tmp_path / "dist" / "gespreksvoering-bij-scheiding.needy").read_text(
            encoding="utf-8"
        ) == "495.00"

    def test_format_that_declares_no_requirements_is_skipped_without_a_check(self, runner: CliRunner) -> None:
        """A format that refuses the course but declares nothing is skipped; there is no check to name."""
        result = runner.invoke(cli, ["build", "-f", "picky"])
        assert (result.exit_code, result.stderr) == (
            0,
            f"Skipped picky for {SLUG}: not ready; missing price\nBuilt 0 files for 1 course in dist; skipped 1 file\n",
        )

    def test_recommended_requirements_do_not_stop_a_build(self, runner: CliRunner) -> None:
        """A format that only recommends its requirements is built for a course that lacks them."""
        result = runner.invoke(cli, ["build", "-f", "hopeful"])
        assert (result.exit_code, result.stderr) == (
            0,
            f"Wrote dist/{SLUG}.hopeful\nBuilt 1 file for 1 course in dist\n",
        )


class TestMissingTool:
    def test_build_skips_pdf_without_libreoffice(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without LibreOffice, build makes the other formats and says what to install for pdf; exit 0."""
        monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
        result = runner.invoke(cli, ["build", "--jobs", "1", "-f", "json", "-f", "pdf"])
        assert result.exit_code == 0
        assert result.stderr == (
            f"Wrote dist/{SLUG}.json\n"
            f"Skipped pdf for {SLUG}: the pdf format needs LibreOffice, and neither 'soffice' nor 'libreoffice' "
            "is on the PATH; install it with 'apt-get install libreoffice-writer-nogui' (Debian, Ubuntu) or from "
            "https://www.libreoffice.org/\n"
            "Built 1 file for 1 course in dist; skipped 1 file\n"
        )

    def test_strict_build_and_export_fail_without_libreoffice(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With --strict, or in an explicit export, a missing LibreOffice is an error; nothing is written."""
        monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
        strict = runner.invoke(cli, ["build", "--jobs", "1", "--strict", "-f", "pdf"])
        export = runner.invoke(cli, ["export", "pdf"])
        for result in (strict, export):
            assert result.exit_code == 1
            assert result.stderr.startswith("Error: the pdf format needs LibreOffice")
        assert not (tmp_path / "dist").exists()


class TestCheck:
    def test_bundled_course_for_accreditation(self, runner: CliRunner) -> None:
        """The report lists every requirement as present or missing and exits 1 when something is missing."""
        result = runner.invoke(cli, ["check", "--for", "accreditation"])
        assert result.exit_code == 1
        lines = result.stdout.splitlines()
        assert (
            lines[0]
            == "the bundled course (“Ontrouw binnen de relatie”) is not ready for accreditation: 9 of 16 missing"
        )
        assert "  MISSING  hours.contact_hours          the net contact hours" in lines
        assert "  present  trainers[].biography         a CV or biography of every trainer" in lines
        assert sum(line.startswith("  MISSING") for line in lines) == 9

    @pytest.mark.parametrize(("target", "missing"), [("edudex", 11), ("jsonld", 4)])
    def test_bundled_course_is_honestly_not_ready(self, runner: CliRunner, target: str, missing: int) -> None:
        """The brochure states no codes, dates or prices: the bundled course is not ready for the feeds."""
        result = runner.invoke(cli, ["check", "--for", target])
        assert result.exit_code == 1
        assert result.stdout.splitlines()[0].endswith(
            f"is not ready for {target}: {missing} of {len(result.stdout.splitlines()) - 1} missing"
        )

    @pytest.mark.parametrize("target", ["accreditation", "edudex", "jsonld"])
    def test_full_course_is_ready(self, runner: CliRunner, target: str) -> None:
        """The full test course is ready for every target; exit 0."""
        full = TESTDATA / "course_full.json"
        result = runner.invoke(cli, ["check", "--for", target, str(full)])
        assert result.exit_code == 0
        assert (
            result.stdout.splitlines()[0] == f"{full} (“Gespreksvoering bij scheiding”) is ready for {target}"
        )
        assert "MISSING" not in result.stdout

    @pytest.mark.parametrize(
        ("target", "message"),
        [
            ("springest", "unknown target 'springest'"),
            ("docx", "the format 'docx' declares no requirements"),
        ],
    )
    def test_unknown_target_is_a_usage_error(self, runner: CliRunner, target: str, message: str) -> None:
        """A name that is no target exits 2 and lists the targets."""
        result = runner.invoke(cli, ["check", "--for", target])
        assert result.exit_code == 2
        assert result.stderr.endswith(
            f"Error: Invalid value for '--for': {message}; choose one of: accreditation, "
            "accreditation-json, accreditation-pdf, edudex, ics, jsonld, sitemap\n"
        )

    def test_a_plugin_s_format_is_a_target(self, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
        """A plugin's format that declares requirements can be checked, with no change to ncmw-course."""
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin"))
        result = runner.invoke(cli, ["check", "--for", "needy"])
        assert (result.exit_code, result.stdout) == (
            1,
            (
                "the bundled course (“Ontrouw binnen de relatie”) is not ready for needy: 1 of 1 missing\n"
                "  MISSING  price  the cost\n"
            ),
        )


def test_schema_prints_the_published_schema(runner: CliRunner) -> None:
    """ncmw-course schema prints exactly the committed schema file."""
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == (REPO / "schema" / "course.schema.json").read_text(encoding="utf-8")


def test_catalogue_schema_prints_the_published_schema(runner: CliRunner) -> None:
    """ncmw-course schema --catalogue prints exactly the committed catalogue schema."""
    result = runner.invoke(cli, ["schema", "--catalogue"])
    assert result.exit_code == 0
    assert result.stdout == (REPO / "schema" / "catalogue.schema.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version(runner: CliRunner, option: str) -> None:
    """--version (or -V) names the program and its version, the one the package metadata gives."""
    from importlib.metadata import version

    result = runner.invoke(cli, [option])
    assert (result.exit_code, result.stdout) == (0, f"ncmw-course, version {version('ncmw-course')}\n")


def test_a_bug_keeps_its_traceback(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error that is not the user's (a bug) is not turned into 'Error: …': it keeps its traceback."""
    import ncmw_course.loading

    def broken(_path: object = None) -> None:
        message = "a bug"
        raise RuntimeError(message)

    monkeypatch.setattr(ncmw_course.loading, "load_course", broken)
    result = runner.invoke(cli, ["export", "json"])
    assert isinstance(result.exception, RuntimeError)
    assert "Error:" not in result.stderr


def test_bad_source_date_epoch_is_a_user_error(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """A SOURCE_DATE_EPOCH that is not a number is reported as an error, without a traceback."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    result = runner.invoke(cli, ["export", "docx", "-o", "-"])
    assert (result.exit_code, result.stderr) == (
        1,
        (
            "Error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (at most 253402300799, "
            "the end of 9999), not 'gisteren'\n"
        ),
    )


def test_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    """A mistyped command exits 2."""
    result = runner.invoke(cli, ["valdate"])
    assert result.exit_code == 2
    assert "No such command 'valdate'" in result.stderr


@pytest.mark.parametrize("command", sorted(cli.commands))
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str, flag: str) -> None:
    """Each command's help has a summary and at least one example."""
    result = runner.invoke(cli, [command, flag])
    assert result.exit_code == 0
    assert f"Usage: ncmw-course {command}" in result.stdout
    assert "Example" in result.stdout
    assert f"ncmw-course {command}" in result.stdout.split("Example", 1)[1]


@pytest.mark.parametrize(
    "arguments",
    [["--help"], ["formats"], ["validate"], ["schema"], ["export", "json", "-o", "-"]],
    ids=" ".join,
)
def test_light_commands_import_no_rendering_library(arguments: list[str], tmp_path: Path) -> None:
    """Commands that need no Word or EPUB library do not load python-docx, ebooklib or lxml."""
    assert modules_loaded_by(arguments, ("docx", "ebooklib", "lxml"), tmp_path) == []


@pytest.mark.parametrize("command", ["", *sorted(cli.commands)])
def test_help_loads_no_exporter(command: str, tmp_path: Path) -> None:
    """--help, of the program and of each command, imports no exporter and reads no entry point."""
    loaded = ("exporters", "ncmw_course.exporting", "ncmw_course.readiness", "importlib.metadata")
    assert modules_loaded_by([*command.split(), "--help"], loaded, tmp_path) == []


def modules_loaded_by(arguments: list[str], modules: tuple[str, ...], cwd: Path) -> list[str]:
    """Which of `modules` a fresh Python has imported after running the command line (which must succeed)."""
    code = (
        "import json, sys\n"
        "from ncmw_course.cli import cli\n"
        "try:\n"
        f"    cli({arguments!r}, prog_name='ncmw-course')\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        f"sys.stderr.write('\\n' + json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True)
    loaded: list[str] = json.loads(result.stderr.splitlines()[-1])
    return loaded


class TestBuildJobs:
    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        """A folder with three course files."""
        courses = tmp_path / "courses"
        courses.mkdir()
        for name in ("course_minimal.json", "course_full.json", "course_maximal.json"):
            (courses / name).write_bytes((TESTDATA / name).read_bytes())
        return courses

    def test_jobs_give_the_same_files_and_report(
        self, runner: CliRunner, tmp_path: Path, folder: Path
    ) -> None:
        """A build on two worker processes writes the same files, byte for byte, and the same report in order."""
        formats = ["-f", "json", "-f", "docx", "-f", "epub", "-f", "catalogue-json"]
        one = runner.invoke(cli, ["build", str(folder), *formats, "-o", "one", "--jobs", "1"])
        two = runner.invoke(cli, ["build", str(folder), *formats, "-o", "two", "--jobs", "2"])
        assert (one.exit_code, two.exit_code) == (0, 0)
        assert two.stderr == one.stderr.replace("one/", "two/").replace(" in one\n", " in two\n")
        assert one.stderr.endswith("Built 10 files for 3 courses in one\n")
        written = sorted(path.name for path in (tmp_path / "one").iterdir() if path.name != MANIFEST)
        assert written == sorted(path.name for path in (tmp_path / "two").iterdir() if path.name != MANIFEST)
        assert len(written) == 10
        for name in written:
            assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name

    def test_jobs_keep_errors_in_course_order(self, runner: CliRunner, tmp_path: Path) -> None:
        """With workers, an invalid course and a second use of a slug are reported where they come."""
        broken = str(broken_course(tmp_path))
        minimal = str(TESTDATA / "course_minimal.json")
        full = str(TESTDATA / "course_full.json")
        result = runner.invoke(cli, ["build", minimal, broken, full, minimal, "-f", "json", "--jobs", "2"])
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert lines[0] == "Wrote dist/minimale-cursus.json"
        assert lines[1].startswith(f"Error: {broken}:")
        assert lines[-3:] == [
            "Wrote dist/gespreksvoering-bij-scheiding.json",
            f"Error: {minimal}: has the slug 'minimale-cursus', like {minimal}; give each course its own slug",
            "Built 2 files for 2 courses in dist; 2 problems reported above",
        ]

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_progress_bar_on_a_terminal_only(self, tmp_path: Path, folder: Path, jobs: str) -> None:
        """On a terminal, a bar counts the documents under the report; in a pipe there is none."""
        command = [str(Path(sys.executable).parent / "ncmw-course"), "build", str(folder), "-f", "json"]
        command += ["-f", "html", "--jobs", jobs]
        piped = subprocess.run(
            [*command, "-o", "piped"], capture_output=True, text=True, cwd=tmp_path, check=True
        )
        assert "Building" not in piped.stderr
        assert piped.stderr.endswith("Built 6 files for 3 courses in piped\n")
        screen = run_on_terminal([*command, "-o", "shown"], tmp_path)
        bars = re.findall(r"Building +\[[#-]+\] +(\d+)/(\d+)", screen)
        assert bars, screen
        assert {total for _, total in bars} == {"6"}
        assert bars[-1][0] == "6"
        assert [int(done) for done, _ in bars] == sorted(int(done) for done, _ in bars)
        lines = [line.rsplit("\x1b[K", 1)[-1] for line in screen.replace("\r\n", "\n").split("\n")]
        assert [line for line in lines if line.startswith("Wrote")] == [
            line.replace("piped/", "shown/") for line in piped.stderr.splitlines() if line.startswith("Wrote")
        ]
        assert "Built 6 files for 3 courses in shown" in screen

    def test_jobs_must_be_positive(self, runner: CliRunner) -> None:
        """--jobs 0 is a usage error."""
        result = runner.invoke(cli, ["build", "--jobs", "0"])
        assert result.exit_code == 2
        assert "Invalid value for '-j' / '--jobs'" in result.stderr


def run_on_terminal(command: list[str], cwd: Path) -> str:
    """What `command` writes to a pseudo-terminal that is its stdin and stderr (stdout is discarded)."""
    main, side = pty.openpty()
    process = subprocess.Popen(command, stdin=side, stdout=subprocess.DEVNULL, stderr=side, cwd=cwd)
    os.close(side)
    screen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other side closed: the command has finished
            break
        if not chunk:
            break
        screen += chunk
    os.close(main)
    assert process.wait(timeout=60) == 0
    return screen.decode("utf-8")


class TestOutputSafety:
    def test_the_course_file_is_never_the_output(self, runner: CliRunner, tmp_path: Path) -> None:
        """export with -o naming its own course file is refused, and the course file is unchanged."""
        course = tmp_path / "c.json"
        course.write_bytes((TESTDATA / "course_minimal.json").read_bytes())
        result = runner.invoke(cli, ["export", "json", "c.json", "-o", "c.json"])
        assert (result.exit_code, result.stderr) == (
            1,
            "Error: c.json is also an input of this command (c.json); write the output to another file\n",
        )
        assert course.read_bytes() == (TESTDATA / "course_minimal.json").read_bytes()

    def test_a_build_never_writes_over_its_course_files(self, runner: CliRunner, tmp_path: Path) -> None:
        """build of a folder into itself reports the course file it would overwrite, and leaves it."""
        folder = tmp_path / "courses"
        folder.mkdir()
        course = folder / "minimale-cursus.json"
        course.write_bytes((TESTDATA / "course_minimal.json").read_bytes())
        result = runner.invoke(cli, ["build", "courses", "-o", "courses", "-f", "json"])
        assert (result.exit_code, result.stderr) == (
            1,
            (
                "Error: courses/minimale-cursus.json is also an input of this command (courses/minimale-cursus.json); "
                "write the output to another file\n"
                "Built 0 files for 1 course in courses; 1 problem reported above\n"
            ),
        )
        assert course.read_bytes() == (TESTDATA / "course_minimal.json").read_bytes()

    def test_a_full_standard_output_is_an_error_line(self) -> None:
        """-o - into /dev/full gives one Error: line and exit 1, no traceback."""
        with Path("/dev/full").open("wb") as full:
            result = subprocess.run(
                [sys.executable, "-m", "ncmw_course", "export", "json", "-o", "-"],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        assert (result.returncode, result.stderr) == (
            1,
            "Error: cannot write to standard output: No space left on device\n",
        )

    def test_a_closed_standard_output_is_an_error_line(self) -> None:
        """-o - with standard output closed gives one Error: line and exit 1."""
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import os, sys; os.close(1); from ncmw_course.cli import main; sys.argv = ['ncmw-course', 'export', 'json', '-o', '-']; main()",
            ],
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        assert (result.returncode, result.stderr) == (
            1,
            "Error: cannot write to standard output: it is closed\n",
        )


@pytest.mark.slow
@pytest.mark.parametrize(("sent", "status", "name"), [(15, 143, "SIGTERM"), (2, 130, "Ctrl-C")])
def test_a_stopped_build_stops_its_workers_and_leaves_no_half_file(
    tmp_path: Path, sent: int, status: int, name: str
) -> None:
    """SIGTERM or SIGINT to build (the main process only): exit 128+n at once, no worker left, no temporary file."""
    import time
    import zipfile

    courses = tmp_path / "courses"
    courses.mkdir()
    full = json.loads((TESTDATA / "course_full.json").read_bytes())
    for number in range(240):
        (courses / f"c{number}.json").write_text(
            json.dumps({**full, "slug": f"cursus-{number}"}), encoding="utf-8"
        )
    out = tmp_path / "out-of-a-stopped-build"
    command = [sys.executable, "-m", "ncmw_course", "build", str(courses), "-o", str(out), "--jobs", "2"]
    with subprocess.Popen(
        [*command, "-f", "docx", "-f", "epub", "-f", "html"], stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stderr is not None
        assert process.stderr.readline().startswith("Wrote ")  # a first chunk is written, others under way
        process.send_signal(sent)
        started = time.monotonic()
        rest = process.stderr.read()
        assert process.wait(timeout=10) == status
    assert time.monotonic() - started < 5
    assert rest.splitlines()[-1] == (
        f"Error: stopped by {name}; the files written before are complete, none is half written"
    )
    time.sleep(0.5)
    running = [
        pid.name for pid in Path("/proc").iterdir() if pid.name.isdigit() and str(out) in _cmdline(pid)
    ]
    assert running == []
    written = sorted(out.iterdir())
    assert [path.name for path in written if not path.name.startswith("cursus-")] == []
    assert 0 < len(written) < 720
    for path in written:
        if path.suffix in (".docx", ".epub"):
            assert zipfile.ZipFile(path).testzip() is None
        else:
            assert path.read_text(encoding="utf-8").endswith("</html>\n")


def _cmdline(process: Path) -> str:
    """The command line of the process whose /proc folder is `process`; empty when it has gone."""
    try:
        return (process / "cmdline").read_text(errors="replace")
    except OSError:
        return ""
