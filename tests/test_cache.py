"""The parse cache: hits for unchanged files, misses for any change, never stores invalid files.

What a planted or tampered entry can and cannot do is tested in tests/security/test_cache_planted.py.
"""

from __future__ import annotations

import json

import pytest

from conftest import write
from jdgen.catalog import parse_cache as cache
from jdgen.catalog.cache_sweep import STAMP
from jdgen.catalog.root import Catalog


def stored(cache_dir):
    return sorted(p.name for p in cache_dir.rglob("*.json"))


def test_unchanged_files_come_from_the_cache(catalog, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache_dir))
    first = Catalog(catalog).profile("AIMLAM.GEN.P4")
    entries = stored(cache_dir)
    assert len(entries) == 3  # ladder, taxonomy, profile
    monkeypatch.setattr("jdgen.catalog.loading.parse_yaml", None)  # a hit must not parse
    second = Catalog(catalog).profile("AIMLAM.GEN.P4")
    assert stored(cache_dir) == entries
    assert second.model == first.model and second.doc.data == first.doc.data
    assert second.doc.text == first.doc.text
    assert second.doc.value_positions == first.doc.value_positions
    assert second.doc.key_positions == first.doc.key_positions
    assert second.doc.hash_spans == first.doc.hash_spans


def test_entries_are_plain_json_with_no_text(catalog, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache_dir))
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    for path in cache_dir.rglob("*"):
        if path.is_file() and path.name != STAMP:  # the sweep's day stamp (catalog/cache_sweep.py)
            assert path.suffix == ".json" and path.parent.parent == cache_dir / "parsed", path
            entry = json.loads(path.read_bytes())
            assert entry["format"] == cache.FORMAT and "text" not in entry  # the text comes from the file itself


def test_any_change_is_a_miss_and_invalid_files_are_not_stored(catalog, tmp_path, monkeypatch, p4_text):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache_dir))
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    before = set(stored(cache_dir))
    write(catalog / "roles" / "AIMLAM.GEN.P4.yaml", p4_text.replace("title: Senior AI/ML", "title: Lead AI/ML"))
    assert Catalog(catalog).profile("AIMLAM.GEN.P4").model.title.startswith("Lead AI/ML")
    after_edit = set(stored(cache_dir))
    assert len(after_edit - before) == 1
    ladder = catalog / "ladder.yaml"
    ladder.write_text(ladder.read_text(encoding="utf-8") + "\n# a comment changes the ladder's bytes\n", encoding="utf-8")
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    assert len(set(stored(cache_dir)) - after_edit) == 2  # the ladder and, because it depends on it, the profile
    write(catalog / "roles" / "AIMLAM.GEN.P4.yaml", p4_text.replace("status: draft", "status: drafty"))
    count = len(stored(cache_dir))
    try:
        Catalog(catalog).profile("AIMLAM.GEN.P4")
    except Exception as exc:  # noqa: BLE001 - the point is what was stored
        assert "drafty" in str(exc)
    assert len(stored(cache_dir)) == count


def test_a_file_with_a_bom_comes_back_the_same(catalog, tmp_path, monkeypatch, p4_text):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache_dir))
    write(catalog / "roles" / "AIMLAM.GEN.P4.yaml", "\ufeff".encode() + p4_text.encode())
    first = Catalog(catalog).profile("AIMLAM.GEN.P4")
    monkeypatch.setattr("jdgen.catalog.loading.parse_yaml", None)  # a hit must not parse
    second = Catalog(catalog).profile("AIMLAM.GEN.P4")
    assert second.doc.text == first.doc.text and not second.doc.text.startswith("\ufeff")


def test_empty_cache_dir_turns_caching_off(catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("JDGEN_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    assert not (tmp_path / "xdg").exists()


ROUND_TRIPS = {
    "plain": "code: X\nlist:\n  - a\n  - {b: 1, c: [true, null, 2.5]}\nempty: {}\nnone: []\n",
    "text holding #": "a: 'one # two'\nb: |\n  three # four\nc: [\"#\", x]\n",
    "aliased mapping": "base: &b {x: 1, y: [a, b]}\ncopy: *b\nafter: {z: 2}\n",
    "aliased list and text": "one: &l [p, q]\ntwo: [*l, *l]\nw: &w word\nv: *w\n",
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
def test_a_stored_parse_comes_back_with_every_position_in_order(name, tmp_path, monkeypatch):
    """What a hit gives is what the parse gave: the data, and the line and column of every value and key.
    (An alias that repeats a list or mapping leaves its copy without positions of its own, so such
    a parse is stored with its paths written out; any other is stored without them.)"""
    from jdgen.catalog.yaml_source import parse_yaml

    monkeypatch.setenv("JDGEN_CACHE_DIR", str(tmp_path / "cache"))
    text = ROUND_TRIPS[name]
    parsed = parse_yaml(text, "file.yaml")
    digest = cache.key("test", name)
    cache.store_parse(digest, parsed)
    assert len(stored(tmp_path / "cache")) == 1
    hit = cache.load_parse(digest, "file.yaml", text)
    assert hit is not None and hit.data == parsed.data and hit.text == text
    assert list(hit.value_positions.items()) == list(parsed.value_positions.items())
    assert list(hit.key_positions.items()) == list(parsed.key_positions.items())
    assert hit.hash_spans == parsed.hash_spans
    assert hit.where(("copy", "y", 1)) == parsed.where(("copy", "y", 1))  # a copy's values: where its alias is
