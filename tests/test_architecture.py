"""Adjacent roles, compare and ladder: the distance formula's orderings and the three commands.

The orderings are the ones a job architect would sign: a step up the ladder is closer than
a move into a sibling function, which is closer than a four-level jump in one family, and
P1 and P7 of one family are far apart.
"""

from __future__ import annotations

import json

import pytest

from conftest import edit, write
from jdgen.architecture.relations import band, distance, level_distance
from jdgen.catalog.root import Catalog
from jdgen.resources import builtin_catalog

YEARS = {"P1": "0-2", "P2": "1-3", "P3": "3-5", "P4": "5-8", "P5": "8-12", "P6": "12-18", "P7": "15-25", "M3": "8-12"}


def add_profile(root, code, p4_text, *, function="AIMLAM", focus="GEN", extra_skill=None):
    fn, fc, level = code.split(".")
    text = (p4_text.replace("AIMLAM.GEN.P4", code).replace("level: P4", f"level: {level}")
            .replace("  code: AIMLAM\n", f"  code: {fn}\n").replace("  code: GEN\n", f"  code: {fc}\n")
            .replace("5-8 years of experience", f"{YEARS[level]} years of experience"))
    if extra_skill:
        text = text.replace("skills:\n", f"skills:\n  - text: {extra_skill}\n", 1)
    write(root / "roles" / f"{code}.yaml", text)


@pytest.fixture
def family(catalog, p4_text):
    """The built-in catalog cut down to AIMLAM.GEN.P4, plus synthetic neighbours with known coordinates."""
    for path in (catalog / "roles").glob("*.yaml"):
        if path.name != "AIMLAM.GEN.P4.yaml":
            path.unlink()
    taxonomy = catalog / "taxonomy.yaml"
    # DATENG joins AIMLAM under TECH; FINOPS sits in a super-function of its own.
    edit(taxonomy, "    functions: [AIMLAM]\n",
         "    functions: [AIMLAM, DATENG]\n  - code: FIN\n    name: Finance\n    functions: [FINOPS]\n")
    # AIMLAM.NLP is shipped; a second NLP entry under AIMLAM would make the taxonomy invalid.
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") +
                        "".join(f"  - code: {f}\n    name: {f}\n    focuses:\n      - code: GEN\n        name: General\n"
                                for f in ("DATENG", "FINOPS")), encoding="utf-8")
    for code in ("AIMLAM.GEN.P3", "AIMLAM.GEN.P5", "AIMLAM.GEN.P6", "AIMLAM.NLP.P4", "DATENG.GEN.P4"):
        add_profile(catalog, code, p4_text, extra_skill="Tokenisers" if ".NLP." in code else None)
    return catalog


@pytest.fixture
def wider(family, p4_text):
    """The family plus both ends of the P ladder, a sibling function one level up, and another super-function."""
    for code in ("AIMLAM.GEN.P1", "AIMLAM.GEN.P7", "DATENG.GEN.P5", "FINOPS.GEN.P4"):
        add_profile(family, code, p4_text)
    return family


def profiles(root):
    catalog = Catalog(root)
    return catalog, {p.model.code: p.model for p in catalog.profiles()}


def test_distance_orderings(wider):
    catalog, p = profiles(wider)
    lv = lambda code: catalog.level_of(p[code])  # noqa: E731
    d = lambda a, b: distance(p[a], p[b], lv(a), lv(b), catalog.taxonomy)  # noqa: E731
    assert d("AIMLAM.GEN.P4", "AIMLAM.GEN.P4") == 0
    assert d("AIMLAM.GEN.P4", "AIMLAM.GEN.P3") == d("AIMLAM.GEN.P4", "AIMLAM.GEN.P5") == 0.1
    # one level apart in the family < same level, other focus < same level, sibling function (same
    # super-function) < same family, four levels apart < same level, another super-function
    assert (d("AIMLAM.GEN.P4", "AIMLAM.GEN.P5") < d("AIMLAM.GEN.P4", "AIMLAM.NLP.P4") < d("AIMLAM.GEN.P4", "DATENG.GEN.P4")
            < d("AIMLAM.GEN.P1", "AIMLAM.GEN.P5") < d("AIMLAM.GEN.P4", "FINOPS.GEN.P4"))
    assert d("AIMLAM.GEN.P4", "AIMLAM.GEN.P5") < d("AIMLAM.GEN.P4", "AIMLAM.GEN.P6")
    assert d("AIMLAM.GEN.P4", "DATENG.GEN.P5") < d("AIMLAM.GEN.P1", "AIMLAM.GEN.P5")  # sibling, one up < four up
    assert all(0 <= d(a, b) <= 1 for a in p for b in p)
    assert all(d(a, b) == d(b, a) for a in p for b in p)


