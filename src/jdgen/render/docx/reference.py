"""A reference .docx, parsed once, and one posting's package assembled around it.

:class:`Reference` opens a company's (or jdgen's default) reference document a single
time and works out everything a posting needs from it:

* the style ids behind the style names jdgen uses, checked up front, so that a reference
  lacking a needed style fails before anything is written;
* list numbering: the list styles' own definitions where the reference has them, plain
  bullet and decimal definitions where it does not;
* the section properties (without page size, margins or header/footer references,
  which jdgen sets) and the default header and footer;
* the parts carried over (theme, settings, fonts, the header's media; what and why is
  :mod:`jdgen.render.docx.carry`'s), each deflated once.

The file is opened as an untrusted :class:`~jdgen.render.docx.package.Package`: only
the parts named above are unpacked, within its limits.

:meth:`Reference.assemble` then wraps one posting's body paragraphs into a complete,
deterministic package.
"""

from __future__ import annotations

import copy
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from lxml import etree

from jdgen.diagnostics import Location, quoted
from jdgen.errors import ConfigError
from jdgen.render.docx.carry import KEPT_DOC_RELS, Carried, Carrier, kind as _kind
from jdgen.render.docx.logo import logo_header_xml
from jdgen.render.docx.opc import (APP_CT, APP_ENTRY, CORE_CT, CT_NS, DECL, MAIN_CT, NS, RT_CORE, RT_FOOTER,
                                   RT_HEADER, RT_HYPERLINK, RT_IMAGE, RT_NUMBERING, WML_CT, R, Rel, W,
                                   content_types_xml, next_rid, rel_xml, rels_name, rels_xml, resolve,
                                   w_child, w_val as _val, xml_bytes)
from jdgen.render.docx.package import Package, one_line
from jdgen.render.docx.deterministic_zip import Entry, deflate, entry_order, pack

if TYPE_CHECKING:
    from jdgen.render.docx.logo import Logo

_W = "{%s}" % W
_R = "{%s}" % R
_RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"
# Written by jdgen for every posting: no relationship of the reference may point at them.
_WRITTEN = ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml")


@dataclass(frozen=True, slots=True)
class _Frame:
    """The parts of a posting's package that only its header and paper decide (:meth:`Reference._frame`)."""

    entries: dict[str, Entry]   # the parts carried over, the header's, the package relationships, content types
    rels: str                   # the document's relationships before its hyperlinks
    sect: str                   # w:sectPr
    order: list[str]            # every entry name of the package, in pack order


@dataclass(frozen=True, slots=True)
class ListDef:
    """How paragraphs of one list style get their numbering."""

    num_id: str        # the w:num a bullet paragraph uses
    abstract_id: str   # what a restarted numbered list points its new w:num at
    ilvl: str


