"""Reading a posting file of any format jdgen knows into a :class:`~jdgen.documents.model.Document`.

The format comes from the extension (:data:`~jdgen.documents.source.FORMATS`); bytes
without a name (standard input) are sniffed instead. Each format's parser is imported
only when a file of that format is read.

Measured with ``benchmarks/bench_documents.py`` (2 shared cores, load about 4): a 1 MB
paragraph reads in 0.02-0.05 s in every text format; files at the structure limits (5,000
Markdown bullets, 10,000 HTML list items, HTML nested 10,000 levels, 5,000 .docx
paragraphs) in 0.1-0.7 s; files far beyond them (100,000 bullets, 50,000 headings) are
refused in under 0.01 s. One case is still over a second: 1 MB of HTML entities
(140,000 of them) takes about 1.3 s.
"""

from __future__ import annotations

from pathlib import Path

import re

from .model import Document
from .source import MAX_FILE_BYTES, check_structure, decode, format_of, read_file, sniff, too_large


def read_document(path: str | Path) -> Document:
    """The posting at ``path``, read by its extension (.md .markdown .txt .text .html .htm .docx).

    ``path`` is kept as given, for every location. Errors are one line each: an
    extension jdgen does not read, a missing or non-regular file (SourceError, exit 2), a
    file too large, empty, binary or not UTF-8/UTF-16 (InvalidInputError, exit 1), a
    broken .docx (UnreadableDocxError, exit 2).
    """
    shown = str(path)
    format = format_of(shown)
    data = read_file(Path(path), shown, _limit(format), lambda size: _too_large(shown, format, size))
    return _read(data, shown, format)


def read_document_bytes(data: bytes, name: str) -> Document:
    """The posting in ``data`` (standard input: ``name`` is "-"), its format sniffed from the bytes."""
    format = sniff(data)
    if len(data) > _limit(format):
        raise _too_large(name, format, len(data))
    return _read(data, name, format)


def _limit(format: str) -> int:
    if format == "docx":
        from ..render.docx.package import MAX_TOTAL
        return MAX_TOTAL
    return MAX_FILE_BYTES


def _too_large(name: str, format: str, size: int):
    if format == "docx":
        from ..errors import UnreadableDocxError
        from ..render.docx.package import MAX_TOTAL, MiB
        reason = f"it takes {size / MiB:,.0f} MiB (jdgen reads at most {MAX_TOTAL // MiB} MiB)"
        return UnreadableDocxError(f"{name} is not a valid .docx file: {reason}", reason=reason)
    return too_large(name, size)


# A page declares its language on its root element; only the start of the file is looked at.
_HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2})(?![A-Za-z])", re.IGNORECASE)


def _read(data: bytes, shown: str, format: str) -> Document:
    from .sections import build

    if format == "docx":
        if not data.strip():
            from .source import empty
            raise empty(shown)
        from .word import read_docx
        return build(shown, format, read_docx(data, shown))
    text = decode(data, shown)
    check_structure(text, shown, format)
    if format == "html":
        from dataclasses import replace

        from .html import read_html
        found, title = read_html(text, shown)
        declared = _HTML_LANG.search(text, 0, 4096)
        return replace(build(shown, format, found, title),
                       language=declared.group(1).lower() if declared else None)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if format == "markdown":
        from .markdown import read_markdown
        return build(shown, format, read_markdown(text, shown))
    from .text import read_text
    return build(shown, format, read_text(text, shown))
