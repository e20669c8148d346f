"""A quick parse of the plain Markdown postings are made of, token for token what markdown-it gives.

Parsing a posting's Markdown with markdown-it (pure Python, every block rule tried on
every line, nested lists re-tokenised) was the largest single cost of a DOCX in a batch.
Yet what the shipped template writes is a small part of CommonMark: ATX headings,
paragraphs, one-line ``-`` and ``1.`` list items, and a one-paragraph ``>`` quote (the draft
notice; in DOCX a bold line), in plain text with links to web and mail addresses, but
without other emphasis, code, images, entities or raw HTML.

:func:`plain_blocks` recognises exactly that, line by line, as a short list of block
records, or returns None the moment a line or a character is anything else, and the
caller parses with markdown-it as before. The DOCX writer reads the records as they are;
:func:`plain_tokens` builds from them the tokens markdown-it would (same types, tags,
maps, levels, markup and children), for HTML. It never guesses: every rule below names the CommonMark case it
stays clear of, and ``tests/test_plain_blocks.py`` compares it with markdown-it on every
shipped posting and on generated documents. A template that writes richer Markdown
loses nothing but the shortcut.
"""

from __future__ import annotations

import re

from markdown_it.common.normalize_url import normalizeLink
from markdown_it.token import Token

from .links import link_problem

# Characters that start inline syntax (escapes, code, emphasis, entities, raw HTML and
# autolinks), and control characters: tabs and carriage returns change how lines and
# indentation are read, NUL is replaced. Any of them: markdown-it decides.
_NOT_PLAIN = re.compile(r"[\\`_&<\x00-\x09\x0b-\x1f\x7f]")
# The one use of asterisks taken here: a paragraph that is one bold line, as DOCX's draft
# notice (jdgen.render.draft.docx_markdown). Any other asterisk: markdown-it.
_BOLD_LINE = re.compile(r"\*\*([^*\[\]\s](?:[^*\[\]]*[^*\[\]\s])?)\*\*")
# The one use of brackets taken here: an inline link with a plain label and an address
# without spaces, brackets or parentheses, and no title. Any other bracket: markdown-it.
_LINK = re.compile(r"\[([^\s\[\]](?:[^\[\]]*[^\s\[\]])?)\]\(([^\s()<>\[\]]+)\)")
_HEADING = re.compile(r"(#{1,6}) (\S(?:.*\S)?)")
# A line that may open or continue a plain paragraph: a letter, or a digit that is not a
# list marker ("5-8 years", not "1." or "2)"). Anything else could start another block.
_ORDERED_MARKER = re.compile(r"[0-9]+[.)]")
_ORDERED_ITEM = re.compile(r"([0-9]{1,9})\. (.+)")


def _plain_line(line: str) -> bool:
    """Text that can only be paragraph text, with nothing at either end that CommonMark or
    markdown-it would strip (leading spaces are indentation; str.strip() trims Unicode spaces)."""
    if not line or line != line.strip():
        return False
    first = line[0]
    if first.isalpha():
        return True
    return first.isdigit() and not _ORDERED_MARKER.match(line)


def _token(kind: str, tag: str, nesting: int, map_: list[int] | None, level: int, content: str, markup: str,
           block: bool, hidden: bool = False, children: list[Token] | None = None,
           attrs: dict | None = None) -> Token:
    """A Token as its constructor makes it, without the dataclass machinery (half the cost, and
    a posting has a few hundred tokens)."""
    token = object.__new__(Token)
    token.type, token.tag, token.nesting, token.attrs, token.map = kind, tag, nesting, attrs or {}, map_
    token.level, token.children, token.content, token.markup = level, children, content, markup
    token.info, token.meta, token.block, token.hidden = "", {}, block, hidden
    return token


def _text(content: str, level: int = 0) -> Token:
    return _token("text", "", 0, None, level, content, "", False)


def _block(kind: str, tag: str, nesting: int, start: int, end: int | None, level: int, markup: str = "",
           hidden: bool = False) -> Token:
    return _token(kind, tag, nesting, [start, end] if end is not None else None, level, "", markup, True, hidden)


