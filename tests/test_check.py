"""jdgen render --check: CI fails when committed postings are stale, with a diff and the command to fix it."""

from __future__ import annotations

ARGS = ["render", "--all", "--all-companies", "-f", "md,docx", "--date", "2026-11-23"]


def test_up_to_date_outputs_pass(run, tmp_path):
    out = tmp_path / "out"
    assert run(*ARGS, "-o", str(out), cwd=tmp_path).code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = run(*ARGS, "-o", str(out), "--check", cwd=tmp_path)
    assert (result.code, result.out) == (0, "")
    assert result.err.endswith("rendered postings are up to date\n")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # --check writes nothing


def test_stale_markdown_docx_and_orphans_fail_with_diff_and_command(run, tmp_path):
    out = tmp_path / "out"
    run(*ARGS, "-o", str(out), cwd=tmp_path)
    md = out / "AIMLAM.GEN.P4.northwind.md"
    md.write_text(md.read_text(encoding="utf-8").replace("- Own the demand", "- Owning the demand"), encoding="utf-8")
    (out / "AIMLAM.GEN.P4.lindenhof.docx").unlink()
    (out / "RETIRED.P1.md").write_text("# gone\n", encoding="utf-8")
    result = run(*ARGS, "-o", str(out), "--check", cwd=tmp_path)
    assert result.code == 1
    assert f"--- {md} (committed)\n+++ {md} (rendered now)\n" in result.out
    assert "-- Owning the demand-forecasting models" in result.out and "+- Own the demand-forecasting models" in result.out
    docx_missing = out / "AIMLAM.GEN.P4.lindenhof.docx"
    assert f"--- {docx_missing} (missing)\n" in result.out
    assert "+Title | Senior Machine Learning Engineer (m/w/d)\n" in result.out  # DOCX is compared as its text dump
    assert f"{out / 'RETIRED.P1.md'}: no longer produced by the catalog\n" in result.out
    assert result.err.splitlines()[-1] == (
        "3 rendered postings are stale; regenerate with: jdgen render --all --all-companies -f md,docx "
        f"--date 2026-11-23 -o {out}")


def test_check_needs_an_output(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "--check", cwd=tmp_path)
    assert (result.code, result.err) == (2, "--check compares with files on disk; it needs -o PATH "
                                            "(e.g. jdgen render --all --check -o out/)\n")