def test_bands_a_job_architect_would_use(wider):
    catalog, p = profiles(wider)
    lv = lambda code: catalog.level_of(p[code])  # noqa: E731
    b = lambda x, y: band(distance(p[x], p[y], lv(x), lv(y), catalog.taxonomy))  # noqa: E731
    assert b("AIMLAM.GEN.P4", "AIMLAM.GEN.P5") == b("AIMLAM.GEN.P4", "AIMLAM.NLP.P4") == "close"
    assert b("AIMLAM.GEN.P3", "AIMLAM.GEN.P5") == b("AIMLAM.GEN.P4", "DATENG.GEN.P4") == "near"
    assert b("AIMLAM.GEN.P4", "DATENG.GEN.P5") == "near"
    assert b("AIMLAM.GEN.P1", "AIMLAM.GEN.P7") == b("AIMLAM.GEN.P1", "AIMLAM.GEN.P5") == "far"
    assert b("AIMLAM.GEN.P4", "FINOPS.GEN.P4") == "far"


def test_a_function_no_super_function_lists_is_as_far_as_another_super_function(wider):
    edit(wider / "taxonomy.yaml", "    functions: [AIMLAM, DATENG]\n", "    functions: [AIMLAM]\n")
    catalog, p = profiles(wider)
    lv = lambda code: catalog.level_of(p[code])  # noqa: E731
    d = lambda a, b, t: distance(p[a], p[b], lv(a), lv(b), t)  # noqa: E731
    assert d("AIMLAM.GEN.P4", "DATENG.GEN.P4", catalog.taxonomy) == d("AIMLAM.GEN.P4", "FINOPS.GEN.P4", None) == 0.5


def test_level_distance_across_tracks_is_further_than_one_step():
    ladder = Catalog(builtin_catalog()).ladder
    p4, p5, m3, e4 = (ladder.level(c) for c in ("P4", "P5", "M3", "E4"))
    assert level_distance(p4, p5) == 0.2
    assert level_distance(p5, m3) == 0.25  # same years (8-12), one change of track
    assert level_distance(p4, m3) > level_distance(p4, p5)
    assert level_distance(p4, e4) == 1.0


def test_bands():
    assert ([band(x) for x in (0, 0.1, 0.15, 0.151, 0.35, 0.375, 0.376, 0.5, 1)]
            == ["close", "close", "close", "near", "near", "near", "far", "far", "far"])


def test_adjacent_lists_p3_and_p5_first(run, family):
    result = run("adjacent", "AIMLAM.GEN.P4", cwd=family)
    rows = [line.split()[0] for line in result.out.splitlines()[2:]]
    assert rows[:2] == ["AIMLAM.GEN.P3", "AIMLAM.GEN.P5"]
    data = json.loads(run("adjacent", "aimlam.gen.p4", "--limit", "2", "--format", "json", cwd=family).out)
    assert [(a["code"], a["distance"], a["band"]) for a in data["adjacent"]] == [
        ("AIMLAM.GEN.P3", 0.1, "close"), ("AIMLAM.GEN.P5", 0.1, "close")]


def test_adjacent_bad_limit(run, family):
    result = run("adjacent", "AIMLAM.GEN.P4", "--limit", "0", cwd=family)
    assert (result.code, result.err) == (2, "--limit 0 must be at least 1\n")


