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

from jdgen.compose.anchors import Anchored, leading_words

DATA = Path(__file__).resolve().parents[2] / "src" / "jdgen" / "data"


def _rows():
    for path in sorted(DATA.glob("*.yaml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        for row in (table.get("phrases") or []) if isinstance(table, dict) else []:
            if row.get("pattern"):
                samples = [*row.get("examples", []), *row.get("counterexamples", []), *row.get("excused", [])]
                yield pytest.param(row["pattern"], samples, id=f"{path.stem}:{row.get('id')}")


ROWS = list(_rows())
FILLER = ["", " ", "the ", "a ", ", ", ". ", "\n", "his ", "her ", "no ", "not ", "he ", "we ", "up ", "h", "n"]


@pytest.mark.parametrize("pattern, samples", ROWS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_anchored_matches_are_the_patterns_own(pattern, samples, data):
    compiled = re.compile(pattern, re.IGNORECASE)
    pieces = data.draw(st.lists(st.sampled_from(samples + FILLER) if samples else st.sampled_from(FILLER),
                                min_size=1, max_size=8))
    text = "".join(pieces)
    expected = [(m.start(), m.end()) for m in compiled.finditer(text)]
    assert [(m.start(), m.end()) for m in Anchored(compiled).finditer(text)] == expected


def test_a_one_letter_prefix_that_re_factors_out_is_joined_to_its_branch():
    # re's parser turns "his|her" into "h(?:is|er)"; an anchor of 'h' would be tried at every h.
    assert leading_words(re.compile(r"\b(?:his|her)\b", re.IGNORECASE)) == {"her": True, "his": True}
    assert leading_words(re.compile(r"(?:not|never)\s+earned", re.IGNORECASE)) == {"never": False, "not": False}
