"""pandoc's side of the comparison: the same courses, the same documents, the same resources.

Each course is written as Markdown once (not timed). pandoc then makes, per course, a docx, an epub
and a standalone html page, as a script would; with pdf, each batch's docx files are converted by
one LibreOffice run (``soffice --convert-to pdf``, a fresh profile each run), since pandoc writes
no PDF without a PDF engine. The batches are the chunks ``ncmw-course build`` makes for the same
number of courses and jobs (:func:`ncmw_course.building.chunks`), and run `lanes` at a time, as
``build --jobs`` runs its chunks. At 1000 courses a sample of whole batches runs (one per lane), and
its time is scaled to all the courses: pandoc's work is the same for every course.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from _timing import Sample

__all__ = ["PandocSide", "course_markdown", "pandoc_path", "write_markdown"]

DOCUMENTS = (".docx", ".epub", ".html")
"""What pandoc makes of each course itself."""


def pandoc_path() -> str:
    try:
        import pypandoc  # type: ignore[import-untyped]
    except ImportError:
        msg = "pandoc is missing: install the bench extra, .venv/bin/pip install -e '.[bench]'"
        raise SystemExit(msg) from None
    path: str = pypandoc.get_pandoc_path()
    return path


@dataclass
class PandocSide:
    """pandoc making the documents of `markdown` (one file per course), `lanes` batches at a time."""

    pandoc: str
    markdown: Sequence[Path]
    lanes: int
    pdf: bool
    sample: int | None = None
    """Run at most this many batches (a sample), and scale the time to all courses."""

    def batches(self) -> list[list[Path]]:
        from ncmw_course.building import chunks

        made = chunks(list(self.markdown), self.lanes)
        return made[: self.sample] if self.sample else made

    @property
    def estimated(self) -> bool:
        return sum(map(len, self.batches())) < len(self.markdown)

    def __call__(self) -> Sample:
        batches = self.batches()
        with tempfile.TemporaryDirectory(prefix="ncmw-bench-pandoc-") as scratch:
            start = time.perf_counter()
            with ThreadPoolExecutor(max_workers=self.lanes) as lanes:
                for done in [
                    lanes.submit(self._batch, batch, Path(scratch) / str(index))
                    for index, batch in enumerate(batches)
                ]:
                    done.result()
            wall = time.perf_counter() - start
        return Sample(wall * len(self.markdown) / sum(map(len, batches)))

    def _batch(self, batch: list[Path], out: Path) -> None:
        out.mkdir()
        for source in batch:
            for extension in DOCUMENTS:
                target = out / f"{source.stem}{extension}"
                subprocess.run(
                    [self.pandoc, str(source), "-s", "-o", str(target)], capture_output=True, check=True
                )
        if self.pdf:
            profile = (out / "profile").as_uri()
            soffice = shutil.which("soffice") or "soffice"
            documents = [str(out / f"{source.stem}.docx") for source in batch]
            command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
            subprocess.run(
                [*command, "--convert-to", "pdf", "--outdir", str(out / "pdf"), *documents],
                capture_output=True,
                check=True,
            )
            missing = [
                name for name in documents if not (out / "pdf" / Path(name).with_suffix(".pdf").name).exists()
            ]
            if missing:
                msg = f"LibreOffice made no PDF of {missing[:3]}"
                raise RuntimeError(msg)


def write_markdown(courses: Sequence[Path], folder: Path) -> list[Path]:
    """Each course file as pandoc Markdown, in `folder`."""
    from ncmw_course.loading import load_course

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in courses:
        target = folder / f"{path.stem}.md"
        target.write_text(course_markdown(load_course(path)), encoding="utf-8")
        written.append(target)
    return written


def course_markdown(course: object) -> str:
    """The course's brochure content as pandoc Markdown: what the docx and epub show."""
    from ncmw_course.model import Course

    assert isinstance(course, Course)
    out = [f"---\ntitle: {json.dumps(course.title, ensure_ascii=False)}\nlang: {course.language}\n---", ""]
    if course.subtitle:
        out += [f"*{course.subtitle}*", ""]
    if course.summary:
        out += [course.summary, ""]
    out += [text + "\n" for text in course.description]
    out += ["# Voor wie", "", *(text + "\n" for text in course.audience)]
    out += [f"- {goal}" for goal in course.goals] + [""]
    out += ["# Programma", "", *(text + "\n" for text in course.programme.introduction)]
    for day in course.days:
        out += [f"## Dag {day.ordinal}: {day.theme}", "", *(f"- {topic}" for topic in day.topics), ""]
    out += ["# Werkwijze", "", *(text + "\n" for text in course.method)]
    out += ["# Trainer", ""]
    for trainer in course.trainers:
        out += [f"## {trainer.name}", "", *(text + "\n" for text in trainer.biography)]
    contact = course.contact
    out += ["# Informatie", ""]
    if contact.phone:
        out += [f"Tel. [{contact.phone.display}]({contact.phone.tel_uri})", ""]
    if contact.email:
        out += [f"E-mail <{contact.email}>", ""]
    if contact.website:
        out += [f"[{contact.website.text}]({contact.website.href})", ""]
    return "\n".join(out)
