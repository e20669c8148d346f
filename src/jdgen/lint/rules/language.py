"""Inclusive language: gender-coded words, exclusionary jargon, physical requirements.

Word lists are data files in ``jdgen/data/`` with their sources. Equal-opportunity and
diversity statements are exempt: they name groups on purpose. Text a posting shares
with its profile is checked once, in the generic posting.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Iterator

from ..data import masculine_words, phrases
from ..registry import Example, Hit, rule
from ..texts import checked_once


# The fields a posting shows; profile-only fields (story, tasks, competencies) are not published.
RENDERED = frozenset({"title", "summary", "responsibilities", "qualifications", "skills", "knowledge", "tools",
                      "sections", "company.about", "benefits", "other_compensation", "apply.instructions"})


def _texts(posting):
    for text in checked_once(posting):
        if not text.is_eeo and text.field in RENDERED:
            yield text


@cache
def _masculine_pattern() -> re.Pattern[str]:
    words = masculine_words()
    parts = [re.escape(stem) + (r"\b" if whole else r"[\w-]*") for stem, whole, _ in words.stems]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")", re.IGNORECASE)


def _alternative(word: str) -> str:
    lowered = word.lower()
    best = ""
    for stem, whole, alternative in masculine_words().stems:
        if (lowered == stem if whole else lowered.startswith(stem)) and len(stem) > len(best):
            best, found = stem, alternative
    return found if best else ""


@rule("JD501", "gender-coded-language", severity="warning", target="posting",
      summary="A masculine-coded word (Gaucher, Friesen & Kay 2011) where a neutral one would do.",
      why="Ads worded with masculine-coded words (competitive, dominant, ninja-like 'aggressive') were found "
          "less appealing to women, who also judged they belonged less (Gaucher, Friesen & Kay 2011, JPSP "
          "101(1):109-128). Ordinary job vocabulary (analyst, tech lead, decision-making) is exempt.",
      bad=Example(profile="summary: An aggressive, dominant engineer who wins.\n"),
      good=Example(profile="summary: A motivated engineer who guides machine-learning work across teams.\n"))
def gender_coded(ctx, posting, options) -> Iterator[Hit]:
    for text in _texts(posting):
        for word in _masculine_in(text.text):
            alternative = _alternative(word)
            yield text.hit(f"{word!r} is masculine-coded", f"try {alternative}" if alternative else
                           "use a neutral word", text.locate(word))


@lru_cache(maxsize=65536)
def _masculine_in(text: str) -> tuple[str, ...]:
    """Masculine-coded words of a text, exceptions removed; texts recur across postings, so cached."""
    words = masculine_words()
    cleaned = words.exception_phrases.sub(lambda m: " " * len(m.group(0)), text) if words.exception_phrases else text
    return tuple(m.group(0) for m in _masculine_pattern().finditer(cleaned) if m.group(0).lower() not in words.exceptions)


def _phrase_rule(file: str):
    def check(ctx, posting, options) -> Iterator[Hit]:
        for text in _texts(posting):
            for phrase, found in _phrases_in(file, text.text):
                yield text.hit(f"{found!r}: {phrase.message}",
                               f"try {phrase.alternative}" if phrase.alternative else None, text.locate(found))
    return check


@lru_cache(maxsize=65536)
def _phrases_in(file: str, text: str) -> tuple:
    """(phrase, matched text) pairs of a word list in a text; one combined search rules most texts out."""
    if not _combined(file).search(text):
        return ()
    found = []
    for phrase in phrases(file):
        match = phrase.pattern.search(text)
        if match:
            found.append((phrase, match.group(0)))
    return tuple(found)


@cache
def _combined(file: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern.pattern})" for p in phrases(file)), re.IGNORECASE)


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
