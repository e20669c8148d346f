"""Every way a hand-written profile can be wrong gets one clear line with file:line:col and exit 1."""

from __future__ import annotations

import shutil

import pytest

from conftest import write

P4 = "roles/AIMLAM.GEN.P4.yaml"


def replace_line(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def check(run, catalog, content, expected_first_line, *, name=P4, code=1):
    write(catalog / name, content)
    result = run("validate", cwd=catalog)
    assert result.code == code, result
    assert "Traceback" not in result.out + result.err
    lines = result.out.splitlines()
    assert lines and lines[0] == expected_first_line, result.out
    return result


def test_shipped_profile_is_valid(run, catalog):
    result = run("validate", cwd=catalog)
    assert result.code == 0, result
    assert result.out == ""
    assert "valid" in result.err


def test_empty_file(run, catalog):
    check(run, catalog, "\n# only a comment\n",
          f"{P4}:1:1: file is empty, expected a role profile (start from `jdgen init` or an existing file in the catalog)")


def test_list_instead_of_mapping(run, catalog):
    check(run, catalog, "- code: AIMLAM.GEN.P4\n- title: x\n",
          f"{P4}:1:1: expected a role profile as a YAML mapping of keys to values, found a list "
          "(write `key: value` lines at the top level, not `- item` lines)")


def test_tab_indentation(run, catalog, p4_text):
    text = replace_line(p4_text, "  code: AIMLAM\n", "\tcode: AIMLAM\n")
    n = line_of(text, "\tcode: AIMLAM")
    check(run, catalog, text,
          f"{P4}:{n}:1: YAML syntax error: a tab character is used for indentation (indent with spaces; YAML does not allow tabs)")


def test_unclosed_quote(run, catalog, p4_text):
    text = replace_line(p4_text, "title: Senior AI/ML Engineer / Tech Lead\n", 'title: "Senior AI/ML Engineer\n')
    n = line_of(text, 'title: "Senior')
    check(run, catalog, text, f"{P4}:{n}:8: YAML syntax error: this quoted string is never closed (add the closing quote)")


def test_duplicate_key(run, catalog, p4_text):
    text = replace_line(p4_text, "status: draft\n", "status: draft\nstatus: approved\n")
    first, second = line_of(text, "status: draft"), line_of(text, "status: approved")
    check(run, catalog, text,
          f"{P4}:{second}:1: duplicate key 'status' (first defined at line {first}) (remove one of them; YAML keeps only one)")


def test_wrong_type(run, catalog, p4_text):
    text = replace_line(p4_text, "\nversion: 1\n", "\nversion: first\n")
    n = line_of(text, "version: first")
    check(run, catalog, text,
          f"{P4}:{n}:10: version must be a whole number, not the text 'first' "
          "(Content version of this profile; raise it when the wording changes)")


def test_yes_is_not_a_boolean(run, catalog, p4_text):
    text = replace_line(p4_text, "    approved: false\n", "    approved: yes\n")
    n = line_of(text, "approved: yes")
    check(run, catalog, text,
          f"{P4}:{n}:15: title_aliases[0].approved must be true or false, not the text 'yes' "
          "(write true or false; jdgen reads yes/no/on/off as text)")


def test_misspelt_key(run, catalog, p4_text):
    text = replace_line(p4_text, "summary: >-", "sumary: >-")
    n = line_of(text, "sumary:")
    result = check(run, catalog, text, f"{P4}:{n}:1: unknown key 'sumary' (did you mean 'summary'?)")
    # the misspelling explains the missing 'summary': one problem, reported once
    assert len(result.out.splitlines()) == 1


def test_malformed_code(run, catalog, p4_text):
    text = replace_line(p4_text, "code: AIMLAM.GEN.P4\n", "code: AIMLAM-GEN-P4\n")
    n = line_of(text, "code: AIMLAM-GEN-P4")
    check(run, catalog, text,
          f"{P4}:{n}:7: code 'AIMLAM-GEN-P4' is not in the expected form "
          "(write FUNCTION.FOCUS.LEVEL in capitals, e.g. AIMLAM.GEN.P4)")


def test_code_differs_from_file_name(run, catalog, p4_text):
    (catalog / P4).unlink()
    shutil.rmtree(catalog / "companies")  # they override P4, which this test removes
    n = line_of(p4_text, "code: AIMLAM.GEN.P4")
    check(run, catalog, p4_text,
          f"roles/AIMLAM.GEN.P5.yaml:{n}:7: code 'AIMLAM.GEN.P4' does not match the file name 'AIMLAM.GEN.P5.yaml' "
          "(rename the file to AIMLAM.GEN.P4.yaml, or correct the code)", name="roles/AIMLAM.GEN.P5.yaml")


def test_level_missing_from_ladder(run, catalog, p4_text):
    (catalog / P4).unlink()
    shutil.rmtree(catalog / "companies")
    text = p4_text.replace("AIMLAM.GEN.P4", "AIMLAM.GEN.P9").replace("level: P4", "level: P9")
    n = line_of(text, "level: P9")
    result = check(run, catalog, text, f"roles/AIMLAM.GEN.P9.yaml:{n}:8: level 'P9' is not in the level ladder "
                   "(add code: P9 under levels: in the catalog's ladder.yaml, or use one of S1, S2, S3, S4, P1, P2, P3, "
                   "P4, P5, P6, P7, P8, M1, M2, M3, M4, M5, M6, E1, E2, E3, E4)", name="roles/AIMLAM.GEN.P9.yaml")
    assert len(result.out.splitlines()) == 1


def test_confidence_out_of_range(run, catalog, p4_text):
    text = replace_line(p4_text, "confidence: 0.70\n", "confidence: 1.7\n")
    n = line_of(text, "confidence: 1.7")
    check(run, catalog, text, f"{P4}:{n}:13: confidence is 1.7, above the maximum 1 (use a number from 0 to 1, e.g. 0.70)")


def test_every_error_in_a_file_is_reported(run, catalog, p4_text):
    text = replace_line(p4_text, "confidence: 0.70\n", "confidence: 1.7\n")
    text = replace_line(text, "status: draft\n", "status: drafted\n")
    text = replace_line(text, "\nversion: 1\n", "\nversion: 0\n")
    write(catalog / P4, text)
    result = run("validate", cwd=catalog)
    assert result.code == 1
    assert len(result.out.splitlines()) == 3, result.out
    assert "status is the text 'drafted'; expected one of draft, review, approved, retired (did you mean 'draft'?)" in result.out
    assert "3 problems in" in result.err


def test_not_utf8(run, catalog, p4_text):
    raw = p4_text.encode("utf-8").replace(b"Tech Lead\n", b"Tech Lead \xff\n", 1)
    n = line_of(p4_text, "title: Senior AI/ML Engineer / Tech Lead")
    col = len("title: Senior AI/ML Engineer / Tech Lead ") + 1
    check(run, catalog, raw, f"{P4}:{n}:{col}: byte 0xff is not valid UTF-8 (save the file as UTF-8)")


def test_utf8_bom_is_accepted(run, catalog, p4_text):
    write(catalog / P4, b"\xef\xbb\xbf" + p4_text.encode("utf-8"))
    result = run("validate", cwd=catalog)
    assert result.code == 0, result


def test_ten_megabyte_file(run, catalog, p4_text):
    big = p4_text + "# " + "x" * 10_000_000 + "\n"
    check(run, catalog, big,
          f"{P4}:1:1: file is 10.0 MB, larger than the 1 MB jdgen reads "
          "(a role profile is a few kilobytes; check that this is the right file)")


def test_missing_path(run, catalog):
    result = run("validate", "roles/NOPE.yaml", cwd=catalog)
    assert result.code == 2
    assert result.err.strip() == "roles/NOPE.yaml: no such file or folder (check the path)"


def test_directory_without_profiles(run, catalog, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("validate", str(empty), cwd=catalog)
    assert result.code == 2
    assert result.err.strip().endswith("empty: no YAML files in this folder (pass a catalog folder or .yaml files)")


def test_catalog_without_roles(run, tmp_path):
    (tmp_path / "jdgen.toml").write_text("")
    (tmp_path / "roles").mkdir()
    result = run("validate", cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip() == "no role profiles in roles (add one file per role, named CODE.yaml)"


def test_one_code_in_two_files(run, catalog, p4_text):
    write(catalog / "roles" / "archive" / "aimlam.gen.p4.yaml", p4_text)
    result = run("validate", cwd=catalog)
    assert result.code == 1
    assert result.out.strip() == ("roles/archive/aimlam.gen.p4.yaml:1:1: code aimlam.gen.p4 is also defined in "
                                  "roles/AIMLAM.GEN.P4.yaml (one code, one file: remove or rename one of them)")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_code_in_two_files_is_what_a_whole_catalog_lint_reports(run, catalog, p4_text, jobs):
    # The listing of roles/ refuses the second file; lint's per-profile pass keeps no table of codes.
    write(catalog / "roles" / "archive" / "aimlam.gen.p4.yaml", p4_text)
    result = run("lint", "--jobs", jobs, cwd=catalog)
    assert result.code == 1
    assert result.err.strip() == ("roles/archive/aimlam.gen.p4.yaml:1:1: code aimlam.gen.p4 is also defined in "
                                  "roles/AIMLAM.GEN.P4.yaml (one code, one file: remove or rename one of them)")


def test_dates_and_yes_no_stay_text(tmp_path):
    from jdgen.catalog.yaml_source import parse_yaml

    doc = parse_yaml("a: 2024-01-01\nb: no\nc: on\nd: 1.5\ne: true\nf: ~\n", "x.yaml")
    assert doc.data == {"a": "2024-01-01", "b": "no", "c": "on", "d": 1.5, "e": True, "f": None}


@pytest.mark.parametrize("text, expected", [
    ("a: [1, 2\n", "x.yaml:1:4: YAML syntax error: the list opened with '[' here is not closed"),
    ("a: x\n  b: y\n", "x.yaml:2:4: YAML syntax error: a key and value cannot start here"),
    ("a: !custom 1\n", "x.yaml:1:4: unsupported YAML tag '!custom'"),
    ("a: &x [1]\nb: *x\n<<: {c: 1}\n", "x.yaml:3:1: YAML merge keys (<<) are not supported"),
])
def test_other_yaml_errors_have_positions(text, expected):
    from jdgen.errors import InvalidInputError
    from jdgen.catalog.yaml_source import parse_yaml

    with pytest.raises(InvalidInputError) as info:
        parse_yaml(text, "x.yaml")
    assert str(info.value).startswith(expected)


@pytest.mark.parametrize("text, expected", [
    ("a: 1\n---\nb: 2\n", "x.yaml:2:1: YAML syntax error: a second YAML document starts here; a catalog file holds one "
     "(delete this '---' line and what follows, or move that part to a file of its own)"),
    ("a: 1\n...\nb: 2\n", "x.yaml:3:1: YAML syntax error: text follows the end-of-document marker '...' (delete the '...' line)"),
    ("a: 1\nb: *where\n", "x.yaml:2:4: YAML syntax error: *where refers to an anchor that is not defined above it "
     "(mark an earlier value with &where, or quote the text if it is meant to start with '*')"),
    ("a: &x 1\nb: &x 2\n", "x.yaml:2:4: YAML syntax error: anchor &x is defined twice (give one of them another name)"),
    ("f:\n  - a: 1\n  b: 2\n", "x.yaml:3:3: YAML syntax error: expected another '- ' list item at this indentation "
     "(indent this line under the item above, or make every entry at this level a key)"),
    ("a:\n  - x\n - y\n", "x.yaml:3:2: YAML syntax error: this line does not line up with the keys of its block "
     "(indent it exactly like the keys above it; quote a value that contains quotes or ': ')"),
    ("a: 'x'y\n", "x.yaml:1:7: YAML syntax error: unexpected text after the value on this line (quote the whole value"),
    ("a: 1\nb\nc: 2\n", "x.yaml:2:1: YAML syntax error: this line has no ':' after its key "
     "(write `key: value`, or indent the line to continue the value above)"),
    ("a: @home\n", "x.yaml:1:4: YAML syntax error: '@' cannot start an unquoted value (put the value in quotes)"),
    ("a: {x: 1\n", "x.yaml:1:4: YAML syntax error: the mapping opened with '{' here is not closed "
     "(add the closing '}', with commas between the entries)"),
    ("a: b\x07c\n", "x.yaml:1:5: the file holds the control character U+0007 (BEL), which YAML does not allow "
     "(delete it; such characters usually arrive by copy and paste from another program)"),
    ("\u00e9: \u00fc\nb: \u65e5\u672c\x1b\n", "x.yaml:2:6: the file holds the control character U+001B (ESC)"),
    ('a: "x\\0y"\n', "x.yaml:1:4: quoted text holds the control character U+0000 (NUL), which a posting cannot show "
     "(remove the escape sequence that writes it)"),
    ('"k\\x7f": 1\n', "x.yaml:1:1: quoted text holds the control character U+007F (DEL)"),
    ("a: 1\nlevel:\u00a0P4\nb: 2\n", "x.yaml:2:7: YAML syntax error: this line holds a non-breaking space (U+00A0), "
     "which YAML does not read as a space (replace it with an ordinary space; it usually arrives by copy and paste)"),
    ("a:\n\u00a0 b: 1\n", "x.yaml:2:1: key 'b' holds a non-breaking space (U+00A0), which YAML does not read as a space"),
    ("a:\n  b\u200b: 1\n", "x.yaml:2:4: key 'b\\u200b' holds a zero-width space (U+200B)"),
    ("max: .inf\n", "x.yaml:1:6: .inf is not a finite number (write a number, e.g. 196000)"),
    ("confidence: .nan\n", "x.yaml:1:13: .nan is not a finite number"),
    ("max: 1e400\n", "x.yaml:1:6: 1e400 is not a finite number"),
    ("max: 1" + "0" * 400 + "\n", "x.yaml:1:6: 10000000000000000000… is too large a number for a catalog "
     "(write the number in its unit, e.g. 196000 for a yearly pay)"),
    ('a: "tab\\there\\nnew line"\n', None),
])
def test_common_yaml_mistakes_are_said_in_plain_words(text, expected):
    """libyaml's jargon ("did not find expected <document start>") is translated for the mistakes people make."""
    from jdgen.errors import InvalidInputError
    from jdgen.catalog.yaml_source import parse_yaml

    if expected is None:  # tab and line breaks are ordinary text
        assert parse_yaml(text, "x.yaml").data == {"a": "tab\there\nnew line"}
        return
    with pytest.raises(InvalidInputError) as info:
        parse_yaml(text, "x.yaml")
    assert str(info.value).startswith(expected)
