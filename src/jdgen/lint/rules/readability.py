"""Readability and length. Defaults are configurable per rule; their sources are in each rule's docs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...catalog.models import COMPONENT_LISTS
from ..hits import posting_hit
from ..registry import Example, Hit, rule
from ..texts import checked_once, posting_texts

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@lru_cache(maxsize=65536)
def words(text: str) -> int:
    """Words in a text; every posting of a profile counts the profile's texts again, so cached."""
    return len(_WORD.findall(text))


@rule("JD601", "posting-length", severity="warning", target="posting",
      summary="A posting is shorter or longer than the configured word band.",
      why="Textio finds 300–700 words performs best; Datapeople sees more low-quality applicants above 600 "
          "words and 30% of ads exceed 1,000; LinkedIn found very short posts convert well on mobile. The "
          "default band, 150–1,000 words, flags only the extremes; tune it per catalog.",
      bad=Example(profile="summary: Short.\nresponsibilities:\n  - text: A\n  - text: B\n  - text: C\n"
                          "skills:\n  - text: D\nknowledge: []\ncompetencies: []\ntasks: []\nqualifications:\n  - text: E\n"
                          "story: {}\n", note="a generic posting of a dozen words"),
      good=Example(),
      options={"min_words": (150, "fewest words a posting may have"), "max_words": (1000, "most words a posting may have")})
def posting_length(ctx, posting, options) -> Iterator[Hit]:
    total = sum(words(t.text) for t in posting_texts(posting) if not t.field.startswith("story"))
    if total < options["min_words"]:
        yield posting_hit(posting, ("summary",), f"the posting has {total} words, under {options['min_words']}",
                          "say more about the work, the team and what success looks like")
    elif total > options["max_words"]:
        yield posting_hit(posting, ("summary",), f"the posting has {total} words, over {options['max_words']}",
                          "cut repeated or low-value items; long posts lose readers on mobile")


@rule("JD602", "too-many-bullets", severity="warning", target="posting",
      summary="A section has more bullets than the configured maximum.",
      why="Long bullet lists are skimmed, not read; guidance ranges from 5 (Holloway) to 10–12 duties "
          "(The Turing Way). The default is 12.",
      bad=Example(profile="responsibilities:\n" + "".join(f"  - text: Duty number {n}\n" for n in range(1, 15))),
      good=Example(),
      options={"max_bullets": (12, "most bullets in one section")})
def too_many_bullets(ctx, posting, options) -> Iterator[Hit]:
    limit = options["max_bullets"]
    for name in COMPONENT_LISTS:
        items = [i for i in getattr(posting.profile, name) if i.priority == "required"]
        if len(items) > limit:
            yield posting_hit(posting, (name,), f"{name} has {len(items)} items, more than {limit}",
                              "keep the ones that matter most, or mark some `priority: preferred`")


@rule("JD603", "long-bullet", severity="warning", target="posting",
      summary="A bullet is longer than the configured number of words.",
      why="Bullets are for scanning; Holloway's guide keeps them under about 140 characters (~25 words). "
          "The default maximum is 30 words.",
      bad=Example(profile="tasks:\n  - text: " + " ".join(["word"] * 35) + "\n"),
      good=Example(),
      options={"max_words": (30, "most words in one bullet")})
def long_bullet(ctx, posting, options) -> Iterator[Hit]:
    for text in checked_once(posting):
        if text.field in COMPONENT_LISTS:
            count = words(text.text)
            if count > options["max_words"]:
                yield text.hit(f"a {text.field} item has {count} words, more than {options['max_words']}",
                               "split it, or move the detail into the summary")


@rule("JD604", "title-length", severity="warning", target="posting",
      summary="A posting title is longer than the configured number of characters.",
      why="Glassdoor found titles over 60 characters get about half the clicks of short ones; Google asks for "
          "concise titles without codes or locations. The default maximum is 60 characters.",
      bad=Example(company="roles:\n  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer and Technical "
                          "Lead for Forecasting and Inventory Planning\n"),
      good=Example(company="roles:\n  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer\n"),
      options={"max_chars": (60, "most characters in a title")})
def title_length(ctx, posting, options) -> Iterator[Hit]:
    title = posting.profile.title
    if len(title) > options["max_chars"]:
        yield posting_hit(posting, ("title",), f"the title has {len(title)} characters, more than {options['max_chars']}",
                          "keep the title to the role and level; put the rest in the summary")


@rule("JD605", "too-many-requirements", severity="warning", target="posting",
      summary="More must-have qualifications than the configured maximum.",
      why="Long must-have lists deter qualified candidates, more so women (a widely cited pattern, though its "
          "original statistic is poorly sourced); practitioner audits treat more than 7–8 must-haves as a red "
          "flag. The default maximum is 8 required qualifications; mark the rest `priority: preferred`.",
      bad=Example(profile="qualifications:\n" + "".join(f"  - text: Requirement {n}\n" for n in range(1, 11))),
      good=Example(),
      options={"max_required": (8, "most required qualifications")})
def too_many_requirements(ctx, posting, options) -> Iterator[Hit]:
    required = [q for q in posting.profile.qualifications if q.priority == "required"]
    if len(required) > options["max_required"]:
        yield posting_hit(posting, ("qualifications",), f"{len(required)} must-have qualifications, more than "
                          f"{options['max_required']}", "mark the nice-to-haves `priority: preferred`")
