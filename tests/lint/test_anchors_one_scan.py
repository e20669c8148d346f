"""The one scan of a text for a word list's leading words (AnchoredList._candidates, shared by
the language rules' lists through a ScanGroup) finds the same (start, row, matched text) as
looking for each word with ``in`` and finding it with ``str.find`` (AnchoredList._present and
Anchored._starts): overlapping words, a word inside another, words at line starts, a word
after a non-ASCII letter, İ, ı, ſ and the Kelvin sign, other scripts' digits."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.compose.anchors import AnchoredList, ScanGroup, _has_other_digits, fold
from jdgen.lint.data import phrases
from jdgen.lint.wordlists import SCANNED_TOGETHER


def _by_find_loops(listed: AnchoredList, text: str) -> list[tuple[int, int, str]]:
    """finditer_each as it was before the scan: each word tested with ``in``, then found with ``find``."""
    folded, other_digits = fold(text), _has_other_digits(text)
    found = []
    for index, words in sorted(listed._present(folded, other_digits).items()):
        matcher = listed.matchers[index]
        if matcher.plain(text, other_digits):
            matches = matcher.pattern.finditer(text)
        elif not matcher.holds(folded):
            continue
        else:
            matches = matcher.finditer(text, folded, matcher._starts(text, folded, words))
        found += [(match.start(), index, match.group(0)) for match in matches]
    return sorted(found, key=lambda item: item[:2])


def _one_scan(listed: AnchoredList, text: str) -> list[tuple[int, int, str]]:
    return [(start, index, match.group(0)) for start, index, match in listed.finditer_each(text)]


def _same_starts(listed: AnchoredList, text: str) -> None:
    """Where each row is tried is the same too, not only what it finds (a row whose pattern
    holds its own \\b would hide a start the scan got wrong)."""
    folded, other_digits = fold(text), _has_other_digits(text)
    by_loops = {}
    for index, words in listed._present(folded, other_digits).items():
        matcher = listed.matchers[index]
        if matcher.plain(text, other_digits):
            by_loops[index] = None
        elif matcher.holds(folded) and (starts := matcher._starts(text, folded, words)):
            by_loops[index] = starts
    scanned = {index: starts for index, starts in listed._candidates(text, folded, other_digits).items()
               if starts is None or starts}
    assert scanned == by_loops


def _check(listed: AnchoredList, text: str) -> None:
    assert _one_scan(listed, text) == _by_find_loops(listed, text)
    _same_starts(listed, text)


# Rows whose words overlap ("he", "her", "here"), sit inside one another ("rock" in "rockstar",
# "star" in "rockstar"), need a word start or not, start at a line or with a digit.
PATTERNS = [r"\bhe\b", r"\bher\b|\bhers\b", r"here", r"\brock(?:star)?\b", r"star", r"\bstarfish",
            r"(?<![\w-])ninja", r"^\s*-?\s*be\s+a\s+citizen", r"\d+\s*years", r"\b\d{2}\s*years\s+of\s+age",
            r"s/he", r"(?a)\bkelvin", r"\bsister\b", r"a\b", r"\bi(?:sland|ce)\b"]
PIECES = ["he", "her", "here", "hers", "rock", "star", "rockstar", "starfish", "ninja", "-ninja", "_ninja",
          "be a citizen", "\n- ", "\n", " ", "  ", "-", "12", "7 years", "35 years of age", "\u0663\u0665 years",
          "é", "éhe", "s/he", "İsland", "ıce", "ſister", "\u212aelvin", "kelvin", "xhe", "a", "sa", ".", "日本"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), multiline=st.booleans())
def test_the_scan_finds_what_the_find_loops_find(pieces, multiline):
    flags = re.IGNORECASE | (re.MULTILINE if multiline else 0)
    listed = AnchoredList([re.compile(pattern, flags) for pattern in PATTERNS], ScanGroup())
    _check(listed, "".join(pieces))


def _shared_lists() -> list[AnchoredList]:
    group = ScanGroup()
    return [AnchoredList([phrase.pattern for phrase in phrases(file)], group) for file in SCANNED_TOGETHER]


SHARED = _shared_lists()
WORDS = sorted({word for listed in SHARED for word in listed.words})


@pytest.mark.parametrize("position", range(len(SCANNED_TOGETHER)), ids=SCANNED_TOGETHER)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_shared_scan_finds_in_each_list_what_its_find_loops_find(position, data):
    parts = data.draw(st.lists(st.sampled_from(WORDS) | st.sampled_from(PIECES), min_size=1, max_size=30))
    text = data.draw(st.sampled_from(["", " ", "x"])).join(parts)
    _check(SHARED[position], text)


def test_the_shared_scan_on_real_postings():
    texts = ["We want a rockstar ninja. He will lift 50 pounds.\n- Be a citizen of the EU\n"
             "Young, energetic digital natives; a work hard, play hard culture with beer on Fridays.",
             "Seeking a Salesman / saleswoman (M/F), 25-35 years of age, able-bodied, must have a driver's licence.",
             "Recent graduates welcome; the candidate should be a native English speaker who can stand for 8 hours."]
    for listed in SHARED:
        for text in texts:
            _check(listed, text)
