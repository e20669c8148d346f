"""`jdgen import`: postings people already have become draft profiles the catalog accepts."""

from __future__ import annotations

import io
import re
import sys

import pytest

from jdgen.catalog.yaml_source import parse_yaml
from jdgen.importing.yaml_text import dump

from conftest import write

POSTING = """\
# Senior NLP Engineer

Our customers drown in contracts nobody has time to read. You build the models that read them.

Location: Denver, CO

## What you'll do

- Build and ship NLP models for contract review
- Own evaluation: datasets, baselines and error analysis

## Requirements

You have:

- 6+ years of experience building machine learning systems
- A degree in computer science or a related field
- Python: pandas, PyTorch #1 choice

## Nice to have

- AWS certification

## Our culture

We value curiosity.

## Benefits

- Health insurance
- 401(k) match

## About Acme

Acme builds legal software.

## Equal opportunity

Acme is an equal opportunity employer.
"""

ROLE_TEXTS = ["Our customers drown in contracts nobody has time to read. You build the models that read them.",
              "Build and ship NLP models for contract review", "Own evaluation: datasets, baselines and error analysis",
              "6+ years of experience building machine learning systems",
              "A degree in computer science or a related field", "Python: pandas, PyTorch #1 choice",
              "AWS certification"]
COMPANY_TEXTS = ["Location: Denver, CO", "Health insurance", "401(k) match", "Acme builds legal software.",
                 "Acme is an equal opportunity employer."]


def _load(path):
    return parse_yaml(path.read_text(encoding="utf-8"), str(path)).data


def _import(run, catalog, *args, cwd=None):
    return run("--catalog", str(catalog), "import", *args, cwd=cwd or catalog.parent)


def test_markdown_posting_becomes_a_draft_that_validates_and_renders(run, catalog):
    write(catalog.parent / "senior.md", POSTING)
    result = _import(run, catalog, "senior.md")
    assert result.code == 0, result.err
    assert result.out == "catalog/roles/AIMLAM.NLP.P4.yaml\ncatalog/roles/AIMLAM.NLP.P4.company.yaml.draft\n"
    assert result.err == (
        "senior.md: AIMLAM.NLP.P4 (level P4: the title says 'Senior' (P4 or P5) and the posting asks for 6 years; "
        "code: the title's words match AIMLAM and its focus NLP): 2 responsibilities, 4 qualifications "
        "(1 experience, 1 preferred), 0 skills, 4 kept as comments, 5 company texts to "
        "AIMLAM.NLP.P4.company.yaml.draft\n")
    draft = catalog / "roles" / "AIMLAM.NLP.P4.yaml"
    data = _load(draft)
    assert data["status"] == "draft"
    assert data["summary"] == ROLE_TEXTS[0]
    assert data["title_aliases"] == [{"title": "Senior NLP Engineer", "type": "common", "approved": False}]
    assert data["qualifications"][0] == {"text": ROLE_TEXTS[3], "kind": "experience"}
    assert data["qualifications"][1]["kind"] == "education"
    assert data["qualifications"][3] == {"text": "AWS certification", "kind": "certification", "priority": "preferred"}
    text = draft.read_text(encoding="utf-8")
    assert text.endswith("# Not mapped to a field, kept from senior.md so that nothing is lost:\n"
                         "# senior.md:12: Requirements\n# senior.md:14: You have:\n"
                         "# senior.md:24: Our culture\n# senior.md:26: We value curiosity.\n")
    assert run("--catalog", str(catalog), "validate").code == 0

    # Round trip: every role text is in the rendered posting, every company text in the company draft.
    rendered = run("--catalog", str(catalog), "render", "AIMLAM.NLP.P4")
    assert rendered.code == 0, rendered.err
    printed = re.sub(r"\\(.)", r"\1", rendered.out).replace("\u2013", "-")
    assert [t for t in ROLE_TEXTS if t not in printed] == []
    company = (catalog / "roles" / "AIMLAM.NLP.P4.company.yaml.draft").read_text(encoding="utf-8")
    assert [t for t in COMPANY_TEXTS if t not in company] == []
    assert "# senior.md:5: Location: Denver, CO" in company
    assert _load(catalog / "roles" / "AIMLAM.NLP.P4.company.yaml.draft")["benefits"] == ["Health insurance",
                                                                                           "401(k) match"]


