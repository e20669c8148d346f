"""Nothing planted in the cache folder runs, and nothing planted there is believed blindly.

CI may keep ``JDGEN_CACHE_DIR`` between runs or inside the workspace, where a pull request
can write files at names it can compute in advance (the names are digests of public
inputs). These tests plant, at the exact names jdgen reads:

* a pickle whose ``__reduce__`` creates a marker file (jdgen once stored parses as pickles);
* Jinja bytecode entries, one whose header pickle and one whose marshal'd code would
  create the marker (jdgen once kept Jinja's FileSystemBytecodeCache);
* JSON entries that are garbage, too large, or changed into something no valid file
  parses to; each must be a miss: the output is what the catalog says, and the entry
  is rewritten from a fresh parse;
* symlinks and special files in place of entries and folders, which must be neither read
  through nor written through.

Each test also checks that a sentinel folder outside the catalog and cache is unchanged.
"""

from __future__ import annotations

import base64
import json
import os
import pickle
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import Bucket, FileSystemBytecodeCache

import jdgen
from jdgen.catalog import parse_cache as cache
from jdgen.catalog.root import Catalog
from jdgen.resources import shipped

DATE = "2026-11-23"
RENDER = ("render", "AIMLAM.GEN.P4", "--date", DATE)
TITLE = "Senior AI/ML Engineer / Tech Lead"
PLANTED = "PLANTED BY A PULL REQUEST"


class _Marker:
    """Unpickling this creates ``path``: proof that the cache ran code."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self):
        return exec, (f"open({str(self.path)!r}, 'w').close()",)


@pytest.fixture
def world(tmp_path, catalog, monkeypatch):
    """A catalog, a cache folder, a marker path, and a sentinel folder that must not change."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("JDGEN_CACHE_DIR", str(cache_dir))
    sentinel = tmp_path / "sentinel"
    sentinel.mkdir()
    (sentinel / "keep.txt").write_text("untouched\n", encoding="utf-8")
    return catalog, cache_dir, tmp_path / "MARKER", sentinel


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<dir>"
            for p in sorted(folder.rglob("*"))}


def expected_render(run, catalog: Path, *extra: str) -> str:
    """What the catalog renders to with no cache at all."""
    cache_dir = os.environ["JDGEN_CACHE_DIR"]
    result = run(*RENDER, *extra, cwd=catalog, env={"JDGEN_CACHE_DIR": ""})
    os.environ["JDGEN_CACHE_DIR"] = cache_dir  # the fixture's monkeypatch restores the original afterwards
    assert result.code == 0, result.err
    assert "AI/ML" in result.out or "Machine Learning" in result.out
    return result.out


def fresh_process(argv: list[str], catalog: Path, cache_dir: Path) -> subprocess.CompletedProcess:
    """``jdgen ARGV`` as its own process, as in CI; with a timeout, so that a hang fails the test."""
    env = {**os.environ, "JDGEN_CACHE_DIR": str(cache_dir), "NO_COLOR": "1",
           "PYTHONPATH": os.pathsep.join([str(Path(jdgen.__file__).parents[1]), os.environ.get("PYTHONPATH", "")])}
    env.pop("JDGEN_CATALOG", None)
    return subprocess.run([sys.executable, "-m", "jdgen", *argv], cwd=catalog, env=env, capture_output=True,
                          text=True, timeout=120)


def entries(cache_dir: Path) -> dict[str, Path]:
    """The stored parses by the ``code`` (or kind) of what they hold."""
    found = {}
    for path in (cache_dir / "parsed").rglob("*.json"):
        data = json.loads(path.read_bytes())["data"]
        name = data.get("code") or data.get("company", {}).get("slug") or ("ladder" if "levels" in data else "taxonomy")
        found[name] = path
    return found


def profile_entry(run, catalog: Path, cache_dir: Path) -> tuple[Path, bytes]:
    """Fill the cache with a real run; the profile's entry and its genuine bytes."""
    assert run(*RENDER, cwd=catalog).code == 0
    path = entries(cache_dir)["AIMLAM.GEN.P4"]
    return path, path.read_bytes()


