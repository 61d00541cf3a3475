"""The command line people expect: '-' for stdin, -q and -v, refusals for -o, hints that name the file,
and shell completion."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ncmw_course import load_course, render
from ncmw_course.cli import cli
from ncmw_course.exporting import exporter_names

from .conftest import REPO, TESTDATA
from .test_cli import SLUG, VALID_BUNDLED

MINIMAL = TESTDATA / "course_minimal.json"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner working in an empty folder."""
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture
def stdin_loader(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """load_course as it will read '-' from standard input; the paths it was given."""
    import ncmw_course.loading

    given: list[object] = []
    real = ncmw_course.loading.load_course

    def load(path: Any = None) -> Any:
        given.append(path)
        if path == "-":
            return ncmw_course.loading.parse_course(sys.stdin.buffer.read(), source="<stdin>")
        return real(path)

    monkeypatch.setattr(ncmw_course.loading, "load_course", load)
    return given


class TestStandardInput:
    def test_validate(self, runner: CliRunner, stdin_loader: list[object]) -> None:
        """validate - gives the loader the text '-' and names standard input in its line."""
        result = runner.invoke(cli, ["validate", "-"], input=MINIMAL.read_bytes())
        assert (result.exit_code, result.stdout) == (
            0,
            "standard input: valid: “Minimale cursus” (minimale-cursus), 1 day, 0 topics, 1 trainer\n",
        )
        assert stdin_loader == ["-"]

    def test_export(self, runner: CliRunner, stdin_loader: list[object]) -> None:
        """export json - -o - reads the course from stdin and writes the document to stdout."""
        result = runner.invoke(cli, ["export", "json", "-", "-o", "-"], input=MINIMAL.read_bytes())
        assert (result.exit_code, result.stdout_bytes) == (0, render(load_course(MINIMAL), "json"))
        assert stdin_loader == ["-"]

    def test_export_to_a_file(self, runner: CliRunner, stdin_loader: list[object], tmp_path: Path) -> None:
        """export json - writes dist/<slug>.json: standard input is no file the output could overwrite."""
        result = runner.invoke(cli, ["export", "json", "-"], input=MINIMAL.read_bytes())
        assert (result.exit_code, result.stderr) == (0, "Wrote dist/minimale-cursus.json\n")

    def test_build(self, runner: CliRunner, stdin_loader: list[object], tmp_path: Path) -> None:
        """build - reads standard input in this process, also with several jobs."""
        result = runner.invoke(
            cli,
            ["build", "-", str(TESTDATA / "course_full.json"), "-f", "json", "-j", "2"],
            input=MINIMAL.read_bytes(),
        )
        assert (result.exit_code, result.stderr) == (
            0,
            "Wrote dist/minimale-cursus.json\nWrote dist/gespreksvoering-bij-scheiding.json\nBuilt 2 files for 2 courses in dist\n",
        )

    def test_check_names_the_hint(self, runner: CliRunner, stdin_loader: list[object]) -> None:
        """check --for edudex - reads standard input."""
        result = runner.invoke(cli, ["check", "--for", "jsonld", "-"], input=MINIMAL.read_bytes())
        assert result.stdout.startswith("standard input (“Minimale cursus”) is not ready for jsonld")


class TestQuietAndVerbose:
    def test_quiet_export_and_build_print_nothing(self, runner: CliRunner) -> None:
        """-q leaves out the Wrote lines and the summary."""
        for arguments in (["export", "json"], ["build", "-f", "json"], ["validate"]):
            result = runner.invoke(cli, ["-q", *arguments])
            assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), arguments

    def test_quiet_keeps_the_errors(self, runner: CliRunner) -> None:
        """-q still prints every Error: line, and the exit code."""
        result = runner.invoke(cli, ["-q", "build", "nope.json", "-f", "json"])
        assert (result.exit_code, result.stderr) == (1, "Error: nope.json: no such file; check the path\n")

    def test_verbose_export(self, runner: CliRunner) -> None:
        """-v says which course, format and options, and how long the rendering took."""
        result = runner.invoke(cli, ["-v", "export", "json", str(MINIMAL), "-o", "out.json"])
        lines = result.stderr.splitlines()
        assert lines[:2] == [
            f"Course: {MINIMAL} (“Minimale cursus”, minimale-cursus)",
            "Format: json (exporters.json:JsonExporter, from ncmw-course)",
        ]
        assert lines[2].startswith("Rendered ")
        assert lines[2].endswith(" s")
        assert lines[3:] == ["Wrote out.json"]

    def test_verbose_build(self, runner: CliRunner) -> None:
        """-v names the formats and the time the build took."""
        result = runner.invoke(cli, ["-v", "build", "-f", "json", "-f", "html"])
        lines = result.stderr.splitlines()
        assert lines[0] == "Formats: json, html"
        assert lines[-2].startswith("Took ")
        assert lines[-1] == "Built 2 files for 1 course in dist"

    def test_not_both(self, runner: CliRunner) -> None:
        """-q and -v together are a usage error."""
        result = runner.invoke(cli, ["-q", "-v", "validate"])
        assert (result.exit_code, result.stderr.splitlines()[-1]) == (
            2,
            "Error: -q/--quiet and -v/--verbose cannot be used together; choose one",
        )

    def test_normal_output_is_unchanged(self, runner: CliRunner) -> None:
        """Without -q or -v, validate prints its summary as before."""
        assert runner.invoke(cli, ["validate"]).stdout == VALID_BUNDLED


