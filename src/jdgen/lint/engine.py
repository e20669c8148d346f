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
from typing import TYPE_CHECKING, Iterable, Iterator

from ..diagnostics import Diagnostic
from ..catalog.loading import kind_of
from ..errors import InvalidInputError
from ..catalog.yaml_source import display_path
from .validate import catalog_files, expand_paths, validate
from .config import LintConfig, ResolvedConfig
from .registry import Hit, Rule
from .ruleset import all_rules
from .suppress import Suppressions

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

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def lint(catalog: "Catalog", paths: Iterable[str | Path] = (), *, config: LintConfig | None = None,
         as_of: date | None = None) -> LintResult:
    config = config or LintConfig()
    ctx = LintContext(catalog, as_of or date.today(), config)
    settings = config.resolved()
    paths = list(paths)
    files = expand_paths(paths, catalog.root) if paths else catalog_files(catalog)
    result = LintResult(files=[display_path(f) for f in files])
    raw: list[tuple[Rule, Hit]] = []
    jd001 = all_rules()["JD001"]
    report = validate(catalog, files)
    raw += [(jd001, Hit(d.location, d.message, d.hint)) for d in report.diagnostics]

    profiles, companies, ladder = _targets(report.loaded, files)
    suppressions = Suppressions()
    for loaded in (*profiles, *companies, *([ladder] if ladder else [])):
        suppressions.register(loaded.doc)
    rules = [r for r in all_rules().values() if settings.enabled(r)]
    for rule in rules:
        options = settings.options_for(rule)
        if rule.target == "profile":
            raw += [(rule, h) for p in profiles for h in rule.check(ctx, p, options)]
        elif rule.target == "company":
            raw += [(rule, h) for c in companies for h in rule.check(ctx, c, options)]
        elif rule.target == "ladder" and ladder is not None:
            raw += [(rule, h) for h in rule.check(ctx, ladder, options)]
        elif rule.target == "catalog" and not paths:
            raw += [(rule, h) for h in rule.check(ctx, profiles, options)]
    posting_rules = [(r, settings.options_for(r)) for r in rules if r.target == "posting"]
    for posting in _postings(ctx, profiles, companies, catalog, raw, jd001):
        result.postings += 1
        for rule, options in posting_rules:
            raw += [(rule, h) for h in rule.check(ctx, posting, options)]
    result.findings = _finish(raw, settings, suppressions)
    return result


def _targets(loaded: dict, files: list[Path]):
    """What validation loaded, sorted into profiles, companies and the ladder (invalid files are absent)."""
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
    return profiles, companies, ladder


def _postings(ctx: LintContext, profiles, companies, catalog: "Catalog", raw, jd001) -> Iterator["Posting"]:
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
                raw.extend((jd001, Hit(d.location, d.message, d.hint)) for d in exc.diagnostics())


def _loads(catalog: "Catalog", code: str) -> bool:
    try:
        catalog.profile(code)
        return True
    except InvalidInputError:
        return False


def _finish(raw: list[tuple[Rule, Hit]], config: ResolvedConfig, suppressions: Suppressions) -> list[Diagnostic]:
    seen: dict[tuple, Diagnostic] = {}
    for rule, hit in raw:
        key = (rule.code, hit.location, hit.message)
        if key in seen:
            continue
        if hit.location and config.ignored_in_file(rule, hit.location.file):
            continue
        if hit.doc is not None and suppressions.suppresses(hit.doc, rule, hit.lines or (hit.location.line,)):
            continue
        seen[key] = Diagnostic(hit.location, hit.message, hit.hint, rule.code, config.severity_for(rule, hit.severity))
    findings = list(seen.values())
    suppression_rules = all_rules()
    for hit_rule_code, hit in suppressions.problems():
        rule = suppression_rules[hit_rule_code]
        if config.enabled(rule):
            findings.append(Diagnostic(hit.location, hit.message, hit.hint, rule.code, config.severity_for(rule)))
    return sorted(findings, key=Diagnostic.sort_key)
