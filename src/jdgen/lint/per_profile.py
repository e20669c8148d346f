"""One profile's share of a whole-catalog check, as a compact plain record.

A whole-catalog ``jdgen lint`` (or ``jdgen validate``) is cut into units of one profile
file each: validating it, merging each company onto it, its profile rules, and each of
its postings (generic, then one per company) with the posting rules. A unit's result is
a :data:`Record`: plain lists of strings and numbers, no parsed document and no
``Diagnostic``. Records are what worker processes send back (:mod:`.parallel`), what the
findings cache stores (:mod:`.result_cache`), and what the engine replays, in file order,
into the one :class:`~jdgen.lint.engine.Findings` of the run, which applies
de-duplication and the per-file limit exactly as a single pass would.

Why each hit is kept as the rule yielded it, duplicates and suppressed ones included: the
engine's limit of findings per rule and file is counted across the whole run and stops
a rule's pass at a point that depends on every earlier posting (a company file's findings
come from every profile). A unit cannot know that point, so it records the rule's hits
up to where the run must have stopped, each marked with what the unit can judge alone
(suppressed or ignored in its file), and the engine replays them. A unit stops asking a
rule once one file has more than twice the limit of distinct, unsuppressed findings in
one pass: at most the limit of them can be repeats of earlier findings, so the run has
stopped by then (see :func:`_Unit.calls`).

A record depends only on the unit's inputs (the profile file, the catalog's other files,
configuration, date and jdgen itself), never on which profiles came before it in the
same process: that is what lets the cache reuse it and a worker compute it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ..catalog.yaml_source import SourceDoc
from ..diagnostics import Diagnostic
from ..errors import InvalidInputError
from .config import LintConfig
from .context import MAX_PER_FILE
from .registry import Hit, Rule

FORMAT = 2  # 2: each alias row ends with its title as JD104 compares it
NONE = -1  # the string index that stands for None
# A pass of one rule over one posting is no longer read once a file holds this many distinct,
# unsuppressed hits from it (see the module docstring).
CALL_LIMIT = 2 * MAX_PER_FILE + 3

Record = dict[str, Any]


@dataclass(frozen=True)
class Setup:
    """What every unit of one run shares; plain values, so a worker process can be given it."""

    root: str
    builtin: bool
    fallback: bool
    config: LintConfig
    as_of: date
    mode: str                       # "lint" or "validate"
    companies: tuple[str, ...]      # the company files that load, in file order
    cache_context: str | None = None  # the findings cache's digest of the shared inputs; None: no cache


class Strings:
    """A record's string table: each distinct string stored once, referred to by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if text is None:
            return NONE
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self.items)
            self.items.append(text)
        return found


