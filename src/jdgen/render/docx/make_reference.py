"""Generate reference documents: ``python -m jdgen.render.docx.make_reference OUT [--brand NAME] [--logo PNG]``.

The reference document carries the look of the DOCX postings: fonts, sizes, colours and
spacing live in its styles (never in direct formatting), and a company can start from it
in Word to make its own. It is built from python-docx's default template:

* Calibri body text at 10.5 pt, dark slate text, headings and title in a dark slate blue;
* real style definitions for everything jdgen uses (Title, Heading 1-3, List Bullet (2),
  List Number (2), Normal, Hyperlink, Verbatim Char, Quote, Header, Footer);
* list styles numbered through numbering.xml, bullets as plain "•" / "◦" (no Symbol font);
* none of the template's 130 table styles, thumbnail, custom XML or revision ids;
* a short sample body so the styles can be seen and edited (jdgen replaces the body).

A :class:`Brand` changes the fonts, colours and page-header line (a paragraph in the
"Header Line" style, ruled off from the page in the brand's colour); ``--brand northwind``
builds the example company's ``profiles/companies/assets/northwind-reference.docx`` and,
with ``--logo``, its logo (a small PNG drawn pixel by pixel, so no image library is
needed). Without ``--brand`` the output is jdgen's neutral ``templates/reference.docx``.

The output is byte-for-byte reproducible (fixed dates, fixed zip metadata).
"""

from __future__ import annotations

import argparse
import copy
import io
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from lxml import etree

from jdgen.render.docx.opc import W, w_child
from jdgen.render.docx.deterministic_zip import deflate, pack

