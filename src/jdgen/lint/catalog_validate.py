"""``jdgen validate`` of a whole catalog, one profile at a time and on every core.

:func:`jdgen.lint.validate.validate` loads every file and keeps it (its report hands the
loaded files to the caller); a catalog of tens of thousands of profiles would then sit in
memory at once. Here the shared files are checked first, then each profile is a unit of
:mod:`.per_profile` (loaded, checked, every company merged onto it, dropped), run in this
process or in workers (:mod:`.parallel`), and the problems come out the same, in the same order.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..catalog.loading import kind_of
from ..catalog.root import Catalog
from ..catalog.yaml_source import display_path
from ..diagnostics import Diagnostic, Location
from ..errors import InvalidInputError
from . import parallel
from .config import LintConfig
from .per_profile import NONE, Setup
from .validate import ValidationReport, catalog_files, check_file, check_unique, validate


def validate_catalog(catalog: Catalog, jobs: int | None = 1) -> ValidationReport:
    """:func:`validate` of the whole catalog, one profile at a time, on ``jobs`` processes (None: every core,
    for a catalog large enough to gain); the same problems in the same order, and ``loaded`` left empty.

    The shared files (ladder, taxonomy, companies, jdgen.toml) are checked here; each profile,
    with every company merged onto it, is a unit of :mod:`jdgen.lint.per_profile`, so no
    parsed profile outlives its check.
    """
    try:
        files = catalog_files(catalog)
        catalog.ladder, catalog.taxonomy  # noqa: B018
    except InvalidInputError:
        return validate(catalog)  # it reports these as its result, and checks nothing else
    report = ValidationReport(files=files)
    profile_paths = []
    for path in files:
        if path.suffix != ".toml" and kind_of(path) == "profile":
            profile_paths.append(path)
        else:
            check_file(catalog, path, report, {})
    companies = tuple(str(path) for path, item in report.loaded.items() if kind_of(path) == "company")
    setup = Setup(str(catalog.root), catalog.builtin, catalog.fallback, LintConfig(), date.today(), "validate",
                  companies)
    report.loaded.clear()
    seen_codes: dict[str, Path] = {}
    for path, (_, record) in zip(profile_paths, parallel.records(setup, profile_paths, jobs)):
        strings = record["strings"]
        for file, line, col, message, hint in record["diags"]:
            where = Location(strings[file], line, col) if file != NONE else None
            report.diagnostics.append(Diagnostic(where, strings[message], strings[hint] if hint != NONE else None))
        if record["code"] != NONE:
            check_unique(strings[record["code"]], path, Location(display_path(path), *record["code_at"]),
                         seen_codes, report)
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report
