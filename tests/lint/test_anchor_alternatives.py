"""A shipped pattern is tried an alternative at a time (compose/anchors.py, ``alternatives``): at
a place, only the alternatives whose leading words start there, each compiled when first tried.
The matches must be the whole pattern's, and a place must not compile alternatives that cannot
match there."""

from __future__ import annotations

import re

from pathlib import Path

import pytest
import yaml

from jdgen.compose import anchors
from jdgen.compose.anchors import Alternatives, Anchored, alternatives, fold, pattern_key
from jdgen.compose.lazy_regex import lazy

DATA = Path(__file__).resolve().parents[2] / "src" / "jdgen" / "data"


def _split(source: str) -> list[str]:
    found = alternatives(re.compile(source, re.IGNORECASE))
    begin, parts = 0, []
    for end, _ in found or ():
        parts.append(source[begin:end])
        begin = end + 1
    return parts


@pytest.mark.parametrize("source, parts", [
    (r"\bcat|\bdog", [r"\bcat", r"\bdog"]),
    (r"\b(?:cat|cow)s?\b|\bdog", [r"\b(?:cat|cow)s?\b", r"\bdog"]),  # a | inside a group is not the pattern's
    (r"\bcat[|x]|\bdog", [r"\bcat[|x]", r"\bdog"]),                   # nor one inside a set
    (r"\bcat[]|]|\bdog", [r"\bcat[]|]", r"\bdog"]),                   # a "]" first in a set does not close it
    (r"\bcat[^]|]|\bdog", [r"\bcat[^]|]", r"\bdog"]),
    (r"\bcat\||\bdog", [r"\bcat\|", r"\bdog"]),                       # nor an escaped one
    (r"\bcat\[|\bdog\(", [r"\bcat\[", r"\bdog\("]),
])
def test_the_source_is_split_at_its_own_alternatives_only(source, parts):
    assert _split(source) == parts


@pytest.mark.parametrize("source", [
    r"\bcat",                    # one alternative
    r"\b(cat)|\bdog",            # a group: its number would change in the alternative alone
    r"(?x) \bcat | \bdog",       # verbose: a | may sit in a comment
    r"\bcat(?#a|b)|\bdog",       # a comment
    r"\bcat|\s+dog",             # an alternative whose start cannot be read
])
def test_a_pattern_that_could_match_differently_alone_is_not_split(source):
    assert alternatives(re.compile(source, re.IGNORECASE)) is None


def test_each_alternative_keeps_its_own_leading_words():
    found = alternatives(re.compile(r"\b(?:big|large)\s+cats?\b|^\s*dogs?\b|(?<=\bthe\s)owls?\b", re.IGNORECASE | re.M))
    assert [words for _, words in found] == [("big", "large"), (anchors.LINE_START,), ("owl",)]


def test_the_first_alternative_that_matches_at_a_place_wins_as_in_the_whole_pattern():
    pattern = re.compile(r"\bat\s+least\s+\d+\s+cm|\bat\s+least\s+\d+|^at\b", re.IGNORECASE | re.M)
    split = alternatives(pattern)
    tried = Alternatives(pattern, split)
    text = "At least 160 cm tall\nat least 18\nat home"
    folded = fold(text)
    for start in range(len(text)):
        mine, whole = tried.match(text, folded, start), pattern.match(text, start)
        assert (mine and mine.span()) == (whole and whole.span()), start


def _shipped_split_rows():
    table = anchors._shipped()
    for path in sorted(DATA.glob("*.yaml")):
        listed = yaml.safe_load(path.read_text(encoding="utf-8"))
        for row in (listed.get("phrases") or []) if isinstance(listed, dict) else []:
            facts = table.get(pattern_key(lazy(row["pattern"], re.IGNORECASE))) if row.get("pattern") else None
            if facts and facts[3]:
                samples = [*row.get("examples", []), *row.get("counterexamples", []), *row.get("excused", [])]
                yield pytest.param(row["pattern"], samples, id=f"{path.stem}:{row.get('id')}")


SPLIT_ROWS = list(_shipped_split_rows())


def test_most_long_rows_are_shipped_split():
    # The point of the split: the rows that cost most to compile whole are among them.
    assert len(SPLIT_ROWS) >= 100
    assert max(len(row.values[0]) for row in SPLIT_ROWS) > 5_000


@pytest.mark.parametrize("source, samples", SPLIT_ROWS)
def test_a_shipped_row_tried_an_alternative_at_a_time_finds_what_it_finds_whole(source, samples):
    text = "\n".join(samples) + "\n" + " ".join(samples)
    whole = re.compile(source, re.IGNORECASE)
    matcher = Anchored(lazy(source, re.IGNORECASE))
    assert matcher._split  # the shipped table's
    assert [m.span() for m in matcher.finditer(text)] == [m.span() for m in whole.finditer(text)]
    assert (matcher.search(text) or whole.search(text)) is None or matcher.search(text).span() == whole.search(text).span()


def test_a_place_compiles_only_the_alternatives_that_can_start_there():
    source, samples = max((row.values for row in SPLIT_ROWS), key=lambda values: len(values[0]))
    matcher = Anchored(lazy(source, re.IGNORECASE))
    assert list(matcher.finditer(samples[0]))
    compiled = [pattern for pattern in matcher._alternatives.patterns if "match" in vars(pattern)]
    assert 1 <= len(compiled) < len(matcher._alternatives.patterns) / 2
