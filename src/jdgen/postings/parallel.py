"""``jdgen render --jobs``: postings rendered in worker processes, written here in posting order.

A worker gets chunks of consecutive role codes and, for each code and company, does
what one process does (compose, the lint gate, render, and with ``--check`` the
comparison with the committed file) through the same function,
:func:`~.batch.render_one`, which the caller hands over (this module imports nothing
of ``batch``, which imports it). It sends back each posting's :class:`~.batch.Outcome` (the
outputs' bytes, or the stale diffs; warnings, findings, whether it was held back), and
this process applies them in the order of the codes, whatever order the workers finish
in. Only this process writes, each file atomically as before, so the files, the printed
lines and the exit code are those of ``--jobs 1``, and an error met in the middle of a
chunk leaves exactly the files one process would have left.

Workers, chunks, Ctrl-C (exit code 130, no file left half written) and a dying worker
(one line, exit code 3) behave as for ``jdgen lint --jobs``: :mod:`jdgen.workers` holds
that part for both. Workers are given plain values and build their own catalog, since
they may be spawned rather than forked.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..workers import AUTO_MIN_PROFILES, ignore_interrupts, in_order, rebuilt, sent, usable_cores, workers_for

if TYPE_CHECKING:
    from ..catalog.root import Catalog

__all__ = ["AUTO_MIN_PROFILES", "in_workers", "usable_cores", "workers_for"]


# What a worker runs for each posting: (catalog, posting, job, gate, destination) -> outcome.
RenderOne = Callable[..., Any]


def in_workers(catalog: "Catalog", job: Any, codes: list[str], workers: int, render_one: RenderOne) -> Iterator[Any]:
    """Each posting's outcome (``render_one``'s result), code by code and company by company, from ``workers`` processes."""
    yield from _in_workers(_Setup(str(catalog.root), catalog.builtin, catalog.fallback, job, render_one), codes, workers)


@dataclass
class _Setup:
    root: str
    builtin: bool
    fallback: bool
    job: Any                # batch.Job
    render_one: RenderOne   # a module-level function: a spawned worker is given it by name


def _in_workers(setup: _Setup, codes: list[str], workers: int) -> Iterator[Any]:
    with closing(in_order(codes, workers, initializer=_start_worker, initargs=(setup,), run_chunk=_run_chunk,
                          single_process="--jobs 1 renders in one process")) as chunks:
        for done, error in chunks:
            yield from done
            if error is not None:   # after the postings before it, as in one process
                raise rebuilt(*error)


# --- in the worker ------------------------------------------------------------------------------


class _Worker:
    def __init__(self, setup: _Setup):
        from ..catalog.companies import find_company
        from ..catalog.root import Catalog
        from ..filesystem.writing import Destination

        self.job = setup.job
        self.render_one = setup.render_one
        self.catalog = Catalog(Path(setup.root), builtin=setup.builtin, fallback=setup.fallback)
        self.gate = self.job.gate(self.catalog) if self.job.gate is not None else None
        self.companies = [find_company(self.catalog, slug) if slug else None for slug in self.job.companies]
        request = self.job.request
        folder = Path(self.job.folder) if self.job.folder is not None else None
        # Read-only: with --check, the committed files are compared here; nothing is ever written here.
        self.destination = Destination(folder, self.catalog.root, check=True) if request.check else None

    def run(self, codes: list[str]) -> tuple[list, tuple | None]:
        from ..compose.posting import compose
        from ..errors import JdgenError

        done: list = []
        try:
            for code in codes:
                profile = self.catalog.profile(code)
                for company in self.companies:
                    posting = compose(self.catalog, profile, company, self.job.when)
                    done.append(self.render_one(self.catalog, posting, self.job, self.gate, self.destination))
        except JdgenError as exc:
            return done, sent(exc)
        finally:
            # A worker renders each profile once: keeping them would grow with the catalog.
            self.catalog._profiles.clear()
        return done, None


_WORKER: _Worker | None = None


def _start_worker(setup: _Setup) -> None:
    global _WORKER
    ignore_interrupts()
    _WORKER = _Worker(setup)


def _run_chunk(codes: list[str]) -> tuple[list, tuple | None]:
    return _WORKER.run(codes)

