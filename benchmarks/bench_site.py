"""Career-site build speed: `jdgen site -o DIR` on a generated catalog.

    python benchmarks/bench_site.py [--profiles 1000] [--runs 3]

Builds the site of a generated catalog (``_common.generate_catalog``, 1,000 profiles by
default: about 2,000 pages) as a fresh ``jdgen site`` process, cold, on both cores
(``--jobs 2``) and on one (``--jobs 1``). Cold is a first CI run: an empty parse cache
(a new ``JDGEN_CACHE_DIR`` per run, so the build also pays for filling it) and an empty
output folder; a build with the cache turned off (``JDGEN_CACHE_DIR=""``) is printed
beside it. Prints, per measure, the best wall time (and each run's) and CPU time (user + sys of jdgen and
its workers) with how busy the rest of the machine was during that run (other processes'
CPU, from /proc/stat less jdgen's own, as a share of the cores), because the machine is
shared: wall time then measures the neighbours as much as jdgen.

Target: at most 5 s on 2 cores, cold. It is judged on the best wall time; only when other
processes took at least a quarter of a core during that run is it judged on the CPU time
spread over the cores jdgen used (CPU / 2 for ``--jobs 2``): the least wall time the same
work can take on two idle cores, a bound that leaves out the parts only one process does.
(A load average read after the run counts jdgen's own two processes, so it cannot tell an
idle machine from a busy one.) The table says which was judged. Exits 1 when missed.

For scale, it also measures the catalog loader alone (load + validate, one core, the
measure ``bench_catalog.py`` holds to >= 500 profiles/s): about half of a cold build is
that loader, so its rate says how fast this machine is next to the one the README's
figures were taken on, and a second ``--jobs 2`` build with the parse cache warm shows the
build without most of it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import generate_catalog, installed_env, jdgen_command, print_table

TARGET = 5.0


def _busy_seconds() -> float:
    """CPU seconds every process on the machine has used since boot (0 where /proc/stat is not there)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run(catalog: Path, out: Path, jobs: int, cache: str | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the process and its children, other processes' share of the
    cores meanwhile) of one build into an empty folder.

    ``cache``: the parse cache folder to use; None for a new, empty one, "" for none at all.
    """
    if out.exists():
        shutil.rmtree(out)
    if cache is None:
        cache = tempfile.mkdtemp(prefix="parse-cache-", dir=out.parent)
    env = installed_env(JDGEN_CACHE_DIR=cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = _busy_seconds()
    start = time.perf_counter()
    subprocess.run([*jdgen_command(), "--catalog", str(catalog), "site", "-o", str(out), "--jobs", str(jobs)],
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    others = max(0.0, _busy_seconds() - busy - cpu) / elapsed / (os.cpu_count() or 1)
    return elapsed, cpu, others


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        catalog = generate_catalog(Path(tmp) / "catalog", args.profiles)
        out = Path(tmp) / "site"
        subprocess.run([*jdgen_command(), "--help"], env=installed_env(), stdout=subprocess.DEVNULL, check=False)
        rows = []
        os.environ["JDGEN_CACHE_DIR"] = ""
        from jdgen.catalog.root import Catalog

        start = time.process_time()
        Catalog(catalog).profiles()
        rate = args.profiles / (time.process_time() - start)
        rows.append(("catalog loader alone (load + validate, one core, in-process)", f"{rate:,.0f} profiles/s",
                     "", True))
        with tempfile.TemporaryDirectory() as cache:
            warm = [run(catalog, out, 2, cache) for _ in range(args.runs + 1)][1:]
        rows.append((f"site, {args.profiles} profiles, --jobs 2, parse cache warm",
                     f"{min(w for w, _, _ in warm):.2f} s wall, {min(c for _, c, _ in warm):.2f} s CPU", "", True))
        for jobs, cache, label in ((2, None, "cold (empty parse cache)"), (2, "", "parse cache off"),
                                   (1, None, "cold (empty parse cache)")):
            results = [run(catalog, out, jobs, cache) for _ in range(args.runs)]
            pages = sum(1 for _ in out.rglob("*.html"))
            best_wall, _, others = min(results)
            best_cpu = min(c for _, c, _ in results)
            spread = best_cpu / jobs
            judged = jobs == 2 and cache is None
            runs = ", ".join(f"{w:.2f}" for w, _, _ in results)
            measure = (f"{best_wall:.2f} s wall (runs {runs}), {best_cpu:.2f} s CPU ({spread:.2f} s per core), "
                       f"others {others:.0%} of the cores")
            if judged:
                by_cpu = others >= 0.125 and best_wall > TARGET  # a quarter of one of two cores
                ok = (spread if by_cpu else best_wall) <= TARGET
                measure += ", judged on " + ("CPU per core (loaded machine)" if by_cpu else "wall")
            rows.append((f"site, {args.profiles} profiles ({pages} pages), --jobs {jobs}, {label}", measure,
                         f"<= {TARGET:.0f} s" if judged else "", ok if judged else True))
    print(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    return 0 if print_table(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
