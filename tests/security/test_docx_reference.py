"""A company's reference .docx is untrusted: bombs, traversal, encryption, DTDs and external links.

Each test writes a hostile reference document over Northwind's in a copy of the
built-in catalog, runs ``jdgen render ... -f docx`` and checks the outcome: a refused
document is one line at the company file's ``reference_docx:`` line with exit 2, and
nothing is written; a document whose external relationships are dropped renders with a
warning per relationship, and the posting parses. Nothing outside the test's folder
changes, and no test unpacks more than a few MiB.
"""

from __future__ import annotations

import io
import struct
import tracemalloc
from pathlib import Path

import docx
import pytest
from lxml import etree

from conftest import line_of
from docx_hostile import MiB, Member, build_zip, members_of, tree, zeros

CODE = "AIMLAM.GEN.P4"
HINT = " (save it again from Word or LibreOffice as .docx)"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HARDENED = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@pytest.fixture
def setup(catalog, tmp_path):
    """(Northwind's reference path, its shipped parts), with a sentinel folder beside the catalog."""
    sentinel = tmp_path / "sentinel"
    sentinel.mkdir()
    (sentinel / "keep.txt").write_text("untouched\n")
    reference = catalog / "companies" / "assets" / "northwind-reference.docx"
    return reference, members_of(reference)


def render(run, tmp_path: Path, *extra: str):
    before = tree(tmp_path, skip=("out",))
    result = run("--catalog", str(tmp_path / "catalog"), "render", CODE, "-c", "northwind", "-f", "docx",
                 "-o", f"{tmp_path / 'out'}/", "--date", "2026-11-23", *extra, cwd=tmp_path)
    assert tree(tmp_path, skip=("out",)) == before          # catalog, sentinel: nothing changed
    return result


def refused(run, tmp_path: Path, reference: Path, reason: str, catalog: Path) -> None:
    """The render fails with exactly one line naming ``reason`` at the reference_docx line; nothing is written."""
    result = render(run, tmp_path)
    company = catalog / "companies" / "northwind.yaml"
    where = f"catalog/companies/northwind.yaml:{line_of(company, 'reference_docx:')}:19"
    lines = [line for line in result.err.splitlines() if not line.startswith("warning:")]
    assert (result.code, lines) == (2, [f"{where}: reference document {reference.resolve()} is not a valid .docx "
                                        f"file: {reason}{HINT}"])
    assert result.out == ""
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def write(reference: Path, parts: dict[str, bytes], *extra: Member, replace: dict[str, Member] | None = None):
    replace = replace or {}
    members = [replace.get(name, Member(name, data)) for name, data in parts.items()]
    reference.write_bytes(build_zip(members + list(extra)))


# ------------------------------------------------------------------------ the zip archive


def test_zip_bomb_member_is_refused_before_anything_is_unpacked(run, tmp_path, setup, catalog):
    reference, parts = setup
    stream, crc = zeros(200)                              # 200 MiB of zeros in about 200 KiB
    write(reference, parts, Member("word/media/bomb.bin", stream=stream, size=200 * MiB, crc=crc))
    tracemalloc.start()
    try:
        refused(run, tmp_path, reference, f"member 'word/media/bomb.bin' claims to unpack {len(stream):,} bytes to "
                                          "200 MiB, more than 200 to 1 (a zip bomb?)", catalog)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * MiB


def test_a_member_declaring_3_gib_is_refused(run, tmp_path, setup, catalog):
    reference, parts = setup
    stream, _ = zeros(200)
    write(reference, parts, replace={"word/styles.xml": Member("word/styles.xml", stream=stream, size=3 << 30)})
    refused(run, tmp_path, reference, f"member 'word/styles.xml' claims to unpack {len(stream):,} bytes to "
                                      "3,072 MiB, more than 200 to 1 (a zip bomb?)", catalog)


def test_a_stream_longer_than_its_declared_size_is_cut_off_and_refused(run, tmp_path, setup, catalog):
    """The styles part declares 1,000 bytes, but its stream goes on for 200 MiB: only 1,000 are unpacked."""
    reference, parts = setup
    stream, crc = zeros(200)
    write(reference, parts, replace={"word/styles.xml": Member("word/styles.xml", stream=stream, size=1000, crc=crc)})
    tracemalloc.start()
    try:
        refused(run, tmp_path, reference,
                "member 'word/styles.xml' is damaged (Bad CRC-32 for file 'word/styles.xml')", catalog)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * MiB


