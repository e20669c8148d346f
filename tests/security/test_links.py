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

from jdgen.catalog import addresses, models
from jdgen.render.filters import md_url
from jdgen.render.links import link_problem
from jdgen.resources import builtin_catalog, shipped
from jdgen.catalog.schemas import load_schema

APPLY = "https://northwind-analytics.example/careers"
# The apply page, and the accommodation address the EEO text names (postings link it with mailto:).
GOOD_HREFS = {APPLY, "mailto:accommodations@northwind-analytics.example"}
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
    # --jsonld-drafts: the draft P4's page then carries its JSON-LD script, the one script allowed
    result = run("render", "AIMLAM.GEN.P4", "--company", company, "-f", "html,docx", "--jsonld-drafts", "-o", str(out),
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
    line = line_of(company, "  url: ")  # not logo_url: or posting_url:
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
    ("https://northwind-analytics.example/\\u00a0careers", "contains a space"),
    ("https://northwind-analytics.example/\\tcareers", "contains a space"),
    ("https://northwind-analytics.example/<script>", "contains '<', which web addresses may not"),
])
def test_apply_urls_other_than_one_http_address_are_refused(run, setup, value, problem):
    root, sentinel = setup
    company = root / "companies" / "northwind.yaml"
    edit(company, f"url: {APPLY}", f'url: "{value}"')
    line = line_of(company, "  url: ")  # not logo_url: or posting_url:
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


# --- links written by templates ---------------------------------------------------------

HOSTILE = {
    "[Verify your account](ms-msdt:/id%20PCWDiagnostic%20/skip%20force)": "ms-msdt:",
    "[Verify](<ms-msdt:/id PCWDiagnostic>)": "ms-msdt:",
    "<ms-msdt:/id%20PCWDiagnostic>": "ms-msdt:",
    "<javascript:alert(1)>": "javascript:",
    "[Open](JaVaScRiPt:alert(1))": "javascript:",
    "[Open](&#106;avascript:alert(1))": "javascript:",
    "[Open](&#x6A;avascript&colon;alert(1))": "javascript:",
    "[Open](<java\tscript:alert(1)>)": "a relative address",
    "[Open](java&#9;script:alert(1))": "a relative address",
    "[Open](%6Aavascript:alert(1))": "a relative address",
    "[Open](vbscript:msgbox(1))": "vbscript:",
    "[Files](file:///C:/Windows/System32/calc.exe)": "file:",
    "[Files](FILE://server/share)": "file:",
    "[Data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)": "data:",
    "[Search](search-ms:query=invoice&crumb=location:\\\\evil.example\\share)": "search-ms:",
    "[Relative](../../../etc/passwd)": "a relative address",
    "[Anywhere](//evil.example/login)": "a relative address",
    "[Anchor](#apply)": "a relative address",
    "[Empty]()": "a relative address",
    "[Broken](https:evil.example)": "an incomplete https: address",
}


@pytest.mark.parametrize("markdown", sorted(HOSTILE))
def test_a_template_link_that_is_not_https_http_or_mailto_is_dropped(run, setup, markdown):
    root, sentinel = setup
    md_template(root, f"Before {markdown} after.")
    before = snapshot(sentinel)
    result, html, docx = render_all(run, root)
    assert result.code == 0, result.err
    assert link_warnings(result.err) == [md_warning(f"a link to {HOSTILE[markdown]}")]
    page = html_links(html)
    assert set(page.hrefs) == GOOD_HREFS
    assert set(docx_targets(docx)) == GOOD_HREFS
    assert "Before " in html.read_text(encoding="utf-8") and " after." in html.read_text(encoding="utf-8")
    assert snapshot(sentinel) == before


def test_reference_style_links_are_held_to_the_same_rule(run, setup):
    root, _ = setup
    md_template(root, "[Verify your account][check] or [careers][jobs].\n\n"
                      "[check]: ms-msdt:/id%20PCWDiagnostic\n[jobs]: https://careers.example/jobs")
    result, html, docx = render_all(run, root)
    assert result.code == 0
    assert link_warnings(result.err) == [md_warning("a link to ms-msdt:")]
    assert set(html_links(html).hrefs) == set(docx_targets(docx)) == {APPLY, "https://careers.example/jobs", "mailto:accommodations@northwind-analytics.example"}


