"""``jdgen validate``: check files against their schemas and the catalog's rules.

Beyond each file on its own, validate checks what render would trip over: every
company's ``defaults`` merged onto every role and each ``roles.<CODE>`` block onto its
role, so that a ``remove`` naming an item the profile does not have fails here (and in
the pre-commit hook) rather than at the first render. Only the merge runs, not the
posting: it is what can fail, and it costs microseconds where a whole posting costs a
third of a millisecond.

Files in the wrong place (a company file in roles/, a mkdocs.yml swept up by ``jdgen
validate .``) are told apart by :func:`jdgen.catalog.loading.misplaced_problem` as they load;
validate adds company files filed into a subfolder of companies/, which only it reads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..catalog.root import Catalog
from ..catalog.companies import company_files, filed_away_problem, is_filed_away, load_company
from ..errors import JdgenError, NotAFileError
from ..catalog.listing import check_listing, not_a_file, not_a_file_problem
from ..diagnostics import Diagnostic, Location
from ..catalog.loading import Loaded, kind_of, load_ladder, load_profile, load_taxonomy, peek, shape_of
from ..catalog.translations import load_translation, translation_files
from ..errors import InvalidInputError, SourceError
from ..catalog.yaml_source import display_path, iter_yaml_files


@dataclass
class ValidationReport:
    files: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: dict[Path, Any] = field(default_factory=dict, repr=False)   # every valid file, by path

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def catalog_files(catalog: Catalog) -> list[Path]:
    """Every file of the catalog, the ladder and taxonomy first so that profiles can rely on them."""
    before, after = files_around_profiles(catalog)
    return [*before, *catalog.profile_files.values(), *after]


def files_around_profiles(catalog: Catalog) -> tuple[list[Path], list[Path]]:
    """The catalog's files other than profiles, as :func:`catalog_files` orders them: those listed
    before the profiles (ladder, taxonomy) and those after (companies, translations, jdgen.toml)."""
    before = [catalog.ladder_path]
    if catalog.taxonomy_path:
        before.append(catalog.taxonomy_path)
    catalog.profile_files  # noqa: B018  (a problem in roles/ is reported before the rest is listed)
    # Company files sit directly in companies/; its subfolders hold their assets (logos,
    # reference documents), which render and lint never read as companies either.
    after = sorted(company_files(catalog).values())
    after.extend(translation_files(catalog).values())
    marker = catalog.root / "jdgen.toml"
    catalog.refuse_leaving(marker)
    if marker.is_file():
        after.append(marker)
    return before, after


def expand_paths(paths: Iterable[str | Path], catalog_root: Path) -> list[Path]:
    """Files named on the command line, with folders expanded to the YAML files inside.

    A name typed on the command line may come from a glob or a pre-commit hook, so it is
    held to the same rule as the catalog's own files: inside the catalog, no link may
    lead out of it; elsewhere, no link may lead out of the folder named (or the named
    file's folder).
    """
    from ..filesystem.containment import folder_words, leaving_link, refusal

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        base = _containment_base(path, catalog_root)
        place = "the catalog" if base == catalog_root else folder_words(base)
        link = leaving_link(base, path)
        if link is not None:
            raise NotAFileError([refusal(path, link, place=place)])
        if path.is_dir():
            misnamed = check_listing(path, recursive=True, root=base, place=place)
            if misnamed:
                raise InvalidInputError(misnamed)
            found = [f for f in iter_yaml_files(path) if not _company_asset(f, path)]
            if not found:
                raise SourceError(f"{display_path(path)}: no YAML files in this folder",
                                  hint="pass a catalog folder or .yaml files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif os.path.lexists(path):  # a pipe would block the read forever; a dead link is no file
            raise NotAFileError([not_a_file_problem(path, not_a_file(path) or "missing", str(raw))])
        else:
            raise SourceError(f"{raw}: no such file or folder", hint="check the path")
    return files


def _containment_base(path: Path, catalog_root: Path) -> Path:
    """The folder that ``path``, typed on the command line, must not leave through a link."""
    absolute = os.path.abspath(path)
    root = str(catalog_root)
    if absolute == root or absolute.startswith(root.rstrip(os.sep) + os.sep):
        return catalog_root
    return Path(absolute) if os.path.isdir(absolute) and not os.path.islink(absolute) else Path(absolute).parent


def _company_asset(path: Path, given: Path) -> bool:
    """True for YAML that a folder given on the command line holds below a subfolder of a
    ``companies`` folder, without a company's shape: an asset, not ours to check (see
    :mod:`jdgen.catalog.companies`). Only folders from the given one down count, so a catalog kept
    under some unrelated ``companies`` folder is read as usual."""
    chain = (given.resolve().name, *path.relative_to(given).parts)
    nested = any(part == "companies" for part in chain[:-2])
    return nested and shape_of(peek(path)) != "company"


def validate(catalog: Catalog, paths: Iterable[str | Path] = ()) -> ValidationReport:
    """Validate the named files, or the whole catalog when none are named."""
    from ..collector import batch_begins

    batch_begins()  # a batch: the collector runs again (jdgen/collector.py)
    paths = list(paths)
    try:
        files = expand_paths(paths, catalog.root) if paths else catalog_files(catalog)
    except InvalidInputError as exc:  # e.g. one code in two files: still a validation result
        return ValidationReport(diagnostics=sorted(exc.diagnostics(), key=Diagnostic.sort_key))
    report = ValidationReport(files=files)
    try:
        catalog.ladder, catalog.taxonomy  # loaded first: every profile is checked against them
    except InvalidInputError as exc:  # nothing else can be checked against a broken ladder
        report.diagnostics.extend(exc.diagnostics())
        return report
    seen_codes: dict[str, Path] = {}
    for path in files:
        check_file(catalog, path, report, seen_codes)
    report.diagnostics.extend(merge_problems(catalog, report.loaded))
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report


def check_file(catalog: Catalog, path: Path, report: ValidationReport, seen_codes: dict[str, Path]) -> None:
    """Validate one file into ``report``: its problems, or its loaded form; ``seen_codes`` finds one code in two files."""
    if path.suffix == ".toml":  # jdgen.toml or pyproject.toml: their lint table, as `jdgen lint` reads it
        _check_config(path, report)
        return
    kind = kind_of(path)
    try:
        if kind == "profile":
            loaded = load_profile(path, catalog.ladder, catalog.taxonomy, catalog.context_digest)
            check_unique(loaded.model.code, path, loaded.doc.where(("code",)), seen_codes, report)
        elif kind == "ladder":
            loaded = load_ladder(path)
        elif kind == "taxonomy":
            loaded = load_taxonomy(path)
        elif kind == "translation":
            loaded = load_translation(path, catalog)
        else:
            loaded = load_company(path, catalog)
        report.loaded[path] = loaded
    except InvalidInputError as exc:
        if is_filed_away(path, catalog.companies_dir) and shape_of(peek(path)) == "company":
            # Named on the command line; the whole-catalog listing says the same in company_files().
            report.diagnostics.append(filed_away_problem(path, catalog.companies_dir))
        else:
            report.diagnostics.extend(exc.diagnostics())


def profile_merge_problems(profile: Loaded, companies: list[Loaded], cache: dict) -> list[Diagnostic]:
    """What merging each of ``companies`` onto one catalog profile reports: :func:`merge_problems`
    for one profile (the pairs :func:`_touched` gives), for runs that load profiles one at a time."""
    problems: list[Diagnostic] = []
    code = profile.model.code.upper()
    for company in companies:
        raw = company.doc.data
        if raw.get("defaults") or code in (raw.get("roles") or {}):
            try:
                _merge_onto(profile, company, cache)
            except InvalidInputError as exc:
                problems.extend(exc.diagnostics())
    return problems


def merge_problems(catalog: Catalog, loaded: dict[Path, Any]) -> list[Diagnostic]:
    """What merging companies onto roles reports, for every pair that involves a file just loaded.

    A company just loaded is merged onto every role it touches (all of them when it has
    ``defaults``); a catalog profile just loaded meets every catalog company. Files that
    fail to load are left out: their own problems are already reported.
    """
    try:
        catalog_paths = {code: path.resolve() for code, path in catalog.profile_files.items()}
    except JdgenError:
        return []  # no readable roles/: nothing to merge onto, and the loader has said why
    companies: dict[Path, Loaded] = {}
    profiles: dict[str, Loaded] = {}
    for path, item in loaded.items():
        kind = kind_of(path)
        if kind == "company":
            companies[path.resolve()] = item
        elif kind == "profile" and catalog_paths.get(item.model.code.upper()) == path.resolve():
            profiles[item.model.code.upper()] = item  # a copy outside roles/ is no catalog role
    pairs: list[tuple[Loaded, str]] = []
    for company in companies.values():
        pairs += [(company, code) for code in _touched(company, catalog_paths)]
    if profiles:
        try:
            others = [p.resolve() for p in company_files(catalog).values()]
        except JdgenError:
            others = []  # listing problems are validate's own findings in a whole-catalog run
        for path in others:
            if path in companies:
                continue
            try:
                company = load_company(path, catalog)
            except JdgenError:
                continue  # a broken company is reported when it is validated itself
            pairs += [(company, code) for code in _touched(company, catalog_paths) if code in profiles]
    problems: list[Diagnostic] = []
    layers_cache: dict[Path, Any] = {}
    for company, code in pairs:
        profile = profiles.get(code)
        if profile is None:
            try:
                profile = catalog.profile(code)
            except JdgenError:
                continue
        try:
            _merge_onto(profile, company, layers_cache)
        except InvalidInputError as exc:
            problems.extend(exc.diagnostics())
    return problems


def _touched(company: Loaded, catalog_paths: dict[str, Path]) -> list[str]:
    """The catalog codes a company changes: every one when it has defaults, else those it names."""
    raw = company.doc.data
    if raw.get("defaults"):
        return sorted(catalog_paths)
    return [code for code in (raw.get("roles") or {}) if code in catalog_paths]


def _merge_onto(profile: Loaded, company: Loaded, cache: dict) -> None:
    """The merge :func:`jdgen.compose.posting.compose` does for this posting, without building the posting.

    The profile's own provenance is left out: merge errors are located in the override,
    and building the profile's provenance would cost more than the merge itself.
    """
    from ..compose.posting import company_layers
    from ..compose.merge import merge_layers

    layers = company_layers(company, profile.model.code, cache)
    if layers:
        merge_layers({**profile.doc.data, "sections": []}, {}, layers)


def _check_config(path: Path, report: ValidationReport) -> None:
    from ..errors import ConfigError
    from .config import check_config_file

    try:
        check_config_file(path)
    except ConfigError as exc:
        report.diagnostics.extend(exc.diagnostics())


def check_unique(code: str, path: Path, where: Location, seen: dict[str, Path], report: ValidationReport) -> None:
    key = code.upper()
    first = seen.setdefault(key, path)
    if first != path:
        report.diagnostics.append(Diagnostic(where, f"code {code} is also defined in {display_path(first)}",
                                             "one code, one file: remove or rename one of them"))
