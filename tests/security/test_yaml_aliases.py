"""YAML aliases cannot multiply a catalog file into a memory or time bomb.

An anchor names a value and each ``*alias`` repeats it; an alias of aliases doubles the
value each time. jdgen allows aliases (one list of locations reused is fine) but counts
what they stand for while it builds the values, and refuses the file once that passes
four times the file's size (at least 100,000 characters), before validation, lint or
rendering ever see the expanded data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jdgen.resources import builtin_catalog

P4 = "roles/AIMLAM.GEN.P4.yaml"
HINT = "(write repeated values out, or alias only small values such as a list of locations)"


def laughs(levels: int = 12) -> str:
    """The classic nested-alias bomb: 9 ** levels strings from a few hundred bytes."""
    lines = ['x0: &x0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def catalog_with(tmp_path: Path, extra: str) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    profile = root / P4
    profile.write_text(profile.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


def outside_snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", [["validate"], ["lint"], ["render", "AIMLAM.GEN.P4"]])
def test_nested_aliases_are_refused_in_every_command(tmp_path, run, command):
    root = catalog_with(tmp_path, "bomb:\n" + "".join("  " + line + "\n" for line in laughs().splitlines()))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("untouched", encoding="utf-8")
    before = outside_snapshot(outside)

    result = run(*command, cwd=root)

    lines = (result.out if command[0] != "render" else result.err).splitlines()
    # 9 ** 4 strings of the 4th level pass the budget of a small file: refused where x3 is anchored.
    bomb_line = next(n for n, line in enumerate((root / P4).read_text(encoding="utf-8").splitlines(), 1)
                     if line.startswith("  x3: &x3"))
    code = " JD001 error" if command == ["lint"] else ""
    assert lines == [f"{P4}:{bomb_line}:7:{code} YAML aliases repeat the value anchored here until the file stands "
                     f"for more than 100,000 characters of values (the most jdgen allows: 4x the file's size, "
                     f"at least 100,000) {HINT}"] + lines[1:]
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert outside_snapshot(outside) == before


def test_one_large_value_aliased_many_times_is_refused(tmp_path, run):
    """150 KB of text repeated 2,000 times (within the list-item limit): refused at the anchor."""
    text = "big: &big \"" + "x" * 150_000 + "\"\nmany:\n" + "  - *big\n" * 2_000
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    (root / P4).write_text(text, encoding="utf-8")

    result = run("validate", P4, cwd=root)

    limit = 4 * len(text)
    assert result.out.splitlines()[0] == (
        f"{P4}:1:6: YAML aliases repeat the value anchored here until the file stands for more than {limit:,} "
        f"characters of values (the most jdgen allows: 4x the file's size, at least 100,000) {HINT}")
    assert result.code == 1


def test_small_aliases_still_work(tmp_path, run):
    """Reusing a short list is what aliases are for: the profile stays valid."""
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    profile = root / P4
    text = profile.read_text(encoding="utf-8")
    assert "\nregion: global\n" in text
    profile.write_text(text.replace("\nregion: global\n", "\nregion: &where global\n", 1)
                       + "x-note: *where\n", encoding="utf-8")
    from jdgen.catalog.yaml_source import load_yaml

    doc = load_yaml(profile)
    assert doc.data["region"] == "global" and doc.data["x-note"] == "global"
