"""Docs as tests: every registered lint rule is well-formed, and its own examples behave.

Each rule documents a *bad* and a *good* example (see :class:`jdgen.lint.registry.Example`).
Here each example is applied to a fresh copy of the built-in catalog and the whole catalog
is linted, as a user would lint it:

* ``Example.profile`` is YAML deep-merged onto ``roles/AIMLAM.GEN.P4.yaml``;
* ``Example.company`` is YAML deep-merged onto ``companies/northwind.yaml``;
* ``Example.ladder`` maps a level code to fields merged into that level of ``ladder.yaml``.

Merging: mappings merge key by key, lists and scalars replace, and ``null`` removes a key
(JSON Merge Patch, RFC 7386; without it no example could say "the block without X"). Only
the top-level blocks an example touches are rewritten (with ``yaml.safe_dump``); the rest of
the file keeps its text, so its comments, including ``# jdgen: ignore[...]`` suppressions,
survive. A line of the
example that carries a ``# jdgen:`` comment replaces the matching top-level line as text,
because a YAML dump would drop the comment (JD002, JD003).

The copy's roles/ holds only AIMLAM.GEN.P4, whatever else the built-in catalog ships.

Rules whose examples need more than a YAML fragment get their setup here (``EXTRA_SETUP``):
JD104 needs a second profile that claims the alias, JD105 the profiles its adjacent roles
name, JD701 and JD702 a catalog template.

The bad example must produce the rule's code; the good one must not. The shipped catalog
itself must lint clean on the date used throughout (2026-11-23).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from conftest import merge_patch

from jdgen.catalog.root import Catalog
from jdgen.lint import lint
from jdgen.lint.registry import SEVERITIES, TARGETS, Example, Rule
from jdgen.lint.ruleset import all_rules
from jdgen import resources
from jdgen.resources import builtin_catalog

AS_OF = date(2026, 11, 23)
PROFILE = Path("roles/AIMLAM.GEN.P4.yaml")
COMPANY = Path("companies/northwind.yaml")
LADDER = Path("ladder.yaml")
RULES = all_rules()


# --- applying an example -----------------------------------------------------------



def _dump_block(key: str, value: Any) -> str:
    return yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=10_000,
                          default_flow_style=False)


def _top_level_block(lines: list[str], key: str) -> tuple[int, int] | None:
    """The [start, end) line indexes of the top-level ``key:`` block, comments after it excluded."""
    start = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(key)}\s*:", line)), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t-" or
                                (lines[end].startswith("#") and _continues(lines, end))):
        end += 1
    return start, end


def _continues(lines: list[str], index: int) -> bool:
    """Whether the column-0 comment at ``index`` sits inside a block (more indented lines follow)."""
    for line in lines[index + 1:]:
        if line.strip() and not line.startswith("#"):
            return line[0] in " \t-"
    return False


def merge_into_file(path: Path, fragment: str) -> None:
    """Deep-merge the YAML ``fragment`` onto the file, rewriting only the blocks it touches."""
    if not fragment.strip():
        return
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    data = yaml.safe_load(text)
    patch = yaml.safe_load(fragment)
    assert isinstance(patch, dict), f"example fragment is not a mapping: {fragment!r}"
    commented = {m.group(1): line for line in fragment.splitlines()
                 if (m := re.match(r"([A-Za-z_]\w*)\s*:.*#\s*jdgen:", line))}
    for key, value in patch.items():
        block = _top_level_block(lines, key)
        if key in commented:  # keep the suppression comment: replace the line as text
            assert block is not None and block[1] - block[0] == 1, f"{key} is not a one-line scalar in {path}"
            lines[block[0]] = commented[key] + "\n"
            continue
        if value is None:  # remove the whole block
            if block is not None:
                del lines[block[0]:block[1]]
            continue
        new = _dump_block(key, merge_patch(data.get(key), value))
        if block is None:
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            lines.append(new)
        else:
            lines[block[0]:block[1]] = [new]
    path.write_text("".join(lines), encoding="utf-8")


def merge_into_ladder(path: Path, fragment: str) -> None:
    """Merge ``{level code: fields}`` into those levels of the ladder's ``levels`` list."""
    if not fragment.strip():
        return
    patch = yaml.safe_load(fragment)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    levels = data["levels"]
    for code, fields in patch.items():
        index = next((i for i, level in enumerate(levels) if level["code"] == code), None)
        assert index is not None, f"ladder example names level {code}, which the ladder lacks"
        levels[index] = merge_patch(levels[index], fields)
    merge_into_file(path, _dump_block("levels", levels))


