"""The performance budget: one table of every target, for anyone to run.

    python benchmarks/budget.py [--profiles 2000]

Cold timings run ``jdgen`` as a fresh process with bytecode compiled (as an installed
jdgen has it) and no parse cache, and the start-up ratios of bench_startup.py follow them; batch and lint figures run in a child process
pinned to one core, which also reports its peak memory. pandoc is timed as a reference
where it is installed. The last row is the slowest of bench_adversarial.py's hostile
inputs (CPU seconds; that script shows each). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import generate_catalog, installed_env, jdgen_command, print_table, wall
from bench_adversarial import INPUTS
from bench_adversarial import build as build_adversarial
from bench_adversarial import run_api as lint_adversarial
from bench_lint import build_catalog
from bench_startup import startup_rows

BATCH = """
import os, resource, sys, time
from datetime import date
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from jdgen.catalog.root import Catalog
from jdgen.catalog.companies import company_files
from jdgen.postings.batch import batch, render
catalog = Catalog(__import__("pathlib").Path(sys.argv[1]))
catalog.profiles()
companies = [None, *sorted(company_files(catalog))]
fmt = sys.argv[2]
postings = list(batch(catalog, companies, date(2026, 11, 23)))
for posting in postings[:len(companies)]:
    render(catalog, posting, (fmt,))
start = time.perf_counter()
for posting in postings:
    render(catalog, posting, (fmt,))
elapsed = time.perf_counter() - start
print(len(postings), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

LINT = """
import os, resource, sys, time
from datetime import date
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from jdgen.catalog.root import Catalog
from jdgen.lint import lint
catalog = Catalog(__import__("pathlib").Path(sys.argv[1]))
start = time.perf_counter()
result = lint(catalog, as_of=date(2026, 11, 23))
elapsed = time.perf_counter() - start
errors = sum(1 for f in result.findings if f.severity == "error")
print(result.postings, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, errors)
"""


def child(script: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          env=installed_env(JDGEN_CACHE_DIR=""))
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return done.stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=2000)
    parser.add_argument("--batch-profiles", type=int, default=300)
    args = parser.parse_args()
    rows: list[tuple[str, str, str, bool]] = []
    command = jdgen_command()
    with tempfile.TemporaryDirectory(prefix="jdgen-budget-") as name:
        tmp = Path(name)
        cold = installed_env(JDGEN_CACHE_DIR="")
        for label, argv, target in (
            ("jdgen --help", ["--help"], 150),
            ("jdgen lint (built-in catalog)", ["lint", "--as-of", "2026-11-23"], 1000),
            ("jdgen render AIMLAM.GEN.P4 (md)", ["render", "AIMLAM.GEN.P4", "--date", "2026-11-23"], 300),
            ("jdgen render AIMLAM.GEN.P4 --format docx",
             ["render", "AIMLAM.GEN.P4", "-f", "docx", "-o", f"{tmp}/cold/", "--date", "2026-11-23"], 400),
        ):
            ms = wall(command + argv, cwd=tmp, env=cold)
            rows.append((f"{label}, cold", f"{ms:.0f} ms", f"<= {target} ms", ms <= target))
        # What jdgen adds to the bare import of the libraries it needs (bench_startup.py).
        rows += startup_rows(15)[-3:]      # its three ratios

        small = generate_catalog(tmp / "batch", args.batch_profiles, companies=True)
        for fmt, target_ms in (("md", 2.0), ("docx", 5.0)):
            count, seconds, rss = child(BATCH, str(small), fmt)
            per = float(seconds) * 1000 / int(count)
            rows.append((f"batch {fmt}, in-process (compose + render)", f"{per:.2f} ms/doc",
                         f"<= {target_ms:g} ms", per <= target_ms))
            rows.append((f"  peak memory of that {fmt} batch ({count} docs)", f"{int(rss) / 1024:.0f} MB", "<= 200 MB",
                         int(rss) / 1024 <= 200))
        pandoc = shutil.which("pandoc")
        if pandoc:
            source = tmp / "posting.md"
            done = subprocess.run(command + ["render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23"],
                                  capture_output=True, env=cold, cwd=tmp)
            source.write_bytes(done.stdout)
            start = time.perf_counter()
            for i in range(10):
                subprocess.run([pandoc, str(source), "-o", str(tmp / f"p{i}.docx")], check=True)
            rows.append(("  reference: pandoc posting.md -o posting.docx", f"{(time.perf_counter() - start) * 100:.0f} ms/doc",
                         "", True))
        else:
            rows.append(("  reference: pandoc", "not installed", "", True))

        big = build_catalog(tmp / "lint", args.profiles)  # generic + 3 companies per profile, as bench_lint.py
        postings, seconds, rss, errors = child(LINT, str(big))
        rate = int(postings) / float(seconds)
        rows.append((f"lint, {int(postings):,} postings, one core", f"{rate:,.0f} postings/s", ">= 250/s", rate >= 250))
        rows.append(("  peak memory of that lint run", f"{int(rss) / 1024:.0f} MB", "", True))
        rows.append(("  error findings in the generated catalog", errors, "0", errors == "0"))

        # The slowest of bench_adversarial.py's hostile 1 MB inputs, linted through the API on one core.
        seconds = {}
        for name in INPUTS:
            done = lint_adversarial(build_adversarial(tmp, name), False, 60.0)
            seconds[name] = done["cpu"] if done else float("inf")  # None: stopped after 60 s
        worst = max(seconds, key=seconds.get)
        rows.append((f"lint, slowest of {len(INPUTS)} hostile 1 MB inputs ({worst})", f"{seconds[worst]:.2f} s CPU",
                     "<= 2 s", seconds[worst] <= 2.0))

    met = print_table(rows)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
