"""A cache of files that already passed validation, so unchanged catalogs load fast.

A cold ``jdgen render`` spends more time loading and validating the ladder and the
profile (YAML parse, strict model, and pydantic building its validators on first use)
than rendering. Files that validated are stored here as pickles, keyed by a digest of:
the file's bytes and path, the kind of file, what its cross-checks depended on (the
ladder and taxonomy for a profile; the ladder and role codes for a company), and the
schemas and model code of this jdgen. Any change to any of these is a miss. Invalid
files are never stored, so every problem is reported on every run.

``JDGEN_CACHE_DIR`` moves the cache (default: ``$XDG_CACHE_HOME/jdgen`` or
``~/.cache/jdgen``); set it to an empty value to turn caching off. A cache that cannot
be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import __version__

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


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
    from .resources import shipped

    digest = hashlib.sha256(__version__.encode())
    checks = ["models.py", "documents.py", "ladder_checks.py", "taxonomy_checks.py", "sources.py", "companies.py",
              "currencies.py", "data/iso4217.txt"]
    for path in sorted(shipped("schemas").glob("*.json")) + [_PACKAGE / name for name in checks]:
        digest.update(path.read_bytes())
    return digest.digest()


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(_code_digest())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def cached(kind: str, digest: str | None, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when ``digest`` was stored before."""
    folder = cache_dir()
    if folder is None or digest is None:
        return build()
    path = folder / "documents" / digest[:2] / f"{digest}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        pass
