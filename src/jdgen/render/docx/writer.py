"""Markdown text in, deterministic recruiter-ready .docx bytes out.

The posting Markdown (rendered from a Jinja template elsewhere) is parsed with markdown-it
(CommonMark) and written as WordprocessingML that uses only the reference document's
styles, so that the DOCX holds exactly the Markdown's text:

==========================  ===================================================
Markdown                    Word
==========================  ===================================================
first ``#``                 Title (later ``#``: Heading 1)
``##`` / ``###`` / deeper   Heading 1 / Heading 2 / Heading 3
paragraph                   Normal (Quote inside a block quote, when it exists)
``-`` / ``1.`` list items   List Bullet / List Number, ``2`` and ``3`` when nested,
                            with real numbering; every numbered list restarts
later paragraphs of items   List Continue (2, 3) when the reference has it
``**b**`` / ``*i*``         bold / italic runs
```code``` and code blocks  runs in the Verbatim Char style, when it exists
https, http, mailto links   ``w:hyperlink`` to an external relationship, Hyperlink style
                            (other links are their text only, see jdgen.render.links)
raw HTML                    its text only; ``<br>`` as a line break
thematic break              nothing
==========================  ===================================================

Header and footer: the reference's default header is kept and the logo, if any, goes
into a new first paragraph of it. The reference's default footer is kept without its
empty paragraphs, and jdgen's paragraph ``{footer_text} · Page X of Y`` (Footer style,
PAGE and NUMPAGES fields) is appended. First-page and even-page headers and footers of
the reference are not used, so that every page looks the same.

Speed: :class:`DocxWriter` parses the reference once; a posting then costs one Markdown
parse (:mod:`jdgen.render.plain_blocks`' records for the plain Markdown postings are made
of, read without building markdown-it tokens), string building and deflating the few
parts that change.
Same inputs, same bytes.
"""

from __future__ import annotations

import functools
import html
import importlib.resources
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Literal

from jdgen.errors import ConfigError, SourceError
from jdgen.render.docx.logo import Logo, load_logo
from jdgen.render.docx.opc import core_xml, esc
from jdgen.render.docx.readback import docx_paragraph_texts, docx_text_dump
from jdgen.render.docx.reference import Reference
from jdgen.render.language import inline_words, words
from jdgen.render.links import is_allowed, markdown_parser
from jdgen.render.plain_blocks import plain_blocks

__all__ = ["DocxOptions", "DocxWriter", "markdown_to_docx", "docx_text_dump", "docx_paragraph_texts",
           "default_reference_path", "REQUIRED_STYLES", "OPTIONAL_STYLES"]

REQUIRED_STYLES = (("Normal", "paragraph"), ("Title", "paragraph"), ("Heading 1", "paragraph"),
                   ("Heading 2", "paragraph"), ("Heading 3", "paragraph"), ("List Bullet", "paragraph"),
                   ("List Bullet 2", "paragraph"), ("List Number", "paragraph"), ("List Number 2", "paragraph"),
                   ("Hyperlink", "character"), ("Header", "paragraph"), ("Footer", "paragraph"))
OPTIONAL_STYLES = (("Quote", "paragraph"), ("List Bullet 3", "paragraph"), ("List Number 3", "paragraph"),
                   ("List Continue", "paragraph"), ("List Continue 2", "paragraph"),
                   ("List Continue 3", "paragraph"), ("Verbatim Char", "character"))
_LISTS = {f"List {kind.title()}{depth}": kind for kind in ("bullet", "number") for depth in ("", " 2", " 3")}
_HEADINGS = {"h1": "Heading 1", "h2": "Heading 1", "h3": "Heading 2"}

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LONG = re.compile(r"\S{61,}")
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_ONLY = re.compile(f"[{_RTL}\\s]*[{_RTL}][{_RTL}\\s]*")
_LANG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_SKIP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?][^>]*>", re.S | re.I)
_BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|h[1-6]|table|tr|td|th|section|article|header|footer|blockquote|pre|"
                    r"dl|dt|dd)\b[^>]*>", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")
_MD = markdown_parser()
_PLAIN = (False, False, None)     # run format: bold, italic, character style id


