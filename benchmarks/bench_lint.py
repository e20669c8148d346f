"""Lint speed.

    python benchmarks/bench_lint.py [--profiles 2000] [--cprofile] [--rule-times]

Prints one table:
* lint throughput in postings per second on one core, with no parse cache, over a
  generated catalog: ``--profiles`` copies of the built-in P4 profile (plus P4 itself), each
  linted generic and with three companies (the two shipped ones and a copy of Northwind
  without its role override), so 2,000 profiles make 8,004 postings (target: at least 250
  per second);
* the same catalog's load-and-validate time alone (what `jdgen validate` does), and the
  difference: composing the postings and running the rules;
* cold wall time of `jdgen lint` on the built-in catalog (target: at most 1 s).

Below the table: what the generated catalog's lint reported, by code. Exit status 1 when a
target is missed. ``--cprofile`` lints once more under cProfile and prints the top costs;
``--rule-times`` prints the seconds spent in each rule's check.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import dataclasses
import io
import os
import pstats
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import generate_catalog, jdgen_command, pin_to_one_core, print_table, wall

AS_OF = date(2026, 11, 23)
THIRD = "northwind-west"


def add_third_company(root: Path) -> None:
    """A copy of Northwind under another slug, without the role override (every role, defaults only)."""
    text = (root / "companies" / "northwind.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("roles:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "\n", "#")), len(lines))
    text = "".join(lines[:start] + lines[end:])
    text = text.replace("slug: northwind", f"slug: {THIRD}").replace("Northwind Analytics, Inc.", "Northwind West, Inc.")
    (root / "companies" / f"{THIRD}.yaml").write_text(text, encoding="utf-8")


def build_catalog(tmp: Path, count: int, *, shared_titles: bool = False) -> Path:
    root = generate_catalog(tmp / "catalog", count, companies=True, shared_titles=shared_titles)
    add_third_company(root)
    return root


def timed_lint(root: Path):
    from jdgen.catalog.root import Catalog
    from jdgen.lint import lint

    start = time.perf_counter()
    result = lint(Catalog(root), as_of=AS_OF)
    return result, time.perf_counter() - start


def timed_validate(root: Path):
    from jdgen.catalog.root import Catalog
    from jdgen.lint.validate import validate

    start = time.perf_counter()
    report = validate(Catalog(root))
    return report, time.perf_counter() - start


def rule_times(root: Path) -> list[tuple[str, float]]:
    """Seconds inside each rule's check, measured by wrapping the registered checks for one run."""
    from jdgen.lint.ruleset import all_rules

    rules = all_rules()
    saved = dict(rules)
    spent: collections.Counter[str] = collections.Counter()

    def wrap(code, check):
        def timed(*args):
            start = time.perf_counter()
            hits = list(check(*args))
            spent[code] += time.perf_counter() - start
            return hits
        return timed

    try:
        for code, rule in saved.items():
            rules[code] = dataclasses.replace(rule, check=wrap(code, rule.check))
        timed_lint(root)
    finally:
        rules.clear()
        rules.update(saved)
    return spent.most_common()


def cprofile_top(root: Path, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    timed_lint(root)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"jdgen", top)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=2000)
    parser.add_argument("--cprofile", action="store_true", help="lint once more under cProfile and print the top costs")
    parser.add_argument("--rule-times", action="store_true", help="print the time spent in each rule")
    parser.add_argument("--top", type=int, default=20, help="rows of cProfile output")
    args = parser.parse_args()
    pin_to_one_core()
    os.environ["JDGEN_CACHE_DIR"] = ""  # measure parsing, validation and rules, not the cache

    import jdgen.lint.engine  # noqa: F401  (imports and rule registration are start-up, not per posting)
    from jdgen.lint.ruleset import all_rules

    all_rules()
    with tempfile.TemporaryDirectory() as tmp:
        root = build_catalog(Path(tmp), args.profiles)
        report, load_s = timed_validate(root)
        result, lint_s = timed_lint(root)
        extra = []
        if args.rule_times:
            extra.append("seconds per rule (one more run):\n" + "\n".join(
                f"  {code}  {seconds:7.2f} s" for code, seconds in rule_times(root) if seconds >= 0.005))
        if args.cprofile:
            extra.append(cprofile_top(root, args.top))
    files = len(report.files)
    postings = result.postings
    rate = postings / lint_s
    overhead = lint_s - load_s

    command = jdgen_command()
    cwd = Path(tempfile.gettempdir())  # no jdgen.toml here or above: the built-in catalog
    no_cache = {**os.environ, "JDGEN_CACHE_DIR": ""}
    cache_env = {**os.environ, "JDGEN_CACHE_DIR": tempfile.mkdtemp(prefix="jdgen-bench-cache-")}
    lint_argv = command + ["lint", "--as-of", AS_OF.isoformat()]
    lint_ms = wall(lint_argv, cwd=cwd, env=no_cache)
    lint_cached_ms = wall(lint_argv, cwd=cwd, env=cache_env)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        (f"lint, one core ({postings:,} postings)", f"{rate:,.0f} postings/s", ">= 250 postings/s", rate >= 250),
        ("  wall time", f"{lint_s:.1f} s", "", True),
        ("  per posting", f"{lint_s / postings * 1000:.2f} ms", "<= 4 ms", lint_s / postings <= 0.004),
        (f"load + validate alone ({files:,} files)", f"{load_s:.1f} s", "", True),
        ("overhead of lint over load + validate", f"{overhead:.1f} s ({overhead / lint_s:.0%})", "", True),
        ("peak memory of this process", f"{peak_mb:,.0f} MB", "", True),
        ("jdgen lint (built-in, cold, no cache)", f"{lint_ms:.0f} ms", "<= 1000 ms", lint_ms <= 1000),
        ("jdgen lint (built-in, cold, cached)", f"{lint_cached_ms:.0f} ms", "", True),
    ]
    met = print_table(rows)
    counts = collections.Counter((f.code, f.severity) for f in result.findings)
    found = ", ".join(f"{code} {n:,} {severity}" for (code, severity), n in sorted(counts.items())) or "none"
    print(f"(generated catalog: {args.profiles} profiles + AIMLAM.GEN.P4, 3 companies; findings: {found}; "
          f"python {sys.version.split()[0]})")
    if not met and not args.cprofile:
        print("a target is missed: run with --cprofile and --rule-times to see where the time goes")
    for block in extra:
        print()
        print(block.rstrip())
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
