"""Template filters. Pure functions, each unit-tested.

Markdown has no autoescape, so the Markdown environment escapes every value a template
prints (its ``finalize`` hook is :func:`md_escape`): a responsibility containing ``*``,
``_``, ``#``, ``<`` or ``[`` prints those characters and never creates markup.
Templates that need to emit markup from a value use the explicit filters below.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2.exceptions import TemplateRuntimeError
from markupsafe import Markup

from ..catalog.addresses import is_email_address

# Characters that start markup anywhere in a line (emphasis, code, links, autolinks,
# raw HTML, heading closers), and '&' only where it would read as an entity.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#]|&(?=#?[A-Za-z0-9]+;))")
# At the start of a value, which templates put at the start of a line or list item:
# list markers, block quotes, setext underlines and ordered-list numbers. A number is a list
# marker only with a space or the end of the line after its "." or ")" (CommonMark 5.2), so
# "80.000 €" at the start of a value stays as it is.
_MD_BLOCK_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)](?:[ \t]|$)))")
# Runs of white space become one space, except the no-break spaces CLDR puts into money and
# dates ("68 000 €"): they are there to keep a figure on one line.
_WHITESPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
# In a link destination: what would end it, open a new line, or hide in it.
_NOT_IN_DESTINATION = re.compile(r"[\s\x00-\x1f\x7f-\x9f()<>\\\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def printable(value: Any) -> Any:
    """``value``, unless it is a list or mapping, which would print as Python writes it.

    ``{{ skills }}`` in a catalog's template would put ``['Model design', ...]`` into a
    posting; that is always a template mistake, so it fails at the template's line.
    """
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        kind = "mapping" if isinstance(value, dict) else "list"
        raise TemplateRuntimeError(f"the template prints a whole {kind}, which would appear as Python writes it; "
                                   "loop over it with {% for item in ... %}, or print one of its fields")
    return value


def md_escape(value: Any) -> str:
    """Plain text as Markdown that renders to exactly that text, on one line."""
    if value is None:
        return ""
    printable(value)
    if isinstance(value, Markup):
        return str(value)
    text = str(value)
    # A batch prints the same headings, labels and items in posting after posting.
    return _escaped(text) if len(text) <= 2000 else _escape(text)


@lru_cache(maxsize=16384)
def _escaped(text: str) -> str:
    return _escape(text)


def _escape(text: str) -> str:
    text = _MD_INLINE.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip())
    match = _MD_BLOCK_START.match(text)
    if match:
        if match.group(1)[0].isdigit():  # "1. x" → "1\. x": a number, not a nested list
            end = match.end()
            return text[:end] + "\\" + text[end:]
        return "\\" + text
    return text


def md_url(value: Any) -> Markup:
    """A link destination: spaces, line breaks, controls, invisible characters and brackets
    percent-encoded (as UTF-8), nothing else touched, so that the value stays one destination.

    Addresses from catalog data are checked on load and never need this; it keeps a
    template that passes other text through ``md_url`` from starting new Markdown.
    """
    text = str(value).strip()
    return Markup(_NOT_IN_DESTINATION.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode("utf-8")), text))


FILTERS = {"md_url": md_url, "md": md_escape}


# An email address inside running text; checked against the catalog's own rule before linking.
_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def md_mailto(value: Any) -> Markup:
    """Plain text as Markdown, like :func:`md_escape`, with each email address a ``mailto:`` link.

    A bare address is not a link in HTML or DOCX (and markdownlint's MD034 flags it), and
    readers expect to click it. Only text that is one plain address by the catalog's own
    rule (:mod:`jdgen.catalog.addresses`) becomes a link; everything else is escaped.
    """
    if value is None:
        return Markup("")
    printable(value)
    text = _WHITESPACE.sub(" ", str(value)).strip()
    parts, pos = [], 0
    for match in _EMAIL_IN_TEXT.finditer(text):
        address = match[0]
        if not is_email_address(address):
            continue
        parts.append(_MD_INLINE.sub(r"\\\1", text[pos:match.start()]))
        shown = _MD_INLINE.sub(r"\\\1", address)
        parts.append(f"[{shown}](mailto:{md_url(address)})")
        pos = match.end()
    parts.append(_MD_INLINE.sub(r"\\\1", text[pos:]))
    joined = "".join(parts)
    block = _MD_BLOCK_START.match(joined)
    if block:
        joined = (joined[:block.end()] + "\\" + joined[block.end():]) if block.group(1)[0].isdigit() else "\\" + joined
    return Markup(joined)


FILTERS["md_mailto"] = md_mailto
