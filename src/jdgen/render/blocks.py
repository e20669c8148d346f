"""Where a template's unclosed block was opened.

Jinja notices an unclosed ``{% if %}`` only where it runs out of template, or at the end
tag of an outer block ("a nesting mistake"), and reports that line; the person editing
the template needs the line the block was opened on. This module finds it with Jinja's
own lexer and hands it to :func:`jdgen.render.env.render_template` for the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2

# Tags that open a block Jinja expects to be closed by end<tag>; ``set`` only in its block
# form, {% set x %}...{% endset %}. ``raw`` is absent: the lexer itself reports an unclosed one.
_BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans", "set"})
_OPENERS, _CLOSERS = frozenset("([{"), frozenset(")]}")
_INNERMOST = re.compile(r"The innermost block that needs to be closed is '(\w+)'")


@dataclass(frozen=True)
class OpenBlock:
    """A block tag still open where Jinja gave up, and where it was opened (1-based)."""

    tag: str
    line: int
    col: int
    cut_by: str | None = None  # the end tag of an outer block that came first, e.g. "endif"
    cut_line: int | None = None


def open_block_behind(env: jinja2.Environment, exc: jinja2.TemplateSyntaxError) -> OpenBlock | None:
    """The unclosed block a syntax error is really about, or None when it is about something else.

    Jinja notices an unclosed block only where it runs out of template, or at the end tag of
    an outer block ("a nesting mistake"), and reports that line; the person needs the line
    the block was opened on.
    """
    innermost = _INNERMOST.search(exc.message or "")
    at_end = (exc.message or "").startswith("Unexpected end of template")
    if innermost is None or not (at_end or "nesting mistake" in exc.message) or not exc.name or env.loader is None:
        return None
    try:
        # The failing template may be one that the rendered template includes or extends.
        source, _, _ = env.loader.get_source(env, exc.name)
    except (jinja2.TemplateNotFound, OSError, UnicodeDecodeError):
        return None
    block = unclosed_block(env, source)
    # Only trust the scan where it agrees with Jinja on which block and where Jinja stopped.
    if block is None or block.tag != innermost[1] or (block.cut_by is None) != at_end:
        return None
    return block if at_end or block.cut_line == exc.lineno else None


def unclosed_block(env: jinja2.Environment, source: str) -> OpenBlock | None:
    """The innermost block still open where Jinja stops reading ``source``, or None.

    Jinja stops at the end of the template, or at the first end tag that belongs to a block
    other than the innermost open one. Uses Jinja's own lexer, so comments, raw blocks,
    whitespace control and the environment's delimiters are read as Jinja reads them.
    """
    try:
        tokens = [(line, kind, value) for line, kind, value in env.lex(source) if kind != "whitespace"]
    except jinja2.TemplateSyntaxError:
        return None
    stack: list[tuple[str, int, int]] = []  # tag, line, which same-named tag on that line
    seen: dict[tuple[int, str], int] = {}
    for i, (line, kind, _) in enumerate(tokens[:-1]):
        if kind != "block_begin" or tokens[i + 1][1] != "name":
            continue
        tag = tokens[i + 1][2]
        nth = seen[line, tag] = seen.get((line, tag), -1) + 1
        if tag in _BLOCK_TAGS and not (tag == "set" and _assigns(tokens, i + 2)):
            stack.append((tag, line, nth))
        elif tag.startswith("end") and tag[3:] in _BLOCK_TAGS and stack:
            if stack[-1][0] != tag[3:]:
                return _opened(env, source, *stack[-1], cut_by=tag, cut_line=line)
            stack.pop()
    return _opened(env, source, *stack[-1]) if stack else None


def _assigns(tokens: list[tuple[int, str, str]], start: int) -> bool:
    """Whether the {% set %} whose arguments begin at ``start`` assigns a value (no block follows)."""
    depth = 0
    for _, kind, value in tokens[start:]:
        if kind == "block_end":
            return False
        if kind == "operator":
            depth += (value in _OPENERS) - (value in _CLOSERS)
            if value == "=" and depth == 0:
                return True
    return False


def _opened(env: jinja2.Environment, source: str, tag: str, line: int, nth: int, **cut) -> OpenBlock:
    """The block, with the column of its opening delimiter (1 when the line cannot be read back)."""
    starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", source))]  # Jinja's idea of a line break
    line_start = starts[line - 1]
    line_end = starts[line] if line < len(starts) else len(source) + 1
    # Blank out comments and raw blocks (keeping offsets) so that a tag quoted inside one is not counted.
    bs, be = re.escape(env.block_start_string), re.escape(env.block_end_string)
    hidden = re.compile(rf"{re.escape(env.comment_start_string)}.*?{re.escape(env.comment_end_string)}"
                        rf"|{bs}[-+]?\s*raw\s*[-+]?{be}.*?{bs}[-+]?\s*endraw\s*[-+]?{be}", re.S)
    visible = hidden.sub(lambda m: re.sub(r"[^\r\n]", " ", m[0]), source)
    opening = re.compile(rf"{bs}[-+]?\s*{re.escape(tag)}\b")
    cols = [m.start() - line_start + 1 for m in opening.finditer(visible, line_start) if m.start() < line_end]
    return OpenBlock(tag, line, cols[nth] if nth < len(cols) else 1, **cut)
