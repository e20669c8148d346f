"""The DOCX writer: Markdown in, deterministic recruiter-ready .docx bytes out.

These tests read the output back the way recruiters' tools do (python-docx, zipfile,
the XML) and check behaviour: styles, text, numbering, links, metadata, determinism.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.shared import Twips
from lxml import etree
from markdown_it import MarkdownIt

from jdgen.errors import ConfigError, SourceError
from jdgen.render.docx.writer import (DocxOptions, DocxWriter, default_reference_path, docx_paragraph_texts,
                                      docx_text_dump, markdown_to_docx)
from jdgen.render.docx.make_reference import build_reference

REPO = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}

SAMPLE = """\
# Senior AI/ML Engineer / Tech Lead

Acme Analytics · Denver, CO · Hybrid · Full-time

## About the role

P4 represents an advanced level of expertise and often aligns with a **Senior** *Machine Learning* role. Read [our handbook](https://example.com/handbook).

## What you will do

- Ownership of entire AI/ML projects
- Technical lead for an AI/ML team
- Uses C\\*\\* and a\\_b and \\# and \\< and \\[x\\]

## The plan

1. Assess needs
2. Build
3. Monitor

## How to apply

Email [jobs@example.com](mailto:jobs@example.com).
"""

EXPECTED_DUMP = """\
Title | Senior AI/ML Engineer / Tech Lead
Normal | Acme Analytics · Denver, CO · Hybrid · Full-time
Heading 1 | About the role
Normal | P4 represents an advanced level of expertise and often aligns with a Senior Machine Learning role. Read our handbook.
Heading 1 | What you will do
List Bullet | Ownership of entire AI/ML projects
List Bullet | Technical lead for an AI/ML team
List Bullet | Uses C** and a_b and # and < and [x]
Heading 1 | The plan
List Number | Assess needs
List Number | Build
List Number | Monitor
Heading 1 | How to apply
Normal | Email jobs@example.com.
"""

CREATED = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
BUILTIN_NAMES = {"Title", "Heading 1", "Heading 2", "Heading 3", "Normal", "List Bullet", "List Bullet 2",
                 "List Bullet 3", "List Number", "List Number 2", "List Number 3", "List Continue", "Quote"}

DETERMINISM_SCRIPT = """
import hashlib, sys
from datetime import datetime, timezone
from jdgen.render.docx.writer import DocxOptions, markdown_to_docx
options = DocxOptions(title="Senior AI/ML Engineer / Tech Lead", subject="AIMLAM.GEN.P4 · P4 Senior Professional",
                      author="Acme Analytics", keywords=("AIMLAM.GEN.P4", "P4", "AIMLAM"),
                      created=datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc),
                      footer_text="AIMLAM.GEN.P4 · version 1", language="en-US")
markdown = sys.stdin.buffer.read().decode("utf-8")
print(hashlib.sha256(markdown_to_docx(markdown, options)).hexdigest())
"""


def options(**changes) -> DocxOptions:
    values = dict(title="Senior AI/ML Engineer / Tech Lead", subject="AIMLAM.GEN.P4 · P4 Senior Professional",
                  author="Acme Analytics", keywords=("AIMLAM.GEN.P4", "P4", "AIMLAM"), created=CREATED,
                  footer_text="AIMLAM.GEN.P4 · version 1", language="en-US")
    values.update(changes)
    return DocxOptions(**values)


def markdown_block_texts(markdown: str) -> list[str]:
    """The plain text of every heading, paragraph and list item, straight from markdown-it's tokens."""
    texts = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type != "inline":
            continue
        pieces = []
        for child in token.children or []:
            if child.type in ("text", "text_special", "code_inline", "image"):
                pieces.append(child.content)
            elif child.type == "softbreak":
                pieces.append(" ")
            elif child.type == "hardbreak":
                pieces.append("\n")
        text = "".join(pieces)
        if text.strip():
            texts.append(text)
    return texts


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def tiny_png(width: int = 4, height: int = 2) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\x1f\x3a\x5f" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def writer() -> DocxWriter:
    return DocxWriter()


