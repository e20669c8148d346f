"""Cold start: what jdgen adds to the bare import of the libraries each command needs.

    python benchmarks/bench_startup.py [--runs 15]

Runs, alternating so that a busy machine slows each the same, ``--runs`` times each:

* ``python -c "import typer, pydantic, jinja2, yaml"``, the libraries ``jdgen render``
  needs, and ``jdgen render AIMLAM.GEN.P4`` (Markdown to standard output) without a
  parse cache (JDGEN_CACHE_DIR empty) and with a warm one (the default);
* ``python -c "import typer"``, the library ``jdgen --help`` needs, and ``jdgen --help``;
* for reference, the floor of any command-line tool built this way: the same four imports and
  a typer command with one string argument and one option, run with both. typer 0.29 converts
  every option's value through a pydantic TypeAdapter, so this alone brings in pydantic's
  model machinery, which ``import pydantic`` defers; the ratio of this row to the bare
  imports shows how much of the render target typer itself takes;
* for reference too, the same four imports and one pydantic model (one integer field)
  validating one value, no typer command: what any use of a pydantic model costs on its own.
  jdgen checks every catalog file with its models, so a render pays this whatever typer does
  (with typer 0.28, which built no TypeAdapters, jdgen's render took about the same CPU time).

Each run is a fresh process with compiled bytecode (PYTHONPYCACHEPREFIX, warmed first),
as an installed jdgen has it. Prints the median wall time and the median CPU time (user
+ system) of each, and the ratio of jdgen to its bare import (targets: render at most
1.5x, --help at most 1.2x, by wall time as the issue states; the CPU ratio is the steadier
figure on a shared machine). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import installed_env, jdgen_command, print_table

BARE_RENDER = "import typer, pydantic, jinja2, yaml"
BARE_HELP = "import typer"
TYPER_FLOOR = """
import typer, pydantic, jinja2, yaml
app = typer.Typer()
@app.command()
def render(code: str, date: str = typer.Option(None, "--date")):
    print(code, date)
@app.command()
def other():
    pass
app()
"""
PYDANTIC_FLOOR = """
import typer, pydantic, jinja2, yaml
class Model(pydantic.BaseModel):
    x: int
Model.model_validate({"x": 1})
"""


def timed(argv: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of ``argv``, its output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup_rows(runs: int = 15) -> list[tuple[str, str, str, bool]]:
    """The table's rows: each command's median wall and CPU time, then the ratios."""
    cwd = Path(tempfile.mkdtemp(prefix="jdgen-bench-startup-"))
    no_cache = installed_env(JDGEN_CACHE_DIR="")
    warm = installed_env(JDGEN_CACHE_DIR=str(cwd / "cache"))
    render = jdgen_command() + ["render", "AIMLAM.GEN.P4", "--date", "2026-11-23"]
    cases = {
        "bare render imports": ([sys.executable, "-c", BARE_RENDER], no_cache),
        "render, no cache": (render, no_cache),
        "render, warm cache": (render, warm),
        "bare --help imports": ([sys.executable, "-c", BARE_HELP], no_cache),
        "jdgen --help": (jdgen_command() + ["--help"], no_cache),
        "one-option typer command": ([sys.executable, "-c", TYPER_FLOOR, "render", "AIMLAM.GEN.P4", "--date",
                                      "2026-11-23"], no_cache),
        "one pydantic model": ([sys.executable, "-c", PYDANTIC_FLOOR], no_cache),
    }
    for argv, env in cases.values():          # bytecode, and the warm cache, once
        subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (argv, env) in cases.items():
            times[name].append(timed(argv, env, cwd))
    wall = {name: statistics.median(t[0] for t in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(t[1] for t in runs) for name, runs in times.items()}
    rows = [(f"{name} (wall / CPU)", f"{wall[name] * 1000:.0f} / {cpu[name] * 1000:.0f} ms", "", True)
            for name in cases]
    for label, bare, target in (("render, no cache", "bare render imports", 1.5),
                                ("render, warm cache", "bare render imports", 1.5),
                                ("jdgen --help", "bare --help imports", 1.2),
                                ("one-option typer command", "bare render imports", None),
                                ("one pydantic model", "bare render imports", None)):
        ratio, steady = wall[label] / wall[bare], cpu[label] / cpu[bare]
        rows.append((f"{label} / {bare} (wall; CPU)", f"{ratio:.2f}x; {steady:.2f}x",
                     "" if target is None else f"<= {target}x", target is None or ratio <= target))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    met = print_table(startup_rows(args.runs))
    load = os.getloadavg()
    print(f"({args.runs} alternating runs each, median; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
