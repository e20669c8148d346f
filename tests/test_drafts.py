"""A posting from a profile that is not approved is marked as a draft in every format, by jdgen
itself; the DOCX header, footer and language say what a recruiter's document should."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import edit

DATE = "2026-11-23"
CODE = "AIMLAM.GEN.P4"
LINE = "DRAFT — not approved for publication"
NOINDEX = '<meta name="robots" content="noindex">'


def render(run, catalog: Path, *args: str):
    return run("--catalog", str(catalog), "render", CODE, *args, "--date", DATE, cwd=catalog.parent)


def approve(catalog: Path) -> None:
    edit(catalog / "roles" / f"{CODE}.yaml", "\nstatus: draft\n", "\nstatus: approved\n")


def written(run, catalog: Path, company: str | None, fmt: str) -> bytes:
    out = catalog.parent / "out"
    result = render(run, catalog, *(["-c", company] if company else []), "-f", fmt, "-o", f"{out}/")
    assert result.code == 0, result.err
    return (out / f"{CODE}{'.' + company if company else ''}.{fmt}").read_bytes()


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize("status", ["draft", "review", "retired"])
def test_markdown_has_the_marker_under_its_title_for_every_status_but_approved(run, catalog, status):
    """Under the title, not above it: a Markdown document's first line is its title (markdownlint MD041)."""
    edit(catalog / "roles" / f"{CODE}.yaml", "\nstatus: draft\n", f"\nstatus: {status}\n")
    result = render(run, catalog)
    assert result.code == 0
    assert result.out.startswith(f"# Senior AI/ML Engineer / Tech Lead\n\n> {LINE} (profile status: {status})\n\n"
                                 "Level P4 · ")
    assert result.err == (f"warning: {CODE} is not approved (status: {status}); its posting is marked as a draft: "
                          "review it before publishing\n")


def test_an_approved_posting_has_no_marker_and_no_warning(run, catalog):
    approve(catalog)
    result = render(run, catalog, "-c", "northwind")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("# Senior Machine Learning Engineer\n")
    assert LINE not in result.out


def test_html_of_a_draft_is_noindex_and_has_a_banner(run, catalog):
    page = written(run, catalog, "northwind", "html").decode("utf-8")
    head, body = page.split("</head>")
    assert NOINDEX in head
    first = body.split("<body>", 1)[1].lstrip().splitlines()[0]
    assert first.startswith('<p class="jdgen-draft" role="note"')
    assert first.endswith(f">{LINE} (profile status: draft)</p>")
    assert page.count(LINE) == 1    # the banner only: the Markdown the page is made from has no marker


def test_html_of_an_approved_posting_is_indexable(run, catalog):
    approve(catalog)
    page = written(run, catalog, "northwind", "html").decode("utf-8")
    assert NOINDEX not in page and LINE not in page


def test_the_marker_does_not_depend_on_the_catalog_templates(run, catalog):
    """A catalog's own templates that know nothing of drafts still give marked postings."""
    (catalog / "templates").mkdir()
    (catalog / "templates" / "posting.md.j2").write_text("# {{ title }}\n\n{{ summary }}\n", encoding="utf-8")
    (catalog / "templates" / "posting.html.j2").write_text(
        "<!DOCTYPE html>\n<html><head><title>{{ title }}</title></head><body>{{ header_html }}</body></html>\n",
        encoding="utf-8")
    result = render(run, catalog)
    assert result.out.startswith(f"# Senior AI/ML Engineer / Tech Lead\n\n> {LINE} (profile status: draft)\n\n")
    page = written(run, catalog, None, "html").decode("utf-8")
    assert f"<head>\n{NOINDEX}\n<title>" in page
    assert re.search(r'<body>\n<p class="jdgen-draft"[^>]*>DRAFT — ', page)


