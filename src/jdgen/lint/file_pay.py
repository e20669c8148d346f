"""JD401 and JD406 for a posting file someone wrote (lint/posting_files.py): its places are stated
in words, and any pay range written in it satisfies a law that asks for one.

Apart from posting_files so that the pay rules can use it without importing the runner (which
imports the rule set). The wording is the catalog's (lint/jurisdictions.py), so a law reads the
same whether the posting came from a company file or from a file someone wrote.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from ..documents.stated import PAY_RANGE
from .registry import Hit


def _has_pay(posting) -> bool:
    return any(PAY_RANGE.search(text.text) for text in posting.__dict__["_lint_texts"])


def pay_hits(posting, as_of: date) -> Iterator[Hit]:
    """JD401 for a posting file: a law in force where the job is (``posting.stated``) requires a
    pay range, and no range is written anywhere in it. The EU directive's own row is no duty
    (JD406 reports a member state without a law)."""
    from .jurisdictions import EU_MEMBERS, before_interview_note, is_directive, laws_at, range_duty

    if _has_pay(posting):
        return
    seen = set()
    for place, where in posting.stated:
        for law, in_force in laws_at(place.country, place.region, place.city, place.remote, as_of):
            if not in_force or is_directive(law) or not law["requires"].get("range") or law["id"] in seen:
                continue
            seen.add(law["id"])
            later = before_interview_note(law)
            example = "'€60,000–€75,000 per year'" if law["country"] in EU_MEMBERS else "'$150,000–$180,000 per year'"
            yield Hit(where, f"{range_duty(law)}, and this posting for {place.describe()} states none{later}",
                      f"state the range, e.g. {example}" + (", or suppress JD401 with that reason if candidates get "
                                                            "the pay before the interview" if later else ""))


def upcoming_hits(posting, as_of: date) -> Iterator[Hit]:
    """JD406 for a posting file: laws covering its places that start after ``as_of`` (info), and a
    member state past the EU directive's deadline without a law, when the file states no pay
    (warning)."""
    from .jurisdictions import OVERDUE_HINT, is_directive, laws_at, overdue, overdue_message, transposed

    paid = None
    seen = set()
    for place, where in posting.stated:
        for law, in_force in laws_at(place.country, place.region, place.city, place.remote, as_of):
            directive = is_directive(law)
            if (law["id"], place.country) in seen or directive and transposed(place.country, as_of):
                continue
            seen.add((law["id"], place.country))
            if not in_force:
                yield Hit(where, f"{law['name']} will require pay disclosure from {law['effective']}",
                          "have the pay ready for this place before then")
                continue
            state = overdue(place.country, as_of) if directive else None
            if state is not None:
                paid = _has_pay(posting) if paid is None else paid
                if not paid:
                    yield Hit(where, overdue_message(state, as_of, f"this posting for {place.describe()}"),
                              f"state the pay or its range, e.g. '€60,000–€75,000 per year', {OVERDUE_HINT}",
                              severity="warning")
