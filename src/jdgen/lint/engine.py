"""Run the rules over a catalog and every posting it renders.

Order of work: validate files (schema problems become JD001 findings), load what is
valid, run profile, company, ladder and catalog rules once each, then compose every
posting — each profile generic and with each company — and run the posting rules.
Posting text that comes from a profile is the same in every posting of that profile,
so findings are de-duplicated by code, position and message. Then suppressions,
configuration and sorting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from ..diagnostics import Diagnostic, Location
from ..catalog.loading import kind_of
from ..errors import InvalidInputError
from ..catalog.yaml_source import display_path
from .config import LintConfig, ResolvedConfig
from .context import MAX_PER_FILE, LintContext  # noqa: F401  (MAX_PER_FILE: read by benchmarks)
from .registry import Hit, Rule
from .ruleset import all_rules
from .per_profile import NONE
from .suppress import Suppressions

_STOP, _SKIPPED = object(), object()

if TYPE_CHECKING:
    from ..catalog.root import Catalog
    from ..compose.posting import Posting
    from .spill import SortedFindings, Spill


@dataclass
class LintResult:
    """What a lint run found. ``findings`` is in file and line order; after a large catalog it is a
    :class:`~.spill.SortedFindings`, which reads like a list but is best read by iterating."""

    findings: "list[Diagnostic] | SortedFindings" = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    postings: int = 0

    def merged(self, other: "LintResult") -> "LintResult":
        """This result and ``other`` as one: the catalog's and the posting files' findings, in file order."""
        from .spill import merge_sorted

        return LintResult(merge_sorted(self.findings, other.findings), [*self.files, *other.files],
                          self.postings + other.postings)

    def count(self, severity: str) -> int:
        counted = getattr(self.findings, "count_severity", None)
        if counted is not None:
            return counted(severity)
        return sum(1 for f in self.findings if f.severity == severity)


def lint(catalog: "Catalog", paths: Iterable[str | Path] = (), *, config: LintConfig | None = None,
         as_of: date | None = None, jobs: int | None = 1, cache: bool = False) -> LintResult:
    """Lint the named files, or the whole catalog and every posting it renders.

    A whole catalog is checked one profile at a time (see :func:`_lint_catalog`), on
    ``jobs`` processes (None: as many as the cores, for a catalog large enough to gain),
    with the findings cache when ``cache`` is true; the result is the same either way.
    """
    from .validate import catalog_files, expand_paths, validate  # here: render's gate needs none of it
    from ..collector import batch_begins

    batch_begins()  # a batch: the collector runs again (jdgen/collector.py)

    config = config or LintConfig()
    ctx = LintContext(catalog, as_of or date.today(), config)
    paths = list(paths)
    if not paths:
        streamed = _lint_catalog(ctx, jobs, cache)
        if streamed is not None:
            return streamed
    settings = config.resolved()
    files = expand_paths(paths, catalog.root) if paths else catalog_files(catalog)
    result = LintResult(files=[display_path(f) for f in files])
    jd001 = all_rules()["JD001"]
    report = validate(catalog, files)

    profiles, companies, ladder = _targets(report.loaded, files, catalog)
    suppressions = Suppressions()
    for loaded in (*profiles, *companies, *([ladder] if ladder else [])):
        suppressions.register(loaded.doc)
    found = Findings(settings, suppressions)
    found.add(jd001, (Hit(d.location, d.message, d.hint) for d in report.diagnostics))
    rules = [r for r in all_rules().values() if settings.enabled(r)]
    for rule in rules:
        options = settings.options_for(rule)
        if rule.target == "profile":
            for p in profiles:
                found.add(rule, rule.check(ctx, p, options))
        elif rule.target == "company":
            for c in companies:
                found.add(rule, rule.check(ctx, c, options))
        elif rule.target == "ladder" and ladder is not None:
            found.add(rule, rule.check(ctx, ladder, options))
        elif rule.target == "catalog" and not paths:
            found.add(rule, rule.check(ctx, profiles, options))
    posting_rules = [(r, settings.options_for(r)) for r in rules if r.target == "posting"]
    for posting in _postings(ctx, profiles, companies, catalog, found, jd001):
        result.postings += 1
        for rule, options in posting_rules:
            found.add(rule, rule.check(ctx, posting, options))
    result.findings = found.finish()
    return result


# What each catalog rule reads of the profiles, so that a streamed run can give it that and no
# more: nothing (the engine reports JD001-JD004 itself), each profile's aliases with their
# places, the first profile (the template rules render it), or the profiles that have a
# translation file (JD803 pairs each translation with its profile, and passes over the rest).
# A catalog rule not named here is given every profile, loaded again: correct, but it reads
# the whole catalog a second time in this process and holds it all in memory.
_CATALOG_INPUTS = {"JD001": "none", "JD002": "none", "JD003": "none", "JD004": "none",
                   "JD104": "aliases", "JD701": "first", "JD702": "first", "JD803": "translated"}


def _lint_catalog(ctx: LintContext, jobs: int | None, cache: bool) -> LintResult | None:
    """The whole catalog, one profile at a time; None when the ladder or taxonomy is broken
    (then nothing else loads, and the plain run reports it).

    The files every posting shares (ladder, taxonomy, companies, jdgen.toml) are validated
    and their rules run here. Each profile is a unit (:mod:`.per_profile`), computed in
    this process or in workers (:mod:`.parallel`) or read from the findings cache
    (:mod:`.result_cache`), and its record is replayed into the run's :class:`Findings` in
    file order, as the hits a single pass would have added in that order; so no parsed
    profile, posting or rendered page outlives its unit. What needs the whole catalog is
    done once all records are in: one code in two files, the catalog rules (from the
    aliases the records carry), the validation problems in file order, and the
    suppression comments' own problems.
    """
    from ..catalog.yaml_source import display_path
    from . import parallel
    from ..catalog.root import display_names
    from .alias_claims import AliasClaims
    from .per_profile import Setup
    from .validate import ValidationReport, check_file, files_around_profiles

    catalog, config = ctx.catalog, ctx.config
    before, after = files_around_profiles(catalog)
    try:
        catalog.ladder, catalog.taxonomy  # noqa: B018
    except InvalidInputError:
        return None
    settings = config.resolved()
    # Profiles are named by their path as text, as the catalog keeps it: one Path object each,
    # held for the whole run, was the largest thing a large catalog's listing cost this process.
    profile_paths: list[str] = []
    others: list[Path] = [*before]
    for text in catalog.profile_files.texts():  # YAML files only: the listing reads nothing else
        if kind_of(text) == "profile":
            profile_paths.append(text)
        else:
            others.append(Path(text))
    others.extend(after)
    name_of = display_names(catalog.roles_dir)
    result = LintResult(files=_FileNames([display_path(f) for f in before], profile_paths, name_of,
                                         [display_path(f) for f in others[len(before):]]))
    report = ValidationReport(files=others)
    for path in others:
        check_file(catalog, path, report, {})
    profiles, companies, ladder = _targets(report.loaded, others, catalog)
    shared = Suppressions()
    for loaded in (*companies, *([ladder] if ladder else [])):
        shared.register(loaded.doc)
    found = Findings(settings, shared)
    rules = [r for r in all_rules().values() if settings.enabled(r)]
    for rule in rules:
        options = settings.options_for(rule)
        if rule.target == "company":
            for c in companies:
                found.add(rule, rule.check(ctx, c, options))
        elif rule.target == "ladder" and ladder is not None:
            found.add(rule, rule.check(ctx, ladder, options))

    context = None
    company_paths = tuple(str(c.path) for c in companies)
    if cache:
        from . import result_cache

        context = result_cache.context(catalog, config, ctx.as_of, "lint", company_paths)
    setup = Setup(str(catalog.root), catalog.builtin, catalog.fallback, config, ctx.as_of, "lint",
                  company_paths, context)
    rules_by_code = all_rules()
    validation = list(report.diagnostics)
    compose_errors: list[list[Diagnostic]] = []
    comments: list[tuple[str, list, list]] = []
    shared_used: dict[str, set[int]] = {}
    catalog_rules = [rule for rule in rules if rule.target == "catalog"]
    wanted = {_CATALOG_INPUTS.get(rule.code, "all") for rule in catalog_rules}
    claims = AliasClaims() if "aliases" in wanted else None
    translated: list[str] = []   # profiles with a translation file, for JD803
    every: list[str] = []        # every profile, for a catalog rule that needs them all
    first_profile: str | None = None
    used_keys = result_cache.UsedKeys() if context is not None else None
    translated_codes = _translated_codes(catalog) if "translated" in wanted else set()
    for path, (entry_key, record) in zip(profile_paths, parallel.records(setup, profile_paths, jobs,
                                                                         catalog.profile_files)):
        shown = name_of(path)  # named once here: the record and its findings share the text
        # The findings keep one copy of each text however many records carry it (replay and
        # _diagnostic intern what they keep); the rest of a record's strings (its alias titles,
        # most of them) are not interned: the table of interned strings never shrinks, and held
        # every alias title of the catalog.
        strings = record["strings"]
        if used_keys is not None:
            used_keys.add(entry_key)
        validation.extend(_diagnostic(row, strings) for row in record["diags"])
        if record["code"] != NONE:
            code = strings[record["code"]]
            # No two valid profiles share a code here, so none is checked (validate.check_unique):
            # a profile's code must be its file name, and the catalog's listing refuses two files
            # of one name, so the check only held a dict of every code of the catalog.
            first_profile = first_profile or path
            if claims is not None:
                claims.add(path, shown, code, record["aliases"], strings)
            if translated_codes and code.upper() in translated_codes:
                translated.append(path)
            if "all" in wanted:
                every.append(path)
        for code, rows in record["calls"]:
            found.replay(rules_by_code[strings[code]], rows, strings)
        found.settle(shown)
        compose_errors.extend([_diagnostic(row, strings) for row in rows] for rows in record["compose"])
        result.postings += record["postings"]
        if record["entries"] or record["malformed"]:
            comments.append((shown, record["entries"], record["malformed"], strings))
        for file, indexes in record["shared_used"]:
            shared_used.setdefault(strings[file], set()).update(indexes)

    found.suppressions = _all_comments(comments, shared, shared_used)
    jd001 = rules_by_code["JD001"]
    found.add(jd001, (Hit(d.location, d.message, d.hint) for d in sorted(validation, key=Diagnostic.sort_key)))
    for diagnostics in compose_errors:
        found.add(jd001, (Hit(d.location, d.message, d.hint) for d in diagnostics))
    for rule in catalog_rules:
        needs = _CATALOG_INPUTS.get(rule.code, "all")
        if needs == "aliases":
            given = claims.shared()
        elif needs == "first":
            given = [catalog_profile(catalog, first_profile)] if first_profile else []
        elif needs == "translated":
            given = [catalog_profile(catalog, path) for path in translated]
        elif needs == "all":
            given = [catalog_profile(catalog, path) for path in every]
        else:
            given = []
        found.add(rule, rule.check(ctx, given, settings.options_for(rule)))
    if claims is not None:
        claims.close()
    result.findings = found.finish()
    if context is not None:
        from . import result_cache

        result_cache.prune(context, used_keys)
    return result


def catalog_profile(catalog: "Catalog", path: Path | str):
    from ..catalog.loading import load_profile

    return load_profile(Path(path), catalog.ladder, catalog.taxonomy, catalog.context_digest)


class _FileNames(Sequence):
    """The names of a whole-catalog run's files, in file order, as the report prints them; the
    profiles' names are made when read (only their count is, by every output format)."""

    def __init__(self, before: list[str], profiles: list[str], name_of: Callable[[str], str],
                 after: list[str]) -> None:
        self._before, self._profiles, self._name_of, self._after = before, profiles, name_of, after

    def __len__(self) -> int:
        return len(self._before) + len(self._profiles) + len(self._after)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("file index out of range")
        if index < len(self._before):
            return self._before[index]
        index -= len(self._before)
        if index < len(self._profiles):
            return self._name_of(self._profiles[index])
        return self._after[index - len(self._profiles)]


