"""Where a problem is and how it reads: the one shape every message in jdgen takes.

Every user-facing problem, whether a YAML syntax error, a schema violation, a merge
conflict or a lint finding, is printed as ``file:line:col: message (hint)`` so that
editors and CI annotate the line a person edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal

from .terminal_text import one_line

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A 1-based line and column in a file a person edits."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where, what, and how to fix it."""

    location: Location | None
    message: str
    hint: str | None = None
    code: str | None = None
    severity: Severity = "error"

    def format(self) -> str:
        """The problem as one line; a line break or control character from a file name or a value is escaped."""
        where = f"{self.location}: " if self.location else ""
        code = f"{self.code} {self.severity} " if self.code else ""
        hint = f" ({self.hint})" if self.hint else ""
        return one_line(f"{where}{code}{self.message}{hint}")

    def sort_key(self) -> tuple:
        loc = self.location or Location("")
        return (loc.file, loc.line, loc.col, self.code or "", self.message)


def did_you_mean(word: str, candidates: Iterable[str], *, limit: int = 3) -> list[str]:
    """Close matches for ``word``, compared case-insensitively, best first.

    difflib's own ranking breaks ties in reverse alphabetical order (USX → UZS before
    USD); a shared beginning is the better tie-break, since people mistype the end of a
    word more often than its start, and alphabetical order after that reads as a list.
    """
    import difflib  # only on the error path: keep it off every start-up

    folded_word = word.casefold()
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.casefold(), candidate)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(folded_word)
    scored = []
    for folded in by_folded:
        matcher.set_seq1(folded)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
            ratio = matcher.ratio()
            if ratio >= 0.6:
                scored.append((-ratio, -_shared_prefix(folded, folded_word), folded))
    return [by_folded[folded] for *_, folded in sorted(scored)[:limit]]


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def suggestion_hint(word: str, candidates: Iterable[str]) -> str | None:
    """A ``did you mean ...?`` hint, or None when nothing is close."""
    matches = did_you_mean(word, candidates)
    if not matches:
        return None
    return "did you mean " + " or ".join(repr(m) for m in matches) + "?"


ECHO_LIMIT = 60


def quoted(value: object, limit: int = ECHO_LIMIT) -> str:
    """``value`` as a message echoes what someone typed: quoted, escaped and cut short.

    A pasted paragraph or a 10,000-character code would otherwise bury the message, and
    a newline in it would split one message over two lines; repr escapes line breaks and
    control characters, and the cut keeps the start, which is what a person recognises.
    """
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")
