"""Pay as show, compare and ladder print it: one presentation, numbers as numbers in JSON."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from conftest import write
from jdgen.architecture.pay import market_pay

YEARS = {"P1": "0-2", "P2": "1-3", "P3": "3-5", "P4": "5-8", "P5": "8-12", "P6": "12-18"}

# The canon's figures for a pay record with a median (the numbers `show` once printed unlabelled).
CANON_PAY = """market_pay:
  currency: USD
  basis: year
  median: 231230
  min: 181651
  max: 294340
  region: US
  source: JobFrame canon
  as_of: 2026-01
"""


def role(root, p4_text, code, title, *, pay=None, aliases=""):
    """A profile made from AIMLAM.GEN.P4: another code, level, title, aliases and market pay."""
    level = code.rsplit(".", 1)[-1]
    text = (p4_text.replace("AIMLAM.GEN.P4", code).replace("level: P4", f"level: {level}")
            .replace("title: Senior AI/ML Engineer / Tech Lead", f"title: {title}")
            .replace("5-8 years of experience", f"{YEARS[level]} years of experience"))
    text = re.sub(r"(?ms)^title_aliases:\n.*?(?=^\S)", f"title_aliases:{aliases or ' []'}\n", text)
    if pay is None:
        text = text.replace("market_pay: pending\n", "")
    else:
        text = text.replace("market_pay: pending\n", pay)
    write(root / "roles" / f"{code}.yaml", text)


@pytest.fixture
def family(catalog, p4_text):
    """AIMLAM.GEN: P4 with the canon's pay, P3 pending, P5 with no market pay at all."""
    for path in (catalog / "roles").glob("*.yaml"):
        path.unlink()
    role(catalog, p4_text, "AIMLAM.GEN.P3", "Machine Learning Engineer", pay="market_pay: pending\n")
    role(catalog, p4_text, "AIMLAM.GEN.P4", "Senior Machine Learning Engineer", pay=CANON_PAY)
    role(catalog, p4_text, "AIMLAM.GEN.P5", "Staff Machine Learning Engineer")
    return catalog


CANON_TEXT = "median $231,230 (range $181,651–$294,340) USD per year; region US; source JobFrame canon; as of 2026-01"


# --- pay -------------------------------------------------------------------------------

def test_show_labels_median_and_range_with_currency_basis_and_source(run, family):
    result = run("show", "AIMLAM.GEN.P4", cwd=family)
    assert result.code == 0
    # Wrapped at 88 columns like every paragraph of show, continued under the figures.
    assert ("\nMarket pay  median $231,230 (range $181,651–$294,340) USD per year; region US; source\n"
            "            JobFrame canon; as of 2026-01\n") in result.out


def test_show_tells_pending_from_not_recorded(run, family):
    assert "\nMarket pay  pending\n" in run("show", "AIMLAM.GEN.P3", cwd=family).out
    assert "\nMarket pay  not recorded\n" in run("show", "AIMLAM.GEN.P5", cwd=family).out


def test_compare_keeps_the_median_and_gives_numbers_in_json(run, family):
    result = run("compare", "AIMLAM.GEN.P4", "AIMLAM.GEN.P3", "AIMLAM.GEN.P5", "--format", "json", cwd=family)
    assert result.code == 0
    pay = [r["pay"] for r in json.loads(result.out)["roles"]]
    assert pay == [
        {"status": "recorded", "median": 231230, "min": 181651, "max": 294340, "currency": "USD", "basis": "year",
         "region": "US", "qualifiers": [], "source": "JobFrame canon", "as_of": "2026-01"},
        {"status": "pending"},
        {"status": "not_recorded"},
    ]


def test_compare_text_and_markdown_word_pay_as_show_does(run, family):
    lines = run("compare", "AIMLAM.GEN.P4", "AIMLAM.GEN.P3", "AIMLAM.GEN.P5", cwd=family).out.splitlines()
    [figures] = [line for line in lines if line.startswith("Market pay")]
    assert re.split(r"\s{2,}", figures) == ["Market pay", "median $231,230 (range $181,651–$294,340) USD per year",
                                            "pending", "not recorded"]
    [details] = [line for line in lines if line.startswith("Pay details")]
    assert details.endswith("region US; source JobFrame canon; as of 2026-01")
    md = run("compare", "AIMLAM.GEN.P4", "AIMLAM.GEN.P3", "-f", "md", cwd=family).out
    assert "| Market pay | median $231,230 (range $181,651–$294,340) USD per year | pending |\n" in md
    assert "| Pay details | region US; source JobFrame canon; as of 2026-01 |  |\n" in md


