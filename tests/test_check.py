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
    (out / "AIMLAM.RET.P1.md").write_text("# gone\n", encoding="utf-8")
    (out / "README.md").write_text("# Postings\n", encoding="utf-8")  # not a posting: never an orphan
    result = run(*ARGS, "-o", str(out), "--check", cwd=tmp_path)
    assert result.code == 1
    assert f"--- {md} (committed)\n+++ {md} (rendered now)\n" in result.out
    assert "-- Owning the demand-forecasting models" in result.out and "+- Own the demand-forecasting models" in result.out
    docx_missing = out / "AIMLAM.GEN.P4.lindenhof.docx"
    assert f"--- {docx_missing} (missing)\n" in result.out
    assert "+Title | Senior Machine Learning Engineer (m/w/d)\n" in result.out  # DOCX is compared as its text dump
    assert f"{out / 'AIMLAM.RET.P1.md'}: no longer produced by the catalog (delete it)\n" in result.out
    assert "README.md" not in result.out
    assert result.err.splitlines()[-1] == (
        "3 rendered postings are stale; regenerate with: jdgen render --all --all-companies -f md,docx "
        f"--date 2026-11-23 -o {out} (and delete the files no longer produced)")


def test_check_needs_an_output(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "--check", cwd=tmp_path)
    assert (result.code, result.err) == (2, "--check compares with files on disk; it needs -o PATH "
                                            "(e.g. jdgen render --all --check -o out/)\n")


# --- the posting date is not content ----------------------------------------------

ALL_FORMATS = ["render", "--all", "--all-companies", "-f", "md,html,jsonld,docx", "--jsonld-drafts"]


def test_files_rendered_on_another_day_are_not_stale(run, tmp_path, monkeypatch):
    """HTML, JSON-LD and DOCX carry their date: without --date, each is checked as of its own."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    assert run(*ALL_FORMATS, "--date", "2020-01-15", "-o", str(out), cwd=tmp_path).code == 0
    result = run(*ALL_FORMATS, "-o", str(out), "--check", cwd=tmp_path)
    assert (result.code, result.out) == (0, "")
    assert result.err.endswith("rendered postings are up to date\n")


def test_an_explicit_date_is_compared_strictly(run, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    run(*ALL_FORMATS, "--date", "2020-01-15", "-o", str(out), cwd=tmp_path)
    by_flag = run(*ALL_FORMATS, "--date", "2020-01-16", "-o", str(out), "--check", cwd=tmp_path)
    assert by_flag.code == 1
    assert '-  "datePosted": "2020-01-15",\n+  "datePosted": "2020-01-16",\n' in by_flag.out
    # 1579132800 is 2020-01-16T00:00:00Z: SOURCE_DATE_EPOCH is as explicit as --date
    by_epoch = run(*ALL_FORMATS, "-o", str(out), "--check", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1579132800"})
    assert by_epoch.code == 1
    assert by_epoch.err.splitlines()[-1].startswith("72 rendered postings are stale")


def test_a_real_change_in_an_old_file_is_reported_without_date_noise(run, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    run(*ALL_FORMATS, "--date", "2020-01-15", "-o", str(out), cwd=tmp_path)
    jsonld = out / "AIMLAM.GEN.P4.northwind.jsonld"
    text = jsonld.read_text(encoding="utf-8")
    assert "Guide an AI/ML team technically" in text
    jsonld.write_text(text.replace("Guide an AI/ML team technically", "Tech lead"), encoding="utf-8")
    result = run(*ALL_FORMATS, "-o", str(out), "--check", cwd=tmp_path)
    assert result.code == 1
    assert f"--- {jsonld} (committed)\n" in result.out
    changed = [line for line in result.out.splitlines() if line[:1] in "+-" and not line.startswith(("---", "+++"))]
    assert changed and not any("datePosted" in line for line in changed)  # compared as of the file's own date
    assert any("Tech lead" in line for line in changed)
    assert result.err.splitlines()[-1].startswith("1 rendered posting is stale")


def test_a_committed_docx_that_is_not_a_document_is_stale_not_a_crash(run, tmp_path):
    out = tmp_path / "out"
    assert run("render", "--all", "-f", "docx", "--date", "2026-11-23", "-o", str(out), cwd=tmp_path).code == 0
    (out / "AIMLAM.GEN.P4.docx").write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip: no document inside
    (out / "AIMLAM.GEN.P3.docx").write_text("version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n")
    result = run("render", "--all", "-f", "docx", "--date", "2026-11-23", "-o", str(out), "--check", cwd=tmp_path)
    assert result.code == 1, result
    assert (f"{out / 'AIMLAM.GEN.P4.docx'}: the committed file is not a readable Word document "
            "(it has no 'word/document.xml' part), so it is stale\n") in result.out
    assert (f"{out / 'AIMLAM.GEN.P3.docx'}: the committed file is a Git LFS pointer, not the document (fetch LFS "
            "files before the check, e.g. lfs: true in actions/checkout), so it is stale\n") in result.out
    assert result.err.splitlines()[-1].startswith("2 rendered postings are stale")