_W = "{%s}" % W
STAMP = datetime(2024, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Brand:
    """The look a reference document gives the postings. Colours are RRGGBB hex."""

    name: str = "jdgen"
    font: str = "Calibri"              # body text (and headings unless heading_font is set)
    heading_font: str | None = None    # title and headings
    text: str = "1F2933"               # dark slate: body text
    accent: str = "1F3A5F"             # dark slate blue: title and headings
    subtle: str = "5B6B7F"             # header, footer, quotes
    link: str = "1F5FA8"
    rule: str = "A9B7C9"               # the line under the title
    header: str | None = None          # one line of text in the page header
    logo_colors: tuple[str, str] = ("1F3A5F", "5FA8D3")   # the mark, the bars (see brand_logo)


DEFAULT = Brand()
BRANDS = {
    "northwind": Brand(name="Northwind Analytics", font="Arial", heading_font="Georgia", text="222B36",
                       accent="1B4D89", subtle="5A6B80", link="1B4D89", rule="1B4D89",
                       header="Northwind Analytics \u2014 Careers", logo_colors=("1B4D89", "F2A541")),
}

# style id -> (size in half-points, bold, space before, space after) in twips
_HEADINGS = {"Title": (40, False, 0, 160), "Heading1": (28, True, 280, 80),
             "Heading2": (24, True, 200, 60), "Heading3": (22, True, 160, 40)}
_BULLETS = {"ListBullet": "\u2022", "ListBullet2": "\u25e6", "ListBullet3": "\u25aa"}


def _el(tag: str, **attrs: str) -> etree._Element:
    return etree.Element(_W + tag, {_W + k: v for k, v in attrs.items()})


_RPR_ORDER = ("b", "bCs", "i", "iCs", "caps", "color", "spacing", "kern", "sz", "szCs", "u", "lang")
_STYLE_ORDER = ("rPr", "tblPr", "trPr", "tcPr", "tblStylePr")


def _set_run(rpr: etree._Element, *, size: int | None = None, bold: bool | None = None,
             color: str | None = None, drop_fonts: bool = False) -> None:
    fonts = rpr.find(_W + "rFonts")
    if drop_fonts and fonts is not None:   # inherit the document font instead of a theme font
        rpr.remove(fonts)
        fonts = None
    if bold is not None:
        for tag in ("b", "bCs"):
            old = rpr.find(_W + tag)
            if old is not None:
                rpr.remove(old)
        if bold:
            at = 0 if fonts is None else 1
            rpr.insert(at, _el("bCs"))
            rpr.insert(at, _el("b"))
    if color:
        element = w_child(rpr, "color", _RPR_ORDER[6:])
        element.attrib.clear()
        element.set(_W + "val", color)
    if size:
        w_child(rpr, "sz", _RPR_ORDER[9:]).set(_W + "val", str(size))
        w_child(rpr, "szCs", _RPR_ORDER[10:]).set(_W + "val", str(size))


def _spacing(style: etree._Element, before: int | None, after: int | None, line: int | None = None) -> None:
    ppr = w_child(style, "pPr", _STYLE_ORDER)
    spacing = w_child(ppr, "spacing", ("ind", "contextualSpacing", "jc", "outlineLvl"))
    spacing.attrib.clear()
    if before is not None:
        spacing.set(_W + "before", str(before))
    if after is not None:
        spacing.set(_W + "after", str(after))
    if line is not None:
        spacing.set(_W + "line", str(line))
        spacing.set(_W + "lineRule", "auto")


def _add_style(styles: etree._Element, xml: str) -> None:
    styles.append(etree.fromstring(f'<w:style xmlns:w="{W}" {xml}</w:style>'))


def _strip_rsids(root: etree._Element) -> None:
    for el in root.iter():
        for attr in [a for a in el.attrib if a.startswith(_W + "rsid")]:
            del el.attrib[attr]
    for el in [e for e in root.iter(_W + "rsid", _W + "rsids")]:
        el.getparent().remove(el)


def _restyle(document: docx.document.Document, brand: Brand) -> None:
    styles = document.styles.element
    by_id = {s.get(_W + "styleId"): s for s in styles.iterfind(_W + "style")}
    for sid, style in by_id.items():   # keep only the plain table styles
        if style.get(_W + "type") == "table" and sid not in ("TableNormal", "TableGrid"):
            styles.remove(style)

    defaults = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    fonts = defaults.find(_W + "rFonts")
    for attr in ("asciiTheme", "hAnsiTheme"):
        fonts.attrib.pop(_W + attr, None)
    fonts.set(_W + "ascii", brand.font)
    fonts.set(_W + "hAnsi", brand.font)
    _set_run(defaults, size=21)
    spacing = styles.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr/{_W}spacing")
    spacing.attrib.clear()
    spacing.attrib.update({_W + "after": "120", _W + "line": "264", _W + "lineRule": "auto"})

    _set_run(w_child(by_id["Normal"], "rPr", _STYLE_ORDER[1:]), color=brand.text)
    for sid, (size, bold, before, after) in _HEADINGS.items():
        style = by_id[sid]
        rpr = w_child(style, "rPr", _STYLE_ORDER[1:])
        _set_run(rpr, size=size, bold=bold, color=brand.accent, drop_fonts=True)
        if brand.heading_font:
            face = brand.heading_font
            rpr.insert(0, _el("rFonts", ascii=face, hAnsi=face, cs=face))
        for tag in ("spacing", "kern"):
            if rpr.find(_W + tag) is not None and sid == "Title":
                rpr.remove(rpr.find(_W + tag))
        _spacing(style, before, after, 240 if sid == "Title" else None)
        link = style.find(_W + "link")
        if link is not None and link.get(_W + "val") in by_id:
            linked = by_id[link.get(_W + "val")]
            old = linked.find(_W + "rPr")
            if old is not None:
                linked.remove(old)
            w_child(linked, "rPr", _STYLE_ORDER[1:]).extend(copy.deepcopy(list(rpr)))
    border = by_id["Title"].find(f"{_W}pPr/{_W}pBdr/{_W}bottom")
    if border is not None:
        border.attrib.clear()
        border.attrib.update({_W + "val": "single", _W + "sz": "6", _W + "space": "4", _W + "color": brand.rule})
    for sid in ("ListBullet", "ListBullet2", "ListNumber", "ListNumber2"):
        _spacing(by_id[sid], None, 40)
    for sid in ("Header", "Footer"):
        _set_run(w_child(by_id[sid], "rPr", _STYLE_ORDER[1:]), size=17, color=brand.subtle)
    _set_run(by_id["Quote"].find(_W + "rPr"), color=brand.subtle)

    _add_style(styles, 'w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
                       '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
                       f'<w:rPr><w:color w:val="{brand.link}"/><w:u w:val="single"/></w:rPr>')
    _add_style(styles, 'w:type="character" w:customStyle="1" w:styleId="VerbatimChar">'
                       '<w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/>'
                       '<w:uiPriority w:val="99"/><w:qFormat/><w:rPr>'
                       '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="19"/>'
                       '</w:rPr>')


def _renumber(document: docx.document.Document) -> None:
    """Plain Unicode bullets in the list styles' own numbering definitions."""
    numbering = document.part.numbering_part.element
    for abstract in numbering.iterfind(_W + "abstractNum"):
        lvl = abstract.find(_W + "lvl")
        style = lvl.find(_W + "pStyle") if lvl is not None else None
        if style is None or style.get(_W + "val") not in _BULLETS:
            continue
        lvl.find(_W + "lvlText").set(_W + "val", _BULLETS[style.get(_W + "val")])
        rpr = lvl.find(_W + "rPr")
        if rpr is not None:
            lvl.remove(rpr)


def _sample(document: docx.document.Document, brand: Brand) -> None:
    add = document.add_paragraph
    add("Job title", "Title")
    add("Company · Location · Workplace · Employment type")
    add("About the role", "Heading 1")
    add("A paragraph in the Normal style. jdgen replaces this sample body with the posting; "
        "edit the styles, the header and the footer to brand the postings.")
    add("Sub-section", "Heading 2")
    for text in ("A bullet point", "Another bullet point"):
        add(text, "List Bullet")
    add("A nested bullet point", "List Bullet 2")
    add("Third level", "Heading 3")
    for text in ("First step", "Second step"):
        add(text, "List Number")
    add("A quotation", "Quote")
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(22))
    if brand.header:      # the header line, ruled off from the page body in the brand's colour
        _add_style(document.styles.element,
                   'w:type="paragraph" w:customStyle="1" w:styleId="HeaderLine"><w:name w:val="Header Line"/>'
                   '<w:basedOn w:val="Header"/><w:uiPriority w:val="99"/><w:pPr><w:pBdr>'
                   f'<w:bottom w:val="single" w:sz="4" w:space="4" w:color="{brand.rule}"/></w:pBdr>'
                   '<w:spacing w:before="60" w:after="240"/></w:pPr>')
        section.header.paragraphs[0].text = brand.header
        section.header.paragraphs[0].style = document.styles["Header Line"]