def test_txt_html_docx_and_stdin(run, catalog, monkeypatch):
    from docx import Document

    base = catalog.parent
    write(base / "a.txt", "Machine Learning Engineer\n\nYou build models.\n\nRESPONSIBILITIES\n\n"
                          "- Train models\n\nREQUIREMENTS\n\n- 3+ years of Python\n")
    write(base / "b.html", "<html><body><h1>Junior Data Annotator</h1><p>You label data.</p>"
                           "<h2>Responsibilities</h2><ul><li>Label images</li></ul></body></html>")
    document = Document()
    document.add_heading("Staff Multimodal Research Scientist", 0)
    document.add_paragraph("You research models of text and images.")
    document.add_heading("Responsibilities", 1)
    document.add_paragraph("Run experiments", style="List Bullet")
    document.save(base / "c.docx")
    result = _import(run, catalog, "a.txt", "b.html", "c.docx")
    assert result.code == 0, result.err
    codes = [line.rsplit("/", 1)[1] for line in result.out.splitlines()]
    # "Machine Learning Engineer" is AIMLAM.GEN.P3's title, which is taken: a new focus from its initials.
    assert codes == ["AIMLAM.MLE.P3.yaml", "AIMLAM.ARC.P1.yaml", "AIMLAM.MMR.P5.yaml"]
    datas = [_load(catalog / "roles" / name) for name in codes]
    assert [d["title"] for d in datas] == ["Machine Learning Engineer", "Junior Data Annotator",
                                           "Staff Multimodal Research Scientist"]
    assert datas[0]["level"] == "P3" and datas[0]["qualifications"][0]["kind"] == "experience"
    assert datas[2]["summary"] == "You research models of text and images."
    assert datas[1]["responsibilities"] == [{"text": "Label images"}]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# Principal ML Engineer\n\nYou lead.\n\n"
                                                                   b"## Responsibilities\n\n- Lead the team\n")))
    result = _import(run, catalog, "-", "-o", "drafts", "--level", "P6")
    assert result.code == 0, result.err
    (written,) = result.out.splitlines()
    assert written.startswith("drafts/AIMLAM.") and written.endswith(".P6.yaml")
    assert "Posting imported from standard input" in (base / written).read_text(encoding="utf-8")


def test_code_is_never_a_catalog_code_nor_another_of_the_run(run, catalog):
    for name in ("one.md", "two.md"):
        write(catalog.parent / name, "# Senior Machine Learning Engineer\n\nYou build models.\n\n"
                                     "## Responsibilities\n\n- Train models\n")
    result = _import(run, catalog, "one.md", "two.md", "--level", "P4")
    assert result.code == 0, result.err
    # AIMLAM.GEN.P4 is the catalog's: a focus from the title's initials, then numbered.
    assert result.out == ("catalog/roles/AIMLAM.MLE.P4.yaml\ncatalog/roles/AIMLAM.MLE2.P4.yaml\n")
    assert "note: AIMLAM.MLE.P4 has a new focus MLE (Machine Learning Engineer): add it under AIMLAM in " \
           "taxonomy.yaml before the catalog accepts the draft" in result.err
    taxonomy = catalog / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "      - code: MLE\n        name: ML Engineering\n"
                        "      - code: MLE2\n        name: ML Engineering 2\n", encoding="utf-8")
    assert run("--catalog", str(catalog), "validate").code == 0


def test_new_function_for_a_title_outside_the_taxonomy(run, catalog):
    write(catalog.parent / "nurse.md", "# Registered Nurse\n\nYou care for patients.\n\n## Responsibilities\n\n"
                                       "- Care for patients\n\n## Requirements\n\n- 2 years of nursing experience\n")
    result = _import(run, catalog, "nurse.md", "-o", "drafts")
    assert result.code == 0, result.err
    assert result.out == "drafts/RN.GEN.P2.yaml\n"
    assert "note: RN.GEN.P2 has a new function RN (Registered Nurse) and focus GEN" in result.err


def test_code_override_and_its_errors(run, catalog):
    write(catalog.parent / "p.md", POSTING)
    write(catalog.parent / "q.md", POSTING)
    assert _import(run, catalog, "p.md", "--code", "aimlam.arc.p4").out.startswith("catalog/roles/AIMLAM.ARC.P4.yaml\n")
    cases = {
        ("--code", "AIMLAM-GEN"): "--code 'AIMLAM-GEN' is not a role code (write FUNCTION.FOCUS.LEVEL, e.g. "
                                  "AIMLAM.NLP.P4)",
        ("--code", "AIMLAM.GEN.P4"): "--code AIMLAM.GEN.P4 is already in the catalog (catalog/roles/AIMLAM.GEN.P4.yaml) "
                                     "(choose a code the catalog does not have, or leave --code out to have one "
                                     "proposed)",
        ("--code", "AIMLAM.GEN.Q4"): "--code AIMLAM.GEN.Q4: level 'Q4' is not a level of the ladder",
        ("--code", "AIMLAM.NLP.P5", "--level", "P4"): "--code AIMLAM.NLP.P5 is at level P5, and --level says P4 "
                                                      "(give one of them, or make them agree)",
        ("--code", "DATA.GEN.P4"): "--code DATA.GEN.P4: function 'DATA' is not in the taxonomy (add it to "
                                   "taxonomy.yaml first, or use one of AIMLAM)",
        ("--code", "AIMLAM.XYZ.P4"): "--code AIMLAM.XYZ.P4: focus 'XYZ' is not in the taxonomy under AIMLAM",
    }
    for args, message in cases.items():
        result = _import(run, catalog, "q.md", *args)
        assert (result.code, result.err.startswith(message)) == (2, True), (args, result.err)
    result = _import(run, catalog, "p.md", "q.md", "--code", "AIMLAM.NLP.P5")
    assert (result.code, result.err) == (2, "--code names one profile, and 2 postings were given (import one posting "
                                            "at a time with --code, or leave it out to have codes proposed)\n")


