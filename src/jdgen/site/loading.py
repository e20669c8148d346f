"""Loading a large catalog's profiles on every core, for the site.

Parsing YAML with positions is most of a site build's time (about half for 1,000
profiles), and the site needs every profile before it can lay out any page: the index,
the ladders and every role's adjacent roles read all of them. So the profiles are parsed
in forked worker processes, in runs of consecutive codes, and come back as the checked
data their typed models are built from here (far cheaper than reading YAML); the site
reads nothing else of a loaded profile but its path and model (:class:`Record`).

Errors are not reported from the workers: when any run fails, this process loads the
whole catalog itself, as one process would, so the messages, their order and the exit
code are exactly those of ``catalog.profiles()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ..catalog.models import Profile
    from ..catalog.root import Catalog


@dataclass(frozen=True)
class Record:
    path: Path
    model: "Profile"


class LoadedCatalog:
    """A catalog whose profiles were loaded elsewhere: ``profile()`` and ``profiles()`` answer
    from the records; everything else (ladder, taxonomy, companies, paths) is the catalog's."""

    def __init__(self, catalog: "Catalog", records: dict[str, Record]):
        self._catalog = catalog
        self._records = records

    def profiles(self) -> list[Record]:
        return list(self._records.values())

    def profile(self, code: str) -> Record:
        return self._records[self._catalog.lookup(code)]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._catalog, name)


_CATALOG: list = []
RUNS_PER_WORKER = 16


def load_profiles(catalog: "Catalog", workers: int,
                  meanwhile: Callable[[], None] | None = None) -> "Catalog | LoadedCatalog":
    """The catalog with every profile loaded, by ``workers`` processes when more than one (and fork is available).

    ``meanwhile`` is work this process does while the workers parse the first runs.
    """
    import multiprocessing

    from ..catalog.root import paused_gc

    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        with paused_gc():
            catalog.profiles()
            _freeze()
        return catalog
    codes = catalog.codes
    catalog.ladder, catalog.taxonomy, catalog.context_digest  # a broken ladder fails here, once
    # Small runs: the build waits for the last one, so its length is how long one core may sit
    # idle at the end (a run is about 4 ms a profile); sending 16 runs a worker costs little.
    size = max(1, -(-len(codes) // (workers * RUNS_PER_WORKER)))
    runs = [codes[i:i + size] for i in range(0, len(codes), size)]
    from ..catalog.models import Profile

    _CATALOG[:] = [catalog]
    records: dict[str, Record] = {}
    failed = False
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:  # the collector would walk every model as it is built here, for no garbage
        with paused_gc():
            # Each run's models are built here while the workers parse the next runs.
            results = pool.imap(_load_run, runs)
            if meanwhile is not None:
                meanwhile()
            for run in results:
                if run is None:
                    failed = True
                    break
                for code, path, data in run:
                    records[code] = Record(path, Profile.model_validate(data))
            if not failed:
                _freeze()
    except BaseException:
        pool.terminate()
        raise
    finally:
        _CATALOG.clear()
    if failed:
        pool.terminate()
        catalog.profiles()  # raises what one process would have raised
        return catalog
    let_leave(pool)
    return LoadedCatalog(catalog, records)


_FROZEN: list[bool] = []


def _freeze() -> None:
    """Keep the cyclic garbage collector off the loaded catalog for the rest of the build.

    Loaded with the collector paused, the catalog's million objects all sit in the youngest
    generation; the first collections after the load would walk every one of them, in each
    generation in turn (about 0.2 s at 1,000 profiles, in the process that plans and writes the
    site). Frozen before the collector is back on, they are skipped, and workers forked later
    leave their pages unwritten. :func:`finish` thaws them, unless the caller had frozen
    objects itself.
    """
    import gc

    if not _FROZEN and gc.get_freeze_count() == 0:
        gc.freeze()
        _FROZEN.append(True)


_LEAVING: list = []


def let_leave(pool) -> None:
    """Let the workers of ``pool``, whose work is done, leave without waiting for them here.

    Ending a worker that holds a large catalog takes a while (its memory goes back to the
    system); the build goes on meanwhile and waits for them only when it is done (:func:`finish`).
    """
    pool.close()
    _LEAVING.append(pool)


def finish() -> None:
    """After a build: wait for the workers of every pool handed to :func:`let_leave` to have
    left, and hand the loaded catalog back to the garbage collector."""
    import gc

    while _LEAVING:
        _LEAVING.pop().join()
    if _FROZEN:
        _FROZEN.clear()
        gc.unfreeze()


def _load_run(codes: list[str]) -> list[tuple[str, Path, dict]] | None:
    """Each profile of ``codes`` loaded and checked, as its path and the data its model is built from.

    The data, not the model: a model's pickle costs three times as much to write and read as
    the plain data, more than building the model again from the data (0.6 against 0.4 ms a profile).
    """
    from ..catalog.root import paused_gc

    catalog = _CATALOG[0]
    try:
        with paused_gc():
            return [(code, loaded.path, loaded.doc.data) for code in codes for loaded in (catalog.profile(code),)]
    except Exception:  # reported by the parent, which loads the catalog again to say what is wrong
        return None
