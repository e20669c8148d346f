"""What the word-list matcher reads off each shipped pattern comes with the package
(compose/anchor_facts.json), so a lint does not parse the patterns again on every start. The
table must be what reading the patterns now gives; it is used only under the code that wrote
it, and a pattern it lacks is read as before, with the same matches."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from jdgen.compose import anchors
from jdgen.compose.anchors import Anchored, AnchoredList, facts, pattern_key
from jdgen.compose.lazy_regex import lazy
from jdgen.lint.data import phrases
from jdgen.lint.wordlists import SCANNED_TOGETHER


def test_the_shipped_table_is_what_reading_the_patterns_now_gives():
    # A fresh process: this one has made matchers for the other tests' patterns too.
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    written = subprocess.run(
        [sys.executable, "-c", "import sys; from jdgen.lint.analyse_shipped import generated; sys.stdout.write(generated())"],
        env=env, capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert written == anchors.FACTS_FILE.read_text(encoding="utf-8"), "stale: run python -m jdgen.lint.analyse_shipped"


def test_every_word_list_row_is_in_the_table_and_is_not_parsed_again(monkeypatch):
    table = anchors._shipped()
    rows = [phrase.pattern for file in SCANNED_TOGETHER for phrase in phrases(file)]
    assert rows and all(pattern_key(row) in table for row in rows)

    def parse(pattern):
        raise AssertionError(f"parsed again: {pattern.pattern[:60]}")

    monkeypatch.setattr(anchors, "_parsed", parse)
    for row in rows:
        matcher = Anchored(row)
        assert (matcher.words, matcher.required, matcher.required_after, matcher._split) == table[pattern_key(row)]


def test_a_row_has_the_same_key_before_and_after_it_compiles():
    row = lazy(r"\bwizards?\b", re.IGNORECASE)
    before = pattern_key(row)
    assert row.search("a wizard") and row.flags == re.IGNORECASE | re.UNICODE  # compiled now
    assert pattern_key(row) == before == pattern_key(re.compile(r"\bwizards?\b", re.IGNORECASE))
    assert pattern_key(re.compile(r"\bwizards?\b", re.IGNORECASE | re.ASCII)) != before


def test_a_pattern_the_table_lacks_is_read_when_it_is_made():
    own = re.compile(r"\b(?:ninja|wizard)\s+coders?\b", re.IGNORECASE)
    assert pattern_key(own) not in anchors._shipped()
    matcher = Anchored(own)
    assert matcher.words == {"ninja": True, "wizard": True}
    assert matcher.required_after == {"ninja": ("coder",), "wizard": ("coder",)}
    assert [m.group(0) for m in matcher.finditer("A wizard coder, a ninja coders' guild.")] == ["wizard coder", "ninja coders"]


@pytest.fixture
def reread(monkeypatch):
    """The table read again from ``anchors.FACTS_FILE`` once the test has changed what it reads."""
    anchors._shipped.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    anchors._shipped.cache_clear()


def test_the_table_is_ignored_under_other_code(reread):
    reread.setattr(anchors, "code_digest", lambda: "0" * 64)
    assert anchors._shipped() == {}


@pytest.mark.parametrize("content", [None, "", "{not json", '{"code_digest": 1}', "[]", "CODE"])
def test_a_missing_or_broken_table_means_reading_every_pattern(reread, tmp_path, content):
    path = tmp_path / "anchor_facts.json"
    if content == "CODE":  # this code's digest, but no facts
        content = json.dumps({"code_digest": anchors.code_digest(), "facts": [1]})
    if content is not None:
        path.write_text(content, encoding="utf-8")
    reread.setattr(anchors, "FACTS_FILE", path)
    assert anchors._shipped() == {}


def test_facts_from_the_table_find_what_the_pattern_finds(reread, tmp_path):
    rows = [phrase.pattern for phrase in phrases("exclusionary.yaml") if phrase.id in ("rockstar", "culture-fit")]
    text = "We want a rock star who lives and breathes code, a true culture fit. Rockstars apply."
    expected = sorted((match.start(), index, match.group(0)) for index, row in enumerate(rows) for match in row.finditer(text))
    assert [found[2] for found in expected] == ["rock star", "culture fit", "Rockstars"]
    # Written from the facts read now, then read back as a start would.
    path = tmp_path / "anchor_facts.json"
    path.write_text(json.dumps({"code_digest": anchors.code_digest(),
                                "facts": {pattern_key(row): list(facts(row)) for row in rows}}), encoding="utf-8")
    reread.setattr(anchors, "FACTS_FILE", path)
    assert sorted(anchors._shipped()) == sorted(map(pattern_key, rows))
    found = [(start, index, match.group(0)) for start, index, match in AnchoredList(rows).finditer_each(text)]
    assert found == expected


def test_the_level_codes_pattern_is_the_same_in_every_process():
    # A set's order changes with the hash seed; the pattern is sorted so that its key does not.
    script = ("from datetime import date; from jdgen.catalog.root import Catalog; from jdgen.lint.engine import lint; "
              "from jdgen.resources import builtin_catalog; from jdgen.compose import anchors; "
              "lint(Catalog(builtin_catalog()), as_of=date(2026, 1, 1)); "
              "print(sorted(p.pattern for p in anchors.MADE.values() if 'rung' in p.pattern))")
    seen = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout for seed in (1, 2, 3)}
    assert len(seen) == 1 and "P1" in seen.pop()
