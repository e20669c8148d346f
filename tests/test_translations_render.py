"""Rendering for a company that publishes in German or French prints the profile's translated text;
a missing or stale translation holds the posting back; English postings do not change."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from translation_catalogs import DE_P4, P4, catalog_with, line_col, replace_in

from jdgen.catalog.companies import find_company
from jdgen.catalog.root import Catalog
from jdgen.compose.posting import compose
from jdgen.resources import builtin_catalog

DAY = "2026-11-23"
DRAFT_WARNING = ("warning: AIMLAM.GEN.P4 is not approved (status: draft); its posting is marked as a draft: "
                 "review it before publishing\n")


def _render(run, root: Path, *args: str):
    return run("render", *args, "--date", DAY, cwd=root)


def test_a_german_company_prints_the_german_text_of_the_profile(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    result = _render(run, root, "AIMLAM.GEN.P4", "-c", "isarwerk")
    assert result.code == 0, result.err
    assert result.err == DRAFT_WARNING
    lines = result.out.splitlines()
    assert lines[0] == "# Senior AI/ML Engineer / Tech Lead (m/w/d)"
    about = lines.index("## Über die Stelle")
    assert lines[about + 2].startswith("Die meisten Unternehmen erheben weit mehr Daten, als sie nutzen")
    duties = lines.index("## Ihre Aufgaben")
    assert lines[duties + 2:duties + 4] == [
        "- KI/ML-Projekte oder einen wichtigen Produktbereich verantworten, von der ersten Idee bis zum Produktivbetrieb",
        "- Ein KI/ML-Team fachlich führen: die Vorgehensweise festlegen, Entwürfe prüfen und Hindernisse aus dem Weg "
        "räumen"]
    success = lines.index("## Woran wir Erfolg messen")
    assert lines[success + 2].startswith("Unternehmen treffen datengestützte Entscheidungen")
    assert "- 5–8 Jahre Berufserfahrung im Machine Learning oder in einem verwandten Engineering-Bereich" in lines
    # The translated qualification states the years, so the level's years line is not added beside it.
    assert not [line for line in lines if "years of relevant experience" in line or "Jahre einschlägige" in line]
    assert "- Bereichsübergreifende Zusammenarbeit" in lines
    assert "- Ethik und Governance von KI/ML" in lines
    # The company's own text is printed as it wrote it.
    assert "- 30 Tage Urlaub" in lines and "1. Ein Videogespräch mit der Teamleitung" in lines
    # None of the profile's English is left.
    for english in ("Own AI/ML projects", "Most organizations collect", "Cross-functional collaboration",
                    "Organizations make data-driven", "AI/ML ethics and governance"):
        assert english not in result.out


def test_a_french_company_prints_the_french_text_of_the_profile(run, tmp_path: Path):
    root = catalog_with(tmp_path, "rivedroite")
    result = _render(run, root, "AIMLAM.GEN.P4", "-c", "rivedroite")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "# Ingénieur IA/ML senior / Tech Lead (H/F)"
    assert "- Piloter des projets d'IA/ML ou un périmètre produit important, de la première idée à la mise en " \
           "production" in lines
    assert "- 5–8 ans d'expérience en machine learning ou dans un domaine d'ingénierie proche" in lines
    assert "- Collaboration transverse" in lines
    assert "Own AI/ML projects" not in result.out


def test_html_and_json_ld_carry_the_translated_text(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    result = _render(run, root, "AIMLAM.APP.P4", "-c", "isarwerk", "-f", "jsonld", "--jsonld-drafts")
    assert result.code == 0, result.err
    posting = json.loads(result.out)
    assert posting["title"] == "Senior AI Application Engineer (m/w/d)"
    assert posting["responsibilities"].startswith("Fortgeschrittene KI-Modelle entwerfen, entwickeln und optimieren")
    html = _render(run, root, "AIMLAM.APP.P4", "-c", "isarwerk", "-f", "html")
    assert html.code == 0, html.err
    assert "<li>Modelle, Methoden und Projektergebnisse dokumentieren</li>" in html.out


def test_a_profile_without_a_translation_is_held_back_naming_the_file_and_the_command(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    (root / "translations" / "de" / "AIMLAM.GEN.P5.yaml").unlink()
    result = _render(run, root, "AIMLAM.GEN.P5", "-c", "isarwerk")
    assert result.code == 1
    assert result.out == ""
    line, col = line_col(root / "roles" / "AIMLAM.GEN.P5.yaml", "code: AIMLAM.GEN.P5")
    col += len("code: ")
    assert result.err.splitlines() == [
        f"roles/AIMLAM.GEN.P5.yaml:{line}:{col}: JD801 error AIMLAM.GEN.P5 has no translation into 'de', the "
        "language isarwerk's postings are written in (start one with `jdgen translate AIMLAM.GEN.P5 --language de`, "
        "which writes translations/de/AIMLAM.GEN.P5.yaml)",
        "not written: AIMLAM.GEN.P5 for isarwerk, with 1 lint error (fix it, or pass --allow-errors to write it "
        "anyway)"]


def test_allow_errors_writes_the_english_where_there_is_no_translation(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    (root / "translations" / "de" / "AIMLAM.GEN.P5.yaml").unlink()
    result = _render(run, root, "AIMLAM.GEN.P5", "-c", "isarwerk", "--allow-errors")
    assert result.code == 0
    assert "JD801 warning AIMLAM.GEN.P5 has no translation into 'de'" in result.err
    english = Catalog(builtin_catalog()).profile("AIMLAM.GEN.P5").model
    assert result.out.startswith(f"# {english.title} (m/w/d)\n")


def test_a_stale_translation_holds_the_posting_back_and_allow_errors_prints_the_english(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    replace_in(root / P4, "posting: Drive the AI initiatives that matter most to the business",
               "posting: Drive the AI initiatives that matter most to the company")
    line, col = line_col(root / DE_P4, 'source: ba8d9725ec')
    result = _render(run, root, "AIMLAM.GEN.P4", "-c", "isarwerk")
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{DE_P4}:{line}:{col + len('source: ')}: JD802 error stale translation of responsibilities: the English "
        "changed since it was translated and now reads 'Drive the AI initiatives that matter most to the company' "
        "(translate it again, then set source: e3dc76f477; `jdgen translate AIMLAM.GEN.P4 --language de` shows the "
        "new English above the entry)",
        "not written: AIMLAM.GEN.P4 for isarwerk, with 1 lint error (fix it, or pass --allow-errors to write it "
        "anyway)"]
    written = _render(run, root, "AIMLAM.GEN.P4", "-c", "isarwerk", "--allow-errors")
    assert written.code == 0
    assert "- Drive the AI initiatives that matter most to the company\n" in written.out
    assert "- KI/ML-Strategien entwickeln und in die Praxis umsetzen\n" in written.out


def test_reordered_items_keep_their_translations(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    owning = "  - text: Project ownership\n    posting: Owning projects end to end\n    prevalence: common\n" \
             "    scope: level\n"
    replace_in(root / P4, owning, "")
    replace_in(root / P4, "  - text: Visionary thinking\n", owning + "  - text: Visionary thinking\n")
    result = _render(run, root, "AIMLAM.GEN.P4", "-c", "isarwerk")
    assert result.code == 0, result.err
    skills = result.out.split("### Fähigkeiten\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert skills[:4] == ["- Festlegen der technischen Ausrichtung eines Teams",
                          "- Schnelles Prototyping zum Testen neuer Ideen",
                          "- Bereichsübergreifende Zusammenarbeit",
                          "- End-to-End-Verantwortung für Projekte"]


def test_what_the_company_writes_needs_no_translation(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    with (root / "companies" / "isarwerk.yaml").open("a", encoding="utf-8") as stream:
        stream.write("roles:\n  AIMLAM.GEN.P4:\n    title: Lead Machine Learning Engineer\n"
                     "    responsibilities:\n      append:\n"
                     "        - text: Prognosemodelle für den Strombedarf von 40 Stadtwerken verantworten\n")
    result = _render(run, root, "AIMLAM.GEN.P4", "-c", "isarwerk")
    assert result.code == 0, result.err
    assert result.out.startswith("# Lead Machine Learning Engineer (m/w/d)\n")
    assert "- Prognosemodelle für den Strombedarf von 40 Stadtwerken verantworten\n" in result.out


def test_translated_words_are_located_in_the_translation_file(tmp_path: Path, monkeypatch):
    root = catalog_with(tmp_path, "isarwerk")
    monkeypatch.chdir(root)
    catalog = Catalog(root)
    posting = compose(catalog, catalog.profile("AIMLAM.GEN.P4"), find_company(catalog, "isarwerk"), date(2026, 11, 23))
    assert posting.translation is not None and posting.translation.language == "de"
    where = posting.provenance[("responsibilities", 0, "posting")]
    line, col = line_col(root / DE_P4, "KI/ML-Projekte oder einen wichtigen")
    assert (where.file, where.line, where.col) == (DE_P4, line, col)
    assert posting.profile.responsibilities[0].text == "Ownership of entire AI/ML projects or significant product areas"


def test_english_postings_are_not_translated(tmp_path: Path):
    catalog = Catalog(builtin_catalog())
    profile = catalog.profile("AIMLAM.GEN.P4")
    for company in (None, find_company(catalog, "northwind")):
        posting = compose(catalog, profile, company, date(2026, 11, 23))
        assert posting.translation is None
        assert posting.profile.responsibilities[0].posting == \
            "Own AI/ML projects or a significant product area, from first idea to production"
    # Lindenhof publishes in German: its posting is the one that is translated
    german = compose(catalog, profile, find_company(catalog, "lindenhof"), date(2026, 11, 23))
    assert german.translation is not None and german.profile.responsibilities[0].posting == \
        "KI/ML-Projekte oder einen wichtigen Produktbereich verantworten, von der ersten Idee bis zum Produktivbetrieb"
