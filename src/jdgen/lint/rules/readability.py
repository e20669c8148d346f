"""Readability and length, judged on what a candidate reads.

Each rule counts the posting as printed (lint/texts.py printed_texts and printed_items): the
opening the posting chose, each printed item's ``posting:`` wording, the company's printed
fields; not catalog commentary, unprinted story fields, ``in_posting: false`` items or repeats
render drops. The defaults of every limit come from jdgen/data/readability.yaml, which cites the
research behind each number; a catalog tunes them in jdgen.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..data import readability_limits
from ..hits import posting_hit
from ..registry import Example, Hit, rule
from ..texts import PrintedItem, Text, printed_items, printed_texts

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LIMITS = readability_limits()

# The heading a candidate sees each printed field under, to say which parts make a posting long.
_PART_NAMES = {"title": "the title", "opening": "the opening", "summary": "the opening",
               "story.problem.external": "the opening", "story.problem.why_it_matters": "the opening",
               "responsibilities": "What you will do", "qualifications": "What you will bring",
               "skills": "What you will bring", "knowledge": "What you will bring", "tools": "What you will bring",
               "story.success": "What success looks like", "team.about": "Your team", "team.reports_to": "Your team",
               "hiring_process": "How we hire", "apply_anyway": "What you will bring",
               "company.about": "About the company", "benefits": "Compensation and benefits",
               "other_compensation": "Compensation and benefits", "apply.instructions": "How to apply",
               "sections": "the company's own sections"}


@lru_cache(maxsize=65536)
def words(text: str) -> int:
    """Words in a text; every posting of a profile counts the profile's texts again, so cached."""
    return len(_WORD.findall(text))


def _posting(posting) -> str:
    """How a message names the posting: a profile's texts are counted in each of its postings."""
    if getattr(posting, "document", None) is not None:
        return "the posting"   # a posting file: its findings are in it, and its title can be long
    if posting.company is None:
        return f"the {posting.code} posting"
    return f"the {posting.code} posting for {posting.company.company.name}"


def _counted(posting) -> list[Text]:
    # The EEO statement is text the law or the company's counsel fixes; the writer cannot shorten it.
    # A posting file's headings are left out as a catalog posting's fixed headings are: counted,
    # "Requirements" would lengthen a posting and, with no full stop, run into its first sentence.
    return [t for t in printed_texts(posting) if not t.is_eeo and t.field != "heading"]


def _largest_parts(texts: list[Text]) -> str:
    sizes: dict[str, int] = {}
    for text in texts:
        part = _PART_NAMES.get(text.field, text.field)
        sizes[part] = sizes.get(part, 0) + words(text.text)
    top = sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return ", ".join(f"{name} {count:,}" for name, count in top)


def _opening_text(posting, texts: list[Text]) -> Text | None:
    return next((t for t in texts if t.field != "title"), None)


@rule("JD601", "posting-length", severity="warning", target="posting", documents=True,
      summary="A posting gives a candidate fewer or more words to read than the configured band.",
      why="Too short, and candidates cannot judge the job; too long, and they stop reading. Appcast's "
          "click-to-apply study, Textio's and Datapeople's data and LinkedIn's mobile findings put the band "
          f"somewhere between ~250 and ~1,000 words; the default, {_LIMITS['min_words']:,}–"
          f"{_LIMITS['max_words']:,}, flags only the ends (sources in jdgen/data/readability.yaml). Counted is "
          "what the posting prints, as a candidate reads it: the opening, the printed wording of each item, "
          "the company's sections; the EEO statement is not counted, since the writer cannot shorten it. "
          "A long posting's finding names its three longest parts.",
      bad=Example(profile="opening: Build models.\nresponsibilities:\n  - text: Train models\n"
                          "skills:\n  - text: Python\nknowledge: []\ntools: []\ncompetencies: []\ntasks: []\n"
                          "qualifications:\n  - text: 5-8 years of machine learning\nstory: {}\n",
                  note="a generic posting of a few dozen words"),
      good=Example(),
      options={"min_words": (_LIMITS["min_words"], "fewest words a posting may have"),
               "max_words": (_LIMITS["max_words"], "most words a posting may have")})
