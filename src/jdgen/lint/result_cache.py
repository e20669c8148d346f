"""The findings cache: a profile whose inputs are unchanged is not checked again.

A whole-catalog lint is cut into one unit per profile (:mod:`.per_profile`); a unit's
record is stored under a key made of everything it reads:

* the shared inputs, digested once per run (:func:`context`): jdgen's own code, data and
  shipped templates, the Python and library versions whose behaviour rules rely on, the
  command (lint or validate), ``--as-of``, the whole lint configuration (selected rules,
  options, severities, per-file ignores, allowed words) and the config file's bytes, the
  catalog's ladder, taxonomy, every company file, every template file, every translation
  and message-catalog file (``translations/``, ``locales/``), jdgen.toml, the
  list of profile files (a rule checks that an adjacent role exists), and where the
  catalog is as messages name it;
* the profile file: where it is and its bytes.

So editing a profile recomputes that profile alone; editing a company, the ladder, a
template or the configuration recomputes every profile, since every posting reads them.
Rules that look across profiles (JD104, the template rules) are not cached: the engine
runs them on every run from compact facts the records carry.

Entries live in ``<cache>/findings/<context>/<key>.json``, one folder per context. The
folder is untrusted, as the parse cache's is (see :mod:`jdgen.catalog.parse_cache`): an
entry is plain JSON, read with a size bound and without following links, must name its
own key and hold exactly the record's shape (strings where strings go, line numbers
where numbers go, codes of rules that exist); anything else is a miss, computed afresh
and overwritten. No pickle, nothing that runs. What a well-formed planted entry can do:
stand for the profile it is keyed by, so it can hide or invent findings of that profile
under exactly those inputs. Keep caches written by untrusted runs away from trusted ones.

After a full run, entries of the run's context that it did not use (profiles edited or
removed since) are deleted, and so are other contexts' folders untouched for a day: a
date or configuration that changed leaves its folder behind only that long.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
import unicodedata
from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..catalog.parse_cache import cache_dir, read_entry, write_entry
from .per_profile import FORMAT, NONE, Record

FOLDER = "findings"
# A record of a profile with the limit's worth of findings in each rule is far below this; a
# larger one is not stored, and no larger entry is read.
MAX_ENTRY_BYTES = 16_000_000
STALE_SECONDS = 24 * 3600
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "Jinja2", "markdown-it-py", "Babel", "regex")


class _Unusable(Exception):
    """An entry that is not a record this jdgen stored under this key: a miss."""


@cache
def _code_digest() -> bytes:
    """jdgen itself: every file of the package and the shipped templates and schemas, the
    Python version and the Unicode tables (case folding, word characters), and the libraries'."""
    from importlib import metadata

    from ..resources import shipped

    digest = hashlib.sha256(f"jdgen {__version__} findings format {FORMAT}\0".encode())
    digest.update(f"python {sys.version_info[:3]} unicode {unicodedata.unidata_version}\0".encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name} {metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} -\0".encode())
    package = Path(__file__).resolve().parents[1]
    folders = [package]
    for kind in ("templates", "schemas"):
        try:
            folders.append(shipped(kind))
        except FileNotFoundError:
            pass
    for folder in folders:
        for path in _files(folder):
            digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


def _files(folder: Path) -> list[Path]:
    """Every file below ``folder``, in a stable order; compiled bytecode is left out."""
    found = []
    for base, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found.extend(Path(base) / name for name in sorted(names) if not name.endswith((".pyc", ".pyo")))
    return found


