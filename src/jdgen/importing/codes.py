"""A code for an imported posting: FUNCTION.FOCUS.LEVEL, from the taxonomy and the title.

Design: the function and focus whose names and descriptions share the most distinguishing
words with the title win (job nouns such as "engineer" or "manager" and the ladder's
seniority words distinguish nothing); a function with no specific focus match takes its
General focus. When that code is already the catalog's (or another file's of the same run),
or nothing matched, a new focus code is derived from the title's words, and numbered when
even that is taken, so an import never files a draft under a code that exists. A title that
shares no word with any function gets a new function too. New codes are reported, since the
taxonomy must gain them before the catalog accepts the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from ..catalog.models import Ladder, Taxonomy

CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}\.[A-Z][A-Z0-9]{1,11}\.[A-Z][1-9]$")
_GENERIC = {"engineer", "engineering", "developer", "scientist", "manager", "specialist", "analyst", "lead",
            "leader", "head", "director", "officer", "associate", "staff", "principal", "expert", "consultant",
            "the", "of", "and", "for", "with", "in", "a", "an", "to", "or", "m", "w", "d", "f", "x", "i", "ii",
            "iii", "iv", "v", "vi", "general", "team", "role", "job", "position", "we", "our", "you", "who"}


def words(text: str) -> list[str]:
    found = [w.lower().rstrip("s") if len(w) > 3 else w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9+#]*", text)]
    return [w for w in found if w]


def _level_words(ladder: "Ladder") -> set[str]:
    return {w for entry in ladder.title_words for spelling in (entry.word, *entry.aliases) for w in words(spelling)}


@dataclass(frozen=True)
class Proposal:
    code: str
    function: tuple[str, str]        # (code, name)
    focus: tuple[str, str]
    new_function: bool = False
    new_focus: bool = False
    why: str = ""


def distinguishing(title: str, ladder: "Ladder") -> list[str]:
    skip = _GENERIC | _level_words(ladder)
    return [w for w in words(title) if w not in skip and not w.isdigit()]


def _score(title_words: set[str], *texts: str | None) -> int:
    found = {w for text in texts if text for w in words(text)}
    # A name's initials count as its word: "NLP" in a title is the focus "Natural Language Processing".
    found |= {"".join(w[0] for w in words(text) if w not in _GENERIC) for text in texts[:1] if text}
    return len(title_words & found)


def propose(title: str, level: str, taxonomy: "Taxonomy | None", ladder: "Ladder", taken: Iterable[str]) -> Proposal:
    taken = {code.upper() for code in taken}
    key = set(distinguishing(title, ladder))
    functions = list(taxonomy.functions) if taxonomy is not None else []
    best = None
    for function in functions:
        f_score = _score(key, function.name, function.description)
        # Words the function already names ("machine learning") say nothing about which focus.
        focus_key = key - {w for text in (function.name, function.description) if text for w in words(text)}
        for focus in function.focuses:
            score = (f_score + 2 * _score(focus_key, focus.name) + _score(focus_key, focus.description), f_score)
            if best is None or score > best[0]:
                best = (score, function, focus)
    if best is not None and (best[0][0] > 0):
        _, function, focus = best
        focus_key = key - {w for text in (function.name, function.description) if text for w in words(text)}
        if _score(focus_key, focus.name, focus.description) == 0:  # the function fits, no focus does: its General focus
            general = next((f for f in function.focuses if f.code == "GEN" or f.name.lower() == "general"), None)
            focus = general
        if focus is not None:
            code = f"{function.code}.{focus.code}.{level}"
            if code not in taken:
                return Proposal(code, (function.code, function.name), (focus.code, focus.name),
                                why=f"the title's words match {function.code} and its focus {focus.code}")
        known = {f.code for f in function.focuses}
        focus_code, focus_name = _new_code(title, ladder, function.code, level, known, taken, 4)
        why = (f"{function.code}.{focus.code}.{level} exists, so a new focus" if focus is not None
               else "no focus of it matches, so a new focus")
        return Proposal(f"{function.code}.{focus_code}.{level}", (function.code, function.name),
                        (focus_code, focus_name), new_focus=True, why=f"the title's words match {function.code}; {why}")
    function_code, function_name = _new_code(title, ladder, None, level, {f.code for f in functions}, taken, 6)
    return Proposal(f"{function_code}.GEN.{level}", (function_code, function_name), ("GEN", "General"),
                    new_function=True, new_focus=True, why="the title shares no words with the taxonomy's functions")


def _new_code(title: str, ladder: "Ladder", function: str | None, level: str, known: set[str], taken: set[str],
              length: int) -> tuple[str, str]:
    """A code (and name) derived from the title: initials of its words, or the first letters of one."""
    found = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", title)
             if w.lower() not in _level_words(ladder) and w.lower() not in ("of", "and", "the", "for", "with", "in", "m",
                                                                           "w", "d", "f", "x")]
    found = [w for w in found if not re.fullmatch(r"(?i)i{1,3}|iv|vi?|[0-9]+", w)] or ["Imported"]
    name = " ".join(found)
    base = "".join(w[0] for w in found).upper()[:length] if len(found) > 1 else found[0].upper()[:length]
    if len(base) < 2:
        base = (found[0].upper() + "X")[:2]
    base = base if base[0].isalpha() else "X" + base[:length - 1]
    n = 1
    while True:
        candidate = base if n == 1 else f"{base[:11 - len(str(n))]}{n}"
        code = f"{function}.{candidate}.{level}" if function else f"{candidate}.GEN.{level}"
        if candidate not in known and code not in taken and not any(t.startswith(f"{candidate}.") for t in taken
                                                                      if function is None):
            return candidate, name
        n += 1
