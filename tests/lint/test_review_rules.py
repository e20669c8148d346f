"""The review rules (JD107, JD207, JD208, JD306, JD408, JD606): their data table, the pieces that
read the rendered page, the messages they print, and exactly what they report on the shipped catalog.

Should-flag and should-not-flag cases with real postings' wording are in cases/review.yaml.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from jdgen.catalog.root import Catalog
from jdgen.lint import lint
from jdgen.lint.rules.review import _empty_headings, _rewrite, _terms, first_screen
from jdgen.resources import builtin_catalog

DATA = Path(__file__).resolve().parents[2] / "src" / "jdgen" / "data" / "review.yaml"
AS_OF = date(2026, 11, 23)
CODES = ("JD107", "JD207", "JD208", "JD306", "JD408", "JD606")


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


# What the review rules report on today's shipped catalog, which predates its rewrite into
# candidate voice. After that rewrite this list must be empty (and PENDING_REWRITE in
# test_rule_examples.py with it).
SHIPPED = [
    ("JD408", "companies/northwind.yaml", 22, "Colorado requires pay in the posting, and the posting shows none in its "
     "first screen (the lines under the title and its first 100 words)"),
    ("JD107", "roles/AIMLAM.APP.P1.yaml", 102, "nice to have 'Programming in R, Java or C++' names only what the "
     "posting already requires"),
    ("JD207", "roles/AIMLAM.GEN.P4.yaml", 22, "summary prints the internal code 'P4'"),
    ("JD207", "roles/AIMLAM.GEN.P4.yaml", 22, "summary describes the catalog level, not the job: 'represents an "
     "advanced level'"),
    ("JD207", "roles/AIMLAM.GEN.P4.yaml", 22, "summary says how the level maps to titles, which is the catalog's "
     "business, not the candidate's: 'often aligns with'"),
    ("JD207", "roles/AIMLAM.GEN.P4.yaml", 23, "summary lists possible titles, which reads as a catalog note: 'title "
     "or technical lead position'"),
    ("JD606", "roles/AIMLAM.GEN.P4.yaml", 53, "responsibility 'Ownership of entire AI/ML projects or significant "
     "product areas' starts with 'Ownership of', not with what the person does"),
    ("JD606", "roles/AIMLAM.GEN.P4.yaml", 56, "responsibility 'Technical lead for an AI/ML team' starts with "
     "'Technical lead for', not with what the person does"),
    ("JD606", "roles/AIMLAM.GEN.P4.yaml", 59, "responsibility 'Research and prototyping of innovative solutions' "
     "starts with 'Research and prototyping of', not with what the person does"),
    ("JD107", "roles/AIMLAM.GEN.P4.yaml", 126, "'Advanced AI/ML techniques' is printed under knowledge and again "
     "under skills (line 104)"),
]


def test_exact_findings_on_the_shipped_catalog(tmp_path: Path):
    root = _shipped(tmp_path)
    result = lint(Catalog(root), as_of=AS_OF)
    found = [(f.code, Path(f.location.file).relative_to(root).as_posix(), f.location.line, f.message)
             for f in result.findings if f.code in CODES]
    assert found == SHIPPED


def test_cli_output_and_exit_code_for_warnings(run):
    result = run("lint", "--as-of", AS_OF.isoformat(), "--select", "JD606", cwd=builtin_catalog())
    assert result.code == 0, result.err
    assert ("roles/AIMLAM.GEN.P4.yaml:53:11: JD606 warning responsibility 'Ownership of entire AI/ML projects or "
            "significant product areas' starts with 'Ownership of', not with what the person does (write 'Own "
            "entire AI/ML projects or significant product areas')") in result.out
    strict = run("lint", "--as-of", AS_OF.isoformat(), "--select", "JD606", "--strict", cwd=builtin_catalog())
    assert strict.code == 1


def test_rules_docs_list_the_new_rules(run):
    result = run("rules", "JD408")
    assert result.code == 0
    assert "pay-below-first-screen" in result.out and "first_words" in result.out
