"""The profiles whose aliases JD104 must read, found without holding every profile's aliases.

A whole-catalog run (:func:`.engine._lint_catalog`) hands JD104 (alias claimed twice) the
aliases of its profiles once every record is in. In a real catalog almost no alias is
claimed twice, yet the rule needs the titles and their places to say so, and 25,000
profiles have some 375,000 aliases: kept as objects until the end they were the main
process's largest holding, and comparing them all there took seconds of a warm re-lint.

So each record carries its aliases already normalised (the unit did that, in a worker or
from the cache), and this collector keeps, per alias, only a hash of that normalised
title and the number of its profile (written out a block at a time), and writes each profile's titles
and places to an unnamed temporary file, deleted when it is closed. At the end the
profiles that share a hash with another profile are read back and handed to the rule,
in file order; the rule compares the titles themselves, so a hash that collides by
chance costs a few profiles read back, never a wrong finding. Every other profile
would give the rule nothing to report: none of its aliases has a second profile.
"""

from __future__ import annotations

import marshal
from array import array
from pathlib import Path
from types import SimpleNamespace

from ..diagnostics import Location

# Buckets of the first pass over the alias hashes: 2**24 bits, 2 MB, so that a catalog's few
# hundred thousand aliases leave most buckets holding one alias.
_BUCKETS = 1 << 24
# Numbers of (hash, owner) pairs held in memory before they are written out: 32,768 pairs, 512 KB.
_PAIRS_HELD = 1 << 16


class AliasClaims:
    def __init__(self) -> None:
        # (hash of an alias's normalised title, number of the profile that claims it), in pairs:
        # written to a second unnamed file a block at a time, since 16 bytes an alias in memory
        # were 6 MB at 25,000 profiles, a fifth of what the main process then grew by.
        self._pairs = array("q")
        self._pairs_file = None
        self._offsets = array("q")  # where each profile's entry starts in the spill file
        self._written = 0
        self._spill = None

    def add(self, path: Path, shown: str, code: str, rows: list, strings: list[str]) -> None:
        """One profile's aliases: rows of (title, line, col, item line, item col, normalised title)."""
        if not rows:
            return
        if self._spill is None:
            import tempfile

            self._spill = tempfile.TemporaryFile()
        owner = len(self._offsets)
        self._offsets.append(self._written)
        # marshal, not JSON: this unnamed file is written and read back by this process alone, and
        # encoding every profile's aliases as JSON (and asking the file where it stood) was a
        # second of a warm re-lint of 25,000 profiles.
        entry = marshal.dumps((str(path), shown, code, [(strings[r[0]], *r[1:5]) for r in rows]))
        self._spill.write(entry)
        self._written += len(entry)
        # A title a profile lists twice under two spellings is one claim of its own: only other
        # profiles' claims matter here, and repeats would fill the buckets shared() looks at twice.
        pairs = self._pairs
        for value in {hash(strings[row[5]]) for row in rows}:
            pairs.append(value)
            pairs.append(owner)
        if len(pairs) >= _PAIRS_HELD:
            self._write_pairs()

    def _write_pairs(self) -> None:
        if self._pairs_file is None:
            import tempfile

            self._pairs_file = tempfile.TemporaryFile()
        self._pairs_file.write(self._pairs.tobytes())
        self._pairs = array("q")

    def _every_pair(self):
        """(hash, owner) of every alias added, in the order added, a block at a time."""
        if self._pairs_file is not None:
            self._pairs_file.seek(0)
            while block := self._pairs_file.read(_PAIRS_HELD * 8):
                read = array("q")
                read.frombytes(block)
                yield from zip(read[::2], read[1::2])
        pairs = self._pairs
        yield from zip(pairs[::2], pairs[1::2])

    def shared(self) -> list["AliasView"]:
        """The profiles that claim an alias another profile may claim too, in file order."""
        # Sorting every hash (or keeping a set of them) would hold one Python int per alias: at
        # 25,000 profiles about 30 MB on top of the run, the main process's peak. A bitmap of the
        # hashes' low bits (2 MB) marks each bucket once; only aliases in a bucket met twice, a
        # few thousand by chance in a catalog without shared titles, are grouped exactly.
        seen, mask = bytearray(_BUCKETS >> 3), _BUCKETS - 1
        twice: set[int] = set()
        for value, _ in self._every_pair():
            bucket = value & mask
            bit = 1 << (bucket & 7)
            if seen[bucket >> 3] & bit:
                twice.add(bucket)
            else:
                seen[bucket >> 3] |= bit
        del seen
        claimants: dict[int, set[int]] = {}
        if twice:
            for value, owner in self._every_pair():
                if value & mask in twice:
                    claimants.setdefault(value, set()).add(owner)
        wanted = {owner for group in claimants.values() if len(group) > 1 for owner in group}
        views = []
        if wanted:
            spill = self._spill
            spill.flush()
            for owner in sorted(wanted):
                spill.seek(self._offsets[owner])
                path, shown, code, rows = marshal.load(spill)
                views.append(AliasView(Path(path), shown, code, rows))
        return views

    def close(self) -> None:
        for name in ("_spill", "_pairs_file"):
            if getattr(self, name) is not None:
                getattr(self, name).close()
                setattr(self, name, None)


class AliasView:
    """A profile as the alias rule (JD104) reads it: code, alias titles and where each is written.

    It holds those facts and no parsed document; hits on it go through the suppression
    comments its unit recorded. It is its own ``model``: the rule asks ``loaded.model.code``
    once per claim.
    """

    __slots__ = ("path", "doc", "code", "_titles")

    def __init__(self, path: Path, shown: str, code: str, rows: list):
        self.path = path
        self.code = code
        self._titles = tuple(row[0] for row in rows)
        self.doc = _Places(shown, rows)

    @property
    def model(self) -> "AliasView":
        return self

    @property
    def title_aliases(self) -> list:
        return [SimpleNamespace(title=title) for title in self._titles]


class _Places:
    """The places of a profile's alias titles, answering ``where`` as its SourceDoc would for them."""

    __slots__ = ("file", "_rows")
    text = ""  # no comments of its own to read: the unit recorded them

    def __init__(self, file: str, rows: list):
        self.file = file
        self._rows = tuple(tuple(row[1:5]) for row in rows)

    def where(self, path, *, key: bool = False) -> Location:
        if len(path) >= 2 and path[0] == "title_aliases" and isinstance(path[1], int) and path[1] < len(self._rows):
            line, col, item_line, item_col = self._rows[path[1]]
            return Location(self.file, line, col) if path[2:] == ("title",) else Location(self.file, item_line, item_col)
        return Location(self.file, 1, 1)