def test_the_entry_name_is_computable_in_advance(run, world):
    """Why planting is a threat at all: the name is a digest of inputs the author knows."""
    catalog, cache_dir, _, _ = world
    path, _ = profile_entry(run, catalog, cache_dir)
    profile = catalog / "roles" / "AIMLAM.GEN.P4.yaml"
    digest = cache.key("profile", "roles/AIMLAM.GEN.P4.yaml", str(profile.resolve()), profile.read_bytes(),
                       Catalog(catalog).context_digest)
    assert path == cache_dir / "parsed" / digest[:2] / f"{digest}.json"


def test_a_planted_pickle_is_never_unpickled(run, world):
    catalog, cache_dir, marker, sentinel = world
    before = snapshot(sentinel)
    company = (*RENDER, "-c", "northwind")
    expected = expected_render(run, catalog)
    expected_company = expected_render(run, catalog, "-c", "northwind")
    assert run(*company, cwd=catalog).code == 0
    planted = list(entries(cache_dir).values())
    assert len(planted) == 4  # the ladder, taxonomy, profile and company: every kind of entry
    payload = pickle.dumps(_Marker(marker))
    for path in planted:
        digest = path.stem
        path.write_bytes(payload)  # at the name jdgen reads today
        old = cache_dir / "documents" / digest[:2] / f"{digest}.pickle"  # and where it once read pickles
        old.parent.mkdir(parents=True, exist_ok=True)
        old.write_bytes(payload)
    results = [run(*company, cwd=catalog), run(*RENDER, cwd=catalog), run("list", cwd=catalog)]
    assert not marker.exists()
    assert [(r.code, r.out) for r in results[:2]] == [(0, expected_company), (0, expected)]
    assert results[2].code == 0 and "AIMLAM.GEN.P4" in results[2].out
    assert all(path.read_bytes().startswith(b"{") for path in planted)  # rebuilt as JSON
    assert snapshot(sentinel) == before


def _jinja_entries(cache_dir: Path, catalog: Path, poison) -> int:
    """Plant Jinja bytecode at the names a FileSystemBytecodeCache in ``cache_dir/jinja`` would read."""
    bcc = FileSystemBytecodeCache(str(cache_dir / "jinja"))
    (cache_dir / "jinja").mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment()
    planted = 0
    for folder in (catalog / "templates", shipped("templates")):
        for template in sorted(folder.glob("*.j2")) if folder.is_dir() else []:
            filename = os.path.normpath(f"{folder}/{template.name}")
            bucket = bcc.get_bucket(env, template.name, filename, template.read_text(encoding="utf-8"))
            poison(bcc, bucket)
            planted += 1
    return planted


def _header_pickle(marker: Path):
    def poison(bcc: FileSystemBytecodeCache, bucket: Bucket) -> None:
        # Jinja reads an entry's checksum with pickle.load before comparing anything; the
        # file name is the one Jinja's own cache computes for the template.
        Path(bcc._get_cache_filename(bucket)).write_bytes(jinja2.bccache.bc_magic + pickle.dumps(_Marker(marker)))
    return poison


def _marshalled_code(marker: Path):
    def poison(bcc: FileSystemBytecodeCache, bucket: Bucket) -> None:
        # The right checksum, and module code that Jinja would exec to build the template.
        bucket.code = compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec")
        bcc.dump_bytecode(bucket)
    return poison


