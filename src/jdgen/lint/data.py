"""The shipped word lists and law table, loaded once and compiled for matching.

The files live in ``jdgen/data/``; each names its sources and review date.

Each list is also shipped already parsed, as JSON in ``lint/parsed/`` (written by ``python -m
jdgen.lint.analyse_shipped`` with the digest of the YAML it came from): reading the lists' 1 MB
of YAML took about 90 ms of a one-posting lint, the JSON about 7. A copy is used only while its
digest is the YAML file's own, so an edited list is read from its YAML until the copies are
written again (tests/lint/test_parsed_lists.py fails until then). The copies sit inside the
package, never in the cache folder: a cached copy of the rules could be planted to silence them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..compose.lazy_regex import lazy

DATA = Path(__file__).resolve().parents[1] / "data"
PARSED = Path(__file__).resolve().with_name("parsed")


def _load(name: str) -> Any:
    raw = (DATA / name).read_bytes()
    copy = parsed_copy(name)
    if copy is not None and copy["sha256"] == hashlib.sha256(raw).hexdigest():
        return copy["data"]
    return parse_yaml(raw)


def parse_yaml(raw: bytes) -> Any:
    import yaml

    # Shipped, trusted data: the fast C loader is fine; dates in these files are quoted strings.
    return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parsed_name(name: str) -> str:
    """The file name of a list's parsed copy in :data:`PARSED` ("age_coded.yaml" -> "age_coded.json")."""
    return f"{Path(name).stem}.json"


def parsed_copy(name: str) -> dict[str, Any] | None:
    """The shipped JSON copy of a list ({"sha256", "data"}), read afresh so that no caller shares
    another's objects; None when there is none or it cannot be read."""
    try:
        copy = json.loads((PARSED / parsed_name(name)).read_bytes())
    except (OSError, ValueError):
        return None
    return copy if isinstance(copy, dict) and isinstance(copy.get("sha256"), str) and "data" in copy else None


@dataclass(frozen=True)
class Phrase:
    id: str
    pattern: re.Pattern[str]
    message: str
    alternative: str
    severity: str
    # physical_requirements.yaml: an item marked `essential: true` may state it (JD503)
    suppress_if_essential: bool = False
    # gendered_language.yaml: a match inside quotation marks names something ("He Will" as a title)
    quotes_exempt: bool = False
    # words that, in the match's sentence, make it harmless: "fresh graduates ... are welcome to
    # apply" opens the door the bare phrase would close; "citizenship ... for a security clearance"
    # states the legal ground
    unless: re.Pattern[str] | None = None
    # where `unless` is looked for: "sentence", or "posting" for a ground stated anywhere in it (a
    # security clearance on its own line makes a citizenship requirement lawful)
    unless_in: str = "sentence"
    # words just before the match that turn it around: "not looking for a rockstar" asks for the
    # opposite of the label (looked for in the 60 characters before it, to the end of that stretch)
    unless_before: re.Pattern[str] | None = None
    # words the posting must hold somewhere for the row to count: a bare "Not exceeding 35 years."
    # is an age limit under an "Age limit" heading and nothing in a posting that never speaks of age
    when: re.Pattern[str] | None = None
    # physical_requirements.yaml: whether a posting file whose title names physical work excuses the
    # row as it excuses lifting and standing (false for the senses: hearing a guest or telling
    # colours apart is not what makes housekeeping physical)
    physical_work_excuses: bool = True
    # words in the posting's title that state the ground for the row wherever it matches: a police
    # recruit's minimum age is set by the peace-officer law the notice seldom cites
    unless_title: re.Pattern[str] | None = None
    # words the posting's title must hold for the row to count: a scheme that "targets unemployed
    # local youth" limits its applicants when the post is that scheme (an apprenticeship's notice)
    # and names the public served elsewhere (an NGO project's coordinator)
    when_title: re.Pattern[str] | None = None
    # words anywhere in the posting that state the ground for the matches `ground_for` reads (in the
    # matched words): a Class A CDL asked for makes a floor of 21 the federal minimum age for
    # interstate commercial driving, stated on another line than the age; a higher floor beside it
    # is the carrier's own and stays reported
    ground_in_posting: re.Pattern[str] | None = None
    ground_for: re.Pattern[str] | None = None
    # a row of many titles suggests the one for the title found ("Watchman" -> 'security guard', not
    # the 27 replacements of every title the row reads): (words looked for in the match, suggestion),
    # the first whose words are there; `alternative` when none is
    alternative_for: tuple[tuple[re.Pattern[str], str], ...] = ()

    def suggestion(self, matched: str) -> str:
        return next((text for words, text in self.alternative_for if words.search(matched)), self.alternative)


@cache
def stated_ground(name: str) -> re.Pattern[str] | None:
    """The words by which a posting states the lawful ground for every row of a word list at once
    (gender_restricted.yaml: a genuine occupational requirement), or None."""
    ground = _load(name).get("stated_ground")
    return re.compile(ground, re.IGNORECASE) if ground else None


