"""The quality corpus in ``benchmarks/quality/`` is consistent with its own judgement file.

The corpus is an answer key written by a person (see ``benchmarks/quality/GUIDELINES.md``);
these checks never run a lint rule on it. They pin what a scorer relies on: every judged file
exists and every judged phrase is an exact substring of its excerpt, so a finding can be
matched by position; every posting names its source; the levels and years follow the
guideline's arithmetic; and the corpus is big enough to measure precision and recall with.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "quality"
POSTINGS = CORPUS / "postings"
FAMILIES = {
    "gender_coded", "jargon", "age", "gendered_address", "restricted_eligibility",
    "alcohol", "sensory", "physical", "other",
}
# The ladder's years per level (GUIDELINES.md, "Experience against level").
LEVEL_YEARS = {
    "P1": (0, 2), "P2": (1, 3), "P3": (3, 5), "P4": (5, 8),
    "P5": (8, 12), "P6": (12, 18), "P7": (15, 22), "P8": (18, 30),
}
NAME_RE = re.compile(r"^\d{3,5}-[a-z0-9-]+\.md$")  # numbered in collection order; past 999, four digits, past 9999, five

# The targets the corpus was commissioned with.
MIN_POSTINGS = 45
MIN_LANGUAGE_PHRASES = 35
MIN_EXPERIENCE_STATEMENTS = 15


def _judgements() -> list[dict]:
    return yaml.safe_load((CORPUS / "judgements.yaml").read_text(encoding="utf-8"))


JUDGEMENTS = _judgements()
IDS = [j["file"] for j in JUDGEMENTS]


def _excerpt(entry: dict) -> str:
    return (POSTINGS / entry["file"]).read_text(encoding="utf-8")


def test_every_posting_file_is_judged_once_and_every_judged_file_exists():
    on_disk = sorted(p.name for p in POSTINGS.glob("*.md"))
    assert sorted(IDS) == on_disk
    assert len(IDS) == len(set(IDS))


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=IDS)
def test_entry_shape(entry):
    assert NAME_RE.match(entry["file"]), entry["file"]
    assert re.match(r"^https?://\S+$", entry["source"]), "every posting names the page it came from"
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", entry["retrieved"])
    assert entry["title"]
    assert entry["level"] is None or entry["level"] in LEVEL_YEARS
    if entry["level"] is None:
        assert entry.get("level_note"), "an unknown level says why"


def _check_excerpt_shape(text: str) -> None:
    assert text.startswith("# "), "the first line is the title as '# ...'"
    assert 80 <= len(text.split()) <= 350


def _check_phrases_in(entry, text: str) -> None:
    for item in entry.get("language") or []:
        assert item["family"] in FAMILIES, item
        assert item["phrase"] in text, item["phrase"]
    for phrase in entry.get("language_ok") or []:
        assert phrase in text, phrase
    for item in entry.get("experience") or []:
        assert item["phrase"] in text, item["phrase"]


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=IDS)
def test_excerpt_shape(entry):
    _check_excerpt_shape(_excerpt(entry))


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=IDS)
def test_every_judged_phrase_is_an_exact_substring_of_its_excerpt(entry):
    _check_phrases_in(entry, _excerpt(entry))


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=IDS)
def test_fits_level_follows_the_guideline_arithmetic(entry):
    for item in entry.get("experience") or []:
        if entry["level"] is None:
            assert item["fits_level"] is None, "no level, nothing to compare against"
            continue
        low, high = LEVEL_YEARS[entry["level"]]
        expected = low - 1 <= item["min_years"] < high
        assert item["fits_level"] is expected, item


# The commissioned size (README.md, "Counts"): enough postings, flagged phrases and years
# statements, with both fitting and non-fitting years, to measure precision and recall with.
def test_corpus_is_large_enough_to_score_with():
    language = sum(len(j.get("language") or []) for j in JUDGEMENTS)
    experience = [e for j in JUDGEMENTS for e in (j.get("experience") or [])]
    assert {e["fits_level"] for e in experience} >= {True, False, None}
    assert len(JUDGEMENTS) >= MIN_POSTINGS
    assert language >= MIN_LANGUAGE_PHRASES
    assert len(experience) >= MIN_EXPERIENCE_STATEMENTS
    assert {e["fits_level"] for e in experience} >= {True, False}


# The held-out set (benchmarks/quality/heldout/) is judged by the same guideline and must
# meet the same shape; it must also share no posting with the tuning corpus above, or its
# figures would flatter the rules just as the tuning corpus's do.
HELDOUT = CORPUS / "heldout"
HELDOUT_POSTINGS = HELDOUT / "postings"
HELDOUT_JUDGEMENTS = yaml.safe_load((HELDOUT / "judgements.yaml").read_text(encoding="utf-8"))
HELDOUT_IDS = [j["file"] for j in HELDOUT_JUDGEMENTS]
MIN_HELDOUT_POSTINGS = 40
# A set chosen by job, board and country rather than by searching for problem wording holds about one
# flagged phrase in four postings (the seventh: 30 in 124); 30 phrases measured recall to about ±0.09.
# The seventeenth set found the searchable store of unused postings nearly spent (132 postings, 29
# phrases, about ±0.09 still): 25 phrases, about ±0.1, is the least a set is scored with, and the
# README gives each set's size beside its figures.
MIN_HELDOUT_LANGUAGE_PHRASES = 25
MIN_HELDOUT_EXPERIENCE_STATEMENTS = 24


def _heldout_excerpt(entry: dict) -> str:
    return (HELDOUT_POSTINGS / entry["file"]).read_text(encoding="utf-8")


def _check_judged_once(postings: Path, ids: list[str]) -> None:
    on_disk = sorted(p.name for p in postings.glob("*.md"))
    assert sorted(ids) == on_disk
    assert len(ids) == len(set(ids))


def _pages(entries: list[dict]) -> set[str]:
    """Every page address a key names (its sources and the boards they mirror)."""
    return {e[k] for e in entries for k in ("source", "original") if e.get(k)}


def test_every_heldout_file_is_judged_once_and_every_judged_file_exists():
    _check_judged_once(HELDOUT_POSTINGS, HELDOUT_IDS)


@pytest.mark.parametrize("entry", HELDOUT_JUDGEMENTS, ids=HELDOUT_IDS)
def test_heldout_entry_and_excerpt_shape(entry):
    test_entry_shape(entry)
    _check_excerpt_shape(_heldout_excerpt(entry))


@pytest.mark.parametrize("entry", HELDOUT_JUDGEMENTS, ids=HELDOUT_IDS)
def test_every_heldout_phrase_is_an_exact_substring_of_its_excerpt(entry):
    _check_phrases_in(entry, _heldout_excerpt(entry))


@pytest.mark.parametrize("entry", HELDOUT_JUDGEMENTS, ids=HELDOUT_IDS)
def test_heldout_fits_level_follows_the_guideline_arithmetic(entry):
    test_fits_level_follows_the_guideline_arithmetic(entry)


def test_heldout_shares_no_posting_with_the_tuning_corpus():
    assert not _pages(HELDOUT_JUDGEMENTS) & _pages(JUDGEMENTS)
    assert not set(HELDOUT_IDS) & set(IDS)


@pytest.mark.parametrize("entry", HELDOUT_JUDGEMENTS, ids=HELDOUT_IDS)
def test_heldout_entry_names_the_language_of_its_excerpt(entry):
    assert re.fullmatch(r"[a-z]{2}", entry.get("text_language", "")), "text_language is a two-letter code"


# Only postings in English are scored with the wording rules (their lists are English); the
# minimums hold for that part alone.
def test_heldout_is_large_enough_to_score_with():
    english = [j for j in HELDOUT_JUDGEMENTS if j.get("text_language", "en") == "en"]
    language = sum(len(j.get("language") or []) for j in english)
    experience = [e for j in english for e in (j.get("experience") or [])]
    assert len(english) >= MIN_HELDOUT_POSTINGS
    assert language >= MIN_HELDOUT_LANGUAGE_PHRASES
    assert len(experience) >= MIN_HELDOUT_EXPERIENCE_STATEMENTS
    assert {e["fits_level"] for e in experience} >= {True, False, None}


# A set being collected (benchmarks/quality/incoming/, when there is one) is judged by the same
# guideline and must already keep its shape and stay apart from both keys above: it becomes the
# held-out set once complete, and a posting in two keys would be scored where it was tuned.
INCOMING = CORPUS / "incoming"
INCOMING_JUDGEMENTS = (yaml.safe_load((INCOMING / "judgements.yaml").read_text(encoding="utf-8"))
                       if (INCOMING / "judgements.yaml").is_file() else [])
INCOMING_IDS = [j["file"] for j in INCOMING_JUDGEMENTS]


def _incoming_excerpt(entry: dict) -> str:
    return (INCOMING / "postings" / entry["file"]).read_text(encoding="utf-8")


def test_every_incoming_file_is_judged_once_and_every_judged_file_exists():
    _check_judged_once(INCOMING / "postings", INCOMING_IDS)


@pytest.mark.parametrize("entry", INCOMING_JUDGEMENTS, ids=INCOMING_IDS)
def test_incoming_entry_excerpt_phrases_and_arithmetic(entry):
    test_entry_shape(entry)
    _check_excerpt_shape(_incoming_excerpt(entry))
    _check_phrases_in(entry, _incoming_excerpt(entry))
    test_fits_level_follows_the_guideline_arithmetic(entry)


def test_incoming_shares_no_posting_with_either_key():
    assert not _pages(INCOMING_JUDGEMENTS) & (_pages(JUDGEMENTS) | _pages(HELDOUT_JUDGEMENTS))
