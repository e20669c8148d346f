"""DOCX posting speed and memory.

    python benchmarks/bench_docx.py [--profiles 300] [--pandoc-docs 20] [--memory-docs 1000] [--all-postings 10004]
                                    [--all-only]

Prints one table:
* the DOCX step in-process (Markdown in, .docx bytes out) over every profile of a generated
  catalog × (generic + every company), after start-up (target: at most 5 ms per document);
  the Markdown rendering it starts from, and the whole compose + Markdown + DOCX per
  document, are timed separately;
* `pandoc posting.md -o posting.docx`, one process per document, for reference (skipped
  when pandoc is not installed), and how many times faster jdgen's batch is;
* peak memory (ru_maxrss) of `jdgen render --all --all-companies -f docx` writing about
  1,000 documents, in a child process (target: at most 200 MB);
* cold wall time of `jdgen render AIMLAM.GEN.P4 --format docx -o DIR` without a cache
  (JDGEN_CACHE_DIR empty) and with a warm cache (target: at most 400 ms each);
* `jdgen render --all -f docx` end to end (load, compose, render, write) of a generated
  catalog of ``--all-postings`` profiles (generic postings, one each), on every usable
  core (the default --jobs), with a warm parse cache and without one (target: at least
  800 documents per second on 2 cores); 0 skips it, ``--all-only`` measures nothing else.

Child processes run with compiled bytecode (PYTHONPYCACHEPREFIX in a temporary folder,
warmed by one run first), as an installed jdgen does, even where the environment sets
PYTHONDONTWRITEBYTECODE. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import generate_catalog, installed_env, jdgen_command, pin_to_one_core, print_table, wall

DATE = date(2026, 11, 23)
MEMORY_SCRIPT = """
import contextlib, io, os, resource, sys, time
from jdgen.cli import main
start = time.perf_counter()
with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
    # --allow-errors: generated profiles have no German translation, which the lint gate
    # reports for every Lindenhof posting (JD801); the batch is to write them all.
    code = main(["--catalog", sys.argv[1], "render", "--all", "--all-companies", "-f", "docx", "-o", sys.argv[2],
                 "--date", "2026-11-23", "--allow-errors"])
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - start)
"""

LOAD_SCRIPT = """
import pathlib, resource, sys
from jdgen.catalog.root import Catalog
Catalog(pathlib.Path(sys.argv[1])).profiles()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def in_process(profiles: int, tmp: Path) -> tuple[list[tuple], list[str], float]:
    """Rows for the in-process measures, the Markdown of the first postings, and docs/s of the whole batch."""
    from jdgen.catalog.root import Catalog
    from jdgen.catalog.companies import company_files
    from jdgen.postings.batch import batch, render
    from jdgen.render.docx.posting_docx import render_docx
    from jdgen.render.markdown import render_markdown

    catalog = Catalog(generate_catalog(tmp / "catalog", profiles, companies=True))
    catalog.profiles()                      # loading is start-up here; bench_catalog.py measures it
    companies = [None, *sorted(company_files(catalog))]
    postings = list(batch(catalog, companies, DATE))
    templates = catalog.templates_dir
    warnings: list[str] = []
    for posting in postings[:len(companies)]:        # compile templates, parse each reference document once
        render(catalog, posting, ("md", "docx"))

    start = time.perf_counter()
    markdowns = [render_markdown(posting, templates) for posting in postings]
    md_per = (time.perf_counter() - start) / len(postings)

    start = time.perf_counter()
    sizes = 0
    for posting, markdown in zip(postings, markdowns):
        sizes += len(render_docx(catalog, posting, markdown, warnings.append))
    docx_per = (time.perf_counter() - start) / len(postings)

    start = time.perf_counter()
    for posting in batch(catalog, companies, DATE):
        render(catalog, posting, ("docx",))
    full_per = (time.perf_counter() - start) / len(postings)

    rows = [
        ("DOCX step in-process (Markdown -> .docx)", f"{docx_per * 1000:.2f} ms/doc", "<= 5 ms", docx_per <= 0.005),
        ("  the same, documents per second", f"{1 / docx_per:,.0f} docs/s", "", True),
        ("  Markdown it starts from (not included)", f"{md_per * 1000:.2f} ms/doc", "", True),
        ("compose + Markdown + DOCX in-process", f"{full_per * 1000:.2f} ms/doc", "", True),
        ("  the same, documents per second", f"{1 / full_per:,.0f} docs/s", "", True),
    ]
    print(f"({len(postings)} postings: {profiles + 1} profiles x {len(companies)} (generic + companies); "
          f"average .docx {sizes / len(postings) / 1024:.1f} KiB)")
    return rows, markdowns, 1 / full_per


def pandoc_rows(markdowns: list[str], count: int, jdgen_rate: float, tmp: Path) -> list[tuple]:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("(pandoc is not installed: its reference column is skipped)")
        return [("pandoc posting.md -o posting.docx", "not installed", "", True)]
    folder = tmp / "pandoc"
    folder.mkdir()
    sources = []
    for i, markdown in enumerate(markdowns[:count]):
        path = folder / f"posting{i}.md"
        path.write_text(markdown, encoding="utf-8")
        sources.append(path)
    subprocess.run([pandoc, str(sources[0]), "-o", str(folder / "warm.docx")], check=True)
    start = time.perf_counter()
    for path in sources:
        subprocess.run([pandoc, str(path), "-o", str(path.with_suffix(".docx"))], check=True)
    rate = len(sources) / (time.perf_counter() - start)
    return [(f"pandoc posting.md -o posting.docx ({len(sources)} processes)", f"{rate:,.1f} docs/s", "", True),
            ("  jdgen batch vs pandoc", f"{jdgen_rate / rate:,.0f}x faster", "", True)]