def posting_length(ctx, posting, options) -> Iterator[Hit]:
    texts = _counted(posting)
    total = sum(words(t.text) for t in texts)
    where = _opening_text(posting, texts)
    if where is None:
        return
    if total < options["min_words"]:
        yield where.hit(f"{_posting(posting)} has {total:,} words, under {options['min_words']:,}",
                        "say more about the work, the team and what success looks like")
    elif total > options["max_words"]:
        yield where.hit(f"{_posting(posting)} has {total:,} words, over {options['max_words']:,} "
                        f"(longest parts: {_largest_parts(texts)})",
                        "cut repeated or low-value items, or set `in_posting: false` on those only the catalog needs")


def _judged(posting) -> tuple[PrintedItem, ...]:
    """The printed items a count rule judges in this posting: all of them in a generic posting; in a
    company's, none unless the company wrote one of them, since the profile's own lists were judged
    in its generic posting and one finding per profile line is enough."""
    entries = printed_items(posting)
    if posting.company is not None and not any(e.text.from_company for e in entries):
        return ()
    return entries


def _section(entry: PrintedItem) -> str:
    if entry.item.priority == "preferred" and entry.name != "responsibilities":
        return "Nice to have"
    return {"responsibilities": "What you will do"}.get(entry.name, entry.name.capitalize())


@rule("JD602", "too-many-bullets", severity="warning", target="posting", documents=True,
      summary="A heading of the posting has more bullets under it than the configured maximum.",
      why="Long bullet lists are skimmed, not read; guidance ranges from 5 bullets (Holloway) to 10–12 duties "
          f"(The Turing Way). The default is {_LIMITS['max_bullets']}. Counted are the bullets the posting prints "
          "under each heading (Qualifications, Skills, …, Nice to have), after `in_posting: false` and repeats.",
      bad=Example(profile="responsibilities:\n" + "".join(f"  - text: Own duty number {n}\n" for n in range(1, 15))),
      good=Example(),
      options={"max_bullets": (_LIMITS["max_bullets"], "most bullets under one heading")})
def too_many_bullets(ctx, posting, options) -> Iterator[Hit]:
    limit = options["max_bullets"]
    sections: dict[str, list[PrintedItem]] = {}
    for entry in _judged(posting):
        sections.setdefault(_section(entry), []).append(entry)
    for heading, entries in sections.items():
        if len(entries) > limit:
            first_over = entries[limit]
            yield first_over.text.hit(f"{_posting(posting)} prints {len(entries)} bullets under {heading}, "
                                      f"more than {limit}; this is bullet {limit + 1}",
                                      "keep the ones that matter most; set `in_posting: false` on the rest")


@rule("JD603", "long-bullet", severity="warning", target="posting", documents=True,
      summary="A printed bullet is longer than the configured number of words.",
      why="Bullets are for scanning; Holloway's guide keeps them under about 140 characters (~25 words). "
          f"The default maximum is {_LIMITS['max_bullet_words']} words, counted in the wording the posting "
          "prints (`posting:` when an item has it).",
      bad=Example(profile="skills:\n  - text: " + " ".join(["word"] * 35) + "\n"),
      good=Example(),
      options={"max_words": (_LIMITS["max_bullet_words"], "most words in one bullet")})
def long_bullet(ctx, posting, options) -> Iterator[Hit]:
    for entry in printed_items(posting):
        text = entry.text
        if posting.company is not None and not text.from_company:
            continue  # the profile's own wording is judged in its generic posting
        count = words(text.text)
        if count > options["max_words"]:
            yield text.hit(f"a {entry.name} bullet has {count} words, more than {options['max_words']}",
                           "split it, or move the detail into the opening")


