"""Title resolution: which role code does "Sr. Machine Learning" mean?

Titles are compared after normalising: case-insensitive, punctuation ignored,
"Sr"/"Jr" read as "Senior"/"Junior", and Roman level numerals (I–X) read as digits, so
"Machine Learning IV" and "machine learning 4" are the same title. A role's own title
counts as an approved alias with confidence 1.0.

Ranking of exact matches: approved aliases first, then higher confidence, then code.
Two different codes tied at the top are ambiguous and reported with both candidates.
When nothing matches exactly, close titles (difflib ratio >= 0.85) are offered as
candidates with their similarity as confidence.

A role code (any case) resolves to itself, reported as a code match, ahead of every
title: ``show`` and ``render`` accept codes, and ``resolve`` answering "no match" for
the very input they take would send people looking for a problem that is not there.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Iterable

from ..diagnostics import did_you_mean, quoted
from ..errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from ..catalog.root import Catalog

_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_SYNONYMS = {"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior", "mgr": "manager", "eng": "engineer"}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
FUZZY_CUTOFF = 0.85


def normalise_title(title: str) -> str:
    words = [w.casefold() for w in _WORDS.findall(title)]
    out = []
    for i, word in enumerate(words):
        word = _SYNONYMS.get(word, word)
        # A lone "i" or "v" is a numeral only after the first word ("I" alone is not a level).
        if word in _ROMAN and i > 0:
            word = _ROMAN[word]
        out.append(word)
    return " ".join(out)


@dataclass(frozen=True)
class Match:
    code: str
    title: str              # the role's canonical title
    matched: str            # the alias or title that matched
    kind: str               # "code", "title", "alias" or "similar"
    confidence: float
    approved: bool

    def rank(self) -> tuple:
        return (not self.approved, -self.confidence, self.code)

    def as_dict(self) -> dict:
        return asdict(self)


def title_index(catalog: "Catalog") -> dict[str, list[Match]]:
    """Every title and alias of the catalog by normalised form."""
    index: dict[str, list[Match]] = {}
    for loaded in catalog.profiles():
        p = loaded.model
        index.setdefault(normalise_title(p.title), []).append(Match(p.code, p.title, p.title, "title", 1.0, True))
        for alias in p.title_aliases:
            confidence = alias.confidence if alias.confidence is not None else 0.5
            index.setdefault(normalise_title(alias.title), []).append(
                Match(p.code, p.title, alias.title, "alias", confidence, alias.approved))
    return index


def code_match(catalog: "Catalog", query: str) -> Match | None:
    """The match for a query that is a role code of the catalog (compared ignoring case), else None."""
    key = query.strip().upper()
    if key not in catalog.profile_files:
        return None
    return Match(key, catalog.profile(key).model.title, key, "code", 1.0, True)


def candidates(catalog: "Catalog", title: str) -> list[Match]:
    """All codes the title may mean, best first (one entry per code)."""
    by_code = code_match(catalog, title)
    if by_code is not None:
        return [by_code]
    key = normalise_title(title)
    if not key:
        # Titles are compared by their words; with no letters or digits there is nothing to compare.
        what = "the title is empty" if not title.strip() else \
            f"{quoted(title)} is neither a role code nor a title: it has no letters or digits"
        raise UsageError(what, hint='give a role code like AIMLAM.GEN.P4 or a title like "Sr. Machine Learning"')
    index = title_index(catalog)
    found = index.get(key)
    if not found:
        close = difflib.get_close_matches(key, list(index), n=5, cutoff=FUZZY_CUTOFF)
        found = [Match(m.code, m.title, m.matched, "similar", round(difflib.SequenceMatcher(None, key, form).ratio(), 2), False)
                 for form in close for m in index[form]]
    return _best_per_code(found)


def _best_per_code(matches: Iterable[Match]) -> list[Match]:
    best: dict[str, Match] = {}
    for match in sorted(matches, key=Match.rank):
        best.setdefault(match.code, match)
    return sorted(best.values(), key=Match.rank)


def resolve_title(catalog: "Catalog", title: str) -> Match:
    """The one code a title means; NotFoundError or an ambiguity error otherwise."""
    found = candidates(catalog, title)
    exact = [m for m in found if m.kind != "similar"]
    if not exact:
        close_codes = did_you_mean(title.strip().upper(), catalog.profile_files) if _looks_like_code(title) else []
        if found:
            hint = "did you mean " + ", ".join(f"{m.matched!r} ({m.code})" for m in found[:3]) + "?"
        elif close_codes:
            hint = "did you mean " + " or ".join(close_codes) + "?"
        else:
            hint = "run `jdgen list` for codes, or `jdgen show CODE` for a role's aliases"
        raise NotFoundError(f"no role code or title matches {quoted(title)}", hint=hint)
    if len(exact) > 1 and exact[0].rank()[:2] == exact[1].rank()[:2]:
        tied = [m for m in exact if m.rank()[:2] == exact[0].rank()[:2]]
        raise UsageError(f"{quoted(title)} is ambiguous: " + ", ".join(f"{m.code} ({m.matched!r})" for m in tied),
                         hint="give the role code instead, or approve one alias in its profile")
    return exact[0]


def _looks_like_code(query: str) -> bool:
    """FUNCTION.FOCUS.LEVEL in shape: three dotted parts, no spaces (a title has words, not dots)."""
    parts = query.strip().split(".")
    return len(parts) == 3 and all(part and part.isalnum() for part in parts)


def code_or_title(catalog: "Catalog", query: str) -> str:
    """A role code for ``query``: the code itself (any case), else what the title resolves to."""
    key = query.strip().upper()
    if key in catalog.profile_files:
        return key
    try:
        return resolve_title(catalog, query).code
    except NotFoundError:
        catalog.lookup(query)  # raises with the code suggestions when the query looks like a code
        raise
