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
from functools import lru_cache

from ..diagnostics import Location, did_you_mean, quoted
from ..catalog.yaml_source import SourceDoc
from .registry import RULES, Hit, Rule
from .ruleset import all_rules

# Runs are possessive and the reason is the rest of the line, stripped: each scan is one
# pass over the line, however long its runs of spaces (a lazy `(.*?)\s*$` went back over a
# run once per character).
_MARK = re.compile(r"(?:^|\s)#\s*+jdgen:")
_COMMENT = re.compile(r"(?:^|\s)#\s*+jdgen:\s*+(ignore-file|ignore)\[([^\]]*+)\]")
_OPENED = re.compile(r"#\s*+jdgen:\s*+(ignore-file|ignore)\[\s*+([^\s,\]]*+)")
_DIRECTIVE = re.compile(r"#\s*+jdgen:\s*+([^\s\[]*+)")
_WORD = re.compile(r"[\w.-]+")
# "Did you mean" compares a name with every rule's code and name; past this many unknown names
# in one run the hint only points at `jdgen rules`, so a comment listing thousands of made-up
# names costs a lookup each, not a fuzzy comparison each.
SUGGESTED_NAMES = 100
# A suppression names a rule or two; a comment naming thousands is refused whole rather than
# looked up name by name (a 1 MB comment of made-up names cost seconds).
MAX_NAMES = 50


@dataclass
class Entry:
    location: Location
    target_line: int        # the line it silences: its own, or the next code line when it stands alone
    whole_file: bool
    names: tuple[str, ...]
    reason: str
    used: bool = False
    codes: frozenset[str] = frozenset()  # the rules its names select, worked out once

    def matches(self, rule: Rule) -> bool:
        return rule.code in self.codes


def rule_matches(rule: Rule, selector: str) -> bool:
    """A selector names a rule by code (JD501), name (gender-coded-language) or code prefix (JD5)."""
    return rule.code in selected_codes(selector)


def selected_codes(selector: str) -> frozenset[str]:
    """The codes of every rule ``selector`` names, by name, code or code prefix: a few dictionary
    lookups, so a configuration or comment with thousands of selectors costs that many lookups."""
    return _selected(selector.strip(), len(RULES) or len(all_rules()))


@lru_cache(maxsize=4096)
def _selected(selector: str, count: int) -> frozenset[str]:
    by_name, by_prefix = _rule_index(count)
    codes = by_prefix.get(selector.upper(), frozenset()) if selector[:2].upper() == "JD" else frozenset()
    name = by_name.get(selector)
    return codes | {name} if name is not None else codes


