"""Profile units on every core: ``--jobs``, and the findings cache looked up where the work is.

Units (:mod:`.per_profile`) go to worker processes in chunks of consecutive profiles,
so a worker loads the catalog's shared files once and then reads one profile after
another; records come back in file order, whatever order the workers finish in, so the
engine replays them exactly as a single process would and the output is the same bytes.
At most a few chunks per worker are in flight: memory stays flat however large the catalog.

Workers are forked where the system allows (they start with jdgen already imported and
the rules registered), spawned elsewhere; each builds its :class:`~.per_profile.Unit`
once. They ignore Ctrl-C: the main process stops handing out chunks, waits for the ones
running (so no cache entry is left half written) and leaves with exit code 130. A worker
that dies (killed, out of memory) ends the run with one line and exit code 3; an error
in the catalog raised in a worker (a link leading out of the catalog, an unreadable
file) reaches the command line as the same error it would be in one process.

``--jobs 1`` runs the units in this process, and so does a run without ``--jobs`` on a
catalog too small for workers to pay for their start.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from pathlib import Path
from typing import Iterator

from .per_profile import Record, Setup, Unit

# Below this many profiles a run without --jobs stays in one process: forking, and each worker
# loading the shared files, costs more than checking them (the built-in catalog has a dozen).
AUTO_MIN_PROFILES = 200
CHUNK = 16
# Bounded lru caches of rule helpers are emptied past this size between chunks (see _trim_memos).
MEMO_LIMIT = 4096


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
    """How many worker processes to use; 0 runs the units in this process."""
    if jobs is None:
        return 0 if profiles < AUTO_MIN_PROFILES else min(usable_cores(), profiles)
    return 0 if jobs <= 1 or profiles <= 1 else min(jobs, profiles)


def records(setup: Setup, paths: list[Path], jobs: int | None) -> Iterator[tuple[str | None, Record]]:
    """(cache key, record) of each profile file, in the order of ``paths``."""
    workers = workers_for(jobs, len(paths))
    if not workers:
        unit = Unit(setup)
        for done, path in enumerate(paths, 1):
            yield record_for(unit, path)
            if done % CHUNK == 0:
                _trim_memos()
        return
    yield from _in_workers(setup, paths, workers)


def record_for(unit: Unit, path: Path) -> tuple[str | None, Record]:
    """The profile's record: from the findings cache when its inputs are unchanged, else computed (and stored)."""
    context = unit.setup.cache_context
    if context is None:
        return None, unit.run(path)
    from ..catalog.yaml_source import display_path, read_bytes
    from . import result_cache

    shown = display_path(path)
    entry_key = result_cache.key(context, path, shown, read_bytes(path, shown))
    found = result_cache.load(context, entry_key)
    if found is None:
        found = unit.run(path)
        result_cache.store(context, entry_key, found)
    return entry_key, found


def _in_workers(setup: Setup, paths: list[Path], workers: int) -> Iterator[tuple[str | None, Record]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(CHUNK, len(paths) // (workers * 4) or 1))
    chunks = [[str(p) for p in paths[i:i + size]] for i in range(0, len(paths), size)]
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
                           "--jobs 1 checks the catalog in one process") from None
    finally:
        # Ctrl-C, an error, or a consumer that stopped early: hand out nothing more, let the
        # running chunks finish (their cache entries are written whole), then end the workers.
        pool.shutdown(wait=True, cancel_futures=True)


def _results(future) -> list[tuple[str | None, Record]]:
    outcome, value = future.result()
    if outcome == "error":
        raise _rebuilt(*value)
    return value


# --- in the worker ------------------------------------------------------------------------------

_UNIT: Unit | None = None


def _start_worker(setup: Setup) -> None:
    global _UNIT
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what Ctrl-C does
    _UNIT = Unit(setup)


def _run_chunk(chunk: list[str]) -> tuple[str, object]:
    from ..errors import JdgenError

    try:
        done = [record_for(_UNIT, Path(path)) for path in chunk]
    except JdgenError as exc:
        # Sent as class, arguments and attributes: a JdgenError subclass may take other
        # arguments than its message, which pickling an exception would pass it.
        return "error", (type(exc), exc.args, dict(exc.__dict__))
    _trim_memos()
    return "ok", done


def _rebuilt(kind: type, args: tuple, state: dict) -> BaseException:
    error = kind.__new__(kind)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error


def _trim_memos() -> None:
    """Empty the bounded memo caches of lint's helpers once they grow past :data:`MEMO_LIMIT`.

    Rule helpers memoise per text with ``lru_cache(maxsize=65536)``; across tens of thousands
    of profiles whose texts differ, each fills up, and a dozen full ones hold hundreds of MB
    in every process. Within one chunk a profile's postings repeat their texts, which is
    what the memos are for; past it they are rarely asked again. The answers are pure, so
    emptying them changes no result. Unbounded caches (word lists, tables) are kept.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("jdgen.lint") or module is None:
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if parameters is None or getattr(value, "__module__", None) != name:
                continue
            maxsize = parameters().get("maxsize")
            if maxsize is not None and value.cache_info().currsize > MEMO_LIMIT:
                value.cache_clear()
