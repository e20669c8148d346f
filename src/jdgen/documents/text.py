"""Reading a plain-text posting: bullets are items, short title-like lines are headings, the rest paragraphs.

Plain text has no markup, so the reader goes by how postings pasted from Word, e-mail or
an ATS look:

* a line starting with ``-``, ``*``, ``•``, ``·``, ``–`` or ``1.`` / ``1)`` and a space is a
  list item; the lines after it that are indented, and not bullets themselves, continue it;
* a line is a heading when it is short (at most eight words), does not end like a
  sentence (``.``, ``!``, ``?``, ``;`` or ``,``), and ends with a colon with nothing after
  it, is written in capitals, or is in the heading table ("Benefits");
* the first line of the file is the title when it is short and not a sentence and a blank
  line or the end follows it: a posting pasted as text starts with the job title;
* other lines are paragraphs, consecutive lines joined into one, up to a blank line.
"""

from __future__ import annotations

import re

from ..diagnostics import Location
from .headings import heading_kind
from .model import Piece
from .runs import Chunk, collapse

MAX_HEADING_WORDS = 8
_BULLET = re.compile(r"^(\s*)(?:[-*\u2022\u00b7\u2013]|\d{1,3}[.)])\s+(?=\S)")
_SENTENCE_END = ".!?;,"


def read_text(text: str, path: str) -> list[tuple[Piece, int]]:
    """The pieces of a plain-text posting in file order, each with its heading level (0 when not a heading)."""
    found: list[tuple[Piece, int]] = []
    block: list[Chunk] = []
    block_kind = "paragraph"
    item_indent = 0

    def flush() -> None:
        nonlocal block
        if block:
            joined, runs = collapse(block)
            if joined:
                found.append((Piece(joined, block_kind, Location(path, runs[0][1], runs[0][2]), runs=runs), 0))
        block = []

    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped:
            flush()
            continue
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            block_kind, item_indent = "item", len(bullet.group(1))
            block = [(line[bullet.end():], number, bullet.end() + 1, False)]
            continue
        if block and block_kind == "item" and indent > item_indent:
            block += [("\n", number, 1, True), (line[indent:], number, indent + 1, False)]
            continue
        title = number == 1 and _short_title(stripped) and (len(lines) == 1 or not lines[1].strip())
        if title or _is_heading(stripped):
            flush()
            joined, runs = collapse([(line[indent:], number, indent + 1, False)])
            found.append((Piece(joined, "heading", Location(path, number, indent + 1), runs=runs), 1 if title else 0))
            continue
        if block_kind != "paragraph":
            flush()
        block_kind = "paragraph"
        if block:
            block.append(("\n", number, 1, True))  # the line break between two lines of a paragraph
        block.append((line[indent:], number, indent + 1, False))
    flush()
    return found


def _short_title(line: str) -> bool:
    return len(line.split()) <= MAX_HEADING_WORDS and line[-1] not in _SENTENCE_END


def _is_heading(line: str) -> bool:
    if not _short_title(line):
        return False
    if line.endswith(":"):
        return True
    if line.isupper() and len(line) > 1:  # capitals: every cased character upper, and there is one
        return True
    return heading_kind(line) is not None
