"""``render --check`` reads the committed .docx postings, which anyone can replace: read them within limits.

A hostile committed document (a zip bomb, a member that leaves the package, an
encrypted member, a DTD) is never unpacked in full and never an internal error: the
check reports it as stale, with the reason, exits 1, and writes nothing.
"""

from __future__ import annotations

import struct
import tracemalloc

import pytest

from docx_hostile import MiB, Member, build_zip, members_of, tree, zeros

DATE = "2026-11-23"
CODE = "AIMLAM.GEN.P4"


@pytest.fixture
def committed(run, tmp_path):
    """The folder of freshly rendered generic postings, and the parts of the P4 posting."""
    (tmp_path / "sentinel").mkdir()
    (tmp_path / "sentinel" / "keep.txt").write_text("untouched\n")
    out = tmp_path / "out"
    assert run("render", "--all", "-f", "docx", "--date", DATE, "-o", str(out), cwd=tmp_path).code == 0
    return out, members_of(out / f"{CODE}.docx")


def check(run, tmp_path, *dated: str):
    before = tree(tmp_path)
    result = run("render", "--all", "-f", "docx", *dated, "-o", str(tmp_path / "out"), "--check", cwd=tmp_path)
    assert tree(tmp_path) == before                        # the check writes nothing, anywhere
    return result


def stale(run, tmp_path, reason: str, *dated: str) -> None:
    path = tmp_path / "out" / f"{CODE}.docx"
    result = check(run, tmp_path, *dated)
    assert result.code == 1, result
    assert f"{path}: the committed file is not a readable Word document ({reason}), so it is stale\n" in result.out
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert result.err.splitlines()[-1].startswith("1 rendered posting is stale")


def replace(out, parts, *extra: Member, swap: dict[str, Member] | None = None) -> None:
    swap = swap or {}
    members = [swap.get(name, Member(name, data)) for name, data in parts.items()]
    (out / f"{CODE}.docx").write_bytes(build_zip(members + list(extra)))


@pytest.mark.parametrize("dated", [("--date", DATE), ()], ids=["with-date", "date-from-the-file"])
def test_a_zip_bomb_is_stale_and_never_unpacked(run, tmp_path, committed, dated):
    """Without --date the check first reads the file's own date from docProps/core.xml: the bomb is there."""
    out, parts = committed
    stream, crc = zeros(200)
    replace(out, parts, swap={"docProps/core.xml": Member("docProps/core.xml", stream=stream, size=200 * MiB, crc=crc)})
    tracemalloc.start()
    try:
        stale(run, tmp_path, f"member 'docProps/core.xml' claims to unpack {len(stream):,} bytes to 200 MiB, "
                             "more than 200 to 1 (a zip bomb?)", *dated)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * MiB


def test_a_stream_longer_than_declared_is_cut_off(run, tmp_path, committed):
    out, parts = committed
    stream, crc = zeros(200)
    replace(out, parts, swap={"word/document.xml": Member("word/document.xml", stream=stream, size=1000, crc=crc)})
    tracemalloc.start()
    try:
        stale(run, tmp_path, "member 'word/document.xml' is damaged (Bad CRC-32 for file 'word/document.xml')",
              "--date", DATE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * MiB


def test_an_oversized_member_is_not_unpacked(run, tmp_path, committed, monkeypatch):
    from jdgen.render.docx import package as docx_package

    out, parts = committed
    replace(out, parts, Member("word/media/filler.bin", b"x"))   # different bytes: the check reads the file
    size = len(parts["word/styles.xml"])                         # the largest part the check reads
    monkeypatch.setattr(docx_package, "MAX_MEMBER", size - 1)
    stale(run, tmp_path, f"member 'word/styles.xml' would unpack to {size:,} bytes "
                         f"(jdgen reads at most {size - 1:,} bytes from one member)", "--date", DATE)


@pytest.mark.parametrize("extra, reason", [
    (Member("../x", b"escape"), "member name '../x' is not a part name "
                                "(a relative path without '..', '\\', ':' or control characters)"),
    (Member("word/document.xml", b"<w:document/>"), "it has two members named 'word/document.xml'"),
], ids=["dotdot", "duplicate"])
def test_a_bad_member_name_is_stale(run, tmp_path, committed, extra, reason):
    out, parts = committed
    replace(out, parts, extra)
    stale(run, tmp_path, reason, "--date", DATE)
    assert not (tmp_path / "x").exists()


def test_an_encrypted_member_is_stale_not_an_internal_error(run, tmp_path, committed):
    out, parts = committed
    replace(out, parts, swap={"word/document.xml": Member("word/document.xml", parts["word/document.xml"], flags=1)})
    stale(run, tmp_path, "member 'word/document.xml' is encrypted", "--date", DATE)


def test_too_many_members_are_stale(run, tmp_path, committed):
    out, parts = committed
    replace(out, parts, *(Member(f"word/media/pad{i}.bin", b"") for i in range(1000)))
    stale(run, tmp_path, f"it has {len(parts) + 1000:,} members (jdgen reads at most 1,000)", "--date", DATE)


def test_a_zip64_archive_is_stale(run, tmp_path, committed):
    out, parts = committed
    data = build_zip([Member(n, d) for n, d in parts.items()])
    path = out / f"{CODE}.docx"
    path.write_bytes(data[:-22] + struct.pack("<IIQI", 0x07064B50, 0, 0, 1) + data[-22:])
    stale(run, tmp_path, "it is a Zip64 archive, which jdgen does not read", "--date", DATE)


def test_a_document_with_a_dtd_is_stale(run, tmp_path, committed):
    out, parts = committed
    document = parts["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
    replace(out, parts, swap={"word/document.xml": Member("word/document.xml", document)})
    result = check(run, tmp_path, "--date", DATE)
    assert result.code == 1
    assert ("the committed file is not a readable Word document (part 'word/document.xml' declares a DTD "
            "(Word never writes one; jdgen refuses entity declarations)), so it is stale\n") in result.out
    assert "root:" not in result.out                        # nothing of /etc/passwd in the diff


def test_an_undefined_entity_is_stale(run, tmp_path, committed):
    out, parts = committed
    document = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>&nbsp;", 1)
    replace(out, parts, swap={"word/document.xml": Member("word/document.xml", document)})
    result = check(run, tmp_path, "--date", DATE)
    assert result.code == 1
    assert ("the committed file is not a readable Word document (part 'word/document.xml' is not well-formed XML "
            "(Entity 'nbsp' not defined") in result.out
