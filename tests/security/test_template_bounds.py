"""A catalog's templates cannot exhaust memory or time.

Every construct below ran for hours or filled memory before it was bounded. Each one, in a
catalog's own templates/posting.md.j2, is now a template error at its line: `render`
exits 2 with one line, and `lint` reports it as JD701. Nothing is written anywhere.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import write

HINT = "(a posting needs far less; the limits are listed under Templates in the README)"
STEPS = "the template takes more than 500,000 steps (loop turns, calls and filters, and text made or read)"
TOO_LONG = "would make more than 1,000,000 characters"

CASES = {
    # Widths and counts that make far more than they are given.
    "percent-width": ('{{ "%01000000000d" % 1 }}', f"formatting with % {TOO_LONG}"),
    "percent-star-width": ('{{ "%*d" % (1000000000, 1) }}', f"formatting with % {TOO_LONG}"),
    "format-width": ('{{ "{:>1000000000}".format(title) }}', f"str.format {TOO_LONG}"),
    "format-nested-width": ('{{ "{0:{1}}".format(title, 1000000000) }}', f"str.format {TOO_LONG}"),
    "format-map-width": ('{{ "{t:>1000000000}".format_map({"t": title}) }}', f"str.format {TOO_LONG}"),
    "center-method": ("{{ title.center(1000000000) }}", f"padding {TOO_LONG}"),
    "ljust-method": ("{{ title.ljust(1000000000) }}", f"padding {TOO_LONG}"),
    "rjust-method": ("{{ title.rjust(1000000000) }}", f"padding {TOO_LONG}"),
    "zfill-method": ("{{ title.zfill(1000000000) }}", f"padding {TOO_LONG}"),
    "expandtabs-method": ('{{ ("\\t" * 1000).expandtabs(1000000) }}', f"expandtabs() {TOO_LONG}"),
    "replace-method": ('{{ (title * 100).replace("", title * 1000) }}', f"replace() {TOO_LONG}"),
    "join-method": ("{{ (title * 1000).join(skills * 100) }}", f"join() {TOO_LONG}"),
    "translate-method": ("{{ title.translate({83: title * 20000}) }}", f"translate() {TOO_LONG}"),
    "to-bytes-method": ('{{ (1).to_bytes(1000000000, "big") }}', "to_bytes() would make more than 1,000,000 bytes"),
    "indent-filter": ("{{ title | indent(1000000000, true) }}", f"the indent filter {TOO_LONG}"),
    "center-filter": ("{{ title | center(1000000000) }}", f"the center filter {TOO_LONG}"),
    "replace-filter": ('{{ (title * 100) | replace("", title * 1000) }}', f"the replace filter {TOO_LONG}"),
    "join-filter": ("{{ (skills * 100) | join(title * 1000) }}", f"the join filter {TOO_LONG}"),
    "wordwrap-filter": ('{{ ((title ~ " ") * 1000) | wordwrap(10, wrapstring=title * 1000) }}',
                        f"the wordwrap filter {TOO_LONG}"),
    "format-filter": ('{{ "%01000000000d" | format(1) }}', f"the format filter {TOO_LONG}"),
    "tojson-indent": ('{{ {"a": title * 1000} | tojson(indent=1000000) }}', f"the tojson filter {TOO_LONG}"),
    "batch-fill": ("{{ skills | batch(1000000000, fill_with=title) | list | length }}",
                   "the batch filter would make more than 1,000,000 items"),
    "bytes-repeat": ("{{ title.encode() * 1000000000 }}",
                     "repeating a value 1000000000 times would make more than 1,000,000 bytes"),
    # Doubling a value in a loop: 64 turns would make 2**64 characters.
    "doubling-with-tilde": ("{% set ns = namespace(text=title) %}{% for i in range(64) %}"
                            "{% set ns.text = ns.text ~ ns.text %}{% endfor %}", f"joining with ~ {TOO_LONG}"),
    "doubling-with-plus": ("{% set ns = namespace(text=title) %}{% for i in range(64) %}"
                           "{% set ns.text = ns.text + ns.text %}{% endfor %}", f"adding with + {TOO_LONG}"),
    # Whole numbers.
    "huge-power": ("{{ (10 ** 10000) ** 10000 }}", "10 ** 10000 would have more than 1,000 digits"),
    "squaring-in-a-loop": ("{% set ns = namespace(n=10) %}{% for i in range(100) %}{% set ns.n = ns.n * ns.n %}"
                           "{% endfor %}", "a 513-digit number * a 513-digit number would have more than 1,000 digits"),
    # Work: each of these is small at every step and endless in total.
    "exponential-macro": ("{% macro twice(n) %}{% if n %}{{ twice(n - 1) }}{{ twice(n - 1) }}{% endif %}{% endmacro %}"
                          "{{ twice(60) }}", STEPS),
    "exponential-caller": ("{% macro twice(n) %}{% if n %}{% call twice(n - 1) %}{{ caller() }}{% endcall %}"
                           "{% call twice(n - 1) %}{% endcall %}{% endif %}{% endmacro %}{{ twice(60) }}", STEPS),
    "nested-range-loops": ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", STEPS),
    "nested-list-loops": ("{% set items = [0] * 1000 %}{% for a in items %}{% for b in items %}{% for c in items %}"
                          "{% endfor %}{% endfor %}{% endfor %}", STEPS),
    "loop-with-a-long-body": ("{% set ns = namespace(a=1) %}{% for i in range(100000) %}"
                              + "{% set ns.a = ns.a %}" * 100 + "{% endfor %}", STEPS),
    "fixed-text-in-a-loop": ('{% for i in range(400000) %}{{ "x" | center(900000) }}{% endfor %}', STEPS),
    "long-list-compared-in-a-loop": ("{% set items = [0] * 100000 %}{% for i in range(1000) %}"
                                     "{% if 1 in items %}{% endif %}{% endfor %}", STEPS),
    "long-text-sliced-in-a-loop": ("{% set text = title * 30000 %}{% for i in range(100000) %}{% set t = text[1:] %}"
                                   "{% endfor %}", STEPS),
    "sum-of-lists": ("{{ ([[0]] * 100000) | sum(start=[]) | length }}", STEPS),
    "punycode": ('{{ (title * 3000).encode("punycode") | length }}', STEPS),
    "recursive-loop-over-a-doubled-tree": (
        "{% set ns = namespace(tree=[1]) %}{% for i in range(30) %}{% set ns.tree = [ns.tree, ns.tree] %}"
        "{% endfor %}{% for node in [ns.tree] recursive %}{% if node is iterable %}{{ loop(node) }}{% endif %}"
        "{% endfor %}", STEPS),
    # The output, and text gathered by a block.
    "long-output": ("{% for i in range(5) %}{{ title * 30000 }}{% endfor %}",
                    "the template's output would be longer than 1,000,000 characters"),
    "long-set-block": ("{% set text %}{% for i in range(3) %}{{ title * 30000 }}{% endfor %}{% endset %}",
                       "the output of a macro or {% set %} block would make more than 1,000,000 characters"),
    # Values that are small in memory but enormous once read whole.
    "one-row-a-thousand-times": ("{% set row = [title] * 1000 %}{% set table = [row] * 1000 %}{{ table | string }}",
                                 "the string filter would read a value of more than 1,000,000 characters or items "
                                 "(a repeated item counts every time)"),
    "doubled-tree-compared": ("{% set ns = namespace(tree=[]) %}{% for i in range(40) %}"
                              "{% set ns.tree = [ns.tree, ns.tree] %}{% endfor %}{{ ns.tree == [] }}", STEPS),
    # Hashing a tuple nested 400,000 deep crashes Python itself.
    "deeply-nested-key": ("{% set ns = namespace(key=()) %}{% for i in range(200) %}{% set ns.key = (ns.key,) %}"
                          "{% endfor %}{{ {ns.key: 1} | length }}",
                          "a comparison or mapping key would read a value nested more than 100 levels deep"),
}


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def untouched(tmp_path):
    """Wraps the commands of a test: afterwards nothing in tmp_path (the catalog, and a folder beside it) has changed."""
    write(tmp_path / "elsewhere" / "keep.txt", "sentinel\n")

    @contextmanager
    def watching():
        before = files(tmp_path)
        yield
        assert files(tmp_path) == before

    return watching


def template(catalog: Path, text: str) -> None:
    """The catalog's own posting.md.j2, replacing the built-in one: a title, a blank line, then ``text`` (line 3)."""
    (catalog / "templates").mkdir(exist_ok=True)
    (catalog / "templates" / "posting.md.j2").write_text(f"# {{{{ title }}}}\n\n{text}\n", encoding="utf-8")


