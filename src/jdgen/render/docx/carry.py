"""What of a reference document reaches the postings: the parts jdgen needs and nothing that points away.

A reference document is brand, not content: jdgen needs its styles, numbering, settings,
theme, fonts, footnote separators, default header and footer, and the images and
embedded fonts those use. Everything else stays behind, and so does every relationship
jdgen does not need. An external relationship (an ``attachedTemplate`` on a web server,
an image at ``file://host/share``, a hyperlink) would make every recruiter's Word fetch
something when it opens a posting, so none is carried over, and each one dropped from a
part that is carried over is named in a warning: a brand that quietly lost its header
link should say so. Elements that used a dropped relationship go with it (a hyperlink
keeps its text), so that no part refers to a relationship that is not there.

Every XML part carried over has been parsed by :class:`~jdgen.render.docx.package.Package`
(no DTD, no entities), so each one parses again in the posting; a part that had to
lose an element is written out again from its tree, the others keep their bytes.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from lxml import etree

from jdgen.diagnostics import quoted
from jdgen.render.docx.opc import R, W, Rel, resolve, xml_bytes
from jdgen.render.docx.package import Package

# Relationships of the main document that survive: everything the body does not use.
KEPT_DOC_RELS = frozenset({"styles", "stylesWithEffects", "settings", "webSettings", "fontTable", "theme",
                           "numbering", "footnotes", "endnotes"})
# Relationships of the parts carried over: pictures (header logos, theme fills, picture
# bullets) and embedded fonts.
KEPT_PART_RELS = frozenset({"image", "font"})
_O_RELID = "{urn:schemas-microsoft-com:office:office}relid"     # VML's way to name a relationship
_HYPERLINK = "{%s}hyperlink" % W
_R = "{%s}" % R
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,63}")
_KIND = re.compile(r"[A-Za-z][A-Za-z0-9]{0,39}")


def kind(rel: Rel) -> str:
    """The relationship type's last segment: ``styles``, ``image``, ``attachedTemplate``."""
    return rel.reltype.rsplit("/", 1)[-1]


@dataclass
class Carried:
    """The parts that reach the output (name -> bytes), the XML ones parsed, and the relationships each keeps."""

    parts: dict[str, bytes] = field(default_factory=dict)
    trees: dict[str, etree._Element] = field(default_factory=dict)
    rels: dict[str, list[Rel]] = field(default_factory=dict)


class Carrier:
    """Follows a reference document's relationships from the parts jdgen needs, dropping what it must.

    ``warn`` receives one line per dropped relationship; ``reserved`` are the names jdgen
    writes itself (the main document, the package index, the properties), which no kept
    relationship may point at.
    """

    def __init__(self, parts: Package, label: str, warn: Callable[[str], None], reserved: Iterable[str]):
        self.parts, self.label, self.warn = parts, label, warn
        self.reserved = set(reserved)

    def keep(self, source: str, rels: list[Rel], kinds: frozenset[str]) -> list[Rel]:
        """The relationships of ``source`` that may stay: internal, of ``kinds``, to a part that exists."""
        kept, ids = [], set()
        for rel in rels:
            target = resolve(source, rel.target)
            if rel.external:
                why = "jdgen keeps nothing that points outside the document"
            elif kind(rel) not in kinds:
                why = f"jdgen keeps only {' and '.join(sorted(kinds))} relationships here"
            elif target not in self.parts or target in self.reserved or target.endswith(".rels"):
                why = "it does not point at a part jdgen carries over"
            elif not _ID.fullmatch(rel.rid) or rel.rid in ids:
                why = "its id is not a valid, unique relationship id"
            else:
                kept.append(rel)
                ids.add(rel.rid)
                continue
            shown = kind(rel) if _KIND.fullmatch(kind(rel)) else quoted(rel.reltype)
            external = "external " if rel.external else ""
            owner = quoted(source) if source else "the package"
            self.warn(f"{self.label}: dropped the {external}{shown} relationship {quoted(rel.rid)} of {owner} "
                      f"to {quoted(rel.target)} ({why})")
        return kept

    def carry(self, roots: Iterable[str]) -> Carried:
        """Every part reachable from ``roots`` through kept relationships, as it goes into a posting."""
        out = Carried()
        roots = set(roots)
        todo = sorted(roots, reverse=True)
        while todo:
            name = todo.pop()
            if name in out.parts or name not in self.parts or name in self.reserved:
                continue
            data = self.parts[name]
            rels = self.parts.rels(name)
            kept = self.keep(name, rels, KEPT_PART_RELS)
            dropped = {r.rid for r in rels} - {r.rid for r in kept}
            if name in roots or _is_xml(name, data):    # every root is XML, whatever its name
                root = self.parts.parse(data, name)       # refuses a DTD or broken XML
                if dropped and scrub(root, dropped):
                    data = xml_bytes(root)
                out.trees[name] = root
            out.parts[name] = data
            if kept:
                out.rels[name] = kept
            todo += sorted({resolve(name, r.target) for r in kept} - set(out.parts), reverse=True)
        return out


def _is_xml(name: str, data: bytes) -> bool:
    """Parts named .xml or .svg, and anything that starts like XML (in UTF-8 or UTF-16)."""
    return (posixpath.splitext(name)[1].lower() in (".xml", ".svg")
            or data.startswith((b"<?xml", b"\xef\xbb\xbf<?xml", "\ufeff<".encode("utf-16-le"),
                                "\ufeff<".encode("utf-16-be"))))


def scrub(root: etree._Element, dropped: set[str]) -> bool:
    """Remove from ``root`` what refers to the ``dropped`` relationship ids; True when anything changed.

    A hyperlink is unwrapped (its runs stay), an element that also refers to a kept
    relationship only loses the attribute, any other element goes.
    """
    changed = False
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        refs = [a for a in element.attrib if a.startswith(_R) or a == _O_RELID]
        bad = [a for a in refs if element.get(a) in dropped]
        if not bad:
            continue
        changed = True
        parent = element.getparent()
        if parent is None or len(bad) < len(refs):
            for attr in bad:
                del element.attrib[attr]
        elif element.tag == _HYPERLINK:
            at = parent.index(element)
            for offset, child in enumerate(list(element)):
                parent.insert(at + offset, child)
            parent.remove(element)
        else:
            parent.remove(element)
    return changed
