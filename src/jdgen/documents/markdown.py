"""Reading a Markdown posting with markdown-it-py: headings, paragraphs, list items and table cells.

markdown-it gives each block the lines it spans (``token.map``) and each inline token its
text, but no columns. Columns are recovered without a second parser: an inline block's
content is its source lines with the block's indentation and markers removed, so each of
its lines is found in the matching source line, and each text token is found in the
content after the previous one. ``text_join`` is switched off so that an entity
("&amp;") or an escape ("\\*") stays a token of its own with the spelling it had in
the file.

Headings are ATX (``#``) and setext (underlined) headings, and a top-level paragraph whose
first line is only bold text of at most eight words, as ATS exports write them
("**Requirements:**"); the rest of such a paragraph stays a paragraph. Code blocks,
raw HTML blocks and images are not prose and are skipped.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from ..diagnostics import Location
from .model import Piece
from .runs import Chunk, collapse

MAX_HEADING_WORDS = 8
_BREAKS = ("softbreak", "hardbreak")
_BOLD_LINE_SKIP = ("text", "text_special", "em_open", "em_close", "code_inline")


@cache
def _parser():
    from markdown_it import MarkdownIt

    # The commonmark preset with tables (cells are prose) and without raw HTML rendering concerns:
    # html_inline tokens are skipped below, never interpreted.
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("text_join")


def read_markdown(text: str, path: str) -> list[tuple[Piece, int]]:
    """The pieces of a Markdown posting in file order, each with its heading level (0 when not a heading)."""
    lines = text.split("\n")
    used: dict[int, int] = {}  # line → column searched from: the cells of a table row share a line
    found: list[tuple[Piece, int]] = []
    list_depth = 0
    heading_level = 0
    in_cell = False
    for token in _parser().parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "inline" and token.map:
            located = _Located(token.content, lines, token.map[0], used)
            children = token.children or []
            if heading_level:
                _add(found, path, located, children, "heading", heading_level)
            elif list_depth and not in_cell:
                _add(found, path, located, children, "item", 0)
            else:
                split = _bold_first_line(children) if not in_cell else 0
                if split:
                    _add(found, path, located, children[:split], "heading", 0)
                    children = children[split:]
                _add(found, path, located, children, "paragraph", 0)
    return found


def _add(found: list, path: str, located: "_Located", children: list, kind: str, level: int) -> None:
    text, runs = collapse(located.chunks(children))
    if text:
        found.append((Piece(text, kind, Location(path, runs[0][1], runs[0][2]), runs=runs), level))


def _bold_first_line(children: list) -> int:
    """How many inline tokens make the first line when it is only bold text of a few words; 0 otherwise."""
    end = next((i for i, child in enumerate(children) if child.type in _BREAKS), len(children))
    line = [child for child in children[:end] if not (child.type == "text" and not child.content.strip())]
    if len(line) < 3 or line[0].type != "strong_open":
        return 0
    # "**Requirements**:" puts the colon after the bold text; allow that and nothing else.
    if line[-1].type == "text" and line[-1].content.strip() == ":":
        line = line[:-1]
    if line[-1].type != "strong_close" or any(child.type not in _BOLD_LINE_SKIP for child in line[1:-1]):
        return 0
    words = " ".join(child.content for child in line[1:-1]).split()
    if not words or len(words) > MAX_HEADING_WORDS or words[-1][-1] in ".!?":
        return 0
    return end + 1 if end < len(children) else end


class _Located:
    """An inline block's content, and where each of its characters is in the file."""

    def __init__(self, content: str, lines: list[str], first_line: int, used: dict[int, int]):
        self.content = content
        self.starts: list[int] = []
        self.places: list[tuple[int, int]] = []
        offset = 0
        for k, part in enumerate(content.split("\n")):
            number = first_line + k
            source = lines[number] if number < len(lines) else ""
            col = source.find(part, used.get(number, 0)) if part else -1
            if col >= 0:
                used[number] = col + len(part)
            self.starts.append(offset)
            self.places.append((number + 1, (col if col >= 0 else len(source) - len(source.lstrip())) + 1))
            offset += len(part) + 1
        self.cursor = 0

    def at(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self.starts, offset) - 1
        line, col = self.places[k]
        return line, col + offset - self.starts[k]

    def find(self, spelling: str) -> tuple[int, int] | None:
        at = self.content.find(spelling, self.cursor) if spelling else -1
        if at < 0:
            return None
        self.cursor = at + len(spelling)
        return self.at(at)

    def chunks(self, children: list) -> list[Chunk]:
        out: list[Chunk] = []
        for child in children:
            kind = child.type
            if kind == "text" and child.content:
                place = self.find(child.content)
                out.append((child.content, *(place or self.at(self.cursor)), place is None))
            elif kind == "text_special":
                place = self.find(child.markup) or self.at(self.cursor)
                out.append((child.content, *place, True))
            elif kind == "code_inline":
                place = self.find(child.content)
                out.append((child.content, *(place or self.at(self.cursor)), place is None or "\n" in child.content))
            elif kind in _BREAKS:
                out.append(("\n", *self.at(self.cursor), True))
            elif kind == "html_inline" and child.content[:3].lower() == "<br":
                out.append((" ", *self.at(self.cursor), True))
            elif kind == "html_inline":
                self.find(child.content)
        return out