def _translated_codes(catalog: "Catalog") -> set[str]:
    """The upper-case codes of the profiles that have a translation file, in any language."""
    from ..catalog.translations import translation_files
    from ..errors import JdgenError

    try:
        return {translated for _, translated in translation_files(catalog)}
    except JdgenError:
        return set()  # the rule itself stops at a listing problem (validate reports it)


def _diagnostic(row: list, strings: list[str]) -> Diagnostic:
    file, line, col, message, hint = row
    return Diagnostic(Location(strings[file], line, col) if file != NONE else None, intern(strings[message]),
                      intern(strings[hint]) if hint != NONE else None)


def _all_comments(comments: list, shared: Suppressions, shared_used: dict[str, set[int]]) -> Suppressions:
    """Every suppression comment of the run, as registering each file in a single pass would have
    left them: profiles first, in file order, then companies and the ladder; each marked used
    when a unit, the shared files' rules or (later) a catalog rule silenced something with it."""
    from .suppress import Entry, selected_codes

    by_file: dict[str, list[Entry]] = {}
    malformed: list[Hit] = []
    for file, entries, broken, strings in comments:
        malformed += [Hit(Location(file, line, col), strings[message], strings[hint] if hint != NONE else None)
                      for line, col, message, hint in broken]
        by_file[file] = [Entry(Location(file, line, col), target, bool(whole), tuple(strings[n] for n in names),
                               strings[reason], bool(used),
                               codes=frozenset().union(*(selected_codes(strings[n]) for n in names)))
                         for line, col, target, whole, names, reason, used in entries]
    for file, entries in shared._by_file.items():
        for index in shared_used.get(file, ()):
            if index < len(entries):
                entries[index].used = True
        by_file.setdefault(file, entries)
    malformed += shared._malformed
    whole = {file: [e for e in entries if e.whole_file] for file, entries in by_file.items()}
    by_line: dict[str, dict[int, list[Entry]]] = {}
    for file, entries in by_file.items():
        lines = by_line[file] = {}
        for entry in entries:
            if not entry.whole_file:
                lines.setdefault(entry.target_line, []).append(entry)
    return Suppressions(_by_file=by_file, _malformed=malformed, _whole=whole, _by_line=by_line)


