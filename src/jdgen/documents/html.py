"""Reading an HTML posting (a careers page saved from the browser, an ATS export) with the standard library's parser.

:class:`html.parser.HTMLParser` fetches nothing and runs nothing: it only reports tags and
text with their line and column. Scripts, styles, templates, ``noscript`` and embedded
objects are skipped. When the page has a ``<main>`` or an ``<article>``, only the text
inside them is read (a careers page wraps the posting in a site around it); otherwise
``<nav>``, ``<header>`` and ``<footer>`` are skipped.

Headings are ``<h1>``–``<h6>``, and a paragraph whose text is all bold (``<b>``,
``<strong>``) and short, or whose first line before a ``<br>`` is; list items are ``<li>``;
any other block (``<p>``, ``<div>``, a table cell...) is a paragraph. ``<title>`` is the
title when the page has no ``<h1>``.

Entities are decoded by :func:`html.unescape`, the function the parser itself uses, applied
to each entity of the source span of a text so that every other character keeps its exact
column. The parser's end-tag handling is kept linear on broken markup (10,000 unclosed
tags): an end tag with nothing open of its name is ignored without a search.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from html import unescape as _unescape
from html.parser import HTMLParser

from ..diagnostics import Location
from .model import Piece
from .runs import Chunk, collapse

MAX_HEADING_WORDS = 8
# The references html.unescape decodes (the same pattern as the standard library's).
_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_SKIP = frozenset({"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas", "select",
                   "head"})
_CONTENT = frozenset({"main", "article"})
_CHROME = frozenset({"nav", "header", "footer"})
_BOLD = frozenset({"b", "strong"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
# Elements whose depth decides how text inside them is read, kept as counters: no search per text.
_CATEGORY = {**dict.fromkeys(_SKIP, "skip"), **dict.fromkeys(_CONTENT, "content"), **dict.fromkeys(_CHROME, "chrome"),
             **dict.fromkeys(_BOLD, "bold"), "li": "li"}
_BLOCKS = frozenset({"p", "li", "ul", "ol", "dl", "dt", "dd", "div", "section", "article", "main", "header", "footer",
                     "nav", "aside", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote",
                     "pre", "form", "fieldset", "figure", "figcaption", "address", "hr", "body", "html", "title",
                     "details", "summary", "center", *_HEADINGS})


@lru_cache(maxsize=4096)  # pages repeat a few entities (&amp;, &nbsp;) thousands of times
def unescape(reference: str) -> str:
    return _unescape(reference)


def read_html(text: str, path: str) -> tuple[list[tuple[Piece, int]], Piece | None]:
    """The pieces of an HTML posting in file order with their heading levels, and the ``<title>`` as a piece."""
    reader = _Reader(text, path)
    reader.feed(text)
    reader.close()
    reader.finish()
    keep = reader.seen_content
    found = [(piece, level) for piece, level, in_content, in_chrome in reader.found
             if (in_content if keep else not in_chrome)]
    return found, reader.title


class _Reader(HTMLParser):
    def __init__(self, text: str, path: str):
        super().__init__(convert_charrefs=True)
        self.source = text
        self.path = path
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[str] = []
        self.open: dict[str, int] = {}
        self.depth = dict.fromkeys(("skip", "content", "chrome", "bold", "li"), 0)
        self.headings: list[int] = []
        self.found: list[tuple[Piece, int, bool, bool]] = []
        self.seen_content = False
        self.title: Piece | None = None
        self.title_chunks: list[Chunk] | None = None
        self.chunks: list[Chunk] = []
        self.kind = ""
        self.all_bold = True
        self.pending: tuple[str, int] | None = None  # text reported, whose source span ends at the next event

    # ------------------------------------------------------------------ positions

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def place(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self.line_starts, offset) - 1
        return k + 1, offset - self.line_starts[k] + 1

    def settle(self, end: int | None = None) -> None:
        """Give the text reported last its chunks, now that the next event tells where its source ends."""
        if self.pending is None:
            return
        data, start = self.pending
        self.pending = None
        span = self.source[start:self._here() if end is None else end]
        chunks: list[Chunk] = []
        last = 0
        for match in _REFERENCE.finditer(span):
            if match.start() > last:
                chunks.append((span[last:match.start()], *self.place(start + last), False))
            chunks.append((unescape(match.group()), *self.place(start + match.start()), True))
            last = match.end()
        if last < len(span):
            chunks.append((span[last:], *self.place(start + last), False))
        if "".join(chunk[0] for chunk in chunks) != data:  # the parser read it otherwise: keep the text, place it at its start
            chunks = [(data, *self.place(start), True)]
        self.add(chunks, data)

    def add(self, chunks: list[Chunk], data: str) -> None:
        if self.title_chunks is not None:
            self.title_chunks.extend(chunks)
            return
        if self.depth["skip"]:
            return
        if data.strip():
            if not self.kind:
                self.kind = "heading" if self.headings else "item" if self.depth["li"] else "paragraph"
            if not self.depth["bold"]:
                self.all_bold = False
        self.chunks.extend(chunks)

    # ------------------------------------------------------------------ blocks

    def flush(self, bold_heading: bool = False) -> None:
        chunks, kind, all_bold = self.chunks, self.kind, self.all_bold
        self.chunks, self.kind, self.all_bold = [], "", True
        if not kind:
            return
        text, runs = collapse(chunks)
        if not text:
            return
        level = self.headings[-1] if kind == "heading" and self.headings else 0
        if kind == "paragraph" and all_bold and _short(text):
            kind = "heading"
        elif bold_heading:
            self.chunks, self.kind, self.all_bold = chunks, kind, all_bold
            self.chunks.append((" ", *self.place(self._here()), True))
            return
        piece = Piece(text, kind, Location(self.path, runs[0][1], runs[0][2]), runs=runs)
        self.found.append((piece, level, self.depth["content"] > 0, self.depth["chrome"] > 0))

    # ------------------------------------------------------------------ parser events

    def handle_data(self, data: str) -> None:
        self.settle()
        self.pending = (data, self._here())

    def handle_starttag(self, tag: str, attrs) -> None:
        self.settle()
        if tag == "br":
            # "<b>Requirements</b><br>...": a bold first line is a heading; any other break is a space.
            self.flush(bold_heading=True)
            return
        if tag in _BLOCKS:
            self.flush()
        if tag in _VOID:
            return
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in _CATEGORY:
            self.depth[_CATEGORY[tag]] += 1
        if tag in _HEADINGS:
            self.headings.append(_HEADINGS[tag])
        elif tag in _CONTENT:
            self.seen_content = True
        elif tag == "title" and self.title is None:
            self.title_chunks = []

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.settle()
        if not self.open.get(tag):
            return
        if tag in _BLOCKS:
            self.flush()
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top in _CATEGORY:
                self.depth[_CATEGORY[top]] -= 1
            if top in _HEADINGS:
                self.headings.pop()
            if top == "title" and self.title_chunks is not None:
                text, runs = collapse(self.title_chunks)
                self.title_chunks = None
                if text:
                    self.title = Piece(text, "heading", Location(self.path, runs[0][1], runs[0][2]), runs=runs)
            if top == tag:
                break

    def handle_comment(self, data: str) -> None:
        self.settle()

    def handle_decl(self, decl: str) -> None:
        self.settle()

    def handle_pi(self, data: str) -> None:
        self.settle()

    def unknown_decl(self, data: str) -> None:
        self.settle()

    def finish(self) -> None:
        self.settle(end=len(self.source))
        self.flush()


def _short(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and text[-1] not in ".!?;,"
