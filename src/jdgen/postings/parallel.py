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

As for ``jdgen lint --jobs``: workers are forked where the system allows and spawned
elsewhere (which is why they are given plain values and build their own catalog); at
most a few chunks per worker are in flight, so memory stays flat; the workers ignore
Ctrl-C, and this process stops handing out chunks, waits for the running ones and
leaves with exit code 130, never having started a file it did not finish. A worker
that dies ends the run with one line and exit code 3; a catalog error raised in a
worker (an invalid profile, a template error) is the same error it would be here.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from ..catalog.root import Catalog

# The same rule as jdgen lint's (and the same --jobs help): below this many profiles a run
# without --jobs stays in one process, where starting workers would cost more than it saves.
AUTO_MIN_PROFILES = 200
CHUNK = 16          # codes per chunk, at most


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, not the machine's count)."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return counted() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def workers_for(jobs: int | None, profiles: int) -> int:
    """How many worker processes to use; 0 renders in this process."""
    if jobs is None:
        return 0 if profiles < AUTO_MIN_PROFILES else min(usable_cores(), profiles)
    return 0 if jobs <= 1 or profiles <= 1 else min(jobs, profiles)


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
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(CHUNK, len(codes) // (workers * 4) or 1))
    chunks = [codes[i:i + size] for i in range(0, len(codes), size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_start_worker, initargs=(setup,))
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) > 2 * workers:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())
    except BrokenProcessPool:
        raise RuntimeError("a worker process stopped unexpectedly (killed, or out of memory); "
                           "--jobs 1 renders in one process") from None
    finally:
        # Ctrl-C, an error, or a consumer that stopped early: hand out nothing more, let the
        # running chunks finish, then end the workers. Nothing is written but by this process.
        pool.shutdown(wait=True, cancel_futures=True)


def _results(future) -> Iterator[Any]:
    done, error = future.result()
    yield from done
    if error is not None:   # after the postings before it, as in one process
        raise _rebuilt(*error)


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
            # Sent as class, arguments and attributes: a JdgenError subclass may take other
            # arguments than its message, which pickling an exception would pass it.
            return done, (type(exc), exc.args, dict(exc.__dict__))
        finally:
            # A worker renders each profile once: keeping them would grow with the catalog.
            self.catalog._profiles.clear()
        return done, None


_WORKER: _Worker | None = None


def _start_worker(setup: _Setup) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what Ctrl-C does
    _WORKER = _Worker(setup)


def _run_chunk(codes: list[str]) -> tuple[list, tuple | None]:
    return _WORKER.run(codes)


def _rebuilt(kind: type, args: tuple, state: dict) -> BaseException:
    error = kind.__new__(kind)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error
