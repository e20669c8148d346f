"""Where a word-list row is not tried at all (compose/anchors.py): a place after a look-behind that
ends off a word is a word start, a phrase of a row is tried only in a text that holds the words
it needs after its first, and a row's pattern is compiled only once it runs. What the rows find
stays the same: test_anchors_equivalence.py and test_anchors_one_scan.py check that on every
shipped row."""

from __future__ import annotations

import re

from jdgen.compose.anchors import Anchored, AnchoredList, fold, leading_words, required_after
from jdgen.compose.lazy_regex import LazyPattern


def test_a_look_behind_that_ends_off_a_word_makes_its_words_start_words():
    after_a_sentence = re.compile(r"(?<=[.!?]\s)(?:he|she)\s+will\b", re.IGNORECASE)
    assert leading_words(after_a_sentence) == {"he": True, "she": True}
    either = re.compile(r"(?:(?<=\bgood\sif\s)|(?<=^))he\s+is\b", re.IGNORECASE | re.MULTILINE)
    assert leading_words(either) == {"he": True}
    # Not tried inside "the": the place after "t" cannot follow a sentence's end.
    text = "Ask the lead. He will reply."
    assert Anchored(after_a_sentence).starts(text, fold(text)) == [14]
    assert [m.group(0) for m in Anchored(after_a_sentence).finditer(text)] == ["He will"]


def test_a_look_behind_that_ends_on_a_letter_leaves_the_word_free_inside_another():
    inside = re.compile(r"(?<=t)he\b", re.IGNORECASE)
    assert leading_words(inside) == {"he": False}
    assert [m.start() for m in Anchored(inside).finditer("the end")] == [1]


ROW = re.compile(r"\b(?:cultur(?:e|al)|team)[\s-]fits?\b"
                 r"|\bsomeone\s+we\s+(?:enjoy|love)\s+working\s+with\b", re.IGNORECASE)


def test_each_leading_word_carries_the_words_its_phrases_need_after_it():
    assert required_after(ROW, leading_words(ROW)) == {"cultur": ("fit",), "someone": ("working",), "team": ("fit",)}


def test_a_phrase_is_not_tried_where_the_text_lacks_the_words_it_needs():
    listed = AnchoredList([ROW])
    lacking = "Our team and the culture: someone we know."
    assert listed._candidates(lacking, fold(lacking), False) == {}
    assert Anchored(ROW).starts(lacking, fold(lacking)) == []
    holding = "A team fit matters; our team grows."
    assert listed._candidates(holding, fold(holding), False) == {0: [2, 24]}
    assert [m.group(0) for _, _, m in listed.finditer_each(holding)] == ["team fit"]


HEIGHT_FLOOR = re.compile(r"\bat\s+least\s+[4-6]\s*'\s*\d{1,2}\s*\"\s*(?:in\s+height|tall(?:er)?)\b"
                          r"|\bat\s+least\s+1[4-9]\d\s*cm\s+(?:for\s+)?(?:men|male)\b", re.IGNORECASE)


def test_a_phrase_after_at_least_needs_its_rarer_words_not_least():
    # "least" is in most postings' years ("at least 3 years"): needing it ran the row at every
    # "at least" of bench_adversarial.py's one-line-years input. Of the phrases' other words,
    # "taller" is found only where "tall" is, so asking for both says no more.
    needs = required_after(HEIGHT_FLOOR, leading_words(HEIGHT_FLOOR))
    assert needs == {"at": ("cm", "height", "tall")}
    years = "at least 5 years " * 3
    assert Anchored(HEIGHT_FLOOR).starts(years, fold(years)) == []
    floor = "Be at least 5'5\" in height"
    assert [m.group(0) for m in Anchored(HEIGHT_FLOOR).finditer(floor)] == ["at least 5'5\" in height"]


def test_a_word_needed_after_the_end_of_a_shortened_text_still_counts():
    # starts(end=...) reads the words of places before `end` in a shortened copy; the words a
    # phrase needs are looked for in the whole text, where its match may reach them.
    text = "team " + "x" * 40 + " fit"
    assert Anchored(ROW).starts(text, fold(text), end=3) == [0]


def test_a_word_list_row_is_compiled_only_once_it_runs():
    """The anchored search reads a lazily compiled row's source (``pattern``, ``flags``) without
    compiling it; a text without its words never compiles it (compose/lazy_regex.py)."""
    unicorn = LazyPattern(r"\bunicorn(?:s)?\b", re.IGNORECASE)
    assert (unicorn.pattern, unicorn.flags) == (r"\bunicorn(?:s)?\b", re.IGNORECASE)
    listed = AnchoredList([unicorn])
    assert listed.finditer_each("A horse and a pony.") == []
    assert "match" not in vars(unicorn)  # the compiled pattern's methods are kept once it compiles
    assert [m.group(0) for _, _, m in listed.finditer_each("We hire Unicorns.")] == ["Unicorns"]
    assert "match" in vars(unicorn)
    assert unicorn.search("a unicorn").span() == (2, 9)
    assert unicorn.match("unicorn").group(0) == "unicorn"
    assert [m.start() for m in unicorn.finditer("unicorn, UNICORN")] == [0, 9]


AGE_CAP = re.compile(r"\b[2-6]\d\s+years?\s+old\b", re.IGNORECASE)


def test_a_phrase_needs_its_rarer_word_not_the_years_every_posting_holds():
    # "year" and "old" are both required after the figure; asked for "year", the row ran at
    # every number of a posting with years of experience in it.
    assert required_after(AGE_CAP, leading_words(AGE_CAP)) == {str(digit): ("old",) for digit in range(2, 7)}
    years = "At least 25 years of experience, 30 years in total."
    assert AnchoredList([AGE_CAP])._candidates(years, fold(years), False) == {}
    capped = "Applicants must be 35 years old or younger."
    assert [m.group(0) for _, _, m in AnchoredList([AGE_CAP]).finditer_each(capped)] == ["35 years old"]
