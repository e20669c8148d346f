"""Required sections, EEO statements, leftover placeholders, empty or repeated company sections, past deadlines."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Iterator

from ..hits import company_hit, posting_hit
from ..anchors import Anchored
from ..registry import Example, Hit, rule
from ..texts import checked_once
from ...diagnostics import Location


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
        yield _list_hit(posting, "skills", "no required skills", "add the skills the role needs")
    company = posting.company
    if company is None:
        return
    if not company.company.about:
        yield company_hit(posting, ("company",), f"posting for {company.company.name} has no 'About the company'",
                          "add company.about", key=True)
    if company.apply is None:
        yield company_hit(posting, ("company",), f"posting for {company.company.name} does not say how to apply",
                          "add apply: {url: ...} or apply: {email: ...}", key=True)


def _list_hit(posting, key: str, message: str, hint: str) -> Hit:
    """A hit at the profile's ``key:`` line, or at its first line when the key is absent.

    The value's own position is its first item, and an absent key's nearest ancestor is the
    document, whose position is its first key (``schema_version``): neither is where to write.
    A list a company file set keeps that file's position.
    """
    doc = posting.profile_doc
    location = posting.provenance.get((key,))
    if doc is None or (location is not None and location.file != doc.file):
        return posting_hit(posting, (key,), message, hint)
    position = doc.key_positions.get((key,))
    location = Location(doc.file, *position) if position else Location(doc.file, 1, 1)
    return Hit(location, message, hint, doc, (location.line,))


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


@cache
def _placeholders() -> Anchored:
    """PLACEHOLDERS, tried only where one of its words is written (see ..anchors)."""
    return Anchored(PLACEHOLDERS)


@rule("JD203", "placeholder-text", severity="error", target="posting", documents=True,
      summary="Text still holds a placeholder: TBD, TODO, lorem ipsum, 'model pending', an unrendered {{.",
      why="Placeholders published by mistake make a posting look unfinished and can mislead candidates.",
      bad=Example(profile="summary: TBD - write this later\n"),
      good=Example(profile="summary: Leads machine-learning work across teams.\n"))
def placeholder_text(ctx, posting, options) -> Iterator[Hit]:
    for text in checked_once(posting):
        match = _placeholders().search(text.text)
        if match:
            yield text.hit(f"{text.field} holds the placeholder {match.group(0)!r}", "write the real text or remove the item",
                           text.locate(match.group(0)))


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


@rule("JD204", "empty-company-section", severity="warning", target="posting",
      summary="A company section has no body and no items (or only blank ones), or holds a blank item.",
      why="The posting prints the section's heading with nothing under it, or a bullet with no words; "
          "readers take it for a broken page. A section left empty is usually one whose text was never written.",
      bad=Example(company="defaults:\n  sections:\n    append:\n      - text: How we work\n"),
      good=Example(company="defaults:\n  sections:\n    append:\n      - text: How we work\n"
                           "        body: Teams meet in the office on Tuesdays and Thursdays.\n"))
def empty_company_section(ctx, posting, options) -> Iterator[Hit]:
    for i, section in enumerate(posting.sections):
        blank_items = [j for j, item in enumerate(section.items) if _blank(item)]
        if _blank(section.body) and len(blank_items) == len(section.items):
            what = "blank items only" if section.items else "no body and no items"
            yield posting_hit(posting, ("sections", i, "text"),
                              f"section {section.text!r} has {what}, so the posting shows its heading with "
                              f"nothing under it", "add a body: or items:, or remove the section")
            continue
        for j in blank_items:
            yield posting_hit(posting, ("sections", i, "items", j),
                              f"section {section.text!r} has a blank item, which prints an empty bullet",
                              "write the item or remove it")


# The level-2 headings the shipped templates/posting.md.j2 prints around the company's sections,
# each with the condition under which it is printed (a test keeps this list in step with the template).
BUILT_IN_HEADINGS = (
    ("About the role", lambda posting, nice: True),
    ("Your team", lambda posting, nice: bool(posting.company and posting.team)),
    ("What you will do", lambda posting, nice: True),
    ("What success looks like", lambda posting, nice: bool(posting.profile.story and posting.profile.story.success)),
    ("What you will bring", lambda posting, nice: True),
    ("Nice to have", lambda posting, nice: nice),
    ("Compensation", lambda posting, nice: bool(posting.company and (posting.pay or posting.company.benefits
                                                                     or posting.company.other_compensation))),
    ("About {company}", lambda posting, nice: bool(posting.company and posting.company.company.about)),
    ("How we hire", lambda posting, nice: bool(posting.company and posting.company.hiring_process)),
    ("How to apply", lambda posting, nice: bool(posting.company and posting.company.apply)),
    ("Equal opportunity and accommodation", lambda posting, nice: bool(posting.company and posting.company.eeo)),
)


def _heading_key(text: str) -> str:
    return " ".join(text.casefold().split())


def built_in_headings(posting) -> list[str]:
    """The headings the shipped Markdown template prints for this posting, besides the company's sections."""
    p = posting.profile
    nice = any(item.priority == "preferred" for group in (p.qualifications, p.skills, p.knowledge, p.tools)
               for item in group)
    name = posting.company.company.name if posting.company else ""
    return [heading.format(company=name) for heading, shown in BUILT_IN_HEADINGS if shown(posting, nice)]


