"""A posting file's bytes and text: which files are postings, and one clear line for each that cannot be read.

The input is untrusted (a careers page saved from the web, an ATS export): only a regular
file is read, through the same bounded helper as catalog files
(:func:`jdgen.filesystem.containment.read_regular`), never more than the limit, and nothing
it names (a link, an image, a style sheet) is ever opened.

Text is UTF-8, with or without a byte-order mark, or UTF-16 with one. Nothing else is
guessed: a cp1252 file decoded as UTF-8 fails at its first curly quote and is reported
there, while silently guessing cp1252 (or Latin-1, which accepts every byte) would turn a
UTF-8 file with one bad byte into mojibake and move every column after it, so a finding
would point at the wrong word.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, Location
from ..errors import InvalidInputError, SourceError

# The same bound as catalog files (jdgen.catalog.yaml_source.MAX_FILE_BYTES, which this
# folder may not import; a test keeps the two equal): a posting is a few kilobytes.
MAX_FILE_BYTES = 1_000_000

# A posting has a few hundred lines and blocks. The parsers cost time per block
# (markdown-it-py about 20-40 microseconds a line, html.parser as much a tag), so a
# 1 MB file of 100,000 one-word bullets would take seconds: beyond these counts a file is
# refused before it is parsed, and every file jdgen does read is read in well under a second.
# Lint then reads every piece through a dozen rules (about 0.4 ms a bullet), so the counts match
# what a catalog file may hold (2,000 list items): a 1 MB posting lints in under 2 s
# (benchmarks/bench_posting_files.py).
MAX_LINES = 2_000
MAX_TAGS = 8_000
MAX_PARAGRAPHS = 2_000
# markdown-it-py spends about 0.1 ms per inline mark (emphasis, link, code, entity, HTML):
# 1 MB of "**a** [b](c)" would take twenty seconds. Postings use a few hundred.
MAX_MARKUP = 10_000
_MARKUP = "*_[`&<"

FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
           ".html": "html", ".htm": "html", ".docx": "docx"}
_FORMAT_LIST = ".md, .markdown, .txt, .html, .htm or .docx"

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def format_of(path: str) -> str:
    """The format the file's extension names; SourceError when jdgen does not read it."""
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise SourceError(f"{path}: jdgen reads postings as {_FORMAT_LIST}")
    return found


def sniff(data: bytes) -> str:
    """The format of bytes without a name (standard input): a zip is a .docx, "<" first is HTML, else Markdown."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    for bom, codec in _BOMS:
        if data.startswith(bom):
            head = data[len(bom):len(bom) + 4096].decode(codec, "ignore")
            break
    else:
        head = data[:4096].decode("utf-8", "ignore")
    return "html" if head.lstrip().startswith("<") else "markdown"


def read_file(path: Path, shown: str, limit: int, too_big=None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit``; one line for every way it fails.

    ``too_big(size)`` words the error for a file over the limit (:func:`too_large` by default).
    """
    from ..filesystem.containment import read_input

    raw, size = read_input(path, shown, limit, "a posting file")
    if len(raw) > limit:
        raise (too_big or (lambda n: too_large(shown, n)))(max(size, len(raw)))
    return raw


def too_large(shown: str, size: int) -> InvalidInputError:
    return InvalidInputError([Diagnostic(
        Location(shown, 1, 1),
        f"file is {size / 1_000_000:.1f} MB, larger than the {MAX_FILE_BYTES // 1_000_000} MB jdgen reads",
        "a posting is a few kilobytes; check that this is the right file",
    )])


def decode(raw: bytes, shown: str) -> str:
    """The text of a posting in a text format, without its byte-order mark.

    Refused with the line and column of the first bad character: bytes that are not
    UTF-8 (UTF-16 needs its byte-order mark), a NUL (a binary file named like text), and
    a file with nothing but white space.
    """
    codec, skip = "utf-8", 0
    for bom, name in _BOMS:
        if raw.startswith(bom):
            codec, skip = name, len(bom)
            break
    try:
        text = raw[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        before = raw[skip:skip + exc.start].decode(codec)
        bad = raw[skip + exc.start:skip + exc.end]
        which = "UTF-8" if codec == "utf-8" else "UTF-16"
        raise InvalidInputError([Diagnostic(
            _position(shown, before, len(before)),
            f"byte 0x{bad[0]:02x} is not valid {which}",
            "save the file as UTF-8; jdgen does not guess other encodings",
        )]) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise InvalidInputError([Diagnostic(
            _position(shown, text, nul),
            "byte 0x00 (NUL) is not text: this looks like a binary file",
            "save the posting as UTF-8 text, or as .docx",
        )])
    if not text.strip():
        raise empty(shown)
    return text


def check_structure(text: str, shown: str, format: str) -> None:
    """Refuse, before parsing, a text posting with far more lines (or HTML tags) than any posting has."""
    import re

    if format == "html":
        checks = [(sum(1 for _ in re.finditer(r"</?[A-Za-z]", text)), MAX_TAGS, "tags")]
    else:
        checks = [(text.count("\n") + 1, MAX_LINES, "lines")]
    if format == "markdown":
        checks.append((sum(text.count(mark) for mark in _MARKUP), MAX_MARKUP, "markup characters (*, _, [, `, &, <)"))
    for count, limit, what in checks:
        if count > limit:
            raise too_many(shown, count, limit, what)


def too_many(shown: str, count: int, limit: int, what: str) -> InvalidInputError:
    return InvalidInputError([Diagnostic(
        None, f"{shown}: the file has {count:,} {what}, more than the {limit:,} jdgen reads in a posting",
        "a posting has a few hundred; check that this is the right file",
    )])


def empty(shown: str) -> InvalidInputError:
    return InvalidInputError([Diagnostic(None, f"{shown}: the file is empty",
                                         "a posting needs at least a title or a paragraph")])


def _position(shown: str, text: str, index: int) -> Location:
    """The 1-based line and column (in characters) of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return Location(shown, line, index - (text.rfind("\n", 0, index) + 1) + 1)
