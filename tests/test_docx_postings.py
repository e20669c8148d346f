"""DOCX postings from the command line: `jdgen render ... --format docx`.

Every check here goes through the CLI and reads the file back the way a recruiter's tool
would (python-docx, zipfile, the XML). The writer itself is tested in
tests/test_docx_writer.py; LibreOffice opens the files in tests/test_docx_libreoffice.py.

Golden files of the paragraph styles, and digests of the whole files, are in tests/golden/docx/; after an intended change
run ``pytest tests/test_docx_postings.py --update-goldens`` and review the diff.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.shared import Twips
from lxml import etree
from markdown_it import MarkdownIt

from conftest import line_of
from jdgen.render.docx.writer import default_reference_path, docx_paragraph_texts, docx_text_dump
from jdgen.resources import builtin_catalog

GOLDEN = Path(__file__).parent / "golden" / "docx"
CODE = "AIMLAM.GEN.P4"
DATE = "2026-11-23"
COMPANIES = sorted(path.stem for path in (builtin_catalog() / "companies").glob("*.yaml"))
CASES = [None, *COMPANIES]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
A4 = (Twips(11906), Twips(16838))
LETTER = (Twips(12240), Twips(15840))


def case_id(company: str | None) -> str:
    return company or "generic"


def file_name(company: str | None, ext: str = "docx") -> str:
    return f"{CODE}.{company}.{ext}" if company else f"{CODE}.{ext}"


def render(run, out: Path, company: str | None = None, *extra: str, fmt: str = "docx", cwd: Path | None = None):
    args = ["render", CODE, "-f", fmt, "-o", f"{out}/", "--date", DATE, *extra]
    if company:
        args += ["-c", company]
    out.parent.mkdir(parents=True, exist_ok=True)
    return run(*args, cwd=cwd or out.parent)


def docx_bytes(run, tmp_path: Path, company: str | None = None, *extra: str) -> bytes:
    out = tmp_path / f"out-{case_id(company)}"
    result = render(run, out, company, *extra)
    assert result.code == 0, result.err
    return (out / file_name(company)).read_bytes()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


_MD = MarkdownIt("commonmark")


def markdown_blocks(markdown: str) -> list[str]:
    """What a reader sees of each heading, paragraph and list item: markdown-it's HTML, as text.

    Each inline token is rendered to HTML (so backslash escapes and entities are resolved
    the way any Markdown viewer resolves them), then tags are dropped; a soft line break
    reads as a space, a hard one (``<br />``) as a line break. Empty blocks are skipped.
    """
    texts = []
    for token in _MD.parse(markdown):
        if token.type != "inline":
            continue
        rendered = _MD.renderer.renderInline(token.children or [], _MD.options, {})
        rendered = re.sub(r"<br\s*/?>\n?", "\x00", rendered).replace("\n", " ")
        text = html.unescape(re.sub(r"<[^>]*>", "", rendered)).replace("\x00", "\n")
        if text.strip():
            texts.append(text)
    return texts


# ------------------------------------------------------------------------ the files


@pytest.mark.parametrize("company", CASES, ids=case_id)
def test_render_writes_the_named_file_and_prints_its_path(run, tmp_path, company):
    out = tmp_path / "out"
    result = render(run, out, company)
    assert result.code == 0, result.err
    path = out / file_name(company)
    assert result.out == f"{path}\n"
    assert sorted(p.name for p in out.iterdir()) == [path.name]
    document = docx.Document(str(path))
    # every shipped profile is a draft: the title, then the marker in bold, as in the Markdown
    title, draft = document.paragraphs[:2]
    marker = ("ENTWURF – nicht zur Veröffentlichung freigegeben (Profilstatus: draft)" if company == "lindenhof"
              else "DRAFT — not approved for publication (profile status: draft)")   # Lindenhof publishes in German
    assert (draft.text, draft.runs[0].bold) == (marker, True)
    assert title.style.name == "Title"


@pytest.mark.parametrize("company", CASES, ids=case_id)
def test_text_equals_the_markdown_paragraph_by_paragraph(run, tmp_path, company):
    out = tmp_path / "out"
    assert render(run, out, company, fmt="md,docx").code == 0
    markdown = (out / file_name(company, "md")).read_text(encoding="utf-8")
    data = (out / file_name(company)).read_bytes()
    expected = markdown_blocks(markdown)
    assert len(expected) > 20
    assert docx_paragraph_texts(data) == expected


@pytest.mark.parametrize("company", CASES, ids=case_id)
def test_styles_per_paragraph_match_golden(run, tmp_path, company, update_goldens):
    dump = docx_text_dump(docx_bytes(run, tmp_path, company))
    path = GOLDEN / f"{file_name(company)}.txt"
    if update_goldens:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}; run pytest --update-goldens"
    assert dump == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("company", CASES, ids=case_id)
def test_bytes_match_golden_digest(run, tmp_path, company, update_goldens):
    """The whole package, byte for byte: the dumps above show what changed, this that anything did
    (a speed-up must leave every byte as it was)."""
    import hashlib

    digest = hashlib.sha256(docx_bytes(run, tmp_path, company)).hexdigest() + "\n"
    path = GOLDEN / f"{file_name(company)}.sha256"
    if update_goldens:
        path.write_text(digest, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}; run pytest --update-goldens"
    assert digest == path.read_text(encoding="utf-8")


# ------------------------------------------------------------------------ determinism


@pytest.mark.parametrize("company", CASES, ids=case_id)
def test_two_renders_are_byte_identical(run, tmp_path, company):
    first = docx_bytes(run, tmp_path / "one", company)
    second = docx_bytes(run, tmp_path / "two", company)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_identical_bytes_across_processes_time_zones_and_hash_seeds(run, tmp_path):
    in_process = docx_bytes(run, tmp_path, "northwind")
    digests = set()
    for tz, seed in (("UTC", "1"), ("Asia/Tokyo", "2"), ("America/Los_Angeles", "3")):
        env = {**os.environ, "TZ": tz, "PYTHONHASHSEED": seed}
        env.pop("JDGEN_CATALOG", None)
        done = subprocess.run([sys.executable, "-m", "jdgen", "render", CODE, "-c", "northwind", "-f", "docx",
                               "-o", "-", "--date", DATE], cwd=tmp_path, env=env, capture_output=True, check=True)
        digests.add(hashlib.sha256(done.stdout).hexdigest())
    assert digests == {hashlib.sha256(in_process).hexdigest()}


# ------------------------------------------------------------------------ properties and page setup


@pytest.mark.parametrize("company, author", [(None, "jdgen"), ("northwind", "Northwind Analytics, Inc."),
                                             ("lindenhof", "Lindenhof Logistik GmbH")], ids=case_id)
def test_core_properties(run, tmp_path, company, author):
    data = docx_bytes(run, tmp_path, company)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == docx_paragraph_texts(data)[0]   # the draft marker comes after it
    assert b"<cp:contentStatus>Draft</cp:contentStatus>" in part(data, "docProps/core.xml")
    assert CODE in props.subject and "P4" in props.subject
    assert props.author == author
    assert props.keywords == f"{CODE}, P4, AIMLAM"
    midnight = datetime(2026, 11, 23, tzinfo=timezone.utc)
    assert props.created == props.modified
    assert props.created.replace(tzinfo=timezone.utc) == midnight
    assert b"2026-11-23T00:00:00Z" in part(data, "docProps/core.xml")


@pytest.mark.parametrize("company, paper, lead", [
    (None, A4, f"{CODE} · version 1"),                                   # generic: an internal document
    ("northwind", LETTER, "Reference NW-2026-118"),                      # the company's requisition id
    ("lindenhof", A4, "Kennziffer LH-2026-042"),                         # in German
], ids=["generic", "northwind", "lindenhof"])
def test_paper_size_and_footer(run, tmp_path, company, paper, lead):
    data = docx_bytes(run, tmp_path, company)
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert (section.page_width, section.page_height) == paper
    footer = section.footer._element
    text = "".join(footer.itertext())
    assert f"{lead} · {'Seite' if company == 'lindenhof' else 'Page'} " in text
    assert company is None or CODE not in text
    fields = [node.text.strip() for node in footer.iterfind(".//w:instrText", NS)]
    assert fields == ["PAGE", "NUMPAGES"]


def test_a_role_without_a_requisition_names_its_title_in_the_footer(run, catalog, tmp_path):
    path = catalog / "companies" / "lindenhof.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    requisition_id: LH-2026-042\n", ""), encoding="utf-8")
    out = tmp_path / "out"
    result = run("--catalog", str(catalog), "render", CODE, "-c", "lindenhof", "-f", "docx", "-o", f"{out}/",
                 "--date", DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    footer = docx.Document(io.BytesIO((out / file_name("lindenhof")).read_bytes())).sections[0].footer._element
    text = "".join(footer.itertext())
    assert "Senior Machine Learning Engineer (m/w/d) · Seite " in text and CODE not in text   # Lindenhof: German


def test_northwind_carries_its_brand(run, tmp_path):
    data = docx_bytes(run, tmp_path, "northwind")
    document = docx.Document(io.BytesIO(data))
    header = document.sections[0].header
    blip = header._element.find(".//a:blip", NS)
    assert blip is not None, "the logo is missing from the header"
    logo = builtin_catalog() / "companies" / "assets" / "northwind-logo.png"
    assert header.part.rels[blip.get(f"{{{NS['r']}}}embed")].target_part.blob == logo.read_bytes()
    assert "Northwind Analytics — Careers" in [p.text for p in header.paragraphs]
    styles = etree.fromstring(part(data, "word/styles.xml"))
    heading = styles.find(".//w:style[@w:styleId='Heading1']", NS)
    assert heading.find("w:rPr/w:rFonts", NS).get(f"{{{W}}}ascii") == "Georgia"
    assert heading.find("w:rPr/w:color", NS).get(f"{{{W}}}val") == "1B4D89"
    assert document.paragraphs[0].style.font.name == "Georgia"   # the title


def test_lindenhof_uses_the_default_reference_without_a_logo(run, tmp_path):
    data = docx_bytes(run, tmp_path, "lindenhof")
    assert not [name for name in part_names(data) if "media/" in name]
    header = docx.Document(io.BytesIO(data)).sections[0].header
    assert header._element.find(".//a:blip", NS) is None
    with zipfile.ZipFile(default_reference_path()) as reference:
        assert part(data, "word/theme/theme1.xml") == reference.read("word/theme/theme1.xml")
    assert b"Georgia" not in part(data, "word/styles.xml")


def test_shipped_brand_assets_are_valid_and_reproducible():
    from jdgen.render.docx.writer import DocxWriter
    from jdgen.render.docx.make_reference import BRANDS, brand_logo, build_reference

    assets = builtin_catalog() / "companies" / "assets"
    DocxWriter(assets / "northwind-reference.docx")        # has every style jdgen needs
    logo = (assets / "northwind-logo.png").read_bytes()
    assert logo.startswith(b"\x89PNG\r\n\x1a\n") and logo[12:16] == b"IHDR"
    assert int.from_bytes(logo[16:20], "big") == 240 and int.from_bytes(logo[20:24], "big") == 60
    brand = BRANDS["northwind"]
    assert build_reference(brand) == build_reference(brand) and brand_logo(brand) == brand_logo(brand)
    committed = docx.Document(str(assets / "northwind-reference.docx"))
    assert [p.text for p in committed.sections[0].header.paragraphs] == [brand.header]


# ------------------------------------------------------------------------ where the bytes go


def test_dash_writes_the_docx_to_stdout(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "JDGEN_CATALOG"}
    done = subprocess.run([sys.executable, "-m", "jdgen", "render", CODE, "-f", "docx", "-o", "-", "--date", DATE],
                          cwd=tmp_path, env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"PK\x03\x04")
    assert list(tmp_path.iterdir()) == []
    assert docx_paragraph_texts(done.stdout)[0] == "Senior AI/ML Engineer / Tech Lead"


def test_without_output_the_file_goes_to_the_working_folder(run, tmp_path):
    result = run("render", CODE, "-f", "docx", "--date", DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    path = tmp_path / f"{CODE}.docx"
    assert Path(result.out.strip()).resolve() == path.resolve()
    assert path.read_bytes().startswith(b"PK")
    docx.Document(str(path))


def test_batch_writes_every_file_and_no_temporary_ones(run, tmp_path):
    out = tmp_path / "batch"
    result = run("render", "--all", "--all-companies", "-f", "docx,md", "-o", str(out), "--date", DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    codes = sorted(path.stem for path in (builtin_catalog() / "roles").rglob("*.yaml"))
    expected = sorted(f"{code}.{slug}.{ext}" for code in codes for slug in COMPANIES for ext in ("docx", "md"))
    assert sorted(p.name for p in out.iterdir()) == expected
    assert sorted(result.out.split()) == sorted(str(out / name) for name in expected)
    for name in expected:
        if name.endswith(".docx"):
            docx.Document(str(out / name))


# ------------------------------------------------------------------------ bad input


def set_company_key(catalog: Path, slug: str, key: str, value: str) -> Path:
    """Set ``company.<key>`` in the tmp catalog's company file (replacing the line or adding it)."""
    path = catalog / "companies" / f"{slug}.yaml"
    text = path.read_text(encoding="utf-8")
    line = re.compile(rf"^  {key}: .*$", re.M)
    if line.search(text):
        text = line.sub(f"  {key}: {value}", text, count=1)
    else:
        text = text.replace("\ncompany:\n", f"\ncompany:\n  {key}: {value}\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_reference_without_a_needed_style_exits_2_and_writes_nothing(run, catalog, tmp_path):
    document = docx.Document(str(default_reference_path()))
    styles = document.styles.element
    for style in styles.findall(f"{{{W}}}style"):
        if style.find(f"{{{W}}}name").get(f"{{{W}}}val") == "List Number":
            styles.remove(style)
    broken = catalog / "companies" / "assets" / "no-list-number.docx"
    document.save(str(broken))
    set_company_key(catalog, "northwind", "reference_docx", "assets/no-list-number.docx")
    out = tmp_path / "out"
    result = run("--catalog", str(catalog), "render", CODE, "-c", "northwind", "-f", "docx", "-o", f"{out}/",
                 cwd=tmp_path)
    assert result.code == 2
    lines = [line for line in result.err.splitlines() if not line.startswith("warning:")]
    assert len(lines) == 1, result.err
    assert "reference document lacks the style 'List Number' that jdgen needs (" in lines[0]
    assert str(broken) in lines[0]
    assert not out.exists() or list(out.iterdir()) == []
    assert result.out == ""


def test_missing_logo_exits_2_with_one_line(run, catalog, tmp_path):
    set_company_key(catalog, "northwind", "logo", "assets/no-such-logo.png")
    out = tmp_path / "out"
    result = run("--catalog", str(catalog), "render", CODE, "-c", "northwind", "-f", "docx", "-o", f"{out}/",
                 cwd=tmp_path)
    assert result.code == 2
    lines = [line for line in result.err.splitlines() if not line.startswith("warning:")]
    assert len(lines) == 1, result.err
    assert "logo" in lines[0] and "no-such-logo.png" in lines[0] and "not found" in lines[0]
    assert lines[0].startswith("catalog/companies/northwind.yaml:")  # points at the `logo:` line
    assert "Traceback" not in result.err
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("key, name, content, message", [
    ("logo", "assets/logo.gif", b"GIF89a\x01\x00\x01\x00", "logo {path} is not a PNG or JPEG image (export the logo as PNG)"),
    ("logo", "assets", None, "company logo 'assets' is a folder, not a file (looked for {path}) "
                             "(give logo as a path relative to the company file)"),
    ("reference_docx", "assets/brand.docx", b"not a zip", "reference document {path} is not a valid .docx file: "
     "it is not a zip archive (save it again from Word or LibreOffice as .docx)"),
], ids=["logo-gif", "logo-folder", "reference-not-zip"])
def test_unusable_brand_asset_is_reported_at_the_company_line(run, catalog, tmp_path, key, name, content, message):
    path = catalog / "companies" / name
    if content is not None:
        path.write_bytes(content)
    set_company_key(catalog, "northwind", key, name)
    line = line_of(catalog / "companies" / "northwind.yaml", f"{key}:")
    result = run("--catalog", str(catalog), "render", CODE, "-c", "northwind", "-f", "docx", "-o", f"{tmp_path}/out/",
                 cwd=tmp_path)
    lines = [line for line in result.err.splitlines() if not line.startswith("warning:")]
    column = len(key) + 5  # two spaces of indentation, the key, ': '
    assert (result.code, lines) == (2, [f"catalog/companies/northwind.yaml:{line}:{column}: "
                                        + message.format(path=path.resolve())])


def test_batch_with_a_broken_brand_writes_nothing(run, catalog, tmp_path):
    set_company_key(catalog, "northwind", "logo", "assets/no-such-logo.png")
    out = tmp_path / "batch"
    result = run("--catalog", str(catalog), "render", "--all", "--all-companies", "-f", "docx,md", "-o", f"{out}/",
                 cwd=tmp_path)
    assert result.code == 2
    assert not out.exists() or list(out.iterdir()) == []


# ------------------------------------------------------------------------ robust text


def test_control_character_in_a_company_is_refused_before_anything_is_written(run, catalog, tmp_path):
    """The loader refuses a control character at its line, so no format ever sees one.

    (The DOCX writer still strips any that reach it through the Python API; see
    test_docx_writer.py.)
    """
    path = catalog / "companies" / "northwind.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "        - text: Own the demand-forecasting models that plan inventory for 3,000 stores\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + '        - text: "Ship\\u0007 it"\n'), encoding="utf-8")
    line = text[:text.index(anchor)].count("\n") + 2
    out = tmp_path / "out"
    result = run("--catalog", str(catalog), "render", CODE, "-c", "northwind", "-f", "docx", "-o", f"{out}/",
                 "--date", DATE, cwd=tmp_path)
    assert result.code == 1, result
    assert f"northwind.yaml:{line}:17: quoted text holds the control character U+0007 (BEL)" in result.err
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("name", ["Lindenhof Logistik Größe & Söhne GmbH", "北風アナリティクス株式会社",
                                  "شركة الرياح الشمالية"], ids=["german", "japanese", "arabic"])
def test_international_company_names(run, catalog, tmp_path, name):
    set_company_key(catalog, "lindenhof", "name", f'"{name}"')
    out = tmp_path / "out"
    result = run("--catalog", str(catalog), "render", CODE, "-c", "lindenhof", "-f", "md,docx", "-o", f"{out}/",
                 "--date", DATE, cwd=tmp_path)
    assert result.code == 0, result.err
    data = (out / file_name("lindenhof")).read_bytes()
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.author == name
    texts = docx_paragraph_texts(data)
    assert texts[2].startswith(name + " · ")   # draft marker, title, then this line
    assert f"Über {name}" in texts   # Lindenhof publishes in German
    assert texts == markdown_blocks((out / file_name("lindenhof", "md")).read_text(encoding="utf-8"))
