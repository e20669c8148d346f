"""Postings in the company's language: a German and a French company (tests/fixtures/locale/)
render AIMLAM.GEN.P4 with headings, fixed phrases, money, dates and lists in their language and
the same language tag in every format. The role's own text stays English until translated
profiles exist: that is expected here."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, edit, line_of

DATE = "2026-11-23"
CODE = "AIMLAM.GEN.P4"
FIXTURES = REPO / "tests" / "fixtures" / "locale"
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture
def catalog(catalog: Path) -> Path:
    """The built-in catalog with the German (kranich) and French (lumiere) test companies, approved P4."""
    for name in ("kranich.yaml", "lumiere.yaml"):
        shutil.copy(FIXTURES / name, catalog / "companies" / name)
    edit(catalog / "roles" / f"{CODE}.yaml", "\nstatus: draft\n", "\nstatus: approved\n")
    return catalog


def rendered(run, catalog: Path, company: str, fmt: str) -> bytes:
    out = catalog.parent / "out"
    result = run("--catalog", str(catalog), "render", CODE, "-c", company, "-f", fmt, "-o", f"{out}/",
                 "--date", DATE, cwd=catalog.parent)
    assert result.code == 0, result.err
    return (out / f"{CODE}.{company}.{fmt}").read_bytes()


def markdown(run, catalog: Path, company: str) -> str:
    return rendered(run, catalog, company, "md").decode("utf-8")


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def headings(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("#")]


def test_german_markdown_head(run, catalog):
    md = markdown(run, catalog, "kranich")
    assert md.split("\n\n")[:4] == [
        "# Senior Machine Learning Engineer (m/w/d)",
        f"Kranich Energie GmbH · Hamburg, Deutschland / Bremen, Deutschland / Remote (Deutschland und Österreich)"
        f" · Hybrid / Remote · Vollzeit · 68.000{NBSP}€ – 84.000{NBSP}€ brutto pro Jahr",
        "Sie können von überall in Deutschland oder Österreich aus oder hybrid von Hamburg oder Bremen aus arbeiten.",
        "## Über die Stelle",
    ]


def test_german_headings_and_phrases(run, catalog):
    md = markdown(run, catalog, "kranich")
    assert headings(md) == [
        "# Senior Machine Learning Engineer (m/w/d)", "## Über die Stelle", "## Ihr Team", "## Ihre Aufgaben",
        "## Woran wir Erfolg messen", "## Ihr Profil", "### Qualifikationen", "### Fähigkeiten", "### Kenntnisse",
        "## Vergütung", "### Zusatzleistungen", "## Über Kranich Energie GmbH", "## Unser Auswahlprozess",
        "## So bewerben Sie sich", "## Chancengleichheit und Barrierefreiheit"]
    assert "Acht Data Scientists und Ingenieurinnen in Hamburg und Bremen. Sie berichten an unsere Leiterin " \
           "Data Science.\n" in md
    assert "Bewerben Sie sich per E-Mail an [karriere@kranich-energie.example](mailto:karriere@" in md
    assert "\nBewerbungsschluss ist der 31. Dezember 2026.\n" in md
    assert md.endswith("\nKennziffer: KE-2026-017\n")
    # The role's text is the catalog's, in English, until the profile is translated.
    # The role's own text is the profile's German translation (translations/de/AIMLAM.GEN.P4.yaml).
    assert "\n- KI/ML-Projekte oder einen wichtigen Produktbereich verantworten, von der ersten Idee bis zum " \
           "Produktivbetrieb\n" in md


def test_french_markdown(run, catalog):
    md = markdown(run, catalog, "lumiere")
    assert md.split("\n\n")[:3] == [
        "# Ingénieur·e Machine Learning senior",
        f"Atelier Lumière SAS · Lyon, France / Télétravail (France et Belgique) · Hybride / Télétravail"
        f" · Temps plein · 68{NNBSP}000{NBSP}€ – 84{NNBSP}000{NBSP}€ brut par an",
        f"Vous pouvez travailler à distance (lieu de résidence{NBSP}: France ou Belgique) ou en hybride depuis Lyon.",
    ]
    assert headings(md) == [
        "# Ingénieur·e Machine Learning senior", "## Le poste", "## Vos missions", "## Les résultats attendus",
        "## Votre profil", "### Qualifications", "### Compétences", "### Connaissances", "## Rémunération",
        "### Avantages", f"## Qui sommes-nous{NNBSP}?", "## Notre processus de recrutement", "## Comment postuler",
        "## Égalité des chances et aménagements"]
    assert "\nPostulez sur [https://atelier-lumiere.example/carrieres](https://atelier-lumiere.example/carrieres).\n" in md
    assert f"\nDate limite de candidature{NBSP}: 31 décembre 2026.\n" in md
    assert md.endswith(f"\nRéférence{NBSP}: AL-2026-009\n")


def test_draft_marker_is_in_the_posting_language(run, catalog):
    edit(catalog / "roles" / f"{CODE}.yaml", "\nstatus: approved\n", "\nstatus: draft\n")
    assert markdown(run, catalog, "kranich").split("\n\n")[1] == (
        "> ENTWURF – nicht zur Veröffentlichung freigegeben (Profilstatus: draft)")
    assert markdown(run, catalog, "lumiere").split("\n\n")[1] == (
        f"> BROUILLON – publication non validée (statut du profil{NBSP}: draft)")
    header = part(rendered(run, catalog, "kranich", "docx"), "word/header1.xml")
    assert "ENTWURF – nicht zur Veröffentlichung freigegeben<" in header


@pytest.mark.parametrize("company, tag, heading", [("kranich", "de", "Ihre Aufgaben"),
                                                    ("lumiere", "fr", "Vos missions")])
def test_html_is_tagged_and_worded_in_the_language(run, catalog, company, tag, heading):
    page = rendered(run, catalog, company, "html").decode("utf-8")
    assert page.startswith(f'<!DOCTYPE html>\n<html lang="{tag}">\n')
    assert f"<h2>{heading}</h2>" in page
    footer = {"kranich": "Kennziffer KE-2026-017", "lumiere": "Référence AL-2026-009"}[company]
    assert f"<footer>\n<p>{footer}</p>\n</footer>" in page
    script = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S)[1]
    assert json.loads(script)["inLanguage"] == tag


@pytest.mark.parametrize("company, tag", [("kranich", "de"), ("lumiere", "fr")])
def test_jsonld_says_the_language_and_describes_in_it(run, catalog, company, tag):
    data = json.loads(rendered(run, catalog, company, "jsonld"))
    assert data["inLanguage"] == tag
    assert {"kranich": "<h2>Ihre Aufgaben</h2>", "lumiere": "<h2>Vos missions</h2>"}[company] in data["description"]
    assert data["baseSalary"]["value"]["minValue"] == 68000    # numbers stay numbers


@pytest.mark.parametrize("company, tag, page", [("kranich", "de-DE", "Seite "), ("lumiere", "fr-FR", "Page ")])
def test_docx_language_is_the_posting_language(run, catalog, company, tag, page):
    data = rendered(run, catalog, company, "docx")
    styles = part(data, "word/styles.xml")
    assert re.search(f'<w:docDefaults><w:rPrDefault><w:rPr>.*?<w:lang w:val="{tag}"[ /]', styles)
    assert f"<dc:language>{tag}</dc:language>" in part(data, "docProps/core.xml")
    footer = part(data, "word/footer1.xml")
    reference = {"kranich": "Kennziffer KE-2026-017", "lumiere": "Référence AL-2026-009"}[company]
    assert f"{reference} · {page}<" in footer
    between = {"kranich": " von ", "lumiere": " sur "}[company]
    assert f'<w:t xml:space="preserve">{between}</w:t>' in footer
    document = part(data, "word/document.xml")
    assert {"kranich": "Bewerbungsschluss ist der 31. Dezember 2026.",
            "lumiere": f"Date limite de candidature{NBSP}: 31 décembre 2026."}[company] in document


def test_a_statement_in_another_language_is_tagged_in_html_and_docx(run, catalog):
    """Kranich writes German and adds an English statement as {text, language: en}."""
    statement = ("We welcome applications from everyone, whatever their origin, gender, religion, disability, "
                 "age or sexual identity.")
    page = rendered(run, catalog, "kranich", "html").decode("utf-8")
    assert f'<p lang="en">{statement}</p>' in page
    assert page.count(" lang=") == 2          # the page, and that paragraph only
    document = part(rendered(run, catalog, "kranich", "docx"), "word/document.xml")
    assert f'<w:r><w:rPr><w:lang w:val="en"/></w:rPr><w:t xml:space="preserve">{statement}</w:t></w:r>' in document
    assert document.count("<w:lang ") == 1
    assert f"\n{statement}\n" in markdown(run, catalog, "kranich")   # Markdown cannot tag it: the text as it is


def test_a_german_statement_in_an_english_posting(run, catalog):
    """The issue's case: an AGG line in German inside an English posting of a company in Germany
    (Lindenhof, which publishes in German, turned to English)."""
    path = catalog / "companies" / "lindenhof.yaml"
    edit(path, "    language: de\n", "    language: en\n")
    edit(path, "  additional:\n    - >-\n      Wir freuen", "  additional:\n    - language: de\n      text: >-\n"
                                                            "        Wir freuen")
    edit(path, "      Geschlecht, Religion", "        Geschlecht, Religion")
    edit(path, "      Identität (AGG).", "        Identität (AGG).")
    page = rendered(run, catalog, "lindenhof", "html").decode("utf-8")
    assert '<html lang="en">' in page and '<p lang="de">Wir freuen uns über alle Bewerbungen' in page
    document = part(rendered(run, catalog, "lindenhof", "docx"), "word/document.xml")
    assert '<w:lang w:val="de-DE"/></w:rPr><w:t xml:space="preserve">Wir freuen uns' in document


def test_every_style_that_names_a_language_gets_the_posting_language(run, catalog):
    """A brand document whose styles carry Word's en-US would keep German text checked as English."""
    brand = catalog / "companies" / "brand.docx"
    with zipfile.ZipFile(REPO / "templates" / "reference.docx") as source, zipfile.ZipFile(brand, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/styles.xml":
                data = data.replace(b'<w:rPr><w:color w:val="1F2933"/></w:rPr></w:style>',
                                    b'<w:rPr><w:color w:val="1F2933"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/>'
                                    b'</w:rPr></w:style>', 1)
                assert b'w:val="en-US"' in data
            target.writestr(item, data)
    edit(catalog / "companies" / "kranich.yaml", "  industry:", "  reference_docx: brand.docx\n  industry:")
    styles = part(rendered(run, catalog, "kranich", "docx"), "word/styles.xml")
    assert 'w:val="en-US"' not in styles
    assert '<w:lang w:val="de-DE" w:eastAsia="ja-JP"/></w:rPr></w:style>' in styles    # the Normal style's


@pytest.mark.parametrize("places, expected", [
    ("montreal", "fr-CA"),            # every place says fr: French, for Canada
    ("montreal, denver", "en"),       # the places disagree: the company's language stays (en-US, "en" on the web)
])
def test_a_location_language_wins_when_every_location_agrees(run, catalog, places, expected):
    path = catalog / "companies" / "northwind.yaml"
    edit(path, "locations:\n", "locations:\n  - id: montreal\n    city: Montréal\n    region: QC\n    country: CA\n"
                               "    work_model: hybrid\n    timezone: America/Toronto\n    language: fr\n")
    text = path.read_text(encoding="utf-8")
    role = text.index("  AIMLAM.GEN.P4:\n") + len("  AIMLAM.GEN.P4:\n")
    path.write_text(text[:role] + f"    locations: [{places}]\n" + text[role:], encoding="utf-8")
    page = rendered(run, catalog, "northwind", "html").decode("utf-8")
    assert f'<html lang="{expected}">' in page
    if expected == "fr-CA":
        assert "<h2>Vos missions</h2>" in page and "Montréal, Canada" in page
        assert f"157{NBSP}000{NBSP}${NBSP}US – 196{NBSP}000{NBSP}${NBSP}US brut par an" in page
    else:
        assert "<h2>What you will do</h2>" in page


def test_a_language_nobody_translates_stops_with_the_file_to_add(run, catalog):
    path = catalog / "companies" / "kranich.yaml"
    edit(path, "    language: de\n", "    language: es\n")
    result = run("--catalog", str(catalog), "render", CODE, "-c", "kranich", "--date", DATE, cwd=catalog.parent)
    assert result.code == 2 and result.out == ""
    line = line_of(path, "language: es")
    assert result.err == (
        f"catalog/companies/kranich.yaml:{line}:15: no translation of the posting templates into 'es' (jdgen ships en, de, "
        "fr) (add catalog/locales/es/LC_MESSAGES/jdgen.po to the catalog, translated from jdgen's locales/jdgen.pot)\n")


def test_northwind_stays_english():
    """Northwind's postings are the golden files, byte for byte (tests/test_render_golden.py)."""
    golden = (REPO / "tests" / "golden" / "AIMLAM.GEN.P4.northwind.md").read_text(encoding="utf-8")
    assert "## What you will do\n" in golden and "$157,000–$196,000 per year" in golden
    assert "Applications close on December 31, 2026." in golden
