"""Build a career site from a catalog, or check that a built one is current.

The whole site is made in memory first (a 1,000-profile catalog gives about 2,000 files
of a few kilobytes each), then written: so an error in the catalog or a page stops the
build before any file changes, and ``--check`` compares exactly the bytes a build writes.
Output is deterministic: pages and their parts are ordered by code, nothing carries a
date or a time, and the same catalog and options give the same bytes on every machine.

Large catalogs render their pages in worker processes (:data:`PARALLEL_FROM` roles or
more, on the cores this process may use); each worker builds the same plan from the
catalog and renders every n-th page, so the result is the same bytes as one process.
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
    from .templates import render_page, static_files

    plan = SitePlan(catalog, options)
    pages = plan.pages()
    workers = _workers(jobs, len(plan.loaded))
    if workers > 1:
        rendered = _render_in_workers(catalog, options, workers, len(pages))
    else:
        rendered = [render_page(page.template, page.context) for page in pages]
    files = {page.path: data for page, data in zip(pages, rendered)}
    files.update(static_files())
    files["assets/search-index.js"] = search_index_js(plan.search_entries())
    return dict(sorted(files.items()))


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


def _render_in_workers(catalog: "Catalog", options: SiteOptions, workers: int, count: int) -> list[bytes]:
    """The pages rendered by ``workers`` processes, each taking every ``workers``-th page."""
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(catalog, options)) as pool:
        parts = pool.map(_render_share, [(n, workers) for n in range(workers)])
    rendered: list[bytes] = [b""] * count
    for n, part in enumerate(parts):
        rendered[n::workers] = part
    return rendered


_WORKER: dict = {}


def _start_worker(catalog: "Catalog", options: SiteOptions) -> None:
    _WORKER["plan"] = (catalog, options)


def _render_share(share: tuple[int, int]) -> list[bytes]:
    from .templates import render_page

    catalog, options = _WORKER["plan"]
    plan = SitePlan(catalog, options)
    pages = plan.pages()
    n, every = share
    return [render_page(page.template, page.context) for page in pages[n::every]]