def memory_row(docs: int, tmp: Path) -> list[tuple]:
    """Peak RSS of a child that renders about ``docs`` documents (every profile × every company)."""
    per_company = -(-docs // 2)            # the shipped catalog has two companies; --all-companies skips generic
    root = generate_catalog(tmp / "memory-catalog", per_company - 1, companies=True)
    out = tmp / "memory-out"
    done = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(root), str(out)], capture_output=True, text=True,
                          env=installed_env(JDGEN_CACHE_DIR=""), cwd=tmp)
    fields = done.stdout.split()
    if done.returncode != 0 or len(fields) != 3 or fields[0] != "0":
        print(f"memory child failed: {done.stdout[-2000:]} {done.stderr[-2000:]}", file=sys.stderr)
        return [("peak memory of a DOCX batch", "failed", "<= 200 MB", False)]
    loaded = subprocess.run([sys.executable, "-c", LOAD_SCRIPT, str(root)], capture_output=True, text=True,
                            env=installed_env(JDGEN_CACHE_DIR=""), cwd=tmp)
    load_mb = int(loaded.stdout.split()[0]) / 1024 if loaded.returncode == 0 and loaded.stdout.strip() else None
    written = len(list(out.glob("*.docx")))
    peak_mb = int(fields[1]) / 1024                     # Linux reports KiB
    seconds = float(fields[2])
    return [(f"peak memory, {written:,} documents in one process", f"{peak_mb:.0f} MB", "<= 200 MB", peak_mb <= 200),
            ("  loading that catalog alone, for comparison", f"{load_mb:.0f} MB" if load_mb else "?", "", True),
            ("  that batch end to end (load + write files)", f"{seconds * 1000 / written:.2f} ms/doc", "", True)]


def cold_rows(tmp: Path) -> list[tuple]:
    out = tmp / "cold-out"
    argv = jdgen_command() + ["render", "AIMLAM.GEN.P4", "--format", "docx", "-o", f"{out}/", "--date", "2026-11-23"]
    no_cache = installed_env(JDGEN_CACHE_DIR="")
    warm = installed_env(JDGEN_CACHE_DIR=str(tmp / "warm-cache"))
    subprocess.run(argv, env=warm, cwd=tmp, capture_output=True, check=True)   # bytecode and the cache, once
    cold = wall(argv, cwd=tmp, env=no_cache)
    cached = wall(argv, cwd=tmp, env=warm)
    md = wall(jdgen_command() + ["render", "AIMLAM.GEN.P4", "--date", "2026-11-23"], cwd=tmp, env=no_cache)
    return [("jdgen render AIMLAM.GEN.P4 -f docx (cold, no cache)", f"{cold:.0f} ms", "<= 400 ms", cold <= 400),
            ("jdgen render AIMLAM.GEN.P4 -f docx (cold, warm cache)", f"{cached:.0f} ms", "<= 400 ms", cached <= 400),
            ("  for comparison: the same to Markdown (no cache)", f"{md:.0f} ms", "", True)]


def render_all_rows(postings: int, tmp: Path) -> list[tuple]:
    """Documents per second of `jdgen render --all -f docx` in a child process, on every usable core."""
    import resource

    from jdgen.postings.parallel import usable_cores

    root = generate_catalog(tmp / "all-catalog", postings)      # one generic posting per generated profile
    rows = []
    for label, cache in (("warm cache", str(tmp / "all-cache")), ("no cache", "")):
        env = installed_env(JDGEN_CACHE_DIR=cache)
        argv = jdgen_command() + ["--catalog", str(root), "render", "--all", "-f", "docx", "-o", str(tmp / "all-out"),
                                  "--date", "2026-11-23"]
        if cache:      # fill the parse cache and the bytecode first
            subprocess.run(argv, env=env, cwd=tmp, capture_output=True, check=False)
        shutil.rmtree(tmp / "all-out", ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, cwd=tmp, capture_output=True, check=False)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        written = len(list((tmp / "all-out").glob("*.docx")))
        rate = written / seconds
        ok = done.returncode == 0 and written == postings
        load = os.getloadavg()[0]
        rows.append((f"render --all -f docx, {written:,} documents, {usable_cores()} cores, {label}",
                     f"{rate:,.0f} docs/s", ">= 800/s", ok and rate >= 800))
        rows.append(("  its wall time; CPU per document (all processes); load after", f"{seconds:.1f} s; "
                     f"{cpu * 1000 / max(written, 1):.2f} ms; {load:.1f}", "", ok))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=300)
    parser.add_argument("--pandoc-docs", type=int, default=20)
    parser.add_argument("--memory-docs", type=int, default=1000)
    parser.add_argument("--all-postings", type=int, default=10_004)
    parser.add_argument("--all-only", action="store_true", help="measure only `jdgen render --all -f docx`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jdgen-bench-docx-all-") as name:
        all_rows = render_all_rows(args.all_postings, Path(name)) if args.all_postings else []
    if args.all_only:
        met = print_table(all_rows)
        print("(load average {:.2f} {:.2f} {:.2f})".format(*os.getloadavg()))
        return 0 if met else 1
    pin_to_one_core()
    os.environ["JDGEN_CACHE_DIR"] = ""        # measure rendering, not the cache
    with tempfile.TemporaryDirectory(prefix="jdgen-bench-docx-") as name:
        tmp = Path(name)
        rows, markdowns, rate = in_process(args.profiles, tmp)
        rows += pandoc_rows(markdowns, args.pandoc_docs, rate, tmp)
        rows += memory_row(args.memory_docs, tmp)
        rows += cold_rows(tmp)
    rows += all_rows
    met = print_table(rows)
    load = os.getloadavg()
    print(f"(load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
