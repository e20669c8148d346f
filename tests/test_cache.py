"""The validated-file cache: hits for unchanged files, misses for any change, never stores invalid files."""

from __future__ import annotations

from conftest import write
from jdgen.catalog import Catalog


def pickles(cache_dir):
    return sorted(p.name for p in cache_dir.rglob("*.pickle"))


def test_unchanged_files_come_from_the_cache(catalog, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache_dir))
    first = Catalog(catalog).profile("AIMLAM.GEN.P4")
    stored = pickles(cache_dir)
    assert len(stored) == 3  # ladder, taxonomy, profile
    second = Catalog(catalog).profile("AIMLAM.GEN.P4")
    assert pickles(cache_dir) == stored
    assert second.model == first.model and second.doc.value_positions == first.doc.value_positions


def test_any_change_is_a_miss_and_invalid_files_are_not_stored(catalog, tmp_path, monkeypatch, p4_text):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache_dir))
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    before = set(pickles(cache_dir))
    write(catalog / "roles" / "AIMLAM.GEN.P4.yaml", p4_text.replace("title: Senior AI/ML", "title: Lead AI/ML"))
    assert Catalog(catalog).profile("AIMLAM.GEN.P4").model.title.startswith("Lead AI/ML")
    after_edit = set(pickles(cache_dir))
    assert len(after_edit - before) == 1
    ladder = catalog / "ladder.yaml"
    ladder.write_text(ladder.read_text(encoding="utf-8") + "\n# a comment changes the ladder's bytes\n", encoding="utf-8")
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    assert len(set(pickles(cache_dir)) - after_edit) == 2  # the ladder and, because it depends on it, the profile
    write(catalog / "roles" / "AIMLAM.GEN.P4.yaml", p4_text.replace("status: draft", "status: drafty"))
    count = len(pickles(cache_dir))
    try:
        Catalog(catalog).profile("AIMLAM.GEN.P4")
    except Exception as exc:  # noqa: BLE001 - the point is what was stored
        assert "drafty" in str(exc)
    assert len(pickles(cache_dir)) == count


def test_empty_cache_dir_turns_caching_off(catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("JDGEN_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    assert not (tmp_path / "xdg").exists()