def test_a_member_over_the_size_limit_is_not_unpacked(run, tmp_path, setup, catalog, monkeypatch):
    from jdgen.render.docx import package as docx_package

    reference, parts = setup
    write(reference, parts)
    monkeypatch.setattr(docx_package, "MAX_MEMBER", 16 * 1024)
    refused(run, tmp_path, reference, f"member 'word/styles.xml' would unpack to {len(parts['word/styles.xml']):,} "
                                      "bytes (jdgen reads at most 16,384 bytes from one member)", catalog)


def test_unpacking_stops_at_the_total_limit(run, tmp_path, setup, catalog, monkeypatch):
    from jdgen.render.docx import package as docx_package

    reference, parts = setup
    write(reference, parts)
    monkeypatch.setattr(docx_package, "MAX_TOTAL", 32 * 1024)
    refused(run, tmp_path, reference, "the parts jdgen reads would unpack to more than 32,768 bytes", catalog)


@pytest.mark.parametrize("name, reason", [
    ("../../../x", "member name '../../../x' is not a part name"),
    ("/etc/cron.d/x", "member name '/etc/cron.d/x' is not a part name"),
    ("word\\..\\..\\x", "member name 'word\\\\..\\\\..\\\\x' is not a part name"),
    ("C:/x", "member name 'C:/x' is not a part name"),
    ("word/./x", "member name 'word/./x' is not a part name"),
    ("word/\x1b[2Jx", "member name 'word/\\x1b[2Jx' is not a part name"),
], ids=["dotdot", "absolute", "backslash", "drive", "dot", "escape"])
def test_a_member_name_that_leaves_the_package_is_refused(run, tmp_path, setup, catalog, name, reason):
    """Such a member once rode along into every posting (a header image pointing at it)."""
    reference, parts = setup
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{R}/image" Target="../../../x"/></Relationships>').encode()
    write(reference, parts, Member("word/_rels/header1.xml.rels", rels), Member(name, b"not a picture"))
    refused(run, tmp_path, reference,
            reason + " (a relative path without '..', '\\', ':' or control characters)", catalog)
    assert not (tmp_path.parent / "x").exists() and not Path("/etc/cron.d/x").exists()


def test_two_members_with_one_name_are_refused(run, tmp_path, setup, catalog):
    reference, parts = setup
    write(reference, parts, Member("WORD/styles.xml", parts["word/styles.xml"]))
    refused(run, tmp_path, reference, "it has two members named 'WORD/styles.xml'", catalog)


def test_too_many_members_are_refused(run, tmp_path, setup, catalog):
    reference, parts = setup
    write(reference, parts, *(Member(f"word/media/pad{i}.bin", b"") for i in range(1000)))
    refused(run, tmp_path, reference, f"it has {len(parts) + 1000:,} members (jdgen reads at most 1,000)", catalog)


def test_a_central_directory_too_large_to_parse_is_refused(run, tmp_path, setup, catalog):
    reference, parts = setup
    reference.write_bytes(build_zip([Member(n, d) for n, d in parts.items()], directory_size=2 * MiB))
    refused(run, tmp_path, reference, "its zip directory takes 2 MiB (jdgen reads at most 1 MiB)", catalog)


def test_a_zip64_archive_is_refused(run, tmp_path, setup, catalog):
    reference, parts = setup
    data = build_zip([Member(n, d) for n, d in parts.items()])
    locator = struct.pack("<IIQI", 0x07064B50, 0, 0, 1)
    reference.write_bytes(data[:-22] + locator + data[-22:])
    refused(run, tmp_path, reference, "it is a Zip64 archive, which jdgen does not read", catalog)


def test_an_encrypted_member_is_refused_not_an_internal_error(run, tmp_path, setup, catalog):
    reference, parts = setup
    write(reference, parts, replace={"word/styles.xml": Member("word/styles.xml", parts["word/styles.xml"], flags=1)})
    refused(run, tmp_path, reference, "member 'word/styles.xml' is encrypted", catalog)


def test_a_compression_method_word_does_not_write_is_refused(run, tmp_path, setup, catalog):
    reference, parts = setup
    write(reference, parts, replace={"word/styles.xml": Member("word/styles.xml", parts["word/styles.xml"],
                                                               stream=b"BZh9", method=12)})
    refused(run, tmp_path, reference,
            "member 'word/styles.xml' uses compression method 12, which Word does not write", catalog)


def test_a_password_protected_word_file_is_not_a_zip(run, tmp_path, setup, catalog):
    """Word's 'Encrypt with Password' writes an OLE compound file, not a zip."""
    reference, _ = setup
    reference.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    refused(run, tmp_path, reference, "it is not a zip archive", catalog)


