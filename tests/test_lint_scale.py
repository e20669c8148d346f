"""Whole-catalog lint of generated catalogs: the alias rule (JD104) across many profiles.

The run collects each profile's aliases compactly and hands JD104 only the profiles that
share one with another profile (lint/alias_claims.py). These tests hold it to what the
single pass over the loaded catalog reports, in the worst case (every profile claims the
same aliases, benchmarks/_common.generate_catalog's ``shared_titles``) and in the usual one
(distinct titles, one alias shared by two profiles under two spellings).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from _common import generate_catalog  # noqa: E402

AS_OF = ("--as-of", "2026-11-23")
NO_CACHE = {"JDGEN_CACHE_DIR": ""}


def _single_pass(root: Path, monkeypatch) -> str:
    from jdgen.catalog.root import Catalog
    from jdgen.lint import engine
    from jdgen.lint.report import text

    monkeypatch.setattr(engine, "_lint_catalog", lambda *args: None)
    return text(engine.lint(Catalog(root), as_of=date(2026, 11, 23)))


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    return generate_catalog(tmp_path_factory.mktemp("shared") / "catalog", 18, shared_titles=True)


def test_every_profile_claiming_the_same_aliases_is_reported_in_full_and_briefly(run, shared, monkeypatch):
    one = run("lint", "--jobs", "1", *AS_OF, cwd=shared, env=NO_CACHE)
    two = run("lint", "--jobs", "2", *AS_OF, cwd=shared, env=NO_CACHE)
    assert (two.code, two.out) == (one.code, one.out)
    claims = [line for line in one.out.splitlines() if " JD104 " in line]
    assert len(claims) == 18 * 15  # each of P4's 15 aliases, in every copy
    # Each message names three other profiles and counts the rest, however many there are.
    assert all(line.count(".GEN.P") == 4 and "and 14 more" in line for line in claims)
    assert one.out == _single_pass(shared, monkeypatch)


def test_only_the_profiles_that_share_an_alias_are_reported(run, tmp_path, monkeypatch):
    root = generate_catalog(tmp_path / "catalog", 12)
    first, second = root / "roles" / "FN0000.GEN.P4.yaml", root / "roles" / "FN0001.GEN.P4.yaml"
    first.write_text(first.read_text().replace("  - title: Machine Learning Fn0000 IV\n",
                                               "  - title: Senior Fraud Analytics\n", 1))
    second.write_text(second.read_text().replace("  - title: Machine Learning Fn0001 IV\n",
                                                 "  - title: Sr. fraud analytics\n", 1))
    cache = {"JDGEN_CACHE_DIR": str(tmp_path / "cache")}
    cold = run("lint", "--jobs", "1", *AS_OF, cwd=root, env=cache)
    claims = [line for line in cold.out.splitlines() if " JD104 " in line]
    assert claims == [
        "roles/FN0000.GEN.P4.yaml:207:12: JD104 warning alias 'Senior Fraud Analytics' is also claimed by "
        "FN0001.GEN.P4 (keep it on one profile, or make the titles more specific)",
        "roles/FN0001.GEN.P4.yaml:207:12: JD104 warning alias 'Sr. fraud analytics' is also claimed by "
        "FN0000.GEN.P4 (keep it on one profile, or make the titles more specific)"]
    warm = run("lint", "--jobs", "2", *AS_OF, cwd=root, env=cache)  # every record from the cache
    assert (warm.code, warm.out, warm.err) == (cold.code, cold.out, cold.err)
    assert cold.out == _single_pass(root, monkeypatch)
