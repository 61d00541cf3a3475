"""A flyer's paragraphs read as a course: which section each belongs to, and what each means.

The paragraphs come from any reader (plain text, Word, PDF) with their look decided
(:class:`Para`); this module decides what they say, the same way for every source:

- the title, and the text under it up to the first heading: the description;
- a heading opens the section it names (:data:`SECTIONS`); a heading that names no section is
  reported, with its text, as left out;
- "Voor wie en waarom" holds the audience, then the goals: the goals start at the first sentence
  that states one ("Het doel van de nascholing is …"), or are its list;
- the programme: its introduction, then a day per day line, each with its list of topics;
- the trainers: each name where the text introduces it, with the paragraphs about them;
- the contact line wherever it is.

Nothing is made up: a field the flyer does not state is left out, or left empty where the model
requires it, so that validation names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ncmw_course.importing._contact import contact_parts, is_contact_line
from ncmw_course.importing._facts import is_fact_line
from ncmw_course.importing._paras import Para, is_capitals, span
from ncmw_course.importing._people import introduced_names, leading_name, whole_name
from ncmw_course.importing._report import ImportReport
from ncmw_course.importing._vocab import DAY_LINE, GOAL_START, day_number, section_of

__all__ = ["Section", "read_flyer", "recased", "sections_of"]

Json = dict[str, Any]


@dataclass
class Section:
    """The paragraphs under one heading; the lead, under the title, has the key ``introduction``."""

    key: str
    heading: str
    paras: list[Para] = field(default_factory=list)
    where: str = ""
    """Where its paragraphs are in the source, as read (before any is taken out of it)."""

    def named(self) -> str:
        """How the report names the section: "under VOOR WIE EN WAAROM (lines 14–18)"."""
        place = f" ({self.where})" if self.where else ""
        return f"under {self.heading}{place}" if self.heading else f"under the title{place}"


def sections_of(paras: list[Para]) -> list[Section]:
    """The paragraphs after the title, by section; day lines open the programme when no heading did."""
    sections = [Section("introduction", "")]
    for para in paras:
        if para.kind in ("title", "subtitle"):
            continue
        key = section_of(para.text) if para.kind != "item" else None
        if key is None and para.kind == "heading" and not DAY_LINE.match(para.text):
            key = "fact" if is_fact_line(f"{para.text.rstrip(':')}: …") else "unknown"
        if key is not None:
            sections.append(Section(key, para.text))
        elif DAY_LINE.match(para.text) and sections[-1].key not in ("programme",) and para.kind != "item":
            sections.append(Section("programme", ""))
            sections[-1].paras.append(para)
        else:
            sections[-1].paras.append(para)
    for section in sections:
        section.where = span(section.paras[0], section.paras[-1]) if section.paras else ""
    return sections


def read_flyer(paras: list[Para], report: ImportReport) -> Json:
    """The course that `paras` describe, as course-file data, and each finding in `report`."""
    draft: Json = {}
    titles = [para for para in paras if para.kind == "title"]
    corpus = " ".join(para.text for para in paras if para.kind != "title")
    if titles:
        draft["title"] = recased(titles[0].text, corpus)
        how = ", in capitals; written as the text writes these words" if is_capitals(titles[0].text) else ""
        report.found("title", f"{titles[0].where}{how}")
    else:
        draft["title"] = ""
        report.missing("title", "the source starts with no title")
    subtitles = [para for para in paras if para.kind == "subtitle"]
    if subtitles:
        draft["subtitle"] = " ".join(para.text for para in subtitles)
        report.found("subtitle", span(subtitles[0], subtitles[-1]))
    sections = sections_of(paras)
    contact = _contact_paras(sections)
    _fact_lines(sections, draft, report)
    _description(sections, draft, report)
    _audience(sections, draft, report)
    _programme(sections, draft, report)
    _prose(sections, "method", draft, report)
    _trainers(sections, draft, report)
    _contact(contact, draft, report)
    _apply_times(draft, report)
    _left_out(sections, report)
    return draft


def _fact_lines(sections: list[Section], draft: Json, report: ImportReport) -> None:
    """Read the fact lines ("Data: …", "Kosten: …") of every section, taking them out of it."""
    from ncmw_course.importing._facts import read_fact_line

    for section in sections:
        for para in list(section.paras):
            # under a heading that is a fact's label ("KOSTEN"), each line is that fact
            text = f"{section.heading.rstrip(':')}: {para.text}" if section.key == "fact" else para.text
            if para.kind in ("text", "item") and read_fact_line(text, para.where, draft, report):
                section.paras.remove(para)


def _apply_times(draft: Json, report: ImportReport) -> None:
    """The times of a date line for every day; a run's day dates only when there is one per day."""
    days = draft["programme"]["days"]
    times = draft.pop("_times", None)
    if times:
        for day in days:
            day["start_time"], day["end_time"] = times
    for edition in draft.get("editions", []):
        if edition.get("day_dates") and len(edition["day_dates"]) != len(days):
            count = len(edition.pop("day_dates"))
            report.notes.append(
                f"the date line gives {count} dates for {len(days)} days: read as the run's first and last day"
            )


