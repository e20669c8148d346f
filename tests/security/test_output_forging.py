"""No output line can be forged by a catalog: not a finding, a table row, a workflow command or a terminal escape.

Each attack is built inside tmp_path from a copy of the built-in catalog: hostile folder
and file names (line breaks, ``::warning``, ESC, bidi controls, ``##[``), hostile titles,
template error messages carrying line breaks, committed outputs holding commands. The
real command runs and the test checks the exact lines printed, that each finding or row is
one line, and that nothing a terminal or a GitHub Actions runner acts on got through.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import REPO, edit, line_of

from jdgen.catalog.hidden_characters import VISIBLE_FORMAT, find_hidden
from jdgen.terminal_text import FORMAT_CHARACTERS, JOINERS, Safe, block, json_document, line, one_line

AS_OF = ["--as-of", "2026-11-23"]
P3 = "roles/AIMLAM.GEN.P3.yaml"
P4 = "roles/AIMLAM.GEN.P4.yaml"
MISMATCH = ("code 'AIMLAM.GEN.P4' does not match the file name 'AIMLAM.GEN.P9.yaml' "
            "(rename the file to AIMLAM.GEN.P4.yaml, or correct the code)")
# What no output may hold raw: controls but the line feed, DEL, C1, line separators, format characters.
RAW = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029{FORMAT_CHARACTERS}]")


def assert_printable(text: str, *, commands_allowed: bool = False) -> None:
    """Nothing a terminal or a GitHub Actions runner would act on: raw controls, format characters, commands."""
    assert RAW.search(text) is None, repr(RAW.search(text))
    assert "##[" not in text
    if not commands_allowed:
        for output_line in text.splitlines():
            assert not output_line.lstrip().startswith("::"), output_line


@pytest.fixture
def sentinel(tmp_path):
    """A folder beside the catalog that no command may touch; call it to check that none did."""
    folder = tmp_path / "sentinel"
    folder.mkdir()
    (folder / "keep.txt").write_bytes(b"keep me\n")

    def unchanged() -> None:
        assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]
        assert (folder / "keep.txt").read_bytes() == b"keep me\n"

    return unchanged


def hostile_copy(catalog: Path, folder: str) -> Path:
    """roles/<folder>/AIMLAM.GEN.P9.yaml: a copy of P4, so its code does not match its file name."""
    target = catalog / "roles" / folder
    target.mkdir(parents=True)
    shutil.copy(catalog / P4, target / "AIMLAM.GEN.P9.yaml")
    return target


# --- file and folder names ----------------------------------------------------------

FORGED = "x\n::warning title=t::forged"


def test_a_folder_name_cannot_add_a_line_to_validate(run, catalog, sentinel):
    hostile_copy(catalog, FORGED)
    result = run("validate", cwd=catalog)
    assert result.code == 1
    assert result.out == f"roles/x\\n::warning title=t::forged/AIMLAM.GEN.P9.yaml:7:7: {MISMATCH}\n"
    assert re.fullmatch(r"1 problem in \d+ files checked\n", result.err)
    assert_printable(result.out + result.err)
    sentinel()


def test_a_folder_name_cannot_add_a_line_to_lint_in_any_format(run, catalog, sentinel):
    hostile_copy(catalog, FORGED)
    text = run("lint", *AS_OF, cwd=catalog)
    assert text.code == 1
    assert text.out == f"roles/x\\n::warning title=t::forged/AIMLAM.GEN.P9.yaml:7:7: JD001 error {MISMATCH}\n"
    assert_printable(text.out + text.err)

    github = run("lint", "-f", "github", *AS_OF, cwd=catalog)
    assert github.code == 1
    assert github.out == ("::error file=roles/x\\n%3A%3Awarning title=t%3A%3Aforged/AIMLAM.GEN.P9.yaml,line=7,col=7,"
                          f"title=JD001 invalid-file::{MISMATCH}\n")
    assert_printable(github.out, commands_allowed=True)

    as_json = run("lint", "-f", "json", *AS_OF, cwd=catalog)
    [finding] = json.loads(as_json.out)["findings"]
    assert finding["file"] == f"roles/{FORGED}/AIMLAM.GEN.P9.yaml"  # the path, unchanged for a tool to open
    assert_printable(as_json.out)

    sarif = run("lint", "-f", "sarif", *AS_OF, cwd=catalog)
    [entry] = json.loads(sarif.out)["runs"][0]["results"]
    uri = entry["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "roles/x%0A%3A%3Awarning%20title%3Dt%3A%3Aforged/AIMLAM.GEN.P9.yaml"
    assert_printable(sarif.out)
    sentinel()


def test_a_folder_name_cannot_start_a_workflow_command(run, catalog, sentinel):
    """Run from inside roles/, the finding's line would start with the folder's name."""
    hostile_copy(catalog, "::warning title=t::forged")
    result = run("validate", cwd=catalog / "roles")
    assert result.code == 1
    assert result.out == f"\\x3a:warning title=t::forged/AIMLAM.GEN.P9.yaml:7:7: {MISMATCH}\n"
    lint = run("lint", *AS_OF, cwd=catalog / "roles")
    assert lint.out == f"\\x3a:warning title=t::forged/AIMLAM.GEN.P9.yaml:7:7: JD001 error {MISMATCH}\n"
    assert_printable(result.out + result.err + lint.out + lint.err)
    sentinel()


@pytest.mark.parametrize("name, shown", [
    ("e\x1b[31mred", "e\\x1b[31mred"),
    ("r\rx", "r\\rx"),
    ("t\tx", "t\\tx"),
    ("d\x7fx", "d\\x7fx"),
    ("c\x9bx", "c\\x9bx"),
    ("a\u202eb", "a\\u202eb"),
    ("i\u2066x", "i\\u2066x"),
    ("z\u200bx", "z\\u200bx"),
    ("l\u2028x", "l\\u2028x"),
    ("a##[error]b", "a##\\x5berror]b"),
], ids=["ESC", "CR", "tab", "DEL", "C1 CSI", "RLO", "LRI", "zero-width space", "line separator", "legacy command"])
def test_controls_and_bidi_in_a_folder_name_are_escaped(run, catalog, sentinel, name, shown):
    hostile_copy(catalog, name)
    result = run("validate", cwd=catalog)
    assert result.code == 1
    assert result.out == f"roles/{shown}/AIMLAM.GEN.P9.yaml:7:7: {MISMATCH}\n"
    lint = run("lint", "-f", "github", *AS_OF, cwd=catalog)
    assert lint.out.count("\n") == 1 and f"file=roles/{shown}/AIMLAM.GEN.P9.yaml," in lint.out
    assert_printable(result.out + result.err)
    assert_printable(lint.out, commands_allowed=True)
    sentinel()


def test_a_folder_named_like_a_catalog_file_is_named_on_one_line(run, catalog, sentinel):
    (catalog / "roles" / "x\n::error::forged\x1b[2J.yaml").mkdir()
    result = run("validate", cwd=catalog)
    assert result.code == 2
    assert result.err == ("roles/x\\n::error::forged\\x1b[2J.yaml: is a folder, not a file "
                          "(jdgen reads every .yaml file here: remove it, or rename it without .yaml)\n")
    assert result.out == ""
    sentinel()


def test_a_file_name_that_is_not_utf8_is_escaped_on_a_real_stdout(tmp_path, catalog, sentinel):
    """Python decodes such a name with lone surrogates, which a strict UTF-8 stdout cannot write."""
    (catalog / "roles").joinpath(b"bad\xff.yaml".decode("utf-8", "surrogateescape")).mkdir()
    env = {"PYTHONPATH": str(REPO / "src"), "JDGEN_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "jdgen", "validate"], cwd=catalog, env=env, capture_output=True)
    assert done.returncode == 2
    assert done.stderr == (b"roles/bad\\udcff.yaml: is a folder, not a file "
                           b"(jdgen reads every .yaml file here: remove it, or rename it without .yaml)\n")
    sentinel()


# --- template error messages ----------------------------------------------------------

TEMPLATE_FAILED = ("template failed: Invalid format specifier 'x\\n::warning::forged' for object of type 'int' "
                   "(ValueError) (check the expression on this line)")


def test_a_template_error_message_stays_on_one_line(run, catalog, sentinel):
    (catalog / "templates").mkdir()
    (catalog / "templates" / "posting.md.j2").write_text('{{ "{0:x\n::warning::forged}".format(1) }}\n')
    render = run("render", "AIMLAM.GEN.P4", cwd=catalog)
    assert render.code == 2
    assert render.err == f"templates/posting.md.j2:2:1: {TEMPLATE_FAILED}\n"
    lint = run("lint", *AS_OF, cwd=catalog)
    assert lint.code == 1
    assert f"templates/posting.md.j2:2:1: JD701 error {TEMPLATE_FAILED}\n" in lint.out
    assert lint.out.count("\n") == len(lint.out.splitlines())
    for finding in lint.out.splitlines():
        assert re.match(r"[\w./-]+:\d+:\d+: JD\d{3} (error|warning|info) ", finding), finding
    as_json = run("lint", "-f", "json", *AS_OF, cwd=catalog)
    [finding] = [f for f in json.loads(as_json.out)["findings"] if f["code"] == "JD701"]
    assert f"{finding['message']} ({finding['hint']})" == TEMPLATE_FAILED  # as the text format prints it
    sarif = run("lint", "-f", "sarif", *AS_OF, cwd=catalog)
    [entry] = [r for r in json.loads(sarif.out)["runs"][0]["results"] if r["ruleId"] == "JD701"]
    assert entry["message"]["text"] == TEMPLATE_FAILED
    github = run("lint", "-f", "github", *AS_OF, cwd=catalog)
    assert f"::error file=templates/posting.md.j2,line=2,col=1,title=JD701 template-error::{TEMPLATE_FAILED}\n" \
        in github.out
    assert_printable(render.out + render.err + lint.out + lint.err + as_json.out + sarif.out)
    assert_printable(github.out, commands_allowed=True)
    sentinel()


def test_a_template_file_name_stays_on_one_line(run, catalog, sentinel):
    templates = catalog / "templates"
    templates.mkdir()
    (templates / "posting.md.j2").write_text('{% include "part\\n::warning::forged.j2" %}\n')
    (templates / "part\n::warning::forged.j2").write_text("{{ no_such_value }}\n")
    render = run("render", "AIMLAM.GEN.P4", cwd=catalog)
    assert render.code == 2
    assert render.err == ("templates/part\\n::warning::forged.j2:1:1: template uses an undefined value: "
                          "'no_such_value' is undefined (check the spelling against the variables listed in "
                          "templates/README.md)\n")
    assert_printable(render.out + render.err)
    sentinel()


# --- titles and values in the views ---------------------------------------------------------

def test_a_line_break_in_a_title_stays_in_its_row(run, catalog, sentinel):
    edit(catalog / P3, "title: AI/ML Engineer III", 'title: "AI/ML\\nEngineer\\u2028III"')
    shown = "AI/ML\\nEngineer\\u2028III"
    listed = run("list", cwd=catalog)
    assert listed.code == 0
    [row] = [r for r in listed.out.splitlines() if r.startswith("AIMLAM.GEN.P3 ")]
    assert re.fullmatch(rf"AIMLAM\.GEN\.P3  {re.escape(shown)}\s+P3\s+3–5\s+\w+", row)
    assert len(listed.out.splitlines()) == 2 + len(list((catalog / "roles").glob("*.yaml")))

    show = run("show", "AIMLAM.GEN.P3", cwd=catalog)
    assert show.out.splitlines()[0] == f"AIMLAM.GEN.P3  {shown}"
    assert show.out.splitlines()[1] == "=" * len(f"AIMLAM.GEN.P3  {shown}")

    ladder = run("ladder", "AIMLAM.GEN", cwd=catalog)
    [row] = [r for r in ladder.out.splitlines() if "AIMLAM.GEN.P3" in r]
    assert re.fullmatch(rf"P3 Mid-Level Professional\s+AIMLAM\.GEN\.P3  {re.escape(shown)}\s+3–5 yrs\s+pending", row)

    adjacent = run("adjacent", "AIMLAM.GEN.P4", cwd=catalog)
    assert sum("AIMLAM.GEN.P3" in r for r in adjacent.out.splitlines()) == 1
    compare = run("compare", "AIMLAM.GEN.P3", "AIMLAM.GEN.P4", cwd=catalog)
    assert f"Title            {shown}  " in compare.out
    markdown = run("compare", "-f", "md", "AIMLAM.GEN.P3", "AIMLAM.GEN.P4", cwd=catalog)
    assert f"| Title | {shown} | Senior AI/ML Engineer / Tech Lead |\n" in markdown.out
    resolve = run("resolve", "AIMLAM.GEN.P3", cwd=catalog)
    assert resolve.out.splitlines()[0] == f"AIMLAM.GEN.P3  {shown}"
    as_json = run("list", "-f", "json", cwd=catalog)
    titles = {p["code"]: p["title"] for p in json.loads(as_json.out)["profiles"]}
    assert titles["AIMLAM.GEN.P3"] == "AI/ML\nEngineer\u2028III"
    for result in (listed, show, ladder, adjacent, compare, markdown, resolve, as_json):
        assert result.code == 0
        assert_printable(result.out + result.err)
    sentinel()


FIRST_ITEM = "  - text: Ownership of entire AI/ML projects or significant product areas\n"


def test_a_line_break_in_a_list_item_stays_in_its_line(run, catalog):
    edit(catalog / P4, FIRST_ITEM, '  - text: "Own\\nthe roadmap"\n')
    show = run("show", "AIMLAM.GEN.P4", cwd=catalog)
    assert "  - Own the roadmap\n" in show.out  # wrapped text: the break is a space, as wrapping makes it
    for format in ("table", "md"):
        compare = run("compare", "-f", format, "AIMLAM.GEN.P3", "AIMLAM.GEN.P4", cwd=catalog)
        assert compare.code == 0
        assert "Own\\nthe roadmap" in compare.out
        assert_printable(compare.out)


# --- text a posting prints: refused when it can disguise itself or run in a CI log ------------------

RLO = "U+202E (RIGHT-TO-LEFT OVERRIDE), a bidi control, which can disguise text (remove it)"


def test_a_bidi_override_in_a_title_is_refused_everywhere(run, catalog, sentinel):
    edit(catalog / P4, "title: Senior AI/ML Engineer / Tech Lead", "title: Senior AI/ML \u202eEngineer")
    row = line_of(catalog / P4, "title: Senior")
    message = f"{P4}:{row}:21: title holds {RLO}"
    validate = run("validate", cwd=catalog)
    assert (validate.code, validate.out) == (1, message + "\n")
    lint = run("lint", *AS_OF, cwd=catalog)
    assert lint.code == 1
    assert lint.out == f"{P4}:{row}:21: JD001 error title holds {RLO}\n"
    for command in (["render", "AIMLAM.GEN.P4"], ["list"], ["show", "AIMLAM.GEN.P4"], ["ladder", "AIMLAM.GEN"]):
        result = run(*command, cwd=catalog)
        assert (result.code, result.out, result.err) == (1, "", message + "\n"), command
    sentinel()


def test_a_bidi_override_written_as_an_escape_is_refused_at_its_value(run, catalog):
    edit(catalog / P4, "title: Senior AI/ML Engineer / Tech Lead", 'title: "Senior \\u202eEngineer"')
    row = line_of(catalog / P4, "title: ")
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (1, f"{P4}:{row}:8: title holds {RLO}\n")


@pytest.mark.parametrize("text, shown, at", [
    ("Own AI\u200bprojects", "U+200B (ZERO WIDTH SPACE), an invisible character", 6),
    ("Own rock\u00adstar projects", "U+00AD (SOFT HYPHEN), an invisible character", 8),
    ("Own AI\u2060projects", "U+2060 (WORD JOINER), an invisible character", 6),
    ("Own \ufeffAI projects", "U+FEFF (ZERO WIDTH NO-BREAK SPACE), an invisible character", 4),
    ("Own rock\u200dstar projects", "U+200D (ZERO WIDTH JOINER), a joiner outside the emoji or script it joins", 8),
    ("Own AI projects\U000e0041\U000e0042", "U+E0041 (TAG LATIN CAPITAL LETTER A), an invisible tag character", 15),
    ("Own AI\u2066 projects", "U+2066 (LEFT-TO-RIGHT ISOLATE), a bidi control", 6),
    ("Own ❤\ufe0f\ufe0f projects", "U+FE0F (VARIATION SELECTOR-16), a second variation selector in a row", 6),
], ids=["zero-width space", "soft hyphen", "word joiner", "BOM mid-text", "ZWJ in Latin", "tag characters",
        "isolate", "variation selectors"])
def test_invisible_characters_in_posting_text_are_refused(run, catalog, text, shown, at):
    """``at``: the index of the character in the text; the message points at its column."""
    edit(catalog / P4, FIRST_ITEM, f"  - text: {text}\n")
    row = line_of(catalog / P4, f"  - text: {text}")
    col = len("  - text: ") + at + 1
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (
        1, f"{P4}:{row}:{col}: responsibilities[0].text holds {shown}, which can disguise text (remove it)\n")


def test_joiners_that_real_text_needs_are_accepted(run, catalog):
    """Emoji sequences, Persian's non-joiner, a subdivision flag and one variation selector."""
    texts = ["Pair with 👩\u200d💻 engineers ❤\ufe0f", "Write in \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
             "Work from 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scotland"]
    edit(catalog / P4, FIRST_ITEM, "".join(f'  - text: "{t}"\n' for t in texts))
    result = run("validate", cwd=catalog)
    assert (result.code, result.out) == (0, "")
    show = run("show", "AIMLAM.GEN.P4", cwd=catalog)
    assert "👩\u200d💻" in show.out  # the joiners print as they are


