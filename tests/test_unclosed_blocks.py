"""Finding the block a template leaves open, where it was opened rather than where Jinja noticed."""

from __future__ import annotations

import jinja2
import pytest

from jdgen.render.blocks import OpenBlock, unclosed_block
from jdgen.render.env import environment, search_path

ENV = environment("md", search_path(None))


# source, the innermost block left open (tag, line, column)
AT_THE_END = [
    ("{% if a %}\nx\n", ("if", 1, 1)),
    ("# t\n\n{% if summary %}\n{% for x in xs %}\n- {{ x }}\n{% endfor %}\n", ("if", 3, 1)),
    ("{% for x in xs %}\n{% if x %}y{% endif %}\n", ("for", 1, 1)),
    ("{% for x in xs %}\n  {% for y in x %}\n  {% endfor %}\n", ("for", 1, 1)),
    ("{% macro m(a) %}\n{{ a }}\n", ("macro", 1, 1)),
    ("{% macro m() %}{% endmacro %}\n{% call m() %}\n", ("call", 2, 1)),
    ("{% filter upper %}\n", ("filter", 1, 1)),
    ("{% with a = 1 %}\n", ("with", 1, 1)),
    ("{% autoescape true %}\n", ("autoescape", 1, 1)),
    ("{% set a = 1 %}{% set b | upper %}x{% set c = f(d=1) %}\n", ("set", 1, 16)),
    # whitespace control and indentation: the column is where the tag's {% is
    ("x\n  {%- if a -%} y\n", ("if", 2, 3)),
    ("x\n    {%+ for y in z %}\n", ("for", 2, 5)),
    ("{% if a %}{% endif %} {% if b %}\n", ("if", 1, 23)),
    ("x\n {%\n   macro m() %}\n", ("macro", 2, 2)),
    # a block tag inside a comment or a raw block is text, not a tag
    ("{# {% for y in z %} #}{% if a %}\n", ("if", 1, 23)),
    ("{% if a %}\n{#\n{% for x in xs %}\n#}\n", ("if", 1, 1)),
    ("{% if b %}{# {% if z %} #} {% if c %}{% endif %}\n", ("if", 1, 1)),
    ("{% raw %}{% if a %}{% endraw %} {% if b %}\n", ("if", 1, 33)),
]


@pytest.mark.parametrize("source, expected", AT_THE_END)
def test_innermost_open_block_at_the_end(source, expected):
    tag, line, col = expected
    assert unclosed_block(ENV, source) == OpenBlock(tag, line, col)
    # Jinja agrees on which block is open.
    with pytest.raises(jinja2.TemplateSyntaxError, match=f"Unexpected end of template.*closed is '{tag}'"):
        ENV.parse(source)


def test_an_outer_end_tag_cuts_the_open_block_short():
    source = "# t\n{% if a %}\n{% for x in xs %}\n- {{ x }}\n{% endif %}\n"
    assert unclosed_block(ENV, source) == OpenBlock("for", 3, 1, cut_by="endif", cut_line=5)
    with pytest.raises(jinja2.TemplateSyntaxError, match="nesting mistake") as caught:
        ENV.parse(source)
    assert caught.value.lineno == 5


@pytest.mark.parametrize("source", [
    "",
    "{% if a %}{% elif b %}{% else %}{% endif %}\n",
    "{% for x in xs %}{% else %}{% endfor %}{% set a = 1 %}\n",
    "{# {% if a %} #}\n{% raw %}{% for x in y %}{% endraw %}\n",
    "{% endif %}\n",  # a stray end tag is a different mistake
    "{% raw %}{% if a %}\n",  # Jinja's lexer reports an unclosed raw block itself
])
def test_nothing_left_open(source):
    assert unclosed_block(ENV, source) is None
