"""JD401 for a posting file someone wrote (lint/posting_files.py): its places are stated in words,
and any pay range written in it satisfies a law that asks for one.

Apart from posting_files so that the pay rule can use it without importing the runner (which
imports the rule set).
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from ..documents.stated import PAY_RANGE
from .registry import Hit


def pay_hits(posting, as_of: date) -> Iterator[Hit]:
    """JD401 for a posting file: a law in force where the job is (``posting.stated``) requires a
    pay range, and no range is written anywhere in it."""
    from .jurisdictions import laws_at

    if any(PAY_RANGE.search(text.text) for text in posting.__dict__["_lint_texts"]):
        return
    seen = set()
    for place, where in posting.stated:
        for law, in_force in laws_at(place.country, place.region, place.city, place.remote, as_of):
            if not in_force or not law["requires"].get("range") or law["id"] in seen:
                continue
            seen.add(law["id"])
            yield Hit(where, f"{law['name']} requires a pay range in postings (since {law['effective']}), and this "
                             f"posting for {place.describe()} states none",
                      "state the range, e.g. '$150,000–$180,000 per year'")
