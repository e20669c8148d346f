"""The draft marker: a posting whose profile is not approved says so in every format.

jdgen adds the marker after the templates have run, so that a catalog's own templates
cannot leave it out. It is written in the posting's language, like the rest of it. A profile counts as approved only with ``status: approved`` (see
:func:`jdgen.compose.posting.is_approved`); draft, review and retired profiles all give
marked postings, since none of them is cleared for publication.

* Markdown: a blockquote with :data:`DRAFT_LINE` (and the profile's status) right under the
  title, so that a reader sees it before anything else the posting says. Not above the title:
  the first line of a Markdown document is its title heading (markdownlint's MD041; job
  boards and editors that take the first heading as the title rely on it). A blockquote
  rather than a bold paragraph, since bold alone reads as a heading (MD036). A posting whose
  template writes no title heading first gets the marker at the top.
* HTML: ``<meta name="robots" content="noindex">`` in the head, so that a draft put on a
  web server by mistake is not indexed, and a banner as the first element of the body.
* DOCX: built from the marked Markdown (the line, in bold, is the paragraph under the
  title), the line again in the page header of every page, and the core property ``contentStatus`` "Draft"
  (jdgen writes "Final" for approved postings: see :func:`content_status`).
"""

from __future__ import annotations

import re

from ..compose.posting import Posting
from .translations import N_

DRAFT_LINE = N_("DRAFT — not approved for publication")
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)
_ATX_TITLE = re.compile(r" {0,3}# ")
_SETEXT_TITLE = re.compile(r" {0,3}=+ *$")


def draft_line(posting: Posting) -> str:
    """:data:`DRAFT_LINE` in the posting's language (the DOCX page header repeats it)."""
    from .language import posting_translations

    return posting_translations(posting).gettext(DRAFT_LINE)


def draft_notice(posting: Posting) -> str | None:
    """The marker line for a posting whose profile is not approved, in its language, else None.

    The status stays the catalog's word (draft, review, retired): it is what reviewers search for.
    """
    if not posting.is_draft:
        return None
    from .language import posting_translations

    marker = posting_translations(posting).gettext(N_("%(marker)s (profile status: %(status)s)"))
    return marker % {"marker": draft_line(posting), "status": posting.profile.status}


def content_status(posting: Posting) -> str:
    """DOCX ``contentStatus``: "Draft", or "Final" for an approved profile.

    Not empty for approved postings: an empty status cannot be told from a document made
    by a tool that never sets it, and document libraries (SharePoint, Word's file
    properties) can then list or filter the final versions. "Final" alone does not make
    Word open the file read-only (that is a separate custom property), so recruiters can
    still edit it.
    """
    return "Draft" if draft_notice(posting) else "Final"


def mark_markdown(markdown: str, notice: str | None) -> str:
    """``markdown`` with ``notice`` as a blockquote under its title (see the module docstring)."""
    return _under_title(markdown, f"> {notice}") if notice else markdown


def docx_markdown(markdown: str, notice: str | None) -> str:
    """The Markdown a DOCX posting is built from: ``notice`` in bold where the Markdown has it.

    Bold, not a blockquote: Word shows a quote as an indented aside, while the marker must
    stand out; the page header repeats it on every page.
    """
    return _under_title(markdown, f"**{notice}**") if notice else markdown


def _under_title(markdown: str, block: str) -> str:
    title = _title_end(markdown)
    head, rest = markdown[:title], markdown[title:].lstrip("\n")
    return f"{head}\n\n{block}\n\n{rest}" if head else f"{block}\n\n{rest}"


def _title_end(markdown: str) -> int:
    """Where the title heading that opens ``markdown`` ends (ATX ``# T`` or setext ``T``/``===``), else 0."""
    lines = markdown.split("\n", 2)
    if _ATX_TITLE.match(lines[0]):
        return len(lines[0])
    if len(lines) > 1 and lines[0].strip() and _SETEXT_TITLE.match(lines[1]):
        return len(lines[0]) + 1 + len(lines[1])
    return 0


def mark_html(page: str, notice: str | None) -> str:
    """``page`` with the noindex meta in its head and a banner first in its body.

    Added to the finished page (after a catalog page's allow-list rewrite), wherever the
    template put its head and body; a page without them gets both at the top.
    """
    if not notice:
        return page
    from markupsafe import escape

    meta = '<meta name="robots" content="noindex">\n'
    banner = (f'<p class="jdgen-draft" role="note" style="margin:0 0 1.5rem;padding:0.6rem 0.9rem;'
              f'border:2px solid #b42318;background:#fef3f2;color:#b42318;font-weight:700">{escape(notice)}</p>\n')
    head = _HEAD.search(page)
    page = page[:head.end()] + "\n" + meta + page[head.end():].lstrip("\n") if head else meta + page
    body = _BODY.search(page)
    return page[:body.end()] + "\n" + banner + page[body.end():].lstrip("\n") if body else banner + page
