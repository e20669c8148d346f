"""The level a job title names: by the catalog role it matches, else by the ladder's seniority words,
else by a step numeral (I, II, III) after the job's name.

Shared by ``jdgen lint`` on posting files (which judges a posting at the level its title
names) and ``jdgen import`` (which files a draft under one). It answers with the candidate
levels and why, and leaves the choice among several ("Senior" is P4 or P5) to the caller:
lint judges against the whole span, import narrows it by the years the posting asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog.models import Level
    from ..catalog.root import Catalog


@dataclass(frozen=True)
class TitleLevel:
    """Levels a title names. ``code`` and ``matched`` are set when an exact catalog title or alias
    gave the level; ``spelling`` when a ladder title word did."""
    levels: tuple["Level", ...]
    code: str | None = None
    matched: str | None = None
    spelling: str | None = None


def levels_in_title(catalog: "Catalog", title: str) -> TitleLevel:
    """The levels ``title`` names; none when it matches no role exactly and holds no title word."""
    if not title:
        return TitleLevel(())
    from .resolve import candidates

    from ..errors import InvalidInputError

    ladder = catalog.ladder
    try:
        exact = {m.code: m for m in candidates(catalog, title) if m.kind != "similar"}
    except InvalidInputError:
        # A profile that does not load (a draft import just wrote, before its taxonomy line is
        # added) only costs the exact-title lookup; the ladder's title words still apply, and
        # `jdgen validate` is where the broken file is reported.
        exact = {}
    if len(exact) == 1:
        match = next(iter(exact.values()))
        level = ladder.level(match.code.rsplit(".", 1)[-1])
        if level is not None:
            return TitleLevel((level,), code=match.code, matched=match.matched)
    for entry in ladder.title_words:
        for spelling in (entry.word, *entry.aliases):
            pattern = r"(?<![\w])" + re.escape(spelling).replace(r"\ ", r"[\s-]+") + r"(?![\w])"
            if re.search(pattern, title, re.IGNORECASE):
                levels = [ladder.level(code) for code in entry.levels]
                levels = [lv for lv in levels if lv is not None]
                # A title word names individual-contributor levels first: "Senior" is P4/P5, not S-track.
                professional = [lv for lv in levels if lv.code.startswith("P")] or levels
                if professional:
                    return TitleLevel(tuple(professional), spelling=spelling)
    return _numbered(ladder, title)


# A step of a numbered series written after the job's name: "Software Engineer II", "ACCOUNTANT III
# (SR-22)", "Analyst II, Data Science", "Staff Nurse Gr-II". The readers' guideline
# (benchmarks/quality/GUIDELINES.md) reads I, II and III as the first three steps, P1 to P3, and the
# tuning corpus's readers judged nearly all such titles so (2026-12-07: 500 of 504 where no ladder
# word decides). A fourth step ("Engineer IV") is senior at one employer and mid-career at
# another, so it is left unread, as are Arabic figures ("Team 1", "Level 2 support"). Upper case
# only, after a word; a lone "I" only where the title or a clause of it ends ("Data Analyst I",
# "Engineer I, Backend"), so that the pronoun in "Can I Join?" is no step. Several steps ("Utility
# Worker I, II, III", "Lecturer I/II") name each of their levels, and a title word wins ("Social
# Worker II Trainee" is a trainee post).
_STEPS = re.compile(r"(?:(?<=\w)(?:\s+|\s*[-/–—]\s*)|(?<=\w\.)\s*)"
                    r"((?:IV|I{1,3})(?:\s*(?:,|&|/|\band\b|\bor\b)\s*(?:IV|I{1,3}))*)(?![\w])")
_LONE_I_ENDS = re.compile(r"\s*(?:$|[,;:()\[\]|@!–—-])")
# Words after which a numeral is a series' part, not a job's step: a scheme's phase or call, a
# name ("John Paul II"), a war, and an Indian or Sri Lankan service's Class or Group, whose Class I
# is the senior class, the reverse of a career step (the readers split on them).
_NOT_A_STEP = frozenset("phase call part round batch cohort stage term semester session section chapter volume "
                        "vol title paul john elizabeth henry war class group category tier schedule".split())


def _numbered(ladder, title: str) -> TitleLevel:
    ranks: set[int] = set()
    for run in _STEPS.finditer(title):
        before = title[:run.start()].split()
        if before and before[-1].strip(".,:;()-").lower() in _NOT_A_STEP:
            continue
        steps = re.findall(r"IV|I{1,3}", run.group(1))
        if steps == ["I"] and not _LONE_I_ENDS.match(title, run.end()):
            continue
        ranks.update(len(step) for step in steps if step != "IV")
    levels = tuple(level for rank in sorted(ranks) for level in ladder.levels if level.track == "P" and level.rank == rank)
    if not levels:
        return TitleLevel(())
    return TitleLevel(levels, spelling=" / ".join("I" * rank for rank in sorted(ranks)))
