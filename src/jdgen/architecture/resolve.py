"""Title resolution: which role code does "Sr. Machine Learning" mean?

Titles are compared after normalising: case-insensitive, punctuation ignored,
"Sr"/"Jr" read as "Senior"/"Junior", and Roman level numerals (I–X) read as digits, so
"Machine Learning IV" and "machine learning 4" are the same title.

Ranking of exact matches: approved aliases first, then higher certainty, then code. A
role's own title (and its code) is as certain as an approved alias of confidence 1.0; an
alias whose profile states no confidence ranks after every alias that states one. Two
different codes tied at the top are ambiguous and reported with both candidates.

Confidence is the catalog's word, so it is reported only where a profile states it: an
alias without one shows none (it once showed an invented 0.50), and a close title shows
its similarity, which is a measure of spelling, not a confidence.

When nothing matches exactly, close titles (difflib ratio >= 0.85) are offered, except a
role whose level contradicts the seniority the title states: the ladder's title words say
which levels "Senior" or "Junior" name, and a "Sr. Software Engineer" must not be pointed
at a P1 role because "junior software engineering" is spelt much the same. A miss says
what was compared, the nearest titles, and why each was not taken.

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
    confidence: float | None  # as the profile states it for an alias; None when it states none
    approved: bool
    similarity: float | None = None  # "similar" only: how alike the normalised titles are (0-1)

    def certainty(self) -> float | None:
        if self.kind in ("code", "title"):
            return 1.0
        return self.similarity if self.kind == "similar" else self.confidence

    def rank(self) -> tuple:
        certainty = self.certainty()
        return (not self.approved, certainty is None, -(certainty or 0.0), self.code)

    def as_dict(self) -> dict:
        return asdict(self)


def title_index(catalog: "Catalog") -> dict[str, list[Match]]:
    """Every title and alias of the catalog by normalised form."""
    index: dict[str, list[Match]] = {}
    for loaded in catalog.profiles():
        p = loaded.model
        index.setdefault(normalise_title(p.title), []).append(Match(p.code, p.title, p.title, "title", None, True))
        for alias in p.title_aliases:
            index.setdefault(normalise_title(alias.title), []).append(
                Match(p.code, p.title, alias.title, "alias", alias.confidence, alias.approved))
    return index


def code_match(catalog: "Catalog", query: str) -> Match | None:
    """The match for a query that is a role code of the catalog (compared ignoring case), else None."""
    key = query.strip().upper()
    if key not in catalog.profile_files:
        return None
    return Match(key, catalog.profile(key).model.title, key, "code", None, True)


def _key(title: str) -> str:
    key = normalise_title(title)
    if not key:
        # Titles are compared by their words; with no letters or digits there is nothing to compare.
        what = "the title is empty" if not title.strip() else \
            f"{quoted(title)} is neither a role code nor a title: it has no letters or digits"
        raise UsageError(what, hint='give a role code like AIMLAM.GEN.P4 or a title like "Sr. Machine Learning"')
    return key


def candidates(catalog: "Catalog", title: str) -> list[Match]:
    """All codes the title may mean, best first (one entry per code)."""
    by_code = code_match(catalog, title)
    if by_code is not None:
        return [by_code]
    key = _key(title)
    index = title_index(catalog)
    found = index.get(key)
    if not found:
        found = [m for m, why in _nearest(catalog, key, index) if why is None]
    return _best_per_code(found)


def _nearest(catalog: "Catalog", key: str, index: dict[str, list[Match]], limit: int = 5) -> list[tuple[Match, str | None]]:
    """The titles most like ``key`` (one per code, most alike first), each with why it may not
    be offered: too little alike, or a level the title's seniority words rule out (None: offer it)."""
    stated = seniority(catalog, key)
    scored = sorted(((round(difflib.SequenceMatcher(None, key, form).ratio(), 2), form) for form in index),
                    key=lambda pair: (-pair[0], pair[1]))
    out: list[tuple[Match, str | None]] = []
    seen: set[str] = set()
    for ratio, form in scored:
        for m in sorted(index[form], key=Match.rank):
            if m.code in seen:
                continue
            seen.add(m.code)
            close = Match(m.code, m.title, m.matched, "similar", None, False, ratio)
            why = [] if ratio >= FUZZY_CUTOFF else [f"below {FUZZY_CUTOFF}"]
            clash = _seniority_clash(catalog, stated, m.code)
            out.append((close, ", and ".join(why + [clash] if clash else why) or None))
        if len(out) >= limit:
            break
    return out[:limit]