def test_level_errors_and_level_from_the_title(run, catalog):
    write(catalog.parent / "plain.md", "# Data Annotator\n\nYou label data.\n\n## Responsibilities\n\n- Label\n")
    result = _import(run, catalog, "plain.md")
    assert (result.code, result.err) == (2, "plain.md: no level for the draft: the title names none and the posting "
                                            "states no years (pass --level, e.g. --level P3)\n")
    result = _import(run, catalog, "plain.md", "--level", "P9")
    assert (result.code, result.err) == (2, "--level 'P9' is not a level of the ladder (use one of S1, S2, S3, P1, "
                                            "P2, P3, P4, P5, P6, P7, P8, M1, M2, M3, M4, M5, M6, E1, E2, E3)\n") \
        or (result.code == 2 and result.err.startswith("--level 'P9' is not a level of the ladder (use one of"))
    write(catalog.parent / "junior.md", "# Junior Data Annotator\n\nYou label data.\n")
    result = _import(run, catalog, "junior.md", "-o", "out")
    assert result.code == 0 and "(level P1: the title says 'Junior' (P1 or P2) and no years: the lower;" in result.err


def test_error_paths(run, catalog, tmp_path):
    base = catalog.parent
    result = _import(run, catalog, "missing.md")
    assert result.code == 2 and result.err.startswith("missing.md")
    write(base / "empty.md", "")
    result = _import(run, catalog, "empty.md")
    assert result.code == 1 and result.err.startswith("empty.md")
    write(base / "p.md", POSTING)
    assert _import(run, catalog, "p.md", "-o", "out").code == 0
    result = _import(run, catalog, "p.md", "-o", "out", "--code", "AIMLAM.NLP.P4")
    assert (result.code, result.err) == (2, "out/AIMLAM.NLP.P4.yaml already exists (pass --force to overwrite it, "
                                            "or --code to file the draft under another code)\n")
    assert _import(run, catalog, "p.md", "-o", "out", "--force").code == 0
    (base / "elsewhere").mkdir()
    (base / "link").symlink_to(base / "elsewhere")
    result = _import(run, catalog, "p.md", "-o", "link")
    assert result.code == 2 and result.err.startswith("cannot write to link: it is a symbolic link")
    assert list((base / "elsewhere").iterdir()) == []
    write(base / "afile", "x")
    result = _import(run, catalog, "p.md", "-o", "afile")
    assert (result.code, result.err.startswith("cannot write to afile: it is a file, not a folder")) == (2, True)


def test_nothing_is_written_when_one_posting_fails(run, catalog):
    write(catalog.parent / "good.md", POSTING)
    write(catalog.parent / "bad.md", "# Data Annotator\n\n- Label\n")
    result = _import(run, catalog, "good.md", "bad.md", "-o", "out")
    assert result.code == 2 and not (catalog.parent / "out").exists()


@pytest.mark.parametrize("text", ["a: b", "*star", "&anchor", "# hash", "- dash", "x #y", "\"q\" 'single'",
                                  "Ünïcödé – ✓ 日本", "true", "5", "0x1F", "2024-01-01", "ends:", "  lead",
                                  "nbsp\u00a0x", "line\u2028sep", "back\\slash", "%pct", "@at", "{x}", "[y]",
                                  "! bang", "| pipe", "> gt", "? q", "---x", "null", "~", "word " * 30 + "end: x #2"])
def test_yaml_round_trip_of_hostile_texts(text):
    data = {"summary": text, "list": [{"text": text}], "long": "w " * 60 + text}
    assert parse_yaml(dump(data, [text], [text]), "t.yaml").data == data


def test_output_is_deterministic(run, catalog):
    write(catalog.parent / "p.md", POSTING)
    _import(run, catalog, "p.md", "-o", "one")
    _import(run, catalog, "p.md", "-o", "two")
    for name in ("AIMLAM.NLP.P4.yaml", "AIMLAM.NLP.P4.company.yaml.draft"):
        assert (catalog.parent / "one" / name).read_bytes() == (catalog.parent / "two" / name).read_bytes()


