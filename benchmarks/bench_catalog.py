"""Catalog loading and validation speed.

    python benchmarks/bench_catalog.py [--profiles 2000]

Prints:
* profiles per second for load + schema validation + cross-checks + typed model, on one
  core, over a generated catalog (target: at least 500 per second). Schema validation
  here is the strict model, which accepts exactly what the JSON Schema accepts
  (tests/test_schema_model_equivalence.py); jsonschema itself runs only on refused
  files, and its stand-alone rate is printed for reference;
* cold wall time of `jdgen list` and `jdgen validate` on the built-in catalog
  (target for `jdgen list`: at most 300 ms).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _common import generate_catalog, jdgen_command, pin_to_one_core, print_table, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=2000)
    args = parser.parse_args()
    pin_to_one_core()

    from jdgen.catalog.root import Catalog
    from jdgen.catalog.schema_messages import schema_diagnostics  # noqa: F401  (imports counted as start-up, not per profile)

    with tempfile.TemporaryDirectory() as tmp:
        root = generate_catalog(Path(tmp) / "catalog", args.profiles)
        os.environ["JDGEN_CACHE_DIR"] = ""  # measure parsing and validation, not the cache
        catalog = Catalog(root)
        catalog.ladder, catalog.taxonomy  # start-up, not per profile
        start = time.perf_counter()
        loaded = catalog.profiles()
        elapsed = time.perf_counter() - start
        os.environ["JDGEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        Catalog(root).profiles()  # fills the cache
        start = time.perf_counter()
        Catalog(root).profiles()
        cached_rate = len(loaded) / (time.perf_counter() - start)
        # For comparison: what running jsonschema over every file would cost. jdgen runs it
        # only on files the strict model refuses, to word the messages (see jdgen.catalog.models).
        from jdgen.catalog.schemas import validator

        check = validator("profile")
        sample = loaded[:200]
        start = time.perf_counter()
        for item in sample:
            check.is_valid(item.doc.data)
        jsonschema_rate = len(sample) / (time.perf_counter() - start)
    rate = len(loaded) / elapsed
    command = jdgen_command()
    cwd = Path(tempfile.gettempdir())
    no_cache = {**os.environ, "JDGEN_CACHE_DIR": ""}
    cache_env = {**os.environ, "JDGEN_CACHE_DIR": tempfile.mkdtemp(prefix="jdgen-bench-cache-")}
    list_ms = wall(command + ["list"], cwd=cwd, env=no_cache)
    list_cached_ms = wall(command + ["list"], cwd=cwd, env=cache_env)
    validate_ms = wall(command + ["validate"], cwd=cwd, env=no_cache)
    help_ms = wall(command + ["--help"], cwd=cwd)

    rows = [
        ("load + validate, one core", f"{rate:,.0f} profiles/s", ">= 500 profiles/s", rate >= 500),
        ("per profile", f"{elapsed / len(loaded) * 1000:.2f} ms", "<= 2 ms", elapsed / len(loaded) <= 0.002),
        ("(jsonschema alone, for reference)", f"{jsonschema_rate:,.0f} profiles/s", "", True),
        ("load from the parse cache", f"{cached_rate:,.0f} profiles/s", "", True),
        ("jdgen list (built-in, cold, no cache)", f"{list_ms:.0f} ms", "<= 300 ms", list_ms <= 300),
        ("jdgen list (built-in, cold, cached)", f"{list_cached_ms:.0f} ms", "<= 300 ms", list_cached_ms <= 300),
        ("jdgen validate (built-in, cold, no cache)", f"{validate_ms:.0f} ms", "", True),
        ("jdgen --help (cold)", f"{help_ms:.0f} ms", "<= 150 ms", help_ms <= 150),
    ]
    met = print_table(rows)
    print(f"({len(loaded)} generated profiles; python {sys.version.split()[0]})")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