@dataclass(frozen=True)
class DocxOptions:
    title: str                   # core property title
    subject: str                 # e.g. "AIMLAM.GEN.P4 · P4 Senior Professional"
    author: str                  # the company name, or "jdgen" without a company
    keywords: tuple[str, ...]    # e.g. ("AIMLAM.GEN.P4", "P4", "AIMLAM")
    created: datetime            # timezone-aware; created AND modified; no other time enters the file
    paper: Literal["letter", "a4"] = "a4"
    footer_text: str = ""        # the footer shows this, then "Page X of Y"
    language: str | None = None  # BCP 47 tag such as "en-US": the document default language
    page_words: tuple[str, str, str] = ("Page ", " of ", "")  # the footer's words around page and page count
    # Paragraphs in another language than the document's: their words (whitespace as one
    # space) and BCP 47 tag; their runs get w:lang (jdgen.render.language.foreign_texts).
    languages: tuple[tuple[str, str], ...] = ()
    reference: Path | None = None  # a company's reference .docx; None = templates/reference.docx
    logo: Path | None = None     # PNG/JPEG placed in the page header, 3 cm wide
    header_text: tuple[str, ...] = ()  # lines added to the page header (Header style), on every page
    content_status: str | None = None  # core property contentStatus, e.g. "Draft" or "Final"

    def __post_init__(self) -> None:
        if self.created.tzinfo is None or self.created.utcoffset() is None:
            raise ValueError("DocxOptions.created must be timezone-aware (UTC), or output would depend on TZ")
        if self.paper not in ("letter", "a4"):
            raise ValueError(f"DocxOptions.paper must be 'letter' or 'a4', not {self.paper!r}")


@functools.cache
def default_reference_path() -> Path:
    """templates/reference.docx: inside an installed wheel, else in the source checkout."""
    try:
        packed = importlib.resources.files("jdgen") / "_data" / "templates" / "reference.docx"
        if isinstance(packed, Path) and packed.is_file():
            return packed
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[4] / "templates" / "reference.docx"


# ---------------------------------------------------------------------------- text


def _html_text(raw: str) -> list[str]:
    """The text content of an HTML block: one entry per block element, <br> as a line break."""
    out = []
    for block in _BLOCK.split(_SKIP.sub("", raw)):
        lines = [" ".join(html.unescape(_TAG.sub("", part)).split()) for part in _BR.split(block)]
        out.append("\n".join(lines).strip("\n"))
    return [text for text in out if text.strip()]


def _breakable(text: str) -> str:
    """Zero-width spaces every 40 characters in words longer than 60, so that they can wrap."""
    if len(text) <= 60:
        return text
    return _LONG.sub(lambda m: "\u200b".join(m[0][i:i + 40] for i in range(0, len(m[0]), 40)), text)


@functools.lru_cache(maxsize=64)
def _format_props(fmt: tuple) -> str:
    bold, italic, style = fmt
    return ((f'<w:rStyle w:val="{style}"/>' if style else "") + ("<w:b/><w:bCs/>" if bold else "")
            + ("<w:i/><w:iCs/>" if italic else ""))


def _run(text: str, fmt: tuple, language: str | None = None) -> str:
    props = _format_props(fmt)
    if text and not text.isascii() and max(text) >= "\u0590" and _RTL_ONLY.fullmatch(text):
        props += "<w:rtl/>"
    if language:   # after w:rtl: CT_RPr is a sequence
        props += f'<w:lang w:val="{esc(language)}"/>'
    body = esc(_breakable(text)).replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    body = body.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>'


def _field(instruction: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} '
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


# ---------------------------------------------------------------------------- page breaks

# A short list stays on one page; in a longer one only its first two and last two items are tied.
_SHORT_LIST = 6
# Up to this many characters (about four lines) a paragraph is not split across pages.
_SHORT_PARAGRAPH = 360
# The last section moves to a new page whole when it is at most this long, so the last page
# never holds a tail of a line or two.
_LAST_SECTION = (10, 1400)   # paragraphs, characters
_SUBHEADING = {"Heading 1": "Heading 2", "Heading 2": "Heading 3", "Heading 3": "Heading 3"}


@dataclass(slots=True)
class _Para:
    style_id: str
    numpr: str
    runs: str
    role: str              # title, heading, item or para
    group: int | None      # which top-level list an item belongs to
    length: int            # characters of text
    section: bool          # a Heading 1: a new section starts here
    before_list: bool      # a list follows

    def xml(self, keep_next: bool) -> str:
        keep = ("<w:keepNext/>" if keep_next else "") + \
            ("<w:keepLines/>" if self.role != "para" or self.length <= _SHORT_PARAGRAPH else "")
        return f'<w:p><w:pPr><w:pStyle w:val="{self.style_id}"/>{keep}{self.numpr}</w:pPr>{self.runs}</w:p>'


