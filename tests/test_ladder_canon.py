"""The ladder's Professional track agrees with the public JobFrame canon.

CANON holds what the canon's compare pages publish for P1–P8 (name, typical years, scope,
autonomy, impact, decision rights), read from:
  https://compensationtoolbox.com/jobframe/canon/compare?keys=GAS.GEN.P8%2CGAS.GEN.P7%2CGAS.GEN.P6%2CGAS.GEN.P5
  https://compensationtoolbox.com/jobframe/canon/compare?keys=GAS.GEN.P6%2CGAS.GEN.P5%2CGAS.GEN.P7%2CGAS.GEN.P4
  https://jobframe.global/jobframe/canon/compare?keys=ELEARN.ELEARNINFD5D.P3%2CELEARN.ELEARNINFD5D.P2%2CELEARN.ELEARNINFD5D.P1
  https://compensationtoolbox.com/jobframe/canon/compare?keys=CUST.GEN.P1%2CCUST.GEN.P2%2CCUST.GEN.P3%2CWARR.GEN.P1
The canon publishes no complexity or leadership; above P6 jdgen has no source of its own
for them, so the ladder marks them unknown (null).
"""

from __future__ import annotations

import re

import shutil
from pathlib import Path

import pytest

from conftest import edit, line_of
from jdgen.catalog.loading import load_ladder
from jdgen.resources import builtin_catalog

CANON = {
    "P1": ("Entry-Level Professional", 0, 2, "Own tasks within a defined component",
           "Close supervision; work reviewed frequently", "Own deliverables",
           "Few independent decisions; escalates the rest"),
    "P2": ("Developing Professional", 1, 3, "Defined deliverables / small features",
           "General supervision; reviewed at milestones", "Own and immediate-team deliverables",
           "Routine technical choices within guidance"),
    "P3": ("Mid-Level Professional", 3, 5, "Features or a sub-system end-to-end",
           "Works independently on standard work; reviewed on the non-standard", "Project / team outcomes",
           "Owns implementation decisions for own scope"),
    "P4": ("Senior Professional", 5, 8, "A system or set of related features",
           "Self-directed; reviewed at critical decision points", "Multi-team / function outcomes",
           "Owns technical decisions for a system; influences adjacent design"),
    "P5": ("Expert Professional", 8, 12, "Multiple systems or a technical domain", "Sets direction within the domain",
           "Org / multi-team outcomes", "Authority over a technical domain"),
    "P6": ("Principal Professional", 12, 18, "Organization-wide architecture and the hardest problems",
           "Defines direction; minimal oversight", "Organization-wide", "Sets technical strategy for a major area"),
    "P7": ("Staff / Distinguished Professional", 15, 22, "Cross-organization / enterprise technical strategy",
           "Operates autonomously at the enterprise level", "Enterprise-wide",
           "Final technical authority across multiple domains"),
    "P8": ("Fellow (Executive IC)", 18, 30, "Company- or industry-level technical leadership",
           "Sets own mandate; partners with executive leadership", "Company- and market-level",
           "Top technical voice in the company"),
}


@pytest.fixture(scope="module")
def ladder():
    return load_ladder(builtin_catalog() / "ladder.yaml").model


@pytest.mark.parametrize("code", CANON)
def test_professional_level_matches_the_canon(ladder, code):
    level = ladder.level(code)
    d = level.descriptors
    assert (level.name, level.years.min, level.years.max, d.scope, d.autonomy, d.impact, d.decision_rights) \
        == CANON[code]
    assert level.typical_experience == f"{level.years.min}–{level.years.max} yrs"


def test_the_professional_track_is_p1_to_p8(ladder):
    assert [lv.code for lv in ladder.levels if lv.track == "P"] == list(CANON)


def test_what_the_canon_leaves_open_is_unknown_not_invented(ladder):
    for code in ("P7", "P8"):
        d = ladder.level(code).descriptors
        assert (d.complexity, d.leadership) == (None, None)
    # Below P7 jdgen's own words fill the two dimensions the canon does not publish.
    assert all(ladder.level(f"P{rank}").descriptors.leadership for rank in range(1, 7))


@pytest.fixture
def top(catalog: Path) -> Path:
    """The built-in catalog with AIMLAM.GEN.P7 and P8: copies of P6, one and two levels up."""
    text = (catalog / "roles" / "AIMLAM.GEN.P6.yaml").read_text(encoding="utf-8")
    for level in ("P7", "P8"):
        copy = text.replace("AIMLAM.GEN.P6", f"AIMLAM.GEN.{level}").replace("\nlevel: P6\n", f"\nlevel: {level}\n")
        (catalog / "roles" / f"AIMLAM.GEN.{level}.yaml").write_text(copy, encoding="utf-8")
    return catalog


def test_show_prints_the_canon_level_and_unknown_descriptors(run, top):
    result = run("show", "AIMLAM.GEN.P8", cwd=top)
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert "Level     P8 · Fellow (Executive IC) · 18–30 yrs" in lines
    start = lines.index("Level P8 — Fellow (Executive IC): Top individual contributor; leads technically for the "
                        "company and its industry, alongside the executives")
    assert lines[start + 1:start + 8] == [
        "  Scope              Company- or industry-level technical leadership",
        "  Autonomy           Sets own mandate; partners with executive leadership",
        "  Complexity         unknown",
        "  Impact             Company- and market-level",
        "  Decision rights    Top technical voice in the company",
        "  Leadership         unknown",
        "  Typical experience 18–30 yrs",
    ]
    assert "Level     P7 · Staff / Distinguished Professional · 15–22 yrs" in run("show", "AIMLAM.GEN.P7", cwd=top).out


