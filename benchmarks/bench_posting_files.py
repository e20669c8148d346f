"""Lint time on hostile posting files: about 1 MB each, written to make the wording rules work.

    python benchmarks/bench_posting_files.py [--no-cli]

`jdgen lint posting.md` reads files nobody in the catalog wrote: an ATS export, a careers
page, whatever a pull request adds. Each input is as large as the posting reader takes
(1 MB of text, within jdgen.documents.source's structure limits: 2,000 lines, 10,000
Markdown marks, 8,000 HTML tags) and full of what the rules react to. Each is linted
through the API in a fresh process pinned to one core (CPU seconds of `lint_posting_files`,
target 2 s) and through the CLI (`jdgen lint FILE`, start-up and printing included, target
2 s on top of the same command on a one-line posting). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import installed_env, jdgen_command, pin_to_one_core, print_table

TARGET_S = 2.0
BYTES = 1_000_000 - 200
PROSE = ("We want a competitive, dominant rockstar ninja, a digital native for our young and dynamic team. "
         "You will lift 50 pounds, work hard and play hard, with 10+ years of experience, up to $200k+ DOE. "
         "Hey guys, he will join us for beer in the pub. TBD. ")


def _fill(head: str, make, count: int) -> str:
    """``head`` then ``count`` calls of ``make(i, text)``, the text sized to fill BYTES."""
    room = BYTES - len(head.encode()) - sum(len(make(i, "").encode()) for i in range(count))
    each = max(0, room // count)
    text = (PROSE * (each // len(PROSE) + 1))[:each]
    return head + "".join(make(i, text) for i in range(count))


def inputs() -> dict[str, tuple[str, str]]:
    return {
        "md: 1,990 bullets of trigger prose": (
            "md", _fill("# Senior Engineer\n\n## Requirements\n\n", lambda i, t: f"- {i} {t}\n", 1_990)),
        "txt: one 1 MB paragraph of trigger prose": (
            "txt", _fill("Senior Engineer\n\n", lambda i, t: t, 1)),
        "md: one line of 1 MB distinct coded words": (
            "md", "# Engineer\n\n" + " ".join(f"aggressive{i}" for i in range(BYTES // 13))[:BYTES - 20] + "\n"),
        "html: 3,990 list items of trigger prose": (
            "html", _fill("<html><body><main><h1>Senior Engineer</h1><h2>Requirements</h2><ul>\n",
                          lambda i, t: f"<li>{t}</li>\n", 3_990)),
        "md: 1,990 years claims": (
            "md", _fill("# Junior Engineer\n\n", lambda i, t: f"- {i}+ years of experience {t[:20]}\n", 1_990)),
    }


CHILD = """
import json, sys, time
from datetime import date
from jdgen.catalog.root import Catalog
from jdgen.lint.posting_files import lint_posting_files
from jdgen.resources import builtin_catalog
catalog = Catalog(builtin_catalog())
catalog.ladder
start = time.process_time()
result = lint_posting_files(catalog, [(sys.argv[1], None)], location="Denver, CO", as_of=date(2026, 11, 23))
print(json.dumps({"cpu": time.process_time() - start, "findings": len(result.findings)}))
"""


def run_api(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          env=installed_env(JDGEN_CACHE_DIR=""), timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def run_cli(path: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(jdgen_command() + ["lint", str(path), "--location", "Denver, CO", "--as-of", "2026-11-23"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=installed_env(JDGEN_CACHE_DIR=""),
                          timeout=120, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"jdgen lint failed ({done.returncode}):\n{done.stderr.decode()[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI runs")
    args = parser.parse_args()
    pin_to_one_core()
    rows = []
    with tempfile.TemporaryDirectory(prefix="jdgen-posting-files-") as name:
        baseline = 0.0
        if not args.no_cli:
            small = Path(name) / "small.md"
            small.write_text("# Engineer\n\nWe build things.\n", encoding="utf-8")
            baseline = min(run_cli(small) for _ in range(3))
            rows.append(("jdgen lint small.md, cold", f"{baseline:.2f} s", "(baseline)", True))
        for label, (ext, text) in inputs().items():
            path = Path(name) / f"posting.{ext}"
            path.write_text(text, encoding="utf-8")
            assert len(text.encode()) <= 1_000_000, (label, len(text.encode()))
            api = run_api(path)
            rows.append((f"{label} ({api['findings']:,} findings)", f"{api['cpu']:.2f} s", f"<= {TARGET_S:g} s",
                         api["cpu"] <= TARGET_S))
            if not args.no_cli:
                cli = run_cli(path)
                rows.append(("  jdgen lint FILE, cold", f"{cli:.2f} s", f"<= {TARGET_S + baseline:.2f} s",
                             cli <= TARGET_S + baseline))
    met = print_table(rows)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
