"""Suppression comments in YAML: ``# jdgen: ignore[JD501] reason``.

A comment on the line a finding points at, or on the first line of the list item that
holds it — at the end of that line, or alone on the line above it — silences the named
rules there; ``# jdgen: ignore-file[JD501] reason``
anywhere in a file silences them for the whole file. Rules are named by code, name or
code prefix (``JD5``). Every suppression must give a reason (JD002), and a suppression
that silences nothing is itself reported (JD003), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import Location
from ..sources import SourceDoc
from .registry import Hit, Rule

_COMMENT = re.compile(r"(?:^|\s)#\s*jdgen:\s*(ignore|ignore-file)\[([^\]]*)\]\s*(.*?)\s*$")


@dataclass
class Entry:
    location: Location
    target_line: int        # the line it silences: its own, or the next code line when it stands alone
    whole_file: bool
    names: tuple[str, ...]
    reason: str
    used: bool = False

    def matches(self, rule: Rule) -> bool:
        return any(rule_matches(rule, name) for name in self.names)


def rule_matches(rule: Rule, selector: str) -> bool:
    """A selector names a rule by code (JD501), name (gender-coded-language) or code prefix (JD5)."""
    selector = selector.strip()
    return selector == rule.name or rule.code.startswith(selector.upper()) and selector[:2].upper() == "JD"


@dataclass
class Suppressions:
    _by_file: dict[str, list[Entry]] = field(default_factory=dict)

    def register(self, doc: SourceDoc) -> None:
        if doc.file in self._by_file:
            return
        entries = []
        lines = doc.text.splitlines()
        for number, line in enumerate(lines, 1):
            match = _COMMENT.search(line)
            if not match:
                continue
            names = tuple(n.strip() for n in match.group(2).split(",") if n.strip())
            column = line.index("#", match.start(0)) + 1
            target = number
            if not line[: column - 1].strip():  # alone on its line: it speaks for the next line of YAML
                target = next((n for n in range(number + 1, len(lines) + 1)
                               if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), number)
            entries.append(Entry(Location(doc.file, number, column), target, match.group(1) == "ignore-file",
                                 names, match.group(3)))
        self._by_file[doc.file] = entries

    def suppresses(self, doc: SourceDoc, rule: Rule, lines: tuple[int, ...]) -> bool:
        self.register(doc)
        found = False
        for entry in self._by_file[doc.file]:
            if (entry.whole_file or entry.target_line in lines) and entry.matches(rule):
                entry.used = True
                found = True
        return found

    def problems(self) -> list[tuple[str, Hit]]:
        out = []
        for entries in self._by_file.values():
            for entry in entries:
                what = ", ".join(entry.names) or "nothing"
                if not entry.names:
                    out.append(("JD002", Hit(entry.location, "suppression names no rule",
                                             "write # jdgen: ignore[JD501] followed by the reason")))
                elif not entry.reason:
                    out.append(("JD002", Hit(entry.location, f"suppression of {what} gives no reason",
                                             "say why after the brackets, e.g. # jdgen: ignore[JD501] quoted from the law")))
                if entry.names and not entry.used:
                    out.append(("JD003", Hit(entry.location, f"suppression of {what} matches no finding",
                                             "remove it: the problem it silenced is gone")))
        return out