@pytest.mark.parametrize("markdown, marked", [
    ("# Title\n\nText.\n", "# Title\n\n> NOTE\n\nText.\n"),
    ("Title\n=====\n\nText.\n", "Title\n=====\n\n> NOTE\n\nText.\n"),     # a setext title
    ("Text first.\n\n# Title\n", "> NOTE\n\nText first.\n\n# Title\n"),    # no title first: on top
    ("## Section\n\nText.\n", "> NOTE\n\n## Section\n\nText.\n"),         # not a title: on top
    ("# Title", "# Title\n\n> NOTE\n\n"),
], ids=["atx", "setext", "no-title", "level-2", "title-only"])
def test_where_the_markdown_marker_goes(markdown, marked):
    from jdgen.render.draft import mark_markdown

    assert mark_markdown(markdown, "NOTE") == marked
    assert mark_markdown(markdown, None) == markdown


@pytest.mark.parametrize("approved, status", [(False, "Draft"), (True, "Final")])
def test_docx_content_status(run, catalog, approved, status):
    if approved:
        approve(catalog)
    data = written(run, catalog, "northwind", "docx")
    assert f"<cp:contentStatus>{status}</cp:contentStatus>" in part(data, "docProps/core.xml")
    document = docx.Document(io.BytesIO(data))
    header = [p.text for p in document.sections[0].header.paragraphs]
    texts = [p.text for p in document.paragraphs]
    if approved:
        assert LINE not in header and texts[0] == "Senior Machine Learning Engineer"
    else:
        assert header[-1] == LINE                 # on every page
        assert texts[0] == "Senior Machine Learning Engineer"      # the Markdown's order: title, then marker
        assert texts[1] == f"{LINE} (profile status: draft)" and document.paragraphs[1].runs[0].bold


def test_a_company_without_a_brand_document_has_its_name_in_the_header(run, catalog):
    approve(catalog)
    header = docx.Document(io.BytesIO(written(run, catalog, "lindenhof", "docx"))).sections[0].header
    assert [p.text for p in header.paragraphs] == ["Lindenhof Logistik GmbH"]
    assert header.paragraphs[0].style.name == "Header"


def test_footer_falls_back_to_the_title_never_the_code(run, catalog):
    edit(catalog / "companies" / "northwind.yaml", "    requisition_id: NW-2026-118\n", "")
    footer = docx.Document(io.BytesIO(written(run, catalog, "northwind", "docx"))).sections[0].footer
    text = "".join(footer._element.itertext())
    assert text.startswith("Senior Machine Learning Engineer · Page ") and CODE not in text


# The page drops a region the language implies (de-DE is "de" on the web); the DOCX keeps the
# pair its spelling dictionary is chosen by.
@pytest.mark.parametrize("company, language, region, tag, web", [
    ("northwind", None, "US", "en-US", "en"),
    ("lindenhof", None, "DE", "de-DE", "de"),
    ("lindenhof", "en", "DE", "en", "en"),        # English in Germany: en-DE has no spelling dictionary
    ("lindenhof", "en", "GB", "en-GB", "en-GB"),
    ("lindenhof", "en", None, "en", "en"),
], ids=["en-US", "de-DE", "en-in-DE", "en-GB", "no-region"])
def test_html_and_docx_carry_the_same_language(run, catalog, company, language, region, tag, web):
    path = catalog / "companies" / f"{company}.yaml"
    if language:
        edit(path, "    language: de\n", f"    language: {language}\n")
    current = "US" if company == "northwind" else "DE"
    edit(path, f"    region: {current}\n", f"    region: {region}\n" if region else "")
    page = written(run, catalog, company, "html").decode("utf-8")
    assert f'<html lang="{web}">' in page
    styles = part(written(run, catalog, company, "docx"), "word/styles.xml")
    assert re.search(f'<w:docDefaults><w:rPrDefault><w:rPr>.*?<w:lang w:val="{tag}"[ /]', styles)
    core = part(written(run, catalog, company, "docx"), "docProps/core.xml")
    assert f"<dc:language>{tag}</dc:language>" in core


def test_generic_postings_are_english(run, catalog):
    assert '<html lang="en">' in written(run, catalog, None, "html").decode("utf-8")
    assert re.search('<w:lang w:val="en"[ /]', part(written(run, catalog, None, "docx"), "word/styles.xml"))


