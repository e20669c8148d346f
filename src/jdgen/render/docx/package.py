"""Reading a .docx that someone else made: checked as a whole, then unpacked part by part within limits.

Every .docx jdgen reads is untrusted: a company's reference document comes with the
catalog (a pull request from a fork may change it), and ``render --check`` reads the
postings committed to the output folder. A zip archive can claim anything, so
:class:`Package` first checks its directory as a whole, before any member is unpacked:
the size of the directory itself, the number of members, their names (relative part
names, no ``..``, backslash, colon or control character, no two alike), encryption,
the compression method and the ratio of unpacked to packed size. Members are then
unpacked only when a caller asks for them, streamed with a cap on each one and on the
total, so memory stays within the limits below whatever the file declares; the
standard library's reader already stops at the declared size and checks the CRC.

XML parts go through one parser that loads no DTD, resolves no entity, builds no huge
tree and never touches the network, and a part that declares a DTD at all is refused:
Word never writes one, and entity declarations are where billion-laughs and XXE attacks
start. Every problem is one :class:`~jdgen.errors.UnreadableDocxError` line.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from jdgen.diagnostics import quoted
from jdgen.errors import UnreadableDocxError, os_reason
from jdgen.render.docx.opc import Rel, parse_rels_root, rels_name

MiB = 1 << 20
MAX_MEMBERS = 1000            # Word writes a few dozen; one per image beyond that
MAX_DIRECTORY = 1 * MiB       # the zip's central directory, parsed whole by zipfile
MAX_MEMBER = 32 * MiB         # one unpacked member; a reference's styles.xml is well under 1 MiB
MAX_TOTAL = 128 * MiB         # everything unpacked from one package
MAX_RATIO, RATIO_FLOOR = 200, 1 * MiB   # XML deflates about 10:1; zeros 1000:1
_CHUNK = 1 * MiB
_HINT = "save it again from Word or LibreOffice as .docx"
_EOCD, _EOCD64_LOCATOR = b"PK\x05\x06", b"PK\x06\x07"
_BAD_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\\:]|^/|(^|/)\.{0,2}(/|$)")
_DOCTYPE = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _mib(size: int) -> str:
    return f"{size / MiB:,.0f} MiB" if size >= MiB else f"{size:,} bytes"


class Package:
    """An untrusted .docx, opened for reading: its member names, and each member on demand.

    ``label`` starts every message ("reference document /path/brand.docx"). Use it as a
    context manager, or call :meth:`close`.
    """

    def __init__(self, source: Path | bytes, label: str):
        self.label = label
        self._cache: dict[str, bytes] = {}
        self._read = 0
        try:
            stream = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")
        except FileNotFoundError:
            raise UnreadableDocxError(f"{label} does not exist", reason="it does not exist") from None
        except IsADirectoryError:
            raise UnreadableDocxError(f"{label} is a folder, not a .docx file", reason="it is a folder") from None
        except OSError as exc:
            raise UnreadableDocxError(f"{label} cannot be read ({os_reason(exc)})", reason="it cannot be read") \
                from None
        self._stream = stream
        try:
            self._check_directory(stream)
            self._zip = zipfile.ZipFile(stream)
            self._members = self._check_members(self._zip.infolist())
        except UnreadableDocxError:
            stream.close()
            raise
        except zipfile.BadZipFile:
            stream.close()
            raise self.error("it is not a zip archive") from None
        except (OSError, EOFError, ValueError, struct.error, NotImplementedError) as exc:
            stream.close()
            raise self.error(f"its zip directory is damaged ({one_line(str(exc))})") from None

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        self._stream.close()

    # ------------------------------------------------------------------ the archive as a whole

    def error(self, reason: str) -> UnreadableDocxError:
        """The one-line error for this package: '{label} is not a valid .docx file: {reason}'."""
        return UnreadableDocxError(f"{self.label} is not a valid .docx file: {reason}", hint=_HINT, reason=reason)

    def _check_directory(self, stream) -> None:
        """Refuse a central directory too large to parse, before zipfile parses all of it.

        zipfile finds the end-of-directory record the same way (the last 22 bytes, else the
        last signature within the 64 KiB a comment may take) and then reads the whole
        directory it names into memory, one object per entry.
        """
        size = stream.seek(0, io.SEEK_END)
        start = max(size - 22 - 0xFFFF, 0)
        stream.seek(start)
        tail = stream.read()
        at = len(tail) - 22 if tail[-22:-18] == _EOCD and tail[-2:] == b"\0\0" else tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            raise zipfile.BadZipFile
        if start + at >= 20:
            stream.seek(start + at - 20)
            if stream.read(4) == _EOCD64_LOCATOR:
                raise self.error("it is a Zip64 archive, which jdgen does not read")
        directory = struct.unpack("<I", tail[at + 12:at + 16])[0]
        if directory > MAX_DIRECTORY:
            raise self.error(f"its zip directory takes {_mib(directory)} (jdgen reads at most {_mib(MAX_DIRECTORY)})")
        stream.seek(0)

    def _check_members(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > MAX_MEMBERS:
            raise self.error(f"it has {len(infos):,} members (jdgen reads at most {MAX_MEMBERS:,})")
        members: dict[str, zipfile.ZipInfo] = {}
        seen: set[str] = set()
        for info in infos:
            name = info.filename
            if _BAD_NAME.search(name.rstrip("/")) or not name.rstrip("/"):
                raise self.error(f"member name {quoted(name)} is not a part name "
                                 "(a relative path without '..', '\\', ':' or control characters)")
            if name.casefold() in seen:        # part names are equal regardless of case
                raise self.error(f"it has two members named {quoted(name)}")
            seen.add(name.casefold())
            if info.flag_bits & 0x41:          # bit 0: encrypted; bit 6: strong encryption
                raise self.error(f"member {quoted(name)} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.error(f"member {quoted(name)} uses compression method {info.compress_type}, "
                                 "which Word does not write")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
                raise self.error(f"member {quoted(name)} claims to unpack {_mib(info.compress_size)} to "
                                 f"{_mib(info.file_size)}, more than {MAX_RATIO} to 1 (a zip bomb?)")
            if not info.is_dir():
                members[name] = info
        return members

    # ------------------------------------------------------------------ members

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def __getitem__(self, name: str) -> bytes:
        """The unpacked member ``name`` (KeyError when there is none), within the limits."""
        if name not in self._cache:
            self._cache[name] = self._unpack(self._members[name])
        return self._cache[name]

    def get(self, name: str) -> bytes | None:
        return self[name] if name in self._members else None

    def _unpack(self, info: zipfile.ZipInfo) -> bytes:
        name = quoted(info.filename)
        if info.file_size > MAX_MEMBER:
            raise self.error(f"member {name} would unpack to {_mib(info.file_size)} "
                             f"(jdgen reads at most {_mib(MAX_MEMBER)} from one member)")
        if self._read + info.file_size > MAX_TOTAL:
            raise self.error(f"the parts jdgen reads would unpack to more than {_mib(MAX_TOTAL)}")
        chunks, size = [], 0
        try:
            with self._zip.open(info) as member:
                # zipfile stops at the declared size; the cap holds even if it did not.
                while chunk := member.read(min(_CHUNK, info.file_size - size + 1)):
                    size += len(chunk)
                    if size > info.file_size:
                        raise self.error(f"member {name} unpacks to more than it declares")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise self.error(f"member {name} is damaged ({one_line(str(exc))})") from None
        self._read += size
        return b"".join(chunks)

    # ------------------------------------------------------------------ XML parts

    def xml(self, name: str) -> etree._Element:
        """The part ``name`` parsed: no DTD, no entities, no network; KeyError when there is none."""
        return self.parse(self[name], name)

    def parse(self, data: bytes, name: str) -> etree._Element:
        """``data`` (the content of part ``name``) parsed as :meth:`xml` does."""
        if any(mark in data for mark in _DOCTYPE):     # before libxml2 reads the declarations
            raise self._doctype(name)
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise self.error(f"part {quoted(name)} is not well-formed XML ({one_line(exc.msg or str(exc))})") \
                from None
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
            raise self._doctype(name)
        return root

    def _doctype(self, name: str) -> UnreadableDocxError:
        return self.error(f"part {quoted(name)} declares a DTD (Word never writes one; "
                          "jdgen refuses entity declarations)")

    def rels(self, part: str) -> list[Rel]:
        """The relationships of ``part`` ("" for the package's own); [] when it has none."""
        name = rels_name(part)
        return parse_rels_root(self.xml(name)) if name in self._members else []


def one_line(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