def apply_example(root: Path, example: Example) -> None:
    merge_into_file(root / PROFILE, example.profile)
    merge_into_file(root / COMPANY, example.company)
    merge_into_ladder(root / LADDER, example.ladder)


def add_p5_claiming_alias(root: Path, which: str) -> None:
    """JD104: a second profile, AIMLAM.GEN.P5, that claims the alias 'Northwind Engineer'.

    Its other aliases are dropped: copies of P4's aliases would be claimed twice as well
    (and 'Machine Learning IV' would be the wrong numeral for P5).
    """
    text = (root / PROFILE).read_text(encoding="utf-8")
    text = (text.replace("AIMLAM.GEN.P4", "AIMLAM.GEN.P5").replace("level: P4", "level: P5")
            .replace("5-8 years of experience", "8-12 years of experience"))
    path = root / "roles" / "AIMLAM.GEN.P5.yaml"
    path.write_text(text, encoding="utf-8")
    merge_into_file(path, "title_aliases:\n  - title: Northwind Engineer\n    type: common\n")


def add_template(root: Path, which: str) -> None:
    """JD701: a catalog template that misspells a variable (bad); no templates/ folder (good)."""
    if which == "bad":
        template = root / "templates" / "posting.md.j2"
        template.parent.mkdir(parents=True, exist_ok=True)
        template.write_text("# {{ posting.title }}\n\n{{ compnay.name }}\n", encoding="utf-8")
    else:
        assert not (root / "templates").exists()


def add_linking_template(root: Path, which: str) -> None:
    """JD702: a catalog template that links to ms-msdt: (bad) or to an https address (good)."""
    template = root / "templates" / "posting.md.j2"
    template.parent.mkdir(parents=True, exist_ok=True)
    target = "ms-msdt:/id%20PCWDiagnostic" if which == "bad" else "https://example.com/verify"
    template.write_text(f"# {{{{ title }}}}\n\n[Verify your account]({target})\n", encoding="utf-8")


def add_p3_and_p5(root: Path, which: str) -> None:
    """JD105: the shipped AIMLAM.GEN.P3 and P5, so that the examples' adjacent roles exist."""
    for code in ("AIMLAM.GEN.P3", "AIMLAM.GEN.P5"):
        shutil.copy(builtin_catalog() / "roles" / f"{code}.yaml", root / "roles" / f"{code}.yaml")


def _catalog_template(root: Path, edit: Callable[[str], str]) -> None:
    """A catalog templates/posting.md.j2: the shipped template with ``edit`` applied."""
    template = root / "templates" / "posting.md.j2"
    template.parent.mkdir(parents=True, exist_ok=True)
    shipped = resources.shipped("templates") / "posting.md.j2"
    template.write_text(edit(shipped.read_text(encoding="utf-8")), encoding="utf-8")


def move_pay_down(root: Path, which: str) -> None:
    """JD408: a catalog template that prints pay only under Compensation (bad); the shipped one,
    which prints it in the line under the title (good)."""
    if which == "bad":
        line = "{% if company.pay %} · {{ company.pay }}{% endif %}"

        def edit(text: str) -> str:
            assert line in text, "the shipped template no longer prints pay in its meta line"
            return text.replace(line, "", 1).replace("## Compensation\n\n", "## Compensation\n\n{{ company.pay }}\n\n", 1)
        _catalog_template(root, edit)


