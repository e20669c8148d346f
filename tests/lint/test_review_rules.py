"""The review rules (JD107, JD207, JD208, JD306, JD408, JD606): their data table, the pieces that
read the rendered page, the messages they print, and that the shipped catalog gives none of their findings.

Should-flag and should-not-flag cases with real postings' wording are in cases/review.yaml.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import shipped_p4_with as _edited

from jdgen.catalog.root import Catalog
from jdgen.lint import lint
from jdgen.lint.rules.review import _empty_headings, _rewrite, _terms, first_screen, only_the_wanted_person
from jdgen.resources import builtin_catalog

DATA = Path(__file__).resolve().parents[2] / "src" / "jdgen" / "data" / "review.yaml"
AS_OF = date(2026, 11, 23)
CODES = ("JD107", "JD207", "JD208", "JD210", "JD306", "JD408", "JD606")


def test_data_table_header_and_rows():
    text = DATA.read_text(encoding="utf-8")
    header = " ".join(text.split("\n\n", 1)[0].split())
    assert "Engineering data, not legal advice; review before relying on it" in header and "Sources" in header
    table = yaml.safe_load(text)
    assert table["schema_version"] == 1 and table["last_reviewed"] == "2026-11-23"
    ids = [row["id"] for row in table["commentary"]]
    assert len(ids) == len(set(ids))
    for row in table["commentary"]:
        assert row["source"] in table["sources"], row["id"]
        pattern = re.compile(row["pattern"], re.IGNORECASE)
        for example in row["examples"]:
            assert pattern.search(example), (row["id"], example)
        for counter in row["counterexamples"]:
            assert not pattern.search(counter), (row["id"], counter)
    for row in table["wanted_person"]:   # matched at a sentence's start
        assert row["source"] in table["sources"], row["id"]
        pattern = re.compile(row["pattern"], re.IGNORECASE)
        assert all(pattern.match(example) for example in row["examples"]), row["id"]
        assert not any(pattern.match(counter) for counter in row["counterexamples"]), row["id"]
    nouns = [row["noun"] for row in table["nominal_starts"]]
    assert len(nouns) == len(set(nouns)) and all(n == n.lower() for n in nouns)


@pytest.mark.parametrize("text, expected", [
    ("Ownership of entire AI/ML projects or significant product areas",
     ("Ownership of", "Own entire AI/ML projects or significant product areas")),
    ("Technical lead for an AI/ML team", ("Technical lead for", "Lead an AI/ML team")),
    ("Research and prototyping of innovative solutions",
     ("Research and prototyping of", "Research and prototype innovative solutions")),
    ("The development of forecasting models", ("development of", "Develop forecasting models")),
    ("Management of", ("Management of", "Manage")),
    ("Documentation of ML processes", ("Documentation of", None)),
    ("Driving strategic AI initiatives", None),
    ("Design, build, and scale ML-powered inference systems", None),
    ("Develops standards and guides for diverse engineering activities .", None),
    ("", None),
])
def test_rewrite(text, expected):
    assert _rewrite(text) == expected


def test_terms_split_lead_ins_and_keep_cpp_apart_from_c():
    assert _terms("Programming in R, Java or C++") == (frozenset({"r"}), frozenset({"java"}), frozenset({"c++"}))
    assert _terms("Experience with big data technologies (Spark, Hadoop)") == (
        frozenset({"big", "data", "technologies"}), frozenset({"spark"}), frozenset({"hadoop"}))


def test_empty_headings():
    page = ("# Title\n\nmeta\n\n## What you will do\n\n## What you will bring\n\n### Skills\n\n- Python\n\n"
            "### Tools\n\n-\n\n## Last\n")
    assert list(_empty_headings(page)) == ["What you will do", "Tools", "Last"]
    assert list(_empty_headings("# T\n\n## A \\#1 ##\n\ntext\n")) == []


def test_first_screen_keeps_the_meta_line_and_the_first_words():
    page = "# Title\n\nA · B · $1\n\n## About\n\n" + "word " * 50 + "\n\n## Pay\n\n$100\n"
    screen = first_screen(page, 40)
    assert "$1" in screen and "$100" not in screen
    assert "$100" in first_screen(page, 200)


def _shipped(tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    return root


def test_shipped_catalog_has_no_review_findings(tmp_path: Path):
    """The shipped profiles keep seed text these rules would flag (P4's level-note summary, its
    noun-led responsibilities, 'Advanced AI/ML techniques' as skill and knowledge, APP.P1's R, Java
    and C++ beside 'Programming in R, Java or C++'); postings print none of it."""
    root = _shipped(tmp_path)
    result = lint(Catalog(root), as_of=AS_OF)
    assert [f for f in result.findings if f.code in CODES] == []


OWN = "posting: Own AI/ML projects or a significant product area, from first idea to production"


def test_cli_output_and_exit_code_for_noun_led_posting_wording(run, tmp_path: Path):
    root = _edited(tmp_path, (OWN, "posting: Ownership of AI/ML projects or a significant product area"))
    result = run("lint", "--as-of", AS_OF.isoformat(), "--select", "JD606", cwd=root)
    assert result.code == 0, result.err
    assert result.out == ("roles/AIMLAM.GEN.P4.yaml:61:14: JD606 warning responsibility 'Ownership of AI/ML projects "
                          "or a significant product area' starts with 'Ownership of', not with what the person does "
                          "(write 'Own AI/ML projects or a significant product area')\n")
    strict = run("lint", "--as-of", AS_OF.isoformat(), "--select", "JD606", "--strict", cwd=root)
    assert strict.code == 1


def _messages(root: Path, code: str) -> list[tuple[int, int, str]]:
    result = lint(Catalog(root), as_of=AS_OF)
    return [(f.location.line, f.location.col, f.message) for f in result.findings if f.code == code]


def test_jd107_points_at_the_printed_wording(tmp_path: Path):
    root = _edited(tmp_path, ("  - text: Advanced AI/ML techniques\n    in_posting: false",
                              "  - text: Advanced AI/ML techniques\n"
                              "    posting: \"Advanced AI/ML techniques: from deep learning to statistical modeling\""))
    assert _messages(root, "JD107") == [
        (153, 14, "'Advanced AI/ML techniques: from deep learning to statistical modeling' is printed under "
                  "knowledge and again under skills (line 124)")]


def test_jd207_reads_the_opening_the_posting_prints(tmp_path: Path):
    root = _edited(tmp_path, ("  Most organizations collect far more data than they use, and the AI/ML work that could",
                                    "  P4 represents an advanced level of expertise; most organizations collect data"))
    assert _messages(root, "JD207") == [
        (27, 3, "opening prints the internal code 'P4'"),
        (27, 6, "opening describes the catalog level, not the job: 'represents an advanced level'")]


def test_rules_docs_list_the_new_rules(run):
    result = run("rules", "JD408")
    assert result.code == 0
    assert "pay-below-first-screen" in result.out and "first_words" in result.out


def test_jd210_cli_message_and_hint(run, tmp_path: Path):
    root = _edited(tmp_path, ("opening: >-", "# no opening >-"),
                   ("  Most organizations collect far more data than they use, and the AI/ML work that could\n"
                    "  turn it into better decisions often stalls between prototype and production. As a\n"
                    "  senior engineer and tech lead you own that path: you choose what is worth building,\n"
                    "  guide the engineers who build it and make sure it serves the business.", "#\n#\n#\n#"),
                   ("    external: >-\n      Organizations struggle to leverage the vast amounts of data they collect,\n"
                    "      leading to missed opportunities for optimization and innovation.", "    #\n    #\n    #"),
                   ("    why_it_matters: >-\n      In a world driven by technology, the ability to harness data science "
                    "is not just\n      a benefit; it's a necessity for progress and competitiveness.",
                    "    #\n    #\n    #"))
    result = run("lint", "--as-of", AS_OF.isoformat(), "--select", "JD210", cwd=root)
    assert result.code == 0, result.err
    assert result.out == ("roles/AIMLAM.GEN.P4.yaml:21:10: JD210 warning the AIMLAM.GEN.P4 posting for Northwind "
                          "Analytics, Inc. opens with the catalog summary: the profile has no opening and no story "
                          "problem (add `opening:` (the problem the role solves and why it matters, written to the "
                          "applicant), or a story with problem.external and problem.why_it_matters)\n")


@pytest.mark.parametrize("text, expected", [
    ("We are looking for a passionate engineer. The ideal candidate thrives under pressure!", True),
    ("You take responsibility; you feel a personal stake in what you ship.", True),
    ("We are looking for a senior engineer. You will own the forecasting models for 3,000 stores.", False),
    ("Most retailers over-order. You fix that.", False),
    ("", False),
])
def test_an_opening_only_about_the_person_wanted(text, expected):
    assert only_the_wanted_person(text) is expected