def test_ladder_command_names_each_level(run, top):
    result = run("ladder", "AIMLAM.GEN", cwd=top)
    assert result.code == 0, result
    rows = [line.split("  ")[0] for line in result.out.splitlines()[2:]]
    assert rows == ["P1 Entry-Level Professional", "P2 Developing Professional", "P3 Mid-Level Professional",
                    "P4 Senior Professional", "P5 Expert Professional", "P6 Principal Professional",
                    "P7 Staff / Distinguished Professional", "P8 Fellow (Executive IC)"]
    last = re.split(r"\s{2,}", result.out.splitlines()[-1])
    assert last[3:] == ["18–30 yrs", "pending"]   # years, then the market pay column


def test_compare_prints_unknown_for_a_descriptor_the_ladder_leaves_open(run, top):
    edit(top / "ladder.yaml", "      scope: Company- or industry-level technical leadership",
         "      scope: null")
    result = run("compare", "AIMLAM.GEN.P7", "AIMLAM.GEN.P8", cwd=top)
    assert result.code == 0, result
    scope = next(line for line in result.out.splitlines() if line.startswith("Scope"))
    assert scope.split("  ")[-1].strip() == "unknown"
    assert "| Scope | Cross-organization / enterprise technical strategy | unknown |" in \
        run("compare", "AIMLAM.GEN.P7", "AIMLAM.GEN.P8", "-f", "md", cwd=top).out


def test_a_descriptor_must_be_text_or_null(run, catalog):
    ladder = catalog / "ladder.yaml"
    edit(ladder, "      impact: Enterprise-wide", "      impact: 7")
    result = run("validate", cwd=catalog)
    n = line_of(ladder, "      impact: 7")
    assert result.code == 1
    assert result.out.splitlines()[0] == (f"ladder.yaml:{n}:15: levels[10].descriptors.impact must be text or empty, "
                                          "not the number 7 (put the value in quotes)")


def test_overlapping_years_are_the_canons_and_pass_every_check(run, top):
    """P6 is 12–18 and P7 15–22: neither the ladder's checks nor JD302 object."""
    result = run("lint", "--select", "JD302", cwd=top)
    assert result.code == 0, result
    assert "0 errors, 0 warnings" in result.err


@pytest.mark.parametrize("years, expected", [
    ("15-22 years", None),
    ("18+ years", None),
    ("22+ years", "asks for 22+ years ('22+ years'), but P7 (Staff / Distinguished Professional) means 15–22 years "
                  "(state 15–22 years, or move the role to a higher level)"),
])
def test_experience_rule_reads_the_new_p7_years(run, top, years, expected):
    profile = top / "roles" / "AIMLAM.GEN.P7.yaml"
    edit(profile, "- text: 12-18 years", f"- text: {years}")
    shutil.rmtree(top / "companies")
    result = run("lint", "--select", "JD301", "roles/AIMLAM.GEN.P7.yaml", cwd=top)
    found = [line.split(" JD301 ", 1)[1] for line in result.out.splitlines() if " JD301 " in line]
    assert found == ([] if expected is None else [f"error {expected}"]), result
    assert result.code == (0 if expected is None else 1)


@pytest.mark.parametrize("level, title", [
    ("P6", "Principal Advisory"),            # GAS.GEN.P6
    ("P7", "Principal Strategist"),          # GAS.GEN.P7
    ("P8", "Principal Fellow"),              # GAS.GEN.P8
    ("P8", "Distinguished Engineer"),        # PDE.GEN.P8
    ("P6", "Senior Principal Engineer"),     # PDE.GEN.P6
    ("P7", "Senior Distinguished Engineer"),  # PDE.GEN.P7
    ("P7", "Staff AI/ML Engineer"),
])
def test_title_seniority_accepts_the_canons_own_titles(run, top, level, title):
    profile = top / "roles" / f"AIMLAM.GEN.{level}.yaml"
    edit(profile, "title: Principal AI/ML Engineer", f"title: {title}")
    shutil.rmtree(top / "companies")
    result = run("lint", "--select", "JD303", f"roles/AIMLAM.GEN.{level}.yaml", cwd=top)
    assert [line for line in result.out.splitlines() if f"'{title}'" in line] == [], result.out


@pytest.mark.parametrize("level, title, message", [
    ("P7", "Fellow AI/ML Engineer", "title 'Fellow AI/ML Engineer' says 'Fellow', which the ladder gives to P8, not P7"),
    ("P6", "Distinguished AI/ML Engineer",
     "title 'Distinguished AI/ML Engineer' says 'Distinguished', which the ladder gives to P7, P8, not P6"),
    ("P8", "Senior Principal AI/ML Engineer",
     "title 'Senior Principal AI/ML Engineer' says 'Senior Principal', which the ladder gives to P6, not P8"),
])
def test_title_seniority_still_flags_a_word_off_its_levels(run, top, level, title, message):
    profile = top / "roles" / f"AIMLAM.GEN.{level}.yaml"
    edit(profile, "title: Principal AI/ML Engineer", f"title: {title}")
    shutil.rmtree(top / "companies")
    result = run("lint", "--select", "JD303", f"roles/AIMLAM.GEN.{level}.yaml", cwd=top)
    n = line_of(profile, f"title: {title}")
    assert f"roles/AIMLAM.GEN.{level}.yaml:{n}:8: JD303 warning {message} (change the title or the level)" \
        in result.out.splitlines(), result.out


def test_init_copies_the_canon_ladder(run, tmp_path):
    result = run("init", str(tmp_path / "new"))
    assert result.code == 0, result
    copied = load_ladder(tmp_path / "new" / "ladder.yaml").model
    assert [(lv.code, lv.name, lv.years.min, lv.years.max) for lv in copied.levels if lv.track == "P"] == \
        [(code, name, low, high) for code, (name, low, high, *_) in CANON.items()]
