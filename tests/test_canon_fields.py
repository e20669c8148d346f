"""Canon profiles as data: every field the public canon shows has a place, validates, round-trips
through `jdgen show --format json`, is shown by `jdgen show`, and stays out of postings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdgen.catalog.yaml_source import load_yaml

from conftest import edit, line_of

CANON = Path(__file__).parent / "fixtures" / "canon"
FIXTURES = sorted(p for p in CANON.glob("*.yaml") if p.stem != "AIMLAM.GEN.P2")
NEW_FUNCTIONS = """\
  - {code: DATA2, name: Data and Analytics, focuses: [{code: GEN, name: General}]}
  - {code: SOFTWA, name: Software Engineering, focuses: [{code: SOFTWARE984E, name: Software Engineering}]}
  - {code: DSAISE, name: Data Scientist / AI Engineer, focuses: [{code: GEN, name: General}]}
  - {code: AIML, name: Artificial Intelligence / Machine Learning, focuses: [{code: GEN, name: General}]}
  - {code: DATASC, name: Data Science & Analytics, focuses: [{code: AIMACHIN97C0, name: AI / Machine Learning Engineering}]}
  - {code: FGA, name: "Finance – General Accounting", focuses: [{code: GEN, name: General}]}
"""
DATE = ("--date", "2026-01-15")


@pytest.fixture
def canon_catalog(catalog: Path) -> Path:
    """The built-in catalog plus the canon fixtures and the functions they use (the ladder has P7)."""
    assert "code: P7" in (catalog / "ladder.yaml").read_text(encoding="utf-8")
    with (catalog / "taxonomy.yaml").open("a", encoding="utf-8") as taxonomy:
        taxonomy.write(NEW_FUNCTIONS)
    for path in FIXTURES:
        (catalog / "roles" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return catalog


def test_at_least_six_canon_fixtures_from_several_functions_and_levels():
    codes = [p.stem for p in FIXTURES]
    assert len(codes) >= 6
    assert len({c.split(".")[0] for c in codes}) >= 5
    assert {c.rsplit(".", 1)[1] for c in codes} >= {"P1", "P2", "P3", "P4", "P7"}
    for path in FIXTURES:
        header = path.read_text(encoding="utf-8").split("schema_version:")[0]
        assert "# Source: https://" in header, path.name


def test_canon_fixtures_validate(run, canon_catalog):
    result = run("validate", cwd=canon_catalog)
    assert (result.code, result.out) == (0, "") and result.err.endswith(" files valid\n")


@pytest.mark.parametrize("code", [p.stem for p in FIXTURES])
def test_canon_fixture_renders_lints_and_resolves_its_aliases(run, canon_catalog, code):
    md = run("render", code, *DATE, cwd=canon_catalog)
    assert md.code == 0 and md.out.startswith("# "), md.err
    html = run("render", code, "-f", "html", *DATE, cwd=canon_catalog)
    assert html.code == 0 and "<html" in html.out
    jsonld = run("render", code, "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", "--allow-errors", *DATE,
                 cwd=canon_catalog)
    assert jsonld.code == 0 and json.loads(jsonld.out)["@type"] == "JobPosting"
    linted = run("lint", f"roles/{code}.yaml", "--format", "json", cwd=canon_catalog)
    assert linted.code in (0, 1), linted.err
    assert "Traceback" not in linted.out + linted.err
    data = load_yaml(CANON / f"{code}.yaml").data
    for alias in data["title_aliases"]:
        resolved = run("resolve", alias["title"], cwd=canon_catalog)
        assert resolved.code == 0 and resolved.out.startswith(f"{code}  "), (alias, resolved.out, resolved.err)


@pytest.mark.parametrize("code", [p.stem for p in FIXTURES])
def test_show_json_gives_back_what_the_file_says(run, canon_catalog, code):
    result = run("show", code, "--format", "json", cwd=canon_catalog)
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert shown["profile"] == load_yaml(CANON / f"{code}.yaml").data
    assert shown["file"] == f"roles/{code}.yaml" and shown["level"]["code"] == code.rsplit(".", 1)[1]


def test_show_json_keeps_new_fields_typed(run, canon_catalog):
    shown = json.loads(run("show", "SOFTWA.SOFTWARE984E.P2", "-f", "json", cwd=canon_catalog).out)["profile"]
    assert shown["market_pay"] == {"currency": "USD", "basis": "year", "median": 72357, "min": 56843, "max": 92106,
                                   "region": "US", "qualifier": "national base (function pricing in review)"}
    assert shown["demand"] == {"signal": "cool", "growth_percent": 15.8, "region": "US"}
    assert shown["adjacent_roles"][0] == {"title": "QA/Test Engineering"}
    assert shown["canon"]["unknown_descriptors"] == ["complexity", "leadership"]
    p1 = json.loads(run("show", "DATA2.GEN.P1", "-f", "json", cwd=canon_catalog).out)["profile"]
    assert p1["classifications"][0]["source"] == "inferred"


def test_show_prints_every_section(run, canon_catalog):
    text = run("show", "SOFTWA.SOFTWARE984E.P2", cwd=canon_catalog).out
    assert "Title aliases (1)\n  - Software Engineering — P2 (canonical)\n" in text
    assert "Adjacent roles (3)\n  - QA/Test Engineering\n  - DevOps/SRE\n  - Data/ML Engineering\n" in text
    assert ("Market pay  median $72,357 (range $56,843–$92,106) USD per year; region US; national\n"
            "            base (function pricing in review)\n") in text
    assert "Demand      cool · growth 15.8% · US\n" in text
    assert ("Sources (1)\n  - JobBrief page for JobFrame SOFTWA.SOFTWARE984E.P2\n"
            "    <https://jobbrief.ai/jobs/jfm-software-engineering/p2>\n") in text
    assert "Canon record (kept for review, not in postings)\n  Level              P2 — Developing Professional\n" in text
    assert "  Unknown            complexity, leadership\n  - Super-function: technology.\n" in text
    p7 = run("show", "AIML.GEN.P7", cwd=canon_catalog).out
    assert "Level     P7 · " in p7 and "\nPlan\n  1. Conduct in-depth research" in p7 and "\nStakes\n" in p7
    assert "Adjacent roles (2)\n  - AIML.GEN.P8 Principal Fellow\n  - Principal Advisory\n" in p7
    assert "Market pay  pending\n" in p7
    p1 = run("show", "DATA2.GEN.P1", cwd=canon_catalog).out
    for heading in ("Responsibilities (5)", "Tasks (3)", "Skills (5)", "Knowledge (5)", "Competencies (5)",
                    "Qualifications (3)", "Classifications\n  - onet_soc 15-0000 Computer & Mathematical Occupations "
                    "[inferred, needs_review]", "Sources (2)"):
        assert f"\n{heading}\n" in p1 or f"\n{heading} " in p1, heading


def test_show_prints_core_outputs_and_pinned_roles_with_band(run, catalog):
    edit(catalog / "roles" / "AIMLAM.GEN.P4.yaml", "core_outputs: []",
         "core_outputs:\n  - text: Model design reviews\nadjacent_roles:\n  - code: AIMLAM.GEN.P5\n"
         "    distance: 0.1\n    band: close")
    text = run("show", "AIMLAM.GEN.P4", cwd=catalog).out
    assert "\nCore outputs (1)\n  - Model design reviews\n" in text
    assert "\nAdjacent roles (1)\n  - AIMLAM.GEN.P5 (distance 0.10, close)\n" in text


def test_canon_only_fields_never_reach_a_posting(run, canon_catalog):
    values = ["national base", "function pricing in review", "15.8", "cool", "Super-function", "Sibling focuses",
              "P2 — Developing Professional", "General supervision; reviewed at milestones", "QA/Test Engineering",
              "DevOps/SRE"]
    code = "SOFTWA.SOFTWARE984E.P2"
    outputs = [run("render", code, *DATE, cwd=canon_catalog).out,
               run("render", code, "-f", "html", *DATE, cwd=canon_catalog).out,
               run("render", code, "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", "--allow-errors", *DATE,
                   cwd=canon_catalog).out,
               run("render", code, "-c", "lindenhof", "--allow-errors", *DATE, cwd=canon_catalog).out]
    for output in outputs:
        assert output
        for value in values:
            assert value not in output, value
    p1 = run("render", "DATA2.GEN.P1", "-f", "html", *DATE, cwd=canon_catalog).out
    assert "None — building the craft" not in p1 and "Core outputs: no core outputs" not in p1


def test_title_only_adjacent_role_is_not_unknown(run, canon_catalog):
    result = run("lint", "roles/AIML.GEN.P7.yaml", "--select", "JD105", cwd=canon_catalog)
    path = canon_catalog / "roles" / "AIML.GEN.P7.yaml"
    # The coded neighbour outside the catalog is reported; the title-only one is not.
    [finding] = result.out.splitlines()
    assert finding.startswith(f"roles/AIML.GEN.P7.yaml:{line_of(path, 'code: AIML.GEN.P8')}:11: JD105 warning "
                              "adjacent role AIML.GEN.P8 is not in the catalog (did you mean ")


def test_adjacent_role_needs_a_code_or_a_title(run, catalog):
    path = catalog / "roles" / "AIMLAM.GEN.P4.yaml"
    edit(path, "title_aliases:", "adjacent_roles:\n  - distance: 0.2\ntitle_aliases:")
    result = run("validate", "roles/AIMLAM.GEN.P4.yaml", cwd=catalog)
    assert result.code == 1
    line = line_of(path, "- distance: 0.2")
    assert f"roles/AIMLAM.GEN.P4.yaml:{line}:5: missing required key 'code' in adjacent_roles[0] " \
           "(add `code:`, code of the adjacent role, when it has one)" in result.out + result.err


def test_blank_adjacent_title_and_unknown_descriptor_are_refused(run, catalog):
    path = catalog / "roles" / "AIMLAM.GEN.P4.yaml"
    edit(path, "title_aliases:", "adjacent_roles:\n  - title: ' '\ncanon:\n  unknown_descriptors: [scale]\n"
                                 "title_aliases:")
    result = run("validate", "roles/AIMLAM.GEN.P4.yaml", cwd=catalog)
    assert result.code == 1
    lines = (result.out + result.err).splitlines()
    blank = line_of(path, "title: ' '")
    assert f"roles/AIMLAM.GEN.P4.yaml:{blank}:12: adjacent_roles[0].title is blank " \
           "(write the role's title, or leave out the `title:` key)" in lines
    assert any(l.startswith(f"roles/AIMLAM.GEN.P4.yaml:{line_of(path, '[scale]')}:") and
               "canon.unknown_descriptors[0]" in l and "'scale'" in l for l in lines), lines


def test_no_required_skills_points_at_the_skills_key_or_the_first_line(run, catalog):
    path = catalog / "roles" / "AIMLAM.GEN.P4.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nskills:\n") + 1
    end = text.index("\nknowledge:\n") + 1
    skills = text[start:end].replace("  - text:", "  - priority: preferred\n    text:")
    path.write_text(text[:start] + skills + text[end:], encoding="utf-8")
    result = run("lint", "roles/AIMLAM.GEN.P4.yaml", "--select", "JD201", cwd=catalog)
    assert result.out.splitlines() == [
        f"roles/AIMLAM.GEN.P4.yaml:{line_of(path, 'skills:')}:1: JD201 error no required skills "
        "(add the skills the role needs)"]
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("lint", "roles/AIMLAM.GEN.P4.yaml", "--select", "JD201", cwd=catalog)
    assert (result.code, result.out.splitlines()) == (
        1, ["roles/AIMLAM.GEN.P4.yaml:1:1: JD201 error no required skills (add the skills the role needs)"])
