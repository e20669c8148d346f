"""Posting render speed.

    python benchmarks/bench_render.py [--profiles 300]

Prints:
* Markdown postings per second in-process for every profile × (generic + every company),
  after start-up (target: at most 2 ms per posting);
* the same for HTML + JSON-LD, for reference;
* cold wall time of `jdgen render AIMLAM.GEN.P4` (target: at most 300 ms), and whether
  python-docx was imported by a Markdown render (it must not be).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import generate_catalog, jdgen_command, pin_to_one_core, print_table, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=300)
    args = parser.parse_args()
    pin_to_one_core()

    from jdgen.catalog.root import Catalog
    from jdgen.catalog.companies import company_files
    from jdgen.postings.batch import batch, render

    rows = []
    os.environ["JDGEN_CACHE_DIR"] = ""  # measure rendering, not the cache
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Catalog(generate_catalog(Path(tmp) / "catalog", args.profiles, companies=True))
        catalog.profiles()  # loading is start-up here; bench_catalog.py measures it
        companies = [None, *sorted(company_files(catalog))]
        when = date(2026, 11, 23)
        postings = list(batch(catalog, companies, when))
        render(catalog, postings[0], ("md",))  # compile templates once
        # JSON-LD is refused for a generic posting (no employer, no location) and, without the flag,
        # for a draft profile; the generated profiles are drafts, so that row renders the company
        # postings with drafts allowed, as `render --jsonld-drafts -c SLUG` would.
        for formats, among, target in ((("md",), companies, 0.002), (("html", "jsonld"), companies[1:], None)):
            start = time.perf_counter()
            count = 0
            for posting in batch(catalog, among, when):
                render(catalog, posting, formats, jsonld_drafts=True)
                count += 1
            per = (time.perf_counter() - start) / count
            label = f"compose + render {'+'.join(formats)}" + ("" if among is companies else ", company postings")
            rows.append((label, f"{per * 1000:.2f} ms/posting",
                         f"<= {target * 1000:.0f} ms" if target else "", target is None or per <= target))
        # What `jdgen render` adds per company posting: lint's error-level posting rules.
        from jdgen.lint import load_config
        from jdgen.lint.engine import lint_posting

        config = load_config(catalog.root)
        gated = [p for p in postings if p.company is not None]
        lint_posting(catalog, gated[0], config=config, as_of=when, severities=("error",))  # load the word lists
        start = time.perf_counter()
        for posting in gated:
            lint_posting(catalog, posting, config=config, as_of=when, severities=("error",))
        per = (time.perf_counter() - start) / len(gated)
        rows.append(("render gate (error rules) per company posting", f"{per * 1000:.2f} ms/posting", "", True))
    docx_imported = "docx" in sys.modules
    rows.append(("python-docx imported by md/html/jsonld", "yes" if docx_imported else "no", "no", not docx_imported))
    command = jdgen_command()
    cwd = Path(tempfile.gettempdir())
    argv = command + ["render", "AIMLAM.GEN.P4", "--date", "2026-11-23"]
    no_cache = {**os.environ, "JDGEN_CACHE_DIR": ""}
    cache_env = {**os.environ, "JDGEN_CACHE_DIR": tempfile.mkdtemp(prefix="jdgen-bench-cache-")}
    cold = wall(argv, cwd=cwd, env=no_cache)
    cached = wall(argv, cwd=cwd, env=cache_env)
    company = wall(argv + ["-c", "northwind"], cwd=cwd, env=no_cache)
    rows.append(("jdgen render AIMLAM.GEN.P4 (cold, no cache)", f"{cold:.0f} ms", "<= 300 ms", cold <= 300))
    rows.append(("jdgen render AIMLAM.GEN.P4 (cold, cached)", f"{cached:.0f} ms", "<= 300 ms", cached <= 300))
    rows.append(("jdgen render AIMLAM.GEN.P4 -c northwind (cold, no cache; lint gate)", f"{company:.0f} ms",
                 "<= 300 ms", company <= 300))
    probe = subprocess.run([sys.executable, "-c", "import sys; from jdgen.cli import main; main(['render', "
                            "'AIMLAM.GEN.P4', '-c', 'northwind', '-f', 'md,html,jsonld', '-o', sys.argv[1]]); "
                            "print('docx' in sys.modules)", str(Path(tempfile.mkdtemp()))],
                           capture_output=True, text=True, cwd=cwd)
    lazy = probe.stdout.strip().endswith("False")
    rows.append(("python-docx imported by the CLI for md", "no" if lazy else "yes", "no", lazy))
    met = print_table(rows)
    print(f"({len(postings)} postings: {args.profiles + 1} profiles x {len(companies)} (generic + companies))")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
