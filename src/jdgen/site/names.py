"""File names and links of the site, made safe from catalog text.

A catalog is untrusted input: its codes become file names and its addresses links.

* File names: a role code or family is validated by the schemas (``AIMLAM.GEN.P4``), but
  the site does not lean on that: :func:`file_stem` keeps ASCII letters, digits, ``-``,
  ``_`` and single dots, turns anything else into ``_``, and never yields an empty name,
  a leading dot or ``..``. Every page lives one folder deep at most (``roles/``,
  ``ladders/``, ``compare/``), folders jdgen names itself, so no catalog value can reach
  another folder.
* Links: only ``http:`` and ``https:`` addresses that pass the catalog's own address rule
  (:func:`jdgen.catalog.addresses.is_web_address`) become ``href``\\ s; anything else
  (``javascript:``, ``data:``, a relative path) is shown as text. Internal links are
  built here from file names, never from catalog text.
* Source links: each page shows the catalog-relative path of the YAML it shows, as text;
  with ``--source-url BASE`` it also links to ``BASE/PATH``, each path segment
  percent-encoded.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from ..errors import UsageError

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
MAX_STEM = 120


def file_stem(text: str) -> str:
    """``text`` as a file name without extension: safe on every file system and in a URL."""
    stem = _UNSAFE.sub("_", text.strip())
    stem = re.sub(r"\.{2,}", ".", stem).strip(".")
    return stem[:MAX_STEM] or "_"


def unique_stems(keys: list[str]) -> dict[str, str]:
    """A distinct file stem for each key: two keys that clean up to one stem get ``-2``, ``-3`` (case-blind,
    since macOS and Windows file systems are)."""
    taken: set[str] = set()
    stems = {}
    for key in keys:
        stem = base = file_stem(key)
        n = 1
        while stem.casefold() in taken:
            n += 1
            stem = f"{base}-{n}"
        taken.add(stem.casefold())
        stems[key] = stem
    return stems


def web_link(value: str | None) -> str | None:
    """``value`` when it is an http(s) address a page may link to, else None (shown as text)."""
    from ..catalog.addresses import is_web_address

    return value if value and is_web_address(value) else None


def check_source_url(base: str | None) -> str | None:
    """``--source-url`` as given, without its trailing slash; a usage error unless it is an http(s) address."""
    if base is None:
        return None
    from ..catalog.addresses import is_web_address

    if not is_web_address(base) or any(c in base for c in "?#"):
        raise UsageError(f"--source-url {base!r} is not a web address a page can link to",
                         hint="give the address of the catalog folder at a revision, e.g. "
                              "https://github.com/ORG/REPO/blob/main/profiles")
    return base.rstrip("/")


def catalog_path(root: Path, path: Path) -> str | None:
    """``path`` relative to the catalog root, with ``/`` separators; None when it lies outside
    (the built-in ladder of a catalog without its own)."""
    try:
        return PurePosixPath(*Path(path).relative_to(root).parts).as_posix()
    except ValueError:
        return None


def source_link(base: str | None, relative: str | None) -> str | None:
    """The address of a catalog file under ``--source-url``, or None."""
    if base is None or relative is None:
        return None
    return base + "/" + "/".join(quote(part, safe="") for part in relative.split("/"))
