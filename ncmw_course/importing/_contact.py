"""The ways to get in touch, from a flyer's contact line: "Tel: 0495–450667 | info@ncmw.nl | www.ncmw.nl".

A contact line holds a phone number, an e-mail address and a website, in any order, separated by
"|", "·", ";" or on lines of their own, each with or without a label ("Tel:", "E-mail:",
"Website:"). The phone number is kept as written (its display form); the model derives the rest.
"""

from __future__ import annotations

import re

__all__ = ["CHANNELS", "contact_parts", "is_contact_line"]

CHANNELS = ("phone", "email", "website")

_SEPARATORS = re.compile(r"\s*[|·•;]\s*")
_LABELS = {
    "phone": r"(?:tel(?:efoon)?|phone|telephone|t)\.?\s*:?",
    "email": r"(?:e-?mail|mail|e)\s*:?",
    "website": r"(?:website|internet|web|site|w)\s*:?",
    "name": r"(?:contactpersoon|contact person|contact)\s*:",
}
_EMAIL = re.compile(r"[^\s@|,;:<>()\"]+@[^\s@|,;:<>()\"]+\.[^\s@|,;:<>()\".]+")
_WEBSITE = re.compile(
    r"(?:https?://\S+|www\.[^\s,;|]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/[^\s,;|]*)", re.IGNORECASE
)
_PHONE = re.compile(r"\+?\(?\d[\d\s().–\-/]{6,}\d")


def _unlabelled(part: str, key: str) -> str | None:
    match = re.match(rf"{_LABELS[key]}\s*", part, flags=re.IGNORECASE)
    return part[match.end() :] if match and match.end() < len(part) else None


def contact_parts(text: str) -> dict[str, str]:
    """The phone, e-mail address, website and contact name that `text` states, by field."""
    found: dict[str, str] = {}
    for part in _SEPARATORS.split(text):
        part = part.strip()
        if not part:
            continue
        name = _unlabelled(part, "name")
        if name and not _EMAIL.search(name) and not _PHONE.fullmatch(name):
            found.setdefault("name", name.strip())
            continue
        if email := _EMAIL.search(part):
            found.setdefault("email", email[0])
        elif website := _WEBSITE.search(part):
            found.setdefault("website", website[0].rstrip(".,)"))
        elif (phone := _PHONE.search(_unlabelled(part, "phone") or part)) and len(
            re.sub(r"\D", "", phone[0])
        ) >= 9:
            found.setdefault("phone", phone[0].strip())
    return found


def is_contact_line(text: str) -> bool:
    """Whether `text` is a line of contact details: two ways to get in touch, or one with its label."""
    parts = contact_parts(text)
    channels = [key for key in CHANNELS if key in parts]
    labelled = any(
        re.match(_LABELS[key], text, flags=re.IGNORECASE)
        and re.match(_LABELS[key] + r"\s*\S", text, re.IGNORECASE)
        for key in ("phone", "email", "website")
    )
    if "name" in parts and len(parts) == 1:
        return True
    return len(channels) >= 2 or (len(channels) == 1 and labelled and len(text) < 80)
