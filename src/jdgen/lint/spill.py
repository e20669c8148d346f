"""Findings of a large run kept compressed, in file order, until the report is written.

A whole-catalog lint reports findings from every profile file, and the report is written
only when the run is over (the JSON and SARIF documents open with counts, and every format
is in file order). A catalog of tens of thousands of profiles with one finding each would
hold tens of thousands of :class:`~jdgen.diagnostics.Diagnostic` objects, about a kilobyte
each with their messages, locations and de-duplication keys: the one part of the main
process's memory that grew with the catalog.

Once a profile's record has been replayed, nothing later in the run can add a finding of
the same rule in that profile's file (records are one file each; the findings added at
the end, JD001 and the catalog rules, have codes of their own), so the engine hands its
findings in that file over here. They are sorted in blocks and each block is kept as
zlib-compressed JSON (a block of a thousand findings of one kind compresses to a few
kilobytes, since the messages repeat). Blocks that follow each other in file order form
one run; reading the findings back merges the runs and the findings still held in memory
with :func:`heapq.merge`, which gives exactly the order of one ``sorted`` over all of them
(every finding's sort key is distinct: the engine de-duplicates by code, place and message).

Kept in memory rather than in a temporary file: nothing is written outside the places a
person chose, the compressed blocks are small (about 30 bytes a finding), and reading them
twice (counts, then the report) needs no file handles.
"""

from __future__ import annotations

import heapq
import json
import zlib
from collections import Counter
from itertools import islice
from typing import Iterable, Iterator, Sequence

from ..diagnostics import Diagnostic, Location

# Findings sorted and compressed together; a block is the unit read back into memory.
BLOCK = 1000
# More runs than this (profile files whose names do not sort in the order they were read)
# are merged into one, so that reading back never holds a block of each of thousands of runs.
MAX_RUNS = 16


def _row(f: Diagnostic) -> list:
    loc = f.location
    return [loc.file, loc.line, loc.col, f.message, f.hint, f.code, f.severity] if loc else \
        [None, 0, 0, f.message, f.hint, f.code, f.severity]


def _finding(row: list) -> Diagnostic:
    file, line, col, message, hint, code, severity = row
    return Diagnostic(Location(file, line, col) if file is not None else None, message, hint, code, severity)


def _pack(findings: list[Diagnostic]) -> bytes:
    return zlib.compress(json.dumps([_row(f) for f in findings], ensure_ascii=False,
                                    separators=(",", ":")).encode("utf-8"), 6)


def _unpack(block: bytes) -> list[Diagnostic]:
    return [_finding(row) for row in json.loads(zlib.decompress(block).decode("utf-8"))]


class _Run:
    """Findings in sort order, as compressed blocks."""

    __slots__ = ("blocks", "last", "size")

    def __init__(self) -> None:
        self.blocks: list[bytes] = []
        self.last: tuple | None = None  # the sort key of the run's last finding
        self.size = 0

    def extend(self, findings: list[Diagnostic]) -> None:
        for start in range(0, len(findings), BLOCK):
            self.blocks.append(_pack(findings[start:start + BLOCK]))
        self.last = findings[-1].sort_key()
        self.size += len(findings)

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[Diagnostic]:
        for block in self.blocks:
            yield from _unpack(block)


class Spill:
    """Where the engine puts findings nothing later in the run can repeat (see the module docstring)."""

    def __init__(self) -> None:
        self.runs: list[_Run] = []
        self._pending: list[Diagnostic] = []

    def add(self, findings: Iterable[Diagnostic]) -> None:
        self._pending.extend(findings)
        if len(self._pending) >= BLOCK:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        batch = sorted(self._pending, key=Diagnostic.sort_key)
        self._pending = []
        if not self.runs or self.runs[-1].last > batch[0].sort_key():
            self.runs.append(_Run())
        self.runs[-1].extend(batch)
        if len(self.runs) > MAX_RUNS:
            merged = _Run()
            chunk: list[Diagnostic] = []
            for finding in heapq.merge(*self.runs, key=Diagnostic.sort_key):
                chunk.append(finding)
                if len(chunk) == BLOCK:
                    merged.extend(chunk)
                    chunk = []
            if chunk:
                merged.extend(chunk)
            self.runs = [merged]

    def with_held(self, held: list[Diagnostic]) -> "list[Diagnostic] | SortedFindings":
        """Every finding, these spilled ones and ``held`` (sorted), in file order: a plain list when none was spilled."""
        if not self.runs:
            return sorted(self._pending + held, key=Diagnostic.sort_key) if self._pending else held
        self._flush()
        return SortedFindings([*self.runs, held])


class SortedFindings(Sequence):
    """A run's findings in file order, read back from compressed runs as they are iterated.

    It reads as a list would (``len``, indexing, slicing, iteration), but iterating is the
    way to read it: an index counts from the start each time.
    """

    def __init__(self, parts: list) -> None:
        self._parts = [part for part in parts if len(part)]
        self._size = sum(len(part) for part in self._parts)
        self._severities: Counter | None = None

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Diagnostic]:
        if len(self._parts) == 1:
            return iter(self._parts[0])
        return heapq.merge(*self._parts, key=Diagnostic.sort_key)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self._size)
            if step == 1:
                return list(islice(self, start, max(start, stop)))
            return list(self)[index]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError("finding index out of range")
        return next(islice(self, index, None))

    def count_severity(self, severity: str) -> int:
        if self._severities is None:
            self._severities = Counter(f.severity for f in self)
        return self._severities[severity]


def merge_sorted(first: Sequence[Diagnostic], second: Sequence[Diagnostic]) -> "list[Diagnostic] | SortedFindings":
    """Two lists of findings, each in file order, as one in file order (first's before second's on a tie)."""
    if isinstance(first, list) and isinstance(second, list):
        return list(heapq.merge(first, second, key=Diagnostic.sort_key))
    parts = []
    for side in (first, second):
        parts.extend(side._parts if isinstance(side, SortedFindings) else [side])
    return SortedFindings(parts)