def _keep_with_next(paras: list[_Para]) -> list[bool]:
    """Which paragraphs Word must keep on the page of the next one.

    Headings (and the title) always; a paragraph that introduces a list; the items of a
    short list but its last (a long list: its first two and last two items); and every
    paragraph of a short last section, so that the end of a posting moves to the last page
    as a block instead of leaving a line or two there alone. Widow and orphan control (in
    the styles' defaults) does the rest.
    """
    keep = [p.role in ("title", "heading") or p.before_list for p in paras]
    groups: dict[int, list[int]] = {}
    for index, para in enumerate(paras):
        if para.group is not None:
            groups.setdefault(para.group, []).append(index)
    for members in groups.values():
        tied = members[:-1] if len(members) <= _SHORT_LIST else [members[0], *members[-3:-1]]
        for index in tied:
            keep[index] = True
    last = max((i for i, p in enumerate(paras) if p.section), default=None)
    if last is not None:
        tail = paras[last:]
        if len(tail) <= _LAST_SECTION[0] and sum(p.length for p in tail) <= _LAST_SECTION[1]:
            for index in range(last, len(paras) - 1):
                keep[index] = True
    if paras:
        keep[-1] = False
    return keep


def _heading_like(children, following) -> bool:
    """A paragraph that reads as a heading: all of it bold, or a short line ending in a colon that
    introduces a list ("Benefits:"). Word gets a real heading for it, so it shows in the navigation
    pane and keeps with what follows."""
    kinds = [c.type for c in children]
    if "link_open" in kinds or "image" in kinds:
        return False
    text = "".join(c.content for c in children if c.type in ("text", "text_special", "code_inline")).strip()
    if not text or len(text) > 80:
        return False
    if kinds and kinds[0] == "strong_open" and kinds[-1] == "strong_close" and kinds.count("strong_open") == 1:
        return True
    return (text.endswith(":") and len(text) <= 60 and following is not None
            and following.type in ("bullet_list_open", "ordered_list_open"))


def _plain_heading_like(lines: list[list[tuple[str, str | None]]], before_list: bool) -> bool:
    """:func:`_heading_like` for a plain paragraph's parts (a soft break adds nothing to its text)."""
    if any(href is not None for line in lines for _, href in line):
        return False
    text = "".join(text for line in lines for text, _ in line).strip()
    return bool(text) and text.endswith(":") and len(text) <= 60 and before_list


# ---------------------------------------------------------------------------- the writer


