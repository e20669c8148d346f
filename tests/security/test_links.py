"""Safe links: catalog addresses are checked on load, and postings link only to https, http and mailto.

The attack: a company's ``apply.url`` was only checked to start with ``http(s)://``, so
a value with a line break put a second Markdown link (``ms-msdt:``, a phishing page)
into every HTML and DOCX posting; a catalog's own templates could write such links
directly, as Markdown links, autolinks, raw HTML or, in ``posting.html.j2``, as markup.
Each test builds its hostile catalog in tmp_path, runs the real command, and checks the
outputs by parsing them (HTML anchors, DOCX hyperlink relationships), the exact message
and exit code, and that nothing outside the catalog and output folders changed.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import edit, line_of, write

from jdgen import addresses, models
from jdgen.render.filters import md_url
from jdgen.resources import builtin_catalog, shipped
from jdgen.schemas import load_schema

APPLY = "https://northwind-analytics.example/careers"
GOOD_HREFS = {APPLY}
ALLOWED = re.compile(r"(?i)(https?://|mailto:)")


# --- helpers -------------------------------------------------------------------------

@pytest.fixture
def setup(tmp_path):
    """A catalog copy, and a sentinel folder beside it that no command may touch."""
    root = tmp_path / "catalog"
    shutil.copytree(builtin_catalog(), root)
    sentinel = tmp_path / "sentinel"
    write(sentinel / "keep.txt", "untouched\n")
    return root, sentinel


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, name) for name, _ in attrs]
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src", "action", "formaction")]


def html_links(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def docx_targets(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as docx:
        rels = docx.read("word/_rels/document.xml.rels").decode("utf-8")
    return [m.group(2) for m in re.finditer(r'<Relationship [^>]*Type="([^"]*/hyperlink)" Target="([^"]*)"', rels)]


def render_all(run, root: Path, company: str = "northwind"):
    out = root.parent / "out"
    result = run("render", "AIMLAM.GEN.P4", "--company", company, "-f", "html,docx", "-o", str(out),
                 "--date", "2026-11-23", cwd=root)
    return result, out / f"AIMLAM.GEN.P4.{company}.html", out / f"AIMLAM.GEN.P4.{company}.docx"


def link_warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning: templates/")]


def md_template(root: Path, extra: str) -> Path:
    """The shipped posting.md.j2 as the catalog's own, with ``extra`` appended."""
    text = (shipped("templates") / "posting.md.j2").read_text(encoding="utf-8")
    return write(root / "templates" / "posting.md.j2", text + "\n## Verify\n\n" + extra + "\n")


def md_warning(what: str, outcome: str = "is dropped, its text kept",
               hint: str = "postings link only to https, http and mailto addresses") -> str:
    return f"warning: templates/posting.md.j2: {what} in posting AIMLAM.GEN.P4 for northwind {outcome} ({hint})"


# --- catalog data ----------------------------------------------------------------------

def test_apply_url_with_a_line_break_and_a_markdown_link_is_refused(run, setup):
    root, sentinel = setup
    company = root / "companies" / "northwind.yaml"
    edit(company, f"url: {APPLY}",
         f'url: "{APPLY}\\n[Verify your account](ms-msdt:/id%20PCWDiagnostic%20/skip%20force)"')
    line = line_of(company, "url: ")
    before = snapshot(sentinel)
    expected = (f"companies/northwind.yaml:{line}:8: apply.url contains a line break "
                f"(write one full address starting with https://, e.g. https://example.com/jobs)")

    validated = run("validate", cwd=root)
    assert validated.code == 1
    assert expected in validated.out.splitlines() + validated.err.splitlines()

    rendered, html, docx = render_all(run, root)
    assert rendered.code == 1
    assert rendered.err.splitlines()[0] == expected
    assert not html.exists() and not docx.exists()
    assert snapshot(sentinel) == before


