"""A posting as jdgen reads it: a title and titled sections of paragraphs and list items.

Every reader (Markdown, plain text, HTML, DOCX) produces the same shapes, so lint rules
and ``jdgen import`` never ask which format a posting came in. A piece carries where it
starts in the file, and a table that maps positions in its plain text back to the file
(:meth:`Piece.locate`), so that a finding about a word three lines into a wrapped
paragraph with a link before it still points at that word.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator

from ..diagnostics import Location

# One run of a piece's text: (offset in the text, line, col, atomic). The text from the
# offset on lies in the file from (line, col) on, one character for one character, up to
# the next run; an atomic run is one the file writes differently (an entity such as
# "&amp;", a character from "\\*"), so every offset in it is placed at its start.
Run = tuple[int, int, int, bool]


@dataclass(frozen=True)
class Piece:
    """One heading, paragraph or list item, as the reader sees it.

    ``text`` is plain: inline markup removed, entities decoded, any run of white space
    (line breaks included) written as one space. ``location`` is where the piece's text
    starts in the file (after a list marker or a heading's ``#``).

    In a .docx there are no lines: ``location.line`` is the paragraph's number, counting
    from 1 every paragraph of the body in document order, table-cell paragraphs and empty
    paragraphs included, and ``col`` is 1; ``quote`` is the paragraph's first words, which
    a person can search for in Word.
    """

    text: str
    kind: str  # "heading" | "paragraph" | "item"
    location: Location
    quote: str = ""
    runs: tuple[Run, ...] = field(default=(), repr=False, compare=False)

    def locate(self, start: int, end: int) -> Location:
        """Where ``text[start:end]`` starts in the file.

        Exact line and column for Markdown, plain text and HTML, through inline markup,
        entities and line wraps; the piece's own start when the offset is outside the text
        or the reader had no finer position (a .docx paragraph).
        """
        if not self.runs or not 0 <= start < max(len(self.text), 1) or end < start:
            return self.location
        i = bisect_right(self.runs, (start, float("inf"))) - 1
        if i < 0:
            return self.location
        offset, line, col, atomic = self.runs[i]
        return Location(self.location.file, line, col if atomic else col + start - offset)


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs and items under it, up to the next heading.

    ``heading`` is None for the text before the first heading. ``kind`` is what the
    heading table (:mod:`jdgen.documents.headings`) recognises, or None.
    """

    heading: Piece | None
    kind: str | None
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Document:
    """A posting file read into sections.

    ``title`` is the first level-1 heading (Markdown ``#``, HTML ``<h1>``, the "Title"
    style in Word), else the HTML ``<title>``, else the first heading. When the title is
    a heading the table does not recognise, it opens no section: the text after it, up to
    the next heading, is the section without a heading. A recognised heading stays the
    heading of its section even when it is also the title (a posting that starts with
    "Responsibilities"), and :meth:`pieces` gives it once.
    """

    path: str
    format: str  # "markdown" | "text" | "html" | "docx"
    title: Piece | None
    sections: tuple[Section, ...]
    # The language the file says it is in (HTML's <html lang>), as a two-letter code, or None.
    language: str | None = None

    def pieces(self) -> Iterator[Piece]:
        """Every piece in reading order: the title, headings, paragraphs and items."""
        title = self.title
        if title is not None and any(section.heading is title for section in self.sections):
            title = None
        where = (title.location.line, title.location.col) if title is not None else None
        for section in self.sections:
            for piece in ((section.heading,) if section.heading else ()) + section.pieces:
                if title is not None and (piece.location.line, piece.location.col) > where:
                    yield title
                    title = None
                yield piece
        if title is not None:
            yield title