@cache
def stated_ground_in(name: str) -> str:
    """Where a list's `stated_ground` is looked for: "posting" (any of its texts) or "title" (the
    title alone: alcohol_culture.yaml's drink trades, which are the work only when they are the job)."""
    return _load(name).get("stated_ground_in", "posting")


@cache
def phrases(name: str) -> tuple[Phrase, ...]:
    rows = _load(name)["phrases"]
    return tuple(Phrase(r["id"], lazy(r["pattern"], re.IGNORECASE), " ".join(r["message"].split()),
                        r.get("alternative", ""), r.get("severity", "warning"),
                        bool(r.get("suppress_if_essential")), bool(r.get("quotes_exempt")),
                        _lazy(r.get("unless")), r.get("unless_in", "sentence"), _lazy(r.get("unless_before")),
                        _lazy(r.get("when")), bool(r.get("physical_work_excuses", True)),
                        _lazy(r.get("unless_title")), _lazy(r.get("when_title")),
                        _lazy(r.get("ground_in_posting")), _lazy(r.get("ground_for")),
                        tuple((lazy(words, re.IGNORECASE), " ".join(text.split()))
                              for words, text in r.get("alternative_for", {}).items())) for r in rows)


def _lazy(pattern: str | None) -> re.Pattern[str] | None:
    """A row's condition, compiled when first run (compose/lazy_regex.py says why)."""
    return lazy(pattern, re.IGNORECASE) if pattern else None


@dataclass(frozen=True)
class GenderWords:
    stems: tuple[tuple[str, bool, str, str], ...]   # (stem, whole word only, alternative, trait|context)
    exceptions: frozenset[str]
    exception_phrases: re.Pattern[str] | None


def gender_list(language: str = "en") -> str | None:
    """The gender-coded word list for a language: gender_coded.yaml is English (Gaucher et al.),
    gender_coded.<language>.yaml another language's; None where no published list was found,
    so that a posting is never read with another language's stems."""
    name = "gender_coded.yaml" if language == "en" else f"gender_coded.{language}.yaml"
    return name if (DATA / name).is_file() else None


@cache
def gender_words(side: str = "masculine", language: str = "en") -> GenderWords:
    """One side of a language's gender-coded list: ``masculine`` or ``feminine``; the exceptions
    serve both. The language must have a list (:func:`gender_list`)."""
    data = _load(gender_list(language) or "gender_coded.yaml")
    stems = tuple((row["stem"], row.get("match") == "word", row.get("alternative", ""), row.get("kind", "context"))
                  for row in data[side])
    phrases_ = [re.escape(p).replace(r"\ ", r"[\s-]+") for p in data.get("exception_phrases", [])]
    joined = re.compile(r"\b(?:" + "|".join(phrases_) + r")\b", re.IGNORECASE) if phrases_ else None
    return GenderWords(stems, frozenset(w.lower() for w in data.get("exceptions", [])), joined)


def masculine_words() -> GenderWords:
    return gender_words("masculine")


@cache
def gender_balance(language: str = "en") -> dict[str, Any]:
    """The thresholds of the per-posting balance rule (the language list's ``balance`` table)."""
    return dict(_load(gender_list(language) or "gender_coded.yaml")["balance"])


@dataclass(frozen=True)
class TitleConvention:
    """How titles in one language show they are open to every gender (title_markers.yaml)."""
    language: str
    name: str
    suggest: str
    markers: tuple[str, ...]                  # case-folded
    forms: tuple[re.Pattern[str], ...]
    countries: dict[str, dict[str, Any]]      # "DE", "CA-QC" -> basis, since, note, sources

    def passes(self, title: str) -> bool:
        folded = title.casefold()
        return any(marker in folded for marker in self.markers) or any(form.search(title) for form in self.forms)


@cache
def title_conventions() -> tuple[dict[str, TitleConvention], dict[str, Any]]:
    """The conventions by language, and the EU directive row (law, from, url)."""
    data = _load("title_markers.yaml")
    conventions = {code: TitleConvention(code, row["name"], row["suggest"],
                                         tuple(m.casefold() for m in row["markers"]),
                                         tuple(re.compile(f) for f in row.get("forms") or ()),
                                         dict(row["countries"]))
                   for code, row in data["languages"].items()}
    return conventions, dict(data["eu_directive"])


@cache
def _pay_table() -> dict[str, Any]:
    return _load("pay_transparency.yaml")


@cache
def jurisdictions() -> tuple[dict[str, Any], ...]:
    return tuple(_pay_table()["jurisdictions"])


@cache
def eu_member_states() -> dict[str, dict[str, Any]]:
    """pay_transparency.yaml's ``eu_member_states``, by ISO country code: where each member state
    stands with Directive (EU) 2023/970 and which law rows carry its Art. 5 there."""
    return {row["country"]: row for row in _pay_table()["eu_member_states"]}


@cache
def readability_limits() -> dict[str, int]:
    """Each readability limit by name (``max_words`` …), the defaults of JD601–JD605's options;
    readability.yaml says where each number comes from."""
    return {name: row["value"] for name, row in _load("readability.yaml")["thresholds"].items()}
