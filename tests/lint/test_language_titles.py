"""JD504 by language and country: which marker a title needs, from title_markers.yaml.

Lindenhof (the shipped Munich employer) is turned into a company writing in another language,
with one place in the country under test, and without its company-wide (m/w/d) suffix.
"""

from __future__ import annotations

import re

import pytest
from conftest import edit, line_of

SUFFIX = "defaults:\n  # German job ads name all genders (AGG §11); every title gets the usual marker.\n  title_suffix: (m/w/d)\n"
TITLE = "    title: Senior Machine Learning Engineer\n"
AFTER_DIRECTIVE = "2026-11-23"
HINT = "(add title_suffix: {marker} to the company's defaults, or the marker to this title)"


def company(catalog, language: str, country: str, *, suffix: str | None = None, title: str | None = None):
    """Lindenhof writing in ``language`` with its one place in ``country``; the P4 title line's number."""
    path = catalog / "companies" / "lindenhof.yaml"
    edit(path, "  locale:\n    language: de\n    region: DE\n", f"  locale:\n    language: {language}\n")
    text = path.read_text(encoding="utf-8")
    place = f"locations:\n  - id: office\n    city: Capital\n    country: {country}\n    work_model: onsite\n"
    text = re.sub(r"locations:\n.*?(?=employment_type:)", place, text, flags=re.S)
    text = text.replace(SUFFIX, f"defaults:\n  title_suffix: {suffix}\n" if suffix else "")
    if title is not None:
        text = text.replace(TITLE, f"    title: {title}\n")
    path.write_text(text, encoding="utf-8")
    return line_of(path, "    title: ")


def p4_findings(run, catalog, line: int, as_of: str = AFTER_DIRECTIVE) -> tuple[int, list[str]]:
    result = run("lint", "--select", "JD504", "--as-of", as_of, cwd=catalog)
    return result.code, [f for f in result.out.splitlines() if f.startswith(f"companies/lindenhof.yaml:{line}:")]


def expected(line: int, convention: str, marker: str, where: str, basis: str,
             title: str = "Senior Machine Learning Engineer") -> str:
    return (f"companies/lindenhof.yaml:{line}:12: JD504 warning the title {title!r} names no gender-neutral "
            f"marker such as the {convention} {marker}, and the posting is for {where} ({basis}) "
            + HINT.format(marker=marker))


@pytest.mark.parametrize(("language", "country", "convention", "marker", "basis"), [
    ("fr", "FR", "French", "(H/F)", "Code du travail L1142-1"),
    ("fr", "BE", "French", "(H/F)", "Belgian gender law of 10 May 2007"),
    ("fr", "CH", "French", "(H/F)", "GlG Art. 3 and practice"),
    ("de", "DE", "German", "(m/w/d)", "AGG §§ 1, 7, 11"),
    ("de", "AT", "German", "(m/w/d)", "GlBG § 9(1)"),
    ("de", "CH", "German", "(m/w/d)", "GlG Art. 3 and practice"),
    ("nl", "NL", "Dutch", "(m/v/x)", "Algemene wet gelijke behandeling"),
    ("nl", "BE", "Dutch", "(m/v/x)", "Belgian gender law of 10 May 2007"),
    ("pl", "PL", "Polish", "(k/m)", "Kodeks pracy (Dz.U. 2025 poz. 807)"),
])
def test_a_title_without_its_languages_marker_is_a_warning_naming_the_convention(
        run, catalog, language, country, convention, marker, basis):
    line = company(catalog, language, country)
    code, findings = p4_findings(run, catalog, line)
    assert code == 0  # a warning
    assert findings == [expected(line, convention, marker, country, basis)]


