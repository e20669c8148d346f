"""JD501–JD503 read the fields the posting voice added to what a posting prints: the opening, the
team's about and reports_to, the hiring steps and the apply-anyway line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jdgen.catalog.root import Catalog
from jdgen.lint import lint

AS_OF = date(2026, 11, 23)
P4 = "roles/AIMLAM.GEN.P4.yaml"
NORTHWIND = "companies/northwind.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


CASES = [
    ("opening", P4, "  Most organizations collect far more data than they use, and the AI/ML work that could",
     "  Most organizations collect far more data than a dominant rockstar could ever use, and work that could"),
    ("team.about", NORTHWIND, "      You join the forecasting team",
     "      You join the forecasting team of digital natives"),
    ("team.reports_to", NORTHWIND, "reports_to: the Director of Machine Learning",
     "reports_to: the Director of Machine Learning, a fearless leader"),
    ("hiring_process", NORTHWIND, "  - A 30-minute call with a recruiter about the role",
     "  - A 30-minute call with a recruiter, then lift 50 pounds, about the role"),
    ("apply_anyway", NORTHWIND, "  If you meet most of these points but not all, apply anyway",
     "  If you are a young and aggressive ninja who meets most of these points, apply anyway"),
]


@pytest.mark.parametrize("field, file, old, new", CASES, ids=[c[0] for c in CASES])
def test_language_rules_read_the_printed_field(catalog: Path, field, file, old, new):
    _edit(catalog / file, old, new)
    found = [(f.code, Path(f.location.file).relative_to(catalog).as_posix(), f.location.line, f.message)
             for f in lint(Catalog(catalog), as_of=AS_OF).findings if f.code in ("JD501", "JD502", "JD503", "JD508")]
    assert found == EXPECTED[field]


EXPECTED = {
    "opening": [("JD501", P4, 27, "'dominant' is masculine-coded"),
                ("JD502", P4, 27, "'rockstar': Celebrity labels read as a call for a young, loud, mostly male "
                                  "stereotype and tell the reader nothing about the work.")],
    "team.about": [("JD508", NORTHWIND, 111, "'digital natives': 'Digital native' means born into the internet "
                                             "age, so it is a proxy for age and deters older applicants (ADEA §4(e)).")],
    # 'leader' is an ordinary job word (counted by JD505, not reported by itself)
    "team.reports_to": [("JD501", NORTHWIND, 114, "'fearless' is masculine-coded")],
    "hiring_process": [("JD503", NORTHWIND, 60, "'lift 50 pounds': A fixed weight limit screens out people who could "
                                                "do the work another way (a trolley, a team lift, an accommodation); "
                                                "keep it only if moving that load is essential.")],
    "apply_anyway": [("JD501", NORTHWIND, 65, "'aggressive' is masculine-coded"),
                     ("JD502", NORTHWIND, 65, "'ninja': 'Ninja' is a novelty title that signals an in-group culture "
                                              "and hides what the job is.")],
}
