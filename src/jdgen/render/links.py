"""Which links a posting may carry, and the one Markdown parser that enforces it.

A posting links only to ``https:``, ``http:`` and ``mailto:`` addresses. Catalog data
cannot make links (every value is escaped for Markdown, and addresses are checked on
load, see :mod:`jdgen.catalog.addresses`), but a catalog's own ``templates/posting.md.j2`` can
write any Markdown: ``[Verify](ms-msdt:...)``, ``<javascript:...>``, raw ``<a href>``.

HTML, the JSON-LD description and DOCX are all made from the Markdown's syntax tree,
and all of them parse it with :func:`markdown_parser`. A core rule of that parser
removes every link whose address is not allowed, keeping its text, and turns an image
with such an address into its alt text; the HTML renderer and the DOCX hyperlink builder
therefore never see one. markdown-it's own ``validateLink`` is told to accept
everything: a link it refuses stays in the text as ``[x](javascript:...)`` and nobody
hears of it, whereas this rule reports what it drops. Raw HTML is parsed as its own
tokens (``html`` on) so that it is never mixed into text, and neither renderer turns it
into markup; a raw tag that would make a link or run something is reported too.

What was dropped is collected per posting (:func:`collecting`), because the same
Markdown is parsed once per format and the warning should name the posting once.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator

ALLOWED_SCHEMES = ("https", "http", "mailto")
TEMPLATE = "posting.md.j2"      # the template every parsed Markdown comes from
# An address that is allowed: the scheme, then for the web a host, for mail an address.
_ALLOWED = re.compile(r"(?:https?://[^/\\?#\s]|mailto:[^?\s])", re.IGNORECASE)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]{0,31}):")
# What a browser ignores in an attribute's address before reading its scheme (URL standard).
_STRIPPED_ENDS = "".join(map(chr, range(0x21)))
_REMOVED_INSIDE = re.compile("[\t\n\r]")
# A raw HTML tag that would link, load or run something if it were markup.
_RAW_ACTIVE = re.compile(r"<\s*(a|area|base|embed|form|frame|iframe|img|link|math|meta|object|script|svg)\b"
                         r"|\s(href|src|action|formaction|srcdoc|on[a-z]+)\s*=", re.IGNORECASE)


@dataclass(frozen=True)
class Dropped:
    """One thing a template put into a posting that the posting does not carry as written.

    Every text is made by jdgen from fixed words and checked names (a scheme, a tag), never
    copied from the template, so that a warning cannot carry the template's own bytes.
    """

    template: str       # the template's name, e.g. posting.md.j2
    what: str           # "a link to ms-msdt:"
    outcome: str        # "is dropped, its text kept"
    hint: str           # how to write it instead
    needle: str = ""    # text to look for in the template to place a lint finding; "" if unknown

    def warning(self, template_path: str, posting: str) -> str:
        return f"{template_path}: {self.what} in posting {posting} {self.outcome} ({self.hint})"


LINK_HINT = "postings link only to https, http and mailto addresses"
RAW_HINT = "postings show raw HTML as text; write Markdown, with links to https, http or mailto addresses"


_dropped: ContextVar[list[Dropped] | None] = ContextVar("jdgen_dropped_links", default=None)


@contextmanager
def collecting() -> Iterator[list[Dropped]]:
    """Collect, without repeats, what the renderers drop while the block runs."""
    found: list[Dropped] = []
    token = _dropped.set(found)
    try:
        yield found
    finally:
        _dropped.reset(token)


def report(item: Dropped) -> None:
    found = _dropped.get()
    if found is not None and item not in found:
        found.append(item)


def link_problem(address: str) -> str | None:
    """None for an address a posting may link to, else what it is: ``ms-msdt:``, ``a relative address``.

    Leading and trailing controls and spaces and any tab or line break are ignored first,
    as browsers ignore them, so that ``java&#9;script:`` is seen as ``javascript:``.
    """
    address = _REMOVED_INSIDE.sub("", address.strip(_STRIPPED_ENDS))
    if _ALLOWED.match(address):
        return None
    scheme = _SCHEME.match(address)
    if scheme is None:
        return "a relative address"
    name = scheme.group(1).lower()
    return f"an incomplete {name}: address" if name in ALLOWED_SCHEMES else f"{name}:"


def is_allowed(address: str) -> bool:
    return link_problem(address) is None


def _keep_safe_links(state) -> None:
    """Core rule: drop disallowed links (keeping their text) and images; report raw active HTML."""
    for block in state.tokens:
        if block.type == "html_block":
            _check_raw(block.content)
        if block.type != "inline" or not block.children:
            continue
        kept, dropping = [], []
        for child in block.children:
            if child.type == "link_open":
                problem = link_problem(str(child.attrs.get("href", "")))
                dropping.append(problem is not None)
                if problem is None:
                    kept.append(child)
                else:
                    report(Dropped(TEMPLATE, f"a link to {problem}", "is dropped, its text kept", LINK_HINT,
                                   _needle(problem)))
            elif child.type == "link_close":
                if not (dropping and dropping.pop()):
                    kept.append(child)
            elif child.type == "image" and link_problem(str(child.attrs.get("src", ""))) is not None:
                problem = link_problem(str(child.attrs.get("src", "")))
                report(Dropped(TEMPLATE, f"an image from {problem}", "is dropped, its alt text kept", LINK_HINT,
                               _needle(problem)))
                child.type, child.tag, child.attrs, child.children, child.nesting = "text", "", {}, None, 0
                kept.append(child)     # its content is the alt text
            else:
                if child.type == "html_inline":
                    _check_raw(child.content)
                kept.append(child)
        block.children = kept


def _check_raw(html: str) -> None:
    match = _RAW_ACTIVE.search(html)
    if match:
        what = f"a raw HTML <{match.group(1).lower()}> tag" if match.group(1) else \
            f"a raw HTML {match.group(2).lower()}= attribute"
        report(Dropped(TEMPLATE, what, "shows as text, not as markup", RAW_HINT,
                       f"<{match.group(1)}" if match.group(1) else match.group(2)))


def _needle(problem: str) -> str:
    return problem if problem.endswith(":") and " " not in problem else ""


def markdown_parser():
    """A new CommonMark parser whose every link passed :func:`link_problem` (callers cache it)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "linkify": False})
    md.validateLink = lambda url: True     # decided, and reported, by the core rule instead
    md.core.ruler.push("jdgen_safe_links", _keep_safe_links)
    return md
