"""The exporter registry: discovery through entry points, errors, render() and write()."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

import pytest

from ncmw_course import Course, ExportError, OutputError, UnknownExporterError, render, write
from ncmw_course.errors import MissingToolError, NcmwCourseError, NotReadyError
from ncmw_course.exporting import (
    Exporter,
    RendersMany,
    exporter_info,
    exporter_names,
    get_exporter,
    render_each,
)

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def fake_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Install the third-party package of tests/fake_plugin, which registers 'shout'."""
    monkeypatch.syspath_prepend(str(TESTS / "fake_plugin"))


def test_builtin_exporters_are_registered() -> None:
    """The built-in exporters are found through the entry-point group, like any plugin."""
    assert "json" in exporter_names()
    info = exporter_info("json")
    assert (info.distribution, info.target) == ("ncmw-course", "exporters.json:JsonExporter")


def test_exporter_names_are_sorted_and_unique() -> None:
    """exporter_names() lists each name once, in order."""
    names = exporter_names()
    assert names == sorted(set(names))


def test_third_party_plugin_is_discovered(fake_plugin: None, bundled_course: Course) -> None:
    """A package that registers an entry point becomes a format, with no change to ncmw-course."""
    assert "shout" in exporter_names()
    info = exporter_info("shout")
    assert (info.file_extension, info.media_type, info.distribution) == (
        ".txt",
        "text/plain",
        "fake-exporter",
    )
    assert render(bundled_course, "shout") == b"ONTROUW BINNEN DE RELATIE\n"


def test_plugin_declares_and_receives_options(fake_plugin: None, bundled_course: Course) -> None:
    """A third-party exporter declares options, and render() passes them as keyword arguments."""
    assert [option.name for option in exporter_info("shout").options] == ["suffix", "prefix"]
    assert render(bundled_course, "shout", suffix="!") == b"ONTROUW BINNEN DE RELATIE!\n"


def test_undeclared_option_is_refused(bundled_course: Course) -> None:
    """An option the exporter does not declare is an error naming what it accepts."""
    with pytest.raises(ExportError) as caught:
        render(bundled_course, "json", template="house.docx")
    assert str(caught.value) == "the format 'json' has no option 'template'; its options: none"


def test_get_exporter_returns_an_instance_of_the_protocol() -> None:
    """get_exporter() gives an object that satisfies the Exporter protocol."""
    assert isinstance(get_exporter("json"), Exporter)


def test_unknown_name_lists_the_available_ones(bundled_course: Course) -> None:
    """An unknown format names every registered format."""
    with pytest.raises(UnknownExporterError) as caught:
        render(bundled_course, "pdf-please")
    assert (
        str(caught.value) == f"unknown format 'pdf-please'; available formats: {', '.join(exporter_names())}"
    )


def test_two_packages_with_one_name_is_an_error(
    monkeypatch: pytest.MonkeyPatch, bundled_course: Course
) -> None:
    """When two packages register the same name, nothing is picked silently."""
    monkeypatch.syspath_prepend(str(TESTS / "fake_plugin_clash"))
    with pytest.raises(ExportError) as caught:
        render(bundled_course, "json")
    assert str(caught.value) == (
        "the format 'json' is registered by more than one package (json-clash and ncmw-course); "
        "uninstall one of them"
    )


