"""AliasClaims: which profiles a whole-catalog lint hands to the alias rule (JD104)."""

from __future__ import annotations

from pathlib import Path

from jdgen.lint import alias_claims
from jdgen.lint.alias_claims import _BUCKETS, AliasClaims


def _claims(*profiles: tuple[str, list[str]]) -> AliasClaims:
    """Profiles as (code, normalised alias titles), in file order."""
    claims = AliasClaims()
    for number, (code, titles) in enumerate(profiles):
        strings = [*titles]
        rows = [(i, 3 + i, 5, 3 + i, 3, i) for i in range(len(titles))]
        claims.add(Path(f"roles/{code}.yaml"), f"roles/{code}.yaml", code, rows, strings)
    return claims


def test_profiles_sharing_an_alias_are_handed_over_in_file_order_with_their_places():
    claims = _claims(("A.GEN.P1", ["ml engineer", "ai engineer"]), ("B.GEN.P1", ["data analyst"]),
                     ("C.GEN.P1", ["data scientist", "ml engineer"]))
    views = claims.shared()
    assert [view.code for view in views] == ["A.GEN.P1", "C.GEN.P1"]
    assert [a.title for a in views[1].model.title_aliases] == ["data scientist", "ml engineer"]
    assert views[1].doc.where(("title_aliases", 1, "title")).line == 4
    claims.close()


def test_a_profile_repeating_its_own_alias_claims_it_from_nobody():
    claims = _claims(("A.GEN.P1", ["ml engineer", "ml engineer"]), ("B.GEN.P1", ["data analyst"]))
    assert claims.shared() == []
    claims.close()


def test_two_aliases_that_only_share_a_bucket_are_not_a_shared_claim():
    claims = _claims(("A.GEN.P1", ["ml engineer"]), ("B.GEN.P1", ["data analyst"]))
    # Give the two different titles hashes that differ only above the bucket bits.
    claims._pairs[0] = 12345  # pairs: hash, owner, hash, owner …
    claims._pairs[2] = 12345 + _BUCKETS
    assert claims.shared() == []
    claims._pairs[2] = 12345
    assert [view.code for view in claims.shared()] == ["A.GEN.P1", "B.GEN.P1"]
    claims.close()


def test_negative_hashes_fall_in_buckets_too():
    claims = _claims(("A.GEN.P1", ["x"]), ("B.GEN.P1", ["y"]))
    claims._pairs[0] = claims._pairs[2] = -7
    assert [view.code for view in claims.shared()] == ["A.GEN.P1", "B.GEN.P1"]
    claims.close()


def test_pairs_written_out_a_block_at_a_time_find_the_same_profiles(monkeypatch):
    profiles = [(f"P{n:03d}.GEN.P1", [f"title {n}", f"other {n % 7}"]) for n in range(40)]
    held = _claims(*profiles)
    expected = [(view.code, [a.title for a in view.model.title_aliases]) for view in held.shared()]
    held.close()
    monkeypatch.setattr(alias_claims, "_PAIRS_HELD", 6)  # three pairs: most go to the file
    written = _claims(*profiles)
    assert written._pairs_file is not None
    assert [(view.code, [a.title for a in view.model.title_aliases]) for view in written.shared()] == expected
    assert len(expected) == 40  # 'other 0' … 'other 6' are each claimed by several profiles
    written.close()
    assert written._pairs_file is None and written._spill is None
