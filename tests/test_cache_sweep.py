"""The parse cache's sweep: entries nobody read for a week go, read ones stay, planted things are left alone."""

from __future__ import annotations

import os
import time

import pytest

from jdgen.catalog import cache_sweep
from jdgen.catalog import parse_cache as cache
from jdgen.catalog.cache_sweep import ABANDONED_SECONDS, KEEP_SECONDS, REFRESH_SECONDS, STAMP, sweep_once
from jdgen.catalog.root import Catalog

DAY = 24 * 3600


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    # Each test is a new process as far as the once-per-process guard goes.
    monkeypatch.setattr(cache_sweep, "_swept", set())


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


def _entries(root):
    return sorted(p.name for p in (root / "parsed").rglob("*.json"))


def _unused_shard(root):
    # Entry keys depend on the catalog's path, which differs per run: a fixed name could
    # already be a real shard.
    parsed = root / "parsed"
    return next(parsed / f"{n:02x}" for n in range(256) if not (parsed / f"{n:02x}").exists())


def _cache(tmp_path, monkeypatch, catalog):
    root = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(root))
    Catalog(catalog).profile("AIMLAM.GEN.P4")
    cache_sweep._swept.clear()  # what follows runs as a later process would
    return root


def test_a_store_sweeps_entries_unread_for_a_week_and_keeps_the_rest(catalog, tmp_path, monkeypatch):
    root = _cache(tmp_path, monkeypatch, catalog)
    kept = _entries(root)
    shard = root / "parsed" / "ab"
    shard.mkdir(exist_ok=True)
    (shard / "old.json").write_text("{}")
    (shard / "recent.json").write_text("{}")
    (shard / ".old.json.1.tmp").write_text("")
    _age(shard / "old.json", KEEP_SECONDS + DAY)
    _age(shard / "recent.json", KEEP_SECONDS - DAY)
    _age(shard / ".old.json.1.tmp", ABANDONED_SECONDS + 60)
    _age(root / "parsed" / STAMP, REFRESH_SECONDS + 60)  # yesterday's sweep
    assert sweep_once(root, "parsed") == 2
    assert _entries(root) == sorted([*kept, "recent.json"])
    assert not (shard / ".old.json.1.tmp").exists()


def test_one_sweep_a_day_per_folder(catalog, tmp_path, monkeypatch):
    root = _cache(tmp_path, monkeypatch, catalog)  # its first store swept (nothing to remove) and stamped
    assert (root / "parsed" / STAMP).is_file()
    old = root / "parsed" / "ab" / "old.json"
    old.parent.mkdir(exist_ok=True)
    old.write_text("{}")
    _age(old, KEEP_SECONDS + DAY)
    assert sweep_once(root, "parsed") == 0 and old.exists()  # another process, the same day
    cache_sweep._swept.clear()
    _age(root / "parsed" / STAMP, REFRESH_SECONDS + 60)  # a day later
    assert sweep_once(root, "parsed") == 1 and not old.exists()


def test_reading_an_entry_renews_it_so_a_catalog_in_use_keeps_its_entries(catalog, tmp_path, monkeypatch):
    root = _cache(tmp_path, monkeypatch, catalog)
    paths = sorted((root / "parsed").rglob("*.json"))
    for path in paths:
        _age(path, KEEP_SECONDS + DAY)
    Catalog(catalog).profile("AIMLAM.GEN.P4")  # every entry is a hit, and is read
    assert all(time.time() - path.stat().st_mtime < 60 for path in paths)
    _age(root / "parsed" / STAMP, REFRESH_SECONDS + 60)
    assert sweep_once(root, "parsed") == 0
    assert sorted((root / "parsed").rglob("*.json")) == paths


def test_an_entry_read_within_the_day_is_not_written_to(catalog, tmp_path, monkeypatch):
    root = _cache(tmp_path, monkeypatch, catalog)
    path = sorted((root / "parsed").rglob("*.json"))[0]
    _age(path, REFRESH_SECONDS - 600)
    before = path.stat().st_mtime
    cache.read_entry(path, renew=True)
    assert path.stat().st_mtime == before


def test_links_and_folders_planted_in_the_cache_are_left_alone(catalog, tmp_path, monkeypatch):
    root = _cache(tmp_path, monkeypatch, catalog)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.json").write_text("{}")
    _age(outside / "precious.json", KEEP_SECONDS + DAY)
    shard = root / "parsed" / "cd"
    shard.mkdir(exist_ok=True)
    (shard / "link.json").symlink_to(outside / "precious.json")
    (shard / "dir.json").mkdir()
    _unused_shard(root).symlink_to(outside)  # a shard that is a link to a folder elsewhere
    _age(root / "parsed" / STAMP, REFRESH_SECONDS + 60)
    assert sweep_once(root, "parsed") == 0
    assert (outside / "precious.json").exists()
    assert (shard / "link.json").is_symlink() and (shard / "dir.json").is_dir()


def test_a_stamp_that_is_not_a_file_stops_the_sweep_without_an_error(catalog, tmp_path, monkeypatch):
    root = _cache(tmp_path, monkeypatch, catalog)
    (root / "parsed" / STAMP).unlink()
    (root / "parsed" / STAMP).mkdir()
    old = root / "parsed" / "ab" / "old.json"
    old.parent.mkdir(exist_ok=True)
    old.write_text("{}")
    _age(old, KEEP_SECONDS + DAY)
    assert sweep_once(root, "parsed") == 0 and old.exists()


def test_no_cache_folder_no_sweep(tmp_path):
    assert sweep_once(tmp_path / "missing", "parsed") == 0
