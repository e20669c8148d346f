"""What a posting someone wrote states in words: where the job is, and a pay range.

Where the job is comes from ``--location`` or from the posting's text.

A catalog posting's places come from the company file, already typed. A posting file only
says it in words ("Location: Denver, CO", "Hybrid – Munich, Germany", "Remote (US)"), so
this reads the few shapes postings use and nothing more: "City, ST" with a US state or
Canadian province code, "City, Country", a country alone, "US-CO", and "remote" anywhere.
A place it cannot read is no place (the pay laws are then not checked, and the linter says
so) rather than a guess: the wrong state would report a law that does not apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

US_STATES = frozenset("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
                      "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split())
CA_PROVINCES = frozenset("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
# Country names come from CLDR (render.cldr.territory_codes: English, German and French names);
# these are only the short forms postings use that CLDR does not list as names.
_SHORT_NAMES = {"usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US", "united states of america": "US",
                "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
                "the netherlands": "NL", "holland": "NL"}
# Country codes that, after a city, mean the country even where a US state shares them.
_CITY_COUNTRY_CODES = frozenset({"DE"})
_STATE_NAMES = {"colorado": "CO", "california": "CA", "washington state": "WA", "new york": "NY", "illinois": "IL",
                "washington": "WA", "maryland": "MD", "hawaii": "HI", "minnesota": "MN", "vermont": "VT", "massachusetts": "MA",
                "new jersey": "NJ", "nevada": "NV", "connecticut": "CT", "rhode island": "RI", "ontario": "ON",
                "british columbia": "BC", "texas": "TX", "florida": "FL"}
_MONEY = r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|INR)\s?)\s?\d[\d,.\u00a0\u202f]*(?:\s?[kK]\b)?"
# A pay range as postings write one: "$150,000–$180,000", "USD 110k - 130k", "€60.000 to €75.000".
PAY_RANGE = re.compile(_MONEY + r"\s*(?:-|–|—|to|and)\s*(?:" + _MONEY + r"|\d[\d,.]*(?:\s?[kK]\b)?)")
_REMOTE = re.compile(r"\b(?:remote|work from home|wfh|telecommute)\b", re.IGNORECASE)
_NOISE = re.compile(r"\b(?:hybrid|on-?site|in[- ]office|remote|full[- ]time|part[- ]time|location[s]?|based in|"
                    r"work from home|office)\b|[()\[\]:–—|·•]", re.IGNORECASE)


@dataclass(frozen=True)
class StatedPlace:
    country: str
    region: str | None
    city: str | None
    remote: bool
    text: str          # as written, for messages

    def describe(self) -> str:
        parts = [p for p in (self.city, self.region, self.country) if p]
        return ", ".join(parts) + (" (remote)" if self.remote else "")


def _countries() -> tuple[dict[str, str], frozenset[str]]:
    """(country code by folded name, every country code): CLDR's names and the short forms above."""
    from ..render.cldr import territory_codes

    names = territory_codes()
    return {**names, **_SHORT_NAMES}, frozenset(names.values())


def read_place(text: str) -> StatedPlace | None:
    """The place ``text`` names, or None when it names none this reader knows."""
    remote = bool(_REMOTE.search(text))
    countries, codes = _countries()
    code = re.fullmatch(r"\s*([A-Za-z]{2})-([A-Za-z]{2})\s*", text)
    if code:
        country, region = code.group(1).upper(), code.group(2).upper()
        return StatedPlace(country, region, None, remote, text.strip()) if country in codes else None
    cleaned = _NOISE.sub(" ", text)
    parts = [" ".join(part.split()) for part in cleaned.split(",")]
    parts = [part for part in parts if part]
    if not parts:
        return StatedPlace("US", None, None, True, text.strip()) if remote and re.search(r"\bU\.?S\.?A?\b", text) else None
    country = region = city = None
    for part in reversed(parts):
        lowered = part.casefold().rstrip(".")
        # A two-letter part that is a US state or Canadian province is read as one ("Denver, CO" is
        # not Colombia, "Regina, SK" not Slovakia), except the country codes European postings write
        # after a city ("Berlin, DE"); other codes, and names, are countries.
        state_code = len(part) == 2 and part.upper() in US_STATES | CA_PROVINCES and part.upper() not in _CITY_COUNTRY_CODES
        if country is None and not state_code and (lowered in countries or part.upper() in codes and
                                                   (len(parts) > 1 or part in codes)):
            country = countries.get(lowered) or part.upper()
        elif region is None and (state_code or lowered in _STATE_NAMES):
            region = _STATE_NAMES.get(lowered) or part.upper()
        elif city is None and region is not None or city is None and country is not None:
            city = part
    if region and country is None:
        country = "CA" if region in CA_PROVINCES else "US"
    if country is None:
        return None
    return StatedPlace(country, region, city, remote, text.strip())