@pytest.fixture(scope="module")
def sample(writer) -> bytes:
    return writer.write(SAMPLE, options())


# ------------------------------------------------------------------------ text and styles


def test_paragraph_texts_equal_the_markdown_block_texts(sample):
    assert docx_paragraph_texts(sample) == markdown_block_texts(SAMPLE)


def test_text_dump_shows_the_styles(sample):
    assert docx_text_dump(sample) == EXPECTED_DUMP


def test_backslash_escapes_come_out_as_literal_characters(sample):
    assert "Uses C** and a_b and # and < and [x]" in docx_paragraph_texts(sample)
    assert "\\" not in part(sample, "word/document.xml").decode()


def test_every_paragraph_reopens_with_a_builtin_style_name(writer):
    markdown = (SAMPLE + "\n### Deeper\n\n#### Deepest\n\n- outer\n  - inner\n    - innermost\n\n"
                "1. one\n   1. one.one\n\n> a quotation\n\n---\n\nAfter the rule.\n")
    document = docx.Document(io.BytesIO(writer.write(markdown, options())))
    names = [p.style.name for p in document.paragraphs]
    assert set(names) <= BUILTIN_NAMES
    assert {"Heading 2", "Heading 3", "List Bullet 2", "List Number 2", "Quote"} <= set(names)
    assert docx_paragraph_texts(writer.write(markdown, options())) == markdown_block_texts(markdown)


def test_nested_lists_use_the_level_two_styles(writer):
    dump = docx_text_dump(writer.write("- a\n  - b\n- c\n\n1. x\n   1. y\n", options()))
    assert dump == ("List Bullet | a\nList Bullet 2 | b\nList Bullet | c\n"
                    "List Number | x\nList Number 2 | y\n")


def test_a_second_h1_is_a_heading_and_thematic_breaks_are_skipped(writer):
    dump = docx_text_dump(writer.write("# One\n\n---\n\n# Two\n\n***\n\ntext\n", options()))
    assert dump == "Title | One\nHeading 1 | Two\nNormal | text\n"


def test_html_gives_its_text_never_markup(writer):
    markdown = ("<div><p>Hello <b>there</b> &amp; you</p><!-- note --></div>\n\n"
                "Inline <span class=\"x\">text</span> here.\n")
    data = writer.write(markdown, options())
    assert docx_paragraph_texts(data) == ["Hello there & you", "Inline text here."]
    body = etree.fromstring(part(data, "word/document.xml"))
    assert not any("<" in (t.text or "") for t in body.iter(f"{{{W}}}t"))


def test_breaks_bold_italic_and_code(writer):
    data = writer.write("a **b** *c* `d`  \nsoft\nbreak\n", options())
    assert docx_paragraph_texts(data) == ["a b c d\nsoft break"]
    run_props = [etree.tostring(r).decode() for r in
                 etree.fromstring(part(data, "word/document.xml")).iterfind(".//w:r", NS)]
    assert any("<w:b/>" in r and ">b<" in r for r in run_props)
    assert any("<w:i/>" in r and ">c<" in r for r in run_props)
    assert any('w:rStyle w:val="VerbatimChar"' in r and ">d<" in r for r in run_props)
    assert b"<w:br/>" in part(data, "word/document.xml")


# ------------------------------------------------------------------------ determinism


def test_same_inputs_give_identical_bytes(writer, sample):
    assert writer.write(SAMPLE, options()) == sample
    assert markdown_to_docx(SAMPLE, options()) == sample