class Unit:
    """Checks profile files one at a time against the catalog of ``setup`` (loaded once per process)."""

    def __init__(self, setup: Setup, listing=None):
        """``listing``: the catalog's profile index as the run listed it (``Catalog.profile_files``),
        read instead of listing roles/ again; None: listed here when needed."""
        from ..catalog.companies import load_company
        from ..catalog.loading import load_ladder
        from ..catalog.root import Catalog

        self.setup = setup
        catalog = Catalog(Path(setup.root), builtin=setup.builtin, fallback=setup.fallback)
        if listing is not None:
            catalog.__dict__["profile_files"] = listing  # the cached property, filled
        catalog.ladder, catalog.taxonomy, catalog.context_digest  # noqa: B018  (loaded once, up front)
        self.catalog = catalog
        self.companies = [load_company(Path(path), catalog) for path in setup.companies]
        self.layers: dict = {}
        self.shared: dict[str, tuple] = {}
        if setup.mode != "lint":
            return
        from .context import LintContext
        from .ruleset import all_rules

        self.ctx = LintContext(catalog, setup.as_of, setup.config)
        self.settings = setup.config.resolved()
        rules = [r for r in all_rules().values() if self.settings.enabled(r)]
        self.profile_rules = [(r, self.settings.options_for(r)) for r in rules if r.target == "profile"]
        self.posting_rules = [(r, self.settings.options_for(r)) for r in rules if r.target == "posting"]
        # Suppression comments of the files every posting shares, read once and indexed, by file.
        for doc in [c.doc for c in self.companies] + [load_ladder(catalog.ladder_path).doc]:
            self.shared.setdefault(doc.file, _indexed(comment_entries(doc)[0]))

    def run(self, path: Path) -> Record:
        from .validate import ValidationReport, check_file, profile_merge_problems

        strings = Strings()
        record: Record = {"format": FORMAT, "strings": strings.items, "code": NONE, "code_at": [], "diags": [],
                          "calls": [], "compose": [], "postings": 0, "aliases": [], "entries": [],
                          "malformed": [], "shared_used": []}
        report = ValidationReport()
        check_file(self.catalog, path, report, {})
        loaded = report.loaded.get(path)
        diags = list(report.diagnostics)
        if loaded is not None:
            diags += profile_merge_problems(loaded, self.companies, self.layers)
        record["diags"] = [_diag(d, strings) for d in diags]
        if loaded is None:
            return record
        where = loaded.doc.where(("code",))
        record["code"], record["code_at"] = strings(loaded.model.code), [where.line, where.col]
        from ..architecture.resolve import normalise_title

        for i, alias in enumerate(loaded.model.title_aliases):
            at, item = loaded.doc.where(("title_aliases", i, "title")), loaded.doc.where(("title_aliases", i))
            # The title as JD104 compares it, worked out here (and cached) rather than for every
            # alias of the catalog in the one process that collects the records.
            record["aliases"].append([strings(alias.title), at.line, at.col, item.line, item.col,
                                      strings(normalise_title(alias.title))])
        if self.setup.mode == "lint":
            self._lint(loaded, record, strings)
        return record

    def _lint(self, loaded, record: Record, strings: Strings) -> None:
        from ..compose.posting import compose

        own_file = loaded.doc.file
        entries, malformed = comment_entries(loaded.doc)
        record["entries"] = [[e.location.line, e.location.col, e.target_line, int(e.whole_file),
                              [strings(n) for n in e.names], strings(e.reason)] for e in entries]
        record["malformed"] = [[h.location.line, h.location.col, strings(h.message), strings(h.hint)]
                               for h in malformed]
        suppressions = {**self.shared, own_file: _indexed(entries)}
        used: dict[str, set[int]] = {}
        calls = record["calls"]
        for rule, options in self.profile_rules:
            self._call(calls, rule, rule.check(self.ctx, loaded, options), suppressions, used, strings)
        for company in (None, *self.companies):
            try:
                posting = compose(self.catalog, loaded, company, self.setup.as_of)
            except InvalidInputError as exc:
                record["compose"].append([_diag(d, strings) for d in exc.diagnostics()])
                continue
            record["postings"] += 1
            for rule, options in self.posting_rules:
                self._call(calls, rule, rule.check(self.ctx, posting, options), suppressions, used, strings)
        own = used.pop(own_file, set())
        for index, entry in enumerate(record["entries"]):
            entry.append(int(index in own))
        record["shared_used"] = [[strings(file), sorted(indexes)] for file, indexes in sorted(used.items())]

    def _call(self, calls: list, rule: Rule, hits: Iterable[Hit], suppressions: dict, used: dict,
              strings: Strings) -> None:
        """Record one pass of ``rule``: every hit up to where the run must have stopped asking it."""
        limit = CALL_LIMIT
        settings = self.settings
        seen: set = set()
        counts: dict[str | None, int] = {}
        out = []
        for hit in hits:
            location = hit.location
            file = location.file if location else None
            skip = 0
            if location and settings.ignored_in_file(rule, location.file):
                skip = 1
            elif hit.doc is not None and _suppressed(hit, rule, suppressions, used):
                skip = 1
            out.append([strings(file), location.line if location else 0, location.col if location else 0,
                        strings(hit.message), strings(hit.hint), strings(hit.severity), skip])
            key = (location, hit.message)
            if not skip and key not in seen:
                seen.add(key)
                counts[file] = counts.get(file, 0) + 1
                if counts[file] >= limit:
                    break
        if out:
            calls.append([strings(rule.code), out])


def comment_entries(doc: SourceDoc) -> tuple[list, list[Hit]]:
    """The suppression comments of ``doc`` and the malformed ones, as :class:`Suppressions` reads them."""
    from .suppress import Suppressions

    reader = Suppressions()
    reader.register(doc)
    return reader._by_file[doc.file], reader._malformed


def _indexed(entries: list) -> tuple[list, dict[int, list]]:
    """A file's comments as :class:`Suppressions` looks them up: the whole-file ones, and the others by line."""
    whole, by_line = [], {}
    for index, entry in enumerate(entries):
        if entry.whole_file:
            whole.append((index, entry))
        else:
            by_line.setdefault(entry.target_line, []).append((index, entry))
    return whole, by_line


def _suppressed(hit: Hit, rule: Rule, suppressions: dict, used: dict) -> bool:
    """Whether a comment in the hit's file silences it (as :meth:`Suppressions.suppresses` decides),
    noting which comments did."""
    file = hit.doc.file
    index = suppressions.get(file)
    if index is None:  # a file no posting was expected to point into: read its comments now
        index = suppressions[file] = _indexed(comment_entries(hit.doc)[0])
    whole, by_line = index
    found = False
    for line in (None, *(hit.lines or (hit.location.line,))):
        for number, entry in (whole if line is None else by_line.get(line, ())):
            if entry.matches(rule):
                used.setdefault(file, set()).add(number)
                found = True
    return found


def _diag(d: Diagnostic, strings: Strings) -> list:
    loc = d.location
    return [strings(loc.file) if loc else NONE, loc.line if loc else 0, loc.col if loc else 0,
            strings(d.message), strings(d.hint)]