def _in(sections: list[Section], key: str) -> list[Section]:
    return [section for section in sections if section.key == key]


def _texts(paras: list[Para]) -> list[str]:
    return [para.text for para in paras]


def _description(sections: list[Section], draft: Json, report: ImportReport) -> None:
    lead = sections[0]
    used = [para for para in lead.paras if para.kind in ("text", "item")]
    lead.paras = [para for para in lead.paras if para not in used]
    draft["description"] = _texts(used)
    if used:
        report.found("description", f"the text under the title ({span(used[0], used[-1])})")
    else:
        report.missing("description", "no text between the title and the first heading")


def _prose(sections: list[Section], key: str, draft: Json, report: ImportReport) -> None:
    found = _in(sections, key)
    paras = [para for section in found for para in _take(section, ("text", "item"))]
    draft[key] = _texts(paras)
    if paras:
        report.found(key, "; ".join(section.named() for section in found))
    else:
        report.missing(key, f"no {found[0].heading} text" if found else "no section for it")


def _take(section: Section, kinds: tuple[str, ...]) -> list[Para]:
    """The paragraphs of `kinds` in `section`, taken out of it (what is left is reported as unused)."""
    taken = [para for para in section.paras if para.kind in kinds]
    section.paras = [para for para in section.paras if para not in taken]
    return taken


_SENTENCE = re.compile(r"(?<=[.!?…])[”’\"')]*\s+(?=[^\s])")


def _sentences(text: str) -> list[str]:
    """`text` split after each sentence's end; joining them with spaces gives `text` back."""
    parts, start = [], 0
    for match in _SENTENCE.finditer(text):
        end = match.start() + len(match[0].rstrip())
        parts.append(text[start:end])
        start = match.end()
    return [*parts, text[start:]]


def _audience(sections: list[Section], draft: Json, report: ImportReport) -> None:
    audience: list[str] = []
    goals: list[str] = []
    where = list(_in(sections, "audience"))
    goal_sections = _in(sections, "goals")
    for section in where:
        for para in _take(section, ("text", "item")):
            _split_goal(para, audience, goals, bool(goal_sections))
    for section in goal_sections:
        goals += _texts(_take(section, ("text", "item")))
    draft["audience"], draft["goals"] = audience, goals
    named = "; ".join(section.named() for section in where)
    if audience:
        report.found("audience", named)
    else:
        report.missing("audience", "no 'Voor wie' section" if not where else f"no text {named}")
    if goal_sections and goals:
        report.found("goals", "; ".join(section.named() for section in goal_sections))
    elif goals:
        report.found(
            "goals",
            f"from the sentence that starts '{goals[0].split(' ', 2)[0]} {goals[0].split(' ', 2)[1]} …', {named}",
        )
    else:
        report.missing(
            "goals", "no sentence that states a goal (such as 'Het doel van …') and no list of goals"
        )


