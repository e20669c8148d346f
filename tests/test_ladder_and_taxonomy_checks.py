"""Checks of the ladder and taxonomy that their schemas cannot state.

A code written twice (a function, a focus within its function, a level) is reported at
the second entry with the line of the first; a level's track and rank must be the letter
and digit of its code.
"""

from __future__ import annotations

import pytest

from conftest import edit, line_of
from jdgen.catalog.root import Catalog
from jdgen.resources import builtin_catalog

DUPLICATE_HINT = "remove one of them, or give this one its own code"


# --- taxonomy ------------------------------------------------------------------------

def test_a_function_code_twice(run, catalog):
    taxonomy = catalog / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "  - code: AIMLAM\n    name: Again\n", encoding="utf-8")
    result = run("validate", cwd=catalog)
    assert result.code == 1, result
    first, second = line_of(taxonomy, "  - code: AIMLAM"), line_of(taxonomy, "name: Again") - 1
    assert result.out == f"taxonomy.yaml:{second}:11: function 'AIMLAM' is defined twice, first at line {first} ({DUPLICATE_HINT})\n"


def test_a_focus_code_twice_within_a_function(run, catalog):
    taxonomy = catalog / "taxonomy.yaml"
    edit(taxonomy, "      - code: APP\n", "      - code: NLP\n")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    assert result.code == 1, result
    first, second = (i for i, line in enumerate(taxonomy.read_text(encoding="utf-8").splitlines(), 1)
                     if line == "      - code: NLP")
    assert result.out == (f"taxonomy.yaml:{second}:15: focus 'NLP' is defined twice under AIMLAM, "
                          f"first at line {first} ({DUPLICATE_HINT})\n")


def test_a_broken_taxonomy_is_reported_once_not_per_profile(run, catalog):
    edit(catalog / "taxonomy.yaml", "      - code: APP\n", "      - code: NLP\n")
    result = run("render", "AIMLAM.GEN.P4", cwd=catalog)
    assert result.code == 1, result
    assert len(result.err.strip().splitlines()) == 1 and "focus 'NLP' is defined twice" in result.err


def test_one_focus_code_under_two_functions_is_fine(run, catalog):
    taxonomy = catalog / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") +
                        "  - code: DATENG\n    name: Data Engineering\n    focuses:\n      - code: GEN\n        name: General\n",
                        encoding="utf-8")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    assert result.code == 0, result


# --- ladder --------------------------------------------------------------------------

def test_the_shipped_ladder_passes():
    ladder = Catalog(builtin_catalog()).ladder
    assert all(level.rank == int(level.code[1]) and level.track == level.code[0] for level in ladder.levels)


def test_a_rank_that_is_not_the_code_digit(run, catalog):
    ladder = catalog / "ladder.yaml"
    edit(ladder, "  - code: P4\n    track: P\n    rank: 4\n", "  - code: P4\n    track: P\n    rank: 3\n")
    result = run("validate", "ladder.yaml", cwd=catalog)
    assert result.code == 1, result
    n = line_of(ladder, "  - code: P4") + 2
    assert result.out == (f"ladder.yaml:{n}:11: level P4 has rank 3, but its code says rank 4 "
                          "(set rank: 4; a level's rank is the digit of its code)\n")


def test_two_levels_of_a_track_with_one_rank_are_caught(run, catalog):
    """No check of its own: with rank and track tied to the code, a repeated rank is a wrong rank."""
    ladder = catalog / "ladder.yaml"
    edit(ladder, "  - code: P5\n    track: P\n    rank: 5\n", "  - code: P5\n    track: P\n    rank: 4\n")
    result = run("validate", "ladder.yaml", cwd=catalog)
    assert result.code == 1, result
    n = line_of(ladder, "  - code: P5") + 2
    assert result.out == (f"ladder.yaml:{n}:11: level P5 has rank 4, but its code says rank 5 "
                          "(set rank: 5; a level's rank is the digit of its code)\n")


@pytest.mark.parametrize("track", ["M", "X"])
def test_a_track_that_is_not_the_code_letter(run, catalog, track):
    ladder = catalog / "ladder.yaml"
    edit(ladder, "  - code: P2\n    track: P\n", f"  - code: P2\n    track: {track}\n")
    result = run("validate", "ladder.yaml", cwd=catalog)
    assert result.code == 1, result
    n = line_of(ladder, "  - code: P2") + 1
    # An undefined track is not reported as well: the code's letter is the fix either way.
    assert result.out == (f"ladder.yaml:{n}:12: level P2 is on track '{track}', but its code starts with P "
                          f"(set track: P, or give the level a code that starts with {track})\n")


def test_a_level_code_twice_names_the_first_line(run, catalog):
    ladder = catalog / "ladder.yaml"
    first = line_of(ladder, "  - code: P1")
    edit(ladder, "  - code: P2\n    track: P\n    rank: 2\n", "  - code: P1\n    track: P\n    rank: 1\n")
    result = run("validate", "ladder.yaml", cwd=catalog)
    assert result.code == 1, result
    second = [i for i, line in enumerate(ladder.read_text(encoding="utf-8").splitlines(), 1) if line == "  - code: P1"][1]
    assert result.out == f"ladder.yaml:{second}:11: level 'P1' is defined twice, first at line {first} (remove one of them)\n"