def seniority(catalog: "Catalog", key: str) -> tuple[str, tuple[str, ...]]:
    """The ladder title words a normalised title holds, and the levels they name together
    (("", ()) when it holds none). Longer words are taken first, so "senior vice president"
    is one word, not "senior" plus "vice president"; several words name the levels they share."""
    spellings = sorted(((normalise_title(s), entry) for entry in catalog.ladder.title_words
                        for s in (entry.word, *entry.aliases) if normalise_title(s)),
                       key=lambda pair: (-len(pair[0]), pair[0]))
    rest, words, sets = f" {key} ", [], []
    for spelling, entry in spellings:
        if f" {spelling} " in rest:
            rest = rest.replace(f" {spelling} ", "  ", 1)
            words.append(spelling)
            sets.append(list(entry.levels))
    if not sets:
        return "", ()
    shared = [code for code in sets[0] if all(code in other for other in sets[1:])]
    return " ".join(words), tuple(shared or dict.fromkeys(code for levels in sets for code in levels))


def _seniority_clash(catalog: "Catalog", stated: tuple[str, tuple[str, ...]], code: str) -> str | None:
    """Why a role's level contradicts the title's seniority words, else None.

    Judged within the role's track only: "Senior" names P4-P5 on the professional track, so
    a P1 role is ruled out, while a title naming only management levels says nothing about a
    professional-track role.
    """
    words, codes = stated
    level = catalog.ladder.level(code.rsplit(".", 1)[-1])
    if not codes or level is None:
        return None
    same_track = [lv for lv in map(catalog.ladder.level, codes) if lv is not None and lv.track == level.track]
    ranks = [lv.rank for lv in same_track]
    if not ranks or min(ranks) <= level.rank <= max(ranks):
        return None
    named = "–".join(dict.fromkeys((same_track[ranks.index(min(ranks))].code, same_track[ranks.index(max(ranks))].code)))
    side = "junior" if level.rank < min(ranks) else "senior"
    return f"a {level.code} role, more {side} than {words!r} ({named})"


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
        raise NotFoundError(f"no role code or title matches {quoted(title)}", hint=_miss_hint(catalog, title, found))
    if len(exact) > 1 and exact[0].rank()[:3] == exact[1].rank()[:3]:
        tied = [m for m in exact if m.rank()[:3] == exact[0].rank()[:3]]
        raise UsageError(f"{quoted(title)} is ambiguous: " + ", ".join(f"{m.code} ({m.matched!r})" for m in tied),
                         hint="give the role code instead, or approve one alias in its profile")
    return exact[0]


def _miss_hint(catalog: "Catalog", title: str, close: list[Match]) -> str:
    """What was compared, the nearest titles and why none was taken, and what to do next."""
    close_codes = did_you_mean(title.strip().upper(), catalog.profile_files) if _looks_like_code(title) else []
    if close_codes:
        return "did you mean " + " or ".join(close_codes) + "?"
    key = normalise_title(title)
    parts = [f"compared as {quoted(key)}"]
    if close:
        parts.append("did you mean " + ", ".join(f"{m.matched!r} ({m.code})" for m in close[:3]) + "?")
    passed = [(m, why) for m, why in _nearest(catalog, key, title_index(catalog), limit=3) if why is not None]
    if passed:
        parts.append("not taken: " + ", ".join(f"{m.matched!r} ({m.code}, similarity {m.similarity:.2f}: {why})"
                                               for m, why in passed))
    if not close:
        parts.append("run `jdgen list` for codes, or `jdgen show CODE` for a role's aliases")
    return "; ".join(parts)


def _looks_like_code(query: str) -> bool:
    """FUNCTION.FOCUS.LEVEL in shape: three dotted parts, no spaces (a title has words, not dots)."""
    parts = query.strip().split(".")
    return len(parts) == 3 and all(part and part.isalnum() for part in parts)


def title_code(catalog: "Catalog", query: str) -> str:
    """The role code the title ``query`` resolves to. A caller that takes codes too checks for one
    first (without importing this module: ``postings.batch``), so a render by code pays nothing here.

    A miss shaped like a code is reported as a missing code (with the catalog's nearest codes);
    any other miss gets the resolver's account of the titles it compared, not a code message
    about a title nobody meant as a code."""
    try:
        return resolve_title(catalog, query).code
    except NotFoundError:
        if _looks_like_code(query):
            catalog.lookup(query)
        raise
