"""Findings spilled to compressed runs during a whole-catalog lint read back exactly as held ones.

A large catalog's findings in profile files are handed to lint/spill.py once each profile's
record is replayed, so that the main process does not hold one Diagnostic per finding of the
catalog. These tests hold the spilled run to the plain one: the same findings, in the same
order, in every output format, and the read-back object behaving as the list it replaces.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from jdgen.diagnostics import Diagnostic, Location
from jdgen.lint import spill
from jdgen.lint.spill import SortedFindings, Spill, merge_sorted

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from _common import generate_catalog  # noqa: E402


def _finding(file: str | None, line: int, message: str = "m", severity: str = "warning") -> Diagnostic:
    return Diagnostic(Location(file, line, 1) if file else None, message, "a hint", "JD999", severity)


def test_spilled_findings_read_back_in_sort_order_whatever_order_they_came_in(monkeypatch):
    monkeypatch.setattr(spill, "BLOCK", 3)
    monkeypatch.setattr(spill, "MAX_RUNS", 2)
    kept = Spill()
    # Files handed over out of name order ('b-x' sorts before 'b/x'), so runs start anew and merge.
    arrivals = [[_finding("roles/b/x.yaml", n) for n in (3, 1, 2)], [_finding("roles/a.yaml", 5)],
                [_finding("roles/b-x.yaml", 2, "é ünïcode \u2028 line", "error")], [_finding("roles/c.yaml", 1)],
                [_finding("roles/a.yaml", 1), _finding("roles/a.yaml", 9)]]
    for findings in arrivals:
        kept.add(findings)
    held = [_finding(None, 0, "no place"), _finding("companies/acme.yaml", 4, severity="info")]
    every = sorted([f for batch in arrivals for f in batch] + held, key=Diagnostic.sort_key)
    result = kept.with_held(held)
    assert isinstance(result, SortedFindings)
    assert len(kept.runs) <= 2  # the third run out of order merged the runs into one
    assert list(result) == every and list(result) == every  # read twice: the same
    assert len(result) == len(every)
    assert result[0] == every[0] and result[-1] == every[-1] and result[3] == every[3]
    assert result[2:5] == every[2:5] and result[::2] == every[::2]
    assert (result.count_severity("error"), result.count_severity("info")) == (1, 1)
    with pytest.raises(IndexError, match="finding index out of range"):
        result[len(every)]


def test_nothing_spilled_leaves_a_plain_sorted_list():
    kept = Spill()
    kept.add([_finding("roles/b.yaml", 2)])
    held = [_finding("companies/acme.yaml", 1)]
    result = kept.with_held(held)
    assert type(result) is list and result == sorted([_finding("roles/b.yaml", 2), *held], key=Diagnostic.sort_key)
    assert Spill().with_held(held) is held


def test_a_spilled_result_merges_with_posting_files_in_file_order(monkeypatch):
    monkeypatch.setattr(spill, "BLOCK", 2)
    kept = Spill()
    kept.add([_finding("roles/a.yaml", n) for n in range(1, 6)])
    catalog = kept.with_held([_finding("roles/z.yaml", 1)])
    files = [_finding("posting.md", 3), _finding("roles/a.yaml", 3, "from the file")]
    merged = merge_sorted(catalog, files)
    assert list(merged) == sorted([*catalog, *files], key=Diagnostic.sort_key)
    assert merge_sorted(files[:1], files[1:]) == sorted(files, key=Diagnostic.sort_key)


@pytest.fixture(scope="module")
def catalog_root(tmp_path_factory):
    return generate_catalog(tmp_path_factory.mktemp("spill") / "catalog", 14, companies=True)


def test_a_whole_catalog_lint_that_spills_reports_the_bytes_of_one_that_does_not(catalog_root, monkeypatch):
    from jdgen.catalog.root import Catalog
    from jdgen.lint import engine, report

    as_of = date(2026, 11, 23)
    monkeypatch.setattr(spill, "BLOCK", 4)
    monkeypatch.setattr(spill, "MAX_RUNS", 3)
    spilled = engine.lint(Catalog(catalog_root), as_of=as_of, jobs=1)
    assert isinstance(spilled.findings, SortedFindings)  # the case under test did happen
    monkeypatch.setattr(spill, "BLOCK", 10 ** 9)
    held = engine.lint(Catalog(catalog_root), as_of=as_of, jobs=1)
    assert type(held.findings) is list and len(held.findings) >= 14  # one JD801 per profile at least
    for name, pieces in report.PIECES.items():
        assert "".join(pieces(spilled)) == "".join(pieces(held)), name
    assert report.summary(spilled) == report.summary(held)


def test_a_whole_catalog_lint_lists_roles_once_for_itself_and_its_units(catalog_root, monkeypatch):
    from jdgen.catalog import root as catalog_module
    from jdgen.catalog.root import Catalog
    from jdgen.lint import engine

    listed = []
    real = catalog_module.iter_yaml_files

    def counted(directory):
        listed.append(directory)
        return real(directory)

    monkeypatch.setattr(catalog_module, "iter_yaml_files", counted)
    result = engine.lint(Catalog(catalog_root), as_of=date(2026, 11, 23), jobs=1)
    assert listed == [catalog_root / "roles"]  # the units read the run's listing
    assert result.postings == 15 * 3 and len(result.findings) >= 14  # generic and two companies each