def test_images_from_other_schemes_become_their_alt_text(run, setup):
    root, _ = setup
    md_template(root, "![Company logo](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")
    result, html, docx = render_all(run, root)
    assert result.code == 0
    assert link_warnings(result.err) == [md_warning("an image from data:", "is dropped, its alt text kept")]
    page = html_links(html)
    assert "img" not in page.tags and set(page.hrefs) == GOOD_HREFS
    assert "Company logo" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("raw, tag", [
    ('<a href="javascript:alert(1)">Verify your account</a>', "a"),
    ('<a href="ms-msdt:/id PCWDiagnostic">Verify</a> inline', "a"),
    ("<script>location = 'ms-msdt:/id PCWDiagnostic'</script>", "script"),
    ('<img src="x" onerror="alert(1)">', "img"),
    ('<div onclick="alert(1)">Click</div>', "onclick="),
])
def test_raw_html_in_the_markdown_never_becomes_markup(run, setup, raw, tag):
    root, sentinel = setup
    md_template(root, raw)
    before = snapshot(sentinel)
    result, html, docx = render_all(run, root)
    assert result.code == 0
    what = f"a raw HTML <{tag}> tag" if not tag.endswith("=") else f"a raw HTML {tag} attribute"
    assert link_warnings(result.err) == [md_warning(
        what, "shows as text, not as markup",
        "postings show raw HTML as text; write Markdown, with links to https, http or mailto addresses")]
    page = html_links(html)
    assert set(page.hrefs) == GOOD_HREFS
    assert page.tags.count("script") == 1          # the JSON-LD block only
    assert not [a for a in page.attrs if a[1].startswith("on")]
    assert set(docx_targets(docx)) == GOOD_HREFS
    assert snapshot(sentinel) == before


def test_https_http_and_mailto_links_in_a_template_still_work(run, setup):
    root, _ = setup
    md_template(root, "[Careers](https://careers.example/jobs), [Old](HTTP://old.example/), "
                      "<https://auto.example/x> and [Write to us](mailto:jobs@careers.example).")
    result, html, docx = render_all(run, root)
    assert result.code == 0
    assert link_warnings(result.err) == []
    wanted = {APPLY, "mailto:accommodations@northwind-analytics.example", "https://careers.example/jobs", "HTTP://old.example/", "https://auto.example/x",
              "mailto:jobs@careers.example"}
    assert set(html_links(html).hrefs) == wanted
    assert set(docx_targets(docx)) == wanted


def test_the_built_in_templates_link_apply_url_and_email(run, setup):
    root, _ = setup
    result, html, docx = render_all(run, root)
    assert (result.code, link_warnings(result.err)) == (0, [])
    assert set(html_links(html).hrefs) == set(docx_targets(docx)) == GOOD_HREFS
    result, html, docx = render_all(run, root, "lindenhof")
    assert (result.code, link_warnings(result.err)) == (0, [])
    assert set(html_links(html).hrefs) == set(docx_targets(docx)) == {"mailto:karriere@lindenhof-logistik.example",
                                                                    "mailto:barrierefrei@lindenhof-logistik.example"}


def test_lint_reports_a_template_link_that_postings_drop(run, setup):
    """The .md output is the template's own text, so lint (JD702) is where such a link is stopped in CI."""
    root, _ = setup
    template = md_template(root, "[Verify your account](ms-msdt:/id%20PCWDiagnostic)")
    result = run("lint", "--select", "JD702", "--as-of", "2026-11-23", cwd=root)
    assert result.code == 1
    line = line_of(template, "ms-msdt:")
    col = template.read_text(encoding="utf-8").splitlines()[line - 1].index("ms-msdt:") + 1
    assert result.out.splitlines()[0] == (
        f"templates/posting.md.j2:{line}:{col}: JD702 error a link to ms-msdt: is dropped, its text kept "
        f"(postings link only to https, http and mailto addresses)")