def test_a_workflow_command_in_posting_text_is_refused(run, catalog, sentinel):
    edit(catalog / P4, "summary: >-\n  P4 represents", "summary: |-\n  P4\n    ::warning::forged\n  represents")
    row = line_of(catalog / P4, "::warning::forged")
    result = run("render", "AIMLAM.GEN.P4", cwd=catalog)
    assert (result.code, result.out) == (1, "")
    assert result.err == (f"{P4}:{row}:5: summary starts a line with '::', which GitHub Actions runs as a "
                          "workflow command when a CI log shows it (reword it)\n")
    edit(catalog / P4, "  P4\n    ::warning::forged\n", "  P4 ##[error]forged\n")
    result = run("validate", cwd=catalog)
    assert result.out == (f"{P4}:{row - 1}:6: summary holds '##' followed by '[', which GitHub Actions runs as a "
                          "workflow command when a CI log shows it (reword it)\n")
    sentinel()


@pytest.mark.parametrize("template, where, what", [
    ("# {{ title }} \u202e\n", "1:15", f"holds {RLO}"),
    ("# {{ title }} \x1b[31m\n", "1:15", "holds the control character U+001B (ESC), which a posting cannot show "
     "(remove it)"),
    ("# {{ title }}\n  ::warning::forged\n", "2:3", "starts a line with '::', which GitHub Actions runs as a "
     "workflow command when a CI log shows the posting (reword it)"),
    ("# {{ title }} ##[error]forged\n", "1:15", "holds '##' followed by '[', which GitHub Actions runs as a "
     "workflow command when a CI log shows the posting (reword it)"),
], ids=["bidi", "ESC", "command", "legacy command"])
def test_template_text_that_a_posting_prints_is_refused(run, catalog, sentinel, template, where, what):
    (catalog / "templates").mkdir()
    (catalog / "templates" / "posting.md.j2").write_text(template, encoding="utf-8")
    message = f"templates/posting.md.j2:{where}: template text {what}"
    render = run("render", "AIMLAM.GEN.P4", cwd=catalog)
    assert (render.code, render.out, render.err) == (2, "", message + "\n")
    lint = run("lint", *AS_OF, cwd=catalog)
    assert lint.code == 1
    assert f"templates/posting.md.j2:{where}: JD701 error template text {what}\n" in lint.out
    assert_printable(render.err + lint.out)
    sentinel()