def test_compare_leaves_out_the_details_row_when_no_role_has_details(run, family):
    table = run("compare", "AIMLAM.GEN.P3", "AIMLAM.GEN.P5", cwd=family).out
    assert "Pay details" not in table
    assert re.search(r"^Market pay\s+pending\s+not recorded$", table, re.MULTILINE)


def test_ladder_shows_market_pay_and_the_company_band_the_same_way(run, family):
    result = run("ladder", "AIMLAM.GEN", "--company", "northwind", cwd=family)
    assert result.code == 0
    lines = result.out.splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["LEVEL", "CODE", "TITLE", "YEARS", "MARKET PAY", "COMPANY PAY"]
    assert re.split(r"\s{2,}", lines[3]) == ["P4 Senior Professional", "AIMLAM.GEN.P4", "Senior Machine Learning Engineer", "5–8 yrs",
                                            "median $231,230 (range $181,651–$294,340) USD per year",
                                            "range $157,000–$196,000 USD per year"]
    assert re.split(r"\s{2,}", lines[2])[4:] == ["pending", "range $128,000–$158,000 USD per year"]
    assert re.split(r"\s{2,}", lines[4])[4:] == ["not recorded", "range $188,000–$232,000 USD per year"]
    data = json.loads(run("ladder", "AIMLAM.GEN", "-c", "lindenhof", "-f", "json", cwd=family).out)
    p4 = data["levels"][1]
    assert p4["market_pay"]["median"] == 231230 and p4["market_pay"]["currency"] == "USD"
    assert p4["pay"] == {"status": "recorded", "median": None, "min": 80000, "max": 98000, "currency": "EUR",
                         "basis": "year", "region": None, "qualifiers": [], "source": "Lindenhof Logistik GmbH pay band",
                         "as_of": None}


def test_ladder_without_a_company_shows_market_pay_only(run, family):
    lines = run("ladder", "AIMLAM.GEN", cwd=family).out.splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["LEVEL", "CODE", "TITLE", "YEARS", "MARKET PAY"]
    assert re.split(r"\s{2,}", lines[4])[3:] == ["8–12 yrs", "not recorded"]


def pay_record(**fields):
    base = dict(currency="USD", basis="year", median=None, min=None, max=None, region=None, source=None, as_of=None)
    return SimpleNamespace(market_pay=SimpleNamespace(**{**base, **fields}))


def test_qualifiers_are_read_from_the_pay_record_when_it_has_them():
    # Pay qualifiers come from the canon ("national base (function pricing in review)", "inherited").
    view = market_pay(pay_record(median=231230, region="US", qualifiers=["national base (function pricing in review)",
                                                                          "inherited"]))
    assert view.text() == ("median $231,230 USD per year; region US; national base (function pricing in review); "
                           "inherited")
    assert market_pay(pay_record(median=1.0, qualifier="inherited")).as_dict()["qualifiers"] == ["inherited"]


@pytest.mark.parametrize("fields, text", [
    ({"min": 50, "max": 50}, "range $50 USD per year"),
    ({"min": 50}, "from $50 USD per year"),
    ({"max": 80}, "up to $80 USD per year"),
    ({"median": 52.5, "basis": "hour"}, "median $52.50 USD per hour"),
    ({"median": 68000, "currency": "EUR"}, "median €68,000 EUR per year"),
    ({"median": 90000, "currency": "CHF"}, "median 90,000 CHF per year"),
    ({"median": 500000, "currency": "SEK"}, "median 500,000 SEK per year"),
    ({}, "USD per year, no amounts recorded"),
])
def test_pay_figures(fields, text):
    assert market_pay(pay_record(**fields)).text() == text


def test_json_amounts_are_integers_when_whole_and_decimals_otherwise():
    data = market_pay(pay_record(min=52.5, max=60.0)).as_dict()
    assert (data["min"], data["max"]) == (52.5, 60)
    assert isinstance(data["max"], int)


def test_show_json_gives_the_same_pay_object_as_compare(run, catalog):
    import json

    shown = json.loads(run("show", "AIMLAM.GEN.P4", "--format", "json", cwd=catalog).out)
    compared = json.loads(run("compare", "AIMLAM.GEN.P4", "AIMLAM.GEN.P3", "--format", "json", cwd=catalog).out)
    assert shown["market_pay"] == compared["roles"][0]["pay"]
    assert shown["market_pay"]["status"] in ("recorded", "pending", "not_recorded")
