"""Bad company overrides and bad templates: one clear line each, the right exit code, no traceback."""

from __future__ import annotations

import pytest

from conftest import edit, line_of, write

NORTHWIND = "companies/northwind.yaml"


def render_fails(run, catalog, expected, code=1, *extra):
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", *extra, cwd=catalog)
    assert result.code == code, result
    assert "Traceback" not in result.err
    assert result.err.splitlines()[0] == expected, result.err
    return result


def test_unknown_role_in_override(run, catalog):
    path = catalog / NORTHWIND
    edit(path, "  AIMLAM.GEN.P4:\n    title:", "  AIMLAM.GEN.P9:\n    title:")
    n = line_of(path, "AIMLAM.GEN.P9:")
    render_fails(run, catalog, f"{NORTHWIND}:{n}:3: role AIMLAM.GEN.P9 is not in the catalog "
                               "(did you mean 'AIMLAM.GEN.P1' or 'AIMLAM.GEN.P2' or 'AIMLAM.GEN.P3'?)")
    validated = run("validate", cwd=catalog)
    assert validated.code == 1 and validated.out.startswith(f"{NORTHWIND}:{n}:3: role AIMLAM.GEN.P9")


def test_removing_a_missing_item(run, catalog):
    path = catalog / NORTHWIND
    edit(path, "    skills:\n      append:", "    skills:\n      remove:\n        - Project ownershp\n      append:")
    n = line_of(path, "- Project ownershp")
    render_fails(run, catalog, f"{NORTHWIND}:{n}:11: cannot remove 'Project ownershp' from skills of AIMLAM.GEN.P4: no such item "
                               "(did you mean 'Project ownership'?)")


def test_operator_on_a_non_list(run, catalog):
    path = catalog / NORTHWIND
    edit(path, "    title: Senior Machine Learning Engineer\n",
         "    title:\n      append:\n        - Engineer\n")
    n = line_of(path, "      append:")
    render_fails(run, catalog, f"{NORTHWIND}:{n}:7: roles.AIMLAM.GEN.P4.title is not a list, so append cannot apply to it "
                               "(write the new value directly)")


def test_pay_band_min_above_max(run, catalog):
    path = catalog / NORTHWIND
    edit(path, "    min: 157000\n    max: 196000", "    min: 296000\n    max: 196000")
    n = line_of(path, "min: 296000")
    render_fails(run, catalog, f"{NORTHWIND}:{n}:10: pay band min 296,000 is above its max 196,000 (swap min and max)")


def test_currency_not_iso_4217(run, catalog):
    path = catalog / NORTHWIND
    edit(path, "    currency: USD\n    min: 157000", "    currency: USX\n    min: 157000")
    n = line_of(path, "currency: USX")
    render_fails(run, catalog, f"{NORTHWIND}:{n}:15: currency 'USX' is not an ISO 4217 code "
                               "(did you mean 'USD' or 'USN' or 'UGX'?)")


def test_slug_must_match_file_name(run, catalog):
    path = catalog / NORTHWIND
    edit(path, "  slug: northwind", "  slug: northwind-inc")
    n = line_of(path, "slug: northwind-inc")
    render_fails(run, catalog, f"{NORTHWIND}:{n}:9: slug 'northwind-inc' does not match the file name 'northwind.yaml' "
                               "(rename the file to northwind-inc.yaml, or correct the slug)")


def _template(catalog, body):
    write(catalog / "templates" / "posting.md.j2", body)


def test_catalog_template_replaces_builtin(run, catalog):
    _template(catalog, "# {{ title }} at {{ company.name }}\n")
    result = run("render", "AIMLAM.GEN.P4", "-c", "northwind", "--date", "2026-11-23", cwd=catalog)
    assert (result.code, result.out) == (0, "# Senior Machine Learning Engineer at Northwind Analytics, Inc.\n\n> DRAFT — not approved for publication (profile status: draft)\n\n")


def test_template_with_undefined_variable(run, catalog):
    _template(catalog, "# {{ title }}\n\n{{ compnay.name }}\n")
    render_fails(run, catalog, "templates/posting.md.j2:3:1: template uses an undefined value: 'compnay' is undefined "
                               "(check the spelling against the variables listed in templates/README.md)", 2)


def test_template_syntax_error(run, catalog):
    # Jinja notices the open block on line 3, at the end; the person needs line 2, where it opens.
    _template(catalog, "# {{ title }}\n{% for x in responsibilities %}\n- {{ x }}\n")
    render_fails(run, catalog, "templates/posting.md.j2:2:1: template syntax error: {% for %} is never closed "
                               "(add {% endfor %} where the block should end)", 2)


def test_other_syntax_errors_keep_jinjas_words(run, catalog):
    _template(catalog, "# {{ title }}\n{{ title | }}\n")
    render_fails(run, catalog, "templates/posting.md.j2:2:1: template syntax error: expected token 'name', got 'end of "
                               "print statement' (check the {{ }} and {% %} tags on this line)", 2)


def test_block_cut_short_by_an_outer_end_tag(run, catalog):
    _template(catalog, "# {{ title }}\n{% if responsibilities %}\n  {%- for x in responsibilities %}\n- {{ x }}\n{% endif %}\n")
    render_fails(run, catalog, "templates/posting.md.j2:3:3: template syntax error: {% for %} is not closed before the "
                               "{% endif %} on line 5 (add {% endfor %} before it)", 2)


