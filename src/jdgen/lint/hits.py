"""Hits located in a posting, for the rules that check postings.

A posting's values come from two files: the profile and, merged onto it, the company.
:func:`posting_hit` finds where a merged value was written through the posting's
provenance, so a finding points at the profile or the company file, whichever the value
came from; :func:`company_hit` points into the company file. Several rule modules use
them, so they live here rather than in any one rule module.
"""

from __future__ import annotations

from .registry import Hit
from .texts import source_doc


def posting_hit(posting, path, message, hint) -> Hit:
    """A hit at a merged path of the posting, located through its provenance."""
    # A posting file has no profile document: its provenance maps () to where the file starts.
    location = posting.provenance.get(path) or (posting.profile_doc.where(()) if posting.profile_doc
                                                else posting.provenance[()])
    doc = source_doc(posting, location.file)
    return Hit(location, message, hint, doc, (location.line,))


def company_hit(posting, path, message, hint, *, key: bool = False) -> Hit:
    doc = posting.company_doc
    location = doc.where(path, key=key)
    return Hit(location, message, hint, doc, (location.line,))