# --- a catalog's own page template ---------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="{{ language }}">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=ms-msdt:/id PCWDiagnostic">
<title>{{ title }}</title>
<script type="application/ld+json">{{ jsonld | tojson }}</script>
<script type="text/javascript" type="application/ld+json">alert(1)</script>
<script>location = 'ms-msdt:/id PCWDiagnostic'</script>
<base href="https://evil.example/">
</head>
<body onload="alert(1)">
<a href="ms-msdt:/id%20PCWDiagnostic">Verify your account</a>
<a href="&#106;avascript:alert(1)">Entity</a>
<a href="java&#9;script:alert(1)">Tab</a>
<a href="mailto:jobs@careers.example">Mail us</a>
<img src="file:///etc/passwd" alt="Logo">
<svg><a href="javascript:alert(1)"><text>svg</text></a></svg>
<iframe src="https://evil.example/"></iframe>
<form action="https://evil.example/"><input name="password"><button onclick="send()">Send</button></form>
<!--[if IE]><script>alert(1)</script><![endif]-->
<p title="</p><script>alert(1)</script>">para</p>
{{ header_html }}
{% for section in sections_html %}<section>{{ section }}</section>{% endfor %}
</body></html>
"""


def page_warning(what: str, hint: str) -> str:
    return f"warning: templates/posting.html.j2: {what} in posting AIMLAM.GEN.P4 for northwind is dropped ({hint})"


def test_a_catalog_page_template_keeps_only_safe_links_and_no_scripts(run, setup):
    root, sentinel = setup
    write(root / "templates" / "posting.html.j2", PAGE)
    before = snapshot(sentinel)
    result, html, docx = render_all(run, root)
    assert result.code == 0
    page = html_links(html)
    assert set(page.hrefs) == {APPLY, "mailto:jobs@careers.example", "mailto:accommodations@northwind-analytics.example"}
    assert page.tags.count("script") == 1
    assert not {"iframe", "form", "input", "button", "svg", "base"} & set(page.tags)
    assert not [a for a in page.attrs if a[1].startswith("on") or a[1] == "http-equiv"]
    text = html.read_text(encoding="utf-8")
    assert "Verify your account" in text and "alert(1)</script>" not in text
    json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1))
    element = "a posting page carries no scripts, frames, forms or embedded objects"
    attribute = "a posting page carries no event handlers or other active attributes"
    link = "postings link only to https, http and mailto addresses"
    assert link_warnings(result.err) == [
        page_warning("the http-equiv= attribute of a <meta>", attribute),
        page_warning("a <script> element", element),
        page_warning("a <base> element", element),
        page_warning("the onload= attribute of a <body>", attribute),
        page_warning("an <a href> to ms-msdt:", link),
        page_warning("an <a href> to javascript:", link),     # the entity and the tab spelling alike
        page_warning("an <img src> to file:", link),
        page_warning("a <svg> element", element),
        page_warning("an <iframe> element", element),
        page_warning("a <form> element", element),
        page_warning("an <input> element", element),
        page_warning("a <button> element", element),
    ]
    assert snapshot(sentinel) == before


def test_the_same_hostile_page_gives_the_same_bytes(run, setup):
    root, _ = setup
    write(root / "templates" / "posting.html.j2", PAGE)
    first = render_all(run, root)[1].read_bytes()
    assert render_all(run, root)[1].read_bytes() == first


# --- the rules themselves --------------------------------------------------------------------

@pytest.mark.parametrize("address, problem", [
    ("https://x.example/a", None), ("http://x.example", None), ("HTTPS://X.EXAMPLE", None),
    ("mailto:a@b.example", None), ("MAILTO:a@b.example", None), (" https://x.example ", None),
    ("javascript:alert(1)", "javascript:"), ("JaVaScRiPt:alert(1)", "javascript:"),
    ("java\tscript:alert(1)", "javascript:"), ("java\nscript:alert(1)", "javascript:"),
    ("\x01javascript:alert(1)", "javascript:"), ("ms-msdt:/id x", "ms-msdt:"),
    ("java%09script:alert(1)", "a relative address"), ("/careers", "a relative address"), ("", "a relative address"),
    ("mailto:", "an incomplete mailto: address"), ("https:///evil", "an incomplete https: address"),
])
def test_link_problem(address, problem):
    assert link_problem(address) == problem


def test_md_url_keeps_a_destination_one_destination():
    assert md_url("https://x.example/a b\n[c](ms-msdt:d)\u200b") == \
        "https://x.example/a%20b%0A[c]%28ms-msdt:d%29%E2%80%8B"


def test_an_invisible_character_in_an_address_is_refused_where_it_is_loaded(run, setup):
    """A soft hyphen hides inside a link as anywhere else: the loader names it before the address rule runs."""
    root, _ = setup
    company = root / "companies" / "northwind.yaml"
    edit(company, f"url: {APPLY}", 'url: "https://northwind-analytics.example/care\\u00adrs"')
    line = line_of(company, "  url: ")  # not logo_url: or posting_url:
    result = run("validate", cwd=root)
    assert (result.code, result.out.splitlines()) == (1, [
        f"companies/northwind.yaml:{line}:8: apply.url holds U+00AD (SOFT HYPHEN), an invisible character, "
        "which can disguise text (remove it)"])
