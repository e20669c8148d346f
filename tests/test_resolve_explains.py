"""resolve: confidence only where the catalog states it, seniority words respected, a miss that explains itself."""

from __future__ import annotations

import json
import re

import pytest

from test_pay_display import role

ALIASES = """
  - title: ML Engineer
    approved: true
  - title: Machine Learning Lead
    confidence: 0.8
    approved: false"""


@pytest.fixture
def engineers(catalog, p4_text):
    """A catalog whose only near spelling of "Sr. Software Engineer" is a junior role."""
    for path in (catalog / "roles").glob("*.yaml"):
        path.unlink()
    role(catalog, p4_text, "AIMLAM.GEN.P1", "Junior Software Engineering")
    role(catalog, p4_text, "AIMLAM.GEN.P4", "Senior Machine Learning Engineer", aliases=ALIASES)
    return catalog


def test_confidence_is_shown_only_where_the_profile_states_it(run, engineers):
    result = run("resolve", "ml engineer", cwd=engineers)
    assert result.code == 0
    assert result.out == ("AIMLAM.GEN.P4  Senior Machine Learning Engineer\n"
                          "  matched alias 'ML Engineer' (approved); compared as 'ml engineer'\n")
    stated = run("resolve", "Machine Learning Lead", cwd=engineers).out
    assert "  matched alias 'Machine Learning Lead' (confidence 0.80, not approved);" in stated
    data = json.loads(run("resolve", "ML Engineer", "-f", "json", cwd=engineers).out)
    assert data["match"] == {"code": "AIMLAM.GEN.P4", "title": "Senior Machine Learning Engineer", "matched": "ML Engineer",
                             "kind": "alias", "confidence": None, "approved": True, "similarity": None}


def test_a_code_or_own_title_claims_no_confidence(run, engineers):
    assert run("resolve", "aimlam.gen.p1", cwd=engineers).out == (
        "AIMLAM.GEN.P1  Junior Software Engineering\n  matched code 'AIMLAM.GEN.P1'\n")
    assert run("resolve", "junior software engineering", cwd=engineers).out == (
        "AIMLAM.GEN.P1  Junior Software Engineering\n"
        "  matched title 'Junior Software Engineering'; compared as 'junior software engineering'\n")


def test_a_senior_title_never_suggests_a_junior_role(run, engineers):
    result = run("resolve", "Sr. Software Engineer", cwd=engineers)
    assert result.code == 2
    assert result.err == (
        "no role code or title matches 'Sr. Software Engineer' (compared as 'senior software engineer'; "
        "not taken: 'Junior Software Engineering' (AIMLAM.GEN.P1, similarity 0.86: a P1 role, more junior than "
        "'senior' (P4–P5)), 'Senior Machine Learning Engineer' (AIMLAM.GEN.P4, similarity 0.64: below 0.85); "
        "run `jdgen list` for codes, or `jdgen show CODE` for a role's aliases)\n")
    assert "did you mean" not in result.err


def test_a_senior_title_suggests_the_senior_role_and_says_why_not_the_junior(run, engineers, p4_text):
    role(engineers, p4_text, "AIMLAM.GEN.P5", "Senior Software Engineering")
    result = run("resolve", "Sr. Software Engineer", cwd=engineers)
    assert result.code == 2
    assert result.err == (
        "no role code or title matches 'Sr. Software Engineer' (compared as 'senior software engineer'; "
        "did you mean 'Senior Software Engineering' (AIMLAM.GEN.P5)?; not taken: 'Junior Software Engineering' "
        "(AIMLAM.GEN.P1, similarity 0.86: a P1 role, more junior than 'senior' (P4–P5)), "
        "'Senior Machine Learning Engineer' (AIMLAM.GEN.P4, similarity 0.64: below 0.85))\n")


def test_a_junior_title_does_not_suggest_a_senior_role(run, engineers, p4_text):
    role(engineers, p4_text, "AIMLAM.GEN.P5", "Senior Software Engineering")
    result = run("resolve", "Jr Software Engineer", cwd=engineers)
    assert result.code == 2
    assert "did you mean 'Junior Software Engineering' (AIMLAM.GEN.P1)?" in result.err
    assert ("'Senior Software Engineering' (AIMLAM.GEN.P5, similarity 0.86: a P5 role, more senior than 'junior' "
            "(P1–P2))") in result.err


def test_a_title_without_seniority_words_may_suggest_any_level(run, engineers):
    result = run("resolve", "Junor Software Engineering", cwd=engineers)
    assert result.code == 2
    assert "did you mean 'Junior Software Engineering' (AIMLAM.GEN.P1)?" in result.err


def test_a_miss_with_nothing_close_lists_the_nearest_and_their_similarity(run, engineers):
    result = run("resolve", "Payroll Clerk", cwd=engineers)
    assert result.code == 2
    assert result.err.startswith("no role code or title matches 'Payroll Clerk' (compared as 'payroll clerk'; "
                                 "not taken: ")
    assert re.search(r"similarity 0\.\d\d: below 0\.85", result.err)
    assert result.err.count("\n") == 1
