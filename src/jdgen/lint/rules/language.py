"""Inclusive language: gender-coded words, exclusionary jargon, physical requirements.

Word lists are data files in ``jdgen/data/`` with their sources. Equal-opportunity and
diversity statements are exempt: they name groups on purpose. Text a posting shares
with its profile is checked once, in the generic posting.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Iterator

from ..anchors import Anchored, AnchoredList, fold
from ..data import masculine_words, phrases
from ..registry import Example, Hit, rule
from ..texts import checked_once


# The fields a posting shows; profile-only fields (story, tasks, competencies) are not published.
RENDERED = frozenset({"title", "summary", "responsibilities", "qualifications", "skills", "knowledge", "tools",
                      "sections", "company.about", "benefits", "other_compensation", "apply.instructions",
                      # the posting voice's printed fields (field names as texts.py gives them)
                      "opening", "team.about", "team.reports_to", "hiring_process", "apply_anyway"})


def _texts(posting):
    for text in checked_once(posting):
        if not text.is_eeo and text.field in RENDERED:
            yield text


@cache
def _masculine_pattern() -> re.Pattern[str]:
    words = masculine_words()
    parts = [re.escape(stem) + (r"\b" if whole else r"[\w-]*") for stem, whole, _ in words.stems]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")", re.IGNORECASE)


@cache
def _masculine_matchers() -> tuple[Anchored, Anchored | None]:
    exceptions = masculine_words().exception_phrases
    return Anchored(_masculine_pattern()), Anchored(exceptions) if exceptions else None


@cache
def _alternatives() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]], int]:
    """Stems by their text, whole-word ones apart: (position in the list, alternative), first row wins."""
    whole: dict[str, tuple[int, str]] = {}
    prefix: dict[str, tuple[int, str]] = {}
    for index, (stem, whole_word, alternative) in enumerate(masculine_words().stems):
        (whole if whole_word else prefix).setdefault(stem, (index, alternative))
    return whole, prefix, max(map(len, prefix), default=0)


@lru_cache(maxsize=65536)
def _alternative(word: str) -> str:
    """The alternative of the longest stem the word matches (the earliest row among equals).

    Looked up by the word's prefixes, not by trying every stem: thousands of different
    words in one text cost a few dictionary lookups each.
    """
    lowered = word.lower()
    whole, prefix, longest = _alternatives()
    found = [(len(lowered), -whole[lowered][0], whole[lowered][1])] if lowered in whole else []
    found += [(end, -prefix[lowered[:end]][0], prefix[lowered[:end]][1])
              for end in range(1, min(len(lowered), longest) + 1) if lowered[:end] in prefix]
    return max(found)[2] if found else ""


@rule("JD501", "gender-coded-language", severity="warning", target="posting",
      summary="A masculine-coded word (Gaucher, Friesen & Kay 2011) where a neutral one would do.",
      why="Ads worded with masculine-coded words (competitive, dominant, ninja-like 'aggressive') were found "
          "less appealing to women, who also judged they belonged less (Gaucher, Friesen & Kay 2011, JPSP "
          "101(1):109-128). Ordinary job vocabulary (analyst, tech lead, decision-making) is exempt.",
      bad=Example(profile="summary: An aggressive, dominant engineer who wins.\n"),
      good=Example(profile="summary: A motivated engineer who guides machine-learning work across teams.\n"))
def gender_coded(ctx, posting, options) -> Iterator[Hit]:
    for text in _texts(posting):
        # A word written again is found at its first place again, the same finding: once is enough.
        for word in dict.fromkeys(_masculine_in(text.text)):
            alternative = _alternative(word)
            yield text.hit(f"{word!r} is masculine-coded", f"try {alternative}" if alternative else
                           "use a neutral word", text.locate(word))


@lru_cache(maxsize=65536)
def _masculine_in(text: str) -> tuple[str, ...]:
    """Masculine-coded words of a text, exceptions removed; texts recur across postings, so cached.

    Blanking an exception phrase only ever removes or shortens a word, and only one it
    overlaps: the phrases are looked for only up to the end of the last word found without
    them, and when none is there, the words found stand.
    """
    masculine, exceptions = _masculine_matchers()
    folded = fold(text)
    found = list(masculine.finditer(text, folded))
    if found and exceptions is not None:
        starts = exceptions.starts(text, folded, found[-1].end())
        spans = [m.span() for m in exceptions.finditer(text, folded, starts)]
        if spans:  # an exception phrase's words never count: blank them out
            found = list(masculine.finditer(_blanked(text, spans), _blanked(folded, spans)))
    lowered_exceptions = masculine_words().exceptions
    return tuple(m.group(0) for m in found if m.group(0).lower() not in lowered_exceptions)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], " " * (end - start)]
        last = end
    return "".join(parts) + text[last:]


def _phrase_rule(file: str):
    def check(ctx, posting, options) -> Iterator[Hit]:
        for text in _texts(posting):
            for phrase, found in _phrases_in(file, text.text):
                yield text.hit(f"{found!r}: {phrase.message}",
                               f"try {phrase.alternative}" if phrase.alternative else None, text.locate(found))
    return check


@lru_cache(maxsize=65536)
def _phrases_in(file: str, text: str) -> tuple:
    """(phrase, matched text) pairs of a word list in a text, the first match of each phrase."""
    listed = phrases(file)
    return tuple((listed[index], match.group(0)) for index, match in _matchers(file).search_each(text))


@cache
def _matchers(file: str) -> AnchoredList:
    return AnchoredList([phrase.pattern for phrase in phrases(file)])


rule("JD502", "exclusionary-language", severity="warning", target="posting",
     summary="Jargon, age-coded or exclusionary phrasing: rockstar, ninja, guru, 'work hard play hard', "
             "'digital native', 'young and dynamic', 'recent graduate' as a requirement …",
     why="Novelty titles and culture slogans signal an in-group; age-coded phrases can breach Title VII "
         "§704(b) and ADEA §4(e) in the US. Each finding names a neutral alternative.",
     bad=Example(profile="summary: We want a rockstar ninja who will work hard, play hard.\n"),
     good=Example(profile="summary: We want an experienced engineer who enjoys hard problems.\n"))(
    _phrase_rule("exclusionary.yaml"))

rule("JD503", "physical-requirement", severity="warning", target="posting",
     summary="A physical requirement that may not be tied to the job (lifting, standing, driving, seeing …).",
     why="Physical requirements that are not essential functions screen out disabled candidates (ADA); the "
         "US Department of Labor's CC0 lexicon lists the common ones. State the essential function and "
         "'with or without accommodation' instead.",
     bad=Example(profile="qualifications:\n  - text: Must be able to lift 50 pounds\n"),
     good=Example(profile="qualifications:\n  - text: 5-8 years of experience in machine learning\n"))(
    _phrase_rule("physical_requirements.yaml"))


@rule("JD504", "gender-neutral-title", severity="warning", target="posting",
      summary="A posting for a location in Germany or Austria has a title without a gender-neutral marker such as (m/w/d).",
      why="German and Austrian equal-treatment law asks for job ads open to all genders (DE: AGG §§ 1, 11; AT: "
          "GlBG § 9), and the EU pay-transparency directive wants gender-neutral titles (2023/970 Art. 5(3)); a "
          "masculine job title alone reads as excluding. The usual form is a marker after the title: (m/w/d).",
      bad=Example(company="locations:\n  - id: denver\n    city: Berlin\n    country: DE\n    work_model: onsite\n"
                          "  - id: nyc\n    city: Hamburg\n    country: DE\n    work_model: onsite\n"),
      good=Example(company="locations:\n  - id: denver\n    city: Berlin\n    country: DE\n    work_model: onsite\n"
                           "  - id: nyc\n    city: Hamburg\n    country: DE\n    work_model: onsite\n"
                           "defaults:\n  title_suffix: (m/w/d)\n"),
      options={"countries": (["DE", "AT"], "ISO country codes whose postings need a marker"),
               "markers": (["(m/w/d)", "(w/m/d)", "(m/f/d)", "(f/m/d)", "(d/m/w)", "(all genders)", "(gn)", "(w/m/x)",
                            "(m/w/x)", "*in"], "texts that count as a gender-neutral marker (case does not matter)")})
def gender_neutral_title(ctx, posting, options) -> Iterator[Hit]:
    countries = sorted({place.country for place in posting.places} & set(options["countries"]))
    if not countries:
        return
    title = posting.profile.title.casefold()
    if any(marker.casefold() in title for marker in options["markers"]):
        return
    from ..hits import posting_hit

    yield posting_hit(posting, ("title",), f"the title {posting.profile.title!r} names no gender-neutral marker, "
                      f"and the posting is for {', '.join(countries)}",
                      "add title_suffix: (m/w/d) to the company's defaults, or the marker to this title")
