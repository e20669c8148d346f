"""JD801 (missing), JD802 (stale) and JD803 (orphan): exact messages, places and severities."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from translation_catalogs import DE_P4, FR_P4, P4, catalog_with, line_col, replace_in

from jdgen.catalog.root import Catalog
from jdgen.lint import lint

AS_OF = date(2026, 11, 23)


def findings(root: Path, about: str = "") -> list[str]:
    """The translation findings of linting ``root``, as the CLI prints them; only those naming ``about``."""
    result = lint(Catalog(root), as_of=AS_OF)
    lines = [f"{f.location}: {f.code} {f.severity} {f.message} ({f.hint})" for f in result.findings
             if f.code.startswith("JD80")]
    return [line for line in lines if about in line]


@pytest.fixture
def here(monkeypatch):
    """Run in the catalog, so locations read as people see them: relative to the catalog."""
    def enter(root: Path) -> Path:
        monkeypatch.chdir(root)
        return root
    return enter


def _at(root: Path, relative: str, needle: str, skip: str = "") -> str:
    line, col = line_col(root / relative, needle)
    return f"{relative}:{line}:{col + len(skip)}"


def _source(root: Path, relative: str, source: str) -> str:
    """Where an entry's ``source:`` value is (quoted in the file when it starts with a digit)."""
    text = (root / relative).read_text(encoding="utf-8")
    needle = f'source: "{source}"' if f'source: "{source}"' in text else f"source: {source}"
    return _at(root, relative, needle, "source: ")


