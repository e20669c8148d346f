"""Read a posting file (Markdown, plain text, HTML or .docx) into titled sections of plain-text pieces.

::

    from jdgen.documents import read_document
    document = read_document("posting.docx")
    for piece in document.pieces():
        print(piece.location, piece.kind, piece.text)

The readers share one shape (:mod:`.model`) and one choice of title and sections
(:mod:`.sections`); headings get their kind from a data table (:mod:`.headings`). Reading
runs nothing, fetches nothing, and opens no file but the one named.
"""

from __future__ import annotations

from .model import Document, Piece, Section
from .reader import read_document, read_document_bytes
from .source import FORMATS

__all__ = ["Document", "FORMATS", "Piece", "Section", "read_document", "read_document_bytes"]
