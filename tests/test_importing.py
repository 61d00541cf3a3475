"""import_course: the seed flyer and flyers like it come in as the course they describe; the report
says what was found, guessed and missing; a source that cannot be imported is one clear error."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from ncmw_course import import_course, load_course
from ncmw_course.importing import ImportResult, ImportSourceError
from tests.conftest import TESTDATA

SEED = TESTDATA / "seed" / "000_d4191903c464d465.txt"
FLYERS = TESTDATA / "import"


def expected() -> dict[str, Any]:
    return load_course().model_dump(mode="json")


def prose_and_people(data: dict[str, Any]) -> dict[str, Any]:
    """What the seed's accuracy target compares: prose, programme, trainers' names and biographies, contact."""
    return {
        **{
            key: data.get(key)
            for key in ("title", "subtitle", "summary", "description", "audience", "goals", "method")
        },
        "programme": {
            "introduction": data["programme"]["introduction"],
            "days": [
                {key: day.get(key) for key in ("ordinal", "theme", "topics")}
                for day in data["programme"]["days"]
            ],
        },
        "trainers": [(trainer["name"], trainer.get("biography")) for trainer in data["trainers"]],
    }


@pytest.fixture(scope="module")
def seed() -> ImportResult:
    return import_course(SEED)


class TestSeed:
    def test_prose_programme_trainer_and_contact_are_the_bundled_course(self, seed: ImportResult) -> None:
        assert prose_and_people(seed.data) == prose_and_people(expected())
        assert seed.course is not None
        bundled = load_course()
        assert seed.course.contact == bundled.contact
        assert seed.course.provider == bundled.provider

    def test_it_validates_with_only_slug_updated_and_keywords_to_check(self, seed: ImportResult) -> None:
        assert seed.valid
        assert seed.problems == ()
        assert seed.report.fields("guessed") == ["slug", "updated", "keywords"]
        assert seed.data["slug"] == "ontrouw-binnen-de-relatie"
        assert seed.data["language"] == "nl"

    def test_the_multi_hyphen_and_the_typographic_quotes_are_kept(self, seed: ImportResult) -> None:
        biography = seed.data["trainers"][0]["biography"][0]
        assert "multi-probleemgezinnen" in biography
        assert "relatie – gezinstherapeut" in biography
        assert (
            "Is ontrouw een epidemie van “recht hebben op geluk?”"
            in seed.data["programme"]["days"][0]["topics"]
        )

    def test_the_report_says_where_each_field_was_found(self, seed: ImportResult) -> None:
        lines = seed.report.text().splitlines()
        assert lines[0] == f"Read {SEED} as plain text:"
        assert (
            "  found    title                   line 1, in capitals; written as the text writes these words"
            in lines
        )
        assert (
            "  found    programme.days          2 days with 9 topics, under PROGRAMMA (lines 21–42)" in lines
        )
        assert "  found    contact.phone           line 60" in lines
        assert "  missing  price                   not in the source" in lines
        assert lines[-1] == "Fields: 14 found, 3 guessed, 16 missing."

    def test_the_date_is_source_date_epoch_when_set(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
        assert import_course(SEED).data["updated"] == "2026-01-01"

    def test_bytes_import_the_same(self, seed: ImportResult) -> None:
        assert import_course(SEED.read_bytes()).data == seed.data


@pytest.mark.parametrize("name", ["flyer-word-styles.docx", "flyer-word-bold.docx"])
def test_word_flyers_made_by_hand_import_as_the_seed(name: str, seed: ImportResult) -> None:
    """Word's Heading and List styles, or only bold lines and typed bullets: the seed's result."""
    result = import_course(FLYERS / name)
    assert result.report.kind == "a Word document"
    assert result.data == seed.data


def test_a_flyer_with_other_headings_three_days_two_trainers_and_a_date_line() -> None:
    result = import_course(FLYERS / "flyer-scheiding.txt")
    data = result.data
    assert result.valid, result.problems
    assert (data["title"], data["subtitle"]) == (
        "Gespreksvoering bij scheiding",
        "Kinderen centraal in het gesprek met ouders",
    )
    assert data["description"][0].endswith(
        "In deze driedaagse nascholing oefen je met gesprekken waarin de kinderen centraal staan en waarin je geen partij kiest."
    )
    assert [day["theme"] for day in data["programme"]["days"]] == [
        "De positie van de hulpverlener",
        "Kinderen en loyaliteit",
        "Afspraken die werken: het ouderschapsplan en de omgangsregeling",
    ]
    assert (
        data["programme"]["days"][0]["topics"][1]
        == "Het eerste gesprek met twee ouders die elkaar niet meer willen zien"
    )
    assert data["audience"] == [
        (
            "Maatschappelijk werkers, jeugdhulpverleners en gezinscoaches die ouders begeleiden tijdens en na een "
            "scheiding, ook in multi-probleemgezinnen en in het vrijwillig kader."
        )
    ]
    assert data["goals"][0].startswith("Na afloop kun je een gesprek")
    assert data["method"] == [
        (
            "Korte theorie wisselt af met rollenspel en casusbespreking. Je brengt zelf een casus in, die in kleine "
            "groepen wordt behandeld."
        )
    ]
    assert [trainer["name"] for trainer in data["trainers"]] == ["Marieke de Vries", "Sjoerd Ødegaard"]
    assert "les aan de hbo-opleiding Social Work." in data["trainers"][0]["biography"][0]
    assert data["editions"] == [
        {
            "start_date": "2027-03-09",
            "end_date": "2027-03-23",
            "day_dates": ["2027-03-09", "2027-03-16", "2027-03-23"],
        }
    ]
    assert {(day["start_time"], day["end_time"]) for day in data["programme"]["days"]} == {("09:30", "16:30")}
    assert data["price"] == {"amount": "495.00", "currency": "EUR", "vat_note": "vrijgesteld van btw"}
    assert data["contact"] == {
        "phone": "077 – 320 45 67",
        "email": "cursus@ncmw.nl",
        "website": "www.ncmw.nl",
    }
    assert result.report.notes[:4] == [
        "joined 'nascho- + ling' as 'nascholing' (line 6): the text writes 'nascholing' elsewhere",
        "kept the hyphen of 'multi- + probleemgezinnen' (line 30): 'multi-' is a prefix written with a hyphen",
        "joined 'be- + handeld' as 'behandeld' (line 39): a break at the end of a line",
        "kept the hyphen of 'hbo- + opleiding' (line 44): an abbreviation or a number comes before it",
    ]


def test_a_flyer_with_goals_as_a_list_and_contact_lines_of_their_own() -> None:
    result = import_course(FLYERS / "flyer-trauma.txt")
    data = result.data
    assert result.valid, result.problems
    assert data["title"] == "Omgaan met trauma in de wijk"
    assert data["audience"] == [
        "Deze training is bedoeld voor professionals in wijkteams en het algemeen maatschappelijk werk."
    ]
    assert len(data["goals"]) == 3
    assert [(day["theme"], len(day["topics"])) for day in data["programme"]["days"]] == [
        ("Wat is trauma?", 2),
        ("Stabiliseren en doorverwijzen", 2),
    ]
    assert data["method"][0].endswith("casuïstiek uit de eigen praktijk van de deelnemers.")
    assert [(t["name"], len(t["biography"])) for t in data["trainers"]] == [
        ("Anna van der Berg", 1),
        ("Peter Jansen", 1),
    ]
    assert data["contact"] == {
        "name": "Marieke Jansen",
        "phone": "077-3204567",
        "email": "cursus@ncmw.nl",
        "website": "www.ncmw.nl",
    }
    assert any(
        note.startswith("left out line 28: 'De training wordt verzorgd door") for note in result.report.notes
    )


def test_facts_under_headings_of_their_own_meetings_and_page_numbers() -> None:
    text = (
        "CURSUS X\n\nEen cursus.\n\nKOSTEN\n€ 250,- (inclusief lunch)\n\nDATA EN TIJDEN\n"
        "10 en 17 maart 2027, 9.30 - 16.00 uur\n\nPROGRAMMA\nBIJEENKOMST 1: Start\n• Een begin\n2\n"
        "BIJEENKOMST 2: Verder\n• Nog een\n"
    )
    result = import_course(text.encode(), name="x.txt")
    assert result.data["price"] == {"amount": "250.00", "currency": "EUR"}
    assert result.report.notes == ["line 6: left out '(inclusief lunch)' after the price: not about VAT"]
    assert result.data["editions"] == [
        {"start_date": "2027-03-10", "end_date": "2027-03-17", "day_dates": ["2027-03-10", "2027-03-17"]}
    ]
    assert result.data["programme"]["days"] == [
        {"ordinal": 1, "theme": "Start", "topics": ["Een begin"], "start_time": "09:30", "end_time": "16:00"},
        {"ordinal": 2, "theme": "Verder", "topics": ["Nog een"], "start_time": "09:30", "end_time": "16:00"},
    ]


def test_what_the_source_does_not_state_stays_empty() -> None:
    """A flyer with no trainer section and no contact line: a draft with those fields missing."""
    text = "MIJN CURSUS\n\nEen cursus over iets.\n\nPROGRAMMA\nEERSTE DAG: Begin\n• Een onderwerp\n"
    result = import_course(text.encode(), name="kort.txt")
    assert not result.valid
    assert result.data["trainers"] == [{"name": ""}]
    assert result.data["contact"] == {}
    assert result.data["audience"] == []
    assert {"trainers", "audience", "goals", "method", "contact.phone"} <= set(
        result.report.fields("missing")
    )
    assert {problem.location for problem in result.problems} >= {
        "audience",
        "goals",
        "method",
        "trainers[0].name",
    }


class TestErrors:
    """Each is one clear message, naming the source and what to do."""

    def message(self, data: bytes, name: str, tmp_path: Path) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportSourceError) as caught:
            import_course(path)
        text = str(caught.value)
        assert "\n" not in text
        return text.replace(str(tmp_path) + "/", "")

    def test_an_empty_file(self, tmp_path: Path) -> None:
        assert (
            self.message(b"  \n", "leeg.txt", tmp_path)
            == "leeg.txt: the file is empty; there is nothing to import"
        )

    def test_a_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(ImportSourceError, match=r"weg\.txt: no such file; check the path$"):
            import_course(tmp_path / "weg.txt")

    def test_not_a_docx(self, tmp_path: Path) -> None:
        assert self.message(b"just text", "flyer.docx", tmp_path) == (
            "flyer.docx: is not a Word document (.docx); give a .docx, a .pdf or plain text"
        )

    def test_an_old_word_document(self, tmp_path: Path) -> None:
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
        assert self.message(data, "flyer.docx", tmp_path) == (
            "flyer.docx: is a Word 97–2003 document (.doc), not a .docx; save it in Word as .docx and import that"
        )

    def test_a_password_protected_word_document(self, tmp_path: Path) -> None:
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
        assert self.message(data, "flyer.docx", tmp_path) == (
            "flyer.docx: is password-protected; save a copy without a password and import that"
        )

    def test_not_a_pdf(self, tmp_path: Path) -> None:
        assert self.message(b"%PDF-1.7 broken", "flyer.pdf", tmp_path) == (
            "flyer.pdf: is not a readable PDF; give a .pdf, a .docx or plain text"
        )

    def test_a_scanned_pdf_without_text(self, tmp_path: Path) -> None:
        assert self.message(_pdf(), "scan.pdf", tmp_path) == (
            "scan.pdf: has no text, only images (a scanned PDF?); run text recognition (OCR) on it first, "
            "or import the Word file or text it was made from"
        )

    def test_a_password_protected_pdf(self, tmp_path: Path) -> None:
        assert self.message(_pdf(password="geheim"), "flyer.pdf", tmp_path) == (
            "flyer.pdf: is password-protected; save a copy without a password and import that"
        )

    def test_text_that_is_not_utf8(self, tmp_path: Path) -> None:
        assert self.message("Cursus café".encode("latin-1"), "flyer.txt", tmp_path) == (
            "flyer.txt: is not UTF-8 text (byte 0xE9 at position 10); save it as UTF-8 text, or import the "
            ".docx or .pdf it came from"
        )


def _pdf(password: str | None = None) -> bytes:
    """A one-page PDF without text (as a scanner makes, less the picture), optionally locked."""
    import pikepdf

    document = pikepdf.new()
    document.add_blank_page(page_size=(595, 842))
    buffer = io.BytesIO()
    encryption = pikepdf.Encryption(user=password, owner=password) if password else False
    document.save(buffer, encryption=encryption)
    return buffer.getvalue()