class Reference:
    """A reference .docx, parsed once: its reusable parts and everything looked up by name.

    ``warnings`` says what was dropped on the way (external relationships and the like);
    the writer repeats them for every posting made from it.
    """

    def __init__(self, path: Path, required: Sequence[tuple[str, str]],
                 optional: Sequence[tuple[str, str]], lists: dict[str, str]):
        self.path = path
        self.warnings: list[str] = []
        with Package(path, f"reference document {path}") as parts:
            try:
                self._load(parts, required, optional, lists)
            except ValueError as exc:   # a number inside the package that is not one
                raise parts.error(f"a number in it is not a number ({one_line(str(exc))})") from None

    def _load(self, parts: Package, required: Sequence[tuple[str, str]],
              optional: Sequence[tuple[str, str]], lists: dict[str, str]) -> None:
        try:
            types = parts.xml("[Content_Types].xml")
            if "_rels/.rels" not in parts:
                raise KeyError("_rels/.rels")
            pkg_rels = parts.rels("")
            self.main = next(resolve("", r.target) for r in pkg_rels
                             if r.reltype.endswith("/officeDocument") and not r.external)
            document = parts.xml(self.main)
        except KeyError as exc:
            raise parts.error(f"it has no {quoted(exc.args[0])} part") from None
        except StopIteration:
            raise parts.error("it names no main document") from None
        defaults = {e.get("Extension", "").lower(): e.get("ContentType", "")
                    for e in types if e.tag == "{%s}Default" % CT_NS}
        all_overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType", "")
                         for e in types if e.tag == "{%s}Override" % CT_NS}
        carrier = Carrier(parts, f"reference document {self.path}", self.warnings.append,
                          reserved=(self.main, rels_name(self.main), *_WRITTEN))
        doc_rels = parts.rels(self.main)
        kept = carrier.keep(self.main, [r for r in doc_rels if _kind(r) in KEPT_DOC_RELS], KEPT_DOC_RELS)
        target = {_kind(r): resolve(self.main, r.target) for r in kept}
        self.pkg_rels = carrier.keep("", [r for r in pkg_rels if _kind(r) == "custom-properties"],
                                     frozenset({"custom-properties"}))

        # --- what reaches the postings: the parts jdgen needs and what they use, nothing external
        body = document.find(_W + "body")
        sect = body.find(_W + "sectPr") if body is not None else None
        by_id = {r.rid: r for r in doc_rels}
        taken = {self.main, *_WRITTEN, *target.values()}
        header_name = self._header_footer_name(sect, "header", by_id, parts, taken)
        footer_name = self._header_footer_name(sect, "footer", by_id, parts, taken | {header_name})
        roots = [*target.values(), *(resolve("", r.target) for r in self.pkg_rels)]
        roots += [name for name in (header_name, footer_name) if name]
        carried = carrier.carry(roots)

        # --- styles: name -> id, checked before anything is written
        if "styles" not in target:
            raise self._missing_style(required[0][0])
        self.styles_part = target["styles"]
        self._styles = carried.trees[self.styles_part]
        found: dict[str, tuple[str, str]] = {}
        for st in self._styles.iterfind(_W + "style"):
            name = _val(st.find(_W + "name"))
            if name is not None:
                found.setdefault(name.casefold(), (st.get(_W + "type", "paragraph"), st.get(_W + "styleId", "")))
        self.style_ids: dict[str, str] = {}
        for name, kind in (*required, *optional):
            hit = found.get(name.casefold())
            if hit and hit[0] == kind and hit[1]:
                self.style_ids[name] = hit[1]
            elif (name, kind) in required:
                raise self._missing_style(name)
        _widow_control(self._styles)
        self._lang_styles: dict[str | None, Entry] = {None: deflate(xml_bytes(self._styles))}

        # --- numbering: reuse the list styles' own definitions, add plain ones where missing
        self.numbering_is_new = "numbering" not in target
        self.numbering_part = (self._new_name("numbering", parts) if self.numbering_is_new
                               else target["numbering"])
        numbering = (etree.Element(_W + "numbering", nsmap={"w": W}) if self.numbering_is_new
                     else carried.trees[self.numbering_part])
        self.lists = self._prepare_lists(numbering, lists)
        text = etree.tostring(numbering, encoding="unicode")
        cut = text.rfind("</")
        self.numbering_head = DECL + text[:cut]
        self.numbering_tail = text[cut:]
        self.next_num_id = max((int(n.get(_W + "numId", "0")) for n in numbering.iterfind(_W + "num")),
                               default=0) + 1

        # --- section properties, default header and footer
        self._sect = self._clean_sect(sect)
        self._sect_cache: dict[tuple, str] = {}
        self.header = self._header_footer(header_name, carried)
        self.footer = self._header_footer(footer_name, carried)

        # --- the parts carried over unchanged, and the relationships the document keeps
        self.kept_rels = [r for r in kept if r.reltype != RT_NUMBERING]
        self.next_rid = next_rid(doc_rels)
        if self.numbering_is_new:
            self.kept_rels.append(Rel(f"rId{self.next_rid}", RT_NUMBERING, posixpath.relpath(
                self.numbering_part, posixpath.dirname(self.main))))
            self.next_rid += 1
        else:
            self.kept_rels += [r for r in kept if r.reltype == RT_NUMBERING]
        regenerated = {self.main, rels_name(self.main), self.styles_part, self.numbering_part}
        if self.footer is not None:
            regenerated.add(self.footer[0])
        files = dict(carried.parts)
        files.update({rels_name(name): rels_xml(rels) for name, rels in carried.rels.items()})
        self.static = {name: deflate(files[name]) for name in sorted(set(files) - regenerated)}
        self._deflate_memo: dict[bytes, Entry] = {}
        self._headers: dict[tuple, tuple[dict[str, Entry], dict[str, str]]] = {}
        self._frames: dict[tuple, _Frame] = {}
        self.static["docProps/app.xml"] = APP_ENTRY
        # Content types of the parts carried over only; the two that every package needs are fixed.
        extensions = {posixpath.splitext(name)[1][1:].lower() for name in files}
        self.defaults = {ext: ct for ext, ct in defaults.items() if ext in extensions}
        self.defaults.update({"rels": _RELS_CT, "xml": "application/xml"})
        self.overrides = {p: c for p, c in all_overrides.items() if p in carried.parts}
        self.overrides[self.main] = MAIN_CT
        self.overrides[self.numbering_part] = WML_CT + "numbering+xml"
        self.overrides.update({"docProps/core.xml": CORE_CT, "docProps/app.xml": APP_CT})
        self.kept_rels_xml = "".join(rel_xml(r) for r in self.kept_rels)
        self.package_rels = rels_xml([Rel("rId1", R + "/officeDocument", self.main),
                                      Rel("rId2", RT_CORE, "docProps/core.xml"),
                                      Rel("rId3", R + "/extended-properties", "docProps/app.xml"),
                                      *(Rel(f"rId{4 + i}", r.reltype, r.target) for i, r in enumerate(self.pkg_rels))])
        self.package_rels_entry = deflate(self.package_rels)
        self.first_link_rid = self.next_rid + 2
        self.header_name = self.header[0] if self.header else self._new_name("header", parts)
        self.footer_name = self.footer[0] if self.footer else self._new_name("footer", parts)

    # ------------------------------------------------------------------ helpers

    def _missing_style(self, name: str) -> ConfigError:
        return ConfigError(f"reference document lacks the style {name!r} that jdgen needs",
                           hint="add the style in Word (Styles pane) or start from templates/reference.docx",
                           location=Location(str(self.path)))

    @staticmethod
    def _new_name(kind: str, parts: Package) -> str:
        name = f"word/{kind}1.xml" if kind != "numbering" else "word/numbering.xml"
        return name if name not in parts else f"word/jdgen-{kind}.xml"

    def _style_numpr(self, style_id: str) -> tuple[str | None, str]:
        by_id = {s.get(_W + "styleId"): s for s in self._styles.iterfind(_W + "style")}
        for _ in range(10):
            st = by_id.get(style_id)
            if st is None:
                break
            numpr = st.find(f"{_W}pPr/{_W}numPr")
            if numpr is not None:
                return _val(numpr.find(_W + "numId")), _val(numpr.find(_W + "ilvl")) or "0"
            style_id = _val(st.find(_W + "basedOn")) or ""
        return None, "0"

    def _prepare_lists(self, numbering: etree._Element, lists: dict[str, str]) -> dict[str, ListDef]:
        for extra in numbering.findall(_W + "numIdMacAtCleanup"):
            numbering.remove(extra)
        abstract_of = {n.get(_W + "numId"): _val(n.find(_W + "abstractNumId")) for n in numbering.iterfind(_W + "num")}
        abstract_ids = [int(a.get(_W + "abstractNumId", "0")) for a in numbering.iterfind(_W + "abstractNum")]
        next_abstract = max(abstract_ids, default=-1) + 1
        next_num = max((int(k or 0) for k in abstract_of), default=0) + 1
        out: dict[str, ListDef] = {}
        for name, kind in lists.items():
            if name not in self.style_ids:
                continue
            num_id, ilvl = self._style_numpr(self.style_ids[name])
            if num_id in abstract_of and abstract_of[num_id] is not None:
                out[name] = ListDef(num_id, abstract_of[num_id], ilvl)
                continue
            depth = int(name[-1]) if name[-1].isdigit() else 1
            fmt, text = ("bullet", "\u2022") if kind == "bullet" else ("decimal", "%1.")
            abstract = etree.fromstring(
                f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{next_abstract}">'
                f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{360 * depth}" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>')
            first_num = numbering.find(_W + "num")     # every abstractNum comes before the nums
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                numbering.append(abstract)
            numbering.append(etree.fromstring(
                f'<w:num xmlns:w="{W}" w:numId="{next_num}"><w:abstractNumId w:val="{next_abstract}"/></w:num>'))
            out[name] = ListDef(str(next_num), str(next_abstract), "0")
            next_abstract += 1
            next_num += 1
        return out

    @staticmethod
    def _clean_sect(sect: etree._Element | None) -> etree._Element:
        clean = etree.Element(_W + "sectPr", nsmap={"w": W, "r": R})
        for child in (sect if sect is not None else []):
            if not isinstance(child.tag, str) or child.tag in {
                    _W + "headerReference", _W + "footerReference", _W + "pgSz", _W + "pgMar", _W + "titlePg"}:
                continue
            if any(name.startswith(_R) for name in child.attrib):   # printer settings: a part jdgen drops
                continue
            clean.append(copy.deepcopy(child))
        etree.cleanup_namespaces(clean, top_nsmap={"w": W, "r": R}, keep_ns_prefixes=["w", "r"])
        return clean

    def sect_pr(self, paper: str, header_rid: str | None, footer_rid: str) -> str:
        key = (paper, header_rid, footer_rid)
        if key not in self._sect_cache:
            sect = copy.deepcopy(self._sect)
            if paper == "letter":
                size, margin, edge = (12240, 15840), 1296, 720      # 8.5 x 11 in; 0.9 in
            else:
                size, margin, edge = (11906, 16838), 1247, 708      # 210 x 297 mm; 2.2 cm
            at = 0
            for i, child in enumerate(sect):
                if child.tag in {_W + "footnotePr", _W + "endnotePr", _W + "type"}:
                    at = i + 1
            size_el = etree.Element(_W + "pgSz", {_W + "w": str(size[0]), _W + "h": str(size[1])})
            margins = {k: str(margin) for k in ("top", "right", "bottom", "left")}
            margins.update(header=str(edge), footer=str(edge), gutter="0")
            sect.insert(at, size_el)
            sect.insert(at + 1, etree.Element(_W + "pgMar", {_W + k: v for k, v in margins.items()}))
            refs = [("headerReference", header_rid), ("footerReference", footer_rid)]
            for i, (tag, rid) in enumerate(r for r in refs if r[1]):
                sect.insert(i, etree.Element(_W + tag, {_W + "type": "default", _R + "id": rid}))
            text = etree.tostring(sect, encoding="unicode")   # the document root binds w: and r:
            self._sect_cache[key] = text.replace(f' xmlns:w="{W}"', "", 1).replace(f' xmlns:r="{R}"', "", 1)
        return self._sect_cache[key]

    def _header_footer_name(self, sect, kind: str, by_id: dict[str, Rel], parts: Package,
                            taken: set) -> str | None:
        """The part name of the default header or footer, when the section has one of its own."""
        if sect is None:
            return None
        for ref in sect.iterfind(f"{_W}{kind}Reference"):
            if ref.get(_W + "type", "default") != "default":
                continue
            rel = by_id.get(ref.get(_R + "id", ""))
            name = resolve(self.main, rel.target) if rel and not rel.external and _kind(rel) == kind else None
            if name in parts and name not in taken:
                return name
        return None

    @staticmethod
    def _header_footer(name: str | None, carried: Carried):
        """(part name, parsed root, relationships) of the default header or footer as carried over, or None."""
        if name is None or name not in carried.parts:
            return None
        return name, carried.trees[name], carried.rels.get(name, [])

    def styles_entry(self, language: str | None) -> Entry:
        """styles.xml, with the document default language set to ``language`` when given.

        A style of the reference that names a language of its own (Word writes one into styles
        made on a machine set to another language) would keep text in that style checked
        against that language, so every style's ``w:lang`` gets ``language`` as well.
        """
        if language not in self._lang_styles:
            styles = copy.deepcopy(self._styles)
            rpr_default = w_child(_doc_defaults(styles), "rPrDefault", ("pPrDefault",))
            lang = w_child(w_child(rpr_default, "rPr"), "lang")
            lang.set(_W + "val", language)
            for style in styles.iterfind(f"{_W}style"):
                for own in style.iterfind(f"{_W}rPr/{_W}lang"):
                    if own.get(_W + "val") is not None:
                        own.set(_W + "val", language)
            primary = language.split("-")[0].lower()
            if primary in {"ja", "zh", "ko"}:
                lang.set(_W + "eastAsia", language)
            if primary in {"ar", "he", "fa", "ur", "yi", "ps"}:
                lang.set(_W + "bidi", language)
            raw = xml_bytes(styles)
            if len(self._lang_styles) > 32:
                self._lang_styles = {None: self._lang_styles[None]}
            self._lang_styles[language] = deflate(raw)
        return self._lang_styles[language]

    # ------------------------------------------------------------------ one posting

    def assemble(self, body: str, *, paper: str, language: str | None, links: dict[str, str], nums: list[str],
                 footer_paragraph: str, core: bytes, logo: "Logo | None", header_paragraphs: str = "") -> bytes:
        """The complete .docx of one posting around ``body`` (paragraphs of WordprocessingML).

        ``header_paragraphs`` go after the reference header's own (the company's name where
        the reference has no header, a draft marker), on every page."""
        frame = self._frame(logo, header_paragraphs, paper)
        entries = dict(frame.entries)
        entries[self.footer_name] = self._deflated(self._footer(footer_paragraph))
        rels = frame.rels + "".join(rel_xml(Rel(rid, RT_HYPERLINK, url, external=True)) for url, rid in links.items())
        document = f"{DECL}<w:document {NS}><w:body>{body}{frame.sect}</w:body></w:document>"
        entries[self.main] = deflate(document.encode("utf-8"))
        entries[rels_name(self.main)] = self._deflated(rels_xml([rels]))
        entries[self.numbering_part] = self._deflated(
            (self.numbering_head + "".join(nums) + self.numbering_tail).encode())
        entries[self.styles_part] = self.styles_entry(language)
        entries["docProps/core.xml"] = deflate(core)
        return pack(entries, frame.order)

    def _frame(self, logo: "Logo | None", header_paragraphs: str, paper: str) -> "_Frame":
        """What every posting with this header shares: the parts that do not change, the
        document's relationships before its links, the content types and the entry order.
        A batch has one or two (a draft's header differs), so each is made once."""
        key = (logo, header_paragraphs, paper)
        found = self._frames.get(key)
        if found is not None:
            return found
        header_rid = f"rId{self.next_rid}" if (logo or self.header or header_paragraphs) else None
        footer_rid = f"rId{self.next_rid + 1}"     # hyperlinks follow, from first_link_rid
        folder = posixpath.dirname(self.main)
        entries = dict(self.static)
        overrides = dict(self.overrides)
        defaults = dict(self.defaults)
        rels = [self.kept_rels_xml]
        if header_rid:
            rels.append(rel_xml(Rel(header_rid, RT_HEADER, posixpath.relpath(self.header_name, folder))))
            overrides[self.header_name] = WML_CT + "header+xml"
            if logo or header_paragraphs:
                header_entries, header_defaults = self._header(logo, header_paragraphs)
                entries.update(header_entries)
                defaults.update(header_defaults)
        rels.append(rel_xml(Rel(footer_rid, RT_FOOTER, posixpath.relpath(self.footer_name, folder))))
        overrides[self.footer_name] = WML_CT + "footer+xml"
        entries["_rels/.rels"] = self.package_rels_entry
        entries["[Content_Types].xml"] = deflate(content_types_xml(defaults, overrides))
        names = [*entries, self.footer_name, self.main, rels_name(self.main), self.numbering_part, self.styles_part,
                 "docProps/core.xml"]
        if len(self._frames) >= 64:
            self._frames.clear()
        found = self._frames[key] = _Frame(entries, "".join(rels), self.sect_pr(paper, header_rid, footer_rid),
                                           entry_order(names))
        return found

    def _deflated(self, raw: bytes) -> Entry:
        """``raw`` deflated, remembered: a batch repeats the small parts (relationships, numbering,
        content types, a company's header and footer) posting after posting, and setting up a
        deflate stream costs more than compressing a part that small. Same bytes either way."""
        found = self._deflate_memo.get(raw)
        if found is None:
            if len(self._deflate_memo) >= 256:
                self._deflate_memo.clear()
            found = self._deflate_memo[raw] = deflate(raw)
        return found

    def _header(self, logo: "Logo | None", paragraphs: str) -> tuple[dict[str, Entry], dict[str, str]]:
        """The header's entries and content-type defaults for ``logo`` and ``paragraphs``: the
        same for every posting of a company, so made once (:meth:`_write_header`)."""
        key = (logo, paragraphs)
        found = self._headers.get(key)
        if found is None:
            entries: dict[str, Entry] = {}
            defaults: dict[str, str] = {}
            self._write_header(entries, defaults, logo, paragraphs)
            if len(self._headers) >= 64:
                self._headers.clear()
            found = self._headers[key] = (entries, defaults)
        return found

    def _footer(self, paragraph: str) -> bytes:
        """jdgen's footer paragraph after the reference footer's non-empty paragraphs."""
        if self.footer is None:
            return f"{DECL}<w:ftr {NS}>{paragraph}</w:ftr>".encode("utf-8")
        root = copy.deepcopy(self.footer[1])
        for p in root.findall(_W + "p"):
            if not "".join(p.itertext()).strip() and not p.xpath(".//*[local-name()='drawing' or local-name()='pict']"):
                root.remove(p)
        root.append(etree.fromstring(f"<w:ftr {NS}>{paragraph}</w:ftr>")[0])
        return xml_bytes(root)

    def _write_header(self, entries: dict[str, Entry], defaults: dict[str, str], logo: "Logo | None",
                      paragraphs: str) -> None:
        """The reference's header (or a new one) with the logo in a new first paragraph and
        ``paragraphs`` after its own."""
        root = copy.deepcopy(self.header[1]) if self.header else etree.fromstring(f"<w:hdr {NS}/>")
        if logo:
            media = f"media/jdgen-logo.{logo.ext}"
            entries[posixpath.join(posixpath.dirname(self.header_name), media)] = logo.entry
            defaults[logo.ext] = f"image/{logo.ext}"
            old_rels = self.header[2] if self.header else []
            rid = f"rId{next_rid(old_rels)}"
            entries[rels_name(self.header_name)] = deflate(rels_xml([*old_rels, Rel(rid, RT_IMAGE, media)]))
            ids = [int(v) for v in root.xpath("//*[local-name()='docPr']/@id") if v.isdigit()]
            header = logo_header_xml(logo, rid=rid, drawing_id=max(ids, default=0) + 1,
                                     header_style=self.style_ids["Header"])
            root.insert(0, etree.fromstring(header)[0])
        if paragraphs:
            for paragraph in etree.fromstring(f"<w:hdr {NS}>{paragraphs}</w:hdr>"):
                root.append(paragraph)
        entries[self.header_name] = deflate(xml_bytes(root))


# What may precede w:widowControl in a w:pPr (CT_PPrBase's order).
_BEFORE_WIDOW = {_W + "pStyle", _W + "keepNext", _W + "keepLines", _W + "pageBreakBefore", _W + "framePr"}


def _doc_defaults(styles: etree._Element) -> etree._Element:
    """styles.xml's ``w:docDefaults``, the first child by the schema, created there when missing."""
    return w_child(styles, "docDefaults", ("latentStyles", "style"))


def _widow_control(styles: etree._Element) -> None:
    """Widow and orphan control on by default in ``styles`` (docDefaults), unless the reference
    already decides: a page never starts or ends with one line of a paragraph. OOXML leaves it
    off where no style sets it, and Word's own templates set it in the Normal style, which a
    reference made elsewhere may not."""
    ppr = w_child(w_child(_doc_defaults(styles), "pPrDefault"), "pPr")
    if ppr.find(_W + "widowControl") is not None:
        return
    at = max((i + 1 for i, child in enumerate(ppr) if child.tag in _BEFORE_WIDOW), default=0)
    ppr.insert(at, etree.Element(_W + "widowControl"))