LEAD_IN = """\
# Senior Backend Engineer

Remote United States

USD 110k - 130k

## Description

We're looking for a generalist who can handle most anything except UI.

In this role you'll:

- Improve our diffing engine

Ideally, you'd have knowledge and experience in some or all of:

- Algorithms and data structures
- GitHub's REST and GraphQL APIs
"""


def test_lead_in_lines_and_lone_place_and_pay_lines(run, catalog):
    """Under a heading that says nothing ("Description"), the line before the bullets says what
    they are; a line that is only a place or a pay range is the company's."""
    write(catalog.parent / "backend.md", LEAD_IN)
    result = _import(run, catalog, "backend.md", "--code", "AIMLAM.NLP.P5")
    assert result.code == 0, result.err
    profile = _load(catalog / "roles" / "AIMLAM.NLP.P5.yaml")
    assert profile["summary"] == "We're looking for a generalist who can handle most anything except UI."
    assert [item["text"] for item in profile["responsibilities"]] == ["Improve our diffing engine"]
    assert profile["qualifications"] == [
        {"text": "Algorithms and data structures", "priority": "preferred"},
        {"text": "GitHub's REST and GraphQL APIs", "priority": "preferred"}]
    company = (catalog / "roles" / "AIMLAM.NLP.P5.company.yaml.draft").read_text(encoding="utf-8")
    assert "backend.md:3: Remote United States" in company and "backend.md:5: USD 110k - 130k" in company


def test_a_draft_that_does_not_load_yet_does_not_stop_the_next_import(run, catalog):
    """A first import's draft names a function the taxonomy lacks until someone adds it; a second
    import still reads titles, with the ladder's words instead of the broken file's aliases."""
    write(catalog.parent / "backend.md", LEAD_IN)
    assert _import(run, catalog, "backend.md").code == 0
    write(catalog.parent / "other.md", LEAD_IN.replace("Senior Backend Engineer", "Senior Backend Developer"))
    second = _import(run, catalog, "other.md")
    assert second.code == 0, second.err


def test_importing_the_same_posting_again_with_force_overwrites_its_draft(run, catalog):
    write(catalog.parent / "backend.md", LEAD_IN)
    first = _import(run, catalog, "backend.md")
    assert first.code == 0, first.err
    again = _import(run, catalog, "backend.md", "--force")
    assert (again.code, again.out) == (0, first.out)   # the same files, not a second code
    without = _import(run, catalog, "backend.md")
    assert (without.code, without.err) == (2, "backend.md was imported before, as BE.GEN.P4 (pass --force to draft it "
                                              "again over that file, or --code to file another draft)\n")
    typed_otherwise = _import(run, catalog, "./backend.md")
    assert (typed_otherwise.code, typed_otherwise.err) == (
        2, "./backend.md was imported before, as BE.GEN.P4 (pass --force to draft it again over that file, or --code "
           "to file another draft)\n")


def test_every_unusable_posting_is_reported_and_nothing_is_written(run, catalog):
    write(catalog.parent / "good.md", LEAD_IN)
    (catalog.parent / "empty.md").write_bytes(b"")
    (catalog.parent / "binary.md").write_bytes(b"# Title\n\nText \x00 here\n")
    result = _import(run, catalog, "good.md", "empty.md", "binary.md")
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith("empty.md") and "the file is empty" in lines[0]
    assert lines[1].startswith("binary.md:3:6: byte 0x00 (NUL) is not text")
    assert not list((catalog / "roles").glob("BE*"))


def test_the_company_draft_pasted_into_a_company_file_validates(run, catalog):
    """The draft is a fragment for a person to move into companies/<slug>.yaml: its keys and their
    shapes are the company file's, so pasting them over a real company file gives a valid one."""
    import yaml

    write(catalog.parent / "senior.md", POSTING)
    assert _import(run, catalog, "senior.md").code == 0
    draft = _load(catalog / "roles" / "AIMLAM.NLP.P4.company.yaml.draft")
    target = catalog / "companies" / "northwind.yaml"
    company = _load(target)
    for key, value in draft.items():
        if isinstance(value, dict) and isinstance(company.get(key), dict):
            company[key] = {**company[key], **value}
        else:
            company[key] = value
    target.write_text(yaml.safe_dump(company, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run("--catalog", str(catalog), "validate")
    assert result.code == 0, result.err
    assert set(draft) == {"company", "benefits", "eeo"}   # what the posting had
    assert "Acme builds legal software." in target.read_text(encoding="utf-8")