def _split_goal(para: Para, audience: list[str], goals: list[str], separate: bool) -> None:
    """Put `para` into `audience` or `goals`: goals start at the first sentence that states one,
    or are the list items; a paragraph goes to the goals once they have started."""
    if separate:
        audience.append(para.text)
    elif goals or (para.kind == "item" and audience):
        goals.append(para.text)
    else:
        sentences = _sentences(para.text)
        start = next((index for index, sentence in enumerate(sentences) if GOAL_START.match(sentence)), None)
        if start is None:
            audience.append(para.text)
            return
        if start:
            audience.append(" ".join(sentences[:start]))
        goals.append(" ".join(sentences[start:]))


def _programme(sections: list[Section], draft: Json, report: ImportReport) -> None:
    found = _in(sections, "programme")
    introduction: list[str] = []
    days: list[Json] = []
    for section in found:
        for para in list(section.paras):
            match = DAY_LINE.match(para.text) if para.kind != "item" else None
            if match:
                days.append({"ordinal": len(days) + 1, "theme": match["theme"].strip(), "topics": []})
                _check_day_number(match, len(days), para, report)
            elif para.kind == "item" and days:
                days[-1]["topics"].append(para.text)
            elif para.kind == "text" and not days:
                introduction.append(para.text)
            else:
                continue
            section.paras.remove(para)
    draft["programme"] = {"introduction": introduction, "days": days or [{"ordinal": 1, "theme": ""}]}
    named = "; ".join(section.named() for section in found)
    if introduction:
        report.found("programme.introduction", f"the text before the first day, {named}")
    if days:
        topics = sum(len(day["topics"]) for day in days)
        report.found("programme.days", f"{len(days)} days with {topics} topics, {named}")
    else:
        report.missing("programme.days", "no day lines such as 'EERSTE DAG: …'")


def _check_day_number(match: re.Match[str], position: int, para: Para, report: ImportReport) -> None:
    if day_number(match) != position:
        report.notes.append(
            f"{para.where}: '{match['day']}' is day {position} in the order of the text; numbered {position}"
        )


def _trainers(sections: list[Section], draft: Json, report: ImportReport) -> None:
    found = _in(sections, "trainers")
    trainers: list[Json] = []
    shared: list[tuple[Para, list[str]]] = []
    for section in found:
        for para in _take(section, ("text", "subheading", "item")):
            introduced = introduced_names(para.text)
            if len(introduced) > 1 and not leading_name(para.text):
                shared.append((para, introduced))
                _add_trainers(introduced, trainers)
            else:
                _trainer_para(para, trainers)
    _shared(shared, trainers, report)
    named = "; ".join(section.named() for section in found)
    unnamed = [trainer for trainer in trainers if not trainer["name"]]
    draft["trainers"] = trainers or [{"name": ""}]
    if trainers and not unnamed:
        names = ", ".join(trainer["name"] for trainer in trainers)
        report.found("trainers[].name", f"{names}, {named}")
        report.found("trainers[].biography", named)
    elif trainers:
        report.missing("trainers[].name", f"no name found in the text {named}; add it")
        report.found("trainers[].biography", named)
    else:
        report.missing("trainers", "no trainer section")


def _add_trainers(names: list[str], trainers: list[Json]) -> None:
    known = {trainer["name"] for trainer in trainers}
    trainers += [{"name": name, "biography": []} for name in names if name not in known]


def _shared(shared: list[tuple[Para, list[str]]], trainers: list[Json], report: ImportReport) -> None:
    """A paragraph that introduces several trainers ("… door A en B."): left out, and noted, when
    each has paragraphs of their own; else the biography of each that has none."""
    for para, names in shared:
        without = [trainer for trainer in trainers if trainer["name"] in names and not trainer["biography"]]
        for trainer in without:
            trainer["biography"].append(para.text)
        if not without:
            report.notes.append(
                f"left out {para.where}: '{_short(para.text)}' (it introduces the trainers, each of whom has paragraphs of their own)"
            )


