"""What the language rules (JD5xx) share: the texts they read, every match of a word list in a
text, and the proper nouns inside which nothing is reported.

Every match is reported, each at its own place (:class:`.texts.Places`): a phrase written
twice in one field is two findings, so fixing the first does not reveal a second on the next
run. Words two rows of one list both match are one finding, the earlier row's. The engine
stops a rule at 100 findings a file, and matches are produced lazily, so a hostile text costs
the same as before.

Proper nouns are allowed: the posting's company name (as written, without its legal suffix, so
"Ninjas Code Ltd." allows "Ninjas Code", and its first word, so "Rockstar Games" allows "Rockstar
studios") and the configuration's ``[lint] allow`` list. A match that lies inside an allowed
phrase, written as a whole word or words, is not a finding; one beside it is ("unleash your inner ninja" in a text about Ninjas Code).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from .anchors import AnchoredList, ScanGroup, fold
from .data import Phrase, phrases, stated_ground, stated_ground_in
from .texts import Text, checked_once

if TYPE_CHECKING:
    from .registry import Hit

# The fields a posting shows; profile-only fields (story, tasks, competencies) are not published.
RENDERED = frozenset({"title", "summary", "responsibilities", "qualifications", "skills", "knowledge", "tools",
                      "sections", "company.about", "benefits", "other_compensation", "apply.instructions",
                      # the posting voice's printed fields (field names as texts.py gives them)
                      "opening", "team.about", "team.reports_to", "hiring_process", "apply_anyway",
                      # a posting file's own headings ("## We need fresh meat!"); catalog postings print fixed ones
                      "heading"})


def language_texts(posting) -> Iterator[Text]:
    """The printed texts a language rule reads once: equal-opportunity statements name groups on
    purpose and are exempt."""
    for text in checked_once(posting):
        if not text.is_eeo and text.field in RENDERED:
            yield text


# --- proper nouns -------------------------------------------------------------------------

# A company's legal form, written after its name: the name people use is what is left.
_LEGAL_SUFFIX = re.compile(
    r"(?:[\s,]+(?:inc|incorporated|llc|l\.l\.c|llp|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|se|kg|"
    r"ug|e\.v|s\.a|sa|s\.a\.s|sas|s\.r\.l|srl|b\.v|bv|n\.v|nv|ab|oy|as|a/s|pty|pte|k\.k)\.?|\s*&\s*co\.?(?:\s+kg)?)+$",
    re.IGNORECASE)


def allowed_phrases(ctx, posting) -> tuple[str, ...]:
    """The phrases nothing is reported inside, for this posting: the configuration's list, the
    company's name with and without its legal suffix, and that name's first word as written."""
    configured = list(getattr(getattr(ctx, "config", None), "allow", None) or ())
    companies = []
    company = getattr(posting, "company", None)
    if company is not None and company.company.name:
        name = " ".join(company.company.name.split())
        companies += [name, _LEGAL_SUFFIX.sub("", name)]
    companies += list(getattr(posting, "employer_names", ()))   # a posting file's, read from its title
    # People shorten a company's name to its first word ("other Rockstar studios" at Rockstar Games):
    # that word is allowed too, but only capitalised as in the name, so "a fearless pitch" at Fearless
    # Analytics is still the posting's own voice.
    short = [AsWritten(words[0]) for words in map(str.split, companies)
             if len(words) > 1 and words[0].isalpha() and len(words[0]) >= 4]
    folded = [fold(name) for name in [*configured, *companies] if name.strip()]
    return tuple(dict.fromkeys([*folded, *short]))


class AsWritten(str):
    """An allowed phrase that counts only written exactly so, case included."""


def allowed_spans(text: str, allowed: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the allowed phrases are written in ``text`` as whole words, case aside."""
    if not allowed:
        return []
    folded, spans = fold(text), []
    for phrase in allowed:
        within = text if isinstance(phrase, AsWritten) else folded
        at = within.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            if not (at and _word(within[at - 1]) and _word(phrase[0])) and \
                    not (end < len(within) and _word(within[end]) and _word(phrase[-1])):
                spans.append((at, end))
            at = within.find(phrase, at + 1)
    return spans


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(left <= start and end <= right for left, right in spans)


# Text between matching quotation marks on one line: a title or a name being quoted, not the
# posting's own voice. Bounded, so an unmatched quote does not swallow a paragraph.
_QUOTED = re.compile(r"\"[^\"\n]{1,80}\"|\u201c[^\u201c\u201d\n]{1,80}\u201d")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    if '"' not in text and "\u201c" not in text:
        return []
    return [m.span() for m in _QUOTED.finditer(text) if not _spoken(m.group()[1:-1])]


