"""Build a career site from a catalog, or check that a built one is current.

The whole site is made in memory first (a 1,000-profile catalog gives about 2,000 files
of a few kilobytes each), then written: so an error in the catalog or a page stops the
build before any file changes, and ``--check`` compares exactly the bytes a build writes.
Output is deterministic: pages and their parts are ordered by code, nothing carries a
date or a time, and the same catalog and options give the same bytes on every machine.

Large catalogs build and render their pages in worker processes (:data:`PARALLEL_FROM`
roles or more, one per core this process may use, or ``--jobs N``): forked after the
catalog is loaded and the plan made, each takes every n-th page, and the pages are put
back in order, so the result is the same bytes as one process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from .pages import SiteOptions, SitePlan
from .writer import Outcome, SiteFolder, check_site, write_site

if TYPE_CHECKING:
    from ..catalog.root import Catalog

PARALLEL_FROM = 300


@dataclass
class SiteRequest:
    output: str
    company: str | None = None
    source_url: str | None = None
    check: bool = False
    jobs: int | None = None


def site_files(catalog: "Catalog", options: SiteOptions, jobs: int | None = None) -> dict[str, bytes]:
    """Every file of the site, by its "/"-separated name inside the output folder, in a stable order."""
    from .search import search_index_js
    from .templates import static_files

    from .loading import load_profiles

    workers = _workers(jobs, len(catalog.codes))
    plan = SitePlan(load_profiles(catalog, workers), options)
    keys = plan.page_keys()
    rendered = _render_in_workers(plan, keys, workers) if workers > 1 else [_render(plan, key) for key in keys]
    files = dict(rendered)
    files.update(static_files())
    files["assets/search-index.js"] = search_index_js(plan.search_entries())
    return dict(sorted(files.items()))


def _render(plan: SitePlan, key: tuple) -> tuple[str, bytes]:
    from .templates import render_page

    page = plan.page(key)
    return page.path, render_page(page.template, page.context)


def build_site(catalog: "Catalog", request: SiteRequest) -> Outcome:
    """Write the site into ``request.output`` (or, with ``check``, compare it with what is there)."""
    from .names import check_source_url

    if not request.output or not request.output.strip():
        raise UsageError("-o is empty", hint="name the folder for the site, e.g. -o site/")
    if request.company is not None and not request.company.strip():
        raise UsageError("--company is empty", hint="give a company slug, e.g. --company northwind")
    folder = Path(request.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {request.output} is a file, but a site is a folder of pages",
                         hint=f"name a folder instead, e.g. -o {folder.stem or 'site'}-site/")
    options = SiteOptions(company=request.company, source_url=check_source_url(request.source_url))
    files = site_files(catalog, options, request.jobs)
    with SiteFolder(folder, catalog.root, check=request.check) as opened:
        return check_site(opened, files) if request.check else write_site(opened, files)


def _workers(jobs: int | None, roles: int) -> int:
    if jobs is not None:
        return max(1, jobs)
    if roles < PARALLEL_FROM:
        return 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(usable, 8))


_PLAN: list[SitePlan] = []


def _render_in_workers(plan: SitePlan, keys: list[tuple], workers: int) -> list[tuple[str, bytes]]:
    """The pages built and rendered by ``workers`` forked processes, each taking every ``workers``-th page.

    The workers inherit the loaded catalog and the plan from this process (fork), so nothing
    is loaded twice; where processes cannot be forked the pages are rendered here.
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return [_render(plan, key) for key in keys]
    _PLAN[:] = [plan]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_render_share, [(keys[n::workers]) for n in range(workers)])
    finally:
        _PLAN.clear()
    rendered: list[tuple[str, bytes]] = [("", b"")] * len(keys)
    for n, part in enumerate(parts):
        rendered[n::workers] = part
    return rendered


def _render_share(keys: list[tuple]) -> list[tuple[str, bytes]]:
    return [_render(_PLAN[0], key) for key in keys]