def context(catalog, config, as_of, mode: str, companies: tuple[str, ...]) -> str:
    """The digest of every input a profile's record shares with the other profiles' (see the module docstring)."""
    from dataclasses import asdict

    from ..catalog.companies import company_files
    from ..catalog.yaml_source import display_path

    digest = hashlib.sha256(_code_digest())

    def part(label: str, value: bytes | str) -> None:
        digest.update(label.encode() + b"\0")
        digest.update(value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")

    def file(label: str, path: Path | None) -> None:
        part(label, "-" if path is None else f"{path} {display_path(path)}")
        if path is not None and path.is_file():
            part("bytes", path.read_bytes())

    part("mode", mode)
    part("as-of", as_of.isoformat())
    part("config", json.dumps(asdict(config), default=str, sort_keys=True))
    file("config-file", Path(config.source) if config.source else None)
    part("root", f"{catalog.root} {display_path(catalog.root)} builtin={catalog.builtin}")
    file("ladder", catalog.ladder_path)
    file("taxonomy", catalog.taxonomy_path)
    file("marker", catalog.root / "jdgen.toml")
    for path in sorted(company_files(catalog).values()):
        file("company", path)
    part("companies loaded", "\n".join(companies))
    if catalog.templates_dir.is_dir():
        for path in _files(catalog.templates_dir):
            file("template", path)
    # The profiles' translations and the catalog's template translations: a posting in another
    # language prints them, so any change to either recomputes every profile.
    for folder_name in ("translations", "locales"):
        folder = catalog.root / folder_name
        if folder.is_dir() and not folder.is_symlink():
            for path in _files(folder):
                file(folder_name, path)
    from ..catalog.root import display_names

    shown = display_names(catalog.roles_dir)
    part("profiles", "\n".join(f"{code} {shown(text)}" for code, text in catalog.profile_files.text_items()))
    return digest.hexdigest()


def key(context_digest: str, path: Path, shown: str, data: bytes) -> str:
    digest = hashlib.sha256(context_digest.encode())
    for part in (shown.encode("utf-8", "surrogateescape"), _resolved(path).encode("utf-8", "surrogateescape"), data):
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()


_RESOLVED_FOLDERS: dict[str, str] = {}


def _resolved(path: Path) -> str:
    """``str(path.resolve())``, resolving each folder once per process: a file that is no link
    resolves to its resolved folder and its own name, and a catalog keeps its profiles in a few
    folders (resolving each file anew cost a system call per folder of its path, per profile)."""
    folder, name = os.path.split(os.fspath(path))
    if not name or name in (".", "..") or os.path.islink(path):
        return str(path.resolve())
    resolved = _RESOLVED_FOLDERS.get(folder)
    if resolved is None:
        resolved = _RESOLVED_FOLDERS[folder] = str(Path(folder or ".").resolve())
    return os.path.join(resolved, name)


def _folder(context_digest: str) -> Path | None:
    root = cache_dir()
    return None if root is None else root / FOLDER / context_digest[:32]


def load(context_digest: str, entry_key: str) -> Record | None:
    """The record stored under ``entry_key``, or None (a miss: absent, unreadable or not a record of that key)."""
    root = cache_dir()
    if root is None:
        return None
    payload = read_entry(os.path.join(root, FOLDER, context_digest[:32], f"{entry_key}.json"), MAX_ENTRY_BYTES)
    if payload is None:
        return None
    try:
        return _decode(payload, entry_key)
    except (_Unusable, ValueError, TypeError, LookupError, RecursionError):
        return None


def store(context_digest: str, entry_key: str, record: Record) -> None:
    root = cache_dir()
    if root is None:
        return
    try:
        payload = json.dumps({"key": entry_key, "record": record}, ensure_ascii=False, allow_nan=False,
                             separators=(",", ":")).encode("utf-8", "surrogatepass")
    except (ValueError, TypeError, RecursionError):
        return
    if len(payload) <= MAX_ENTRY_BYTES:
        write_entry(root, (FOLDER, context_digest[:32]), f"{entry_key}.json", payload)


class UsedKeys:
    """The entries a run used, for :func:`prune`: each key's first 64 bits, 8 bytes apiece.

    A set of the keys as text held 25,000 strings of 64 characters in the main process of a
    large run (about 4 MB, growing with the catalog). A stale entry whose key shares its first
    64 bits with a used one is kept, which costs a file, never a wrong result.
    """

    def __init__(self) -> None:
        self._prefixes = array("Q")
        self._sorted: array | None = None

    def add(self, key: str | None) -> None:
        if key is not None:
            self._prefixes.append(int(key[:16], 16))
            self._sorted = None

    def __contains__(self, name: object) -> bool:
        try:
            prefix = int(str(name)[:16], 16)
        except ValueError:
            return False  # not a name this cache gives an entry
        if self._sorted is None:
            self._sorted = array("Q", sorted(self._prefixes))
        at = bisect_left(self._sorted, prefix)
        return at < len(self._sorted) and self._sorted[at] == prefix


def prune(context_digest: str, used: "UsedKeys | set[str]") -> None:
    """After a full run: drop this context's entries the run did not use, and contexts idle for a day.

    Nothing here follows a link: entries are listed without following them and removed by
    name, and a folder is removed by :func:`shutil.rmtree`, which never descends through one.
    """
    root = cache_dir()
    if root is None:
        return
    base = root / FOLDER
    mine = context_digest[:32]
    now = time.time()
    try:
        with os.scandir(base) as listing:
            others = [entry for entry in listing if entry.name != mine]
        for entry in others:
            if entry.is_dir(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                shutil.rmtree(entry.path, ignore_errors=True)
        folder = base / mine
        with os.scandir(folder) as listing:
            stale = [entry.name for entry in listing if entry.name.removesuffix(".json") not in used]
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0))
        try:
            for name in stale:
                try:
                    if os.unlink in os.supports_dir_fd:
                        os.unlink(name, dir_fd=handle)
                except OSError:
                    pass  # a folder planted here, or one gone already: left alone
            os.utime(handle) if os.utime in os.supports_fd else None  # this context is in use
        finally:
            os.close(handle)
    except OSError:
        pass  # a cache that cannot be tidied is left as it is