class _NotPlain(Exception):
    """Raised inside the parse when a line needs markdown-it."""


def _line_parts(text: str) -> list[tuple[str, str | None]]:
    """One line as ``(text, None)`` and ``(label, address)`` parts: text, and links to allowed
    addresses; _NotPlain for anything else."""
    if "*" in text:
        raise _NotPlain
    if "[" not in text and "]" not in text:
        return [(text, None)]
    out: list[tuple[str, str | None]] = []
    at = 0
    for link in _LINK.finditer(text):
        before = text[at:link.start()]
        if "[" in before or "]" in before or before.endswith("!"):   # another bracket, or an image
            raise _NotPlain
        href = normalizeLink(link[2])
        if link_problem(href) is not None:        # dropped and reported by markdown-it's path
            raise _NotPlain
        if before:
            out.append((before, None))
        out.append((link[1], href))
        at = link.end()
    rest = text[at:]
    if "[" in rest or "]" in rest:
        raise _NotPlain
    if rest:
        out.append((rest, None))
    return out


def plain_blocks(text: str) -> list[tuple] | None:
    """The blocks of ``text`` when it is plain posting Markdown, else None.

    One tuple per block, in order, each line's inline content as :func:`_line_parts` gives it:

    * ``("heading", line, marks, text, parts)``
    * ``("quote", first line, end line, lines, parts of each line)``
    * ``("list", first line, end line, ordered, items)``, an item ``(number as written, text, parts)``
    * ``("bold", line, the line, the bold text)``
    * ``("para", first line, end line, lines, parts of each line)``

    The DOCX writer reads these directly; :func:`plain_tokens` turns them into markdown-it's tokens.
    """
    if _NOT_PLAIN.search(text):
        return None
    try:
        return _blocks(text)
    except _NotPlain:
        return None


def plain_tokens(text: str) -> list[Token] | None:
    """markdown-it's block tokens for ``text`` when it is plain posting Markdown, else None."""
    blocks = plain_blocks(text)
    return None if blocks is None else _tokens(blocks)


def _blocks(text: str) -> list[tuple] | None:
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    count = len(lines)
    blocks: list[tuple] = []
    at = 0
    while at < count:
        line = lines[at]
        if not line:
            at += 1
            continue
        if line[0] == "#":
            found = _HEADING.fullmatch(line)
            if found is None or found[2].endswith("#"):   # a closing sequence, or not a heading at all
                return None
            blocks.append(("heading", at, found[1], found[2], _line_parts(found[2])))
            at += 1
        elif line.startswith("> "):
            start = at
            quoted = []
            while at < count and lines[at].startswith(">"):
                rest = lines[at][2:] if lines[at].startswith("> ") else ""
                if not _plain_line(rest):
                    return None
                quoted.append(rest)
                at += 1
            if at < count and lines[at]:                  # a lazy continuation line
                return None
            blocks.append(("quote", start, at, quoted, [_line_parts(part) for part in quoted]))
        elif line.startswith("- ") or _ORDERED_ITEM.match(line):
            ordered = not line.startswith("- ")
            start = at
            items: list[tuple[str, str, list]] = []      # (number as written, text, parts)
            while at < count and (lines[at].startswith("-") or _ORDERED_MARKER.match(lines[at])):
                found = _ORDERED_ITEM.fullmatch(lines[at]) if ordered else None
                if ordered and found is None or not ordered and not lines[at].startswith("- "):
                    return None                     # another kind of list, or not an item
                number, rest = (found[1], found[2]) if found else ("", lines[at][2:])
                if not _plain_line(rest):
                    return None
                items.append((number, rest, _line_parts(rest)))
                at += 1
            if at < count and lines[at]:                  # a lazy continuation, or an interrupting block
                return None
            # A blank line ends the list unless another item follows it (then it is one loose list).
            end = at
            while end < count and not lines[end]:
                end += 1
            if end < count and (lines[end].startswith("-") or _ORDERED_MARKER.match(lines[end])):
                return None
            blocks.append(("list", start, end, ordered, items))
        elif line.startswith("**"):
            bold = _BOLD_LINE.fullmatch(line)
            if bold is None or at + 1 < count and lines[at + 1]:  # not one bold line, or not alone
                return None
            blocks.append(("bold", at, line, bold[1]))
            at += 1
        elif _plain_line(line):
            start = at
            while at < count and lines[at]:
                if not _plain_line(lines[at]):               # a heading, list or quote interrupting
                    return None
                at += 1
            blocks.append(("para", start, at, lines[start:at], [_line_parts(part) for part in lines[start:at]]))
        else:
            return None
    return blocks


