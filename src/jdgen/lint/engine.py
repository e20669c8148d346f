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
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..diagnostics import Diagnostic
from ..catalog.loading import kind_of
from ..errors import InvalidInputError
from ..catalog.yaml_source import display_path
from .config import LintConfig, ResolvedConfig
from .registry import Hit, Rule
from .ruleset import all_rules
from .suppress import Suppressions

# Findings one rule reports in one file before it is stopped (see Findings).
MAX_PER_FILE = 100

if TYPE_CHECKING:
    from ..catalog.root import Catalog
    from ..compose.posting import Posting


@dataclass
class LintContext:
    catalog: "Catalog"
    as_of: date
    config: LintConfig


@dataclass
class LintResult:
    findings: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    postings: int = 0

    def merged(self, other: "LintResult") -> "LintResult":
        """This result and ``other`` as one: the catalog's and the posting files' findings, in file order."""
        return LintResult(sorted(self.findings + other.findings, key=Diagnostic.sort_key),
                          self.files + other.files, self.postings + other.postings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def lint(catalog: "Catalog", paths: Iterable[str | Path] = (), *, config: LintConfig | None = None,
         as_of: date | None = None) -> LintResult:
    from .validate import catalog_files, expand_paths, validate  # here: render's gate needs none of it

    config = config or LintConfig()
    ctx = LintContext(catalog, as_of or date.today(), config)
    settings = config.resolved()
    paths = list(paths)
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

    def add(self, rule: Rule, hits: Iterable[Hit]) -> None:
        config, suppressions, seen, counts = self.config, self.suppressions, self._seen, self._counts
        for hit in hits:
            file = hit.location.file if hit.location else None
            if counts.get((rule.code, file), 0) > MAX_PER_FILE:
                return  # stopped in this file already
            key = (rule.code, hit.location, hit.message)
            if key in seen:
                continue
            if hit.location and config.ignored_in_file(rule, hit.location.file):
                continue
            if hit.doc is not None and suppressions.suppresses(hit.doc, rule, hit.lines or (hit.location.line,)):
                continue
            severity = config.severity_for(rule, hit.severity)
            count = counts.get((rule.code, file), 0) + 1
            counts[rule.code, file] = count
            if count > MAX_PER_FILE:  # the first finding past the limit: say so, and stop asking
                self._stopped.add(rule.code)
                seen[key] = Diagnostic(
                    hit.location, f"{rule.code} stops here: it has reported {MAX_PER_FILE} findings in this file",
                    "fix those and lint again; the rest are not shown", rule.code, severity)
                return
            seen[key] = Diagnostic(hit.location, hit.message, hit.hint, rule.code, severity)

    def sorted(self) -> list[Diagnostic]:
        """The findings so far, in file and line order."""
        return sorted(self._seen.values(), key=Diagnostic.sort_key)

    def finish(self) -> list[Diagnostic]:
        """Every finding, the suppression comments' own problems added, in file and line order."""
        rules = all_rules()
        for code, hit in self.suppressions.problems(cut_short=self._stopped):
            rule = rules[code]
            if self.config.enabled(rule):
                self.add(rule, (hit,))
        return self.sorted()
