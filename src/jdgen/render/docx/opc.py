"""Open Packaging Conventions plumbing shared by the DOCX modules.

Namespaces and content types, XML escaping, part relationships (``_rels/*.rels``),
``[Content_Types].xml`` and the two property parts jdgen writes (``docProps/core.xml``
and ``docProps/app.xml``). Nothing here knows about Markdown or about a particular
reference document; reading someone else's package is :mod:`jdgen.render.docx.package`'s.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Sequence

from lxml import etree

from jdgen.render.docx.deterministic_zip import deflate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "{%s}" % W
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"
APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
RT_HEADER, RT_FOOTER = R + "/header", R + "/footer"
RT_HYPERLINK, RT_IMAGE, RT_NUMBERING = R + "/hyperlink", R + "/image", R + "/numbering"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS = f'xmlns:w="{W}" xmlns:r="{R}"'

def esc(text: str) -> str:
    """Escape character data (and double-quoted attribute values) for XML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def w_val(element: etree._Element | None, attr: str = "val") -> str | None:
    """The ``w:ATTR`` attribute of ``element`` (None when there is no element)."""
    return None if element is None else element.get(_W + attr)


# ----------------------------------------------------------------------------- relationships


@dataclass(frozen=True, slots=True)
class Rel:
    rid: str
    reltype: str
    target: str
    external: bool = False


def w_child(parent: etree._Element, tag: str, order: tuple[str, ...] = ()) -> etree._Element:
    """The ``w:tag`` child of ``parent``, created when missing in schema order: before the first
    of ``order`` (the tags the schema puts after it) that is there, else at the end."""
    found = parent.find(_W + tag)
    if found is not None:
        return found
    new = etree.Element(_W + tag)
    for later in order:
        anchor = parent.find(_W + later)
        if anchor is not None:
            anchor.addprevious(new)
            return new
    parent.append(new)
    return new


def rels_name(part: str) -> str:
    """``word/document.xml`` -> ``word/_rels/document.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source: str, target: str) -> str:
    """The part name a relationship of ``source`` points at ("../x" when it leaves the package)."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def parse_rels_root(root: etree._Element) -> list[Rel]:
    """The relationships in a parsed ``.rels`` part."""
    return [Rel(e.get("Id", ""), e.get("Type", ""), e.get("Target", ""), e.get("TargetMode") == "External")
            for e in root if e.tag == "{%s}Relationship" % PKG_RELS]


def rel_xml(rel: Rel) -> str:
    mode = ' TargetMode="External"' if rel.external else ""
    return f'<Relationship Id="{esc(rel.rid)}" Type="{esc(rel.reltype)}" Target="{esc(rel.target)}"{mode}/>'


def rels_xml(rels: Iterable[Rel | str]) -> bytes:
    """A relationships part; items are Rel objects or already serialised ``<Relationship/>`` text."""
    body = "".join(r if isinstance(r, str) else rel_xml(r) for r in rels)
    return f'{DECL}<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'.encode()


def next_rid(rels: Iterable[Rel]) -> int:
    """The lowest number N such that ``rIdN`` and every higher id are free."""
    numbers = [int(m.group(1)) for r in rels if (m := re.fullmatch(r"rId(\d+)", r.rid))]
    return max(numbers, default=0) + 1


def content_types_xml(defaults: dict[str, str], overrides: dict[str, str]) -> bytes:
    """``[Content_Types].xml`` with its entries sorted, so that it never depends on insertion order."""
    items = [f'<Default Extension="{esc(e)}" ContentType="{esc(c)}"/>' for e, c in sorted(defaults.items())]
    items += [f'<Override PartName="/{esc(p)}" ContentType="{esc(c)}"/>' for p, c in sorted(overrides.items())]
    return f'{DECL}<Types xmlns="{CT_NS}">{"".join(items)}</Types>'.encode()


# ----------------------------------------------------------------------------- document properties

APP_ENTRY = deflate((DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
                     'docPropsVTypes"><Application>jdgen</Application><DocSecurity>0</DocSecurity>'
                     '</Properties>').encode())


def core_xml(*, title: str, subject: str, author: str, keywords: Sequence[str], created: datetime,
             language: str | None, content_status: str | None = None) -> bytes:
    """docProps/core.xml: created == modified == ``created`` (UTC), lastModifiedBy jdgen, revision 1."""
    stamp = created.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lang = f"<dc:language>{esc(language)}</dc:language>" if language else ""
    return (f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{esc(title)}</dc:title><dc:subject>{esc(subject)}</dc:subject>"
            f"<dc:creator>{esc(author)}</dc:creator><cp:keywords>{esc(', '.join(keywords))}</cp:keywords>"
            f"{lang}<cp:lastModifiedBy>jdgen</cp:lastModifiedBy><cp:revision>1</cp:revision>"
            + (f"<cp:contentStatus>{esc(content_status)}</cp:contentStatus>" if content_status else "") +
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>").encode("utf-8")
