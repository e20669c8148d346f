"""Build a career site from a catalog, or check that a built one is current.

Order of work: the catalog is loaded and the plan made (every page's name and what it
shows) before the folder is touched, so an invalid catalog changes no file; then the
folder is checked for files jdgen did not write, and the pages are written as they are
rendered (see :class:`jdgen.site.writer.SiteWriter` for what a build stopped half way
leaves). ``--check`` renders everything and compares, writing nothing. Output is
deterministic: pages and their parts are ordered by code, nothing carries a date or a
time, and the same catalog and options give the same bytes on every machine.

Large catalogs (:data:`PARALLEL_FROM` roles or more, or ``--jobs N``) use one worker
process per core this process may use: the profiles are loaded in workers
(:mod:`.loading`), then workers forked from the finished plan render every page, in runs
of consecutive pages, which this process writes as they arrive; the bytes are the same
as from one process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import UsageError
from .options import SiteOptions
from .writer import Outcome, SiteFolder, SiteWriter, check_site

if TYPE_CHECKING:
    from ..catalog.root import Catalog
    from .pages import SitePlan

PARALLEL_FROM = 300
RUN = 25  # pages per task handed to a worker: small enough to stream, large enough to be cheap to send


@dataclass
class SiteRequest:
    output: str
    company: str | None = None
    source_url: str | None = None
    check: bool = False
    jobs: int | None = None


def site_files(catalog: "Catalog", options: SiteOptions, jobs: int | None = None) -> dict[str, bytes]:
    """Every file of the site, by its "/"-separated name inside the output folder, in name order."""
    from .loading import finish

    try:
        plan, workers = _plan(catalog, options, jobs)
        return dict(sorted(_files(plan, workers)))
    finally:
        finish()


def build_site(catalog: "Catalog", request: SiteRequest) -> Outcome:
    """Write the site into ``request.output`` (or, with ``check``, compare it with what is there)."""
    from .loading import finish
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
    try:
        plan, workers = _plan(catalog, options, request.jobs)
        with SiteFolder(folder, catalog.root, check=request.check) as opened:
            if request.check:
                return check_site(opened, dict(sorted(_files(plan, workers))))
            writer = SiteWriter(opened)
            writer.start(_names(plan))
            for name, data in _files(plan, workers):
                writer.put(name, data)
            return writer.finish()
    finally:
        finish()  # the workers of both pools leave while the last files are written


def _plan(catalog: "Catalog", options: SiteOptions, jobs: int | None) -> tuple["SitePlan", int]:
    from ..collector import batch_begins
    from .loading import load_profiles

    batch_begins()  # a site is a batch: the collector runs again (jdgen/collector.py)

    workers = _workers(jobs, len(catalog.codes))
    loaded = load_profiles(catalog, workers, (lambda: _prepare(catalog)) if workers > 1 else None)
    from .pages import SitePlan

    return SitePlan(loaded, options), workers


def _prepare(catalog: "Catalog") -> None:
    """What this process does while workers parse: import the modules the plan needs and compile
    the shipped templates, which the render workers forked later then inherit instead of each
    compiling its own. A catalog's own templates are compiled where they render, so that their
    errors are reported there."""
    from importlib import import_module

    from .templates import catalog_site_templates, compile_shipped

    import_module(".pages", __package__)

    if catalog_site_templates(catalog) is None:
        compile_shipped()


def _names(plan: "SitePlan") -> list[str]:
    from .templates import STATIC

    return [plan.page_path(key) for key in plan.page_keys()] + [f"assets/{name}" for name in STATIC] + [
        "assets/search-index.js"]


def _files(plan: "SitePlan", workers: int) -> Iterator[tuple[str, bytes]]:
    """Every file of the site as (name, bytes): the pages in plan order, then the assets."""
    from .search import search_index_js
    from .templates import static_files

    keys = plan.page_keys()
    if workers > 1:
        yield from _render_in_workers(plan, keys, workers)
    else:
        yield from (_render(plan, key) for key in keys)
    yield from static_files().items()
    yield "assets/search-index.js", search_index_js(plan.search_entries())


def _render(plan: "SitePlan", key: tuple) -> tuple[str, bytes]:
    from .templates import render_page

    page = plan.page(key)
    return page.path, render_page(page.template, page.context, plan.templates)


def _workers(jobs: int | None, roles: int) -> int:
    if jobs is not None:
        return max(1, jobs)
    if roles < PARALLEL_FROM:
        return 1
    from ..workers import usable_cores

    return max(1, min(usable_cores(), 8))


_PLAN: list = []


def _render_in_workers(plan: "SitePlan", keys: list[tuple], workers: int) -> Iterator[tuple[str, bytes]]:
    """The pages built and rendered by ``workers`` forked processes, in runs of :data:`RUN`, in order.

    The workers inherit the loaded catalog and the plan from this process (fork), so nothing
    is loaded twice; where processes cannot be forked the pages are rendered here.
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from (_render(plan, key) for key in keys)
        return
    from .loading import let_leave

    _PLAN[:] = [plan]
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        for run in pool.imap(_render_run, [keys[i:i + RUN] for i in range(0, len(keys), RUN)]):
            yield from run
    except BaseException:  # also a consumer that stops early (GeneratorExit)
        pool.terminate()
        raise
    finally:
        _PLAN.clear()
    let_leave(pool)  # the last files are written while the workers end


def _render_run(keys: list[tuple]) -> list[tuple[str, bytes]]:
    from ..catalog.root import paused_gc

    with paused_gc():
        return [_render(_PLAN[0], key) for key in keys]