class TestOutputChecks:
    @pytest.mark.parametrize(
        ("arguments", "error"),
        [
            (
                ["docx", "-o", "brochure.pdf"],
                (
                    "docx writes .docx files; name the output brochure.docx, or use 'export accreditation-pdf' or "
                    "'export pdf'"
                ),
            ),
            (
                ["pdf", "-o", "brochure.docx"],
                "pdf writes .pdf files; name the output brochure.pdf, or use 'export accreditation' or 'export docx'",
            ),
            (["html", "-o", "page.txt"], "html writes .html files; name the output page.html"),
        ],
    )
    def test_an_extension_of_another_format(
        self, runner: CliRunner, arguments: list[str], error: str
    ) -> None:
        """A file name whose extension is not the format's is refused before anything is done (exit 2)."""
        result = runner.invoke(cli, ["export", *arguments])
        assert (result.exit_code, result.stderr.splitlines()[-1]) == (
            2,
            f"Error: Invalid value for '-o' / '--output': {error}",
        )
        assert list(Path().iterdir()) == []

    @pytest.mark.parametrize("name", ["feed.json", "FEED.EDUDEX.JSON", "out/feed"])
    def test_names_that_fit(self, runner: CliRunner, name: str) -> None:
        """The last part of a compound extension, any case, or no extension at all, is fine."""
        result = runner.invoke(cli, ["export", "edudex", str(TESTDATA / "course_full.json"), "-o", name])
        assert (result.exit_code, result.stderr) == (0, f"Wrote {name}\n")

    def test_binary_format_to_a_terminal(self, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
        """-o - of docx, epub or pdf on a terminal is refused with where to write it instead; json is not."""
        import ncmw_course._cli_export

        monkeypatch.setattr(ncmw_course._cli_export, "_stdout_is_terminal", lambda: True)
        for name in ("docx", "epub", "pdf"):
            result = runner.invoke(cli, ["export", name, "-o", "-"])
            assert (result.exit_code, result.stdout, result.stderr) == (
                1,
                "",
                (
                    f"Error: {name} is a binary format, which would garble the terminal; write it to a file with "
                    f"'-o {SLUG}.{name}', or redirect standard output: '> {SLUG}.{name}'\n"
                ),
            )
        assert runner.invoke(cli, ["export", "json", "-o", "-"]).exit_code == 0

    def test_binary_format_to_a_pipe(self, runner: CliRunner) -> None:
        """-o - of docx into a pipe (not a terminal) writes the document."""
        result = runner.invoke(cli, ["export", "docx", "-o", "-"])
        assert (result.exit_code, result.stdout_bytes[:2]) == (0, b"PK")

    def test_the_terminal_is_seen(self, tmp_path: Path) -> None:
        """On a real terminal, export docx -o - is refused."""
        import pty
        import subprocess

        main, side = pty.openpty()
        command = [str(Path(sys.executable).parent / "ncmw-course"), "export", "docx", "-o", "-"]
        process = subprocess.run(
            command, stdout=side, stderr=subprocess.PIPE, text=True, cwd=tmp_path, check=False
        )
        os.close(side)
        os.close(main)
        assert (process.returncode, process.stderr.split(";")[0]) == (
            1,
            "Error: docx is a binary format, which would garble the terminal",
        )


class TestHintsNameTheFile:
    @pytest.fixture(autouse=True)
    def fake_plugin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The test plugin whose needy format needs a price, and picky, which refuses without declaring."""
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin"))

    def test_export(self, runner: CliRunner) -> None:
        """export needy my.json names my.json in the check to run."""
        result = runner.invoke(cli, ["export", "needy", str(MINIMAL)])
        assert (result.exit_code, result.stderr) == (
            1,
            (
                "Error: the course is not ready for needy; add to the course file:\n  - price: the cost\n"
                f"(see 'ncmw-course check --for needy {MINIMAL}')\n"
            ),
        )

    def test_a_name_with_a_space_is_quoted(self, runner: CliRunner, tmp_path: Path) -> None:
        """The check command can be pasted as it is: a file name with a space is quoted."""
        (tmp_path / "my course.json").write_bytes(MINIMAL.read_bytes())
        result = runner.invoke(cli, ["build", "my course.json", "-f", "needy"])
        assert "(see 'ncmw-course check --for needy '\"'\"'my course.json'\"'\"'')" not in result.stderr
        assert "(see 'ncmw-course check --for needy 'my course.json'')\n" in result.stderr

    def test_a_format_that_declares_nothing_names_no_check(self, runner: CliRunner) -> None:
        """picky refuses without declaring requirements: it is no target of check, so none is named."""
        result = runner.invoke(cli, ["export", "picky", str(MINIMAL)])
        assert (result.exit_code, result.stderr) == (
            1,
            "Error: the course is not ready for picky; add to the course file:\n  - price: the cost\n",
        )


class TestCompletion:
    def complete(self, words: str, incomplete: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        """What click's bash completion offers after `words` for `incomplete`."""
        from click.shell_completion import ShellComplete

        completer = ShellComplete(cli, {}, "ncmw-course", "_NCMW_COURSE_COMPLETE")
        return [item.value for item in completer.get_completions(words.split(), incomplete)]

    def test_formats_of_export_and_build(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """export FORMAT and build -f complete the registered formats."""
        assert self.complete("export", "ep", monkeypatch) == ["epub"]
        assert self.complete("export", "", monkeypatch) == exporter_names()
        assert self.complete("build -f", "catalogue-j", monkeypatch) == ["catalogue-json", "catalogue-jsonld"]

    def test_targets_of_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """check --for completes the targets, a plugin's too."""
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin"))
        assert self.complete("check --for", "", monkeypatch) == [
            "accreditation",
            "accreditation-json",
            "accreditation-pdf",
            "edudex",
            "hopeful",
            "ics",
            "jsonld",
            "needy",
            "sitemap",
        ]

    def test_the_bash_script(self) -> None:
        """_NCMW_COURSE_COMPLETE=bash_source prints the script the help tells users to eval."""
        import subprocess

        command = [str(Path(sys.executable).parent / "ncmw-course")]
        result = subprocess.run(
            command,
            env={**os.environ, "_NCMW_COURSE_COMPLETE": "bash_source"},
            capture_output=True,
            text=True,
            check=True,
        )
        assert "_ncmw_course_completion()" in result.stdout
        help_text = CliRunner().invoke(cli, ["--help"]).stdout
        assert 'eval "$(_NCMW_COURSE_COMPLETE=bash_source ncmw-course)"' in help_text
