"""Lint output formats. ``json`` and ``sarif`` are versioned contracts; ``github`` is workflow commands.

* ``text``: ``file:line:col: CODE severity message (hint)`` then a summary line; the
  severity is coloured only on a terminal, and never when ``NO_COLOR`` is set.
* ``json``: ``{"version": 1, "findings": [{code, name, severity, message, hint, file,
  line, column}], "summary": {errors, warnings, infos, files, postings}}``.
* ``github``: ``::error file=…,line=…,col=…,title=JD301 experience-vs-level::message``.
* ``sarif``: SARIF 2.1.0 with one run, the rules as ``tool.driver.rules``.

File names and messages carry text from the catalog: every format escapes it as
:mod:`jdgen.terminal_text` says, so a finding is one line (one workflow command, one
message in JSON and SARIF) and no value prints a control character, a bidi control or a
command of its own. JSON keeps a file name as the path it is, in JSON's own escapes. The
formats return :class:`~jdgen.terminal_text.Safe` text, which the CLI writes as it is.
"""

from __future__ import annotations

import json
import os
from itertools import islice
from typing import Iterable, Iterator, TextIO
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Diagnostic
from ..terminal_text import Safe, json_document, line, one_line
from .engine import LintResult
from .ruleset import all_rules

FORMATS = ("text", "json", "github", "sarif")
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# Findings written per piece: the output of a run with a million findings is never one string.
_SLICE = 2000
# Where a document's list of findings goes while the rest of it is laid out (see _streamed).
_LIST = "\u0000jdgen findings\u0000"


def use_colour(stream: TextIO) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def summary(result: LintResult) -> str:
    errors, warnings, infos = (result.count(s) for s in ("error", "warning", "info"))
    return (f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}, "
            f"{infos} info in {len(result.files)} file{'s' if len(result.files) != 1 else ''} and "
            f"{result.postings} posting{'s' if result.postings != 1 else ''}")


def text(result: LintResult, *, colour: bool = False) -> Safe:
    return Safe("".join(text_pieces(result, colour=colour)))


def text_pieces(result: LintResult, *, colour: bool = False) -> Iterator[Safe]:
    """The text format a slice of findings at a time, for writing as it is made."""
    for batch in _batches(result.findings):
        lines = []
        for f in batch:
            severity = f"{_COLOURS[f.severity]}{f.severity}\033[0m" if colour else f.severity
            where = f"{f.location}: " if f.location else ""
            hint = f" ({f.hint})" if f.hint else ""
            # Escaped in two parts around the colour codes: the start of the line, where a file
            # name could begin a workflow command, and the message.
            lines.append(f"{line(f'{where}{f.code} ')}{severity}{one_line(f' {f.message}{hint}')}\n")
        yield Safe("".join(lines))


def _batches(findings: Iterable[Diagnostic]) -> Iterator[list[Diagnostic]]:
    """The findings :data:`_SLICE` at a time, read once in order (a large run's are read back as they go)."""
    found = iter(findings)
    while batch := list(islice(found, _SLICE)):
        yield batch


def _finding(f: Diagnostic) -> dict:
    rules = all_rules()
    loc = f.location
    # The message and hint read as the text format prints them, one line each; the file stays
    # the path as it is, for tools that open it.
    return {"code": f.code, "name": rules[f.code].name, "severity": f.severity, "message": one_line(f.message),
            "hint": f.hint and one_line(f.hint), "file": loc.file if loc else None, "line": loc.line if loc else None,
            "column": loc.col if loc else None}


def as_json(result: LintResult) -> Safe:
    return Safe("".join(json_pieces(result)))


def json_pieces(result: LintResult) -> Iterator[Safe]:
    """The json format, one finding at a time: the bytes of :func:`json_document` of the whole document."""
    skeleton = {
        "version": 1,
        "tool": {"name": "jdgen", "version": __version__},
        "findings": _LIST,
        "summary": {"errors": result.count("error"), "warnings": result.count("warning"),
                    "infos": result.count("info"), "files": len(result.files), "postings": result.postings},
    }
    return _streamed(skeleton, map(_finding, result.findings))


def _streamed(skeleton: dict, items: Iterable) -> Iterator[Safe]:
    """:func:`json_document` of ``skeleton`` with ``items`` where it holds :data:`_LIST`, written piece by piece.

    Each item is its own indented document moved to the list's depth: json.dumps puts a
    line break in its output only between tokens (one inside a string is escaped), so
    indenting every line of an item's text gives exactly the lines the whole would have.
    """
    document = json_document(skeleton)
    head, tail = document.split(json.dumps(_LIST))
    start = head[head.rfind("\n") + 1:]
    outer = start[:len(start) - len(start.lstrip(" "))]
    inner = outer + "  "
    yield Safe(head)
    opened = False
    for item in items:
        body = json_document(item)[:-1].replace("\n", "\n" + inner)
        yield Safe(("," if opened else "[") + "\n" + inner + body)
        opened = True
    yield Safe(("\n" + outer + "]" if opened else "[]") + tail)


def _escape_data(value: str) -> str:
    # Visible escapes first (a line break becomes \n, ESC \x1b), so the annotation shows them
    # rather than passing them on; then '%', which the runner's unescaping would read.
    return one_line(value).replace("%", "%25")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(result: LintResult) -> Safe:
    return Safe("".join(github_pieces(result)))


def github_pieces(result: LintResult) -> Iterator[Safe]:
    rules = all_rules()
    for batch in _batches(result.findings):
        out = []
        for f in batch:
            command = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
            props = []
            if f.location:
                props += [f"file={_escape_property(f.location.file)}", f"line={f.location.line}", f"col={f.location.col}"]
            props.append(f"title={_escape_property(f'{f.code} {rules[f.code].name}')}")
            message = f.message + (f" ({f.hint})" if f.hint else "")
            out.append(f"::{command} {','.join(props)}::{_escape_data(message)}\n")
        yield Safe("".join(out))


def sarif(result: LintResult) -> Safe:
    return Safe("".join(sarif_pieces(result)))


def sarif_pieces(result: LintResult) -> Iterator[Safe]:
    rules = all_rules()
    used = sorted({f.code for f in result.findings})
    index = {code: i for i, code in enumerate(used)}
    driver = {
        "name": "jdgen", "version": __version__, "informationUri": "https://jdgen.dev",
        "rules": [{"id": code, "name": rules[code].name,
                   "shortDescription": {"text": rules[code].summary},
                   "fullDescription": {"text": rules[code].why},
                   "defaultConfiguration": {"level": _SARIF_LEVEL[rules[code].severity]}} for code in used],
    }

    def entry(f: Diagnostic) -> dict:
        found = {"ruleId": f.code, "ruleIndex": index[f.code], "level": _SARIF_LEVEL[f.severity],
                 "message": {"text": one_line(f.message + (f" ({f.hint})" if f.hint else ""))}}
        if f.location:
            found["locations"] = [{"physicalLocation": {
                # SARIF wants a URI: a space, '#' or 'ü' in a folder name must be percent-encoded.
                "artifactLocation": {"uri": quote(f.location.file.replace(os.sep, "/"), safe="/")},
                "region": {"startLine": f.location.line, "startColumn": f.location.col}}}]
        return found

    document = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
                "runs": [{"tool": {"driver": driver}, "results": _LIST}]}
    return _streamed(document, map(entry, result.findings))


PIECES = {"text": text_pieces, "json": json_pieces, "github": github_pieces, "sarif": sarif_pieces}
