"""Plain text with white space collapsed, and the table that maps it back to the file.

Every reader hands over a piece's text as chunks, each with the file position of its
first character: a stretch copied from the file as written (whose characters follow one
another in the file, line breaks included), or an atomic chunk the file spells another way
(an entity, an escaped character). :func:`collapse` joins them into the piece's text and
records a run wherever the next character is not simply the next one in the file: after
a line break, after two spaces or a tab, at each chunk. Text without such places costs one
run, and everything here is a handful of regex passes per chunk: linear in the text, with
no Python loop over characters.
"""

from __future__ import annotations

import re
from typing import Iterable

from .model import Run

# A chunk: (text, line, col, atomic). Columns and lines are 1-based.
Chunk = tuple[str, int, int, bool]

# Words separated by single spaces: within one, the text is the file, character for character.
_STRETCH = re.compile(r"\S+(?: \S+)*")


def collapse(chunks: Iterable[Chunk]) -> tuple[str, tuple[Run, ...]]:
    """The plain text of ``chunks`` (white space runs as one space, none at either end) and its runs."""
    parts: list[str] = []
    runs: list[Run] = []
    length = 0
    space = False  # white space seen since the last character written
    for text, line, col, atomic in chunks:
        if atomic:
            if not text.strip():
                space = space or bool(text)
                continue
            inner = " ".join(text.split())
            if (space or text[:1].isspace()) and length:
                parts.append(" ")
                length += 1
            runs.append((length, line, col, True))
            parts.append(inner)
            length += len(inner)
            space = text[-1:].isspace()
            continue
        for k, segment in enumerate(text.split("\n")):
            if k:
                line, col, space = line + 1, 1, True
            at = 0
            for match in _STRETCH.finditer(segment):
                if (space or match.start() > at) and length:
                    parts.append(" ")
                    length += 1
                runs.append((length, line, col + match.start(), False))
                stretch = match.group()
                parts.append(stretch)
                length += len(stretch)
                at, space = match.end(), False
            if at < len(segment):
                space = True
    return "".join(parts), tuple(runs)