# --- committed outputs: what render --check shows of them ------------------------------------

def test_render_check_diff_cannot_print_commands_or_escapes(run, catalog, tmp_path, sentinel):
    out = tmp_path / "out"
    out.mkdir()
    assert run("render", "AIMLAM.GEN.P4", "-o", str(out), "--date", "2026-11-23", cwd=catalog).code == 0
    posting = out / "AIMLAM.GEN.P4.md"
    text = posting.read_text(encoding="utf-8").splitlines(keepends=True)
    text[1:1] = ["\x1b[2J\x1b[31mred\n", "::warning::forged\n", "  ::error::forged too\n", "x ##[error]forged\n"]
    posting.write_text("".join(text), encoding="utf-8")
    result = run("render", "AIMLAM.GEN.P4", "-o", str(out), "--date", "2026-11-23", "--check", cwd=catalog)
    assert result.code == 1
    assert "-\\x1b[2J\\x1b[31mred\n" in result.out
    assert "-::warning::forged\n" in result.out  # a diff's '-' keeps it from being a command at the line start
    assert "-  ::error::forged too\n" in result.out
    assert "-x ##\\x5berror]forged\n" in result.out
    assert_printable(result.out + result.err)
    sentinel()


# --- the escaping itself ----------------------------------------------------------------------

