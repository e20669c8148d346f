"""Required sections and leftover placeholders."""

from __future__ import annotations

import re
from typing import Iterator

from ..registry import Example, Hit, rule
from ..texts import checked_once


def posting_hit(posting, path, message, hint) -> Hit:
    """A hit at a merged path of the posting, located through its provenance."""
    location = posting.provenance.get(path) or posting.profile_doc.where(())
    doc = posting.company_doc if posting.company_doc and location.file == posting.company_doc.file \
        else posting.profile_doc
    return Hit(location, message, hint, doc, (location.line,))


def company_hit(posting, path, message, hint, *, key: bool = False) -> Hit:
    doc = posting.company_doc
    location = doc.where(path, key=key)
    return Hit(location, message, hint, doc, (location.line,))


@rule("JD201", "missing-section", severity="error", target="posting",
      summary="A posting lacks a section every posting must have.",
      why="Candidates and job boards expect a title, what the role is, what it does and needs; with a company, "
          "who is hiring and how to apply. A posting without them is not ready to publish.",
      bad=Example(profile="responsibilities:\n  - text: Lead AI/ML projects\n"),
      good=Example(profile="responsibilities:\n  - text: Lead AI/ML projects\n  - text: Mentor engineers\n"
                           "  - text: Review model designs\n"),
      options={"min_responsibilities": (3, "fewest responsibilities a posting may list"),
               "require_skills": (True, "whether a posting must list skills")})
def missing_section(ctx, posting, options) -> Iterator[Hit]:
    p = posting.profile
    if len(p.responsibilities) < options["min_responsibilities"]:
        yield posting_hit(posting, ("responsibilities",),
                          f"only {len(p.responsibilities)} responsibilities; a posting needs at least "
                          f"{options['min_responsibilities']}", "add what the role is accountable for")
    if not p.qualifications:
        yield posting_hit(posting, ("qualifications",), "no qualifications", "add what a candidate must bring")
    if options["require_skills"] and not any(s.priority == "required" for s in p.skills):
        yield posting_hit(posting, ("skills",), "no required skills", "add the skills the role needs")
    company = posting.company
    if company is None:
        return
    if not company.company.about:
        yield company_hit(posting, ("company",), f"posting for {company.company.name} has no 'About the company'",
                          "add company.about", key=True)
    if company.apply is None:
        yield company_hit(posting, ("company",), f"posting for {company.company.name} does not say how to apply",
                          "add apply: {url: ...} or apply: {email: ...}", key=True)


@rule("JD202", "missing-eeo-statement", severity="error", target="posting",
      summary="A posting for a US location has no equal-opportunity statement.",
      why="US employers state equal employment opportunity in their ads as near-universal practice, and "
          "federal contractors must (41 CFR 60-741.5, 60-300.5); candidates and boards look for it.",
      bad=Example(company="eeo:\n  statement: null\n", note="the eeo block without its statement (null removes a key)"),
      good=Example(company="eeo:\n  statement: Northwind Analytics is an equal opportunity employer.\n"))
def missing_eeo(ctx, posting, options) -> Iterator[Hit]:
    company = posting.company
    if company is None or not any(place.country == "US" for place in posting.places):
        return
    if company.eeo is None or not company.eeo.statement:
        path = ("eeo",) if company.eeo is not None else ("company",)
        yield company_hit(posting, path, "a posting for a US location has no EEO statement",
                          "add eeo.statement", key=True)


PLACEHOLDERS = re.compile(r"\b(?:TBD|TBC|TODO|FIXME|XXX|lorem ipsum|model pending|to be (?:confirmed|decided|defined))\b"
                          r"|No core outputs recorded yet|\{\{|\{%", re.IGNORECASE)


@rule("JD203", "placeholder-text", severity="error", target="posting",
      summary="Text still holds a placeholder: TBD, TODO, lorem ipsum, 'model pending', an unrendered {{.",
      why="Placeholders published by mistake make a posting look unfinished and can mislead candidates.",
      bad=Example(profile="summary: TBD - write this later\n"),
      good=Example(profile="summary: Leads machine-learning work across teams.\n"))
def placeholder_text(ctx, posting, options) -> Iterator[Hit]:
    for text in checked_once(posting):
        match = PLACEHOLDERS.search(text.text)
        if match:
            yield text.hit(f"{text.field} holds the placeholder {match.group(0)!r}", "write the real text or remove the item",
                           text.locate(match.group(0)))