@pytest.mark.parametrize("value, problem", [
    ("ftp://northwind-analytics.example/careers", "uses ftp:, not https:// or http://"),
    ("javascript:alert(document.domain)", "uses javascript:, not https:// or http://"),
    ("JaVaScRiPt:alert(1)", "uses javascript:, not https:// or http://"),
    ("ms-msdt:/id PCWDiagnostic", "contains a space"),
    ("www.northwind-analytics.example", "does not start with https:// or http://"),
    ("HTTPS://northwind-analytics.example", "must start with https:// or http:// in lower case, with both slashes"),
    ("https:northwind-analytics.example", "must start with https:// or http:// in lower case, with both slashes"),
    ("https://northwind-analytics.example@evil.example/login",
     "names a user before its host (user@host), which hides where the link goes"),
    ("https://", "has no host name after ://"),
    ("https://northwind-analytics.example/care\\u00adrs", "contains the invisible character U+00AD"),
    ("https://northwind-analytics.example/\\u00a0careers", "contains a space"),
    ("https://northwind-analytics.example/\\tcareers", "contains a space"),
    ("https://northwind-analytics.example/<script>", "contains '<', which web addresses may not"),
])
def test_apply_urls_other_than_one_http_address_are_refused(run, setup, value, problem):
    root, sentinel = setup
    company = root / "companies" / "northwind.yaml"
    edit(company, f"url: {APPLY}", f'url: "{value}"')
    line = line_of(company, "url: ")
    before = snapshot(sentinel)
    result = run("validate", cwd=root)
    assert result.code == 1
    message = (f"companies/northwind.yaml:{line}:8: apply.url {problem} "
               f"(write one full address starting with https://, e.g. https://example.com/jobs)")
    assert message in result.out.splitlines() + result.err.splitlines()
    assert snapshot(sentinel) == before


@pytest.mark.parametrize("value, problem", [
    ("mailto:karriere@lindenhof-logistik.example", "starts with mailto:"),
    ("karriere@lindenhof-logistik.example?body=Send%20your%20password",
     "contains '?', which email addresses here may not"),
    ("karriere@lindenhof-logistik.example\\n[x](ms-msdt:y)", "contains a line break"),
    ("karriere(at)lindenhof-logistik.example", "contains '(', which email addresses here may not"),
    ("karriere", "is not an email address like name@example.com"),
])
def test_apply_emails_other_than_one_address_are_refused(run, setup, value, problem):
    root, sentinel = setup
    company = root / "companies" / "lindenhof.yaml"
    edit(company, "email: karriere@lindenhof-logistik.example", f'email: "{value}"')
    line = line_of(company, 'email: "')
    before = snapshot(sentinel)
    result = run("validate", cwd=root)
    assert result.code == 1
    message = (f"companies/lindenhof.yaml:{line}:10: apply.email {problem} "
               f"(write one address such as jobs@example.com; jdgen adds the mailto: itself)")
    assert message in result.out.splitlines() + result.err.splitlines()
    assert snapshot(sentinel) == before


def test_company_website_and_profile_source_urls_are_checked_too(run, setup):
    root, _ = setup
    company = root / "companies" / "lindenhof.yaml"
    edit(company, "website: https://lindenhof-logistik.example", 'website: "file:///etc/passwd"')
    profile = root / "roles" / "AIMLAM.GEN.P4.yaml"
    edit(profile, "    note: every component item",
         '    url: "data:text/html,<script>alert(1)</script>"\n    note: every component item')
    result = run("validate", cwd=root)
    assert result.code == 1
    lines = result.out.splitlines() + result.err.splitlines()
    hint = "(write one full address starting with https://, e.g. https://example.com/jobs)"
    assert (f"companies/lindenhof.yaml:{line_of(company, 'website:')}:12: company.website uses file:, "
            f"not https:// or http:// {hint}") in lines
    assert (f"roles/AIMLAM.GEN.P4.yaml:{line_of(profile, 'url: ')}:10: sources[0].url uses data:, "
            f"not https:// or http:// {hint}") in lines


def test_good_addresses_still_load():
    for value in ("https://northwind-analytics.example/careers?team=ml&src=jdgen#apply", "http://[2001:db8::1]:8080/",
                  "https://münchen.example/stellen/@team", "https://x.example"):
        assert addresses.is_web_address(value), value
    for value in ("jobs@example.com", "first.last+jobs@sub.example.co.uk", "karriere@münchen.example"):
        assert addresses.is_email_address(value), value


def test_schemas_state_the_models_address_rules():
    """The schema patterns are the very regexes the models run (with the same engine, Python's re)."""
    company = load_schema("company")
    profile = load_schema("profile")
    assert company["properties"]["company"]["properties"]["website"]["pattern"] == addresses.WEB_ADDRESS
    assert company["properties"]["apply"]["properties"]["url"]["pattern"] == addresses.WEB_ADDRESS
    assert company["properties"]["apply"]["properties"]["email"]["pattern"] == addresses.EMAIL_ADDRESS
    assert profile["properties"]["sources"]["items"]["properties"]["url"]["pattern"] == addresses.WEB_ADDRESS
    with pytest.raises(ValueError):
        models.Source.model_validate({"title": "x", "url": "https://x.example/\n[a](ms-msdt:b)"})


# --- the rules themselves --------------------------------------------------------------------

def test_md_url_keeps_a_destination_one_destination():
    assert md_url("https://x.example/a b\n[c](ms-msdt:d)\u200b") == \
        "https://x.example/a%20b%0A[c]%28ms-msdt:d%29%E2%80%8B"
