"""Suppression comments in YAML: ``# jdgen: ignore[JD501] reason``.

A comment on the line a finding points at, or on the first line of the list item that
holds it — at the end of that line, or alone on the line above it — silences the named
rules there; ``# jdgen: ignore-file[JD501] reason``
anywhere in a file silences them for the whole file. Rules are named by code, name or
code prefix (``JD5``). Every suppression must give a reason (JD002), and a suppression
that silences nothing is itself reported (JD003), so stale ones do not pile up. A
``# jdgen:`` comment that cannot work as written — its bracket never closes, it names a
rule that does not exist, or it is not ``ignore``/``ignore-file`` — is reported too
(JD004): otherwise the finding it was meant to silence would stay, with no word why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import Location, did_you_mean, quoted
from ..catalog.yaml_source import SourceDoc
from .registry import Hit, Rule
from .ruleset import all_rules

_MARK = re.compile(r"(?:^|\s)#\s*jdgen:")
_COMMENT = re.compile(r"(?:^|\s)#\s*jdgen:\s*(ignore|ignore-file)\[([^\]]*)\]\s*(.*?)\s*$")
_OPENED = re.compile(r"#\s*jdgen:\s*(ignore|ignore-file)\[\s*([^\s,\]]*)")
_DIRECTIVE = re.compile(r"#\s*jdgen:\s*([^\s\[]*)")
_WORD = re.compile(r"[\w.-]+")


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


def _malformed(line: str, start: int) -> tuple[str, str]:
    """What is wrong with a ``# jdgen:`` comment at ``start`` that is no suppression, and the fix."""
    opened = _OPENED.match(line, start)
    if opened:
        directive, first = opened.group(1), opened.group(2) or "JD501"
        return ("suppression comment is not closed", f"write # jdgen: {directive}[{first}] reason")
    directive = _DIRECTIVE.match(line, start).group(1)
    if not directive:
        return ("# jdgen: comment names no suppression",
                "write # jdgen: ignore[JD501] reason, or ignore-file[JD501] for the whole file")
    if directive in ("ignore", "ignore-file"):
        return ("suppression names its rules without brackets", f"write # jdgen: {directive}[JD501] reason")
    close = did_you_mean(directive, ("ignore", "ignore-file"), limit=1)
    fix = f"did you mean {close[0]}? " if close else ""
    return (f"# jdgen: {_name(directive)} is not a suppression",
            f"{fix}write # jdgen: ignore[JD501] reason, or ignore-file[JD501] for the whole file")


def _name(text: str) -> str:
    """A rule name or directive as it reads in the comment; quoted only when it is odd or long."""
    return text if _WORD.fullmatch(text) and len(text) <= 40 else quoted(text)


def _unknown_rule(name: str) -> tuple[str, str] | None:
    """None when some rule answers to ``name``; else what is wrong and the fix."""
    rules = all_rules()
    if any(rule_matches(rule, name) for rule in rules.values()):
        return None
    if name.strip().casefold() in ("all", "*"):
        return f"no rule {_name(name)}", "the prefix JD matches every rule: # jdgen: ignore-file[JD] reason"
    close = did_you_mean(name, [*rules, *(r.name for r in rules.values())])
    hint = ("did you mean " + " or ".join(close) + "?") if close else "run `jdgen rules` for the codes and names"
    return f"no rule {_name(name)}", hint


@dataclass
class Suppressions:
    _by_file: dict[str, list[Entry]] = field(default_factory=dict)
    _malformed: list[Hit] = field(default_factory=list)

    def register(self, doc: SourceDoc) -> None:
        if doc.file in self._by_file:
            return
        entries = []
        lines = doc.text.splitlines()
        for number, line in enumerate(lines, 1):
            mark = _MARK.search(line)
            if not mark or doc.inside_text(number, line.index("#", mark.start()) + 1):
                continue  # no marker, or one that is part of a quoted or block text, not a comment
            match = _COMMENT.search(line)
            if not match:
                start = line.index("#", mark.start())
                message, hint = _malformed(line, start)
                self._malformed.append(Hit(Location(doc.file, number, start + 1), message, hint))
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
        out = [("JD004", hit) for hit in self._malformed]
        for entries in self._by_file.values():
            for entry in entries:
                what = ", ".join(entry.names) or "nothing"
                if not entry.names:
                    out.append(("JD002", Hit(entry.location, "suppression names no rule",
                                             "write # jdgen: ignore[JD501] followed by the reason")))
                elif not entry.reason:
                    out.append(("JD002", Hit(entry.location, f"suppression of {what} gives no reason",
                                             "say why after the brackets, e.g. # jdgen: ignore[JD501] quoted from the law")))
                known = []
                for name in entry.names:
                    unknown = _unknown_rule(name)
                    if unknown is None:
                        known.append(name)
                    else:
                        out.append(("JD004", Hit(entry.location, *unknown)))
                # A name no rule answers to is reported above as such, not as a problem that went away.
                if known and not entry.used:
                    out.append(("JD003", Hit(entry.location, f"suppression of {', '.join(known)} matches no finding",
                                             "remove it: the problem it silenced is gone")))
        return out
