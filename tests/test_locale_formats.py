"""Money, dates, lists, country names and currency codes from CLDR (Babel), and the company-file
fields that choose a posting's language."""

from __future__ import annotations

import pytest

from conftest import edit, line_of
from jdgen.catalog.company_models import Place
from jdgen.render.cldr import join, long_date, money, money_range, number, territory
from jdgen.render.context import where_you_work
from jdgen.render.language import PostingLocale, tag

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("amount, currency, locale, expected", [
    (68000, "EUR", "de_DE", f"68.000{NBSP}€"),
    (68000, "EUR", "fr_FR", f"68{NNBSP}000{NBSP}€"),
    (120000, "USD", "en_US", "$120,000"),
    (120000, "USD", "en_GB", "US$120,000"),
    (1234.5, "EUR", "de_DE", f"1.234,50{NBSP}€"),
    (68000, "CHF", "en", f"CHF{NBSP}68,000"),       # letters and digits kept apart (CLDR currencySpacing)
    (68000, "CHF", "de_CH", f"CHF{NBSP}68'000"),
    (5000000, "JPY", "en", "¥5,000,000"),
])
def test_money(amount, currency, locale, expected):
    assert money(amount, currency, locale) == expected


def test_ranges_close_up_only_when_the_amounts_have_no_spaces():
    assert money_range(157000, 196000, "USD", "en_US") == "$157,000–$196,000"
    assert money_range(68000, 84000, "EUR", "de_DE") == f"68.000{NBSP}€ – 84.000{NBSP}€"
    assert money_range(68000, 68000, "EUR", "de_DE") == f"68.000{NBSP}€"


def test_numbers_without_currency():
    assert number(231230) == "231,230" and number(1234.5) == "1,234.50" and number(1234.5, "de_DE") == "1.234,50"


@pytest.mark.parametrize("locale, expected", [
    ("en_US", "December 31, 2026"), ("en_GB", "31 December 2026"), ("en_DE", "31 December 2026"),
    ("de_DE", "31. Dezember 2026"), ("de_AT", "31. Dezember 2026"), ("fr_FR", "31 décembre 2026"),
    ("fr_CA", "31 décembre 2026"),
])
def test_long_dates_follow_the_region(locale, expected):
    assert long_date("2026-12-31", locale) == expected


def test_lists_and_country_names_are_the_languages():
    assert join(["A", "B", "C"], "de_DE") == "A, B und C"
    assert join(["A", "B", "C"], "fr_FR", "or") == "A, B ou C"
    assert join(["A", "B", "C"], "en_US", "or") == "A, B, or C"
    assert join(["A", "B"], "en_GB") == "A and B"
    assert [territory("DE", loc) for loc in ("en", "de", "fr")] == ["Germany", "Deutschland", "Allemagne"]
    assert territory("XK", "de") == "Kosovo" and territory("QQ", "de") == "QQ"


def test_where_you_work_in_german():
    from jdgen.render.translations import translations

    places = [Place.model_validate(p) for p in (
        {"id": "a", "country": "DE", "work_model": "remote", "remote_eligibility": [{"country": "DE"}, {"country": "AT"}]},
        {"id": "b", "city": "München", "country": "DE", "work_model": "hybrid"})]
    german = translations("de").gettext
    assert where_you_work(places, PostingLocale("de", "DE"), german) == (
        "Sie können von überall in Deutschland oder Österreich aus oder hybrid von München aus arbeiten.")
    onsite = [Place.model_validate({"id": "c", "city": "Denver", "region": "CO", "country": "US",
                                    "work_model": "onsite"})]
    assert where_you_work(onsite, PostingLocale("de", "DE"), german) == "Sie arbeiten vor Ort in Denver, CO."


@pytest.mark.parametrize("language, region, expected_tag, expected_cldr", [
    ("de", "DE", "de-DE", "de_DE"), ("en", "DE", "en", "en_DE"), ("en", "US", "en-US", "en_US"),
    ("fr", "CA", "fr-CA", "fr_CA"), ("fr", None, "fr", "fr"), ("de", "XK", "de", "de"),
])
def test_tag_and_cldr_locale(language, region, expected_tag, expected_cldr):
    locale = PostingLocale(language, region)
    assert (locale.tag, locale.cldr) == (expected_tag, expected_cldr)
    assert tag(language, region) == expected_tag


# -- currency codes --------------------------------------------------------------------------

def test_currencies_are_those_cldr_records_in_use():
    from jdgen.catalog.currencies import currencies_in_use

    codes = currencies_in_use()
    assert {"USD", "EUR", "GBP", "CHF", "JPY", "INR", "BOV", "XCG"} <= codes
    assert not {"DEM", "FRF", "ANG", "EURO"} & codes


def test_a_withdrawn_currency_is_refused_where_it_stands(run, catalog):
    path = catalog / "companies" / "lindenhof.yaml"
    edit(path, "    currency: EUR\n    min: 80000", "    currency: DEM\n    min: 80000")
    line = line_of(path, "currency: DEM")
    result = run("--catalog", str(catalog), "validate", cwd=catalog.parent)
    assert result.code == 1
    assert f"companies/lindenhof.yaml:{line}:15: currency 'DEM' is not an ISO 4217 code" in result.out + result.err


# -- the company file's language fields ---------------------------------------------------------

@pytest.mark.parametrize("old, new, needle, message", [
    ("    work_model: hybrid\n", "    work_model: hybrid\n    language: German\n", "language: German",
     "locations[0].language 'German' is not in the expected form (use a two-letter ISO 639-1 language code such "
     "as de or fr)"),
    ("    - >-\n      Wir freuen", "    - language: de\n      txt: Wir freuen", "txt: Wir",
     "unknown key 'txt' in eeo.additional[0] (did you mean 'text'?)"),
    ("    - >-\n      Wir freuen", "    - language: deu\n      text: Wir freuen", "language: deu",
     "eeo.additional[0].language 'deu' is not in the expected form (use a two-letter ISO 639-1 language code "
     "such as de or fr)"),
])
def test_a_bad_language_field_is_reported_at_its_line(run, catalog, old, new, needle, message):
    path = catalog / "companies" / "lindenhof.yaml"
    edit(path, old, new)
    if "Wir freuen" in new:   # the statement's text is now a mapping's value: indent its other lines
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("      Geschlecht, Religion", "        Geschlecht, Religion")
                        .replace("      Identität (AGG).", "        Identität (AGG)."), encoding="utf-8")
    result = run("--catalog", str(catalog), "validate", cwd=catalog.parent)
    assert result.code == 1
    line = line_of(path, needle)
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index(needle.split(":")[0]) + 1
    if "language" in needle:
        column += len("language: ")
    assert result.out == f"catalog/companies/lindenhof.yaml:{line}:{column}: {message}\n"