def test_the_shipped_catalog_has_no_translation_findings(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    assert findings(root) == []


def test_no_missing_translation_is_reported_while_no_company_publishes_in_another_language(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    shutil.rmtree(root / "translations")
    assert findings(root) == []


def test_a_german_company_needs_every_profile_it_posts_translated(here, tmp_path: Path):
    root = here(catalog_with(tmp_path, "isarwerk"))
    untranslated = ["AIMLAM.APP.P1", "AIMLAM.GEN.P5"]   # the built-in catalog translates every profile
    for code in untranslated:
        (root / "translations" / "de" / f"{code}.yaml").unlink()
    found = findings(root)
    assert found == [
        f"{_at(root, f'roles/{code}.yaml', f'code: {code}', 'code: ')}: JD801 error {code} has no translation into "
        f"'de', the language isarwerk's postings are written in (start one with `jdgen translate {code} --language "
        f"de`, which writes translations/de/{code}.yaml)"
        for code in untranslated]


def test_a_text_without_an_entry_is_reported_at_the_profile(here, tmp_path: Path):
    root = here(catalog_with(tmp_path, "isarwerk"))
    replace_in(root / DE_P4, "  - source: \"26ed20f94c\"\n    text: Schnelles Prototyping zum Testen neuer Ideen\n", "")
    assert findings(root, "AIMLAM.GEN.P4") == [
        f"{_at(root, P4, 'posting: Fast prototyping to test new ideas', 'posting: ')}: JD801 error {DE_P4} has no "
        "entry for this text of skills, which postings in 'de' print: 'Fast prototyping to test new ideas' "
        "(run `jdgen translate AIMLAM.GEN.P4 --language de` to add one, then write its text)"]


def test_an_entry_without_text_is_reported_in_the_translation(here, tmp_path: Path):
    root = here(catalog_with(tmp_path, "isarwerk"))
    replace_in(root / DE_P4, "    text: Ethik und Governance von KI/ML\n", "")
    assert findings(root, "AIMLAM.GEN.P4") == [
        f"{_source(root, DE_P4, '0c10f2a1fa')}: JD801 error untranslated entry of knowledge: it "
        "has no text yet, so postings in 'de' would print the English 'AI/ML ethics and governance' "
        "(write the translation below source:, as text: ...)"]


def test_an_edited_text_makes_its_entry_stale_in_every_language(here, tmp_path: Path):
    """No company publishes in German or French here: the translations are checked all the same, as warnings."""
    root = here(catalog_with(tmp_path))
    replace_in(root / P4, "  - text: Cross-functional collaboration\n", "  - text: Cross-team collaboration\n")
    expected = []
    for relative, language in ((DE_P4, "de"), (FR_P4, "fr")):
        expected.append(
            f"{_source(root, relative, 'ed0c2e9922')}: JD802 warning stale translation of skills: the "
            "English changed since it was translated and now reads 'Cross-team collaboration' (translate it again, "
            f"then set source: 7687815d35; `jdgen translate AIMLAM.GEN.P4 --language {language}` shows the new "
            "English above the entry)")
    assert findings(root) == expected


def test_a_stale_single_text_quotes_the_english_as_it_reads_now(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    replace_in(root / P4, "\ntitle: Senior AI/ML Engineer / Tech Lead", "\ntitle: Senior AI/ML Engineer and Tech Lead")
    found = findings(root)
    assert [line.split(": JD802 ", 1)[0] for line in found] == [
        _at(root, DE_P4, 'source: "2b05be1ae6"', "source: "), _at(root, FR_P4, 'source: "2b05be1ae6"', "source: ")]
    assert all("stale translation of title: the English changed since it was translated and now reads "
               "'Senior AI/ML Engineer and Tech Lead'" in line for line in found)


def test_the_hash_the_stale_finding_names_makes_it_current(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    replace_in(root / P4, "  - text: Cross-functional collaboration\n", "  - text: Cross-team collaboration\n")
    for relative in (DE_P4, FR_P4):
        replace_in(root / relative, "source: ed0c2e9922", "source: 7687815d35")
    assert findings(root) == []


def test_a_removed_item_leaves_an_orphan_entry(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    replace_in(root / P4, "  - text: AI/ML ethics and governance\n    prevalence: common\n    scope: level\n", "")
    assert findings(root) == [
        f"{_source(root, relative, '0c10f2a1fa')}: JD803 warning orphan translation of "
        "knowledge: AIMLAM.GEN.P4 no longer prints the English this entry translates (source 0c10f2a1fa) (delete the "
        f"entry, or run `jdgen translate AIMLAM.GEN.P4 --language {language}`, which drops it)"
        for relative, language in ((DE_P4, "de"), (FR_P4, "fr"))]


def test_an_item_kept_out_of_postings_leaves_an_orphan_entry(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    replace_in(root / P4, "  - text: Emerging AI/ML trends\n", "  - text: Emerging AI/ML trends\n    in_posting: false\n")
    assert [line.split(" (delete", 1)[0] for line in findings(root)] == [
        f"{_source(root, relative, '02267e72b0')}: JD803 warning orphan translation of "
        "knowledge: AIMLAM.GEN.P4 no longer prints the English this entry translates (source 02267e72b0)"
        for relative in (DE_P4, FR_P4)]


def test_a_translation_of_a_profile_the_catalog_lacks_is_an_orphan(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    (root / "roles" / "AIMLAM.APP.P4.yaml").unlink()
    found = findings(root)
    assert found == [
        f"{_at(root, f'translations/{language}/AIMLAM.APP.P4.yaml', 'code: AIMLAM.APP.P4', 'code: ')}: JD803 warning "
        "orphan translation: the catalog has no role profile AIMLAM.APP.P4 (delete this file, or rename it (and its "
        "code) after the profile's new code)"
        for language in ("de", "fr")]


def test_an_edit_and_a_removal_in_one_list_pair_the_leftovers_in_order(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    replace_in(root / P4, "    posting: Owning projects end to end\n", "")
    replace_in(root / P4, "  - text: Public speaking and representation\n"
                          "    posting: Presenting the team's work inside and outside the company\n"
                          "    prevalence: common\n    scope: level\n", "")
    found = [line.split(" (", 1)[0] for line in findings(root) if "/de/" in line]
    assert found == [
        f"{_source(root, DE_P4, '59ad4f4fb8')}: JD802 warning stale translation of skills: the "
        "English changed since it was translated and now reads 'Project ownership'",
        f"{_source(root, DE_P4, '7e7886021b')}: JD803 warning orphan translation of skills: "
        "AIMLAM.GEN.P4 no longer prints the English this entry translates"]


def test_reordering_items_is_no_finding(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    ethics = "  - text: AI/ML ethics and governance\n    prevalence: common\n    scope: level\n"
    replace_in(root / P4, ethics, "")
    replace_in(root / P4, "  - text: Emerging AI/ML trends\n    prevalence: common\n    scope: level\n",
               "  - text: Emerging AI/ML trends\n    prevalence: common\n    scope: level\n" + ethics)
    assert findings(root) == []


def test_a_translation_finding_can_be_suppressed_in_the_translation_file(here, tmp_path: Path):
    root = here(catalog_with(tmp_path))
    replace_in(root / P4, "  - text: AI/ML ethics and governance\n    prevalence: common\n    scope: level\n", "")
    for relative in (DE_P4, FR_P4):
        replace_in(root / relative, '  - source: "0c10f2a1fa"\n',
                   '  - source: "0c10f2a1fa"  # jdgen: ignore[JD803] kept for the ethics item coming back in v2\n')
    assert findings(root) == []


def test_a_stale_translation_is_an_error_where_a_company_publishes_in_its_language(here, tmp_path: Path):
    root = here(catalog_with(tmp_path, "isarwerk"))
    replace_in(root / P4, "  - text: Cross-functional collaboration\n", "  - text: Cross-team collaboration\n")
    assert [line.split(" stale ", 1)[0] for line in findings(root, "JD802")] == [
        f"{_source(root, DE_P4, 'ed0c2e9922')}: JD802 error", f"{_source(root, FR_P4, 'ed0c2e9922')}: JD802 warning"]


def test_the_lint_command_fails_on_a_stale_translation_only_where_it_is_published(run, tmp_path: Path):
    root = catalog_with(tmp_path)
    replace_in(root / P4, "  - text: Cross-functional collaboration\n", "  - text: Cross-team collaboration\n")
    files = len(list(root.rglob("*.yaml"))) + 1  # and jdgen.toml
    result = run("lint", "--as-of", AS_OF.isoformat(), cwd=root)
    assert result.code == 0
    assert [line.split(" ", 3)[1:3] for line in result.out.splitlines()] == [["JD802", "warning"]] * 2
    assert result.err == f"0 errors, 2 warnings, 0 info in {files} files and 36 postings\n"
    replace_in(root / "companies" / "lindenhof.yaml", "    language: en\n", "    language: fr\n")
    published = run("lint", "--as-of", AS_OF.isoformat(), "--select", "JD802", cwd=root)
    assert published.code == 1
    assert [line.split(" ", 3)[1:3] for line in published.out.splitlines()] == [["JD802", "warning"],
                                                                                 ["JD802", "error"]]


def test_the_rules_command_explains_the_translation_rules(run):
    listing = run("rules")
    assert listing.code == 0
    rows = [line.split()[:4] for line in listing.out.splitlines() if line.startswith("JD80")]
    assert rows == [["JD801", "translation-missing", "error", "posting"],
                    ["JD802", "translation-stale", "error", "posting"],
                    ["JD803", "translation-orphan", "warning", "catalog"]]
    explained = run("rules", "JD801")
    assert explained.code == 0
    assert explained.out.startswith("JD801 translation-missing\n  severity: error    checks: each posting\n")
    assert "language: nl" in explained.out and "`jdgen translate CODE --language LANGUAGE`" in explained.out


def test_lint_finds_translated_words_in_the_translation_file(here, tmp_path: Path):
    """What lint reads of a German posting's printed items is located where those words are written."""
    from jdgen.catalog.companies import find_company
    from jdgen.compose.posting import compose
    from jdgen.lint.texts import printed_items, printed_texts

    root = here(catalog_with(tmp_path, "isarwerk"))
    catalog = Catalog(root)
    posting = compose(catalog, catalog.profile("AIMLAM.GEN.P4"), find_company(catalog, "isarwerk"), AS_OF)
    item = next(entry.text for entry in printed_items(posting) if entry.name == "skills")
    assert item.text == "End-to-End-Verantwortung für Projekte"
    assert item.doc is posting.translation_doc and not item.from_company
    assert str(item.locate("Projekte")) == _at(root, DE_P4, "End-to-End-Verantwortung für Projekte", "End-to-End-Verantwortung für ")
    opening = next(text for text in printed_texts(posting) if text.field == "opening")
    assert str(opening.locate("Prototyp")) == _at(root, DE_P4, "Prototyp und")



def test_naming_a_translation_on_the_command_line_lints_its_profile(run, tmp_path: Path):
    """A pre-commit hook names the files a change touched: a translation stands for its profile."""
    root = catalog_with(tmp_path)
    replace_in(root / P4, "  - text: Cross-functional collaboration\n", "  - text: Cross-team collaboration\n")
    result = run("lint", DE_P4, "--as-of", AS_OF.isoformat(), "--select", "JD802", cwd=root)
    assert result.code == 0
    assert [line.split(": JD802 ", 1)[0] for line in result.out.splitlines()] == [
        _source(root, DE_P4, "ed0c2e9922"), _source(root, FR_P4, "ed0c2e9922")]
    assert result.err == "0 errors, 2 warnings, 0 info in 1 file and 3 postings\n"
