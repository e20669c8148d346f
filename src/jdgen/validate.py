"""``jdgen validate``: check files against their schemas and the catalog's rules."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .catalog import Catalog
from .companies import company_files
from .errors import NotAFileError
from .listing import check_listing, not_a_file, not_a_file_problem
from .diagnostics import Diagnostic, Location
from .documents import kind_of, load_ladder, load_profile, load_taxonomy
from .errors import InvalidInputError, SourceError
from .sources import display_path, iter_yaml_files


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
    files = [catalog.ladder_path]
    if catalog.taxonomy_path:
        files.append(catalog.taxonomy_path)
    files.extend(catalog.profile_files.values())
    # Company files sit directly in companies/; its subfolders hold their assets (logos,
    # reference documents), which render and lint never read as companies either.
    files.extend(sorted(company_files(catalog).values()))
    marker = catalog.root / "jdgen.toml"
    if marker.is_file():
        files.append(marker)
    return files


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named on the command line, with folders expanded to the YAML files inside."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            misnamed = check_listing(path, recursive=True)
            if misnamed:
                raise InvalidInputError(misnamed)
            found = list(iter_yaml_files(path))
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


def validate(catalog: Catalog, paths: Iterable[str | Path] = ()) -> ValidationReport:
    """Validate the named files, or the whole catalog when none are named."""
    paths = list(paths)
    try:
        files = expand_paths(paths) if paths else catalog_files(catalog)
    except InvalidInputError as exc:  # e.g. one code in two files: still a validation result
        return ValidationReport(diagnostics=sorted(exc.diagnostics(), key=Diagnostic.sort_key))
    report = ValidationReport(files=files)
    try:
        ladder = catalog.ladder
        taxonomy = catalog.taxonomy
    except InvalidInputError as exc:  # nothing else can be checked against a broken ladder
        report.diagnostics.extend(exc.diagnostics())
        return report
    seen_codes: dict[str, Path] = {}
    for path in files:
        if path.suffix == ".toml":  # jdgen.toml or pyproject.toml: their lint table, as `jdgen lint` reads it
            _check_config(path, report)
            continue
        kind = kind_of(path)
        try:
            if kind == "profile":
                loaded = load_profile(path, ladder, taxonomy, catalog.context_digest)
                _check_unique(loaded.model.code, path, loaded.doc.where(("code",)), seen_codes, report)
            elif kind == "ladder":
                loaded = load_ladder(path)
            elif kind == "taxonomy":
                loaded = load_taxonomy(path)
            else:
                from .companies import load_company  # companies arrive with postings

                loaded = load_company(path, catalog)
            report.loaded[path] = loaded
        except InvalidInputError as exc:
            report.diagnostics.extend(exc.diagnostics())
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report


def _check_config(path: Path, report: ValidationReport) -> None:
    from .errors import ConfigError
    from .lint.config import check_config_file

    try:
        check_config_file(path)
    except ConfigError as exc:
        report.diagnostics.extend(exc.diagnostics())


def _check_unique(code: str, path: Path, where: Location, seen: dict[str, Path], report: ValidationReport) -> None:
    key = code.upper()
    first = seen.setdefault(key, path)
    if first != path:
        report.diagnostics.append(Diagnostic(where, f"code {code} is also defined in {display_path(first)}",
                                             "one code, one file: remove or rename one of them"))