# --- markdown-it's tokens for the blocks ----------------------------------------------------------


def _line_tokens(parts: list[tuple[str, str | None]]) -> list[Token]:
    out: list[Token] = []
    for text, href in parts:
        if href is None:
            out.append(_text(text))
        else:
            out += [_token("link_open", "a", 1, None, 0, "", "", False, attrs={"href": href}), _text(text, 1),
                    _token("link_close", "a", -1, None, 0, "", "", False)]
    return out


def _inline(lines: list[str], parts: list[list], start: int, end: int, level: int) -> Token:
    children: list[Token] = []
    for number, line in enumerate(parts):
        if number:
            children.append(_token("softbreak", "br", 0, None, 0, "", "", False))
        children += _line_tokens(line)
    return _token("inline", "", 0, [start, end], level, "\n".join(lines), "", True, children=children)


def _paragraph(lines: list[str], parts: list[list], start: int, end: int, level: int,
               hidden: bool = False) -> list[Token]:
    return [_block("paragraph_open", "p", 1, start, end, level, hidden=hidden),
            _inline(lines, parts, start, end, level + 1),
            _block("paragraph_close", "p", -1, 0, None, level, hidden=hidden)]


def _tokens(blocks: list[tuple]) -> list[Token]:
    tokens: list[Token] = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            _, at, marks, content, parts = block
            tag = f"h{len(marks)}"
            tokens += [_block("heading_open", tag, 1, at, at + 1, 0, marks),
                       _inline([content], [parts], at, at + 1, 1),
                       _block("heading_close", tag, -1, 0, None, 0, marks)]
        elif kind == "quote":
            _, start, end, lines, parts = block
            tokens.append(_block("blockquote_open", "blockquote", 1, start, end, 0, ">"))
            tokens += _paragraph(lines, parts, start, end, 1)
            tokens.append(_block("blockquote_close", "blockquote", -1, 0, None, 0, ">"))
        elif kind == "list":
            _, start, end, ordered, items = block
            # markdown-it's list and last item end at the next block, blank lines included.
            name, tag, markup = ("ordered_list", "ol", ".") if ordered else ("bullet_list", "ul", "-")
            opener = _block(f"{name}_open", tag, 1, start, end, 0, markup)
            if ordered and int(items[0][0]) != 1:
                opener.attrs = {"start": int(items[0][0])}
            tokens.append(opener)
            for offset, (number, item, parts) in enumerate(items):
                row = start + offset
                tokens.append(_block("list_item_open", "li", 1, row, end if offset == len(items) - 1 else row + 1,
                                     1, markup))
                tokens[-1].info = number
                tokens += _paragraph([item], [parts], row, row + 1, 2, hidden=True)
                tokens.append(_block("list_item_close", "li", -1, 0, None, 1, markup))
            tokens.append(_block(f"{name}_close", tag, -1, 0, None, 0, markup))
        elif kind == "bold":
            _, at, line, inner = block
            children = [_text(""), _token("strong_open", "strong", 1, None, 0, "", "**", False),
                        _text(inner, 1), _token("strong_close", "strong", -1, None, 0, "", "**", False), _text("")]
            tokens += [_block("paragraph_open", "p", 1, at, at + 1, 0),
                       _token("inline", "", 0, [at, at + 1], 1, line, "", True, children=children),
                       _block("paragraph_close", "p", -1, 0, None, 0)]
        else:
            _, start, end, lines, parts = block
            tokens += _paragraph(lines, parts, start, end, 0)
    return tokens
