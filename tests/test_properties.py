"""Property tests: the loader, the merge and the Markdown escaping hold for any input.

* The loader turns any text into a SourceDoc or an InvalidInputError whose every
  diagnostic has a real position; nothing else escapes it.
* For generated YAML, every recorded position is a line of the text, and a key's line
  holds that key.
* The merge raises nothing but InvalidInputError, never changes its inputs, and gives
  every value of its result a location.
* ``md_escape`` turns any text into Markdown that renders as exactly that text (with
  whitespace collapsed) and never as markup, in a list item and in a heading.
"""

from __future__ import annotations

import copy
import re
import string
from collections.abc import Iterator

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from jdgen.diagnostics import Location
from jdgen.errors import InvalidInputError
from jdgen.catalog.hidden_characters import find_hidden
from jdgen.compose.merge import OPERATORS, merge
from jdgen.render.filters import md_escape
from jdgen.catalog.yaml_source import SourceDoc, parse_yaml, screen_text
from jdgen.terminal_text import workflow_command

SETTINGS = settings(max_examples=1000, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- strategies -------------------------------------------------------------------

# Keys a person writes: short words, which safe_dump writes on the key's own line.
keys = st.text(alphabet=string.ascii_letters + string.digits + "_-", min_size=1, max_size=12)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)),
    max_leaves=10,
)
documents = st.one_of(st.dictionaries(keys, trees, min_size=1, max_size=5), st.lists(trees, min_size=1, max_size=4))

# YAML-looking text: the characters that make YAML syntax, so random text reaches the parser's corners.
yaml_alphabet = st.sampled_from(list(" \t\n-:?,[]{}#&*!|>'\"%@`\\.~0123456789abcxyzTFn\u00e9\ufeff\u2028"))
yaml_noise = st.text(alphabet=yaml_alphabet, max_size=80)


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: the same YAML, 5x faster


def dumped(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


# What the loader refuses in quoted text: C0 controls but tab and line breaks, DEL and C1.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strings_in(data) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from strings_in(item)
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings_in(value)


def check_loader(text: str) -> SourceDoc | None:
    try:
        doc = parse_yaml(text, "x.yaml")
    except InvalidInputError as exc:
        diagnostics = exc.diagnostics()
        assert diagnostics
        for diagnostic in diagnostics:
            location = diagnostic.location
            assert location is not None, diagnostic
            assert location.file == "x.yaml"
            assert location.line >= 1 and location.col >= 1, diagnostic
            assert diagnostic.message
        return None
    assert isinstance(doc, SourceDoc)
    return doc


# --- the loader -------------------------------------------------------------------

@SETTINGS
@given(st.text())
def test_loader_on_any_text(text):
    check_loader(text)


@SETTINGS
@given(yaml_noise)
def test_loader_on_yaml_like_noise(text):
    check_loader(text)


@SETTINGS
@given(documents, st.data())
def test_generated_yaml_positions_and_edits(data, draw):
    """Positions of safe_dump output are real; the same text cut, duplicated or indented still loads or fails cleanly."""
    text = dumped(data)
    doc = check_loader(text)
    if any(CONTROL.search(s) or find_hidden(s) or workflow_command(s) for s in strings_in(data)):
        # safe_dump writes control characters as double-quoted escapes; the loader refuses them,
        # characters that can disguise text however they are written, and text a CI log would run
        # as a workflow command ('##[', a line starting '::').
        assert doc is None, text
        return
    assert doc is not None, text
    lines = text.splitlines()
    for path, (line, col) in doc.value_positions.items():
        assert 1 <= line <= len(lines), (path, line, text)
        assert col >= 1
    for path, (line, col) in doc.key_positions.items():
        key = path[-1]
        assert isinstance(key, str)
        assert 1 <= line <= len(lines), (path, line, text)
        assert key in lines[line - 1], (path, line, lines[line - 1])
        assert lines[line - 1][col - 1:].lstrip("'\"").startswith(key), (path, col, lines[line - 1])
    assert set(doc.key_positions) <= set(doc.value_positions)

    # Nearly valid YAML: one line cut short, repeated, indented or tab-indented.
    edited = text.splitlines(keepends=True)
    i = draw.draw(st.integers(0, len(edited) - 1))
    edit = draw.draw(st.sampled_from(["cut", "duplicate", "indent", "tab"]))
    if edit == "cut":
        edited[i] = edited[i][: draw.draw(st.integers(0, len(edited[i])))]
    elif edit == "duplicate":
        edited.insert(i, edited[i])
    elif edit == "indent":
        edited[i] = "  " + edited[i]
    else:
        edited[i] = "\t" + edited[i]
    check_loader("".join(edited))


@SETTINGS
@given(st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15),
              st.text(alphabet=string.ascii_letters + " ", max_size=12)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)),
    max_leaves=12,
))
def test_generated_yaml_reads_back_as_written(data):
    """Words, numbers, true/false and null mean the same under safe_dump's YAML 1.1 and jdgen's 1.2."""
    doc = check_loader(dumped(data))
    assert doc is not None
    assert doc.data == data


