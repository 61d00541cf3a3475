"""``ncmw-course import``: the exact messages and exit codes, the files written (or not), and --into."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.text.paragraph import Paragraph

from ncmw_course import load_course, render
from ncmw_course.cli import cli
from tests.conftest import REPO, TESTDATA

SEED = TESTDATA / "seed" / "000_d4191903c464d465.txt"
VALID = (
    "The draft is a valid course: check what was guessed (slug, updated, keywords), "
    "then run ncmw-course validate {name}\n"
)


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    return CliRunner()


class TestImport:
    def test_the_seed_becomes_a_valid_course_file(self, runner: CliRunner, tmp_path: Path) -> None:
        result = runner.invoke(cli, ["import", str(SEED)])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert result.stderr.startswith(f"Read {SEED} as plain text:\n")
        assert result.stderr.endswith(
            "Fields: 14 found, 3 guessed, 16 missing.\nWrote ontrouw-binnen-de-relatie.json\n"
            + VALID.format(name="ontrouw-binnen-de-relatie.json")
        )
        course = load_course(tmp_path / "ontrouw-binnen-de-relatie.json")
        assert course.updated.isoformat() == "2026-01-01"
        validated = runner.invoke(cli, ["validate", "ontrouw-binnen-de-relatie.json"])
        assert validated.exit_code == 0

    def test_yaml_by_the_name(self, runner: CliRunner, tmp_path: Path) -> None:
        result = runner.invoke(cli, ["import", str(SEED), "-o", "cursus.yaml"])
        assert result.exit_code == 0, result.output
        text = (tmp_path / "cursus.yaml").read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=file:")
        runner.invoke(cli, ["import", str(SEED), "-o", "cursus.json"])
        assert load_course(tmp_path / "cursus.yaml") == load_course(tmp_path / "cursus.json")

    def test_an_existing_file_is_not_replaced_without_force(self, runner: CliRunner, tmp_path: Path) -> None:
        (tmp_path / "c.json").write_text("{}", encoding="utf-8")
        result = runner.invoke(cli, ["import", str(SEED), "-o", "c.json"])
        assert result.exit_code == 1
        assert (
            result.stderr
            == "Error: c.json already exists; choose another name with -o, or replace it with --force\n"
        )
        assert (tmp_path / "c.json").read_text(encoding="utf-8") == "{}"
        forced = runner.invoke(cli, ["import", str(SEED), "-o", "c.json", "--force"])
        assert forced.exit_code == 0
        assert (
            json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["title"]
            == "Ontrouw binnen de relatie"
        )

    def test_another_name_is_a_usage_error(self, runner: CliRunner) -> None:
        result = runner.invoke(cli, ["import", str(SEED), "-o", "c.txt"])
        assert result.exit_code == 2
        assert "a course file is named .json or .yaml; name it c.json or c.yaml" in result.stderr

    def test_to_stdout(self, runner: CliRunner) -> None:
        result = runner.invoke(cli, ["import", str(SEED), "-o", "-"])
        assert result.exit_code == 0
        assert json.loads(result.stdout)["slug"] == "ontrouw-binnen-de-relatie"
        assert result.stderr.endswith(VALID.format(name="the course"))

    def test_a_draft_with_problems_is_written_and_exits_1(self, runner: CliRunner, tmp_path: Path) -> None:
        (tmp_path / "kort.txt").write_text(
            "MIJN CURSUS\n\nEen cursus.\n\nVOOR WIE\nVoor iedereen.\n\nPROGRAMMA\nEERSTE DAG: Begin\n• Iets\n\n"
            "WERKWIJZE\nOefenen.\n\nTRAINER\nDe training wordt gegeven door Anna de Vries.\n\nTel: 077-3204567\n",
            encoding="utf-8",
        )
        result = runner.invoke(cli, ["import", "kort.txt", "-o", "kort.json"])
        assert result.exit_code == 1
        assert (tmp_path / "kort.json").exists()
        tail = result.stderr.split("Wrote kort.json\n", 1)[1]
        assert tail.splitlines()[0] == "Error: kort.json is not a valid course (2 problems):"
        assert "goals:" in tail
        assert tail.endswith(
            "Fill in what is missing in kort.json, then run: ncmw-course validate kort.json\n"
        )

    @pytest.mark.parametrize(
        ("name", "data", "message"),
        [
            ("leeg.txt", b"", "leeg.txt: the file is empty; there is nothing to import"),
            (
                "flyer.docx",
                b"no zip",
                "flyer.docx: is not a Word document (.docx); give a .docx, a .pdf or plain text",
            ),
            (
                "flyer.pdf",
                b"%PDF-1.4 broken",
                "flyer.pdf: is not a readable PDF; give a .pdf, a .docx or plain text",
            ),
        ],
    )
    def test_an_import_error_is_one_line_and_nothing_is_written(
        self, runner: CliRunner, tmp_path: Path, name: str, data: bytes, message: str
    ) -> None:
        (tmp_path / name).write_bytes(data)
        result = runner.invoke(cli, ["import", name, "-o", "out.json"])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {message}\n")
        assert not (tmp_path / "out.json").exists()

    def test_write_without_into_is_a_usage_error(self, runner: CliRunner) -> None:
        result = runner.invoke(cli, ["import", str(SEED), "--write"])
        assert result.exit_code == 2
        assert "--write goes with --into COURSE" in result.stderr


def edited_brochure(tmp_path: Path) -> Path:
    """The bundled course's Word brochure, edited with python-docx: one sentence changed, one topic added."""
    document = docx.Document(io.BytesIO(render(load_course(), "docx")))
    paragraphs = document.paragraphs
    lead = next(p for p in paragraphs if p.text.startswith("Ontrouw binnen de relatie is"))
    for run in lead.runs:
        run.text = run.text.replace("een regelmatig voorkomend fenomeen", "een vaak voorkomend fenomeen")
    last_topic = [p for p in paragraphs if p.style is not None and p.style.name == "List Bullet"][5]
    element = copy.deepcopy(last_topic._p)
    last_topic._p.addnext(element)
    added = Paragraph(element, last_topic._parent)
    added.runs[0].text = "Wat doe je als een cliënt het je in vertrouwen vertelt?"
    path = tmp_path / "bewerkt.docx"
    document.save(str(path))
    return path