@pytest.mark.parametrize(("language", "country", "suffix"), [
    ("fr", "FR", "(H/F)"), ("fr", "FR", "(F/H)"), ("fr", "BE", "(H/F/X)"),
    ("de", "DE", "(m/w/d)"), ("de", "AT", "(w/m/d)"), ("de", "CH", "(all genders)"),
    ("nl", "NL", "(m/v/x)"), ("nl", "BE", "(v/m/x)"), ("nl", "NL", "(m/v/d)"), ("pl", "PL", "(k/m)"),
])
def test_a_title_with_its_languages_marker_passes(run, catalog, language, country, suffix):
    line = company(catalog, language, country, suffix=suffix)
    assert p4_findings(run, catalog, line) == (0, [])


@pytest.mark.parametrize(("language", "country", "title"), [
    ("de", "DE", "Senior Entwickler*in Machine Learning"),
    ("de", "AT", "Senior Entwickler:in Machine Learning"),
    ("fr", "FR", "Développeur·se senior en apprentissage automatique"),
    ("fr", "FR", "Développeur(euse) senior en apprentissage automatique"),
    ("pl", "PL", "Programista/Programistka ML"),
])
def test_an_inclusive_form_of_the_title_passes(run, catalog, language, country, title):
    line = company(catalog, language, country, title=title)
    assert p4_findings(run, catalog, line) == (0, [])


def test_a_german_marker_does_not_satisfy_a_french_posting(run, catalog):
    line = company(catalog, "fr", "FR", suffix="(m/w/d)")
    title = "Senior Machine Learning Engineer (m/w/d)"
    assert p4_findings(run, catalog, line)[1] == [
        expected(line, "French", "(H/F)", "FR", "Code du travail L1142-1", title)]


def test_the_binary_german_marker_is_not_enough(run, catalog):
    line = company(catalog, "de", "DE", suffix="(m/w)")
    assert p4_findings(run, catalog, line)[1] == [
        expected(line, "German", "(m/w/d)", "DE", "AGG §§ 1, 7, 11", "Senior Machine Learning Engineer (m/w)")]


@pytest.mark.parametrize("country", ["DE", "AT"])
def test_an_english_posting_for_germany_or_austria_still_needs_a_marker(run, catalog, country):
    line = company(catalog, "en", country)
    basis = {"DE": "AGG §§ 1, 7, 11", "AT": "GlBG § 9(1)"}[country]
    assert p4_findings(run, catalog, line)[1] == [expected(line, "German", "(m/w/d)", country, basis)]


@pytest.mark.parametrize("country", ["FR", "NL", "CH", "LU", "PL"])
def test_an_english_posting_elsewhere_needs_none(run, catalog, country):
    line = company(catalog, "en", country)
    assert p4_findings(run, catalog, line) == (0, [])


def test_from_june_2026_the_directive_holds_a_german_posting_to_its_marker_in_any_member_state(run, catalog):
    line = company(catalog, "de", "LU")
    assert p4_findings(run, catalog, line, as_of="2026-06-06") == (0, [])
    assert p4_findings(run, catalog, line, as_of="2026-06-07")[1] == [
        expected(line, "German", "(m/w/d)", "LU", "Directive (EU) 2023/970, Art. 5(3)")]


def test_the_directive_does_not_reach_beyond_the_eu(run, catalog):
    line = company(catalog, "fr", "CA")  # Quebec's guidance prefers doublets; no marker convention recorded
    assert p4_findings(run, catalog, line) == (0, [])


def test_the_polish_rule_applies_from_24_december_2025(run, catalog):
    line = company(catalog, "pl", "PL")
    assert p4_findings(run, catalog, line, as_of="2025-12-23") == (0, [])
    assert len(p4_findings(run, catalog, line, as_of="2025-12-24")[1]) == 1


def test_a_configured_marker_counts_in_every_language(run, catalog):
    line = company(catalog, "fr", "FR", suffix="(tous genres)")
    (catalog / "jdgen.toml").write_text(
        (catalog / "jdgen.toml").read_text(encoding="utf-8") + '\n[lint.options.JD504]\nmarkers = ["(tous genres)"]\n',
        encoding="utf-8")
    assert p4_findings(run, catalog, line) == (0, [])
