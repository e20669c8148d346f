"""The places a posting file states, as --location and "Location:" lines write them: country names
in English, German or French come from CLDR; a state or province code after a city is read as one,
except the country codes European postings write after a city."""

from __future__ import annotations

import pytest

from jdgen.documents.stated import read_place


@pytest.mark.parametrize("text, expected", [
    ("Denver, CO", ("US", "CO", "Denver")),              # Colorado, not Colombia
    ("Sacramento, CA", ("US", "CA", "Sacramento")),      # California, not Canada
    ("Regina, SK", ("CA", "SK", "Regina")),              # Saskatchewan, not Slovakia
    ("Bratislava, Slovakia", ("SK", None, "Bratislava")),
    ("München, Deutschland", ("DE", None, "München")),
    ("Lyon, France", ("FR", None, "Lyon")),
    ("Varsovie, Pologne", ("PL", None, "Varsovie")),
    ("Berlin, DE", ("DE", None, "Berlin")),
    ("London, UK", ("GB", None, "London")),
    ("US-CO", ("US", "CO", None)),
    ("Singapore", ("SG", None, None)),
])
def test_places_are_read(text, expected):
    place = read_place(text)
    assert (place.country, place.region, place.city) == expected


@pytest.mark.parametrize("text", ["Remote", "Atlantis", "XX-YY"])
def test_text_that_names_no_place_is_none(text):
    assert read_place(text) is None
