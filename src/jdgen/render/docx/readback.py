"""Reading a .docx back as styled paragraphs: for golden files, tests and text comparisons.

Only the main document's body paragraphs are read; the styles part maps style ids back
to the names Word shows. Nothing here is needed to write a document. The bytes may be a
committed file from the output folder, so they are opened as an untrusted
:class:`~jdgen.render.docx.package.Package`: only the four parts needed are unpacked,
within its limits, and any problem is an :class:`~jdgen.errors.UnreadableDocxError`.
"""

from __future__ import annotations

from jdgen.diagnostics import quoted
from jdgen.errors import UnreadableDocxError
from jdgen.render.docx.opc import W, resolve, w_val
from jdgen.render.docx.package import Package

_W = "{%s}" % W


def read_paragraphs(data: bytes) -> list[tuple[str, str, int | None]]:
    """(style name, text, numbering level or None) of every body paragraph of a .docx.

    Text includes hyperlinks' text; tabs read as ``\\t``, line breaks as ``\\n``; the
    zero-width spaces jdgen puts into long words are removed. Built-in names stored in
    lower case (``heading 1``, ``footer``) read as Word shows them (``Heading 1``).
    """
    with Package(data, "document") as parts:
        main = next((resolve("", r.target) for r in parts.rels("") if r.reltype.endswith("/officeDocument")),
                    "word/document.xml")
        if main not in parts:
            raise UnreadableDocxError(f"document has no {quoted(main)} part", reason=f"it has no {quoted(main)} part")
        names: dict[str, str] = {}
        for rel in parts.rels(main):
            if rel.reltype.endswith("/styles") and resolve(main, rel.target) in parts:
                for style in parts.xml(resolve(main, rel.target)).iterfind(_W + "style"):
                    label = w_val(style.find(_W + "name")) or ""
                    names[style.get(_W + "styleId", "")] = label[:1].upper() + label[1:]
        document = parts.xml(main)
    out = []
    for p in document.iter(_W + "p"):
        style_id = w_val(p.find(f"{_W}pPr/{_W}pStyle"))
        ilvl = w_val(p.find(f"{_W}pPr/{_W}numPr/{_W}ilvl"))
        text = "".join((el.text or "") if el.tag == _W + "t" else ("\t" if el.tag == _W + "tab" else "\n")
                       for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"))
        out.append((names.get(style_id, style_id) if style_id else "Normal", text.replace("\u200b", ""),
                    int(ilvl) if ilvl is not None and ilvl.isdigit() else None))
    return out


def docx_text_dump(data: bytes) -> str:
    """'style | text' per body paragraph, one per line, for golden files and diffs.

    Hyperlinks' text is included; hard line breaks show as ``\\n``. A list paragraph on a
    numbering level other than the first shows it (``List Bullet [level 2] | text``);
    jdgen nests lists with the ``List Bullet 2`` / ``List Number 2`` styles on level 1 of
    their own numbering, so for its output the style name carries the depth.
    """
    lines = []
    for style, text, ilvl in read_paragraphs(data):
        level = f" [level {ilvl + 1}]" if ilvl else ""
        lines.append(f"{style}{level} | {text}".replace("\n", "\\n"))
    return "".join(line + "\n" for line in lines)


def docx_paragraph_texts(data: bytes) -> list[str]:
    """The texts of the body paragraphs in order, empty ones skipped, zero-width spaces removed."""
    return [text for _, text, _ in read_paragraphs(data) if text.strip()]


def docx_core_properties(data: bytes) -> bytes | None:
    """The ``docProps/core.xml`` part of a .docx, unpacked within the limits; None when it has none."""
    with Package(data, "document") as parts:
        return parts.get("docProps/core.xml")
