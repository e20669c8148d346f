"""Reading a .docx posting: paragraphs in document order, headings and list items from their styles.

The file is untrusted, so it is opened only through jdgen's hardened reader of foreign
.docx files (:class:`jdgen.render.docx.package.Package`: limits on every member, XML
without DTDs, entities or network), and only the main document part and its styles are
unpacked. Nothing else in the package (images, macros, embedded objects, links) is read.

Word has no lines, so a piece's location is the paragraph's number: every ``w:p`` of the
main document in document order, counting from 1, table-cell paragraphs and empty ones
included (a paragraph inside a text box follows the one that anchors it); the column is
always 1, and ``quote`` holds the paragraph's first words for Word's search box.

* A heading is a paragraph styled "Title" or "Heading N" (directly or through the style it
  is based on), one with an outline level, or a short paragraph whose text is all bold.
  "Title" is level 1; when the document has no Title paragraph, "Heading 1" is.
* A list item is a numbered or bulleted paragraph (``w:numPr``, in the paragraph or its
  style) or one with a "List ..." style.
* Everything else with text is a paragraph; tracked deletions are not text.
"""

from __future__ import annotations

import re

from ..diagnostics import Location, quoted
from .model import Piece
from .source import MAX_PARAGRAPHS, too_many

MAX_HEADING_WORDS = 8
QUOTE_CHARS = 40
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_FALSE = ("0", "false", "off", "none")


def read_docx(data: bytes, path: str) -> list[tuple[Piece, int]]:
    """The pieces of a .docx posting in document order, each with its heading level (0 when not a heading)."""
    from ..render.docx.opc import W, resolve
    from ..render.docx.package import Package

    w = "{%s}" % W
    with Package(data, path) as parts:
        main = next((resolve("", r.target) for r in parts.rels("") if r.reltype.endswith("/officeDocument")),
                    "word/document.xml")
        if main not in parts:
            raise parts.error(f"it has no {quoted(main)} part")
        styles = {}
        for rel in parts.rels(main):
            if rel.reltype.endswith("/styles") and resolve(main, rel.target) in parts:
                styles = _styles(parts.xml(resolve(main, rel.target)), w)
        document = parts.xml(main)
    body = document.find(w + "body")
    found: list[tuple[Piece, int, bool]] = []  # (piece, heading level, styled Title)
    if body is None:
        return []
    count = sum(1 for _ in body.iter(w + "p"))
    if count > MAX_PARAGRAPHS:
        raise too_many(path, count, MAX_PARAGRAPHS, "paragraphs")
    for number, p in enumerate(body.iter(w + "p"), start=1):
        text = " ".join(_text(p, w).split())
        if not text:
            continue
        ppr = p.find(w + "pPr")
        style = _style_of(styles, _val(ppr.find(w + "pStyle"), w) if ppr is not None else None)
        name = style["name"].lower()
        outline = _val(ppr.find(w + "outlineLvl"), w) if ppr is not None else None
        outline = int(outline) if outline and outline.isdigit() else style["outline"]
        heading = _HEADING_STYLE.match(name)
        level = 0
        kind = "paragraph"
        if name == "title":
            kind, level = "heading", 1
        elif heading:
            kind, level = "heading", int(heading.group(1))
        elif outline is not None and outline < 9:
            kind, level = "heading", outline + 1
        elif (ppr is not None and _numbered(ppr.find(w + "numPr"), w)) or style["list"] or name.startswith("list"):
            kind = "item"
        elif _all_bold(p, w, style["bold"]) and _short(text):
            kind = "heading"
        found.append((Piece(text, kind, Location(path, number, 1), _quote(text)), level, name == "title"))
    # With a Title paragraph, that is the title and "Heading 1" is a section: one level down.
    shift = 1 if any(title for _, _, title in found) else 0
    return [(piece, level + shift if level and not title else level) for piece, level, title in found]


def _styles(root, w: str) -> dict[str, dict]:
    """Paragraph style id → what matters here (name, outline level, list, bold), with basedOn resolved."""
    raw = {}
    for style in root.iterfind(w + "style"):
        ppr, rpr = style.find(w + "pPr"), style.find(w + "rPr")
        outline = _val(ppr.find(w + "outlineLvl"), w) if ppr is not None else None
        raw[style.get(w + "styleId", "")] = {
            "name": _val(style.find(w + "name"), w) or "",
            "based": _val(style.find(w + "basedOn"), w),
            "outline": int(outline) if outline and outline.isdigit() else None,
            "list": ppr is not None and _numbered(ppr.find(w + "numPr"), w),
            "bold": _on(rpr.find(w + "b"), w) if rpr is not None and rpr.find(w + "b") is not None else None,
        }
    resolved = {}
    for style_id, style in raw.items():
        merged, seen, current = dict(style), {style_id}, style
        while current["based"] in raw and current["based"] not in seen and len(seen) < 16:
            seen.add(current["based"])
            current = raw[current["based"]]
            if _HEADING_STYLE.match(current["name"]) or current["name"].lower() == "title":
                if not (_HEADING_STYLE.match(merged["name"]) or merged["name"].lower() == "title"):
                    merged["name"] = current["name"]
            for key in ("outline", "bold"):
                if merged[key] is None:
                    merged[key] = current[key]
            merged["list"] = merged["list"] or current["list"]
        resolved[style_id] = merged
    return resolved


_NORMAL = {"name": "Normal", "outline": None, "list": False, "bold": None}


def _style_of(styles: dict, style_id: str | None) -> dict:
    return styles.get(style_id or "", _NORMAL) if style_id else _NORMAL


def _val(element, w: str) -> str | None:
    return None if element is None else element.get(w + "val")


def _on(element, w: str) -> bool:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) as a boolean."""
    return element is not None and (element.get(w + "val") or "true").lower() not in _FALSE


def _numbered(numpr, w: str) -> bool:
    if numpr is None:
        return False
    num_id = _val(numpr.find(w + "numId"), w)
    return num_id is None or num_id != "0"


def _text(p, w: str) -> str:
    """The paragraph's own text (not that of a text box anchored in it): tabs and breaks as spaces."""
    out = []
    for element in p.iter(w + "t", w + "tab", w + "br", w + "cr", w + "noBreakHyphen"):
        if next(element.iterancestors(w + "p"), None) is not p:
            continue
        tag = element.tag[len(w):]
        out.append(element.text or "" if tag == "t" else "-" if tag == "noBreakHyphen" else " ")
    return "".join(out).replace("\u200b", "")


def _all_bold(p, w: str, style_bold: bool | None) -> bool:
    """Whether every run of the paragraph that has text is bold, by its own properties or the style's."""
    any_text = False
    for run in p.iter(w + "r"):
        if next(run.iterancestors(w + "p"), None) is not p:
            continue
        if not "".join(t.text or "" for t in run.iterfind(w + "t")).strip():
            continue
        any_text = True
        rpr = run.find(w + "rPr")
        bold = rpr.find(w + "b") if rpr is not None else None
        if not (_on(bold, w) if bold is not None else bool(style_bold)):
            return False
    return any_text


def _short(text: str) -> bool:
    return len(text.split()) <= MAX_HEADING_WORDS and text[-1] not in ".!?;,"


def _quote(text: str) -> str:
    """The first ~40 characters, cut at a word when one ends near there."""
    if len(text) <= QUOTE_CHARS:
        return text
    cut = text.rfind(" ", QUOTE_CHARS // 2, QUOTE_CHARS + 1)
    return text[:cut if cut > 0 else QUOTE_CHARS].rstrip() + "…"