def test_unclosed_block_in_an_included_template(run, catalog):
    _template(catalog, "# {{ title }}\n{% include 'about.md.j2' %}\n")
    write(catalog / "templates" / "about.md.j2", "## About\n\n{% with text = summary %}\n{{ text }}\n")
    render_fails(run, catalog, "templates/about.md.j2:3:1: template syntax error: {% with %} is never closed "
                               "(add {% endwith %} where the block should end)", 2)


def test_misspelt_end_tag_keeps_jinjas_words(run, catalog):
    _template(catalog, "# {{ title }}\n{% for x in responsibilities %}\n- {{ x }}\n{% endfro %}\n")
    render_fails(run, catalog, "templates/posting.md.j2:4:1: template syntax error: Encountered unknown tag 'endfro'. "
                               "Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that "
                               "needs to be closed is 'for'. (check the {{ }} and {% %} tags on this line)", 2)


@pytest.mark.parametrize("line, message", [
    ("{{ 1 / 0 }}", "template failed: division by zero (ZeroDivisionError) (check the expression on this line)"),
    ("{{ title + 5 }}", 'template failed: can only concatenate str (not "int") to str (TypeError) '
                        "(check the expression on this line)"),
    ("{% for i in range(10**9) %}{% endfor %}",
     "template exceeds a limit: the template's loops ask for more than 1,000,000 range() steps "
     "(a posting needs far less; the limits are listed under Templates in the README)"),
    ("{% include 'posting.md.j2' %}", "template recursion does not end: a template includes, extends or calls itself "
                                      "(stop the include, extends or macro call from reaching itself again)"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
     "template recursion does not end: a template includes, extends or calls itself "
     "(stop the include, extends or macro call from reaching itself again)"),
], ids=["division-by-zero", "text-plus-number", "huge-range", "includes-itself", "macro-calls-itself"])
def test_template_run_time_errors_name_the_line(run, catalog, line, message):
    """What a template expression gets wrong while rendering is a template error (exit 2), and lint's JD701."""
    _template(catalog, f"# {{{{ title }}}}\n\n{line}\n")
    render_fails(run, catalog, f"templates/posting.md.j2:3:1: {message}", 2)
    lint = run("lint", "--select", "JD701", "--as-of", "2026-11-23", cwd=catalog)
    assert lint.code == 1
    assert lint.out.splitlines()[0] == f"templates/posting.md.j2:3:1: JD701 error {message}"


@pytest.mark.parametrize("line, message", [
    ("{{ 'x' * 10**10 }}", "repeating a value 10000000000 times would make more than 1,000,000 characters"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "the template takes more than 500,000 steps (loop turns, calls and filters, and text made or read)"),
    ("{{ 2 ** 100000000 }}", "2 ** 100000000 would have more than 1,000 digits"),
], ids=["huge-repeat", "nested-loops", "huge-power"])
def test_a_template_cannot_hang_the_run(run, catalog, line, message):
    """Bounds that no posting comes near; without them these lines run for hours or fill memory."""
    _template(catalog, f"# {{{{ title }}}}\n\n{line}\n")
    render_fails(run, catalog, f"templates/posting.md.j2:3:1: template exceeds a limit: {message} "
                               "(a posting needs far less; the limits are listed under Templates in the README)", 2)


def test_small_repeats_and_loops_still_work(run, catalog):
    _template(catalog, "# {{ title }}\n\n{{ '-' * 3 }}{% for i in range(3) %}{{ i }}{% endfor %}{{ 2 ** 10 }}\n")
    result = run("render", "AIMLAM.GEN.P4", "--date", "2026-11-23", cwd=catalog)
    assert result.code == 0, result
    assert result.out.endswith("\n\\---0121024\n")  # '---' alone would be a rule: jdgen escapes it


def test_a_template_that_prints_a_whole_list_fails_at_its_line(run, catalog):
    _template(catalog, "# {{ title }}\n\n{{ skills }}\n")
    render_fails(run, catalog, "templates/posting.md.j2:3:1: template error: the template prints a whole list, which "
                               "would appear as Python writes it; loop over it with {% for item in ... %}, or print "
                               "one of its fields", 2)


def test_template_that_is_not_utf8(run, catalog):
    (catalog / "templates").mkdir(exist_ok=True)
    (catalog / "templates" / "posting.md.j2").write_bytes(b"# {{ title }}\nCaf\xe9\n")
    render_fails(run, catalog, "templates/posting.md.j2:2:4: template is not UTF-8 text: byte 0xe9 cannot be read "
                               "(save the template as UTF-8)", 2)


def test_an_included_template_that_is_not_utf8_is_the_one_named(run, catalog):
    _template(catalog, "# {{ title }}\n{% include 'footer.md.j2' %}\n")
    (catalog / "templates" / "footer.md.j2").write_bytes(b"Thanks\n\xe9\n")
    render_fails(run, catalog, "templates/footer.md.j2:2:1: template is not UTF-8 text: byte 0xe9 cannot be read "
                               "(save the template as UTF-8)", 2)


def test_template_cannot_escape_the_sandbox(run, catalog):
    _template(catalog, "# {{ title }}\n\n{{ ''.__class__.__mro__ }}\n")
    render_fails(run, catalog, "templates/posting.md.j2:3:1: template tried something the sandbox forbids: "
                               "access to attribute '__class__' of 'str' object is unsafe "
                               "(templates may only format the posting's values)", 2)