@pytest.mark.parametrize("tz, seed", [("Asia/Tokyo", "123"), ("America/Los_Angeles", "7")])
def test_identical_sha256_in_another_process_time_zone_and_hash_seed(sample, tz, seed):
    env = dict(os.environ, TZ=tz, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO / "src"))
    result = subprocess.run([sys.executable, "-c", DETERMINISM_SCRIPT], input=SAMPLE.encode("utf-8"),
                            capture_output=True, env=env, check=True, cwd=REPO)
    assert result.stdout.decode().strip() == hashlib.sha256(sample).hexdigest()


def test_zip_has_fixed_order_and_metadata(sample):
    with zipfile.ZipFile(io.BytesIO(sample)) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert len({(i.external_attr, i.create_system) for i in infos}) == 1


def test_no_other_timestamp_enters_the_file(sample):
    with zipfile.ZipFile(io.BytesIO(sample)) as archive:
        stamped = {n for n in archive.namelist() if re.search(rb"\d{4}-\d\d-\d\dT\d\d:", archive.read(n))}
    assert stamped == {"docProps/core.xml"}


# ------------------------------------------------------------------------ Word structure


def test_links_are_real_hyperlinks_to_external_relationships(sample):
    document = docx.Document(io.BytesIO(sample))
    links = etree.fromstring(part(sample, "word/document.xml")).findall(".//w:hyperlink", NS)
    targets = {}
    for link in links:
        rel = document.part.rels[link.get(f"{{{NS['r']}}}id")]
        assert rel.is_external and rel.reltype.endswith("/hyperlink")
        text = "".join(link.itertext())
        targets[text] = rel.target_ref
        assert link.find(".//w:rStyle", NS).get(f"{{{W}}}val") == "Hyperlink"
    assert targets == {"our handbook": "https://example.com/handbook", "jobs@example.com": "mailto:jobs@example.com"}


def test_ordered_lists_have_real_numbering_and_each_restarts(writer):
    data = writer.write("1. a\n2. b\n\nbetween\n\n1. c\n2. d\n\n- bullet\n", options())
    body = etree.fromstring(part(data, "word/document.xml"))
    num_of = {}
    for p in body.iter(f"{{{W}}}p"):
        num_id = p.find("w:pPr/w:numPr/w:numId", NS)
        if num_id is not None:
            num_of["".join(p.itertext())] = num_id.get(f"{{{W}}}val")
    assert set(num_of) == {"a", "b", "c", "d", "bullet"}
    assert num_of["a"] == num_of["b"] != num_of["c"] == num_of["d"]
    numbering = etree.fromstring(part(data, "word/numbering.xml"))
    nums = {n.get(f"{{{W}}}numId"): n for n in numbering.iterfind("w:num", NS)}
    abstract_ids = {n.get(f"{{{W}}}abstractNumId"): n for n in numbering.iterfind("w:abstractNum", NS)}
    for key in ("a", "c"):
        num = nums[num_of[key]]
        assert num.find("w:lvlOverride/w:startOverride", NS).get(f"{{{W}}}val") == "1"
        abstract = abstract_ids[num.find("w:abstractNumId", NS).get(f"{{{W}}}val")]
        assert abstract.find("w:lvl/w:numFmt", NS).get(f"{{{W}}}val") == "decimal"
    bullet = abstract_ids[nums[num_of["bullet"]].find("w:abstractNumId", NS).get(f"{{{W}}}val")]
    assert bullet.find("w:lvl/w:numFmt", NS).get(f"{{{W}}}val") == "bullet"


def test_core_and_app_properties(sample):
    props = docx.Document(io.BytesIO(sample)).core_properties
    assert props.title == "Senior AI/ML Engineer / Tech Lead"
    assert props.subject == "AIMLAM.GEN.P4 · P4 Senior Professional"
    assert props.author == "Acme Analytics"
    assert props.keywords == "AIMLAM.GEN.P4, P4, AIMLAM"
    assert props.created == props.modified == CREATED
    assert props.last_modified_by == "jdgen"
    assert props.revision == 1
    assert b"<Application>jdgen</Application>" in part(sample, "docProps/app.xml")


