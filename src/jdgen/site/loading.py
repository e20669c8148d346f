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

    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        catalog.profiles()
        return catalog
    codes = catalog.codes
    catalog.ladder, catalog.taxonomy, catalog.context_digest  # a broken ladder fails here, once
    # Small runs: the build waits for the last one, so its length is how long one core may sit
    # idle at the end (a run is about 4 ms a profile); sending 16 runs a worker costs little.
    size = max(1, -(-len(codes) // (workers * RUNS_PER_WORKER)))
    runs = [codes[i:i + size] for i in range(0, len(codes), size)]
    from ..catalog.models import Profile
    from ..catalog.root import paused_gc

    _CATALOG[:] = [catalog]
    records: dict[str, Record] = {}
    failed = False
    try:  # the collector would walk every model as it is built here, for no garbage
        with paused_gc(), multiprocessing.get_context("fork").Pool(workers) as pool:
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
    finally:
        _CATALOG.clear()
    if failed:
        catalog.profiles()  # raises what one process would have raised
        return catalog
    return LoadedCatalog(catalog, records)


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