def lint_posting(catalog: "Catalog", posting: "Posting", *, config: LintConfig | None = None,
                 as_of: date | None = None, severities: Iterable[str] = ("error", "warning", "info"),
                 ) -> list[Diagnostic]:
    """The posting rules' findings for one composed posting, as ``jdgen lint`` would report them.

    This is what ``jdgen render`` checks before it writes a posting. The catalog's
    configuration applies (select, ignore, severities, options, per-file ignores) and so do
    the suppression comments of the profile and company files; the suppressions' own
    problems (JD002-JD004) are not reported here, since only the posting rules run and a
    comment meant for a profile rule would look unused: ``jdgen lint`` reports those.

    ``severities`` keeps only findings of those severities, and skips every rule that
    cannot report one under the configuration: the render gate asks for errors only, so
    the word-list rules (warnings, a third of a cold render's lint time) do not run.
    """
    wanted = frozenset(severities)
    config = config or LintConfig()
    settings = config.resolved()
    ctx = LintContext(catalog, as_of or date.today(), config)
    suppressions = Suppressions()
    for doc in (posting.profile_doc, posting.company_doc):
        if doc is not None:
            suppressions.register(doc)
    found = Findings(settings, suppressions)
    for rule in all_rules().values():
        if rule.target == "posting" and settings.enabled(rule) and _may_report(settings, rule, wanted):
            found.add(rule, rule.check(ctx, posting, settings.options_for(rule)))
    return [finding for finding in found.sorted() if finding.severity in wanted]


