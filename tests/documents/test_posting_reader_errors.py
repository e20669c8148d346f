"""Every way a posting file cannot be read: one exact line and the exit code of its class."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from jdgen.catalog.yaml_source import MAX_FILE_BYTES as CATALOG_MAX_FILE_BYTES
from jdgen.documents import read_document, read_document_bytes
from jdgen.documents.source import MAX_FILE_BYTES
from jdgen.errors import InvalidInputError, SourceError, UnreadableDocxError, exit_code_for


def failure(call, *args) -> tuple[str, int, type]:
    with pytest.raises(Exception) as caught:
        call(*args)
    return str(caught.value), exit_code_for(caught.value), type(caught.value)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    (tmp_path / name).write_bytes(data)
    return str(tmp_path / name)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  ", b"\xef\xbb\xbf\n \n"])
def test_an_empty_file_is_refused(tmp_path, data):
    path = write(tmp_path, "empty.md", data)
    assert failure(read_document, path) == (
        f"{path}: the file is empty (a posting needs at least a title or a paragraph)", 1, InvalidInputError)


def test_an_html_page_without_any_text_is_empty(tmp_path):
    path = write(tmp_path, "page.html", b"<html><head><script>x()</script></head><body><img src=a></body></html>")
    assert failure(read_document, path)[:2] == (
        f"{path}: the file is empty (a posting needs at least a title or a paragraph)", 1)


def test_a_nul_byte_is_a_binary_file(tmp_path):
    path = write(tmp_path, "binary.txt", b"Title\n\nab\x00cd\n")
    assert failure(read_document, path) == (
        f"{path}:3:3: byte 0x00 (NUL) is not text: this looks like a binary file "
        "(save the posting as UTF-8 text, or as .docx)", 1, InvalidInputError)


def test_a_cp1252_curly_quote_is_named_at_its_line_and_column(tmp_path):
    path = write(tmp_path, "posting.md", "# Café engineer\n\nWe\x94re hiring\n".encode("utf-8").replace(b"\xc2\x94", b"\x94"))
    assert failure(read_document, path) == (
        f"{path}:3:3: byte 0x94 is not valid UTF-8 (save the file as UTF-8; jdgen does not guess other encodings)",
        1, InvalidInputError)


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    for codec in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
        path = write(tmp_path, f"{codec}.txt", bom + "RESPONSIBILITIES\n- Build things\n".encode(codec))
        document = read_document(path)
        assert [(p.text, p.location.line, p.location.col) for p in document.pieces()] == [
            ("RESPONSIBILITIES", 1, 1), ("Build things", 2, 3)]


def test_broken_utf16_is_named_at_its_character(tmp_path):
    path = write(tmp_path, "posting.txt", b"\xff\xfe" + "ab\n".encode("utf-16-le") + b"\x00\xdc")
    assert failure(read_document, path) == (
        f"{path}:2:1: byte 0x00 is not valid UTF-16 (save the file as UTF-8; jdgen does not guess other encodings)",
        1, InvalidInputError)


def test_a_docx_that_is_not_a_zip(tmp_path):
    path = write(tmp_path, "posting.docx", b"this is a text file named .docx\n")
    assert failure(read_document, path) == (
        f"{path} is not a valid .docx file: it is not a zip archive "
        "(save it again from Word or LibreOffice as .docx)", 2, UnreadableDocxError)


def test_a_zip_without_a_word_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    path = write(tmp_path, "posting.docx", buffer.getvalue())
    assert failure(read_document, path) == (
        f"{path} is not a valid .docx file: it has no 'word/document.xml' part "
        "(save it again from Word or LibreOffice as .docx)", 2, UnreadableDocxError)
    assert failure(read_document_bytes, buffer.getvalue(), "-")[:2] == (
        "- is not a valid .docx file: it has no 'word/document.xml' part "
        "(save it again from Word or LibreOffice as .docx)", 2)


def test_an_empty_docx_file(tmp_path):
    path = write(tmp_path, "posting.docx", b"")
    assert failure(read_document, path)[:2] == (
        f"{path}: the file is empty (a posting needs at least a title or a paragraph)", 1)


def test_an_extension_jdgen_does_not_read(tmp_path):
    path = write(tmp_path, "posting.pdf", b"%PDF-1.7")
    assert failure(read_document, path) == (
        f"{path}: jdgen reads postings as .md, .markdown, .txt, .html, .htm or .docx", 2, SourceError)
    assert failure(read_document, str(tmp_path / "README"))[:2] == (
        f"{tmp_path / 'README'}: jdgen reads postings as .md, .markdown, .txt, .html, .htm or .docx", 2)


def test_too_large_a_text_posting(tmp_path):
    assert MAX_FILE_BYTES == CATALOG_MAX_FILE_BYTES
    path = write(tmp_path, "huge.md", b"word " * 240_001)
    assert failure(read_document, path) == (
        f"{path}:1:1: file is 1.2 MB, larger than the 1 MB jdgen reads "
        "(a posting is a few kilobytes; check that this is the right file)", 1, InvalidInputError)
    assert failure(read_document_bytes, b"word " * 240_001, "-")[:2] == (
        "-:1:1: file is 1.2 MB, larger than the 1 MB jdgen reads "
        "(a posting is a few kilobytes; check that this is the right file)", 1)


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = write(tmp_path, "big.txt", b"x " * (MAX_FILE_BYTES // 2))
    assert len(read_document(path).sections[0].pieces[0].text) == MAX_FILE_BYTES - 1


def test_too_large_a_docx_on_stdin(monkeypatch):
    from jdgen.render.docx import package

    monkeypatch.setattr(package, "MAX_TOTAL", 10 * package.MiB)
    data = b"PK\x03\x04" + bytes(11 * package.MiB)
    assert failure(read_document_bytes, data, "-") == (
        "- is not a valid .docx file: it takes 11 MiB (jdgen reads at most 10 MiB)", 2, UnreadableDocxError)


def test_a_missing_file_a_folder_and_a_pipe(tmp_path):
    assert failure(read_document, str(tmp_path / "gone.md")) == (
        f"{tmp_path / 'gone.md'}: no such file (check the path)", 2, SourceError)
    (tmp_path / "folder.md").mkdir()
    assert failure(read_document, str(tmp_path / "folder.md"))[:2] == (
        f"{tmp_path / 'folder.md'}: is a directory, expected a posting file", 2)
    os.mkfifo(tmp_path / "pipe.txt")
    assert failure(read_document, str(tmp_path / "pipe.txt"))[:2] == (
        f"{tmp_path / 'pipe.txt'}: is a named pipe, not a file "
        "(jdgen reads only regular files: remove it, or replace it with a file)", 2)


@pytest.mark.parametrize("name,data,message", [
    ("bullets.md", b"- item\n" * 2_000, "the file has 2,001 lines, more than the 2,000 jdgen reads in a posting"),
    ("bullets.txt", b"- item\n" * 2_000, "the file has 2,001 lines, more than the 2,000 jdgen reads in a posting"),
    ("marks.md", b"**a** " * 2_501,
     "the file has 10,004 markup characters (*, _, [, `, &, <), more than the 10,000 jdgen reads in a posting"),
    ("items.html", b"<li>a" * 8_001, "the file has 8,001 tags, more than the 8,000 jdgen reads in a posting"),
])
def test_far_more_structure_than_a_posting_has_is_refused_before_parsing(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    assert failure(read_document, path) == (
        f"{path}: {message} (a posting has a few hundred; check that this is the right file)", 1, InvalidInputError)


def test_a_docx_with_too_many_paragraphs(tmp_path, monkeypatch):
    import docx

    from jdgen.documents import word

    monkeypatch.setattr(word, "MAX_PARAGRAPHS", 3)
    document = docx.Document()
    for n in range(4):
        document.add_paragraph(f"Paragraph {n}")
    document.save(str(tmp_path / "long.docx"))
    assert failure(read_document, str(tmp_path / "long.docx")) == (
        f"{tmp_path / 'long.docx'}: the file has 4 paragraphs, more than the 3 jdgen reads in a posting "
        "(a posting has a few hundred; check that this is the right file)", 1, InvalidInputError)
