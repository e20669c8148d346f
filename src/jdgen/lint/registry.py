"""Lint rules: what each one is, and the one registry that holds them.

A rule is a function that yields :class:`Hit` objects for one kind of target (a
profile, a company, the ladder, a posting, the whole catalog). It never prints, exits
or picks its own severity: the engine stamps the code and severity and applies
configuration and suppressions. Each rule declares a permanent code (JDnnn, never
reused), a kebab-case name, a default severity, options with defaults, and docs: why it
matters, a bad example and a good example. The examples are YAML fragments merged onto
the built-in AIMLAM.GEN.P4 profile or the Northwind company; a test runs every one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ..diagnostics import Location
from ..catalog.yaml_source import JsonPath, SourceDoc

SEVERITIES = ("error", "warning", "info")
TARGETS = ("profile", "company", "ladder", "posting", "catalog")


@dataclass(frozen=True)
class Example:
    """A change to the built-in catalog that makes a rule fire (bad) or stay quiet (good)."""

    # YAML merged onto the shipped file: mappings merge, lists and values replace, and
    # `key: null` removes a key (as in JSON Merge Patch), so an example can say "without X".
    profile: str = ""   # onto roles/AIMLAM.GEN.P4.yaml
    company: str = ""   # onto companies/northwind.yaml
    ladder: str = ""    # level code → fields, merged into that level of ladder.yaml
    note: str = ""


@dataclass(frozen=True)
class Hit:
    """One problem a rule found, before the engine gives it a code and severity."""

    location: Location
    message: str
    hint: str | None = None
    doc: SourceDoc | None = None      # the file, for suppression comments
    lines: tuple[int, ...] = ()       # lines whose `# jdgen: ignore[...]` applies (the line, its list item)
    severity: str | None = None       # for rules whose severity depends on the case (e.g. where a law bans it)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    target: str
    summary: str
    why: str
    bad: Example
    good: Example
    check: Callable[..., Iterator[Hit]]
    options: dict[str, Any] = field(default_factory=dict)
    option_help: dict[str, str] = field(default_factory=dict)
    # Every severity the rule's own findings may carry (a law can make a warning an error): what
    # lets `jdgen render` skip the rules that cannot report an error when it gates a posting. A
    # rule whose Hit sets a severity must declare it here, or render would never ask it.
    severities: tuple[str, ...] = ()
    # Whether the rule also runs on posting files people wrote (lint/posting_files.py): it reads
    # only wording, through lint/texts.py, and copes with a posting of no company or level.
    documents: bool = False
    # The word list (a data file of rows with ids) the rule reports from, if any: its rows can be
    # ignored one by one (`ignore = ["JD507:binary-pronouns"]`, lint/config.py).
    word_list: str | None = None

    def may_report(self, severity: str) -> bool:
        return severity in (self.severities or (self.severity,))


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, *, severity: str, target: str, summary: str, why: str, bad: Example, good: Example,
         options: dict[str, tuple[Any, str]] | None = None, severities: tuple[str, ...] = (),
         documents: bool = False, word_list: str | None = None):
    """Register the decorated check function as a rule. ``options``: name → (default, help);
    ``severities``: every severity a hit may set for itself, besides ``severity``; ``word_list``:
    the data file whose rows the rule reports."""
    assert severity in SEVERITIES and target in TARGETS, (code, severity, target)
    assert all(s in SEVERITIES for s in severities), (code, severities)

    def register(check: Callable[..., Iterator[Hit]]) -> Callable[..., Iterator[Hit]]:
        if code in RULES or any(r.name == name for r in RULES.values()):
            raise RuntimeError(f"rule {code} {name} is registered twice")
        RULES[code] = Rule(code, name, severity, target, summary, why, bad, good, check,
                           {k: v[0] for k, v in (options or {}).items()},
                           {k: v[1] for k, v in (options or {}).items()},
                           tuple(dict.fromkeys((severity, *severities))), documents, word_list)
        return check

    return register


def hit_at(doc: SourceDoc, path: JsonPath, message: str, hint: str | None = None, *, key: bool = False) -> Hit:
    """A hit at ``path`` in ``doc``, suppressible on its own line or its list item's line."""
    location = doc.where(path, key=key)
    return Hit(location, message, hint, doc, _item_lines(doc, path, location.line))


def _item_lines(doc: SourceDoc, path: JsonPath, own: int) -> tuple[int, ...]:
    lines = {own}
    for depth in range(len(path), 0, -1):
        if isinstance(path[depth - 1], int):
            lines.add(doc.where(path[:depth]).line)
            break
    return tuple(sorted(lines))