def _may_report(settings: ResolvedConfig, rule: Rule, severities: frozenset[str]) -> bool:
    """Whether ``rule`` can report a finding of one of ``severities`` under the configuration."""
    configured = settings.configured_severity(rule)
    if configured is not None:  # the configuration sets the severity of every finding of the rule
        return configured in severities
    return any(rule.may_report(severity) for severity in severities)


def _targets(loaded: dict, files: list[Path], catalog: "Catalog"):
    """What validation loaded, sorted into profiles, companies and the ladder (invalid files are absent).

    A translation file named on the command line stands for its profile, whose postings are
    where its entries are checked (a pre-commit hook names the translation a translator changed).
    """
    profiles, companies, ladder = [], [], None
    for path in files:
        item = loaded.get(path)
        if item is None:
            continue
        kind = kind_of(path)
        if kind == "profile":
            profiles.append(item)
        elif kind == "company":
            companies.append(item)
        elif kind == "ladder":
            ladder = item
        elif kind == "translation" and item.model.code in catalog.profile_files and _loads(catalog, item.model.code):
            profiles.append(catalog.profile(item.model.code))
    unique: dict[str, Any] = {}
    for profile in profiles:  # a profile and its translation both named: lint it once
        unique.setdefault(profile.model.code.upper(), profile)
    return list(unique.values()), companies, ladder


