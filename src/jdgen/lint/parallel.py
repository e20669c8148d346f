"""Profile units on every core: ``--jobs``, and the findings cache looked up where the work is.

Units (:mod:`.per_profile`) go to worker processes in chunks of consecutive profiles,
so a worker loads the catalog's shared files once and then reads one profile after
another; records come back in file order, whatever order the workers finish in, so the
engine replays them exactly as a single process would and the output is the same bytes.
At most a few chunks per worker are in flight: memory stays flat however large the catalog.

Workers build their :class:`~.per_profile.Unit` once; starting them, cutting the chunks,
Ctrl-C (exit code 130, after the running chunks finish, so no cache entry is left half
written) and a dying worker (one line, exit code 3) are :mod:`jdgen.workers`'s, shared with
``render --jobs``. An error in the catalog raised in a worker (a link leading out of the
catalog, an unreadable file) reaches the command line as the same error it would be in one
process.

``--jobs 1`` runs the units in this process, and so does a run without ``--jobs`` on a
catalog too small for workers to pay for their start.
"""

from __future__ import annotations

import sys
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..workers import AUTO_MIN_PROFILES, CHUNK, ignore_interrupts, in_order, rebuilt, sent, usable_cores, workers_for
from .per_profile import Record, Setup, Unit

if TYPE_CHECKING:
    from ..catalog.root import ProfileFiles

__all__ = ["AUTO_MIN_PROFILES", "record_for", "records", "usable_cores", "workers_for"]

# Bounded lru caches of rule helpers are emptied past this size between chunks (see _trim_memos).
MEMO_LIMIT = 4096


def records(setup: Setup, paths: "list[Path] | list[str]", jobs: int | None,
            listing: "ProfileFiles | None" = None) -> Iterator[tuple[str | None, Record]]:
    """(cache key, record) of each profile file, in the order of ``paths``.

    ``listing`` is the catalog's profile index as this run listed it: the units read it instead
    of listing roles/ again (a worker of a 25,000-profile run otherwise spent a scan of the folder
    and some 10 MB on its own copy; a forked worker shares this one's pages).
    """
    workers = workers_for(jobs, len(paths))
    if not workers:
        unit = Unit(setup, listing)
        for done, path in enumerate(paths, 1):
            yield record_for(unit, Path(path))
            if done % CHUNK == 0:
                _trim_memos(unit)
        return
    yield from _in_workers(setup, paths, workers, listing)


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


def _in_workers(setup: Setup, paths: "list[Path] | list[str]", workers: int,
                listing: "ProfileFiles | None") -> Iterator[tuple[str | None, Record]]:
    with closing(in_order([str(p) for p in paths], workers, initializer=_start_worker, initargs=(setup, listing),
                          run_chunk=_run_chunk, single_process="--jobs 1 checks the catalog in one process")) as chunks:
        for outcome, value in chunks:
            if outcome == "error":
                raise rebuilt(*value)
            yield from value


# --- in the worker ------------------------------------------------------------------------------

_UNIT: Unit | None = None


def _start_worker(setup: Setup, listing: "ProfileFiles | None") -> None:
    global _UNIT
    ignore_interrupts()
    _UNIT = Unit(setup, listing)


def _run_chunk(chunk: list[str]) -> tuple[str, object]:
    from ..errors import JdgenError

    try:
        done = [record_for(_UNIT, Path(path)) for path in chunk]
    except JdgenError as exc:
        return "error", sent(exc)
    _trim_memos(_UNIT)
    return "ok", done


def _trim_memos(unit: Unit) -> None:
    """Empty the bounded memo caches of lint's helpers once they grow past :data:`MEMO_LIMIT`.

    Rule helpers memoise per text with ``lru_cache(maxsize=65536)``; across tens of thousands
    of profiles whose texts differ, each fills up, and a dozen full ones hold hundreds of MB
    in every process. Within one chunk a profile's postings repeat their texts, which is
    what the memos are for; past it they are rarely asked again. The answers are pure, so
    emptying them changes no result. Unbounded caches (word lists, tables) are kept.

    Rules also keep answers per text on the run's context (``ctx.__dict__``, e.g. the seniority
    words of each title): a record may not depend on the profiles before it (see
    :mod:`.per_profile`), so whatever a rule keeps there is a memo too, and a dict of them
    past the limit is emptied the same way.
    """
    for memo in _bounded_memos():
        if memo.cache_info().currsize > MEMO_LIMIT:
            memo.cache_clear()
    context = getattr(unit, "ctx", None)  # a validate run's unit has none
    for kept in vars(context).values() if context is not None else ():
        if type(kept) is dict and len(kept) > MEMO_LIMIT:
            kept.clear()


_MEMOS: tuple[int, list] = (-1, [])


def _bounded_memos() -> list:
    """Lint's bounded memo functions, looked for again only when a module was imported since:
    walking every module's names per chunk cost more than a warm run's chunk of cached profiles."""
    global _MEMOS
    if _MEMOS[0] != len(sys.modules):
        found = []
        for name, module in list(sys.modules.items()):
            if not name.startswith("jdgen.lint") or module is None:
                continue
            for value in list(vars(module).values()):
                parameters = getattr(value, "cache_parameters", None)
                if parameters is None or getattr(value, "__module__", None) != name:
                    continue
                if parameters().get("maxsize") is not None:
                    found.append(value)
        _MEMOS = (len(sys.modules), found)
    return _MEMOS[1]
