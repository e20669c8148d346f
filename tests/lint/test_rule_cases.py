"""Rule cases as data: ``tests/lint/cases/*.yaml``, one file per rule group.

Each file is a list of cases::

    - name: jd301-open-range-above-level      # unique; the pytest id
      rule: JD301                             # only this code's findings are compared
      profile:                                # edits to roles/AIMLAM.GEN.P4.yaml
        replace: {old: "...", new: "..."}     # text edit; `old` must occur exactly once
      company:                                # edits to companies/<slug>.yaml
        slug: northwind                       # the default
        replace: [{old: ..., new: ...}, ...]  # several edits, applied in order
        merge: |                              # YAML deep-merged as in test_rule_examples
          benefits: []
      expect:                                 # exactly these findings of `rule`, or []
        - {code: JD301, line: 166, severity: error}
        - {code: JD401, at: "- id: denver", file: company}

Edits are text so that line numbers are predictable: a one-line replacement keeps every
line where it was. ``line`` is a 1-based line number; ``at`` names the line instead, as the
first line of the edited file whose text (indentation stripped) starts with that string.
The shipped northwind.yaml changes more often than the profile (two lines were added for
the logo while these cases were written), so company expectations use ``at``. ``file`` is
``profile`` (the default when the case edits the profile) or ``company``; ``severity`` is
checked when given. ``xfail: reason`` marks a case that shows a known bug (strict: it
fails as soon as the bug is fixed, so the mark gets removed).

A case edit may also be given as a plain string, which is the same as ``merge``.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import merge_patch

from jdgen.catalog.root import Catalog
from jdgen.lint import lint
from jdgen.lint.ruleset import all_rules
from jdgen.resources import builtin_catalog

CASES_DIR = Path(__file__).with_name("cases")
AS_OF = date(2026, 11, 23)
PROFILE = "roles/AIMLAM.GEN.P4.yaml"
CASE_KEYS = {"name", "rule", "profile", "company", "expect", "as_of", "note", "xfail"}


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(cases, list), f"{path.name}: expected a list of cases"
        for case in cases:
            # `xfail: reason` records a known bug; strict, so the case fails once the bug is fixed.
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            params.append(pytest.param(case, id=case["name"], marks=marks))
    return params


CASES = load_cases()


# --- applying a case's edits -----------------------------------------------------------



def merge_top_level(text: str, fragment: str) -> str:
    """Deep-merge ``fragment`` onto the YAML ``text``, rewriting only the top-level blocks it names."""
    data = yaml.safe_load(text)
    lines = text.splitlines(keepends=True)
    for key, value in yaml.safe_load(fragment).items():
        start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        end = start
        if start is not None:
            end = start + 1
            while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t-"):
                end += 1
        new = [] if value is None else [yaml.safe_dump({key: merge_patch(data.get(key), value)}, sort_keys=False,
                                                       allow_unicode=True, width=10_000)]
        if start is None:
            lines += new
        else:
            lines[start:end] = new
    return "".join(lines)


def apply_edits(path: Path, spec: Any) -> None:
    text = path.read_text(encoding="utf-8")
    if isinstance(spec, str):
        spec = {"merge": spec}
    replaces = spec.get("replace", [])
    for edit in [replaces] if isinstance(replaces, dict) else replaces:
        count = text.count(edit["old"])
        assert count == 1, f"{path.name}: {edit['old']!r} occurs {count} times, not once"
        text = text.replace(edit["old"], edit["new"])
    if spec.get("merge"):
        text = merge_top_level(text, spec["merge"])
    path.write_text(text, encoding="utf-8")


def company_path(case: dict) -> str:
    spec = case.get("company")
    slug = spec.get("slug", "northwind") if isinstance(spec, dict) else "northwind"
    return f"companies/{slug}.yaml"


def p4_only(folder: str, names: list[str]) -> list[str]:
    """copytree filter: of the built-in roles/, keep AIMLAM.GEN.P4 only (the cases are written
    against it and the companies; other shipped profiles would add findings of their own)."""
    if Path(folder).resolve() == (builtin_catalog() / "roles").resolve():
        return [n for n in names if n != Path(PROFILE).name]
    return []


def build(tmp_path: Path, case: dict) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root, ignore=p4_only)
    if case.get("profile"):
        apply_edits(root / PROFILE, case["profile"])
    if case.get("company"):
        apply_edits(root / company_path(case), case["company"])
    return root


def expected_line(root: Path, rel: str, entry: dict) -> int:
    if "line" in entry:
        return entry["line"]
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if line.lstrip().startswith(entry["at"])]
    assert found, f"no line of {rel} starts with {entry['at']!r}"
    return found[0]


# --- the tests ---------------------------------------------------------------------------

def test_cases_are_well_formed():
    names = [p.values[0]["name"] for p in CASES]
    assert len(names) == len(set(names)), "case names must be unique"
    codes = set(all_rules())
    for param in CASES:
        case = param.values[0]
        assert set(case) <= CASE_KEYS, (case["name"], set(case) - CASE_KEYS)
        assert case["rule"] in codes, case["name"]
        assert "expect" in case and (case.get("profile") or case.get("company")), case["name"]
        for entry in case["expect"]:
            assert entry["code"] == case["rule"], (case["name"], entry)
            assert ("line" in entry) != ("at" in entry), (case["name"], entry)


def test_every_group_has_cases():
    covered = {p.values[0]["rule"] for p in CASES}
    wanted = {"JD101", "JD105", "JD202", "JD203", "JD301", "JD303", "JD304", "JD401", "JD402", "JD403", "JD404",
              "JD501", "JD502", "JD503"}
    assert wanted <= covered, sorted(wanted - covered)


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict, tmp_path: Path):
    root = build(tmp_path, case)
    as_of = date.fromisoformat(case["as_of"]) if case.get("as_of") else AS_OF
    result = lint(Catalog(root), as_of=as_of)
    invalid = [f for f in result.findings if f.code == "JD001"]
    assert not invalid, f"the case's edit broke a file: {[(f.location.file, f.location.line, f.message) for f in invalid]}"

    base = root.resolve()
    actual = []
    for f in result.findings:
        if f.code != case["rule"]:
            continue
        rel = Path(f.location.file).resolve().relative_to(base).as_posix()
        actual.append((rel, f.location.line, f.severity, f.message))

    default_file = "profile" if case.get("profile") else "company"
    unmatched = list(actual)
    missing = []
    for entry in case["expect"]:
        which = entry.get("file", default_file)
        rel = PROFILE if which == "profile" else company_path(case) if which == "company" else which
        line = expected_line(root, rel, entry)
        match = next((a for a in unmatched if a[0] == rel and a[1] == line
                      and entry.get("severity", a[2]) == a[2] and entry.get("message", "") in a[3]), None)
        if match is None:
            missing.append((rel, line, entry.get("severity", "any"), entry.get("message", "")))
        else:
            unmatched.remove(match)
    assert not missing and not unmatched, f"missing: {missing}; unexpected: {unmatched}"