def _postings(ctx: LintContext, profiles, companies, catalog: "Catalog", found: "Findings", jd001) -> Iterator["Posting"]:
    from ..compose.posting import compose

    all_companies = companies
    if not companies and profiles:
        # A profile named on the command line is also linted with the catalog's companies.
        from ..catalog.companies import company_files, load_company

        all_companies = []
        for path in company_files(catalog).values():
            try:
                all_companies.append(load_company(path, catalog))
            except InvalidInputError:
                pass
    profile_list = profiles
    if companies and not profiles:
        profile_list = [catalog.profile(code) for code in catalog.codes if _loads(catalog, code)]
    for profile in profile_list:
        targets = [None, *all_companies] if profiles else list(all_companies)
        for company in targets:
            try:
                yield compose(catalog, profile, company, ctx.as_of)
            except InvalidInputError as exc:
                found.add(jd001, (Hit(d.location, d.message, d.hint) for d in exc.diagnostics()))


def _loads(catalog: "Catalog", code: str) -> bool:
    try:
        catalog.profile(code)
        return True
    except InvalidInputError:
        return False


def _one_copy(text: str | None) -> str | None:
    """The one copy of ``text`` this process keeps: a message repeats across thousands of profiles'
    postings (one alias claimed by many), and every finding is held until the run is written."""
    return intern(text) if type(text) is str else text