@rule("JD604", "title-length", severity="warning", target="posting", documents=True,
      summary="A posting title is longer than the configured number of characters.",
      why="Glassdoor found titles over 60 characters get about half the clicks of short ones; Google asks for "
          f"concise titles without codes or locations. The default maximum is {_LIMITS['max_title_chars']} "
          "characters.",
      bad=Example(company="roles:\n  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer and Technical "
                          "Lead for Forecasting and Inventory Planning\n"),
      good=Example(company="roles:\n  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer\n"),
      options={"max_chars": (_LIMITS["max_title_chars"], "most characters in a title")})
def title_length(ctx, posting, options) -> Iterator[Hit]:
    title = posting.profile.title
    if len(title) > options["max_chars"]:
        yield posting_hit(posting, ("title",), f"the title has {len(title)} characters, more than {options['max_chars']}",
                          "keep the title to the role and level; put the rest in the opening")


_BRING = ("qualifications", "skills", "knowledge", "tools")


def _asks(posting) -> tuple[list[PrintedItem], bool]:
    """What the posting requires of a candidate, in print order, and whether it prints the
    level's years line first (it does when no printed qualification states years)."""
    from ...render.context import states_years

    asks = [e for e in _judged(posting) if e.name in _BRING and e.item.priority == "required"]
    # As render reads it: a translated qualification states years when its English does.
    years_line = not states_years([t for e in asks if e.name == "qualifications" for t in (e.text.text, e.item.text)])
    return asks, years_line


@rule("JD605", "too-many-requirements", severity="warning", target="posting", documents=True,
      summary="A posting asks for more must-have qualifications, or more things in all, than the configured "
              "maximums.",
      why="Each must-have is a reason for a qualified person not to apply: an Indeed survey found 63% of "
          "candidates skipped a job because they felt they missed its requirements, and the effect is "
          "commonly reported as stronger for women (the original 60%/100% figure is poorly sourced). "
          f"Ongig keeps a requirements list to 7 bullets; the default is {_LIMITS['max_qualifications']} "
          "must-have qualifications, the level's years line included. Past 14 named skills, time to fill "
          "rises sharply (Burning Glass and the Philadelphia Fed), so the default for everything the posting "
          f"prints under 'What you will bring' (qualifications, skills, knowledge, tools) is "
          f"{_LIMITS['max_asks']}. Sources in jdgen/data/readability.yaml. Mark the rest "
          "`priority: preferred` (nice to have) or `in_posting: false`.",
      bad=Example(profile="qualifications:\n" + "".join(f"  - text: Requirement {n}\n" for n in range(1, 11))),
      good=Example(),
      options={"max_required": (_LIMITS["max_qualifications"], "most must-have qualifications"),
               "max_asks": (_LIMITS["max_asks"], "most things printed under 'What you will bring'")})
def too_many_requirements(ctx, posting, options) -> Iterator[Hit]:
    asks, years_line = _asks(posting)
    extra = 1 if years_line else 0   # the years line is printed first and has no line of its own
    qualifications = [e for e in asks if e.name == "qualifications"]
    limit = options["max_required"]
    if len(qualifications) + extra > limit:
        yield _at(posting, qualifications, limit - extra,
                  f"{_posting(posting)} prints {len(qualifications) + extra} must-have qualifications"
                  f"{' (the level’s years line among them)' if extra else ''}, more than {limit}",
                  "mark the nice-to-haves `priority: preferred`")
    limit = options["max_asks"]
    if len(asks) + extra > limit:
        yield _at(posting, asks, limit - extra,
                  f"{_posting(posting)} asks for {len(asks) + extra} things under 'What you will bring', "
                  f"more than {limit}; this is the {_ordinal(limit + 1)}",
                  "keep what a person needs on day one; mark the rest `priority: preferred` or `in_posting: false`")


def _at(posting, entries: list[PrintedItem], index: int, message: str, hint: str) -> Hit:
    """A hit at the first entry past a limit, or at the qualifications when that is the years line."""
    if 0 <= index < len(entries):
        return entries[index].text.hit(message, hint)
    return posting_hit(posting, ("qualifications",), message, hint)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
