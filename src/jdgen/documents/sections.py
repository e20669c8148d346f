"""From the pieces a reader found, in file order, to a :class:`~jdgen.documents.model.Document`.

Each reader says, for a heading, its level (1 for a title-level heading, 2 and more for
the rest, 0 for a heading recognised by its look: a short bold line, a line in capitals).
Choosing the title and cutting the sections is the same for every format, so it is here.
"""

from __future__ import annotations

from typing import Sequence

from .headings import heading_kind
from .model import Document, Piece, Section
from .source import empty


def build(path: str, format: str, found: Sequence[tuple[Piece, int]], fallback_title: Piece | None = None) -> Document:
    """The document of ``found`` ((piece, heading level); level is ignored for other pieces)."""
    if not found and fallback_title is None:
        raise empty(path)
    headings = [(piece, level) for piece, level in found if piece.kind == "heading"]
    title = next((piece for piece, level in headings if level == 1), None) or fallback_title
    if title is None and headings:
        title = headings[0][0]
    sections: list[Section] = []
    heading: Piece | None = None
    kind: str | None = None
    pieces: list[Piece] = []
    for piece, _ in found:
        if piece.kind != "heading":
            pieces.append(piece)
            continue
        piece_kind = heading_kind(piece.text)
        if heading is not None or pieces:
            sections.append(Section(heading, kind, tuple(pieces)))
        heading, kind, pieces = piece, piece_kind, []
        if piece is title and piece_kind is None:
            heading = None  # the title names the posting: what follows it is a section without a heading
    if heading is not None or pieces:
        sections.append(Section(heading, kind, tuple(pieces)))
    return Document(path, format, title, tuple(sections))
