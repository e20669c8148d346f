"""A text too long to match at once is matched piece by piece, and finds what reading it whole finds."""

from __future__ import annotations

import pytest

from jdgen.lint import wordlists
from jdgen.lint.wordlists import CHUNK, _matches_in, phrase_matches

LISTS = ["exclusionary.yaml", "age_coded.yaml", "gender_restricted.yaml", "gendered_language.yaml",
         "physical_requirements.yaml", "alcohol_culture.yaml", "sensory_exclusion.yaml"]
PROSE = ("We want a rockstar ninja for our young and dynamic team. You must be able to lift 50 pounds "
         "and carry heavy boxes. Hey guys, he will join us for beer in the pub. Female candidates only. "
         "Recent college graduates welcome. Must be physically fit. Must keep good eye contact. ")


def _long_text(shift: int) -> str:
    # Phrases land on and across every piece boundary as the filler before them shifts.
    return "x" * shift + " " + PROSE * (3 * CHUNK // len(PROSE))


@pytest.mark.parametrize("shift", [0, 7, 61, 113])
@pytest.mark.parametrize("name", LISTS)
def test_a_long_text_read_in_pieces_finds_what_reading_it_whole_finds(name, shift):
    text = _long_text(shift)
    assert len(text) > 2 * CHUNK
    whole = list(_matches_in(name, text))
    assert whole, "the prose holds phrases of every list"
    assert list(phrase_matches(name, text)) == whole


def test_a_rule_stops_reading_a_long_text_at_its_limit(monkeypatch):
    """The engine keeps 100 findings a rule; a long text must not be matched to its end first."""
    windows = []
    matchers = wordlists._matchers("exclusionary.yaml")
    real = type(matchers).finditer_each

    def counting(self, text):
        windows.append(len(text))
        return real(self, text)

    monkeypatch.setattr(type(matchers), "finditer_each", counting)
    matches = iter(phrase_matches("exclusionary.yaml", _long_text(0) * 10))
    assert next(matches)[2].lower() == "rockstar"
    assert len(windows) == 1, "only the first piece was read"
