"""HTML from the Markdown posting: one source of wording for every format.

The page body and the JSON-LD ``description`` are both rendered from the posting's
Markdown with markdown-it (CommonMark, through :func:`jdgen.render.links.markdown_parser`,
so every link is to an https, http or mailto address). Raw HTML in the Markdown is
written out as escaped text, never as tags, so a template cannot inject markup through
it. The page wraps each ``##`` section in a ``<section>``; the description keeps only
the tags Google's job-posting feature reads (no links, see standards.md §1.2).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..compose.posting import Posting
from .context import build_context
from .env import render_template
from .language import foreign_texts, inline_words, posting_language, posting_translations, web_tag

TEMPLATE = "posting.html.j2"


@cache
def _parser():
    from .links import markdown_parser

    md = markdown_parser()
    md.add_render_rule("html_inline", _as_text)
    md.add_render_rule("html_block", _block_as_text)
    return md


def _as_text(renderer, tokens, idx, options, env) -> str:
    from markdown_it.common.utils import escapeHtml

    return escapeHtml(tokens[idx].content)


def _block_as_text(renderer, tokens, idx, options, env) -> str:
    return f"<p>{_as_text(renderer, tokens, idx, options, env).rstrip()}</p>\n"


def split_markdown(markdown: str) -> tuple[list[Any], list[Any], list[list[Any]]]:
    """Tokens of the header (title and the line under it) and of each ``##`` section."""
    from .plain_blocks import plain_tokens

    tokens = plain_tokens(markdown)
    if tokens is None:          # richer Markdown than the shipped template writes
        tokens = _parser().parse(markdown)
    header: list[Any] = []
    sections: list[list[Any]] = []
    for token in tokens:
        if token.type == "heading_open" and token.tag == "h2":
            sections.append([])
        (sections[-1] if sections else header).append(token)
    return header, sections


def _render(tokens: list[Any], *, links: bool = True) -> str:
    if not links:
        tokens = [_unlinked(t) for t in tokens]
    return _parser().renderer.render(tokens, _parser().options, {})


def _unlinked(token):
    if token.type != "inline" or not token.children:
        return token
    copy = token.copy()
    copy.children = [c for c in token.children if c.type not in ("link_open", "link_close")]
    return copy


def mark_languages(tokens: list[Any], foreign: dict[str, str]) -> None:
    """Give each paragraph whose text is one of ``foreign`` (words -> tag) its ``lang`` attribute."""
    for opener, inline in zip(tokens, tokens[1:]):
        if opener.type == "paragraph_open" and inline.type == "inline":
            language = foreign.get(inline_words(inline.children or ()))
            if language:
                opener.attrSet("lang", web_tag(language))


def description_html(markdown: str) -> str:
    """The posting without its title as simple HTML for JSON-LD ``description``.

    The line under the title stays: it says where the job is, whether it is remote or
    hybrid, and full- or part-time, which job boards show only from the description.
    """
    header, sections = split_markdown(markdown)
    lead, in_title = [], False
    for token in header:
        if token.type == "heading_open" and token.tag == "h1":
            in_title = True
        elif not in_title:
            lead.append(token)
        if token.type == "heading_close" and token.tag == "h1":
            in_title = False
    return "".join(_render(part, links=False) for part in (lead, *sections)).strip()


def render_html(posting: Posting, markdown: str, jsonld: dict[str, Any] | None,
                catalog_templates: Path | None = None) -> str:
    """The posting page; ``jsonld`` None (a generic or unapproved posting) leaves out its script.

    The template writes the script only ``{% if jsonld %}``, so the page of a posting that
    must not reach job search carries no JobPosting at all (see :func:`jdgen.render.jsonld.refusal`).
    """
    header, sections = split_markdown(markdown)
    foreign = foreign_texts(posting)
    if foreign:
        for tokens in (header, *sections):
            mark_languages(tokens, foreign)
    translations = posting_translations(posting)
    context = build_context(posting, translations)
    context.update(
        header_html=Markup(_render(header)),
        sections_html=[Markup(_render(section)) for section in sections],
        jsonld=jsonld,
        language=web_tag(posting_language(posting)),
    )
    page = render_template(TEMPLATE, "html", context, catalog_templates, translations)
    if catalog_templates is not None and (catalog_templates / TEMPLATE).is_file():
        from .page_guard import guard_page  # a catalog's own page: only then is the cost paid

        page = guard_page(page)
    return page
