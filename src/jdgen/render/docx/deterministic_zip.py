"""Deterministic zip archives for .docx packages, written byte-for-byte reproducibly.

:func:`pack` always lays out the same entries the same way: a fixed order
(``[Content_Types].xml``, ``_rels/.rels``, then every other name sorted), the DOS
timestamp 1980-01-01 00:00, fixed attributes and one deflate level. Members are handed
in already deflated (:func:`deflate` returns an :class:`Entry`), so a part that never
changes, such as a reference document's theme or font table, is compressed once and
reused for every posting. The standard library's ``zipfile`` has no way to accept
pre-compressed data, which is why the local headers and the central directory are
written here with ``struct``; ``zipfile`` (and therefore python-docx) reads the result.
Reading a package someone else wrote is :mod:`jdgen.render.docx.package`'s job.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Iterable

COMPRESS_LEVEL = 6
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1          # 1980-01-01 00:00:00
_MADE_BY = (3 << 8) | 20                        # create_system 3 (Unix), zip spec 2.0
_EXTERNAL_ATTR = 0o100644 << 16                 # regular file, rw-r--r--
_FIRST = ("[Content_Types].xml", "_rels/.rels")


@dataclass(frozen=True, slots=True)
class Entry:
    """One pre-deflated zip member: CRC-32 and size of the raw bytes, and the raw deflate stream."""

    crc: int
    size: int
    data: bytes


def deflate(raw: bytes) -> Entry:
    """``raw`` as a zip member, compressed with a raw deflate stream at :data:`COMPRESS_LEVEL`."""
    packer = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY)
    return Entry(zlib.crc32(raw), len(raw), packer.compress(raw) + packer.flush())


def entry_order(names: Iterable[str]) -> list[str]:
    """The package's two index parts first (when present), then the other names sorted."""
    names = set(names)
    return [n for n in _FIRST if n in names] + sorted(names.difference(_FIRST))


def pack(entries: dict[str, Entry], order: list[str] | None = None) -> bytes:
    """A zip archive of ``entries``; the same entries always give the same bytes.

    ``order`` is ``entry_order(entries)`` when the caller has it already (a batch packs the
    same names again and again)."""
    body, directory = bytearray(), bytearray()
    names = order if order is not None else entry_order(entries)
    for name in names:
        member = entries[name]
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800       # bit 11: the name is UTF-8
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, zipfile.ZIP_DEFLATED, _DOS_TIME,
                            _DOS_DATE, member.crc, len(member.data), member.size, len(encoded), 0)
        body += encoded
        body += member.data
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _MADE_BY, 20, flags,
                                 zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, member.crc, len(member.data),
                                 member.size, len(encoded), 0, 0, 0, 0, _EXTERNAL_ATTR, offset)
        directory += encoded
    start = len(body)
    body += directory
    body += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(directory), start, 0)
    return bytes(body)
