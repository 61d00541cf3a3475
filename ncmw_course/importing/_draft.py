"""A draft finished: what every import adds or proposes, in the model's order, and checked.

The fields a source does not state but a course file needs are proposed and reported as guessed:
the slug (from the title), the date (today's, or ``SOURCE_DATE_EPOCH``'s) and keywords (the
source's most used words). The language is found from the source's words. The provider is the
bundled course's, NCMW, when the source's website or e-mail address is NCMW's; else it is missing.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from ncmw_course.importing._report import ImportReport

__all__ = ["finish", "ordered", "today"]

Json = dict[str, Any]

_DUTCH = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "ik",
        "je",
        "dat",
        "die",
        "is",
        "niet",
        "met",
        "voor",
        "op",
        "te",
        "in",
        "zijn",
        "er",
        "ook",
        "om",
        "hoe",
        "wat",
        "bij",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "a",
        "is",
        "in",
        "that",
        "with",
        "for",
        "on",
        "this",
        "you",
        "are",
        "be",
        "how",
        "what",
        "at",
    ]
)
_STOPWORDS = (
    _DUTCH
    | _ENGLISH
    | frozenset(
        [
            "deze",
            "door",
            "zal",
            "zich",
            "hun",
            "haar",
            "zij",
            "hij",
            "kunnen",
            "wordt",
            "worden",
            "heeft",
            "hebben",
            "maar",
            "naar",
            "over",
            "tussen",
            "welke",
            "waar",
            "wanneer",
            "als",
            "dan",
            "nog",
            "geen",
            "meer",
            "zeer",
            "elk",
            "eigen",
            "twee",
            "drie",
            "dagen",
            "eerste",
            "tweede",
            "derde",
            "tijdens",
            "binnen",
            "zowel",
            "samen",
            "verder",
            "allemaal",
        ]
    )
)
_KEYWORDS = 5


def today() -> date:
    """The date of the import: ``SOURCE_DATE_EPOCH``'s when set (reproducible output), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()  # the coordinator's calendar day


def finish(draft: Json, report: ImportReport, *, words: str) -> Json:
    """`draft` with what every course needs besides the source's text, in the model's order.

    `words` is the source's whole text, for the language and the keywords.
    """
    from ncmw_course.newcourse import slug_from

    finished: Json = {"format_version": 1}
    if "slug" not in draft:
        finished["slug"] = slug_from(draft.get("title") or "")
        report.guessed("slug", f"{finished['slug']}: made from the title; it names the course's files")
    if "language" not in draft:
        finished["language"] = _language(words, report)
    if "updated" not in draft:
        finished["updated"] = today().isoformat()
        report.guessed("updated", f"{finished['updated']}: the date of this import")
    if "keywords" not in draft:
        names = [trainer.get("name") or "" for trainer in draft.get("trainers", [])]
        names.append((draft.get("contact") or {}).get("name") or "")
        finished["keywords"] = _keywords(words, draft.get("title") or "", " ".join(names))
        shown = ", ".join(finished["keywords"])
        report.guessed("keywords", f"{shown}: the source's most used words; keep those that fit")
    if "provider" not in draft:
        finished["provider"] = _provider(draft, report)
    from ncmw_course.model import Course

    for name, info in Course.model_fields.items():
        if not info.is_required() and name not in ("keywords", "edudex") and report.status_of(name) is None:
            report.missing(name)
    report.findings.sort(key=lambda finding: _rank(finding.field))
    return ordered({**draft, **finished})


def _rank(name: str) -> int:
    top, order = name.split(".")[0].split("[")[0], _order()
    return order.index(top) if top in order else len(order)


def _language(words: str, report: ImportReport) -> str:
    counts = Counter(word.lower() for word in re.findall(r"\w+", words))
    dutch = sum(counts[word] for word in _DUTCH)
    english = sum(counts[word] for word in _ENGLISH)
    language = "en" if english > dutch else "nl"
    name = "English" if language == "en" else "Dutch"
    report.found("language", f"{language}: the text is {name}")
    return language


def _keywords(words: str, title: str, names: str) -> list[str]:
    """Up to five words of the source: the title's first, then the most used; in lower case unless
    the text writes a word only with a capital; people's names left out."""
    unwanted = _STOPWORDS | {word.lower() for word in names.split()}
    found = [
        word for word in re.findall(r"\w[\w-]*", words) if len(word) >= 6 and word.lower() not in unwanted
    ]
    counts = Counter(word.lower() for word in found)
    first = {word.lower(): index for index, word in reversed(list(enumerate(found)))}
    from_title = [word.lower() for word in re.findall(r"\w[\w-]*", title) if word.lower() in counts]
    ranked = sorted(counts, key=lambda word: (-counts[word], first[word]))
    chosen = list(dict.fromkeys([*from_title, *ranked]))[:_KEYWORDS]
    return [_spelling(word, found) for word in chosen]


def _spelling(word: str, found: list[str]) -> str:
    """`word` in lower case, unless the text never writes it so (a name, an abbreviation)."""
    forms = [form for form in found if form.lower() == word and not form.isupper()]
    return word if not forms or word in forms or len(forms) == 1 else forms[0]


def _provider(draft: Json, report: ImportReport) -> Json:
    from ncmw_course._fieldinfo import _bundled

    bundled = _bundled()["provider"]
    contact = draft.get("contact") or {}
    own = _host(bundled.get("website") or "")
    for key in ("website", "email"):
        value = contact.get(key) or ""
        host = value.rpartition("@")[2] if key == "email" else _host(value)
        if own and host and host.removeprefix("www.") == own.removeprefix("www."):
            report.found(
                "provider",
                f"{bundled['name']}: the {key.replace('email', 'e-mail address')} {value} is {bundled['name']}'s",
            )
            return dict(bundled)
    report.missing("provider", "the source does not name the organisation that offers the course")
    return {"name": ""}


def _host(address: str) -> str:
    if not address:
        return ""
    return (urlsplit(address if "//" in address else f"//{address}").hostname or "").lower()


def _order() -> list[str]:
    """The course's fields in the model's order."""
    from ncmw_course.model import Course

    return list(Course.model_fields)


def ordered(draft: Json) -> Json:
    """`draft` with its keys in the model's order (a key the model does not know last)."""
    rank = {key: index for index, key in enumerate(_order())}
    return dict(sorted(draft.items(), key=lambda item: rank.get(item[0], len(rank))))
