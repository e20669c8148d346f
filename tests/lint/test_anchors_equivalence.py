"""The anchored search (compose/anchors.py) finds exactly what the plain pattern finds: it only
decides where to try the pattern, so every word-list row, on its own examples run together with
filler, must give the same matches both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.compose.anchors import LINE_START, Anchored, AnchoredList, leading_words

DATA = Path(__file__).resolve().parents[2] / "src" / "jdgen" / "data"


def _rows():
    for path in sorted(DATA.glob("*.yaml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        for row in (table.get("phrases") or []) if isinstance(table, dict) else []:
            if row.get("pattern"):
                samples = [*row.get("examples", []), *row.get("counterexamples", []), *row.get("excused", [])]
                yield pytest.param(row["pattern"], samples, id=f"{path.stem}:{row.get('id')}")


ROWS = list(_rows())
# Line starts, bullets and digits (ASCII and another script's: \d matches both) are where a
# pattern's start is read from ^ or \d rather than from a word.
FILLER = ["", " ", "the ", "a ", ", ", ". ", "\n", "his ", "her ", "no ", "not ", "he ", "we ", "up ", "h", "n",
          "\n- ", "• ", "12 ", "7", "\u0663\u0665 ", "x"]
FLAGS = [re.IGNORECASE, re.IGNORECASE | re.MULTILINE]


@pytest.mark.parametrize("pattern, samples", ROWS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_anchored_matches_are_the_patterns_own(pattern, samples, data):
    compiled = re.compile(pattern, data.draw(st.sampled_from(FLAGS)))
    pieces = data.draw(st.lists(st.sampled_from(samples + FILLER) if samples else st.sampled_from(FILLER),
                                min_size=1, max_size=8))
    text = "".join(pieces)
    expected = [(m.start(), m.end()) for m in compiled.finditer(text)]
    assert [(m.start(), m.end()) for m in Anchored(compiled).finditer(text)] == expected


def test_a_one_letter_prefix_that_re_factors_out_is_joined_to_its_branch():
    # re's parser turns "his|her" into "h(?:is|er)"; an anchor of 'h' would be tried at every h.
    assert leading_words(re.compile(r"\b(?:his|her)\b", re.IGNORECASE)) == {"her": True, "his": True}
    assert leading_words(re.compile(r"(?:not|never)\s+earned", re.IGNORECASE)) == {"never": False, "not": False}


def _lists():
    for path in sorted(DATA.glob("*.yaml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows = [row for row in (table.get("phrases") or []) if row.get("pattern")] if isinstance(table, dict) else []
        if rows:
            yield pytest.param([row["pattern"] for row in rows],
                               [s for row in rows for s in (*row.get("examples", []), *row.get("counterexamples", []))],
                               id=path.stem)


@pytest.mark.parametrize("patterns, samples", list(_lists()))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_whole_list_finds_what_each_pattern_finds(patterns, samples, data):
    compiled = [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
    text = "".join(data.draw(st.lists(st.sampled_from(samples + FILLER), min_size=1, max_size=10)))
    expected = sorted((m.start(), index, m.end()) for index, p in enumerate(compiled) for m in p.finditer(text))
    found = AnchoredList(compiled).finditer_each(text)
    assert [(start, index, m.end()) for start, index, m in found] == expected
    searched = [(index, m.span()) for index, m in AnchoredList(compiled).search_each(text)]
    assert searched == [(index, p.search(text).span()) for index, p in enumerate(compiled) if p.search(text)]


def test_a_pattern_that_begins_at_a_line_start_is_tried_only_there():
    pattern = re.compile(r"^[\s*•-]*be\s+a\s+citizen|\bmust\s+be\s+a\s+citizen", re.IGNORECASE | re.MULTILINE)
    assert leading_words(pattern) == {LINE_START: False, "must": True}
    text = "About us\n- Be a citizen\nYou must be a citizen"
    assert [m.group(0) for m in Anchored(pattern).finditer(text)] == ["- Be a citizen", "must be a citizen"]
    once = re.compile(r"^\s*be\s+a\s+citizen", re.IGNORECASE)  # without MULTILINE, ^ is the text's start only
    assert [m.start() for m in Anchored(once).finditer(text)] == []
    assert Anchored(once).search(" be a citizen").span() == (0, 13)


def test_a_pattern_that_starts_with_a_digit_also_finds_another_scripts_digits():
    pattern = re.compile(r"\b\d{2}\s*years\s+of\s+age", re.IGNORECASE)
    assert set(leading_words(pattern)) == set("0123456789")
    arabic_indic = "aged \u0663\u0665 years of age"
    assert [m.group(0) for m in Anchored(pattern).finditer(arabic_indic)] == ["\u0663\u0665 years of age"]
    assert [m.group(0) for m in Anchored(pattern).finditer("aged 35 years of age")] == ["35 years of age"]
    listed = AnchoredList([re.compile(r"\bfoo\b", re.IGNORECASE), pattern])
    assert [index for _, index, _ in listed.finditer_each(arabic_indic)] == [1]