@pytest.mark.parametrize("poison", [_header_pickle, _marshalled_code], ids=["header-pickle", "marshalled-code"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_planted_jinja_bytecode_never_runs(tmp_path, world, poison, fmt):
    """A fresh process, as in CI: an in-process run could reuse templates compiled earlier."""
    catalog, cache_dir, marker, sentinel = world
    (catalog / "templates").mkdir(exist_ok=True)
    (catalog / "templates" / f"posting.{fmt}.j2").write_text(
        (shipped("templates") / f"posting.{fmt}.j2").read_text(encoding="utf-8"), encoding="utf-8")
    assert _jinja_entries(cache_dir, catalog, poison(marker)) >= 3
    jinja_before = snapshot(cache_dir / "jinja")
    before = snapshot(sentinel)
    for _ in range(2):  # the second run is the one a persistent cache would serve
        done = fresh_process([*RENDER, "-f", fmt, "-o", f"{tmp_path / 'out'}{os.sep}"], catalog, cache_dir)
        assert not marker.exists()
        assert done.returncode == 0, done.stderr
    assert TITLE in (tmp_path / "out" / f"AIMLAM.GEN.P4.{fmt}").read_text(encoding="utf-8")
    assert snapshot(cache_dir / "jinja") == jinja_before  # never read, never written
    assert snapshot(sentinel) == before


def _mutate(change):
    def build(genuine: bytes) -> bytes:
        entry = json.loads(genuine)
        change(entry)
        return json.dumps(entry).encode()
    return build


def _title(value):
    return _mutate(lambda entry: entry["data"].__setitem__("title", value))


def _pay(low):
    pay = {"currency": "USD", "basis": "year", "min": low, "source": PLANTED}
    return _mutate(lambda entry: entry["data"].__setitem__("market_pay", pay))


def _set(field, value):
    return _mutate(lambda entry: entry.__setitem__(field, value))


def _unpack(packed: str) -> list[int]:
    """The numbers of a packed field: 32-bit little-endian, base64."""
    raw = base64.b64decode(packed)
    return list(struct.unpack(f"<{len(raw) // 4}I", raw))


def _numbers(field, change):
    """The entry with the numbers packed in ``field`` changed, and packed again as jdgen packs them."""
    def repack(entry):
        numbers = change(_unpack(entry[field]))
        entry[field] = base64.b64encode(struct.pack(f"<{len(numbers)}I", *numbers)).decode()
    return _mutate(repack)


def _nest(depth: int):
    value: list = ["x"]
    for _ in range(depth):
        value = [value]
    return value


TAMPERED = {
    # Not JSON, or not whole.
    "empty": lambda genuine: b"",
    "garbage": lambda genuine: b"\x80\x81\x82 not json",
    "truncated": lambda genuine: genuine[: len(genuine) // 2],
    "not-an-object": lambda genuine: b"[1, 2, 3]",
    "deeply-nested": lambda genuine: b"[" * 200_000 + b"]" * 200_000,
    "huge-number": lambda genuine: genuine.replace(b'"format":2', b'"format":2' + b"0" * 20_000),
    # Larger than any entry jdgen writes, although everything in it is well formed.
    "oversized": lambda genuine: _title(PLANTED)(genuine) + b" " * cache.MAX_ENTRY_BYTES,
    # Another format, or fields added or missing.
    "other-format": _set("format", 1),
    "extra-field": _set("code", "print('hello')"),
    "missing-field": _mutate(lambda entry: entry.pop("paths")),
    # Data a YAML file cannot produce, or that the models or checks refuse.
    "control-character": _title(PLANTED + " \u001b]0;pwned\u0007"),
    "not-a-number": _pay(float("nan")),
    "infinite": lambda genuine: _pay(7)(genuine).replace(b'"min": 7', b'"min": 1e999'),
    "too-large-number": _pay(10**16),
    "too-deep": _mutate(lambda entry: entry["data"].__setitem__("title_aliases", _nest(80))),
    "unknown-key": _mutate(lambda entry: entry["data"].__setitem__("planted", PLANTED)),
    "wrong-type": _title(12345),
    "fails-a-cross-check": _mutate(lambda entry: entry["data"].update(code="AIMLAM.GEN.P5", title=PLANTED)),
    "invisible-space-in-key": _mutate(lambda entry: entry["data"].__setitem__("title\u00a0", PLANTED)),
    # Positions that are not line and column numbers, or not as many as the data has values and keys.
    "positions-short": _numbers("values", lambda numbers: numbers[:-2]),
    "positions-long": _numbers("keys", lambda numbers: numbers + [1, 1]),
    "positions-zero": _numbers("values", lambda numbers: [0] * len(numbers)),
    "positions-not-base64": _set("values", "not base64!"),
    "positions-cut-mid-number": _mutate(lambda entry: entry.__setitem__("values", entry["values"][:-8])),
    "positions-a-list": _mutate(lambda entry: entry.__setitem__("keys", [1] * len(_unpack(entry["keys"])))),
    "positions-true": _set("values", True),
    # Paths written out (as for a file whose aliases repeat a list or mapping) that are not paths.
    "key-path-out-of-range": _mutate(lambda entry: entry.__setitem__("key_paths", [10**6] * (len(_unpack(entry["keys"])) // 2))),
    "key-path-negative": _mutate(lambda entry: entry.__setitem__("key_paths", [-1] * (len(_unpack(entry["keys"])) // 2))),
    "path-of-floats": _set("paths", [[1.5]]),
    "path-not-a-list": _set("paths", ["title"]),
    "paths-not-a-list": _set("paths", "title"),
    "hash-spans-odd": _numbers("hash_spans", lambda numbers: numbers + [1, 2, 3]),
}


@pytest.mark.parametrize("name", sorted(TAMPERED))
def test_a_tampered_entry_is_a_miss_and_is_rewritten(run, world, name):
    catalog, cache_dir, marker, sentinel = world
    before = snapshot(sentinel)
    expected = expected_render(run, catalog)
    path, genuine = profile_entry(run, catalog, cache_dir)
    path.write_bytes(TAMPERED[name](genuine))
    result = run(*RENDER, cwd=catalog)
    assert (result.code, result.out) == (0, expected)
    assert PLANTED not in result.out + result.err
    assert path.read_bytes() == genuine  # parsed afresh and stored over the bad entry
    assert snapshot(sentinel) == before


def test_a_fifo_at_the_entry_name_does_not_hang(run, world):
    catalog, cache_dir, _, sentinel = world
    before = snapshot(sentinel)
    expected = expected_render(run, catalog)
    path, genuine = profile_entry(run, catalog, cache_dir)
    path.unlink()
    os.mkfifo(path)
    done = fresh_process(list(RENDER), catalog, cache_dir)
    assert (done.returncode, done.stdout) == (0, expected), done.stderr
    assert path.read_bytes() == genuine  # replaced by a regular file
    assert snapshot(sentinel) == before


def test_a_symlinked_entry_is_not_read_through_nor_written_through(run, world):
    catalog, cache_dir, _, sentinel = world
    expected = expected_render(run, catalog)
    path, genuine = profile_entry(run, catalog, cache_dir)
    target = sentinel / "planted.json"
    target.write_bytes(_title(PLANTED)(genuine))  # would be a hit if followed
    before = snapshot(sentinel)
    path.unlink()
    path.symlink_to(target)
    result = run(*RENDER, cwd=catalog)
    assert (result.code, result.out) == (0, expected)
    assert not path.is_symlink() and path.read_bytes() == genuine
    assert snapshot(sentinel) == before


@pytest.mark.parametrize("level", ["parsed", "parsed/<two hex digits>"])
def test_symlinked_cache_folders_are_not_written_through(run, world, level):
    catalog, cache_dir, _, sentinel = world
    before = snapshot(sentinel)
    expected = expected_render(run, catalog)
    path, _ = profile_entry(run, catalog, cache_dir)
    link = cache_dir / "parsed" if level == "parsed" else path.parent
    shutil.rmtree(link)
    link.symlink_to(sentinel, target_is_directory=True)
    for _ in range(2):
        result = run(*RENDER, cwd=catalog)
        assert (result.code, result.out) == (0, expected)
    assert link.is_symlink()
    assert snapshot(sentinel) == before


def test_a_directory_at_the_entry_name_is_ignored(run, world):
    catalog, cache_dir, _, sentinel = world
    before = snapshot(sentinel)
    expected = expected_render(run, catalog)
    path, _ = profile_entry(run, catalog, cache_dir)
    path.unlink()
    path.mkdir()
    for _ in range(2):
        result = run(*RENDER, cwd=catalog)
        assert (result.code, result.out) == (0, expected)
    assert path.is_dir()
    assert snapshot(sentinel) == before


def test_a_cache_that_cannot_be_created_is_ignored(run, world, tmp_path):
    catalog, _, _, sentinel = world
    before = snapshot(sentinel)
    expected = expected_render(run, catalog)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be\n", encoding="utf-8")
    result = run(*RENDER, cwd=catalog, env={"JDGEN_CACHE_DIR": str(blocker)})
    assert (result.code, result.out) == (0, expected)
    assert blocker.read_text(encoding="utf-8") == "a file where the cache folder would be\n"
    assert snapshot(sentinel) == before