def test_html_footer_names_the_requisition_not_the_code(run, catalog):
    page = written(run, catalog, "northwind", "html").decode("utf-8")
    assert "<footer>\n<p>Reference NW-2026-118</p>\n</footer>" in page
    assert "<footer>\n<p>Kennziffer LH-2026-042</p>\n</footer>" in written(run, catalog, "lindenhof", "html").decode()
    path = catalog / "companies" / "lindenhof.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    requisition_id: LH-2026-042\n", ""), encoding="utf-8")
    assert "<footer>" not in written(run, catalog, "lindenhof", "html").decode("utf-8")   # no requisition id


@pytest.mark.parametrize("status, draft", [("draft", True), ("review", True), ("retired", True), ("approved", False)])
def test_is_draft_means_not_approved_in_the_template_the_marker_and_json_ld(run, catalog, status, draft):
    """The template's ``is_draft``, the marker, the warning and the JSON-LD refusal agree on every status."""
    edit(catalog / "roles" / f"{CODE}.yaml", "\nstatus: draft\n", f"\nstatus: {status}\n")
    (catalog / "templates").mkdir()
    (catalog / "templates" / "posting.md.j2").write_text(
        "# {{ title }}\n\n{% if is_draft %}Not for publication yet.{% else %}Ready.{% endif %}\n", encoding="utf-8")
    result = render(run, catalog, "-c", "northwind")
    assert result.code == 0, result.err
    if draft:
        assert result.out == (f"# Senior Machine Learning Engineer\n\n> {LINE} (profile status: {status})\n\n"
                              "Not for publication yet.\n")
        assert "is not approved" in result.err
    else:
        assert (result.out, result.err) == ("# Senior Machine Learning Engineer\n\nReady.\n", "")
    jsonld = render(run, catalog, "-c", "northwind", "-f", "jsonld")
    assert jsonld.code == (2 if draft else 0)
    if draft:
        assert jsonld.err.splitlines()[-1] == (
            f"{CODE} is not approved (status: {status}), and JSON-LD would put it into job search "
            "(approve it, or pass --jsonld-drafts to emit JSON-LD anyway, e.g. for a staging site)")


@pytest.mark.parametrize("status", ["draft", "review", "retired", "approved"])
def test_posting_is_draft_unless_approved(status):
    from jdgen.compose.posting import is_approved

    assert is_approved(status) is (status == "approved")


def _set_status(catalog: Path, keep_unapproved: int) -> list[str]:
    """Approve every profile but the first ``keep_unapproved``; the codes left unapproved, in file order."""
    roles = sorted((catalog / "roles").glob("*.yaml"))
    for path in roles[keep_unapproved:]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\nstatus: \w+\n", "\nstatus: approved\n", text), encoding="utf-8")
    return [path.stem for path in roles[:keep_unapproved]]


def _draft_line(code: str, catalog: Path) -> str:
    status = re.search(r"\nstatus: (\w+)\n", (catalog / "roles" / f"{code}.yaml").read_text(encoding="utf-8"))[1]
    return f"warning: {code} is not approved (status: {status}); its posting is marked as a draft: review it before publishing"


@pytest.mark.parametrize("unapproved, summary", [
    (5, None),
    (6, "warning: 1 more profile is not approved; their postings are marked as drafts too "
        "(`jdgen list` shows each profile's status)"),
    (9, "warning: 4 more profiles are not approved; their postings are marked as drafts too "
        "(`jdgen list` shows each profile's status)"),
])
def test_a_batch_names_five_drafts_and_counts_the_rest(run, catalog, unapproved, summary):
    codes = _set_status(catalog, unapproved)
    result = run("--catalog", str(catalog), "render", "--all", "--all-companies", "-o", str(catalog.parent / "out"),
                 "--date", DATE, cwd=catalog.parent)
    assert result.code == 0, result.err
    drafts = [line for line in result.err.splitlines() if "not approved" in line]
    # one line per profile, however many companies render it
    assert drafts == [_draft_line(code, catalog) for code in codes[:5]] + ([summary] if summary else [])
    assert all((catalog.parent / "out" / f"{code}.northwind.md").is_file() for code in codes)
