"""jdgen render: postings carry what they must, in clean CommonMark, and fail clearly."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from conftest import write
from jdgen.resources import builtin_catalog
from jdgen.catalog.yaml_source import load_yaml

DATE = ["--date", "2026-11-23"]
P4 = load_yaml(builtin_catalog() / "roles" / "AIMLAM.GEN.P4.yaml").data
P4_DE = load_yaml(builtin_catalog() / "translations" / "de" / "AIMLAM.GEN.P4.yaml").data
DUTIES = [item.get("posting", item["text"]) for item in P4["responsibilities"]]


def render(run, *args, cwd):
    result = run("render", *args, *DATE, cwd=cwd)
    assert result.code == 0, result.err
    return result


def test_generic_posting_is_the_default_output(run, tmp_path):
    result = render(run, "AIMLAM.GEN.P4", cwd=tmp_path)
    md = result.out
    assert md.startswith("# Senior AI/ML Engineer / Tech Lead\n\n> DRAFT — not approved for publication (profile status: draft)\n\nLevel P4 · Senior Professional · 5–8 years of experience\n")
    for item in P4["responsibilities"]:
        assert f"- {item.get('posting', item['text'])}\n" in md
    assert "## Compensation" not in md and "## How to apply" not in md
    assert result.err == "warning: AIMLAM.GEN.P4 is not approved (status: draft); its posting is marked as a draft: review it before publishing\n"


@pytest.mark.parametrize("slug, name, pay, eeo, duties", [
    ("northwind", "Northwind Analytics, Inc.", "$157,000–$196,000 per year", "Northwind Analytics is an equal opportunity employer.",
     DUTIES),
    ("lindenhof", "Lindenhof Logistik GmbH", "80.000\u00a0€ – 98.000\u00a0€ brutto pro Jahr", "Wir freuen uns über alle Bewerbungen",
     [entry["text"] for entry in P4_DE["responsibilities"]]),   # Lindenhof publishes in German
])
def test_company_posting_carries_name_pay_eeo_and_every_responsibility(run, tmp_path, slug, name, pay, eeo, duties):
    md = render(run, "AIMLAM.GEN.P4", "--company", slug, cwd=tmp_path).out
    assert name in md and pay in md and eeo in md
    assert len(duties) == len(P4["responsibilities"])
    for duty in duties:
        assert f"- {duty}\n" in md


def test_sections_come_in_the_documented_order(run, tmp_path):
    md = render(run, "AIMLAM.GEN.P4", "-c", "northwind", cwd=tmp_path).out
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == ["About the role", "Your team", "What you will do", "What success looks like",
                        "What you will bring", "Nice to have", "How we work", "Our stack", "Compensation",
                        "About Northwind Analytics, Inc.", "How we hire", "How to apply",
                        "Equal opportunity and accommodation"]
    assert md.splitlines()[4] == ("Northwind Analytics, Inc. · Denver, CO / New York, NY · Hybrid · Full-time"
                                  " · $157,000–$196,000 per year")


def test_markdown_is_clean_commonmark(run, tmp_path):
    for company in ([], ["-c", "northwind"], ["-c", "lindenhof"]):
        md = render(run, "AIMLAM.GEN.P4", *company, cwd=tmp_path).out
        lines = md.split("\n")
        assert md.endswith("\n") and not md.endswith("\n\n")
        assert all(line == line.rstrip() for line in lines)
        assert sum(1 for line in lines if line.startswith("# ")) == 1
        assert "\n\n\n" not in md
        for i, line in enumerate(lines):
            if line.startswith("#"):
                assert i == 0 or lines[i - 1] == "", line
                assert lines[i + 1] == "", line
            if line.startswith("- ") and i and not lines[i - 1].startswith("- "):
                assert lines[i - 1] == "", line
        tokens = MarkdownIt("commonmark").parse(md)
        assert [t.tag for t in tokens if t.type == "heading_open"].count("h1") == 1


def _catalog_with_text(catalog, text):
    data = (catalog / "roles" / "AIMLAM.GEN.P4.yaml").read_text(encoding="utf-8")
    # The item's posting wording would be printed instead of its text: drop it with the text.
    old = data[data.index("  - text: Technical lead for an AI/ML team"):]
    old = old[:old.index("\n", old.index("posting:")) + 1]
    data = data.replace(old, f"  - text: '{text}'\n")
    write(catalog / "roles" / "AIMLAM.GEN.P4.yaml", data)


@pytest.mark.parametrize("text", [
    "Own *all* the _models_ # and <script>alert(1)</script> [link](http://x) `code`",
    "- starts like a list", "1. starts like a numbered list", "## looks like a heading", "> a quote",
    "&amp; entity and a\\\\backslash", "=====",
])
def test_user_text_creates_no_markup(run, catalog, text):
    _catalog_with_text(catalog, text)
    md = render(run, "AIMLAM.GEN.P4", cwd=catalog).out
    tokens = MarkdownIt("commonmark").parse(md)
    inline = [t for t in tokens if t.type == "inline"]
    items = [t for t in inline if t.children and "".join(c.content for c in t.children) == text]
    assert len(items) == 1, [t.content for t in inline]
    assert all(c.type == "text" for c in items[0].children), [c.type for c in items[0].children]


def test_jsonld_has_googles_required_properties(run, tmp_path):
    for company in ("northwind", "lindenhof"):
        data = json.loads(render(run, "AIMLAM.GEN.P4", "-c", company, "-f", "jsonld", "--jsonld-drafts",
                                 cwd=tmp_path).out)
        assert data["@context"] == "https://schema.org" and data["@type"] == "JobPosting"
        assert data["title"] and data["description"] != data["title"]
        # the line under the title (where, how, full- or part-time) opens the description; the title does not
        assert data["description"].startswith("<p>") and "<h1>" not in data["description"]
        assert ("Full-time" if company == "northwind" else "Vollzeit") in data["description"].split("<h2>")[0]
        assert data["datePosted"] == "2026-11-23"
        assert data["hiringOrganization"]["name"]
        assert all(place["address"]["addressCountry"] for place in data.get("jobLocation", [])) and (
            data.get("jobLocation") or data.get("jobLocationType") == "TELECOMMUTE")
        assert data["baseSalary"]["value"]["unitText"] == "YEAR"
        assert data["employmentType"] == "FULL_TIME"
        assert data["experienceRequirements"]["monthsOfExperience"] == 60
        assert data["occupationalCategory"]["codeValue"] == "15-0000"
        assert "<a " not in data["description"]


def test_a_hybrid_role_with_a_remote_option_keeps_its_office_and_is_not_telecommute(run, tmp_path):
    data = json.loads(render(run, "AIMLAM.GEN.P4", "-c", "lindenhof", "-f", "jsonld", "--jsonld-drafts", cwd=tmp_path).out)
    assert "jobLocationType" not in data and "applicantLocationRequirements" not in data
    assert [place["address"]["addressLocality"] for place in data["jobLocation"]] == ["München"]
    northwind = json.loads(render(run, "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts",
                                  cwd=tmp_path).out)
    assert northwind["validThrough"] == "2026-12-31T23:59:59-05:00"
    assert northwind["identifier"]["value"] == "NW-2026-118"


def test_html_is_standalone_escaped_and_embeds_jsonld(run, catalog):
    _catalog_with_text(catalog, "<script>alert(1)</script>")
    html = render(run, "AIMLAM.GEN.P4", "-c", "northwind", "-f", "html", "--jsonld-drafts", cwd=catalog).out
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta name=\"robots\" content=\"noindex\">\n")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    embedded = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S).group(1)
    assert json.loads(embedded)["@type"] == "JobPosting"
    assert html.count("<section>") == 13 and "<article>" in html and "<header>" in html


def test_same_inputs_give_identical_bytes_across_processes(tmp_path):
    outputs = set()
    for tz, seed in (("UTC", "1"), ("Asia/Tokyo", "2")):
        env = {**os.environ, "TZ": tz, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1795392000"}
        env.pop("JDGEN_CATALOG", None)
        done = subprocess.run([sys.executable, "-m", "jdgen", "render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "html",
                               "--jsonld-drafts"],
                              cwd=tmp_path, env=env, capture_output=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert b'"datePosted": "2026-11-23"' in outputs.pop()


def test_date_from_source_date_epoch(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts", cwd=tmp_path,
                 env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert json.loads(result.out)["datePosted"] == "2026-01-01"


def test_bad_date(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "--date", "23.11.2026", cwd=tmp_path)
    assert (result.code, result.err) == (2, "--date '23.11.2026' is not a date (write it as YYYY-MM-DD)\n")


def test_alias_resolves_to_code(run, tmp_path):
    md = render(run, "Sr. Machine Learning", cwd=tmp_path).out
    assert md.startswith("# Senior AI/ML Engineer / Tech Lead\n\n> DRAFT — not approved for publication (profile status: draft)\n\n")
    resolved = run("resolve", "sr machine learning", cwd=tmp_path)
    assert resolved.code == 0
    assert resolved.out.splitlines()[0] == "AIMLAM.GEN.P4  Senior AI/ML Engineer / Tech Lead"
    # "Sr." and "Senior" compare equal; of the two aliases the higher confidence wins
    assert "matched alias 'Senior Machine Learning' (confidence 0.82, not approved)" in resolved.out
    assert run("resolve", "Machine Learning iv", cwd=tmp_path).out.startswith("AIMLAM.GEN.P4")


def test_ambiguous_alias_lists_candidates(run, catalog, p4_text):
    other = p4_text.replace("AIMLAM.GEN.P4", "AIMLAM.GEN.P5").replace("level: P4", "level: P5").replace(
        "5-8 years", "8-12 years")
    write(catalog / "roles" / "AIMLAM.GEN.P5.yaml", other)
    result = run("render", "Deep Learning IV", cwd=catalog)
    assert result.code == 2
    assert result.err == ("'Deep Learning IV' is ambiguous: AIMLAM.GEN.P4 ('Deep Learning IV'), AIMLAM.GEN.P5 "
                          "('Deep Learning IV') (give the role code instead, or approve one alias in its profile)\n")


def test_unknown_title_gets_the_resolvers_account_not_a_code_message(run, tmp_path):
    result = run("render", "Chief Happiness Officer", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("no role code or title matches 'Chief Happiness Officer' "
                                 "(compared as 'chief happiness officer'; ")
    assert result.err.endswith("run `jdgen list` for codes, or `jdgen show CODE` for a role's aliases)\n")
    assert "no role profile with code" not in result.err


def test_a_title_near_one_in_the_catalog_is_offered_by_render(run, tmp_path):
    result = run("render", "Senior AI/ML Engineer", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("no role code or title matches 'Senior AI/ML Engineer' (compared as "
                                 "'senior ai ml engineer'; did you mean 'Senior AI Engineer' (AIMLAM.APP.P4)?")
    assert result.err.count("\n") == 1


def test_an_unknown_code_still_gets_the_nearest_codes(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P9", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("no role profile with code 'AIMLAM.GEN.P9' in the built-in catalog (did you mean "
                                 "AIMLAM.GEN.P1, ")


def test_output_to_file_folder_and_batch(run, tmp_path):
    out = tmp_path / "out"
    single = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "md,html,jsonld", "--jsonld-drafts", "-o", str(out),
                 *DATE, cwd=tmp_path)
    assert single.code == 0, single.err
    names = sorted(p.name for p in out.iterdir())
    assert names == ["AIMLAM.GEN.P4.northwind.html", "AIMLAM.GEN.P4.northwind.jsonld", "AIMLAM.GEN.P4.northwind.md"]
    assert single.out.splitlines() == [str(out / n) for n in ["AIMLAM.GEN.P4.northwind.md", "AIMLAM.GEN.P4.northwind.html",
                                                               "AIMLAM.GEN.P4.northwind.jsonld"]]
    file_target = tmp_path / "posting.md"
    assert run("render", "AIMLAM.GEN.P4", "-o", str(file_target), *DATE, cwd=tmp_path).code == 0
    assert file_target.read_text(encoding="utf-8").startswith("# Senior AI/ML Engineer / Tech Lead\n\n> DRAFT — not approved for publication (profile status: draft)\n\n")
    batch = tmp_path / "batch"
    result = run("render", "--all", "--all-companies", "-o", str(batch), *DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    assert {p.name for p in batch.iterdir()} >= {"AIMLAM.GEN.P4.northwind.md", "AIMLAM.GEN.P4.lindenhof.md"}
    assert not [p for p in batch.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_batch_needs_an_output_folder(run, tmp_path):
    result = run("render", "--all", cwd=tmp_path)
    assert (result.code, result.err) == (2, "rendering several postings needs -o DIR (e.g. jdgen render --all -o out/)\n")


def test_unknown_format(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "-f", "pdf", cwd=tmp_path)
    assert (result.code, result.err) == (2, "--format 'pdf' is not one of: md, html, jsonld, docx\n")


def test_unknown_company(run, tmp_path):
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwnd", cwd=tmp_path)
    assert result.code == 2
    assert result.err == "no company 'northwnd' in the built-in catalog (did you mean 'northwind'?)\n"


def test_jsonld_lists_required_skills_only(run, tmp_path):
    import json

    northwind = json.loads(run("render", "AIMLAM.GEN.P4", "-c", "northwind", "-f", "jsonld", "--jsonld-drafts",
                               "--date", "2026-11-23", cwd=tmp_path).out)
    assert northwind["hiringOrganization"]["name"] == "Northwind Analytics, Inc."
    assert "Spark or Databricks" not in northwind["skills"]  # preferred: the posting's Nice to have
    assert "Owning projects end to end" in northwind["skills"]   # the printed wording of "Project ownership"
    # 15-0000 is a SOC major group, not an O*NET-SOC occupation (those end in .NN)
    assert northwind["occupationalCategory"]["inCodeSet"]["name"] == "SOC 2018"


def test_money_is_written_as_the_company_language_writes_it():
    from jdgen.render.cldr import money

    assert money(68000, "EUR") == "€68,000"
    assert money(68000, "EUR", "de_DE") == "68.000\u00a0€"
    assert money(1234.5, "EUR", "de_DE") == "1.234,50\u00a0€"
    assert money(68000, "CHF", "de_DE") == "68.000\u00a0CHF"
    assert money(157000, "USD", "en_US") == "$157,000"