def rendered(run, catalog):
    return run("render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", cwd=catalog)


def linted(run, catalog):
    return run("lint", "--select", "JD701", "--as-of", "2026-11-23", cwd=catalog)


@pytest.mark.parametrize("line, detail", CASES.values(), ids=CASES.keys())
def test_a_template_past_a_limit_fails_at_its_line(run, catalog, untouched, line, detail):
    template(catalog, line)
    message = f"template exceeds a limit: {detail} {HINT}"
    with untouched():
        result = rendered(run, catalog)
        lint = linted(run, catalog)
    assert (result.code, result.out) == (2, ""), result
    assert result.err.splitlines()[0] == f"templates/posting.md.j2:3:1: {message}", result.err
    assert "Traceback" not in result.err
    assert lint.code == 1, lint
    assert lint.out.splitlines()[0] == f"templates/posting.md.j2:3:1: JD701 error {message}"


def test_the_html_template_has_the_same_limits(run, catalog, untouched):
    write(catalog / "templates" / "posting.html.j2", "<title>{{ title }}</title>\n{{ title.center(1000000000) }}\n")
    with untouched():
        result = run("render", "AIMLAM.GEN.P4", "-f", "html", "--date", "2026-11-23", cwd=catalog)
        lint = linted(run, catalog)
    message = f"template exceeds a limit: padding {TOO_LONG} {HINT}"
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[0] == f"templates/posting.html.j2:2:1: {message}"
    assert lint.out.splitlines()[0] == f"templates/posting.html.j2:2:1: JD701 error {message}"