# ------------------------------------------------------------------------ XML inside


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
          + "]>")


@pytest.mark.parametrize("part, doctype, encoding", [
    ("word/styles.xml", LAUGHS, "utf-8"),                                               # billion laughs
    ("word/settings.xml", '<!DOCTYPE w:settings [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "utf-8"),
    ("word/header1.xml", '<!DOCTYPE w:hdr SYSTEM "http://evil.example/x.dtd">', "utf-8"),  # external DTD
    ("word/styles.xml", LAUGHS, "utf-16"),
    ("[Content_Types].xml", '<!DOCTYPE Types [<!ENTITY a "b">]>', "utf-8"),
], ids=["billion-laughs", "xxe", "external-dtd", "utf-16", "content-types"])
def test_a_part_that_declares_a_dtd_is_refused(run, tmp_path, setup, catalog, part, doctype, encoding):
    reference, parts = setup
    text = parts[part].decode("utf-8")
    declaration, rest = text.split("?>", 1)
    hostile = declaration.replace("UTF-8", encoding.upper()) + "?>" + doctype + rest
    if "lolz" in doctype:
        hostile = hostile.replace("<w:docDefaults>", "<w:docDefaults>&lol9;", 1)
    if part == "word/header1.xml":     # an entity the external DTD would define, once written into postings
        hostile = hostile.replace("Careers</w:t>", "Careers &brand;</w:t>", 1)
    write(reference, parts, replace={part: Member(part, hostile.encode(encoding))})
    refused(run, tmp_path, reference,
            f"part '{part}' declares a DTD (Word never writes one; jdgen refuses entity declarations)", catalog)


def test_an_undefined_entity_is_refused_not_written_into_the_posting(run, tmp_path, setup, catalog):
    reference, parts = setup
    header = parts["word/header1.xml"].replace(b"Careers</w:t>", b"Careers &brand;</w:t>")
    write(reference, parts, replace={"word/header1.xml": Member("word/header1.xml", header)})
    with pytest.raises(etree.XMLSyntaxError) as caught:       # libxml2's own words end the message
        etree.fromstring(header, HARDENED)
    refused(run, tmp_path, reference, f"part 'word/header1.xml' is not well-formed XML ({caught.value.msg})", catalog)


# ------------------------------------------------------------------------ relationships


def rels(*items: tuple[str, str, str, bool]) -> bytes:
    body = "".join(f'<Relationship Id="{rid}" Type="{R}/{kind}" Target="{target}"'
                   + (' TargetMode="External"' if external else "") + "/>" for rid, kind, target, external in items)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">{body}'
            "</Relationships>").encode()


def hostile_links(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Northwind's reference with an http template, a header link, pictures on a share and an OLE object."""
    parts = dict(parts)
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"<w:zoom ", b'<w:attachedTemplate r:id="rId1"/><w:zoom ', 1)
    parts["word/_rels/settings.xml.rels"] = rels(("rId1", "attachedTemplate", "http://evil.example/t.dotm", True))
    parts["word/header1.xml"] = parts["word/header1.xml"].replace(b"</w:hdr>", (
        '<w:p><w:hyperlink r:id="rId7"><w:r><w:t>Our careers site</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:r><w:pict><v:shape id="s1" style="width:10pt;height:10pt"><v:imagedata r:id="rId8" o:title=""/>'
        '</v:shape></w:pict></w:r></w:p>'
        '<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Package" ShapeID="s1" r:id="rId9"/></w:object>'
        '</w:r></w:p></w:hdr>').encode())
    parts["word/_rels/header1.xml.rels"] = rels(("rId7", "hyperlink", "https://northwind.example/careers", True),
                                                ("rId8", "image", "file://host/share/logo.png", True),
                                                ("rId9", "oleObject", "embeddings/oleObject1.bin", False))
    parts["word/embeddings/oleObject1.bin"] = b"MZ pretend executable"
    doc_rels = parts["word/_rels/document.xml.rels"].replace(b"</Relationships>", (
        f'<Relationship Id="rId20" Type="{R}/theme" Target="http://evil.example/theme.xml" TargetMode="External"/>'
        "</Relationships>").encode())
    parts["word/_rels/document.xml.rels"] = doc_rels
    return parts