def build_reference(brand: Brand = DEFAULT) -> bytes:
    """The reference document of ``brand`` (by default jdgen's neutral one), as reproducible .docx bytes."""
    document = docx.Document()
    for rels in (document.part.rels, document.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "customXml", "thumbnail"):
                del rels[rid]
    _restyle(document, brand)
    _renumber(document)
    _sample(document, brand)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = f"{brand.name} reference document", "jdgen", "jdgen"
    props.comments = "Styles, header and footer for jdgen postings; the body is replaced."
    props.created = props.modified = STAMP
    props.revision = 1
    headers = [document.sections[0].header._element] if brand.header else []
    for element in (document.element, document.part.numbering_part.element, document.settings.element,
                    document.styles.element, *headers):
        _strip_rsids(element)
    buffer = io.BytesIO()
    document.save(buffer)

    entries = {}
    with zipfile.ZipFile(buffer) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "docProps/app.xml":
                data = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
                        '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                        "<Application>jdgen</Application><DocSecurity>0</DocSecurity></Properties>").encode()
            elif name.startswith("word/theme/"):
                data = data.replace(b'<a:latin typeface="Cambria"/>', f'<a:latin typeface="{brand.font}"/>'.encode())
            entries[name] = deflate(data)
    return pack(entries)


# ----------------------------------------------------------------------------- logo


def brand_logo(brand: Brand, width: int = 240, height: int = 60) -> bytes:
    """A small two-colour logo as PNG bytes: a square mark with a rising line, then three bars.

    Drawn pixel by pixel on white (8-bit RGB, no interlace) and compressed with zlib, so
    the same brand always gives the same image without an image library.
    """
    mark, bars = (bytes.fromhex(c) for c in brand.logo_colors)
    white = b"\xff\xff\xff"
    side = height - 12                          # the square mark, 6 px from the edges
    bar_rows = [(14, 22, 0.95), (27, 35, 0.7), (40, 48, 0.45)]     # (top, bottom, share of the free width)
    left, free = side + 24, width - side - 30
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")                # filter type 0 for every row
        for x in range(width):
            colour = white
            mx, my = x - 6, y - 6
            if 0 <= mx < side and 0 <= my < side:
                colour = mark
                # a white rising line from the lower left to the upper right, 5 px thick
                if 6 <= mx < side - 6 and abs((side - 1 - my) - mx) <= 2:
                    colour = white
            else:
                for top, bottom, share in bar_rows:
                    if top <= y < bottom and left <= x < left + int(free * share):
                        colour = bars
            row += colour
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jdgen.render.docx.make_reference",
                                     description="Write a reproducible reference document for jdgen's DOCX postings.")
    parser.add_argument("out", type=Path, help="the .docx file to write")
    parser.add_argument("--brand", choices=sorted(BRANDS), help="a built-in brand (default: jdgen's neutral look)")
    parser.add_argument("--logo", type=Path, metavar="PNG", help="also write the brand's logo to this file")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    brand = BRANDS[args.brand] if args.brand else DEFAULT
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(build_reference(brand))
    if args.logo is not None:
        args.logo.parent.mkdir(parents=True, exist_ok=True)
        args.logo.write_bytes(brand_logo(brand))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
