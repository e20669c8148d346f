"""A cache of parsed catalog files, so unchanged catalogs skip the YAML parse.

Parsing (libyaml plus building values and positions) is most of what loading a valid
file costs. Files that validated have their parse stored: the plain data and the
(line, column) of every value and key, keyed by a digest of the file's bytes and path,
the kind of file, what its cross-checks depended on (the ladder and taxonomy for a
profile; the ladder and role codes for a company), and the schemas and model code of
this jdgen. Any change to any of these is a miss. Invalid files are never stored, so
every problem is reported on every run.

Why JSON, and why only the parse: the cache folder is not trusted. CI keeps it between
runs or inside the workspace, where a pull request can plant a file at a name it can
compute, so a stored entry must not be able to run code (a pickle can) nor stand in
for a verdict. An entry is plain JSON (:mod:`jdgen.catalog.parse_entries`), read with a
size bound, checked to hold only what the YAML loader could have built, and then goes
through the same model and cross-checks as a fresh parse
(:func:`jdgen.catalog.loading.load_checked`); anything that fails is a miss, parsed afresh
and overwritten. The text itself is never stored: it comes from the file's own bytes.
What this does not give: an entry planted with other data that passes every check is
used as the file's parse. It can make a run show what the author could have written in
the file, never run code nor skip a check; keep caches written by untrusted runs away
from trusted ones (or set ``JDGEN_CACHE_DIR=""``).

``JDGEN_CACHE_DIR`` moves the cache (default: ``$XDG_CACHE_HOME/jdgen`` or
``~/.cache/jdgen``); set it to an empty value to turn caching off. A cache that cannot
be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import stat
from functools import cache
from pathlib import Path

from .. import __version__
from .cache_sweep import renew_if_old, sweep_once
from .parse_entries import FORMAT, Unusable, decode, encode
from .yaml_source import SourceDoc

_PACKAGE = Path(__file__).resolve().parents[1]
# The largest catalog file jdgen reads is 1 MB; a parse larger than this is not stored, and
# no larger entry is read.
MAX_ENTRY_BYTES = 8_000_000
_FOLDER = "parsed"
# O_NOFOLLOW: a symlink planted in the cache is never read through or written through.
# O_NONBLOCK: a FIFO planted at an entry's name cannot make the read wait forever.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_DIRECTORY = os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_DIRECTORY", 0)


def cache_dir() -> Path | None:
    configured = os.environ.get("JDGEN_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jdgen"


@cache
def _code_digest() -> bytes:
    """What the meaning of a cached document depends on in jdgen itself."""
    from ..resources import shipped

    digest = hashlib.sha256(__version__.encode())
    digest.update(f"parse format {FORMAT}".encode())
    checks = ["catalog/models.py", "catalog/company_models.py", "catalog/translation_models.py", "catalog/loading.py", "catalog/ladder_checks.py", "catalog/taxonomy_checks.py",
              "catalog/yaml_source.py", "catalog/companies.py", "catalog/currencies.py",
              "catalog/parse_cache.py", "catalog/parse_entries.py", "catalog/translations.py"]
    for path in sorted(shipped("schemas").glob("*.json")) + [_PACKAGE / name for name in checks]:
        digest.update(path.read_bytes())
    return digest.digest()


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(_code_digest())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape"))  # file names need not be UTF-8
        digest.update(b"\0")
    return digest.hexdigest()


def load_parse(digest: str | None, shown: str, text: str) -> SourceDoc | None:
    """The stored parse of the file ``shown`` whose text is ``text``, or None (a miss).

    Only the shape is checked here; the caller validates the data as it would a fresh parse.
    """
    folder = cache_dir()
    if folder is None or digest is None:
        return None
    try:
        entry = read_entry(folder / _FOLDER / digest[:2] / f"{digest}.json", renew=True)
        return decode(entry, shown, text) if entry is not None else None
    except (Unusable, ValueError, TypeError, LookupError, RecursionError):
        return None


def store_parse(digest: str | None, doc: SourceDoc) -> None:
    """Store ``doc``'s parse under ``digest``; call only for a file that passed every check."""
    folder = cache_dir()
    if folder is None or digest is None:
        return
    try:
        payload = encode(doc)
    except (ValueError, TypeError, RecursionError, OverflowError):
        return
    if len(payload) <= MAX_ENTRY_BYTES:
        write_entry(folder, (_FOLDER, digest[:2]), f"{digest}.json", payload)
        sweep_once(folder, _FOLDER)


def read_entry(path: Path | str, limit: int = MAX_ENTRY_BYTES, renew: bool = False) -> bytes | None:
    """The bytes of the cache entry at ``path``, or None: missing, not a regular file, a symlink, or over ``limit``.

    ``renew``: mark the entry as read, so that the parse cache's sweep keeps it (:mod:`.cache_sweep`).

    Shared with the findings cache (:mod:`jdgen.lint.result_cache`), which trusts its folder no more.
    """
    try:
        handle = os.open(path, _READ)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return None
        if renew:
            renew_if_old(handle, info.st_mtime)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= limit else None
    except OSError:
        return None
    finally:
        os.close(handle)


def write_entry(root: Path, folders: tuple[str, ...], name: str, payload: bytes) -> None:
    """Write ``root/folders/name`` atomically, never through a symlink below ``root``.

    ``root`` comes from the environment and is trusted; below it, every folder is opened
    without following symlinks and the file is created under a fresh random name, so
    a symlink or file planted in the cache cannot redirect the write or block it. Where
    the system cannot open a file relative to a folder, nothing is written.
    """
    if os.open not in os.supports_dir_fd:
        return
    opened: list[int] = []
    try:
        # Each folder is opened first and made only when missing: after the first entries
        # they all exist, and a cold run writes an entry per file it reads.
        try:
            opened.append(os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)))
        except FileNotFoundError:
            root.mkdir(parents=True, exist_ok=True)
            opened.append(os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)))
        for folder in folders:
            try:
                opened.append(os.open(folder, _DIRECTORY, dir_fd=opened[-1]))
            except FileNotFoundError:
                try:
                    os.mkdir(folder, dir_fd=opened[-1])
                except FileExistsError:
                    pass
                opened.append(os.open(folder, _DIRECTORY, dir_fd=opened[-1]))
        here = opened[-1]
        temporary = f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o644, dir_fd=here)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temporary, name, src_dir_fd=here, dst_dir_fd=here)
        except OSError:
            try:
                os.unlink(temporary, dir_fd=here)
            except OSError:
                pass
    except OSError:
        pass  # a cache that cannot be written is ignored
    finally:
        for handle in opened:
            os.close(handle)