@pytest.mark.parametrize("logo", [True, False], ids=["with-logo", "without-logo"])
def test_external_relationships_are_dropped_with_a_warning_each(run, tmp_path, setup, catalog, logo):
    reference, parts = setup
    write(reference, hostile_links(parts))
    if not logo:
        company = catalog / "companies" / "northwind.yaml"
        company.write_text(company.read_text().replace("  logo: assets/northwind-logo.png\n", ""))
    result = render(run, tmp_path)
    assert result.code == 0, result.err
    label = f"warning: reference document {reference.resolve()}: dropped the"
    assert [line for line in result.err.splitlines() if "reference document" in line] == [
        f"{label} external theme relationship 'rId20' of 'word/document.xml' to 'http://evil.example/theme.xml' "
        "(jdgen keeps nothing that points outside the document)",
        f"{label} external hyperlink relationship 'rId7' of 'word/header1.xml' to 'https://northwind.example/careers' "
        "(jdgen keeps nothing that points outside the document)",
        f"{label} external image relationship 'rId8' of 'word/header1.xml' to 'file://host/share/logo.png' "
        "(jdgen keeps nothing that points outside the document)",
        f"{label} oleObject relationship 'rId9' of 'word/header1.xml' to 'embeddings/oleObject1.bin' "
        "(jdgen keeps only font and image relationships here)",
        f"{label} external attachedTemplate relationship 'rId1' of 'word/settings.xml' to "
        "'http://evil.example/t.dotm' (jdgen keeps nothing that points outside the document)",
    ]
    data = (tmp_path / "out" / f"{CODE}.northwind.docx").read_bytes()
    out = members_of(data)
    for name, content in out.items():                       # every XML part parses, hardened
        if name.endswith((".xml", ".rels")):
            root = etree.fromstring(content, HARDENED)
            assert not root.getroottree().docinfo.doctype, name
    assert not any(b"evil.example" in c or b"file://" in c or b"oleObject" in c for c in out.values())
    assert "word/embeddings/oleObject1.bin" not in out
    external = [(name, e.get("Type")) for name, content in out.items() if name.endswith(".rels")
                for e in etree.fromstring(content) if e.get("TargetMode") == "External"]
    assert {kind for _, kind in external} <= {f"{R}/hyperlink"}                 # the posting's own links
    assert {name for name, _ in external} <= {"word/_rels/document.xml.rels"}
    header = docx.Document(io.BytesIO(data)).sections[0].header
    assert "Our careers site" in [p.text for p in header.paragraphs]            # the link's text stays
    assert not header._element.xpath(".//*[local-name()='imagedata' or local-name()='OLEObject']")
    assert b"attachedTemplate" not in out["word/settings.xml"]
    assert (header._element.xpath(".//*[local-name()='blip']") != []) == logo


def test_the_shipped_reference_renders_without_warnings(run, tmp_path, setup):
    result = render(run, tmp_path)
    assert result.code == 0
    assert "reference document" not in result.err


# ------------------------------------------------------------------------ the logo


def company_line(catalog: Path, key: str) -> str:
    company = catalog / "companies" / "northwind.yaml"
    return f"catalog/companies/northwind.yaml:{line_of(company, key + ':')}:{len(key) + 5}"


@pytest.mark.parametrize("width, height", [(100_000, 100_000), (10_001, 10), (6_000, 6_000)])
def test_a_logo_declaring_a_huge_picture_is_refused(run, tmp_path, setup, catalog, width, height):
    logo = catalog / "companies" / "assets" / "northwind-logo.png"
    data = bytearray(logo.read_bytes())
    data[16:24] = struct.pack(">II", width, height)
    logo.write_bytes(bytes(data))
    result = render(run, tmp_path)
    lines = [line for line in result.err.splitlines() if not line.startswith("warning:")]
    assert (result.code, lines) == (2, [
        f"{company_line(catalog, 'logo')}: logo {logo.resolve()} declares {width:,} x {height:,} pixels, more than "
        "jdgen accepts (10,000 a side, 25 million in all) (export the logo at about 600 pixels wide)"])
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_a_logo_file_over_8_mib_is_not_read(run, tmp_path, setup, catalog):
    logo = catalog / "companies" / "assets" / "northwind-logo.png"
    with logo.open("r+b") as file:                          # sparse: the disk holds almost nothing
        file.truncate(9 * MiB)
    result = render(run, tmp_path)
    lines = [line for line in result.err.splitlines() if not line.startswith("warning:")]
    assert (result.code, lines) == (2, [f"{company_line(catalog, 'logo')}: logo {logo.resolve()} is larger than "
                                        "8 MiB (export the logo at about 600 pixels wide)"])