def _outcome(text: str) -> tuple:
    """Everything a parse gives: its data, positions and text spans, or its messages."""
    try:
        doc = parse_yaml(text, "t.yaml")
    except InvalidInputError as exc:
        return ("refused", [d.format() for d in exc.diagnostics()])
    return ("parsed", repr(doc.data), doc.value_positions, doc.key_positions, doc.hash_spans)


@SETTINGS
@given(st.one_of(documents.map(dumped), yaml_noise, st.text()))
def test_screened_text_parses_as_checked_text(text):
    """A file that passes the whole-text screen gives the same parse as checking every value: the
    screen only skips checks that could not find anything."""
    if not screen_text(text):
        return
    screened = _outcome(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("jdgen.catalog.yaml_source.screen_text", lambda text: False)
        checked = _outcome(text)
    assert screened == checked, text


def test_screen_lets_through_only_text_with_nothing_to_find():
    assert screen_text("title: Data engineer\nsummary: 'Builds # pipelines'\n")
    assert screen_text("title: Ingénieure\n")  # letters outside ASCII are text
    for refused in ("a: \"\\u202e\"\n", "a: x\u200by\n", "a: |\n  ::set-output\n", "a: b ##[group]\n",
                    "a\u00a0b: 1\n", "a: \"\\x1b\"\n"):
        assert not screen_text(refused), refused


def _blocks(depth: int) -> str:
    return "".join(" " * i + "a:\n" for i in range(depth)) + " " * depth + "b: 1\n"


# (text, where the first value past 64 levels is): 100 levels reach only jdgen's own limit;
# 2,000 reach libyaml's scanner limit (1,000 levels since PyYAML 6.0.4) first.
NESTING = {
    "flow list, jdgen's limit": ("[" * 100 + "]" * 100, "1:66"),
    "flow mapping, jdgen's limit": ("a: " + "{a: " * 100 + "1" + "}" * 100, "1:260"),
    "block mapping, jdgen's limit": (_blocks(100), "66:66"),
    "flow list, scanner's limit": ("[" * 2000 + "]" * 2000, "1:66"),
    "flow mapping, scanner's limit": ("a: " + "{a: " * 2000 + "1" + "}" * 2000, "1:260"),
    "block mapping, scanner's limit": (_blocks(1100), "66:66"),
    "block list, scanner's limit": ("".join(" " * i + "-\n" for i in range(1100)), "66:66"),
}


@pytest.mark.parametrize("text, where", NESTING.values(), ids=NESTING.keys())
def test_loader_on_deep_nesting(text, where):
    """Too-deep nesting gets jdgen's one line at the first value too deep, whichever layer stops it."""
    with pytest.raises(InvalidInputError) as info:
        parse_yaml(text, "x.yaml")
    assert str(info.value) == (f"x.yaml:{where}: values nest more than 64 levels deep "
                               "(flatten the structure; catalog files need only a few levels)")


@pytest.mark.parametrize("name", NESTING.keys())
def test_nesting_cases_reach_the_layer_they_name(name):
    """The cases above exercise both layers: libyaml's scanner limit and jdgen's own."""
    text, _ = NESTING[name]
    if "scanner" in name:
        if tuple(int(part) for part in yaml.__version__.split(".")[:3]) < (6, 0, 4):
            pytest.skip(f"PyYAML {yaml.__version__} has no scanner limit; the lock file pins 6.0.4")
        with pytest.raises(yaml.YAMLError, match="maximum nesting depth"):
            yaml.compose(text, Loader=yaml.CSafeLoader)
    else:
        assert yaml.compose(text, Loader=yaml.CSafeLoader) is not None


# --- the merge --------------------------------------------------------------------

merge_keys = st.sampled_from(["text", "title", "a", "b", "items", *OPERATORS])
merge_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5),
                          st.sampled_from(["x", "y", "Project ownership", " x ", ""]))