def print_every_heading(root: Path, which: str) -> None:
    """JD208: a catalog template that prints 'What you will do' whether or not there is anything
    to list (bad); the shipped one, which leaves an empty list's heading out (good)."""
    if which == "bad":
        guard = '{% if responsibilities %}\n## {{ _("What you will do") }}'

        def edit(text: str) -> str:
            assert guard in text, "the shipped template no longer guards its responsibilities heading"
            return text.replace(guard, '{% if true %}\n## {{ _("What you will do") }}', 1)
        _catalog_template(root, edit)


EXTRA_SETUP: dict[str, Callable[[Path, str], None]] = {
    "JD208": print_every_heading,
    "JD408": move_pay_down,
    "JD104": add_p5_claiming_alias,
    "JD105": add_p3_and_p5,
    "JD701": add_template,
    "JD702": add_linking_template,
}


def fresh_catalog(tmp_path: Path, *, whole: bool = False) -> Path:
    """A copy of the built-in catalog. Unless ``whole``, its roles/ holds AIMLAM.GEN.P4 only:
    the examples are written against P4 and the companies, and the built-in catalog grows.
    Its translations/ then holds P4's only (another profile's would be orphans, JD803)."""
    roles = (builtin_catalog() / "roles").resolve()
    translations = (builtin_catalog() / "translations").resolve()

    def only_p4(folder: str, names: list[str]) -> list[str]:
        here = Path(folder).resolve()
        if whole or (here != roles and here.parent != translations):
            return []
        return [n for n in names if n != PROFILE.name]

    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root, ignore=only_p4)
    return root


def codes_after(root: Path, rule: Rule, which: str) -> list[tuple[str, str, str, int, str]]:
    """(code, severity, file name, line, message) of every finding after applying the example."""
    example = getattr(rule, which)
    apply_example(root, example)
    if rule.code in EXTRA_SETUP:
        EXTRA_SETUP[rule.code](root, which)
    result = lint(Catalog(root), as_of=AS_OF)
    return [(f.code, f.severity, Path(f.location.file).name if f.location else "", f.location.line if f.location else 0,
             f.message) for f in result.findings]


# An example replaces whole lists of the profile, so the other shipped company, Lindenhof,
# may lose the item its role override removes ("cannot remove ... no such item", JD001 in
# lindenhof.yaml). That is the catalog reacting to the edit, not the example being invalid;
# the files an example edits must stay valid.
EDITED = {PROFILE.name, COMPANY.name, LADDER.name, "AIMLAM.GEN.P3.yaml", "AIMLAM.GEN.P5.yaml", "posting.md.j2"}


def invalid_edits(findings) -> list:
    return [f for f in findings if f[0] == "JD001" and f[2] in EDITED]


# --- metadata ------------------------------------------------------------------------

SIMPLE = (bool, int, float, str)