@rule("JD205", "repeated-heading", severity="warning", target="posting",
      summary="A company section's heading repeats another heading of the same posting.",
      why="Two sections with one heading read as a copy-and-paste slip and split what belongs together; it "
          "happens when a role appends a section the defaults already add, or when a section is named like "
          "one the template prints itself (Compensation, How to apply, About the role). Headings are compared "
          "ignoring case and spacing; the template's own headings are known for the shipped template only.",
      bad=Example(company="defaults:\n  sections:\n    append:\n      - text: Compensation\n"
                          "        body: Pay is reviewed every April.\n"),
      good=Example(company="defaults:\n  sections:\n    append:\n      - text: Pay reviews\n"
                           "        body: Pay is reviewed every April.\n"))
def repeated_heading(ctx, posting, options) -> Iterator[Hit]:
    if not posting.sections:
        return
    taken: dict[str, str] = {}
    # A catalog's own Markdown template decides its own headings; only the sections can be compared then.
    if not (ctx.catalog.templates_dir / "posting.md.j2").is_file():
        taken = {_heading_key(h): f"the template's own heading {h!r}" for h in built_in_headings(posting)}
    for i, section in enumerate(posting.sections):
        key = _heading_key(section.text)
        if key in taken:
            yield posting_hit(posting, ("sections", i, "text"),
                              f"section heading {section.text!r} repeats {taken[key]}, so the posting prints it twice",
                              "rename the section, or merge it into the other one")
            continue
        where = posting.provenance.get(("sections", i, "text"))
        taken[key] = f"{section.text!r} at line {where.line}" if where else repr(section.text)


@rule("JD206", "deadline-before-posting", severity="error", target="posting",
      summary="The application deadline (apply.deadline) is before the date the posting is published.",
      why="Applications would close before anyone can read the posting. The posting says so in 'Applications "
          "close on ...', its JSON-LD validThrough comes before datePosted, and job boards and search engines "
          "treat a posting past its validThrough as expired. Where a law requires a deadline (Colorado), a past "
          "one does not meet it. An error, not a warning: nothing about such a posting is publishable.",
      bad=Example(company="apply:\n  deadline: '2026-01-31'\n", note="linted as of 2026-11-23"),
      good=Example(company="apply:\n  deadline: '2026-12-31'\n", note="linted as of 2026-11-23"))
def deadline_before_posting(ctx, posting, options) -> Iterator[Hit]:
    deadline = posting.valid_through
    if not deadline:
        return
    try:
        closes = date.fromisoformat(deadline)
    except ValueError:
        return  # validation reports a date that does not exist
    if closes < posting.date_posted:
        yield company_hit(posting, ("apply", "deadline"),
                          f"apply.deadline {deadline} is before the posting date {posting.date_posted.isoformat()}: "
                          f"applications would close before the posting is out, and validThrough would come "
                          f"before datePosted",
                          f"move apply.deadline to {posting.date_posted.isoformat()} or later, or lint with --as-of "
                          f"the day the posting goes out")
