"""A catalog's own ``posting.html.j2``, held to what a posting page may contain.

The body of the page is safe by construction (see :mod:`jdgen.render.links`), but a
catalog that replaces the page template writes the rest of the page itself, and could
write ``<a href="ms-msdt:...">``, ``<script>``, ``onclick=`` or a ``<form>``. A script
can navigate anywhere, so limiting links alone would guarantee nothing: the page is
re-written from an allow-list instead. Elements, attributes and URL schemes not on it
are dropped (the text inside an unknown element stays; scripts, frames, embedded
objects, SVG and MathML go with their content), and each kind of drop is reported once.

The page is parsed with the standard library's HTML parser and serialized again from
what it parsed, so a construct that this parser and a browser read differently cannot
survive into the output: the browser reads jdgen's canonical re-writing, not the
template's text. Only a catalog's own page template is re-written; jdgen's built-in one
is trusted and its pages stay byte for byte as they were.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .links import Dropped, LINK_HINT, link_problem, report

TEMPLATE = "posting.html.j2"
_GLOBAL = frozenset({"id", "class", "lang", "dir", "title", "style", "role", "hidden", "translate"})
_ELEMENTS: dict[str, frozenset[str]] = {name: frozenset(extra.split()) for name, extra in {
    "html": "xmlns", "head": "", "body": "", "title": "", "style": "media",
    "meta": "charset name content property itemprop", "link": "rel href type media sizes hreflang",
    "script": "type", "article": "", "section": "", "header": "", "footer": "", "main": "", "nav": "",
    "aside": "", "div": "", "span": "", "p": "", "h1": "", "h2": "", "h3": "", "h4": "", "h5": "", "h6": "",
    "ul": "", "ol": "start reversed type", "li": "value", "dl": "", "dt": "", "dd": "", "strong": "", "em": "",
    "b": "", "i": "", "u": "", "s": "", "small": "", "sub": "", "sup": "", "mark": "", "abbr": "",
    "time": "datetime", "br": "", "hr": "", "wbr": "", "blockquote": "cite", "q": "cite", "cite": "",
    "pre": "", "code": "", "kbd": "", "samp": "", "var": "", "address": "", "del": "cite datetime",
    "ins": "cite datetime", "figure": "", "figcaption": "", "img": "src alt width height loading decoding",
    "a": "href rel target hreflang type", "table": "", "caption": "", "colgroup": "span", "col": "span",
    "thead": "", "tbody": "", "tfoot": "", "tr": "", "th": "colspan rowspan scope headers",
    "td": "colspan rowspan headers", "details": "open", "summary": "",
}.items()}
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Dropped together with everything inside them: what they hold is code, a document or markup
# of another language, never the posting's text.
_WITH_CONTENT = frozenset({"script", "iframe", "object", "applet", "svg", "math", "template", "noscript",
                           "noembed", "noframes", "xmp", "plaintext", "textarea", "select", "frameset"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
_JSON_LD = "application/ld+json"
# The parser takes any bytes as a tag or attribute name; a warning names only plain ones.
_PLAIN_NAME = re.compile(r"[a-z][a-z0-9-]{0,30}")
_ELEMENT_HINT = "a posting page carries no scripts, frames, forms or embedded objects"
_ATTRIBUTE_HINT = "a posting page carries no event handlers or other active attributes"


class _Rewriter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []      # the element being dropped with its content, nested repeats
        self.raw: str | None = None        # inside <script type=ld+json> or <style>: text is not HTML

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        if self.skipping:
            if tag == self.skipping[0] and not closed:
                self.skipping.append(tag)
            return
        first: dict[str, str | None] = {}
        for name, value in attrs:       # a browser reads the first of repeated attributes
            first.setdefault(name, value)
        is_json = tag == "script" and (first.get("type") or "").strip().lower() == _JSON_LD
        if tag not in _ELEMENTS or (tag == "script" and not is_json):
            shown = _shown(tag)
            report(Dropped(TEMPLATE, f"{_a(shown)} <{shown}> element" if shown else "an element with an unusual name",
                           "is dropped", _ELEMENT_HINT, f"<{shown}" if shown else ""))
            if tag in _WITH_CONTENT and not closed:
                self.skipping.append(tag)
            return
        kept = []
        for name, value in first.items():
            if name not in _GLOBAL and name not in _ELEMENTS[tag] and not (name.startswith("aria-") and _shown(name)):
                shown = _shown(name)
                report(Dropped(TEMPLATE, f"the {shown}= attribute of {_a(tag)} <{tag}>" if shown else
                               f"an attribute with an unusual name on {_a(tag)} <{tag}>", "is dropped",
                               _ATTRIBUTE_HINT, shown))
                continue
            problem = link_problem(value or "") if name in _URL_ATTRIBUTES else None
            if problem is not None:
                report(Dropped(TEMPLATE, f"{_a(tag)} <{tag} {name}> to {problem}", "is dropped", LINK_HINT,
                               problem if problem.endswith(":") and " " not in problem else ""))
                continue
            kept.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
        self.out.append(f"<{' '.join([tag, *kept])}>")
        if closed and tag not in _VOID:   # <div/> opens a div in HTML: close it, as was meant
            self.out.append(f"</{tag}>")
        elif tag in ("script", "style"):
            self.raw = tag

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
        if tag == self.raw:
            self.raw = None
        if tag in _ELEMENTS and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.raw == "script":   # JSON: \u003c is '<' inside a string and cannot end the element
            self.out.append(data.replace("<", "\\u003c"))
        elif self.raw == "style":  # CSS: \3c is '<'
            self.out.append(data.replace("<", "\\3c "))
        else:
            self.out.append(html.escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        if decl.lower().startswith("doctype html"):
            self.out.append("<!DOCTYPE html>")

    # Comments, processing instructions and CDATA sections are left out: an old browser's
    # conditional comment is markup, and none of them is part of a posting.
    def handle_comment(self, data: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _shown(name: str) -> str:
    return name if _PLAIN_NAME.fullmatch(name) else ""


def guard_page(page: str) -> str:
    """``page`` re-written with only allowed elements, attributes and link addresses."""
    rewriter = _Rewriter()
    rewriter.feed(page)
    rewriter.close()
    return "".join(rewriter.out)