class TestBrokenPlugins:
    """Plugins that break the contract give an error naming the plugin and its package."""

    @pytest.fixture(autouse=True)
    def broken(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.syspath_prepend(str(TESTS / "fake_plugin_broken"))

    def test_unimportable_module(self) -> None:
        """A plugin whose module is missing says so."""
        with pytest.raises(ExportError) as caught:
            exporter_info("missing-module")
        assert str(caught.value) == (
            "the exporter 'missing-module' (no_such_module_anywhere:Exporter, from broken-exporters) "
            "could not be loaded: ModuleNotFoundError: No module named 'no_such_module_anywhere'"
        )

    @pytest.mark.parametrize(
        ("name", "target", "problems"),
        [
            (
                "misnamed",
                "Misnamed",
                "its name is 'something-else', not 'misnamed'; its file_extension does not start with '.'",
            ),
            ("not-a-batch", "NotABatch", "its render_many is not a method"),
            ("bad-flag", "BadFlag", "its option 'style' has the flag '-s', not one such as '--style'"),
            (
                "unsure-needs",
                "UnsureNeeds",
                "its requirement_level is 'maybe', not 'required' or 'recommended'",
            ),
        ],
    )
    def test_invalid_class_is_rejected(self, name: str, target: str, problems: str) -> None:
        """A class that breaks the contract is rejected when it is loaded, with each of its problems."""
        with pytest.raises(ExportError) as caught:
            exporter_info(name)
        assert str(caught.value) == (
            f"the exporter {name!r} (broken_exporters:{target}, from broken-exporters) is not a valid "
            f"exporter: {problems}"
        )

    def test_render_must_return_bytes(self, bundled_course: Course) -> None:
        """A render() that returns text is reported instead of written."""
        with pytest.raises(ExportError) as caught:
            render(bundled_course, "not-bytes")
        assert str(caught.value) == (
            "the exporter 'not-bytes' returned str, not bytes; report this to its authors"
        )


def test_listing_formats_imports_no_rendering_library() -> None:
    """Listing and describing the formats loads neither python-docx, ebooklib nor lxml."""
    code = (
        "import sys\n"
        "from ncmw_course.exporting import exporter_info, exporter_names\n"
        "[exporter_info(name) for name in exporter_names()]\n"
        "print(sorted(m for m in ('docx', 'ebooklib', 'lxml') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "[]\n"


class TestWrite:
    """write() renders first and replaces the target atomically."""

    def test_writes_the_rendered_bytes(self, tmp_path: Path, bundled_course: Course) -> None:
        """The file holds exactly what render() returns, in a folder made for it."""
        target = tmp_path / "new" / "folder" / "course.json"
        assert write(bundled_course, "json", target) == target
        assert target.read_bytes() == render(bundled_course, "json")
        assert [path.name for path in target.parent.iterdir()] == ["course.json"]

    def test_new_file_permissions_follow_the_umask(self, tmp_path: Path, bundled_course: Course) -> None:
        """A new file is readable as any normally created file, not private to the writer."""
        old = os.umask(0o022)
        try:
            target = write(bundled_course, "json", tmp_path / "course.json")
        finally:
            os.umask(old)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644

    def test_failed_render_leaves_existing_file(self, tmp_path: Path, bundled_course: Course) -> None:
        """An unknown format writes nothing and leaves the old file as it was."""
        target = tmp_path / "course.json"
        target.write_bytes(b"old")
        with pytest.raises(UnknownExporterError):
            write(bundled_course, "no-such-format", target)
        assert target.read_bytes() == b"old"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["course.json"]

    def test_failed_write_leaves_existing_file(
        self, tmp_path: Path, bundled_course: Course, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A disk that fills up mid-write keeps the old file and leaves no temporary file."""
        target = tmp_path / "course.json"
        target.write_bytes(b"old")

        def full_disk(_descriptor: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full_disk)
        with pytest.raises(OutputError) as caught:
            write(bundled_course, "json", target)
        assert (
            str(caught.value)
            == f"cannot write {target}: No space left on device. The existing file is unchanged."
        )
        assert target.read_bytes() == b"old"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["course.json"]

    def test_permission_denied(
        self, tmp_path: Path, bundled_course: Course, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder the user may not write into gives a clear error and keeps the old file."""
        # The denial is simulated: the tests may run as root, who may write anywhere.
        target = tmp_path / "course.json"
        target.write_bytes(b"old")

        def denied(*_args: object, **_kwargs: object) -> int:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "open", denied)
        with pytest.raises(OutputError) as caught:
            write(bundled_course, "json", target)
        assert (
            str(caught.value) == f"cannot write {target}: Permission denied. The existing file is unchanged."
        )
        assert target.read_bytes() == b"old"

    def test_directory_as_target(self, tmp_path: Path, bundled_course: Course) -> None:
        """A folder given as the output file is refused with a clear message."""
        with pytest.raises(OutputError) as caught:
            write(bundled_course, "json", tmp_path)
        assert str(caught.value) == f"{tmp_path} is a folder; give a file name to write to"

    def test_replacing_keeps_the_permissions(self, tmp_path: Path, bundled_course: Course) -> None:
        """Replacing a file keeps its permission bits."""
        target = tmp_path / "course.json"
        target.write_bytes(b"old")
        target.chmod(0o600)
        write(bundled_course, "json", target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert target.read_bytes() == render(bundled_course, "json")


class TestRenderEach:
    """render_each: several courses through one exporter, one result per course."""

    def test_renders_many_is_a_checked_capability(self) -> None:
        """pdf renders many courses at once (checked with isinstance); json renders one at a time."""
        from exporters.pdf import PdfExporter

        batched: RendersMany = PdfExporter()  # mypy checks the signature against the protocol
        assert isinstance(batched, RendersMany)
        assert isinstance(self.Batched(), RendersMany)
        assert not isinstance(get_exporter("json"), RendersMany)

    class Plain:
        name: ClassVar[str] = "plain"
        file_extension: ClassVar[str] = ".txt"
        media_type: ClassVar[str] = "text/plain"
        description: ClassVar[str] = "The title, or a refusal for titles with 'x'"

        def render(self, course: Course) -> bytes:
            if "x" in course.slug:
                raise NotReadyError(self.name, ["slug: one without an x"])
            return course.title.encode()

    class Batched(Plain):
        calls: ClassVar[list[int]] = []

        def render_many(
            self, courses: Sequence[Course], done: Callable[[int], None]
        ) -> list[bytes | NcmwCourseError]:
            self.calls.append(len(courses))
            done(len(courses))
            return [ExportError("batch says no") if "x" in c.slug else c.slug.encode() for c in courses]

    class Missing(Plain):
        def render_many(
            self, courses: Sequence[Course], done: Callable[[int], None]
        ) -> list[bytes | NcmwCourseError]:
            msg = "install the converter"
            raise MissingToolError(msg)

    class Short(Plain):
        def render_many(
            self, courses: Sequence[Course], done: Callable[[int], None]
        ) -> list[bytes | NcmwCourseError]:
            return [b"only one"]

    @staticmethod
    def courses(course: Course, *slugs: str) -> list[Course]:
        return [course.model_copy(update={"slug": slug, "title": slug.upper()}) for slug in slugs]

    def test_one_by_one_with_each_course_s_error(self, bundled_course: Course) -> None:
        """Without render_many, each course is rendered alone, and one's error does not stop the others."""
        counts: list[int] = []
        results = render_each(
            self.Plain(), self.courses(bundled_course, "a", "xb", "c"), "plain", counts.append
        )
        assert counts == [1, 1, 1]
        assert results[0] == b"A"
        assert isinstance(results[1], NotReadyError)
        assert results[2] == b"C"

    def test_render_many_is_called_once(self, bundled_course: Course) -> None:
        """An exporter that renders many gets all the courses in one call, and its per-course errors are kept."""
        self.Batched.calls.clear()
        counts: list[int] = []
        courses = self.courses(bundled_course, "a", "xb", "c")
        results = render_each(self.Batched(), courses, "batched", counts.append)
        assert self.Batched.calls == [3]
        assert counts == [3]
        assert results[0] == b"a"
        assert isinstance(results[1], ExportError)
        assert str(results[1]) == "batch says no"
        assert results[2] == b"c"

    def test_a_single_course_is_rendered_alone(self, bundled_course: Course) -> None:
        """One course goes to render, not render_many."""
        self.Batched.calls.clear()
        assert render_each(self.Batched(), self.courses(bundled_course, "a"), "batched") == [b"A"]
        assert self.Batched.calls == []

    def test_an_error_of_the_whole_batch_is_every_course_s(self, bundled_course: Course) -> None:
        """An error that render_many raises (a missing tool) is each course's result, and all are counted done."""
        counts: list[int] = []
        results = render_each(
            self.Missing(), self.courses(bundled_course, "a", "b"), "missing", counts.append
        )
        assert [str(result) for result in results] == ["install the converter"] * 2
        assert counts == [2]

    def test_a_wrong_number_of_results_is_the_exporter_s_bug(self, bundled_course: Course) -> None:
        """A render_many that returns a result too few is reported as the exporter's bug."""
        with pytest.raises(ExportError) as raised:
            render_each(self.Short(), self.courses(bundled_course, "a", "b"), "short")
        assert str(raised.value) == (
            "the exporter 'short' gave no list of 2 results from render_many; report this to its authors"
        )

    def test_a_catalogue_format_is_refused(self, bundled_course: Course) -> None:
        """A catalogue format renders no single course."""
        with pytest.raises(ExportError) as raised:
            render_each(get_exporter("catalogue-json"), [bundled_course], "catalogue-json")
        assert "is a catalogue format" in str(raised.value)
