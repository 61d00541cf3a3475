"""A brochure made by ncmw-course, read back by its structure into the course it was made from.

The brochure outline (:func:`ncmw_course.outline.brochure_outline`) decides what a brochure says and
in which order; this module walks the same order back. The sections are found by their headings
(the label table's, in the brochure's language) and, in Word, by their bookmarks; within a section
each text is where the outline puts it:

- the title, then Subtitle paragraphs: the subtitle, the provider and the summary (the provider is
  the one the contact block names);
- the lead paragraphs: the description;
- "Voor wie en waarom": the audience's paragraphs, then the goals: a list, or one last paragraph;
- the programme: its introduction, then a Heading 2 per day ("Eerste dag: <theme>"), an italic line
  with the day's date and place, and the topics;
- the trainers: a Heading 2 per trainer with their paragraphs, or the only trainer's paragraphs
  (their name is in them); lines such as "Functie: …" are the details the biography does not say;
- the contact block: a contact person, then "Tel. …", "E-mail …", "Website …", "Aanbieder …".

The practical facts (dates, price, hours …) are read by :mod:`ncmw_course.importing._facts`.
"""

from __future__ import annotations

from typing import Any

from ncmw_course.importing._report import ImportReport
from ncmw_course.importing._structure import Block, Brochure
from ncmw_course.labels import LABELS, Labels

__all__ = ["brochure_labels", "read_brochure", "sections"]

Json = dict[str, Any]

_IDS = ("practical", "audience", "programme", "method", "trainers", "contact")


def brochure_labels(blocks: list[Block]) -> Labels:
    """The label table whose headings the brochure's sections have (Dutch when none fits better)."""
    headings = {block.text for block in blocks if block.role == "h1"}

    def fit(labels: Labels) -> int:
        return len(headings & {labels.audience, labels.programme, labels.method, labels.contact})

    return max(LABELS.values(), key=fit)


def sections(blocks: list[Block], labels: Labels) -> dict[str, list[Block]]:
    """The blocks by section id: ``lead`` (title, subtitles and description), then each section's."""
    by_heading = {
        labels.practical: "practical",
        labels.audience: "audience",
        labels.programme: "programme",
        labels.method: "method",
        labels.trainer: "trainers",
        labels.trainers: "trainers",
        labels.contact: "contact",
    }
    found: dict[str, list[Block]] = {"lead": []}
    current = "lead"
    for block in blocks:
        if block.role == "h1":
            current = block.bookmark if block.bookmark in _IDS else by_heading.get(block.text, block.text)
            found[current] = []
        else:
            found[current].append(block)
    return found


def read_brochure(brochure: Brochure, report: ImportReport) -> Json:
    """The course of a brochure made by ncmw-course, with each finding in `report`."""
    labels = brochure_labels(brochure.blocks)
    parts = sections(brochure.blocks, labels)
    draft: Json = {}
    contact, provider, url = _contact(parts.get("contact", []), labels, report)
    if url is not None:
        draft["url"] = url
        report.found("url", f"the line '{labels.course_page} …' of the contact block")
    _titles(parts["lead"], provider, draft, report)
    _properties(brochure, labels, draft, report)
    draft["description"] = [block.text for block in parts["lead"] if block.role == "p"]
    report.found("description", "the lead paragraphs under the title")
    _audience(parts.get("audience", []), draft, report)
    _programme(parts.get("programme", []), labels, draft, report)
    draft["method"] = [block.text for block in parts.get("method", []) if block.role == "p"]
    report.found("method", f"the section {labels.method}")
    draft["trainers"] = _trainers(parts.get("trainers", []), labels, report)
    draft["contact"], draft["provider"] = contact, provider
    from ncmw_course.importing._facts import read_practical

    read_practical(parts.get("practical", []), draft, labels, report)
    unknown = [name for name in parts if name not in ("lead", *_IDS)]
    report.notes += [
        f"left out the section {name!r}: a brochure made by ncmw-course has none" for name in unknown
    ]
    from ncmw_course.importing._draft import finish

    return finish(draft, report, words=" ".join(block.text for block in brochure.blocks))


def _titles(lead: list[Block], provider: Json, draft: Json, report: ImportReport) -> None:
    titles = [block.text for block in lead if block.role == "title"]
    draft["title"] = titles[0] if titles else ""
    report.found("title", "the Title paragraph") if titles else report.missing("title")
    blocks = [block for block in lead if block.role == "subtitle"]
    subtitles = [block.text for block in blocks]
    name = provider.get("name")
    ruled = [index for index, block in enumerate(blocks) if block.rule]
    if ruled or name in subtitles:
        at = ruled[0] if ruled else _provider_at(subtitles, name)
        before, after = subtitles[:at], subtitles[at + 1 :]
    else:
        before, after = subtitles[:1], subtitles[1:2]
    if before:
        draft["subtitle"] = before[0]
        report.found("subtitle", "the Subtitle paragraph above the provider's name")
    if after:
        draft["summary"] = after[0]
        report.found("summary", "the Subtitle paragraph under the provider's name")


def _provider_at(subtitles: list[str], name: object) -> int:
    """Where the provider's name is among the Subtitle paragraphs (subtitle, provider, summary)."""
    if len(subtitles) == 2 and subtitles[1] == name and subtitles[0] != name:
        return 1
    return subtitles.index(name)  # type: ignore[arg-type]  # the caller saw it there