def test_compare_shows_differences(run, family):
    data = json.loads(run("compare", "AIMLAM.GEN.P4", "AIMLAM.NLP.P4", "--format", "json", cwd=family).out)
    assert [r["code"] for r in data["roles"]] == ["AIMLAM.GEN.P4", "AIMLAM.NLP.P4"]
    assert data["roles"][0]["years"] == "5–8 yrs" and data["roles"][0]["scope"] == "A system or set of related features"
    assert data["lists"]["skills"]["unique"] == {"AIMLAM.GEN.P4": [], "AIMLAM.NLP.P4": ["Tokenisers"]}
    assert "Project ownership" in data["lists"]["skills"]["shared"]
    table = run("compare", "AIMLAM.GEN.P3", "AIMLAM.GEN.P4", cwd=family).out
    assert "P3 Mid-Level Professional" in table and "P4 Senior Professional" in table
    assert "3–5 yrs" in table and "5–8 yrs" in table
    assert "only AIMLAM.GEN.P3 (1): 3-5 years of experience in machine learning or related engineering" in table
    md = run("compare", "AIMLAM.GEN.P3", "AIMLAM.GEN.P4", "-f", "md", cwd=family).out
    assert md.startswith("| | AIMLAM.GEN.P3 | AIMLAM.GEN.P4 |\n|---|---|---|\n")


@pytest.mark.parametrize("codes, message", [
    (["AIMLAM.GEN.P4"], "compare takes 2 to 4 role codes, not 1"),
    (["AIMLAM.GEN.P4"] * 2, "give different role codes to compare (each code may appear once)"),
    (["AIMLAM.GEN.P3", "AIMLAM.GEN.P4", "AIMLAM.GEN.P5", "AIMLAM.GEN.P6", "AIMLAM.NLP.P4"], "compare takes 2 to 4 role codes, not 5"),
])
def test_compare_bad_input(run, family, codes, message):
    result = run("compare", *codes, cwd=family)
    assert (result.code, result.err) == (2, message + "\n")


def test_ladder_with_company_pay(run, family):
    result = run("ladder", "AIMLAM.GEN", "--company", "northwind", cwd=family)
    lines = result.out.splitlines()
    assert lines[0].split() == ["LEVEL", "CODE", "TITLE", "YEARS", "MARKET", "PAY", "COMPANY", "PAY"]
    assert [line.split()[0] for line in lines[2:]] == ["P3", "P4", "P5", "P6"]
    assert "range $157,000–$196,000 USD per year" in lines[3]
    assert lines[5].endswith("pending     range $225,000–$280,000 USD per year")
    data = json.loads(run("ladder", "aimlam.gen", "-f", "json", cwd=family).out)
    assert [r["code"] for r in data["levels"]] == ["AIMLAM.GEN.P3", "AIMLAM.GEN.P4", "AIMLAM.GEN.P5", "AIMLAM.GEN.P6"]


def test_ladder_unknown_family(run, family):
    result = run("ladder", "AIMLAM.GENX", cwd=family)
    assert result.code == 2
    assert result.err == "no roles in family AIMLAM.GENX (did you mean 'AIMLAM.GEN' or 'AIMLAM.NLP'?)\n"
    assert run("ladder", "AIMLAM", cwd=family).err == "'AIMLAM' is not a family (write FUNCTION.FOCUS, e.g. AIMLAM.GEN)\n"


def test_adjacent_calls_the_other_end_of_the_family_far(run, wider):
    data = json.loads(run("adjacent", "AIMLAM.GEN.P1", "--limit", "20", "--format", "json", cwd=wider).out)
    assert set(data) == {"version", "code", "adjacent"} and data["code"] == "AIMLAM.GEN.P1"
    assert set(data["adjacent"][0]) == {"code", "title", "level", "distance", "band"}
    found = {a["code"]: (a["distance"], a["band"]) for a in data["adjacent"]}
    assert found["AIMLAM.GEN.P3"] == (0.2, "near")
    assert found["AIMLAM.GEN.P5"] == (0.4, "far")
    assert found["AIMLAM.GEN.P7"] == (0.5, "far")
    assert found["FINOPS.GEN.P4"] == (0.8, "far")
    table = run("adjacent", "AIMLAM.GEN.P1", "--limit", "20", cwd=wider).out.splitlines()
    assert table[-1].split()[0] == "FINOPS.GEN.P4" and table[-1].split()[-2:] == ["0.80", "far"]
