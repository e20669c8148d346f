"""The short answers a posting asks of the years reader stay the long answers' (compose/experience.py).

A rendered posting prints its level's years unless a qualification states years: it asks
``asks_for_years``, which stops at the first requirement found, where lint asks
``find_years_claims`` for all of them. The two must agree on every text; the word-list
patterns they share run unanchored on a process's first short texts (``AnchoredLater``)
and must find what the anchored search finds.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.compose.anchors import Anchored, AnchoredLater
from jdgen.compose.experience import _CLAIM, asks_for_years
from jdgen.compose.lazy_regex import lazy
from jdgen.lint.experience import find_years_claims

from test_experience import _FRAGMENTS, NEGATIVE, POSITIVE, ROUTES

TEXTS = ([case[0] for case in POSITIVE] + list(NEGATIVE) + [case[0] for case in ROUTES]
         + ["5 years of experience, or you're straight out of university",
            "An Associate's degree plus 2 years of relevant experience may be considered"])


@pytest.mark.parametrize("text", TEXTS)
def test_asks_for_years_is_whether_any_claim_is_found(text):
    assert asks_for_years(text) == bool(find_years_claims(text))


@settings(max_examples=300)
@given(st.lists(_FRAGMENTS, max_size=25).map(" ".join))
def test_asks_for_years_agrees_on_year_like_text(text):
    assert asks_for_years(text) == bool(find_years_claims(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=25).map(" ".join))
def test_anchored_later_finds_what_anchored_finds_before_and_after_it_is_built(text):
    compiled = re.compile(_CLAIM.pattern, _CLAIM.flags)
    later = AnchoredLater(compiled, after=1)
    expected = [m.span() for m in Anchored(compiled).finditer(text)]
    assert [m.span() for m in later.finditer(text)] == expected  # the plain pattern
    assert [m.span() for m in later.finditer(text)] == expected  # built now
    assert later._anchored is not None


def test_a_long_text_has_the_anchored_search_built_at_once():
    later = AnchoredLater(re.compile(r"\bfive\b", re.I), short=100)
    assert later.search("x" * 101 + " five") is not None
    assert later._anchored is not None


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_pattern():
    pattern = lazy(r"(?P<n>[0-9]+) years", re.I)
    assert "search" not in vars(pattern)
    assert pattern.search("5 Years")["n"] == "5"
    assert vars(pattern)["search"] == re.compile(r"(?P<n>[0-9]+) years", re.I).search
    assert pattern.flags == re.compile(r"x", re.I).flags and pattern.groupindex == {"n": 1}
