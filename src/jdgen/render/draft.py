"""The draft marker: a posting whose profile is not approved says so in every format.

jdgen adds the marker after the templates have run, so that a catalog's own templates
cannot leave it out. A profile counts as approved only with ``status: approved``; draft,
review and retired profiles all give marked postings, since none of them is cleared for
publication.

* Markdown: the first line is :data:`DRAFT_LINE` (with the profile's status), then a blank line.
* HTML: ``<meta name="robots" content="noindex">`` in the head, so that a draft put on a
  web server by mistake is not indexed, and a banner as the first element of the body.
* DOCX: built from the marked Markdown (the line is its first paragraph), the line again
  in the page header of every page, and the core property ``contentStatus`` "Draft"
  (jdgen writes "Final" for approved postings: see :func:`content_status`).
"""

from __future__ import annotations

import re

from ..compose.posting import Posting

DRAFT_LINE = "DRAFT — not approved for publication"
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)


def draft_notice(posting: Posting) -> str | None:
    """The marker line for a posting whose profile is not approved, else None."""
    status = posting.profile.status
    return None if status == "approved" else f"{DRAFT_LINE} (profile status: {status})"


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
    return f"{notice}\n\n{markdown}" if notice else markdown


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