def test_created_must_be_timezone_aware():
    with pytest.raises(ValueError):
        options(created=datetime(2025, 1, 1))


@pytest.mark.parametrize("paper, size, margin", [("letter", (12240, 15840), 1296), ("a4", (11906, 16838), 1247)])
def test_page_size_and_margins(writer, paper, size, margin):
    section = docx.Document(io.BytesIO(writer.write(SAMPLE, options(paper=paper)))).sections[0]
    assert (section.page_width, section.page_height) == (Twips(size[0]), Twips(size[1]))
    assert section.left_margin == section.right_margin == section.top_margin == Twips(margin)


def test_footer_shows_text_and_page_fields(sample):
    footer = docx.Document(io.BytesIO(sample)).sections[0].footer
    assert [p.style.name for p in footer.paragraphs] == ["Footer"]
    assert footer.paragraphs[0].text.startswith("AIMLAM.GEN.P4 · version 1 · Page ")
    instructions = [i.text.strip() for i in footer._element.iter(f"{{{W}}}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_language_is_the_document_default(writer):
    styles = etree.fromstring(part(writer.write("Hallo", options(language="de-DE")), "word/styles.xml"))
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(f"{{{W}}}val") == "de-DE"


# ------------------------------------------------------------------------ text robustness


def test_control_characters_are_removed_with_one_warning(writer):
    warnings = []
    data = writer.write("Bell\x07 and escape\x1b here.\n\n- item\x00\n", options(), warn=warnings.append)
    assert warnings == ["removed 3 control character(s) that Word cannot store"]
    assert docx_paragraph_texts(data) == ["Bell and escape here.", "item"]
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "Bell and escape here."


def test_long_unbroken_tokens_get_zero_width_spaces_that_the_texts_drop(writer):
    token = "https://example.com/" + "a1b2c3d4e5" * 28
    assert len(token) == 300
    data = writer.write(f"Apply at {token} today.\n", options())
    xml = part(data, "word/document.xml").decode()
    assert "\u200b" in xml
    chunks = re.search(r"https://[^ <]*", xml)[0].split("\u200b")
    assert len(chunks) > 1 and max(map(len, chunks)) <= 40
    assert docx_paragraph_texts(data) == [f"Apply at {token} today."]


def test_german_japanese_and_arabic_round_trip(writer):
    markdown = "## Müller GmbH – Straße\n\n株式会社テスト\n\nشركة الاختبار\n"
    data = writer.write(markdown, options())
    assert docx_paragraph_texts(data) == ["Müller GmbH – Straße", "株式会社テスト", "شركة الاختبار"]
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs] == docx_paragraph_texts(data)


# ------------------------------------------------------------------------ reference documents


def reference_without(tmp_path: Path, style_name: str) -> Path:
    document = docx.Document(str(default_reference_path()))
    styles = document.styles.element
    for style in styles.findall(f"{{{W}}}style"):
        if style.find(f"{{{W}}}name").get(f"{{{W}}}val") == style_name:
            styles.remove(style)
    path = tmp_path / "company-reference.docx"
    document.save(str(path))
    return path


def test_reference_lacking_a_style_fails_in_the_constructor(tmp_path):
    path = reference_without(tmp_path, "List Number")
    with pytest.raises(ConfigError) as caught:
        DocxWriter(path)
    assert "'List Number'" in caught.value.message
    assert caught.value.location.file == str(path)
    assert "Styles pane" in caught.value.hint
    with pytest.raises(ConfigError):
        markdown_to_docx(SAMPLE, options(reference=path))


@pytest.mark.parametrize("content", [None, b"not a zip file"])
def test_missing_or_broken_reference_is_a_source_error(tmp_path, content):
    path = tmp_path / "brand.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        DocxWriter(path)
    assert str(path) in caught.value.message and "\n" not in caught.value.message


def test_company_reference_keeps_its_header_and_footer(tmp_path):
    document = docx.Document(str(default_reference_path()))
    section = document.sections[0]
    section.header.paragraphs[0].text = "ACME CONFIDENTIAL"
    section.footer.paragraphs[0].text = "Acme Inc. · Equal opportunity employer"
    path = tmp_path / "acme.docx"
    document.save(str(path))
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    data = DocxWriter(path).write(SAMPLE, options(reference=path, logo=logo))
    out = docx.Document(io.BytesIO(data)).sections[0]
    assert [p.text for p in out.header.paragraphs] == ["", "ACME CONFIDENTIAL"]
    assert out.header._element.findall(".//w:drawing", NS)
    assert [p.text for p in out.footer.paragraphs][0] == "Acme Inc. · Equal opportunity employer"
    assert out.footer.paragraphs[-1].text.startswith("AIMLAM.GEN.P4 · version 1 · Page ")
    assert docx_text_dump(data) == EXPECTED_DUMP


def test_reference_without_numbering_still_gets_real_list_numbering(tmp_path):
    with zipfile.ZipFile(default_reference_path()) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if n != "word/numbering.xml"}
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = re.sub(r'<Relationship [^>]*Target="numbering.xml"/>', "", rels).encode()
    path = tmp_path / "plain.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = DocxWriter(path).write("- a\n  - b\n\n1. c\n", options(reference=path))
    numbering = etree.fromstring(part(data, "word/numbering.xml"))
    tags = [etree.QName(child).localname for child in numbering]
    assert tags == sorted(tags)             # every abstractNum before the nums
    formats = [a.find("w:lvl/w:numFmt", NS).get(f"{{{W}}}val") for a in numbering.iterfind("w:abstractNum", NS)]
    assert {"bullet", "decimal"} <= set(formats)
    numbered = etree.fromstring(part(data, "word/document.xml")).findall(".//w:numPr", NS)
    assert len(numbered) == 3
    assert docx.Document(io.BytesIO(data)).part.numbering_part is not None


