"""The level a job title names: by the catalog role it matches, else by the ladder's seniority words.

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
    return TitleLevel(())
