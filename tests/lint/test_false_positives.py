"""Regressions: ordinary wording that a rule must not report.

Each test edits a copy of the built-in catalog as text (so line numbers stay put), lints it
on 2026-11-23 and asserts that the named rule stays quiet, with a control where that makes
the test meaningful (the same rule does fire on the nearby wording that is a problem).

man-hours. The shipped list (``gendered_language.yaml``, row ``man-hours``) flags the phrase
wherever it appears, quoted or not: a quoted contract still uses the word in the posting
(only pronoun rows skip quotations, where "He Will" is a title). We keep that behaviour, and
assert instead that the escape hatch works: ``# jdgen: ignore[JD507] quoting the contract``
on the line silences it, counts as used (no JD003, "unused suppression") and, having a
reason, is not itself reported (no JD002).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from jdgen.catalog.root import Catalog
from jdgen.lint import lint
from jdgen.resources import builtin_catalog

AS_OF = date(2026, 11, 23)
PROFILE = "roles/AIMLAM.GEN.P4.yaml"
NORTHWIND = "companies/northwind.yaml"
QUALIFICATION = "  - text: Leadership in AI/ML innovation"       # profile line 202
ABOUT = "    Northwind Analytics builds forecasting software"   # first line of company.about
BENEFIT = "  - A yearly learning budget of $2,000"
BONUS = "  - Annual bonus with a target of 10% of base pay"
SECTION_BODY = "          the rest of the week."                 # Northwind's "How we work" section


def catalog_with(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    roles = (builtin_catalog() / "roles").resolve()

    def p4_only(folder: str, names: list[str]) -> list[str]:  # the shipped P4 and the companies only
        return [n for n in names if n != "AIMLAM.GEN.P4.yaml"] if Path(folder).resolve() == roles else []

    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root, ignore=p4_only)
    for rel, pairs in edits.items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, f"{rel}: {old!r} is not in the file exactly once"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return root


def findings(root: Path, *codes: str) -> list[tuple[str, str, int, str]]:
    result = lint(Catalog(root), as_of=AS_OF)
    assert not [f for f in result.findings if f.code == "JD001"], "the edit broke a file"
    return [(f.code, Path(f.location.file).name, f.location.line, f.message)
            for f in result.findings if not codes or f.code in codes]


# --- talent pool, tech lead -----------------------------------------------------------

def test_talent_pool_is_not_exclusionary_or_gender_coded(tmp_path):
    root = catalog_with(tmp_path, {
        PROFILE: [(QUALIFICATION, "  - text: Grows a diverse talent pool through mentoring")],
        NORTHWIND: [(ABOUT, "    We keep a talent pool of former interns. " + ABOUT.strip())],
    })
    assert findings(root, "JD501", "JD502") == []


def test_tech_lead_is_not_gender_coded(tmp_path):
    root = catalog_with(tmp_path, {
        PROFILE: [(QUALIFICATION, "  - text: Experience as a tech lead or technical lead of an AI/ML team")],
    })
    assert findings(root, "JD501") == []
    # 'lead' as a verb is an ordinary job word (a `context` row): JD505 counts it, JD501 does not report it
    root = catalog_with(tmp_path / "verb", {
        PROFILE: [(QUALIFICATION, "  - text: Experience to lead an AI/ML team")],
    })
    assert findings(root, "JD501") == []
    # control: a trait word on the same line is still reported
    root = catalog_with(tmp_path / "control", {
        PROFILE: [(QUALIFICATION, "  - text: Experience to lead a headstrong AI/ML team")],
    })
    assert [(f[0], f[2]) for f in findings(root, "JD501")] == [("JD501", 202)]


# --- competitive salary ---------------------------------------------------------------

def test_competitive_salary_beside_a_real_range(tmp_path):
    root = catalog_with(tmp_path, {
        NORTHWIND: [(BONUS, "  - Competitive salary ($157,000–$196,000) and an annual bonus of 10% of base pay")],
    })
    assert findings(root, "JD402") == []


def test_competitive_salary_without_a_range_is_reported(tmp_path):
    """The control for the test above: the same words with no pay band for P4."""
    root = catalog_with(tmp_path, {
        NORTHWIND: [(BONUS, "  - Competitive salary and an annual bonus"),
                    ("  P4:\n    currency: USD\n    min: 157000\n    max: 196000\n    period: year\n", "")],
    })
    assert [f[0] for f in findings(root, "JD402")] == ["JD402"]


# --- man-hours in a quotation: flagged, and suppressible ----------------------------------

QUOTED = "  - 'Overtime is paid as our union contract says: \"per man-hour worked\"'"


def test_man_hours_in_a_quotation_is_still_flagged(tmp_path):
    root = catalog_with(tmp_path, {NORTHWIND: [(BENEFIT, QUOTED)]})
    lines = (root / NORTHWIND).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "man-hour" in text)
    assert [(f[0], f[1], f[2]) for f in findings(root, "JD507")] == [("JD507", "northwind.yaml", line)]


def test_man_hours_in_a_quotation_can_be_suppressed_with_a_reason(tmp_path):
    root = catalog_with(tmp_path, {NORTHWIND: [(BENEFIT, QUOTED + "  # jdgen: ignore[JD507] quoting the contract")]})
    assert findings(root, "JD507", "JD002", "JD003") == []


def test_suppression_above_the_item_works_too(tmp_path):
    root = catalog_with(tmp_path, {NORTHWIND: [(BENEFIT, "  # jdgen: ignore[gendered-language] quoting the contract\n"
                                                         + QUOTED)]})
    assert findings(root, "JD507", "JD002", "JD003") == []


# --- EEO statements name groups on purpose ------------------------------------------------

EEO_LINE = "    Northwind Analytics is an equal opportunity employer. We consider all qualified"


def test_eeo_statement_that_names_women_is_exempt(tmp_path):
    root = catalog_with(tmp_path, {
        NORTHWIND: [(EEO_LINE, "    We encourage women, veterans and people with disabilities to apply. "
                               "Northwind Analytics is an equal opportunity employer. We consider all qualified")],
    })
    assert findings(root, "JD501", "JD502") == []


@pytest.mark.parametrize("where, fires", [("eeo", False), ("about", True)])
def test_eeo_text_is_exempt_where_other_text_is_not(tmp_path, where, fires):
    """A phrase the list flags is fine inside the EEO statement, and reported in company.about."""
    sentence = "We do not hire for a young and energetic team, but for skills."
    edit = (EEO_LINE, f"    {sentence} " + EEO_LINE.strip()) if where == "eeo" else (ABOUT, f"    {sentence} " + ABOUT.strip())
    root = catalog_with(tmp_path, {NORTHWIND: [edit]})
    assert bool(findings(root, "JD508")) is fires


# --- "50 years in business" is the company's age, not a requirement ------------------------

def test_years_in_business_in_company_about(tmp_path):
    root = catalog_with(tmp_path, {
        NORTHWIND: [(ABOUT, "    With 50 years in business, " + ABOUT.strip())],
    })
    assert findings(root, "JD301") == []


def test_years_in_business_in_a_section_the_rule_reads(tmp_path):
    """Company sections are read for years (company.about is not), so this one is a real test."""
    root = catalog_with(tmp_path, {
        NORTHWIND: [(SECTION_BODY, SECTION_BODY + " We have been 50 years in business.")],
    })
    assert findings(root, "JD301") == []
    # control: a requirement in the same place is read
    root = catalog_with(tmp_path / "control", {
        NORTHWIND: [(SECTION_BODY, SECTION_BODY + " You bring 12+ years of experience.")],
    })
    assert [f[0] for f in findings(root, "JD301")] == ["JD301"]