def test_logo_goes_into_the_header_with_a_deterministic_relationship(writer, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png(40, 10))
    data = writer.write(SAMPLE, options(logo=logo))
    assert data == writer.write(SAMPLE, options(logo=logo))
    header = docx.Document(io.BytesIO(data)).sections[0].header
    blip = header._element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    rid = blip.get(f"{{{NS['r']}}}embed")
    rel = header.part.rels[rid]
    assert rel.reltype.endswith("/image") and rel.target_part.blob == logo.read_bytes()
    extent = header._element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent")
    assert (extent.get("cx"), extent.get("cy")) == ("1080000", "270000")   # 3 cm wide, aspect kept
    assert "image/png" in part(data, "[Content_Types].xml").decode()


def test_missing_or_non_image_logo_is_a_source_error(writer, tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        writer.write(SAMPLE, options(logo=tmp_path / "missing.png"))
    fake = tmp_path / "logo.gif"
    fake.write_bytes(b"GIF89a not really")
    with pytest.raises(SourceError, match="not a PNG or JPEG"):
        writer.write(SAMPLE, options(logo=fake))


# ------------------------------------------------------------------------ the default reference


def test_default_reference_is_reproducible_and_has_real_style_definitions():
    data = build_reference()
    assert data == build_reference()
    styles = etree.fromstring(part(data, "word/styles.xml"))
    defined = {(s.get(f"{{{W}}}type"), s.find("w:name", NS).get(f"{{{W}}}val").casefold())
               for s in styles.iterfind("w:style", NS)}
    for name in ("Title", "heading 1", "heading 2", "heading 3", "List Bullet", "List Bullet 2", "List Number",
                 "List Number 2", "Normal", "header", "footer"):
        assert ("paragraph", name.casefold()) in defined
    assert ("character", "hyperlink") in defined


def test_shipped_reference_is_found(writer):
    path = default_reference_path()
    assert path.is_file() and path.name == "reference.docx" and path.parent.name == "templates"
    assert writer.reference == path