def _properties(brochure: Brochure, labels: Labels, draft: Json, report: ImportReport) -> None:
    """The slug, date, keywords and language from the document's properties, where it has them."""
    properties = brochure.properties
    if properties.get("identifier"):
        draft["slug"] = properties["identifier"]
        report.found("slug", "the document's identifier property")
    if properties.get("created"):
        draft["updated"] = properties["created"]
        report.found("updated", "the document's date (the course's updated date)")
    if properties.get("keywords"):
        draft["keywords"] = properties["keywords"].split(", ")
        report.found("keywords", "the document's keywords property (Word keeps at most 255 characters)")
    language = properties.get("language") or ""
    if language:
        locale = labels.locale.replace("_", "-")
        draft["language"] = language.split("-")[0] if language == locale else language
        report.found("language", f"the document's language, {language}")


def _audience(blocks: list[Block], draft: Json, report: ImportReport) -> None:
    paragraphs = [block.text for block in blocks if block.role == "p"]
    goals = [block.text for block in blocks if block.role == "li"]
    if not goals and paragraphs:
        goals = [paragraphs.pop()]  # the only goal: the section's last paragraph
    draft["audience"], draft["goals"] = paragraphs, goals
    report.found("audience", "the paragraphs of the section 'Voor wie en waarom'")
    report.found("goals", "its list, or its last paragraph when the course has one goal")


def _programme(blocks: list[Block], labels: Labels, draft: Json, report: ImportReport) -> None:
    from ncmw_course.importing._facts import read_when

    introduction: list[str] = []
    days: list[Json] = []
    for block in blocks:
        if block.role == "h2":
            number = len(days) + 1
            prefix = labels.day_title(number, "")
            theme = block.text.removeprefix(prefix) if block.text.startswith(prefix) else block.text
            days.append({"ordinal": number, "theme": theme, "topics": []})
        elif block.role == "li" and days:
            days[-1]["topics"].append(block.text)
        elif block.role == "p" and days and block.italic and not days[-1]["topics"]:
            read_when(block.text, days[-1], labels, report)
        elif block.role == "p" and not days:
            introduction.append(block.text)
        else:
            report.notes.append(f"left out '{block.text}' in the programme: no place for it")
    draft["programme"] = {"introduction": introduction, "days": days}
    report.found("programme.introduction", "the paragraphs before the first day")
    report.found("programme.days", f"{len(days)} days, a Heading 2 each, with their topics")


_DETAILS = ("role", "organisation", "training", "qualifications", "experience")


def _trainers(blocks: list[Block], labels: Labels, report: ImportReport) -> list[Json]:
    trainers: list[Json] = []
    for block in blocks:
        if block.role == "h2" or not trainers:
            trainers.append({"name": block.text if block.role == "h2" else "", "biography": []})
            if block.role == "h2":
                continue
        if not _detail(block.text, trainers[-1], labels):
            trainers[-1]["biography"].append(block.text)
    for trainer in trainers:
        if not trainer["name"]:
            trainer["name"] = _named_in(trainer["biography"])
    names = ", ".join(trainer["name"] for trainer in trainers if trainer["name"])
    report.found("trainers[].name", f"{names}: a Heading 2 each, or the name in the only trainer's biography")
    report.found("trainers[].biography", "the paragraphs about each trainer")
    return trainers or [{"name": ""}]


def _detail(text: str, trainer: Json, labels: Labels) -> bool:
    """Read a details line ("Functie: trainer") into `trainer`; False when `text` is not one."""
    for key in _DETAILS:
        prefix = f"{getattr(labels, key)}: "
        if text.startswith(prefix) and (key not in trainer):
            value = text.removeprefix(prefix)
            trainer[key] = value if key in ("role", "organisation") else value.split(", ")
            return True
    return False


def _named_in(biography: list[str]) -> str:
    from ncmw_course.importing._people import introduced_names, leading_name

    for paragraph in biography:
        names = [name for name in (leading_name(paragraph), *introduced_names(paragraph)) if name]
        if names:
            return names[0]
    return ""


def _contact(blocks: list[Block], labels: Labels, report: ImportReport) -> tuple[Json, Json, Any]:
    """The contact, the provider and the course's page, from the contact block's lines."""
    contact: Json = {}
    provider: Json = {"name": ""}
    rows = {"phone": labels.phone, "email": labels.email, "website": labels.website}
    for block in blocks:
        key = next((key for key, label in rows.items() if block.text.startswith(f"{label} ")), None)
        link = block.links[0] if block.links else None
        if key is not None:
            shown = block.text.removeprefix(f"{rows[key]} ")
            contact[key] = _website(shown, link) if key == "website" else shown
        elif block.text.startswith(f"{labels.provider} "):
            provider = _provider(block.text.removeprefix(f"{labels.provider} "), link)
        elif block.text.startswith(f"{labels.course_page} ") and link:
            contact["url"] = _website(block.text.removeprefix(f"{labels.course_page} "), link)
        elif "name" not in contact and not contact:
            contact["name"] = block.text
    url = contact.pop("url", None)
    for key in ("name", "phone", "email", "website"):
        if key in contact:
            report.found(f"contact.{key}", f"the contact block ({labels.contact})")
        else:
            report.missing(f"contact.{key}")
    report.found("provider", f"the line '{labels.provider} …' of the contact block")
    if "website" not in provider and "website" in contact:
        provider["website"] = contact["website"]
        report.guessed(
            "provider.website",
            "the contact's website: a brochure names the provider's own only where it differs",
        )
    return contact, provider, url


def _website(shown: str, link: tuple[str, str] | None) -> Any:
    return {"url": link[1], "display": shown} if link and link[0] == shown else shown


def _provider(text: str, link: tuple[str, str] | None) -> Json:
    if link and text.endswith(f", {link[0]}"):
        return {"name": text.removesuffix(f", {link[0]}"), "website": _website(link[0], link)}
    name, comma, website = text.rpartition(", ")
    if comma and "." in website and " " not in website:
        return {"name": name, "website": website}
    return {"name": text}
