"""Lint a feed of postings given as plain records: the function a distributed engine maps.

A job board or an aggregator holds millions of postings in a table, not in files. Linting
one of them is a pure function of plain data: its text (or a .docx's bytes), its format, the
options (level, place, language) and the date the laws are judged on. Nothing is read from
disk but jdgen's own data and the catalog's ladder, nothing is written, and the answer is a
list of plain dictionaries. So the work spreads over any engine that can map a Python
function over partitions of records (Spark's ``mapPartitions``, Dask's ``map_partitions``,
a ``multiprocessing.Pool``) without jdgen depending on it; the README's "Large catalogs"
section shows Spark and Dask.

Two choices make it safe to run on many machines at once:

* ``as_of`` is required. Each worker's clock would otherwise pick its own date, and a posting
  linted just before and just after midnight, or in two time zones, could be judged against
  different laws.
* A worker loads the rules, word lists and ladder on its first record and keeps them (they are
  cached per process), which is most of the cost of a short posting: map over partitions, or
  keep workers alive, rather than starting a process per posting.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from ..errors import UsageError

if TYPE_CHECKING:
    from ..catalog.root import Catalog

FORMATS = ("md", "txt", "html", "docx")
_ID = re.compile(r"[A-Za-z0-9._-]{1,200}")


def lint_records(records: Iterable[Mapping[str, Any]], *, as_of: date, level: str | None = None,
                 location: str | None = None, language: str | None = None,
                 catalog: "Catalog | None" = None) -> Iterator[dict[str, Any]]:
    """One dictionary per finding of each record, in record order, then line order.

    A record is ``{"id": ..., "text": str}`` (Markdown unless ``"format"`` says ``txt`` or
    ``html``) or ``{"id": ..., "format": "docx", "data": bytes}``. A record may carry its own
    ``level``, ``location`` and ``language``, which win over the arguments. The ``id`` (letters,
    digits, ``. _ -``) comes back on each of its findings; a record jdgen cannot read (empty,
    binary, a broken .docx) gives one JD001 finding, as ``jdgen lint`` does, and the partition
    goes on. ``catalog`` gives the ladder the levels come from; the built-in one by default.
    """
    from ..catalog.root import Catalog
    from ..resources import builtin_catalog
    from .posting_files import lint_posting_files

    catalog = catalog or Catalog(builtin_catalog().resolve(), builtin=True)
    for record in records:
        identifier, name, data = _source(record)
        result = lint_posting_files(catalog, [(name, data)], as_of=as_of,
                                    level=record.get("level", level), location=record.get("location", location),
                                    language=record.get("language", language))
        for finding in result.findings:
            where = finding.location
            yield {"id": identifier, "code": finding.code, "severity": finding.severity,
                   "line": where.line if where else None, "column": where.col if where else None,
                   "message": finding.message, "hint": finding.hint}


def _source(record: Mapping[str, Any]) -> tuple[str, str, bytes]:
    """(id, the name jdgen reads it under, its bytes); the name's suffix tells the reader the format."""
    identifier = record.get("id")
    if not isinstance(identifier, str) or not _ID.fullmatch(identifier):
        raise UsageError(f"record id {identifier!r} is not 1-200 letters, digits, '.', '_' or '-'",
                         hint="give each record an id such as 'posting-42'")
    fmt = record.get("format", "md")
    if fmt not in FORMATS:
        raise UsageError(f"record {identifier}: format {fmt!r} is not one jdgen reads",
                         hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "docx":
        data = record.get("data")
        if not isinstance(data, (bytes, bytearray)):
            raise UsageError(f"record {identifier}: a docx record needs its file's bytes as 'data'",
                             hint="read the .docx in binary mode")
        return identifier, f"{identifier}.docx", bytes(data)
    text = record.get("text")
    if not isinstance(text, str):
        raise UsageError(f"record {identifier}: 'text' must be the posting's text as a string",
                         hint="decode the posting to str first (or give a .docx as format: docx with data)")
    return identifier, f"{identifier}.{fmt}", text.encode("utf-8")