class DocxWriter:
    """Parses the reference document ONCE; then converts many Markdown strings quickly.

    The constructor checks that the reference has every style jdgen needs
    (:data:`REQUIRED_STYLES`) and raises :class:`~jdgen.errors.ConfigError` otherwise,
    before anything is written; a missing or broken file raises SourceError.
    """

    def __init__(self, reference: Path | None = None) -> None:
        self.reference = Path(reference) if reference is not None else default_reference_path()
        self._ref = Reference(self.reference, REQUIRED_STYLES, OPTIONAL_STYLES, _LISTS)
        self._ids = self._ref.style_ids
        self._logos: dict[tuple, Logo] = {}

    def write(self, markdown: str, options: DocxOptions, *, warn: Callable[[str], None] | None = None) -> bytes:
        if options.reference is not None and _resolved(str(options.reference)) != _resolved(str(self.reference)):
            raise ValueError("options.reference names another reference document than this DocxWriter's; "
                             "use markdown_to_docx() or a DocxWriter made for that reference")
        for language in (options.language, *(tag for _, tag in options.languages)):
            if language is not None and not _LANG.fullmatch(language):
                raise ConfigError(f"language {language!r} is not a BCP 47 language tag",
                                  hint="use a tag such as 'en-US' or 'de-DE'")
        texts = [markdown, options.title, options.subject, options.author, options.footer_text, *options.header_text,
                 *options.keywords]
        removed = 0
        for i, text in enumerate(texts):
            texts[i], count = _FORBIDDEN.subn("", text)
            removed += count
        markdown, title, subject, author, footer_text, *rest = texts
        header_text, keywords = rest[:len(options.header_text)], rest[len(options.header_text):]
        if removed and warn is not None:
            warn(f"removed {removed} control character(s) that Word cannot store")
        for warning in self._ref.warnings if warn is not None else ():
            warn(warning)
        logo = self._logo(Path(options.logo)) if options.logo is not None else None

        links: dict[str, str] = {}
        nums: list[str] = []
        blocks = plain_blocks(markdown)
        if blocks is not None:
            body = self._plain_body(blocks, links, nums, dict(options.languages))
        else:                               # richer Markdown than the shipped template writes
            body = self._body(_MD.parse(markdown), links, nums, dict(options.languages))
        before, between, after = (_FORBIDDEN.sub("", words) for words in options.page_words)
        lead = f"{footer_text} · {before}" if footer_text else before
        footer = (f'<w:p><w:pPr><w:pStyle w:val="{self._ids["Footer"]}"/></w:pPr>{_run(lead, _PLAIN)}'
                  f'{_field("PAGE")}{_run(between, _PLAIN)}{_field("NUMPAGES")}{_run(after, _PLAIN) if after else ""}</w:p>')
        header = "".join(f'<w:p><w:pPr><w:pStyle w:val="{self._ids["Header"]}"/></w:pPr>{_run(text, _PLAIN)}</w:p>'
                         for text in header_text if text.strip())
        core = core_xml(title=title, subject=subject, author=author, keywords=keywords,
                        created=options.created, language=options.language, content_status=options.content_status)
        return self._ref.assemble(body, paper=options.paper, language=options.language, links=links, nums=nums,
                                  footer_paragraph=footer, core=core, logo=logo, header_paragraphs=header)

    def _logo(self, path: Path) -> Logo:
        try:
            stat = path.stat()
        except OSError:
            raise SourceError(f"logo {path} does not exist") from None
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key not in self._logos:
            if len(self._logos) >= 16:
                self._logos.clear()
            self._logos[key] = load_logo(path)
        return self._logos[key]

    # ------------------------------------------------------------------ blocks

    def _body(self, tokens, links: dict[str, str], nums: list[str], languages: dict[str, str]) -> str:
        """Paragraphs for the block tokens; fills ``links`` (URL -> rId) and ``nums`` (w:num).
        A paragraph whose words are a key of ``languages`` gets that language on its runs."""
        ids, ref = self._ids, self._ref
        out: list[_Para] = []
        lists: list[list] = []        # per open list: [style name, numId, item waiting for its first paragraph, id]
        quote, titled, heading = 0, False, None
        next_num, list_count = ref.next_num_id, 0
        for i, tok in enumerate(tokens):
            kind = tok.type
            if kind == "inline":
                opener, numpr, role, group = tokens[i - 1], "", "para", None
                if opener.type == "heading_open":
                    style = "Title" if opener.tag == "h1" and not titled else _HEADINGS.get(opener.tag, "Heading 3")
                    titled = titled or opener.tag == "h1"
                    role = "title" if style == "Title" else "heading"
                    heading = None if style == "Title" else style
                elif lists and lists[-1][2]:
                    style, num_id = lists[-1][0], lists[-1][1]
                    numpr = f'<w:numPr><w:ilvl w:val="{ref.lists[style].ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                    role, group = "item", lists[-1][3]
                elif lists:   # a later paragraph of a list item
                    style = "List Continue" + (f" {min(len(lists), 3)}" if len(lists) > 1 else "")
                    style = style if style in ids else "List Continue" if "List Continue" in ids else "Normal"
                    role, group = "item", lists[-1][3]
                elif titled and not quote and _heading_like(tok.children or [], tokens[i + 2] if i + 2 < len(tokens) else None):
                    style = _SUBHEADING.get(heading, "Heading 1")
                    role = "heading"
                else:
                    style = "Quote" if quote and "Quote" in ids else "Normal"
                language = languages.get(inline_words(tok.children or [])) if languages and role == "para" else None
                runs = self._inline(tok.children or [], links, language)
                if runs:
                    following = tokens[i + 2].type if i + 2 < len(tokens) else ""
                    out.append(_Para(ids[style], numpr, runs, role, group, len(tok.content),
                                     style == "Heading 1", following in ("bullet_list_open", "ordered_list_open")))
                if lists:
                    lists[-1][2] = False
            elif kind in ("bullet_list_open", "ordered_list_open"):
                style = self._list_style("List Bullet" if kind == "bullet_list_open" else "List Number",
                                         len(lists) + 1)
                definition = ref.lists[style]
                if kind == "bullet_list_open":
                    num_id = definition.num_id
                else:                       # a new w:num per list: numbering restarts
                    num_id, next_num = str(next_num), next_num + 1
                    start = int(tok.attrs.get("start", 1) or 1)
                    nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{definition.abstract_id}"/>'
                                f'<w:lvlOverride w:ilvl="{definition.ilvl}"><w:startOverride w:val="{start}"/>'
                                f'</w:lvlOverride></w:num>')
                list_count += 1
                lists.append([style, num_id, False, lists[0][3] if lists else list_count])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                lists[-1][2] = True
            elif kind in ("blockquote_open", "blockquote_close"):
                quote += 1 if kind == "blockquote_open" else -1
            elif kind in ("fence", "code_block", "html_block"):
                if kind == "html_block":
                    texts, fmt = _html_text(tok.content), _PLAIN
                else:
                    texts, fmt = [tok.content.rstrip("\n")], (False, False, ids.get("Verbatim Char"))
                out += [_Para(ids["Normal"], "", _run(text, fmt), "para", None, len(text), False, False)
                        for text in texts if text.strip()]
                if lists:
                    lists[-1][2] = False
        return "".join(p.xml(keep) for p, keep in zip(out, _keep_with_next(out)))

    def _plain_body(self, blocks: list[tuple], links: dict[str, str], nums: list[str],
                    languages: dict[str, str]) -> str:
        """What :meth:`_body` makes of markdown-it's tokens for plain Markdown, made from
        :func:`~jdgen.render.plain_blocks.plain_blocks`' records without building the tokens
        (a third of a posting's DOCX time). Same paragraphs, styles, numbering and links:
        ``tests/test_plain_blocks.py`` compares the two on every shipped posting and on
        generated documents."""
        ids, ref = self._ids, self._ref
        out: list[_Para] = []
        titled, heading = False, None
        next_num, list_count = ref.next_num_id, 0
        last = len(blocks) - 1
        for index, block in enumerate(blocks):
            kind = block[0]
            # markdown-it's token after this block's closing one opens the next block
            before_list = index < last and blocks[index + 1][0] == "list"
            if kind == "list":
                _, _, _, ordered, items = block
                style = "List Number" if ordered else "List Bullet"   # one level: the style itself
                definition = ref.lists[style]
                if ordered:                 # a new w:num per list: numbering restarts
                    num_id, next_num = str(next_num), next_num + 1
                    nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{definition.abstract_id}"/>'
                                f'<w:lvlOverride w:ilvl="{definition.ilvl}"><w:startOverride '
                                f'w:val="{int(items[0][0]) or 1}"/></w:lvlOverride></w:num>')
                else:
                    num_id = definition.num_id
                list_count += 1
                numpr = f'<w:numPr><w:ilvl w:val="{definition.ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                for _, text, parts in items:
                    runs = self._plain_runs([parts], links)
                    if runs:
                        out.append(_Para(ids[style], numpr, runs, "item", list_count, len(text), False, False))
                continue
            if kind == "heading":
                _, _, marks, content, parts = block
                tag = f"h{len(marks)}"
                style = "Title" if tag == "h1" and not titled else _HEADINGS.get(tag, "Heading 3")
                titled = titled or tag == "h1"
                role = "title" if style == "Title" else "heading"
                heading = None if style == "Title" else style
                lines, bold = [parts], False
            elif kind == "bold":
                _, _, content, inner = block
                lines, bold = [[(inner, None)]], True
            else:                           # a paragraph, alone or the one of a quote
                content, lines, bold = "\n".join(block[3]), block[4], False
            if kind in ("heading", "quote"):
                before_list = before_list and kind == "heading"    # a quote's paragraph closes inside it
                if kind == "quote":
                    style, role = ("Quote" if "Quote" in ids else "Normal"), "para"
            elif titled and _plain_heading_like(lines, before_list):
                style, role = _SUBHEADING.get(heading, "Heading 1"), "heading"
            else:
                style, role = "Normal", "para"
            language = None
            if languages and role == "para":
                language = languages.get(words(" ".join("".join(text for text, _ in line) for line in lines)))
            runs = self._plain_runs(lines, links, language, bold)
            if runs:
                out.append(_Para(ids[style], "", runs, role, None, len(content), style == "Heading 1", before_list))
        return "".join(p.xml(keep) for p, keep in zip(out, _keep_with_next(out)))

    def _plain_runs(self, lines: list[list[tuple[str, str | None]]], links: dict[str, str],
                    language: str | None = None, bold: bool = False) -> str:
        """:meth:`_inline`'s runs for the parts of plain lines (a soft break, one space, between
        lines), in bold when ``bold``."""
        out: list[str] = []
        pending: list[str] = []
        plain = (True, False, None) if bold else _PLAIN
        linked = (False, False, self._ids["Hyperlink"])
        visible = False
        for number, parts in enumerate(lines):
            if number:
                pending.append(" ")
            for text, href in parts:
                visible = visible or not text.isspace()
                if href is None:
                    pending.append(text)
                    continue
                if pending:
                    out.append(_run("".join(pending), plain, language))
                    pending.clear()
                rid = links.setdefault(href, f"rId{self._ref.first_link_rid + len(links)}")
                out.append(f'<w:hyperlink r:id="{rid}" w:history="1">{_run(text, linked, language)}</w:hyperlink>')
        if pending:
            out.append(_run("".join(pending), plain, language))
        return "".join(out) if visible else ""

    def _list_style(self, name: str, depth: int) -> str:
        for level in range(min(depth, 3), 1, -1):
            if f"{name} {level}" in self._ref.lists:
                return f"{name} {level}"
        return name

    # ------------------------------------------------------------------ inlines

    def _inline(self, children, links: dict[str, str], language: str | None = None) -> str:
        """Runs for one inline token's children, adjacent text of one format merged into one run
        (each with ``w:lang`` ``language`` when given)."""
        out: list[str] = []
        pending: list[str] = []
        current = _PLAIN
        bold = italic = 0
        in_link = visible = False
        code_style, link_style = self._ids.get("Verbatim Char"), self._ids["Hyperlink"]

        def flush() -> None:
            if pending:
                out.append(_run("".join(pending), current, language))
                pending.clear()

        for child in children:
            kind, text = child.type, None
            if kind in ("text", "text_special", "code_inline", "image"):
                text = child.content           # an image shows its alt text
            elif kind == "softbreak":
                text = " "
            elif kind == "hardbreak":
                text = "\n"
            elif kind == "html_inline":
                text = "\n" if _BR.fullmatch(child.content.strip()) else None
            elif kind in ("strong_open", "strong_close"):
                bold += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                italic += 1 if kind == "em_open" else -1
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                if is_allowed(href):    # the parser dropped the others; a relative link or anchor is text
                    flush()
                    rid = links.setdefault(href, f"rId{self._ref.first_link_rid + len(links)}")
                    out.append(f'<w:hyperlink r:id="{rid}" w:history="1">')
                    in_link = True
            elif kind == "link_close" and in_link:
                flush()
                out.append("</w:hyperlink>")
                in_link = False
            if text:
                style = code_style if kind == "code_inline" else (link_style if in_link else None)
                fmt = (bold > 0, italic > 0, style)
                if fmt != current:
                    flush()
                    current = fmt
                pending.append(text)
                visible = visible or not text.isspace()
        flush()
        return "".join(out) if visible else ""


# ---------------------------------------------------------------------------- module API


@functools.lru_cache(maxsize=8)
def _cached_writer(path: str, mtime_ns: int, size: int) -> DocxWriter:
    return DocxWriter(Path(path))


@functools.lru_cache(maxsize=64)
def _resolved(path: str) -> str:
    """``path`` with its links resolved, once per process: every posting of a company names the
    same reference document, and resolving walks each folder of its path."""
    return str(Path(path).resolve())


def writer_for(reference: Path | None) -> DocxWriter:
    """The writer for a reference document, parsed and style-checked once (cached by path, mtime, size)."""
    path = Path(reference) if reference is not None else default_reference_path()
    try:
        stat = path.stat()
    except OSError:
        raise SourceError(f"reference document {path} does not exist") from None
    return _cached_writer(_resolved(str(path)), stat.st_mtime_ns, stat.st_size)


def markdown_to_docx(markdown: str, options: DocxOptions, *, warn: Callable[[str], None] | None = None) -> bytes:
    """Convert with a writer cached per reference document."""
    return writer_for(options.reference).write(markdown, options, warn=warn)
