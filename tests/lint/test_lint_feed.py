"""Linting a feed of plain records (jdgen.lint.feed): the same findings as `jdgen lint FILE`, the same
in any process, one record's bad input never stopping the rest, and clear errors for malformed records."""

from __future__ import annotations

import io
import json
import multiprocessing
from datetime import date
from pathlib import Path

import pytest

from jdgen.errors import UsageError
from jdgen.lint.feed import lint_records

AS_OF = date(2026, 12, 1)
POSTING = """# Senior Backend Engineer

## What you will do

- Build the billing services our rockstar ninjas depend on
- Keep the team's on-call rota humane

## Requirements

- 12+ years of backend experience
- Women applicants only

Location: Denver, CO
"""


def _fields(finding: dict) -> tuple:
    return finding["code"], finding["line"], finding["column"], finding["message"]


def test_a_record_gets_the_findings_jdgen_lint_gives_its_file(run, tmp_path: Path):
    (tmp_path / "posting-1.md").write_text(POSTING, encoding="utf-8")
    result = run("lint", "posting-1.md", "-f", "json", "--as-of", AS_OF.isoformat(), cwd=tmp_path)
    from_file = [_fields(f) for f in json.loads(result.out)["findings"]]

    from_record = list(lint_records([{"id": "posting-1", "text": POSTING}], as_of=AS_OF))

    assert from_file and [_fields(f) for f in from_record] == from_file
    assert {f["id"] for f in from_record} == {"posting-1"}
    messages = {f["code"]: " | ".join(g["message"] for g in from_record if g["code"] == f["code"]) for f in from_record}
    assert "'rockstar'" in messages["JD502"] and "'ninjas'" in messages["JD502"]    # celebrity labels
    assert "Colorado" in messages["JD401"]     # Denver: Colorado's law needs a pay range


def _lint_in_a_worker(records: list[dict]) -> list[dict]:
    return list(lint_records(records, as_of=AS_OF))


def test_a_partition_linted_in_another_process_gives_the_same_records():
    records = [{"id": f"p{i}", "text": POSTING.replace("Senior", level)} for i, level in
               enumerate(("Senior", "Junior", "Staff"))]
    here = _lint_in_a_worker(records)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        there = pool.apply(_lint_in_a_worker, (records,))
    assert there == here
    assert [f["id"] for f in here] == sorted((f["id"] for f in here), key=lambda i: int(i[1:]))


def test_a_record_it_cannot_read_is_one_finding_and_the_next_is_still_linted():
    records = [{"id": "empty", "text": ""}, {"id": "ok", "text": POSTING}]
    found = list(lint_records(records, as_of=AS_OF))
    empty = [f for f in found if f["id"] == "empty"]
    assert [(f["code"], f["severity"]) for f in empty] == [("JD001", "error")]
    assert "empty" in empty[0]["message"]
    assert any(f["id"] == "ok" and f["code"] == "JD401" for f in found)


def test_a_record_may_set_its_own_level_location_and_format():
    html = ("<html lang='en'><body><h1>Data Analyst</h1><h2>Requirements</h2>"
            "<ul><li>10+ years of SQL experience</li></ul></body></html>")
    found = list(lint_records([{"id": "h", "format": "html", "text": html, "level": "P2"}], as_of=AS_OF))
    years = [f for f in found if f["code"] == "JD301"]
    assert len(years) == 1 and years[0]["severity"] == "error" and years[0]["line"] == 1


def test_a_docx_record_is_read_from_its_bytes(tmp_path: Path):
    from docx import Document

    document = Document()
    document.add_heading("Warehouse Associate", 1)
    document.add_paragraph("Looking for young and energetic rockstars to join us.")
    buffer = io.BytesIO()
    document.save(buffer)
    found = list(lint_records([{"id": "w.1", "format": "docx", "data": buffer.getvalue()}], as_of=AS_OF))
    assert [f["message"] for f in found if f["code"] == "JD502"] and all(f["id"] == "w.1" for f in found)


@pytest.mark.parametrize("record, message", [
    ({"text": POSTING}, "record id None is not 1-200 letters, digits, '.', '_' or '-'"),
    ({"id": "../etc/passwd", "text": POSTING}, "record id '../etc/passwd' is not 1-200 letters, digits, '.', '_' or '-'"),
    ({"id": "a", "format": "pdf", "text": POSTING}, "record a: format 'pdf' is not one jdgen reads"),
    ({"id": "a", "format": "docx", "text": POSTING}, "record a: a docx record needs its file's bytes as 'data'"),
    ({"id": "a", "text": POSTING.encode()}, "record a: 'text' must be the posting's text as a string"),
])
def test_a_malformed_record_is_a_usage_error_that_names_it(record, message):
    with pytest.raises(UsageError) as raised:
        list(lint_records([record], as_of=AS_OF))
    assert str(raised.value).startswith(message)