# --- reading an entry back --------------------------------------------------------------------

_KEYS = {"format", "strings", "code", "code_at", "diags", "calls", "compose", "postings", "aliases", "entries",
         "malformed", "shared_used"}


def _refuse_constant(name: str) -> Any:
    raise _Unusable(f"{name} is not a number a record holds")


def _decode(payload: bytes, entry_key: str) -> Record:
    """The record in ``payload``, checked to be one this jdgen stored under ``entry_key``.

    Checked a column at a time (types and bounds by ``map``, ``min`` and ``max``), which
    keeps reading tens of thousands of entries cheap beside checking the profiles again.
    """
    from .registry import SEVERITIES
    from .ruleset import all_rules

    entry = json.loads(payload, parse_constant=_refuse_constant)
    if type(entry) is not dict or entry.keys() != {"key", "record"} or entry["key"] != entry_key:
        raise _Unusable("not an entry of this key")
    record = entry["record"]
    if type(record) is not dict or record.keys() != _KEYS or record["format"] != FORMAT:
        raise _Unusable("not a record of this format")
    strings = record["strings"]
    if type(strings) is not list or not set(map(type, strings)) <= {str}:
        raise _Unusable("strings are not strings")
    count = len(strings)
    texts = (NONE, count)       # a string of the table, or none
    some_text = (0, count)      # a string of the table
    place = (0, None)           # a line or column, 0 where there is no place
    line = (1, None)
    flag = (0, 2)
    diag = (texts, place, place, some_text, texts)

    def check(rows: object, columns: tuple) -> list:
        """``rows``: a list of lists, each of len(columns) whole numbers within each column's bounds."""
        if type(rows) is not list or not set(map(type, rows)) <= {list} or not set(map(len, rows)) <= {len(columns)}:
            raise _Unusable("not a table")
        for values, bounds in zip(zip(*rows), columns):
            if bounds is None:
                continue
            low, high = bounds
            if not set(map(type, values)) <= {int} or min(values) < low or (high is not None and max(values) >= high):
                raise _Unusable("not a string index, line or column")
        return rows

    if type(record["code"]) is not int or not NONE <= record["code"] < count:
        raise _Unusable("not a code")
    if record["code_at"] != []:
        check([record["code_at"]], (line, line))
    check(record["diags"], diag)
    rules = all_rules()
    severities = {NONE, *(i for i, s in enumerate(strings) if s in SEVERITIES)}
    calls = check(record["calls"], (some_text, None))
    if not {strings[code] for code, _ in calls} <= rules.keys():
        raise _Unusable("a rule this jdgen does not have")
    if not set(map(type, (hits for _, hits in calls))) <= {list}:
        raise _Unusable("not a table")
    # Every pass's hits checked as one table: a record holds a pass per rule that found something,
    # and a check per pass was most of what reading a cached profile cost.
    hits = [row for _, rows in calls for row in rows]
    check(hits, (*diag, texts, flag))
    if hits and not set(row[5] for row in hits) <= severities:
        raise _Unusable("not a severity")
    if type(record["compose"]) is not list:
        raise _Unusable("compose errors are not a list")
    for found in record["compose"]:
        check(found, diag)
    if type(record["postings"]) is not int or record["postings"] < 0:
        raise _Unusable("not a count")
    check(record["aliases"], (some_text, line, line, line, line, some_text))
    for names in (row[4] for row in check(record["entries"], (line, line, line, flag, None, some_text, flag))):
        check([names], (some_text,) * len(names))
    check(record["malformed"], (line, line, some_text, texts))
    for indexes in (row[1] for row in check(record["shared_used"], (some_text, None))):
        check([indexes], (place,) * len(indexes))
    return record
