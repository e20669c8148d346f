"""Helpers shared by the benchmark scripts: timing whole commands and generating catalogs."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def jdgen_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m jdgen``."""
    script = Path(sys.executable).with_name("jdgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "jdgen"]


_PYCACHE = Path(tempfile.mkdtemp(prefix="jdgen-bench-pycache-"))


def installed_env(env: dict | None = None, **extra: str) -> dict[str, str]:
    """The environment of a child process that runs jdgen as an installed package would.

    ``pip install`` compiles bytecode; an editable checkout under PYTHONDONTWRITEBYTECODE
    would recompile jdgen's modules on every start and measure the compiler instead.
    """
    result = {**(os.environ if env is None else env), "PYTHONPYCACHEPREFIX": str(_PYCACHE), **extra}
    result.pop("PYTHONDONTWRITEBYTECODE", None)
    result.pop("JDGEN_CATALOG", None)
    return result


def wall(argv: list[str], *, runs: int = 7, cwd: Path | None = None, env: dict | None = None) -> float:
    """Median wall time in ms of running ``argv`` as a fresh process (output discarded), after one warm-up run."""
    env = installed_env(env)
    subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# Seniority words of each P level as titles spell them, long and short (the ladder's JD303 reading).
_SENIORITY = {1: ("Junior", "Jr."), 2: ("Associate", "Assoc."), 3: ("Mid-level", "Mid"), 4: ("Senior", "Sr."),
              5: ("Staff", "Staff"), 6: ("Principal", "Principal")}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


def generate_catalog(root: Path, count: int, *, companies: bool = False, shared_titles: bool = False) -> Path:
    """A catalog of ``count`` profiles: the built-in P4 copied across invented functions and P levels.

    Each copy gets its own title and title aliases, named after its invented function and
    fitting its level, as a real catalog's roles do: 25,000 roles of a real employer do
    not all answer to "Senior Machine Learning Engineer". Copies that kept P4's titles made
    every profile claim the same 15 aliases, so the cross-profile alias rule (JD104) reported
    each alias once per profile, naming the others: 15 findings a profile, most of what
    a 25,000-profile run reported, held and printed by the main process. That measured a
    catalog nobody keeps. ``shared_titles`` keeps P4's titles in every copy, for the
    benchmarks and tests of that worst case (many profiles claiming one alias), which must
    still work and stay bounded.

    With ``companies``, the built-in AIMLAM.GEN.P4 and the shipped companies come along
    (their role overrides name it), so every posting path is exercised. Above about 6,000
    profiles the catalog has no taxonomy (see the note where it is written).
    """
    if root.exists():
        shutil.rmtree(root)
    source = REPO / "profiles"
    (root / "roles").mkdir(parents=True)
    shutil.copy(source / "ladder.yaml", root / "ladder.yaml")
    (root / "jdgen.toml").write_text("[catalog]\nname = 'generated'\n")
    template = (source / "roles" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")
    levels = {1: (0, 2), 2: (1, 3), 3: (3, 5), 4: (5, 8), 5: (8, 12), 6: (12, 18)}
    functions = []
    for n in range(count):
        function = f"FN{n // 6:04d}"
        level = n % 6 + 1
        if level == 1:
            functions.append(function)
        lo, hi = levels[level]
        text = (template.replace("AIMLAM.GEN.P4", f"{function}.GEN.P{level}")
                .replace("code: AIMLAM", f"code: {function}")
                .replace("level: P4", f"level: P{level}")
                .replace("5-8 years of experience", f"{lo}-{hi} years of experience"))
        if not shared_titles:
            text = _own_titles(text, function, level)
        (root / "roles" / f"{function}.GEN.P{level}.yaml").write_text(text, encoding="utf-8")
    taxonomy = ["schema_version: 1", "functions:"]
    for function in functions:
        taxonomy += [f"  - code: {function}", f"    name: Function {function}",
                     "    focuses:", "      - code: GEN", "        name: General"]
    if companies:
        shutil.copytree(source / "companies", root / "companies")
        shutil.copy(source / "roles" / "AIMLAM.GEN.P4.yaml", root / "roles" / "AIMLAM.GEN.P4.yaml")
        taxonomy += ["  - code: AIMLAM", "    name: AI/ML", "    focuses:", "      - code: GEN", "        name: General"]
    # A file holds at most 2,000 list items, and the taxonomy has two per family (the function
    # and its focus): past 1,000 families (about 6,000 profiles) it cannot list them all, so
    # the catalog goes without one, as a catalog may.
    if sum(line.lstrip().startswith("- ") for line in taxonomy) <= 2000:
        (root / "taxonomy.yaml").write_text("\n".join(taxonomy) + "\n", encoding="utf-8")
    return root


def _own_titles(text: str, function: str, level: int) -> str:
    """The P4 template's title and aliases renamed for ``function`` at ``level``: the field
    names carry the function, the numerals and seniority words the level."""
    long, short = _SENIORITY[level]
    title = " ".join(filter(None, (long, function.title(), "Engineer", _ROMAN[level])))
    lines = text.splitlines(keepends=True)
    start = lines.index("title_aliases:\n")
    for i, line in enumerate(lines):
        if line.startswith("title: Senior AI/ML Engineer / Tech Lead"):
            lines[i] = f"title: {title}\n"
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.startswith(("  ", "#", "\n")):
            break
        if not line.startswith("  - title: "):
            continue
        alias = line[len("  - title: "):].rstrip("\n")
        if alias == "Senior AI/ML Engineer / Tech Lead":
            alias = title
        else:
            for old, new in (("Senior ", long), ("Sr. ", short)):
                if alias.startswith(old):
                    alias = f"{new} {alias[len(old):]}".strip()
            alias = alias.replace(" IV", f" {_ROMAN[level]}").replace(" 4", f" {level}")
            alias = alias.replace("Learning", f"Learning {function.title()}").replace("Modeling", f"Modeling {function.title()}")
        lines[i] = f"  - title: {alias}\n"
    return "".join(lines)


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def print_table(rows: list[tuple[str, str, str, bool]]) -> bool:
    """Print measure / result / target / ok rows as one aligned table; True when every target is met."""
    width = max(len(r[0]) for r in rows)
    value_width = max(len(str(r[1])) for r in rows)
    target_width = max(len(r[2]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>{value_width}}  {'target':<{target_width}}  ok")
    for name, value, target, ok in rows:
        print(f"{name:<{width}}  {value:>{value_width}}  {target:<{target_width}}  {'yes' if ok else 'NO'}")
    return all(r[3] for r in rows)