@lru_cache(maxsize=None)
def _rule_index(count: int) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Rule codes by name and by every code prefix (JD, JD5, JD50, JD501); ``count`` rules registered."""
    rules = all_rules()
    prefixes: dict[str, set[str]] = {}
    for code in rules:
        for end in range(2, len(code) + 1):
            prefixes.setdefault(code[:end], set()).add(code)
    return ({r.name: r.code for r in rules.values()}, {prefix: frozenset(codes) for prefix, codes in prefixes.items()})


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


def _unknown_rule(name: str, suggest: bool = True) -> tuple[str, str] | None:
    """None when some rule answers to ``name``; else what is wrong and the fix."""
    if selected_codes(name):
        return None
    if name.strip().casefold() in ("all", "*"):
        return f"no rule {_name(name)}", "the prefix JD matches every rule: # jdgen: ignore-file[JD] reason"
    close = did_you_mean(name, [*RULES, *(r.name for r in RULES.values())]) if suggest else []
    hint = ("did you mean " + " or ".join(close) + "?") if close else "run `jdgen rules` for the codes and names"
    return f"no rule {_name(name)}", hint


@dataclass
class Suppressions:
    _by_file: dict[str, list[Entry]] = field(default_factory=dict)
    _malformed: list[Hit] = field(default_factory=list)
    # Per file: the whole-file entries, and the others by the line they silence.
    _whole: dict[str, list[Entry]] = field(default_factory=dict)
    _by_line: dict[str, dict[int, list[Entry]]] = field(default_factory=dict)
    # (file, line or None for the whole file, rule code) -> whether an entry silences it. Entries
    # are marked used when the answer is first worked out, so a finding repeated thousands of
    # times on one line, under thousands of comments, costs a lookup after the first.
    _answers: dict[tuple[str, int | None, str], bool] = field(default_factory=dict)

    def register(self, doc: SourceDoc) -> None:
        if doc.file in self._by_file:
            return
        entries = []
        # Every comment this reads holds "jdgen:"; most files have none, and are not read line by line.
        lines = doc.text.splitlines() if "jdgen:" in doc.text else []
        code_after: list[int] | None = None
        for number, line in enumerate(lines, 1):
            mark = _MARK.search(line)
            if not mark:
                continue
            start = line.index("#", mark.start())
            if doc.inside_text(number, start + 1):
                continue  # a marker that is part of a quoted or block text, not a comment
            # Only a start with a "]" after it can match: searching up to the last one keeps a line
            # of unclosed "# jdgen: ignore[" from being rescanned to its end once per repetition.
            match = _COMMENT.search(line, 0, line.rfind("]") + 1)
            if not match:
                message, hint = _malformed(line, start)
                self._malformed.append(Hit(Location(doc.file, number, start + 1), message, hint))
                continue
            names = tuple(n.strip() for n in match.group(2).split(",") if n.strip())
            if len(names) > MAX_NAMES:
                self._malformed.append(Hit(Location(doc.file, number, start + 1),
                                           f"suppression names {len(names):,} rules, more than the {MAX_NAMES} jdgen reads",
                                           "name a code prefix instead, e.g. # jdgen: ignore[JD5] reason"))
                continue
            column = line.index("#", match.start(0)) + 1
            target = number
            if not line[: column - 1].strip():  # alone on its line: it speaks for the next line of YAML
                if code_after is None:
                    code_after = _code_lines_after(lines)
                target = code_after[number] or number
            codes = frozenset().union(*map(selected_codes, names))
            entries.append(Entry(Location(doc.file, number, column), target, match.group(1) == "ignore-file",
                                 names, line[match.end():].strip(), codes=codes))
        self._by_file[doc.file] = entries
        self._whole[doc.file] = [entry for entry in entries if entry.whole_file]
        by_line: dict[int, list[Entry]] = {}
        for entry in entries:
            if not entry.whole_file:
                by_line.setdefault(entry.target_line, []).append(entry)
        self._by_line[doc.file] = by_line

    def suppresses(self, doc: SourceDoc, rule: Rule, lines: tuple[int, ...]) -> bool:
        self.register(doc)
        found = False
        for line in (None, *lines):
            key = (doc.file, line, rule.code)
            answer = self._answers.get(key)
            if answer is None:
                candidates = self._whole[doc.file] if line is None else self._by_line[doc.file].get(line, ())
                answer = False
                for entry in candidates:
                    if entry.matches(rule):
                        entry.used = answer = True
                self._answers[key] = answer
            found = found or answer
        return found

    def problems(self, cut_short: set[str] = frozenset()) -> list[tuple[str, Hit]]:
        """What is wrong with the comments themselves; ``cut_short``: codes of rules the engine
        stopped early, whose suppressions may match findings it never asked for."""
        out = [("JD004", hit) for hit in self._malformed]
        unknown: dict[str, tuple[str, str] | None] = {}  # by name: what is wrong with it, None if a rule answers
        suggested = 0
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
                    if name not in unknown:
                        unknown[name] = _unknown_rule(name, suggest=suggested < SUGGESTED_NAMES)
                        suggested += unknown[name] is not None
                    if unknown[name] is None:
                        known.append(name)
                    else:
                        out.append(("JD004", Hit(entry.location, *unknown[name])))
                # A name no rule answers to is reported above as such, not as a problem that went away.
                if known and not entry.used and not entry.codes & cut_short:
                    out.append(("JD003", Hit(entry.location, f"suppression of {', '.join(known)} matches no finding",
                                             "remove it: the problem it silenced is gone")))
        return out


def _code_lines_after(lines: list[str]) -> list[int]:
    """For each 1-based line number, the first later line of YAML (not blank, not a comment), or 0.

    One pass from the end, so a stack of thousands of comment lines is not rescanned per comment.
    """
    after = [0] * (len(lines) + 1)
    following = 0
    for number in range(len(lines), 0, -1):
        after[number] = following
        line = lines[number - 1]
        if line.strip() and not line.lstrip().startswith("#"):
            following = number
    return after