def test_one_line_escapes_as_repr_does():
    assert one_line("a\nb\r\tc\x1b[0m\x85\u202e\U000e0041é ü 👩\u200d💻") == \
        "a\\nb\\r\\tc\\x1b[0m\\x85\\u202e\\U000e0041é ü 👩\u200d💻"
    assert one_line("C:\\roles\\x.yaml") == "C:\\roles\\x.yaml"  # backslashes are left alone


def test_a_line_never_starts_a_command():
    assert line("::warning::x") == "\\x3a:warning::x"
    assert line(" \u00a0::error::x") == " \u00a0\\x3a:error::x"  # the runner trims Unicode white space
    assert line("\t::error::x") == "\\t::error::x"  # the tab is escaped, so the line starts with a backslash
    assert line("a ::b") == "a ::b"
    assert line("a ##[error]b") == "a ##\\x5berror]b"
    assert block("ok\n  ::warning::x\n") == "ok\n  \\x3a:warning::x\n"
    assert block(Safe("::error::kept\n")) == "::error::kept\n"


def test_json_documents_escape_what_json_dumps_leaves_raw_and_read_back_the_same():
    data = {"t": "a\x85b\x7f\u202e\u2028\U000e0041##[x]\udcff 👩\u200d💻 é"}
    text = json_document(data)
    assert isinstance(text, Safe)
    assert_printable(text)
    assert '"a\\u0085b\\u007f\\u202e\\u2028\\udb40\\udc41##\\u005bx]\\udcff 👩\u200d💻 é"' in text
    assert json.loads(text) == data


def test_the_format_character_table_matches_unicode():
    """Every format character (Cf) of this Python's Unicode is escaped on output, but the two joiners;
    and each one the loader does not refuse outright is either a visible mark or judged in context."""
    escaped = re.compile(f"[{FORMAT_CHARACTERS}]")
    visible = re.compile(f"[{VISIBLE_FORMAT}]")
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if unicodedata.category(char) != "Cf":
            continue
        assert (escaped.match(char) is not None) != (char in JOINERS), f"U+{point:04X}"
        if visible.match(char) is None:
            assert find_hidden(f"x{char}x") is not None, f"U+{point:04X}"
        else:
            assert find_hidden(f"x{char}x") is None, f"U+{point:04X}"