# A quoted sentence someone says, not a title: five words or more, closed by its own punctuation
# inside the marks, most of its words after the first in lower case ("“He must be a Ugandan of
# good character,” Lt Col Ankunda adds", a news report of an army's recruitment, held-out set
# 83's 020, both readers: the recruit written as "he" by the force's spokesman). A title in
# quotation marks ("He Will Rise,") is capitalised word by word and stays a name.
def _spoken(quoted: str) -> bool:
    words = quoted.split()
    if len(words) < 5 or quoted.rstrip()[-1:] not in ",.!?":
        return False
    return sum(word[:1].islower() for word in words[1:]) * 2 > len(words) - 1


# A sentence ends at a full stop, question or exclamation mark followed by a space, or at a line
# end; looked for at most this far either side, so a text without any stays linear to scan.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_SENTENCE_REACH = 300


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]``, at most _SENTENCE_REACH characters
    either side of it."""
    begin = max(0, start - _SENTENCE_REACH)
    for stop in _SENTENCE_END.finditer(text, begin, start):
        begin = stop.end()
    stop = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    return begin, stop.start() if stop else min(len(text), end + _SENTENCE_REACH)


# --- word lists -----------------------------------------------------------------------------

class Found(NamedTuple):
    text: Text
    phrase: Phrase
    start: int
    matched: str
    where: object  # the Location of this match as written


# The language rules' word lists read the same texts, so one scan of a text finds the words of
# all of them (anchors.ScanGroup). All are read before the first scan: a list that joined later
# would have every text scanned again.
_SCAN = ScanGroup()
SCANNED_TOGETHER = ("age_coded.yaml", "alcohol_culture.yaml", "exclusionary.yaml", "gender_restricted.yaml",
                    "gendered_language.yaml", "physical_requirements.yaml", "sensory_exclusion.yaml")


@cache
def _matchers(file: str) -> AnchoredList:
    if file not in SCANNED_TOGETHER:
        return AnchoredList([phrase.pattern for phrase in phrases(file)])
    for other in SCANNED_TOGETHER:
        _listed(other)
    return _listed(file)


@cache
def _listed(file: str) -> AnchoredList:
    return AnchoredList([phrase.pattern for phrase in phrases(file)], _SCAN)


# A text longer than this (only a hostile or broken file has one) is read a piece at a time, so
# that a rule which stops at its findings limit does not first match a megabyte.
CHUNK = 20_000
# Each piece is read with this much text before it (for look-behinds and word boundaries) and
# after it (for a match that starts inside the piece and ends past it); a row's match is far
# shorter.
_LEAD, _REACH = 200, 2_000


def phrase_matches(file: str, text: str) -> Iterable[tuple[int, int, str]]:
    """(offset, row, matched text) of every match of every row of a word list, in text order
    (AnchoredList.finditer_each: each row's words are looked for once in the folded text, and
    the row's pattern is run only where one of them is written)."""
    if len(text) <= CHUNK:
        return _matches_in(file, text)
    return _matches_by_piece(file, text)


@lru_cache(maxsize=65536)
def _matches_in(file: str, text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((start, index, match.group(0)) for start, index, match in _matchers(file).finditer_each(text))


def _matches_by_piece(file: str, text: str) -> Iterator[tuple[int, int, str]]:
    for begin in range(0, len(text), CHUNK):
        lead = max(0, begin - _LEAD)
        for start, index, match in _matchers(file).finditer_each(text[lead : begin + CHUNK + _REACH]):
            if begin <= lead + start < begin + CHUNK:
                yield lead + start, index, match.group(0)


def phrase_findings(ctx, posting, file: str) -> Iterator[Found]:
    """Every match of the word list ``file`` in the posting's language texts, allowed phrases (and,
    for rows that say so, quotations) left out, each located where it is written."""
    listed = phrases(file)
    allowed = None
    in_posting: dict[tuple[re.Pattern[str], bool], bool] = {}  # (words, title only) -> in the posting?
    for text in language_texts(posting):
        matches = iter(phrase_matches(file, text.text))
        first = next(matches, None)
        if first is None:
            continue
        matches = chain((first,), matches)
        if allowed is None:
            ground = stated_ground(file)
            if ground is not None and _anywhere(ground, posting, in_posting, stated_ground_in(file) == "title"):
                return
            allowed = allowed_phrases(ctx, posting)
            off = _ignored_indexes(ctx, file)
        places = text.places()
        kept = _reportable(text.text, matches, listed, allowed_spans(text.text, allowed), posting, in_posting, off)
        for start, _, index, matched in _one_per_overlap(kept):
            yield Found(text, listed[index], start, matched, places.at(start, matched))


def _ignored_indexes(ctx, file: str) -> frozenset[int]:
    """The rows of ``file`` the configuration ignores (``ignore = ["JD507:binary-pronouns"]``)."""
    ignored_rows = getattr(getattr(ctx, "config", None), "ignored_rows", None)
    ids = ignored_rows().get(file) if ignored_rows is not None else None
    if not ids:
        return frozenset()
    return frozenset(index for index, phrase in enumerate(phrases(file)) if phrase.id in ids)


def _reportable(text: str, matches, listed, spans, posting, in_posting: dict,
                off: frozenset[int]):
    """(start, end, row, matched) of the matches no ignored row, allowed phrase, `unless` ground
    (in the sentence, the title or, for the matches `ground_for` reads, anywhere in the posting),
    missing `when` context or quotation takes back, lazily: a rule stops at its findings limit
    without reading the rest of a long text. An ignored row's words are left to the other rows, as
    if it were not in the list."""
    quotes = None
    for start, index, matched in matches:
        if index in off:
            continue
        phrase = listed[index]
        end = start + len(matched)
        if spans and inside(start, end, spans):
            continue
        if phrase.unless_before is not None and phrase.unless_before.search(text, max(0, start - 60), start):
            continue
        if phrase.when is not None and not _anywhere(phrase.when, posting, in_posting):
            continue
        if phrase.unless_title is not None and _anywhere(phrase.unless_title, posting, in_posting, True):
            continue
        if phrase.when_title is not None and not _anywhere(phrase.when_title, posting, in_posting, True):
            continue
        if phrase.ground_in_posting is not None and \
                (phrase.ground_for is None or phrase.ground_for.search(matched)) and \
                _anywhere(phrase.ground_in_posting, posting, in_posting):
            continue
        if phrase.unless is not None:
            if phrase.unless_in == "posting":
                if _anywhere(phrase.unless, posting, in_posting):
                    continue
            elif phrase.unless.search(text, *sentence_around(text, start, end)):
                continue
        if phrase.quotes_exempt:
            quotes = quoted_spans(text) if quotes is None else quotes
            if inside(start, end, quotes):
                continue
        yield start, end, index, matched


def _anywhere(pattern: re.Pattern[str], posting, memo: dict[tuple[re.Pattern[str], bool], bool],
              title_only: bool = False) -> bool:
    """Whether ``pattern`` occurs in any of the posting's texts (in its title alone, with
    ``title_only``); asked once per pattern, scope and posting."""
    key = (pattern, title_only)
    if key not in memo:
        memo[key] = any(pattern.search(t.text) for t in language_texts(posting)
                        if not title_only or t.field == "title")
    return memo[key]


def _one_per_overlap(matches: Iterator[tuple[int, int, int, str]]) -> Iterator[tuple[int, int, int, str]]:
    """Of matches (start, end, row, text) in text order, one per run of overlapping ones: the
    earliest row's. Two rows over the same words ("Eligibility: Only female" and ": Only female",
    "able to lift" and "lift 50 pounds") are one mistake to the reader, and a list puts its most
    specific rows first. Lazy: each run is given as soon as a match after it begins."""
    run: list[tuple[int, int, int, str]] = []
    run_end = -1
    for match in matches:
        if run and match[0] >= run_end:
            yield min(run, key=lambda m: m[2])
            run = []
        run.append(match)
        run_end = max(run_end, match[1]) if len(run) > 1 else match[1]
    if run:
        yield min(run, key=lambda m: m[2])


def phrase_rule(file: str):
    """The check of a rule that reports each match of one word list with its row's message.

    The hint names the row as ``ignore`` takes it (``JD507:guys``): where a team reads a row
    differently from jdgen, the finding itself says how to leave that row out.
    """
    def check(ctx, posting, options):
        for found in phrase_findings(ctx, posting, file):
            yield phrase_hit(found, file)
    return check


def phrase_hit(found: Found, file: str) -> Hit:
    """A word-list match as a finding: the row's message, its alternative for the words found, and
    the row's selector."""
    phrase = found.phrase
    row = f"--ignore {_code_of(file)}:{phrase.id} leaves this row out"
    alternative = phrase.suggestion(found.matched)
    return found.text.hit(f"{found.matched!r}: {phrase.message}",
                          f"try {alternative}; {row}" if alternative else row, found.where)


@cache
def _code_of(file: str) -> str:
    """The code of the rule whose word list is ``file`` (registered by the time a check runs)."""
    from .registry import RULES

    return next(code for code, rule in RULES.items() if rule.word_list == file)