class Findings:
    """Findings as the rules yield them: de-duplicated, per-file ignores and suppressions
    applied, each given its code and severity.

    A rule that has reported :data:`MAX_PER_FILE` findings in one file is not asked for
    more: one last finding says so, where the next one would have been. Nobody reads the
    thousandth finding of one rule in one file, and producing each costs time, which a
    hostile file could otherwise spend by the second (see benchmarks/bench_adversarial.py).
    """

    def __init__(self, config: ResolvedConfig, suppressions: Suppressions):
        self.config = config
        self.suppressions = suppressions
        self._seen: dict[tuple, Diagnostic] = {}
        self._counts: dict[tuple[str, str | None], int] = {}
        self._stopped: set[str] = set()  # codes of rules cut short: their suppressions may have gone unused
        self._replayed: list[tuple] = []  # keys of the findings replay added since the last settle()
        self._spill: "Spill | None" = None

    def add(self, rule: Rule, hits: Iterable[Hit]) -> None:
        for hit in hits:
            if self._offer(rule, hit.location, hit.message, hit.hint, hit.severity, hit) is _STOP:
                return

    def replay(self, rule: Rule, rows: list, strings: list[str]) -> None:
        """:meth:`add` for the hits of one pass that a unit recorded (:mod:`.per_profile`): the same
        de-duplication and limit; a row flagged there was suppressed or ignored in its file."""
        # _offer for rows judged already, written out: a run over a large catalog replays every
        # finding of every profile here, in one process, while the workers wait for it.
        code, seen, counts, severity_for = rule.code, self._seen, self._counts, self.config.severity_for
        for file, line, col, message, hint, severity, skip in rows:
            name = intern(strings[file]) if file != NONE else None
            count = counts.get((code, name), 0)
            if count > MAX_PER_FILE:
                return  # stopped in this file already
            if skip:
                continue
            location = Location(name, line, col) if file != NONE else None
            text = intern(strings[message])
            key = (code, location, text)
            if key in seen:
                continue
            level = severity_for(rule, strings[severity] if severity != NONE else None)
            counts[code, name] = count = count + 1
            if count > MAX_PER_FILE:
                self._limit_reached(rule, key, location, level)
                return
            seen[key] = Diagnostic(location, text, intern(strings[hint]) if hint != NONE else None, code, level)
            self._replayed.append(key)

    def settle(self, file: str) -> None:
        """Hand the replayed findings in ``file`` over to the spill (:mod:`.spill`): the record of that
        file has been replayed, and no later record or rule adds a finding of the same rule there."""
        replayed, self._replayed = self._replayed, []
        mine = [key for key in replayed if key[1] is not None and key[1].file == file]
        if not mine:
            return
        if self._spill is None:
            from .spill import Spill

            self._spill = Spill()
        seen, counts = self._seen, self._counts
        self._spill.add([seen.pop(key) for key in mine])
        for code in {key[0] for key in mine}:
            counts.pop((code, file), None)

    def _offer(self, rule: Rule, location: Location | None, message: str, hint: str | None,
               severity: str | None, hit: Hit | object | None) -> object:
        """Take one hit; ``hit`` is the Hit to check for ignores and suppressions, None when that was
        done already, or _SKIPPED. Returns _STOP when the rule is to be asked no more."""
        config, seen, counts = self.config, self._seen, self._counts
        file = location.file if location else None
        if counts.get((rule.code, file), 0) > MAX_PER_FILE:
            return _STOP  # stopped in this file already
        message = _one_copy(message)
        key = (rule.code, location, message)
        if key in seen or hit is _SKIPPED:
            return None
        if hit is not None:
            if location and config.ignored_in_file(rule, location.file):
                return None
            # A file known to have no suppression comments (most profiles) silences nothing: asking
            # would only remember the answer, for every line of every finding of the run.
            if hit.doc is not None and self.suppressions._by_file.get(hit.doc.file) != [] and \
                    self.suppressions.suppresses(hit.doc, rule, hit.lines or (location.line,)):
                return None
        severity = config.severity_for(rule, severity)
        count = counts.get((rule.code, file), 0) + 1
        counts[rule.code, file] = count
        if count > MAX_PER_FILE:  # the first finding past the limit: say so, and stop asking
            self._limit_reached(rule, key, location, severity)
            return _STOP
        seen[key] = Diagnostic(location, message, _one_copy(hint), rule.code, severity)
        return None

    def _limit_reached(self, rule: Rule, key: tuple, location: Location | None, severity: str) -> None:
        self._stopped.add(rule.code)
        self._seen[key] = Diagnostic(
            location, f"{rule.code} stops here: it has reported {MAX_PER_FILE} findings in this file",
            "fix those and lint again; the rest are not shown", rule.code, severity)
        self._replayed.append(key)

    def sorted(self) -> list[Diagnostic]:
        """The findings so far, in file and line order."""
        return sorted(self._seen.values(), key=Diagnostic.sort_key)

    def finish(self) -> "list[Diagnostic] | SortedFindings":
        """Every finding, the suppression comments' own problems added, in file and line order: a list,
        or (when findings were spilled) a :class:`~.spill.SortedFindings` that reads like one."""
        rules = all_rules()
        for code, hit in self.suppressions.problems(cut_short=self._stopped):
            rule = rules[code]
            if self.config.enabled(rule):
                self.add(rule, (hit,))
        held = self.sorted()
        return held if self._spill is None else self._spill.with_held(held)
