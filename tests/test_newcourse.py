"""ncmw-course new: the template a coordinator fills in, its schema reference, and the command."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from click.testing import CliRunner

from ncmw_course import parse_course
from ncmw_course._fieldinfo import Field, course_fields
from ncmw_course.cli import cli
from ncmw_course.errors import CourseDataError
from ncmw_course.newcourse import course_template, schema_path, slug_from

from .conftest import REPO

DAY = date(2026, 3, 10)


def read_yaml(text: str) -> Any:
    """The data of a YAML text, read with ruamel.yaml (YAML 1.2) when it is installed, else PyYAML."""
    import importlib

    try:
        ruamel = importlib.import_module("ruamel.yaml")
    except ImportError:
        return importlib.import_module("yaml").safe_load(text)
    return ruamel.YAML(typ="safe", pure=True).load(text)


def examples() -> dict[str, Any]:
    """Each field's example by place, a list's by the place of its items (``description[]``)."""
    found: dict[str, Any] = {}

    def collect(fields: tuple[Field, ...]) -> None:
        for field in fields:
            if field.is_list and field.example is not None:
                found[f"{field.path}[]"] = field.example[0]
            found[field.path] = field.example
            collect(field.fields)

    collect(course_fields())
    return found


def placeholders(data: Any, path: str = "") -> list[str]:
    """The places in `data` that hold the placeholder "" (a list's items as ``description[]``)."""
    if isinstance(data, dict):
        return [place for key, value in data.items() for place in placeholders(value, f"{path}{key}.")]
    if isinstance(data, list):
        return [place for item in data for place in placeholders(item, f"{path.rstrip('.')}[].")]
    return [path.rstrip(".")] if data == "" else []


def filled(data: Any, path: str = "") -> Any:
    """`data` with each placeholder replaced by the example of its field."""
    if isinstance(data, dict):
        return {key: filled(value, f"{path}{key}.") for key, value in data.items()}
    if isinstance(data, list):
        return [filled(item, f"{path.rstrip('.')}[].") for item in data]
    return examples()[path.rstrip(".")] if data == "" else data


REQUIRED_PLACES = [
    "title",
    "description[]",
    "audience[]",
    "goals[]",
    "programme.days[].theme",
    "method[]",
    "trainers[].name",
    "contact.name",
    "contact.phone",
    "contact.email",
    "contact.website",
]


@pytest.mark.parametrize("as_json", [False, True], ids=["yaml", "json"])
def test_placeholders_are_the_required_fields(as_json: bool) -> None:
    """The fields to fill in are the required ones (and contact's, of which one is needed)."""
    text = course_template("mijn-cursus", as_json=as_json, updated=DAY)
    data = json.loads(text) if as_json else read_yaml(text)
    assert placeholders(data) == REQUIRED_PLACES


@pytest.mark.parametrize("as_json", [False, True], ids=["yaml", "json"])
def test_placeholders_fail_with_a_message_for_each(as_json: bool) -> None:
    """Until it is filled in, each placeholder is a problem named by its place, in the project's words."""
    text = course_template("mijn-cursus", as_json=as_json, updated=DAY)
    data = json.loads(text) if as_json else read_yaml(text)
    with pytest.raises(CourseDataError) as raised:
        parse_course(data)
    # a phone number or web address written as text is an object inside: its problem may name a part
    places = {
        re.sub(r"\[0\]", "[]", problem.location).removesuffix(".display") for problem in raised.value.problems
    }
    places = {place.removesuffix(".url") for place in places}
    assert places == set(REQUIRED_PLACES)
    assert "title: must not be empty; write the text" in str(raised.value)
    assert "Input should" not in str(raised.value)


@pytest.mark.parametrize("as_json", [False, True], ids=["yaml", "json"])
def test_filled_in_it_validates(as_json: bool) -> None:
    """With each placeholder replaced by its field's example, the file is a valid course."""
    text = course_template("mijn-cursus", as_json=as_json, updated=DAY)
    course = parse_course(filled(json.loads(text) if as_json else read_yaml(text)))
    assert (course.slug, course.updated, course.title) == ("mijn-cursus", DAY, "Ontrouw binnen de relatie")
    assert course.provider.name == "NCMW"


def uncommented(text: str) -> str:
    """The YAML template with every optional field in use: each "# " before a key removed."""
    body = text.split("\n\n", 1)[1]
    lines = []
    for line in body.splitlines():
        while (bare := re.sub(r"^( *)# ", r"\1", line)) != line:
            line = bare
        lines.append(line)
    return "\n".join(lines)


def test_every_optional_field_is_shown_where_it_belongs() -> None:
    """Uncommented, the optional fields stand in their groups: the file has every field of the model."""
    data = read_yaml(uncommented(course_template(updated=DAY)))

    def places(fields: tuple[Field, ...]) -> set[str]:
        return {place for field in fields for place in {field.path} | places(field.fields)}

    def found(value: Any, path: str = "") -> set[str]:
        if isinstance(value, dict):
            return {
                place for key, item in value.items() for place in {path + key} | found(item, f"{path}{key}.")
            }
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return found(value[0], f"{path.rstrip('.')}[].")
        return set()

    assert found(data) == places(course_fields())


def test_each_field_has_a_one_line_comment_with_its_kind() -> None:
    """Every field's line ends with a comment that says what it is, its kind and, where known, an example."""
    text = course_template(updated=DAY)
    assert (
        'title: ""  # The course title, at most 200 characters. Text, at most 200 characters. Example: "Ontrouw binnen de relatie"\n'
        in text
    )
    assert (
        '#     # mode: ""  # (optional) How this run is given: onsite, online or blended. '
        'One of: onsite, online, blended. Example: "onsite"\n'
    ) in text
    assert '  - name: ""  # Full name, such as José Bijker. Text. Example: "José Bijker"\n' in text
    body = text.split("\n\n", 1)[1]
    assert all(
        re.search(r"\S  # \S", line) for line in body.splitlines() if not line.lstrip("# ").startswith("- ")
    )


def test_the_packaged_schema_is_the_published_one() -> None:
    """ncmw_course/schema/course.schema.json, which installs with the package, is schema/course.schema.json."""
    assert schema_path().read_bytes() == (REPO / "schema" / "course.schema.json").read_bytes()


@pytest.mark.parametrize("as_json", [False, True], ids=["yaml", "json"])
def test_the_schema_reference_resolves_anywhere(as_json: bool, tmp_path: Path) -> None:
    """The file names the installed schema by a file: URI, an existing file wherever the course is written."""
    text = course_template(as_json=as_json)
    if as_json:
        reference = json.loads(text)["$schema"]
    else:
        found = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
        assert found is not None
        reference = found.group(1)
    uri = urlparse(reference)
    assert uri.scheme == "file"
    assert Path(unquote(uri.path)) == schema_path()
    assert Path(unquote(uri.path)).is_file()


@pytest.mark.parametrize(
    ("name", "slug"), [("Mijn Cursus", "mijn-cursus"), ("Één—twee", "een-twee"), ("!!!", "nieuwe-cursus")]
)
def test_slug_from_a_name(name: str, slug: str) -> None:
    """A file name becomes a slug: lower case, accents dropped, hyphens between words."""
    assert slug_from(name) == slug


class TestCommand:
    @pytest.fixture
    def runner(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
        """A runner in an empty folder."""
        monkeypatch.chdir(tmp_path)
        return CliRunner()

    def test_writes_yaml_named_after_the_slug(self, runner: CliRunner, tmp_path: Path) -> None:
        """new SLUG writes SLUG.yaml and says what to do next."""
        result = runner.invoke(cli, ["new", "mijn-cursus"])
        assert (result.exit_code, result.stdout, result.stderr) == (
            0,
            "",
            (
                "Wrote mijn-cursus.yaml\n"
                'Next: fill in each "" in mijn-cursus.yaml, then check it with: ncmw-course validate mijn-cursus.yaml\n'
            ),
        )
        text = (tmp_path / "mijn-cursus.yaml").read_text(encoding="utf-8")
        assert read_yaml(text)["slug"] == "mijn-cursus"
        assert "# one. Check the file with:  ncmw-course validate mijn-cursus.yaml\n" in text

    def test_json_and_the_default_slug(self, runner: CliRunner, tmp_path: Path) -> None:
        """--json writes nieuwe-cursus.json, which validate refuses until it is filled in."""
        assert runner.invoke(cli, ["new", "--json"]).exit_code == 0
        result = runner.invoke(cli, ["validate", "nieuwe-cursus.json"])
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: nieuwe-cursus.json is not a valid course (11 problems):\n")
        assert (
            json.loads((tmp_path / "nieuwe-cursus.json").read_text(encoding="utf-8"))["slug"]
            == "nieuwe-cursus"
        )

    @pytest.mark.parametrize(
        ("name", "slug", "is_json"), [("Mijn Cursus.yml", "mijn-cursus", False), ("a/b.json", "b", True)]
    )
    def test_the_output_names_slug_and_kind(
        self, runner: CliRunner, tmp_path: Path, name: str, slug: str, is_json: bool
    ) -> None:
        """-o FILE: the slug comes from its name, JSON or YAML from its extension; folders are made."""
        result = runner.invoke(cli, ["new", "-o", name])
        assert (result.exit_code, result.stderr.splitlines()[0]) == (0, f"Wrote {name}")
        text = (tmp_path / name).read_text(encoding="utf-8")
        data = json.loads(text) if is_json else read_yaml(text)
        assert data["slug"] == slug

    def test_refuses_to_overwrite(self, runner: CliRunner, tmp_path: Path) -> None:
        """An existing file is kept unless --force; with it, the file is written anew."""
        (tmp_path / "mijn-cursus.yaml").write_text("mine", encoding="utf-8")
        result = runner.invoke(cli, ["new", "mijn-cursus"])
        assert (result.exit_code, result.stderr) == (
            1,
            "Error: mijn-cursus.yaml already exists; choose another name with -o, or replace it with --force\n",
        )
        assert (tmp_path / "mijn-cursus.yaml").read_text(encoding="utf-8") == "mine"
        assert runner.invoke(cli, ["new", "mijn-cursus", "--force"]).exit_code == 0
        assert (
            (tmp_path / "mijn-cursus.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")
        )

    @pytest.mark.parametrize(
        ("arguments", "error"),
        [
            (
                ["Mijn Cursus"],
                "Invalid value for SLUG: 'Mijn Cursus' is not a slug: use lower-case letters a-z, digits and single hyphens, such as 'mijn-cursus'",
            ),
            (
                ["-o", "c.txt"],
                "Invalid value for '-o' / '--output': a course file is named .yaml or .json; name it c.yaml",
            ),
            (
                ["--json", "-o", "c.yaml"],
                "Invalid value for '-o' / '--output': --json writes JSON; name the file c.json, or leave out --json for YAML",
            ),
        ],
        ids=["slug", "extension", "json named yaml"],
    )
    def test_usage_errors(self, runner: CliRunner, tmp_path: Path, arguments: list[str], error: str) -> None:
        """A slug that is none, or a file name that is no course file's, exits 2 and writes nothing."""
        result = runner.invoke(cli, ["new", *arguments])
        assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, f"Error: {error}")
        assert list(tmp_path.iterdir()) == []

    def test_to_stdout_and_quiet(self, runner: CliRunner, tmp_path: Path) -> None:
        """-o - prints the template; -q writes the file and says nothing."""
        printed = runner.invoke(cli, ["new", "-o", "-"])
        assert (printed.exit_code, printed.stderr) == (0, "")
        assert read_yaml(printed.stdout)["slug"] == "nieuwe-cursus"
        assert "# one. Check the file with:  ncmw-course validate nieuwe-cursus.yaml\n" in printed.stdout
        quiet = runner.invoke(cli, ["-q", "new", "stil"])
        assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
        assert (tmp_path / "stil.yaml").is_file()
