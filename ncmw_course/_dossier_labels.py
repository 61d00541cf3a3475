"""The words the accreditation dossier adds around a course, in each language of the label table.

The headings follow the questions of the registers' wizards. Labels the brochure has as well (the
programme, the trainers, the price …) are the brochure's, from :mod:`ncmw_course.labels`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ncmw_course.labels import Labels

__all__ = ["DOSSIER_LABELS", "DossierLabels", "dossier_labels"]


@dataclass(frozen=True)
class DossierLabels:
    """The fixed texts of the dossier in one language."""

    document: str
    """What the document is, under the course's title."""
    course: str
    title: str
    subtitle: str
    summary: str
    description: str
    kind: str
    """The kind of course: how its runs are given."""
    register_contact: str
    audience: str
    entry_level: str
    goals: str
    net_hours: str
    test_hours: str
    self_study: str
    day_net_hours: str
    """A day's net hours, with ``{hours}``."""
    day_net_unknown: str
    method: str
    certificate: str
    costs: str
    runs: str
    not_stated: str
    """For a question the course file does not answer."""


DUTCH = DossierLabels(
    document="Accreditatiedossier",
    course="De cursus",
    title="Titel",
    subtitle="Ondertitel",
    summary="Korte beschrijving",
    description="Beschrijving",
    kind="Soort scholing",
    register_contact="Contactpersoon voor het register",
    audience="Doelgroep en instroomniveau",
    entry_level="Instroomniveau",
    goals="Leerdoelen",
    net_hours="Netto contacturen",
    test_hours="Waarvan toetsing",
    self_study="Zelfstudie",
    day_net_hours="Netto contacttijd: {hours}",
    day_net_unknown="Netto contacttijd: niet af te leiden; het cursusbestand noemt de sessies en pauzes van deze dag niet.",
    method="Werkvormen",
    certificate="Certificaat en voorwaarden",
    costs="Kosten",
    runs="Uitvoeringen en locaties",
    not_stated="Niet opgegeven in het cursusbestand.",
)

ENGLISH = DossierLabels(
    document="Accreditation dossier",
    course="The course",
    title="Title",
    subtitle="Subtitle",
    summary="Short description",
    description="Description",
    kind="Kind of course",
    register_contact="Contact person for the register",
    audience="Target group and entry level",
    entry_level="Entry level",
    goals="Learning goals",
    net_hours="Net contact hours",
    test_hours="Of which testing",
    self_study="Self-study",
    day_net_hours="Net contact time: {hours}",
    day_net_unknown="Net contact time: unknown; the course file does not list this day's sessions and breaks.",
    method="Teaching methods",
    certificate="Certificate and its conditions",
    costs="Costs",
    runs="Runs and locations",
    not_stated="Not stated in the course file.",
)

DOSSIER_LABELS: dict[str, DossierLabels] = {"nl": DUTCH, "en": ENGLISH}
"""The dossier's label tables, by the language of the brochure's label table."""


def dossier_labels(labels: Labels) -> DossierLabels:
    """The dossier's words in the language of the brochure's `labels`."""
    return DOSSIER_LABELS[labels.locale.split("_")[0]]