def test_an_included_template_pays_for_its_text_each_time(run, catalog, untouched):
    write(catalog / "templates" / "part.md.j2", "long text " * 10_000 + "\n")
    template(catalog, "{% set text %}{% for i in range(100) %}{% include 'part.md.j2' %}{% endfor %}{% endset %}")
    with untouched():
        result = rendered(run, catalog)
    assert result.code == 2
    # The budget runs out where the included template starts, paying for its text again.
    assert result.err.splitlines()[0] == f"templates/part.md.j2:1:1: template exceeds a limit: {STEPS} {HINT}"


def test_code_compiled_without_the_limits_is_never_loaded_from_the_cache(run, catalog, tmp_path):
    """An older jdgen cached its compiled templates under the template's name and text alone."""
    from jinja2 import FileSystemBytecodeCache, FileSystemLoader
    from jinja2.sandbox import SandboxedEnvironment

    from jdgen.resources import shipped

    # Old code joins with ~ in Python, without asking the sandbox: 32 * 2**17 characters (4 MB).
    template(catalog, "{% set ns = namespace(text=title) %}{% for i in range(17) %}{% set ns.text = ns.text ~ ns.text %}"
                      "{% endfor %}{{ ns.text | length }}")
    cache = tmp_path / "cache"
    (cache / "jinja").mkdir(parents=True)
    plain = SandboxedEnvironment(loader=FileSystemLoader([str(catalog / "templates"), str(shipped("templates"))]),
                                 bytecode_cache=FileSystemBytecodeCache(str(cache / "jinja")))
    assert plain.get_template("posting.md.j2").render(title="x" * 32).endswith("4194304")  # unbounded, and cached
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", cwd=catalog,
                 env={"JDGEN_CACHE_DIR": str(cache)})
    assert result.code == 2, result
    assert result.err.splitlines()[0] == ("templates/posting.md.j2:3:1: template exceeds a limit: joining with ~ "
                                          f"would make more than 1,000,000 characters {HINT}")


