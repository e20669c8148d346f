"""Golden files: AIMLAM.GEN.P4 generic and with each shipped company, in md, html and jsonld.

JSON-LD exists only for company postings, and AIMLAM.GEN.P4 is a draft: its jsonld and
company html goldens are rendered with --jsonld-drafts, so they show the JobPosting; the
generic html has no JSON-LD script.

Regenerate after an intended change with ``pytest tests/test_render_golden.py --update-goldens``
and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
CASES = [(company, fmt) for company in (None, "northwind", "lindenhof") for fmt in ("md", "html", "jsonld")
         if company or fmt != "jsonld"]


def golden_name(company: str | None, fmt: str) -> str:
    return f"AIMLAM.GEN.P4{'.' + company if company else ''}.{fmt}"


@pytest.mark.parametrize("company, fmt", CASES, ids=[golden_name(c, f) for c, f in CASES])
def test_render_matches_golden(run, tmp_path, company, fmt, update_goldens):
    args = ["render", "AIMLAM.GEN.P4", "--format", fmt, "--date", "2026-11-23"]
    if company:
        args += ["--company", company, "--jsonld-drafts"]
    result = run(*args, cwd=tmp_path)
    assert result.code == 0, result.err
    path = GOLDEN / golden_name(company, fmt)
    if update_goldens:
        path.write_text(result.out, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}; run pytest --update-goldens"
    assert result.out == path.read_text(encoding="utf-8")
