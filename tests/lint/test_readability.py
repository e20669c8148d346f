"""The readability rules (JD601–JD605) judge the posting a candidate reads: the printed wording,
without `in_posting: false` items, nice-to-haves counted apart, the level's years line counted,
and their defaults taken from jdgen/data/readability.yaml, which cites a source for each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from conftest import shipped_p4_with as _edited

from jdgen.catalog.root import Catalog
from jdgen.lint import lint
from jdgen.lint.ruleset import all_rules

DATA = Path(__file__).resolve().parents[2] / "src" / "jdgen" / "data" / "readability.yaml"
AS_OF = date(2026, 11, 23)
PROFILE = "roles/AIMLAM.GEN.P4.yaml"
QUALIFICATIONS_END = ("    posting: A record of taking new AI/ML ideas from prototype to wide use\n"
                      "    prevalence: common\n    scope: level\n")


def _found(root: Path, code: str) -> list[tuple[str, int, int, str]]:
    """The findings of ``code`` for the edited profile: its generic posting and its company postings."""
    result = lint(Catalog(root), [root / PROFILE], as_of=AS_OF)
    return [(f.location.file.rsplit("/", 1)[-1], f.location.line, f.location.col, f.message)
            for f in result.findings if f.code == code]


def _generic(found: list) -> list:
    return [f for f in found if " posting for " not in f[3]]


def _more_qualifications(count: int, extra: str = "") -> tuple[str, str]:
    added = "".join(f"  - text: Shipped product number {n} to production\n{extra}" for n in range(1, count + 1))
    return QUALIFICATIONS_END, QUALIFICATIONS_END + added


def test_every_default_comes_from_the_data_table_with_a_source():
    table = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    rules = all_rules()
    assert len(table["thresholds"]) == 7
    for name, row in table["thresholds"].items():
        assert rules[row["rule"]].options[row["option"]] == row["value"], name
        assert row["sources"] and all(source in table["sources"] for source in row["sources"]), name
        assert row["basis"].strip(), name
    for source in table["sources"].values():
        assert source["name"] and source["finding"]


def test_must_haves_past_seven_are_reported_at_the_eighth(tmp_path: Path):
    root = _edited(tmp_path, _more_qualifications(5))
    assert _generic(_found(root, "JD605")) == [
        # the 15th ask is the 7th skill: 8 qualifications come first
        ("AIMLAM.GEN.P4.yaml", 128, 14, "the AIMLAM.GEN.P4 posting asks for 18 things under 'What you will bring', "
                                        "more than 14; this is the 15th"),
        ("AIMLAM.GEN.P4.yaml", 210, 11, "the AIMLAM.GEN.P4 posting prints 8 must-have qualifications, more than 7"),
    ]


def test_nice_to_haves_and_unprinted_items_are_not_asks(tmp_path: Path):
    preferred = _edited(tmp_path / "a", _more_qualifications(5, "    priority: preferred\n"))
    hidden = _edited(tmp_path / "b", _more_qualifications(5, "    in_posting: false\n"))
    assert _found(preferred, "JD605") == _found(hidden, "JD605") == []


def test_the_years_line_counts_as_a_must_have(tmp_path: Path):
    root = _edited(tmp_path, ("  - text: 5-8 years of experience in machine learning or related engineering\n"
                              "    kind: experience\n",
                              "  - text: Machine learning or related engineering in production\n"
                              "    kind: experience\n"),
                   _more_qualifications(4))
    assert [f for f in _generic(_found(root, "JD605")) if "must-have" in f[3]] == [(
        "AIMLAM.GEN.P4.yaml", 209, 11,
        "the AIMLAM.GEN.P4 posting prints 8 must-have qualifications (the level’s years line among them), more than 7")]


def test_a_long_posting_names_its_longest_parts(tmp_path: Path):
    long_opening = " ".join(["Forecasting"] * 900)
    root = _edited(tmp_path, ("opening: >-\n", f"opening: >-\n  {long_opening}\n"))
    found = _found(root, "JD601")
    generic = _generic(found)[0]
    assert generic[:3] == ("AIMLAM.GEN.P4.yaml", 26, 10)  # where the opening's value starts
    assert generic[3] == ("the AIMLAM.GEN.P4 posting has 1,177 words, over 1,000 "
                          "(longest parts: the opening 957, What you will bring 102, What you will do 91)")
    # Northwind prints the profile's opening, so its posting is long too and says so; Lindenhof
    # writes its own opening, so its posting is not.
    assert {message.split(" has ")[0] for *_, message in found} == {
        "the AIMLAM.GEN.P4 posting", "the AIMLAM.GEN.P4 posting for Northwind Analytics, Inc."}


def test_a_bullet_is_judged_by_its_printed_wording(tmp_path: Path):
    long_text = " ".join(["word"] * 35)
    quiet = _edited(tmp_path / "a", ("  - text: Leadership in AI/ML innovation\n",
                                     f"  - text: Leadership in AI/ML innovation {long_text}\n"))
    loud = _edited(tmp_path / "b", ("    posting: A record of taking new AI/ML ideas from prototype to wide use\n",
                                    f"    posting: A record of taking new AI/ML ideas {long_text}\n"))
    assert _found(quiet, "JD603") == []
    assert _found(loud, "JD603") == [("AIMLAM.GEN.P4.yaml", 203, 14,
                                      "a qualifications bullet has 43 words, more than 30")]


def test_bullets_left_out_of_postings_are_not_counted(tmp_path: Path):
    added = "".join(f"  - text: Own duty number {n}\n    in_posting: false\n" for n in range(1, 15))
    root = _edited(tmp_path, ("responsibilities:\n", "responsibilities:\n" + added))
    assert _found(root, "JD602") == []