def test_there_are_rules():
    assert len(RULES) >= 25
    assert len({r.name for r in RULES.values()}) == len(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_metadata(code: str):
    rule = RULES[code]
    assert rule.code == code
    assert re.fullmatch(r"JD\d{3}", rule.code), rule.code
    assert re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", rule.name), rule.name
    assert [r.code for r in RULES.values() if r.name == rule.name] == [code], "rule names must be unique"
    assert rule.severity in SEVERITIES
    assert rule.target in TARGETS
    assert rule.summary.strip() and rule.why.strip()
    assert isinstance(rule.bad, Example) and isinstance(rule.good, Example)
    assert set(rule.option_help) == set(rule.options)
    for name, default in rule.options.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name
        assert rule.option_help[name].strip(), f"{code}.{name} has no help"
        simple = isinstance(default, SIMPLE) or (isinstance(default, list) and all(isinstance(v, SIMPLE) for v in default))
        assert simple, f"{code}.{name} default {default!r} is not a simple type"


def test_every_bad_example_changes_something():
    """A bad example that is empty (only a note) would need setup here; each such rule has one."""
    for code, rule in RULES.items():
        bad = rule.bad
        if not (bad.profile or bad.company or bad.ladder):
            assert code in EXTRA_SETUP, f"{code}'s bad example is a note only and has no setup in this test"


# --- the examples --------------------------------------------------------------------

@pytest.mark.parametrize("code", sorted(RULES))
def test_bad_example_fires(code: str, tmp_path: Path):
    rule = RULES[code]
    findings = codes_after(fresh_catalog(tmp_path), rule, "bad")
    assert code in {f[0] for f in findings}, f"{code}'s bad example does not fire; findings: {findings}"
    if code != "JD001":  # the example must be a valid file that shows the problem, not a broken one
        assert not invalid_edits(findings), findings


@pytest.mark.parametrize("code", sorted(RULES))
def test_good_example_is_quiet(code: str, tmp_path: Path):
    rule = RULES[code]
    findings = codes_after(fresh_catalog(tmp_path), rule, "good")
    assert code not in {f[0] for f in findings}, \
        f"{code}'s good example fires: {[f for f in findings if f[0] == code]}"
    assert not invalid_edits(findings), findings


def test_merge_keeps_untouched_text_and_comments(tmp_path: Path):
    root = fresh_catalog(tmp_path)
    before = (root / PROFILE).read_text(encoding="utf-8")
    merge_into_file(root / PROFILE, "summary: Short.\n")
    after = (root / PROFILE).read_text(encoding="utf-8")
    assert "# seed wording: 'leading'" in after and before.splitlines()[0] == after.splitlines()[0]
    assert yaml.safe_load(after)["summary"] == "Short."
    assert yaml.safe_load(after)["story"] == yaml.safe_load(before)["story"]


def test_merge_semantics(tmp_path: Path):
    root = fresh_catalog(tmp_path)
    bands = set(yaml.safe_load((root / COMPANY).read_text(encoding="utf-8"))["pay_bands"])
    assert {"P3", "P4"} <= bands
    merge_into_file(root / COMPANY, "pay_bands:\n  P4: {currency: CAD, min: 1, max: 2, period: year}\n"
                                    "locations:\n  - {id: x, country: CA, region: 'ON', city: Toronto, work_model: onsite}\n")
    data = yaml.safe_load((root / COMPANY).read_text(encoding="utf-8"))
    assert set(data["pay_bands"]) == bands and data["pay_bands"]["P4"]["currency"] == "CAD"
    assert [place["id"] for place in data["locations"]] == ["x"]
    merge_into_file(root / COMPANY, "pay_bands:\n  P3: null\napply:\n  deadline: null\nother_compensation: null\n")
    data = yaml.safe_load((root / COMPANY).read_text(encoding="utf-8"))
    assert set(data["pay_bands"]) == bands - {"P3"} and "deadline" not in data["apply"]
    assert "other_compensation" not in data and data["apply"]["url"].startswith("https://")
    merge_into_ladder(root / LADDER, "P4:\n  typical_experience: 4–8 yrs\n")
    levels = yaml.safe_load((root / LADDER).read_text(encoding="utf-8"))["levels"]
    p4 = next(level for level in levels if level["code"] == "P4")
    assert p4["typical_experience"] == "4–8 yrs" and p4["years"] == {"min": 5, "max": 8}


# --- the shipped catalog ----------------------------------------------------------------



def test_builtin_catalog_lints_clean(tmp_path: Path):
    root = fresh_catalog(tmp_path, whole=True)
    result = lint(Catalog(root), as_of=AS_OF)
    assert [(f.code, f.location.file, f.location.line, f.message) for f in result.findings] == []
    profiles = len(list((root / "roles").rglob("*.yaml")))
    assert result.postings == profiles * 3  # generic, Northwind, Lindenhof


def test_builtin_catalog_lints_clean_from_the_cli(run):
    result = run("lint", "--as-of", AS_OF.isoformat(), cwd=builtin_catalog())
    assert result.code == 0, result.out + result.err
    assert result.out.strip() == "", result.out
