"""Worker processes shared by ``jdgen lint --jobs``, ``validate --jobs``, ``render --jobs`` and ``site``.

Each command hands out chunks of consecutive items (profile files, role codes) and
applies the chunks' results here in the items' order, whatever order the workers finish
in, so the output is that of one process. What a worker does with a chunk, and what it
sends back, is the command's own; how many workers to start, how the chunks are cut,
how many are in flight, and what Ctrl-C and a dead worker do are the same for all of
them and live here:

* workers are forked where the system allows (they start with jdgen imported) and
  spawned elsewhere, so the command gives them plain values to build their state from;
* at most ``2 * workers`` chunks are in flight, so memory stays flat;
* workers ignore Ctrl-C (:func:`ignore_interrupts`): this process stops handing out
  chunks, lets the running ones finish (no file or cache entry is left half written) and
  the command leaves with exit code 130;
* a worker that dies (killed, out of memory) becomes one ``RuntimeError`` line, exit code 3;
* a :class:`~jdgen.errors.JdgenError` raised in a worker is sent back as class, arguments
  and attributes (:func:`sent`) and raised here again as the same error (:func:`rebuilt`):
  pickling the exception would call a subclass with other arguments than its own.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any, Callable, Iterator, Sequence

# Below this many profiles a run without --jobs stays in one process: forking, and each worker
# loading the catalog's shared files, costs more than the work (the built-in catalog has a dozen).
AUTO_MIN_PROFILES = 200
CHUNK = 16   # items per chunk, at most


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, not the machine's count)."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return counted() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def workers_for(jobs: int | None, items: int) -> int:
    """How many worker processes to use for ``items`` profiles; 0 works in this process."""
    if jobs is None:
        return 0 if items < AUTO_MIN_PROFILES else min(usable_cores(), items)
    return 0 if jobs <= 1 or items <= 1 else min(jobs, items)


def ignore_interrupts() -> None:
    """In a worker: Ctrl-C reaches every process of the group, and the main process decides."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def in_order(items: Sequence[Any], workers: int, *, initializer: Callable[..., None], initargs: tuple,
             run_chunk: Callable[[list], Any], single_process: str) -> Iterator[Any]:
    """``run_chunk``'s result for each chunk of ``items``, in order, from ``workers`` processes.

    ``initializer(*initargs)`` builds a worker's state once (and should call
    :func:`ignore_interrupts`); ``single_process`` says how to avoid workers, for the message
    when one dies ("--jobs 1 renders in one process").
    """
    import gc
    import multiprocessing

    from .collector import batch_begins

    batch_begins()  # a run with workers is a batch (jdgen/collector.py)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(CHUNK, len(items) // (workers * 4) or 1))
    chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    # A forked worker shares this process's memory until either writes to it, and the collector
    # writes to every object it examines: frozen, the objects built so far (modules, the catalog's
    # listing) are not examined in the workers, and their pages stay shared rather than copied
    # into each worker (bench_scale.py, all processes' PSS: 110 -> 94 MB at 500 profiles, 130 ->
    # 116 MB at 25,000). Unfrozen when the workers are done, unless the caller had frozen objects
    # itself (site/loading.py does, and thaws them when its build is done).
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=initializer, initargs=initargs)
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(run_chunk, chunk))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise RuntimeError(f"a worker process stopped unexpectedly (killed, or out of memory); {single_process}") \
            from None
    finally:
        # Ctrl-C, an error, or a consumer that stopped early: hand out nothing more, let the
        # running chunks finish, then end the workers.
        pool.shutdown(wait=True, cancel_futures=True)
        if froze:
            gc.unfreeze()


def sent(error: BaseException) -> tuple[type, tuple, dict]:
    """``error`` as plain parts a worker can send back (see the module docstring)."""
    return type(error), error.args, dict(error.__dict__)


def rebuilt(kind: type, args: tuple, state: dict) -> BaseException:
    """The error :func:`sent` took apart, whole again, without calling its ``__init__``."""
    error = kind.__new__(kind)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error