merge_trees = st.recursive(
    merge_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(merge_keys, children, max_size=4)),
    max_leaves=12,
)


def paths_of(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths_of(child, prefix + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from paths_of(child, prefix + (i,))


def provenance(value, file: str):
    return {path: Location(file, n, 1) for n, path in enumerate(paths_of(value), 1)}


@SETTINGS
@given(merge_trees, merge_trees, st.booleans())
def test_merge_raises_only_invalid_input(base, override, full_provenance):
    base_prov = provenance(base, "base.yaml")
    over_prov = provenance(override, "company.yaml")
    if not full_provenance:  # values inside YAML aliases have no position of their own
        over_prov = {p: loc for p, loc in over_prov.items() if len(p) <= 1}
    before = copy.deepcopy((base, base_prov, override, over_prov))
    try:
        result, result_prov = merge(base, base_prov, override, over_prov, path=("roles", "X.Y.P1"))
    except InvalidInputError as exc:
        for diagnostic in exc.diagnostics():
            assert diagnostic.location is not None and diagnostic.location.line >= 1
            assert diagnostic.message
    else:
        for path in paths_of(result):
            assert path in result_prov, (path, result, result_prov)
    assert (base, base_prov, override, over_prov) == before, "merge changed its inputs"


# --- Markdown escaping ------------------------------------------------------------

MARKUP = {"em_open", "strong_open", "link_open", "code_inline", "html_inline", "image",
          "s_open", "hardbreak", "html_block"}
md_alphabet = st.sampled_from(list("*_#<>[]\\`&!-+=|~()/:;.\"'" + "abcXYZ" + "0123456789" + "  \t\n" + "é€"))
md_prefix = st.sampled_from(["", "1. ", "12) ", "3.", "- ", "+ ", "* ", "= ", "# ", "> ", "    ", "\n", "1234567890. ",
                             "&amp; ", "&#35; ", "<div>", "[a]: /url", "![x](y)", "```", "---", "***", "|a|b|"])
md_texts = st.builds(lambda prefix, body: prefix + body, md_prefix, st.text(alphabet=md_alphabet, max_size=40))
markdown = MarkdownIt("commonmark")


def inline_children(tokens):
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) <= 1, [t.type for t in tokens]
    return inline[0].children if inline else []


def check_plain(children, text):
    types = [child.type for child in children]
    assert not MARKUP & set(types), types
    assert set(types) <= {"text", "softbreak"}, types
    rendered = "".join(child.content if child.type == "text" else " " for child in children)
    assert rendered == " ".join(text.split()), (rendered, text)


@SETTINGS
@given(md_texts)
def test_md_escape_in_a_list_item(text):
    source = "- " + md_escape(text)
    tokens = markdown.parse(source)
    assert [t.type for t in tokens if t.type.endswith("_open") and "list" in t.type] == \
        ["bullet_list_open", "list_item_open"], (source, [t.type for t in tokens])
    assert not any(t.type in ("heading_open", "blockquote_open", "fence", "code_block", "hr", "html_block")
                   for t in tokens), (source, [t.type for t in tokens])
    check_plain(inline_children(tokens), text)


@SETTINGS
@given(md_texts)
def test_md_escape_in_a_heading(text):
    source = "## " + md_escape(text)
    tokens = markdown.parse(source)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [t.tag for t in headings] == ["h2"], (source, [t.type for t in tokens])
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"], (source, [t.type for t in tokens])
    check_plain(inline_children(tokens), text)


def test_md_escape_examples():
    """A few inputs the properties should have covered, pinned so a regression names itself."""
    for text in ["*bold* _em_ `code` <b>x</b> [a](b) ![i](j)", "1. first", "- item", "# not a heading",
                 "&amp; &#35;", "a\n\nb", "  spaced   out  ", "\\*", "10) x", "+", "="]:
        check_plain(inline_children(markdown.parse("- " + md_escape(text))), text)
        check_plain(inline_children(markdown.parse("## " + md_escape(text))), text)