def _trainer_para(para: Para, trainers: list[Json]) -> None:
    """Add `para` to the trainer it is about: one it names first, else the one before it."""
    alone = whole_name(para.text)
    if alone or para.kind == "subheading":
        trainers.append({"name": alone or para.text, "biography": []})
        return
    names = [name for name in [leading_name(para.text), *introduced_names(para.text)] if name]
    known = {trainer["name"]: trainer for trainer in trainers}
    for name in dict.fromkeys(names):
        if name not in known:
            known[name] = {"name": name, "biography": []}
            trainers.append(known[name])
    owner = known[names[0]] if names else trainers[-1] if trainers else None
    if owner is None:
        owner = {"name": "", "biography": []}
        trainers.append(owner)
    owner["biography"].append(para.text)


def _contact_paras(sections: list[Section]) -> list[Para]:
    """The contact section's lines, and contact lines anywhere else, taken out of their sections."""
    taken: list[Para] = []
    for section in sections:
        kinds = ("text", "item", "subheading") if section.key == "contact" else ()
        lines = [para for para in section.paras if para.kind in kinds or is_contact_line(para.text)]
        section.paras = [para for para in section.paras if para not in lines]
        taken += lines
    return taken


def _contact(paras: list[Para], draft: Json, report: ImportReport) -> None:
    contact: Json = {}
    for para in paras:
        for key, value in [*contact_parts(para.text).items(), *_linked(para)]:
            if key not in contact:
                contact[key] = value
                report.found(f"contact.{key}", para.where)
    for key in ("name", "phone", "email", "website"):
        if key not in contact:
            report.missing(f"contact.{key}")
    draft["contact"] = {key: contact[key] for key in ("name", "phone", "email", "website") if key in contact}
    unused = [para for para in paras if not contact_parts(para.text) and not _linked(para)]
    for para in unused:
        report.notes.append(
            f"left out {para.where}: '{para.text}' (in the contact section, but no contact detail)"
        )


def _linked(para: Para) -> list[tuple[str, str]]:
    """The e-mail addresses and websites a paragraph links to, whatever its text says ("Mail ons")."""
    from urllib.parse import unquote

    found: list[tuple[str, str]] = []
    for address in para.links:
        if address.lower().startswith("mailto:"):
            found.append(("email", unquote(address[7:].split("?")[0])))
        elif address.lower().startswith(("http://", "https://")):
            found.append(("website", address))
    return found


def _left_out(sections: list[Section], report: ImportReport) -> None:
    for section in sections:
        if section.key == "unknown":
            report.notes.append(
                f"left out the section {section.heading!r} ({section.where or 'empty'}): no field for it"
            )
            continue
        for para in section.paras:
            report.notes.append(f"left out {para.where}: '{_short(para.text)}' ({section.named()})")


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def recased(title: str, corpus: str) -> str:
    """`title` in the capitals the text uses, when it is written in capitals; else as it is.

    The title as a phrase in the text ("Ontrouw binnen de relatie is …") gives its capitals;
    else each word is written as the text writes it inside a sentence (a name keeps its capital),
    or in lower case, and the first word starts with a capital.
    """
    if not is_capitals(title):
        return title
    words = title.split(" ")
    phrase = re.search(r"\s+".join(re.escape(word) for word in words), corpus, flags=re.IGNORECASE)
    if phrase:
        text = re.sub(r"\s+", " ", phrase[0])
        return text[:1].upper() + text[1:]
    written = [_as_written(word, corpus) for word in words]
    return " ".join([written[0][:1].upper() + written[0][1:], *written[1:]])


def _as_written(word: str, corpus: str) -> str:
    inside = re.findall(rf"(?<=[\w,] ){re.escape(word)}(?!\w)", corpus, flags=re.IGNORECASE)
    return max(set(inside), key=inside.count) if inside else word.lower()
