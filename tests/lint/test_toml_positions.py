"""Finding where a key is written in TOML text, and reading tomllib's syntax errors back into positions."""

from __future__ import annotations

import tomllib

import pytest

from jdgen.lint.toml_positions import decode_error, locate

MAX_REQUIRED = ("lint", "options", "JD605", "max_required")


# text, key path, (line, column)
FOUND = [
    ("[lint.options.JD605]\nmax_required = 6\n", MAX_REQUIRED, (2, 1)),
    ("[lint.options.JD605]\nmax_required = 6\n", ("lint", "options", "JD605"), (1, 15)),
    ("[ lint . options . JD605 ]\n  max_required = 6\n", MAX_REQUIRED, (2, 3)),
    ("[lint]\nselect = []\n[lint.options.JD605]\nmax_required = 6\n", MAX_REQUIRED, (4, 1)),
    ("[lint]\noptions.JD605.max_required = 6\n", MAX_REQUIRED, (2, 15)),
    ("[lint]\noptions . JD605 . max_required = 6\n", ("lint", "options", "JD605"), (2, 11)),
    ("lint.options.JD605.max_required = 6\n", MAX_REQUIRED, (1, 20)),
    ("[lint.options]\nJD605 = { max_required = 6 }\n", MAX_REQUIRED, (2, 11)),
    ('lint = { select = ["JD5"], options = { JD605 = { max_required = 6 } } }\n', MAX_REQUIRED, (1, 50)),
    ("[lint.options]\nJD601 = { max_words = 9 }\nJD605 = { max_required = 6 }\n", MAX_REQUIRED, (3, 11)),
    ('[tool.jdgen.lint]\nselect = ["JD5"]\n', ("tool", "jdgen", "lint", "select"), (2, 1)),
    ('[project]\nname = "x"\n[tool.jdgen]\nlint.select = ["JD5"]\n', ("tool", "jdgen", "lint", "select"), (4, 6)),
    ('[lint.per-file-ignores]\n"roles/*.yaml" = ["JD5"]\n', ("lint", "per-file-ignores", "roles/*.yaml"), (2, 1)),
    ("[lint.severity]\n'JD501' = \"error\"\n", ("lint", "severity", "JD501"), (2, 1)),
    ('[lint.severity]\n"JD\\u0035\\u0030\\u0031" = "error"\n', ("lint", "severity", "JD501"), (2, 1)),
    # values that look like keys, in strings, comments and arrays, are not keys
    ('[lint]\n# select = 1\nx = "select = 1"\ny = """\n[lint]\nselect = 2\n"""\nselect = 3\n', ("lint", "select"), (8, 1)),
    ("[lint]\nx = [ { select = 1 },\n  [2, 3], 'a]' ]  # ]\nselect = 3\n", ("lint", "select"), (4, 1)),
    ('[lint]\nx = """a ""quoted"" word"""""\nselect = 3\n', ("lint", "select"), (3, 1)),
    ("[[profiles]]\nname = 1\n[lint]\nselect = 3\n", ("lint", "select"), (4, 1)),
    ("[lint]\r\nignore = []\r\nselect = 3\r\n", ("lint", "select"), (3, 1)),
    ("[lint]\nselect = 1\n[lint.options]\n", ("lint", "select"), (2, 1)),
]


@pytest.mark.parametrize("text, keys, expected", FOUND)
def test_locates_the_key(text, keys, expected):
    tomllib.loads(text)  # the locator only ever reads documents tomllib accepted
    assert locate(text, keys) == expected


@pytest.mark.parametrize("text, keys", [
    ("[lint]\nignore = []\n", ("lint", "select")),
    ("[other]\nselect = 1\n", ("lint", "select")),
    ("[lint]\nselect = 1\n", ("tool", "jdgen", "lint", "select")),
    ('[lint]\nx = "select"\n# select\n', ("lint", "select")),
    ("[lint]\nx = [{ select = 1 }]\n", ("lint", "x", "select")),
    ("", ("lint",)),
])
def test_missing_key_has_no_position(text, keys):
    tomllib.loads(text)
    assert locate(text, keys) is None


def test_a_layout_it_cannot_follow_gives_no_position():
    # Not valid TOML, so it never reaches the locator in jdgen; it must still not raise or loop.
    assert locate("[lint\nselect = 1\n", ("lint", "select")) is None
    assert locate("[lint]\nx = [ } ]\nselect = 1\n", ("lint", "select")) is None


def _decode(text: str):
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return decode_error(text, caught.value)


@pytest.mark.parametrize("text, expected", [
    ('[lint]\nignore = [JD601]\n', ("invalid value", (2, 11), 'strings need quotes, e.g. ignore = ["JD601"]')),
    ('[lint]\nfail-on = error\n', ("invalid value", (2, 11), 'strings need quotes, e.g. fail-on = "error"')),
    ("[lint]\nx = True\n", ("invalid value", (2, 5), "write true and false in lower case")),
    ("[lint]\nx = \n", ("invalid value", (2, 5), "check the quoting and brackets")),
    ("[lint\n", ("expected ']' at the end of a table declaration", (1, 6), "end the table header with ], e.g. [lint]")),
    ("[[lint\n", ("expected ']]' at the end of an array declaration", (1, 7), "end the table header with ]], e.g. [[lint]]")),
    ('x = "abc\n', ("illegal character '\\n'", (1, 9), 'close the string on the line it starts (""" for text over several lines)')),
    ("ignore: []\n", ("expected '=' after a key in a key/value pair", (1, 7),
                      "write key = value; a key with spaces or dots in it needs quotes")),
    ("[lint.severity]\n[lint.severity]\n", ("cannot declare [lint.severity] twice", (2, 15),
                                           "each key and table may appear only once: merge the two")),
])
def test_decode_error_with_a_line_and_column(text, expected):
    assert _decode(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "at end of document": just after the last visible character, not on a line that is not there
    ("[catalog]\n[lint", ("expected ']' at the end of a table declaration", (2, 6), "end the table header with ], e.g. [lint]")),
    ('[lint]\nignore = ["JD601', ("unterminated string", (2, 17), "close the string with the quote it opens with")),
    ('[lint]\nignore = ["JD601",\n\n', ("invalid value", (2, 19), "finish the list and close it with ]")),
    ('[lint]\nignore = ["JD601"', ("unclosed array", (2, 18), "finish the list and close it with ]")),
])
def test_decode_error_at_end_of_document(text, expected):
    assert _decode(text) == expected


def test_decode_error_without_a_position():
    # A message in a shape tomllib does not use today keeps its words and gets no position.
    assert decode_error("", tomllib.TOMLDecodeError("Something new")) == ("something new", None, "check the quoting and brackets")
