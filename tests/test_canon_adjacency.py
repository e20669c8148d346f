"""`jdgen adjacent` on the public canon's own profiles (tests/fixtures/canon/) beside the shipped
AI/ML family: the orderings a job architect expects, with "far" inside one family.

The canon groups its AI/ML and data functions under one technology super-function and finance
apart; the test catalog does the same in taxonomy.yaml's `super_functions`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_canon_fields import FIXTURES, NEW_FUNCTIONS


@pytest.fixture
def grouped(catalog: Path) -> Path:
    taxonomy = catalog / "taxonomy.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    assert "    functions: [AIMLAM]\n" in text
    text = text.replace("    functions: [AIMLAM]\n",
                        "    functions: [AIMLAM, DATA2, SOFTWA, DSAISE, AIML, DATASC]\n"
                        "  - code: FIN\n    name: Finance\n    functions: [FGA]\n", 1)
    taxonomy.write_text(text + NEW_FUNCTIONS, encoding="utf-8")
    for path in FIXTURES:
        (catalog / "roles" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return catalog


def _distances(run, cwd: Path, code: str) -> dict[str, tuple[float, str]]:
    result = run("adjacent", code, "-n", "50", "-f", "json", cwd=cwd)
    assert result.code == 0, result.err
    return {row["code"]: (row["distance"], row["band"]) for row in json.loads(result.out)["adjacent"]}


def test_orderings_on_the_canon_profiles(run, grouped):
    from_p3 = _distances(run, grouped, "AIMLAM.GEN.P3")
    one_level = from_p3["AIMLAM.GEN.P4"]            # same family, one level apart
    sibling = from_p3["DSAISE.GEN.P3"]              # the canon's Data Scientist / AI Engineer, same level
    from_p1 = _distances(run, grouped, "AIMLAM.GEN.P1")
    four_levels = from_p1["AIMLAM.GEN.P5"]          # same family, four levels apart
    assert one_level[0] < sibling[0] < four_levels[0]
    assert (one_level[1], sibling[1], four_levels[1]) == ("close", "near", "far")


def test_far_inside_a_family_and_across_super_functions(run, grouped):
    from_p7 = _distances(run, grouped, "AIML.GEN.P7")        # the canon's Principal Strategist
    assert from_p7["DATA2.GEN.P1"][1] == "far"               # an entry data role, same super-function
    from_p1 = _distances(run, grouped, "AIMLAM.GEN.P1")
    assert from_p1["AIMLAM.GEN.P6"][1] == "far"              # one family, five levels apart
    from_fga = _distances(run, grouped, "FGA.GEN.P4")         # general accounting: finance, not technology
    assert from_fga["AIMLAM.GEN.P4"] == (0.5, "far")
