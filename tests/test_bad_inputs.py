"""The reliability corpus: every bad input a person can write or type gets one clear line.

Each case in ``tests/bad_inputs/NNN-short-name.yaml`` describes files written over a fresh
copy of the built-in catalog, the command line to run there, the exit code and the first
line of the message stream. The message stream is where a command reports problems:
stdout for findings and diagnostics (``validate`` and ``lint`` print them there and
exit 1), stderr for everything else. No case may ever produce a traceback or exit 3.

A case file::

    description: a tab indents a key in a role profile
    files:                        # paths relative to the catalog root
      roles/AIMLAM.GEN.P4.yaml: |
        ...full content...
      roles/other.yaml: {hex: "efbbbf..."}                      # raw bytes
      companies/northwind.yaml: {replace: {old: "...", new: "..."}}   # patch the shipped file
      roles/big.yaml: {repeat: "# padding\\n", times: 100000}    # generated text (prefix/suffix optional)
    delete: [companies/lindenhof.yaml]   # optional: files or folders to remove first
    known_gap: why jdgen accepts this today   # required when exit is 0: a bad input not caught yet
    known_bug: what breaks                    # a traceback or exit 3 today: the case is an expected failure
    args: [validate]
    exit: 1
    first_line: "roles/AIMLAM.GEN.P4.yaml:12:1: ..."
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from jdgen.resources import builtin_catalog

CASES_DIR = Path(__file__).resolve().parent / "bad_inputs"
CASE_KEYS = {"description", "files", "delete", "args", "exit", "first_line", "known_gap", "known_bug"}


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.yaml"))


def load_case(path: Path) -> dict[str, Any]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict), f"{path.name}: a case is a mapping"
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    for key in ("description", "args", "exit", "first_line"):
        assert key in case, f"{path.name}: missing {key!r}"
    assert isinstance(case["args"], list) and all(isinstance(a, str) for a in case["args"]), path.name
    # A bad input that succeeds is a gap in jdgen's checks: it must say so, and the case
    # fails as soon as jdgen starts catching it, so that the real message gets recorded.
    assert case["exit"] != 0 or case.get("known_gap"), f"{path.name}: exit 0 needs a known_gap"
    return case


def file_bytes(spec: Any, existing: Path) -> bytes:
    """The bytes a case's ``files`` entry asks for (see the module docstring)."""
    if isinstance(spec, str):
        return spec.encode("utf-8")
    assert isinstance(spec, dict) and len(spec) >= 1, spec
    if "hex" in spec:
        return bytes.fromhex("".join(spec["hex"].split()))
    if "replace" in spec:
        text = existing.read_text(encoding="utf-8")
        patches = spec["replace"] if isinstance(spec["replace"], list) else [spec["replace"]]
        for patch in patches:
            assert patch["old"] in text, f"{existing}: {patch['old']!r} is not in the shipped file"
            text = text.replace(patch["old"], patch["new"], 1)
        return text.encode("utf-8")
    if "repeat" in spec:
        body = spec.get("prefix", "") + spec["repeat"] * int(spec["times"]) + spec.get("suffix", "")
        return body.encode("utf-8")
    raise AssertionError(f"unknown file spec {sorted(spec)}")


def build_catalog(case: dict[str, Any], root: Path) -> Path:
    """A fresh copy of the built-in catalog at ``root`` with the case's files applied."""
    shutil.copytree(builtin_catalog(), root)
    for rel in case.get("delete") or ():
        target = root / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    for rel, spec in (case.get("files") or {}).items():
        target = root / rel
        data = file_bytes(spec, target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def message_line(code: int, out: str, err: str) -> str | None:
    """The first line of the message stream: stdout for a failing command that printed there, else stderr."""
    stream = out if code == 1 and out.strip() else err
    return next((line for line in stream.splitlines() if line.strip()), None)


CASES = case_files()


def params():
    for path in CASES:
        bug = load_case(path).get("known_bug")
        marks = [pytest.mark.xfail(strict=True, reason=f"known bug: {bug}")] if bug else []
        yield pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.parametrize("path", list(params()))
def test_bad_input(path, tmp_path, run):
    case = load_case(path)
    root = build_catalog(case, tmp_path / "catalog")
    result = run(*case["args"], cwd=root)
    assert "Traceback" not in result.out and "Traceback" not in result.err, result
    assert result.code != 3, result
    if case.get("known_bug"):
        # exit and first_line record today's broken behaviour; once the bug is fixed the checks
        # above pass, the case XPASSes (a failure under strict), and the real message gets recorded.
        return
    assert result.code == case["exit"], result
    assert message_line(result.code, result.out, result.err) == case["first_line"], result


def test_corpus_is_large_and_names_are_unique():
    assert len(CASES) >= 40
    names = [p.name for p in CASES]
    numbers = [name.split("-", 1)[0] for name in names]
    slugs = [name.split("-", 1)[1] for name in names]
    assert all(n.isdigit() and len(n) == 3 for n in numbers), names
    assert len(set(numbers)) == len(numbers), "two cases share a number"
    assert len(set(slugs)) == len(slugs), "two cases share a name"
    descriptions = [load_case(p)["description"] for p in CASES]
    assert len(set(descriptions)) == len(descriptions), "two cases share a description"


def test_yaml_syntax_cases_pin_jdgens_words_not_libyamls():
    """A YAML syntax error in the corpus is said in jdgen's words, so a new PyYAML cannot change it.

    libyaml's own wording only reaches people through the fallback, which ends with the
    generic hint below; no case may expect that hint, and a nesting case must exist.
    """
    lines = [load_case(path)["first_line"] for path in CASES]
    syntax = [line for line in lines if "YAML syntax error" in line]
    assert len(syntax) >= 5
    assert [line for line in syntax if "(check the indentation and quoting around this line)" in line] == []
    assert any("values nest more than 64 levels deep" in line for line in lines)
