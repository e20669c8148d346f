"""Hand-built zip archives for the DOCX security tests: any name, size, flag or stream a file can claim.

The standard library's zipfile writes only honest archives, so these are laid out with
``struct``: each member says what the test wants it to say (declared size, CRC, flags,
compression method), whatever its stream holds.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MiB = 1 << 20


@dataclass
class Member:
    name: str
    data: bytes = b""             # the content; deflated here unless ``stream`` is given
    stream: bytes | None = None   # an already deflated (or stored) stream
    size: int | None = None       # declared unpacked size; default len(data)
    crc: int | None = None        # declared CRC-32; default that of data
    flags: int = 0
    method: int = zipfile.ZIP_DEFLATED


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


@lru_cache(maxsize=1)
def zeros(mib: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``mib`` MiB of zeros (about 1 KiB per MiB) and its CRC-32, in little memory.

    One MiB is compressed and the stream flushed to a byte boundary with the history
    reset, so the same block can be repeated; the zeros themselves are never all in memory.
    """
    chunk = bytes(MiB)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    return block * mib + packer.flush(), crc


def build_zip(members: list[Member], *, directory_size: int | None = None) -> bytes:
    """A zip archive of ``members`` in order, duplicates and all."""
    body, directory = bytearray(), bytearray()
    for m in members:
        stream = m.stream if m.stream is not None else (deflated(m.data) if m.method else m.data)
        size = len(m.data) if m.size is None else m.size
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        name = m.name.encode("utf-8")
        flags = m.flags | 0x800
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, m.method, 0, 33, crc, len(stream), size,
                            len(name), 0) + name + stream
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, m.method, 0, 33, crc,
                                 len(stream), size, len(name), 0, 0, 0, 0, 0, offset) + name
    count = len(members)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count,
                      len(directory) if directory_size is None else directory_size, len(body), 0)
    return bytes(body + directory + end)


def members_of(path: Path | bytes) -> dict[str, bytes]:
    """The members of a trusted .docx (one jdgen shipped or wrote in this test)."""
    import io

    with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def tree(root: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes | None]:
    """Every path under ``root`` (but the top-level names in ``skip``) with its bytes; None for folders."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(root.rglob("*")) if p.relative_to(root).parts[0] not in skip}