def test_lipsum_is_gone(run, catalog, untouched):
    """lipsum() made as much random text as asked; outputs must be reproducible anyway."""
    template(catalog, "{{ lipsum(n=1000000000) }}")
    with untouched():
        result = rendered(run, catalog)
    assert result.code == 2
    assert result.err.splitlines()[0] == ("templates/posting.md.j2:3:1: template uses an undefined value: 'lipsum' is "
                                          "undefined (check the spelling against the variables listed in "
                                          "templates/README.md)")


@pytest.mark.parametrize("line, message", [
    ("{{ 5 | wordwrap }}", "'int' object has no attribute 'splitlines' (AttributeError)"),
    ('{% set d = {"a": 1} %}{% for k in d %}{% set _ = d.update({k ~ "x": 1}) %}{% endfor %}',
     "dictionary changed size during iteration (RuntimeError)"),
], ids=["filter-given-a-number", "mapping-changed-in-its-loop"])
def test_template_mistakes_are_template_errors_not_crashes(run, catalog, untouched, line, message):
    template(catalog, line)
    with untouched():
        result = rendered(run, catalog)
    assert result.code == 2
    assert result.err.splitlines()[0] == (f"templates/posting.md.j2:3:1: template failed: {message} "
                                          "(check the expression on this line)")


def test_what_postings_do_is_far_below_the_limits(run, catalog, untouched):
    """The bounded operations still work, with the same results, at the sizes templates use."""
    template(catalog, """{% set ns = namespace(n=0, text="") %}
{% for item in skills %}{% set ns.n = ns.n + 1 %}{% set ns.text = ns.text ~ item[:1] %}{% endfor %}
{{ ns.n }} {{ ns.text }} {{ "%05d|%-4s|%.2f" % (42, "ab", 2.5) }} {{ "{:>6}|{:^7}".format("r", "c") }}
{{ "x".center(5, ".") }} {{ "7".zfill(3) }} {{ "a-b".replace("-", "+") }} {{ ", ".join(["a", "b"]) }}
{{ "line1\\nline2" | indent(2) | replace("\\n", "/") }} {{ "%s-%s" | format(1, 2) }} {{ [1, 2, 3] | join("+") }}
{{ 2 ** 10 }} {{ 10 ** 20 // 3 }} {{ (10 ** 20) % 7 }} {{ ([1] * 3) | length }} {{ "ab" * 2 }} {{ ([1] + [2]) | join }}
{% macro item(text) %}<{{ text }}>{% endmacro %}{{ item("m") }} {{ [[1, [2]], [3]] | tojson }} {{ [3, 1, 2] | sort | join }}
{% for node in [[1, [2]], [3]] recursive %}{% if node is iterable %}({{ loop(node) }}){% else %}{{ node }}{% endif %}{% endfor %}
""")
    with untouched():
        result = rendered(run, catalog)
    assert result.code == 0, result
    assert result.out.splitlines()[4:] == [  # after the title and draft marker, as before the limits (Markdown escaping folds the spaces)
        "9 OSFCSATPP 00042|ab |2.50 r| c",  # initials of the skills as postings word them
        "..x.. 007 a+b a, b",
        "line1/ line2 1-2 1+2+3",
        "1024 33333333333333333333 2 3 abab 12",
        "\\<m\\> [[1, [2]], [3]] 123",
        "(1(2))(3)",
    ]