class TestInto:
    EXPECTED_DIFF = (
        "description:\n"
        "  ~ [0] … de relatie is een [-regelmatig-] {+vaak+} voorkomend fenomeen. In mijn …\n"
        "programme.days[0].topics:\n"
        "  + [6] Wat doe je als een cliënt het je in vertrouwen vertelt?\n"
    )

    @pytest.fixture
    def course_file(self, tmp_path: Path) -> Path:
        path = tmp_path / "cursus.json"
        path.write_bytes((REPO / "data" / "course.json").read_bytes())
        return path

    def test_shows_exactly_the_two_changes_and_writes_nothing(
        self, runner: CliRunner, tmp_path: Path, course_file: Path
    ) -> None:
        before = course_file.read_bytes()
        result = runner.invoke(cli, ["import", str(edited_brochure(tmp_path)), "--into", "cursus.json"])
        assert result.exit_code == 0, result.output
        assert result.stdout == self.EXPECTED_DIFF
        assert result.stderr == "2 changes to cursus.json; run again with --write to save them.\n"
        assert course_file.read_bytes() == before

    def test_write_saves_them(self, runner: CliRunner, tmp_path: Path, course_file: Path) -> None:
        result = runner.invoke(
            cli, ["import", str(edited_brochure(tmp_path)), "--into", "cursus.json", "--write"]
        )
        assert result.exit_code == 0, result.output
        assert result.stderr == "Wrote cursus.json: 2 changes.\n"
        course = load_course(course_file)
        bundled = load_course()
        assert course.description[0].startswith("Ontrouw binnen de relatie is een vaak voorkomend fenomeen.")
        assert course.days[0].topics == (
            *bundled.days[0].topics,
            "Wat doe je als een cliënt het je in vertrouwen vertelt?",
        )
        assert (
            course.model_copy(update={"description": bundled.description, "programme": bundled.programme})
            == bundled
        )
        again = runner.invoke(cli, ["import", str(edited_brochure(tmp_path)), "--into", "cursus.json"])
        assert again.stderr == f"No changes: {tmp_path / 'bewerkt.docx'} says what cursus.json says.\n"

    def test_a_yaml_course_file_keeps_its_comments(self, runner: CliRunner, tmp_path: Path) -> None:
        runner.invoke(cli, ["import", str(SEED), "-o", "cursus.yaml"])
        path = tmp_path / "cursus.yaml"
        path.write_text("# Mijn aantekening\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
        result = runner.invoke(
            cli, ["import", str(edited_brochure(tmp_path)), "--into", "cursus.yaml", "--write"]
        )
        assert result.exit_code == 0, result.output
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Mijn aantekening\n")
        assert (
            load_course(path).days[0].topics[-1] == "Wat doe je als een cliënt het je in vertrouwen vertelt?"
        )

    def test_facts_the_brochure_does_not_own_are_reported_not_changed(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        course = load_course(TESTDATA / "course_full.json")
        document = docx.Document(io.BytesIO(render(course, "docx")))
        table = document.tables[0]
        price = next(row for row in table.rows if row.cells[0].text == "Prijs")
        price.cells[1].paragraphs[0].runs[0].text = "€ 450,00 (vrijgesteld van btw)"
        document.save(str(tmp_path / "b.docx"))
        (tmp_path / "c.json").write_bytes((TESTDATA / "course_full.json").read_bytes())
        result = runner.invoke(cli, ["import", "b.docx", "--into", "c.json", "--write"])
        assert result.exit_code == 0, result.output
        assert result.stderr == (
            "Not changed: the brochure's 'Prijs' says '€ 450,00 (vrijgesteld van btw)' where c.json has "
            "'€\xa0495,00 (vrijgesteld van btw)'; if the brochure is right, change price in c.json\n"
            "No changes: b.docx says what c.json says.\n"
        )
        assert load_course(tmp_path / "c.json") == course

    def test_a_flyer_is_not_a_brochure(self, runner: CliRunner, tmp_path: Path, course_file: Path) -> None:
        result = runner.invoke(
            cli, ["import", str(TESTDATA / "import" / "flyer-word-styles.docx"), "--into", "cursus.json"]
        )
        assert result.exit_code == 1
        assert result.stderr.endswith(
            "flyer-word-styles.docx: is not a brochure made by ncmw-course (its sections' headings or bookmarks "
            "are missing); --into reads a brochure made with 'ncmw-course export docx' and edited in Word\n"
        )
        assert result.stderr.count("\n") == 1


def test_help_imports_no_reader(tmp_path: Path) -> None:
    """import --help loads neither python-docx nor pdfminer."""
    from tests.test_cli import modules_loaded_by

    assert (
        modules_loaded_by(["import", "--help"], ("docx", "pdfminer", "ncmw_course.importing"), tmp_path) == []
    )
