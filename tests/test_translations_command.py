"""`jdgen translate CODE --language LANGUAGE`: starting a file, refreshing it, and its errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from translation_catalogs import DE_P4, P4, catalog_with, replace_in

from jdgen.catalog.root import Catalog
from jdgen.catalog.translations import text_hash
from jdgen.catalog.yaml_source import load_yaml
from jdgen.lint import lint

P5 = "translations/de/AIMLAM.GEN.P5.yaml"


def test_a_new_file_has_an_entry_for_every_printed_text_and_no_translation_yet(run, tmp_path: Path):
    root = catalog_with(tmp_path)
    (root / P5).unlink()   # the built-in catalog has German text for every profile
    result = run("translate", "aimlam.gen.p5", "--language", "de", cwd=root)
    assert result.code == 0
    assert result.out == f"{P5}\n"
    assert result.err == f"{P5} written: 29 texts, 0 translated, 29 to translate\n"
    text = (root / P5).read_text(encoding="utf-8")
    profile = Catalog(root).profile("AIMLAM.GEN.P5").model
    assert text.startswith(
        "# yaml-language-server: $schema=../../../schemas/translation.schema.json\n"
        "# What AIMLAM.GEN.P5 (roles/AIMLAM.GEN.P5.yaml) prints in postings in 'de'.\n"
        "# Above each entry is the English it translates; `source` is that English's hash and\n"
        "# `text` the translation (an entry without text is still to be translated). After the\n"
        "# profile changes, run `jdgen translate AIMLAM.GEN.P5 --language de`; `jdgen lint`\n"
        "# says which entries need it.\n"
        "schema_version: 1\n"
        "code: AIMLAM.GEN.P5\n"
        "language: de\n"
        f"# en: {profile.title}\n"
        "title:\n"
        f"  source: {text_hash(profile.title)}\n")
    first = profile.responsibilities[0]
    assert f"responsibilities:\n  # en: {(first.posting or first.text)[:40]}" in text
    data = load_yaml(root / P5).data
    assert "text" not in data["title"] and all("text" not in entry for entry in data["responsibilities"])
    assert run("validate", P5, cwd=root).code == 0


def test_a_new_file_lints_as_untranslated_for_a_company_in_its_language(run, tmp_path: Path):
    root = catalog_with(tmp_path, "isarwerk")
    (root / P5).unlink()
    assert run("translate", "AIMLAM.GEN.P5", "-l", "de", cwd=root).code == 0
    result = lint(Catalog(root), as_of=date(2026, 11, 23))
    about_p5 = [f for f in result.findings if "AIMLAM.GEN.P5" in str(f.location)]
    assert len(about_p5) == 29
    assert {(f.code, f.severity) for f in about_p5} == {("JD801", "error")}
    assert all(f.message.startswith("untranslated entry of ") for f in about_p5)


def test_refreshing_keeps_translations_marks_what_changed_adds_new_texts_and_drops_orphans(run, tmp_path: Path):
    root = catalog_with(tmp_path)
    replace_in(root / P4, "  - text: Cross-functional collaboration\n", "  - text: Cross-team collaboration\n")
    replace_in(root / P4, "  - text: AI/ML ethics and governance\n", "  - text: Causal inference\n    posting: Causal "
                                                                       "inference for product decisions\n")
    replace_in(root / P4, "  - text: Emerging AI/ML trends\n    prevalence: common\n    scope: level\n", "")
    result = run("translate", "AIMLAM.GEN.P4", "--language", "de", cwd=root)
    assert result.code == 0
    assert result.out == f"{DE_P4}\n"
    assert result.err.splitlines() == [
        "dropped knowledge entry 'Neue Entwicklungen in KI/ML': AIMLAM.GEN.P4 no longer prints the English it "
        "translates",
        f"{DE_P4} written: 23 texts, 21 translated, 2 changed since translated"]
    text = (root / DE_P4).read_text(encoding="utf-8")
    assert ("  # en: Cross-team collaboration\n"
            f"  # changed since translated: translate it again, then set source: {text_hash('Cross-team collaboration')}\n"
            "  - source: ed0c2e9922\n"
            "    text: Bereichsübergreifende Zusammenarbeit\n") in text
    assert ("knowledge:\n"
            "  # en: Causal inference for product decisions\n"
            "  # changed since translated: translate it again, then set source: "
            f"{text_hash('Causal inference for product decisions')}\n"
            '  - source: "0c10f2a1fa"\n'
            "    text: Ethik und Governance von KI/ML\n") in text
    assert "Neue Entwicklungen" not in text
    # A second run changes nothing: stale entries stay stale until someone translates them again.
    again = run("translate", "AIMLAM.GEN.P4", "--language", "de", cwd=root)
    assert (again.code, again.out) == (0, "")
    assert again.err == f"{DE_P4} up to date: 23 texts, 21 translated, 2 changed since translated\n"


def test_refreshing_adds_an_entry_without_text_for_a_new_item(run, tmp_path: Path):
    root = catalog_with(tmp_path)
    replace_in(root / P4, "  - text: Emerging AI/ML trends\n", "  - text: Causal inference\n"
                                                                 "  - text: Emerging AI/ML trends\n")
    result = run("translate", "AIMLAM.GEN.P4", "--language", "fr", cwd=root)
    assert result.code == 0
    assert result.err == "translations/fr/AIMLAM.GEN.P4.yaml written: 25 texts, 24 translated, 1 to translate\n"
    text = (root / "translations/fr/AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")
    assert f"  # en: Causal inference\n  - source: {text_hash('Causal inference')}\n  # en: Emerging" in text


@pytest.mark.parametrize("args, message", [
    (("AIMLAM.GEN.P4", "--language", "DE"),
     "--language 'DE' is not a language code (give the two-letter ISO 639-1 code in lower case, as in a company's "
     "locale, e.g. de)"),
    (("AIMLAM.GEN.P4", "--language", "deu"),
     "--language 'deu' is not a language code (give the two-letter ISO 639-1 code in lower case, as in a company's "
     "locale, e.g. de)"),
    (("AIMLAM.GEN.P4", "--language", "en"),
     "--language en is the language profiles are written in (give the language postings should be translated into, "
     "e.g. de or fr)"),
    (("AIMLAM.GEN.P4", "--language", ""), "--language is empty (give a value, or leave --language out)"),
    (("AIMLAM.GEN.P4",), "Missing option '--language' / '-l'. (see `jdgen translate --help`)"),
    (("AIMLAM.GEN.P9", "--language", "de"),
     "no role profile with code 'AIMLAM.GEN.P9' in the current folder's catalog (did you mean AIMLAM.GEN.P1, "
     "AIMLAM.GEN.P2, AIMLAM.GEN.P3, AIMLAM.GEN.P4, AIMLAM.GEN.P5?)"),
])
def test_usage_errors_exit_2_with_one_line(run, tmp_path: Path, args: tuple[str, ...], message: str):
    root = catalog_with(tmp_path)
    result = run("translate", *args, cwd=root)
    assert result.code == 2
    assert (result.out, result.err) == ("", message + "\n")


def test_a_broken_file_is_not_refreshed(run, tmp_path: Path):
    root = catalog_with(tmp_path)
    replace_in(root / DE_P4, "\nlanguage: de\n", "\nlanguage: fr\n")
    before = (root / DE_P4).read_bytes()
    result = run("translate", "AIMLAM.GEN.P4", "--language", "de", cwd=root)
    assert result.code == 1
    assert result.err == (f"{DE_P4}:9:11: language 'fr' does not match the folder 'de' "
                          "(move the file to translations/fr/, or correct the language)\n")
    assert (root / DE_P4).read_bytes() == before


def test_a_catalog_made_by_init_gets_a_modeline_to_its_own_schemas(run, tmp_path: Path):
    assert run("init", str(tmp_path / "mine")).code == 0
    root = tmp_path / "mine"
    result = run("translate", "AIMLAM.GEN.P4", "-l", "fr", cwd=root)
    assert result.code == 0, result.err
    first = (root / "translations/fr/AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/translation.schema.json"
    assert (root / "schemas" / "translation.schema.json").is_file()
    assert run("validate", cwd=root).code == 0
