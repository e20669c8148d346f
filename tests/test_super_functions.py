"""Super-functions in the taxonomy: what a wrong grouping says, and that `super_function` is never a misspelt `function`."""

from __future__ import annotations

import pytest

from conftest import edit, line_of
from jdgen.catalog.root import Catalog
from jdgen.resources import builtin_catalog

GROUP = "    functions: [AIMLAM]\n"


def test_the_shipped_taxonomy_puts_the_ai_ml_function_under_technology():
    taxonomy = Catalog(builtin_catalog()).taxonomy
    assert [(s.code, s.name, s.functions) for s in taxonomy.super_functions] == [("TECH", "Technology", ("AIMLAM",))]
    assert taxonomy.super_function_of("AIMLAM") == "TECH"
    assert taxonomy.super_function_of("FINOPS") is None


def test_an_unknown_function_gets_the_closest_code(run, catalog):
    taxonomy = catalog / "taxonomy.yaml"
    edit(taxonomy, GROUP, "    functions: [AIMLAM, AIMLM]\n")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    line = line_of(taxonomy, "AIMLM]")
    assert (result.code, result.out) == (1, f"taxonomy.yaml:{line}:25: super-function TECH lists function 'AIMLM', "
                                            "which the taxonomy does not define (did you mean 'AIMLAM'?)\n")


def test_a_function_in_two_super_functions(run, catalog):
    taxonomy = catalog / "taxonomy.yaml"
    edit(taxonomy, GROUP, GROUP + "  - code: DATA\n    name: Data\n    functions:\n      - AIMLAM\n")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    first, second = line_of(taxonomy, GROUP.rstrip()), line_of(taxonomy, "      - AIMLAM")
    assert (result.code, result.out) == (1, f"taxonomy.yaml:{second}:9: function 'AIMLAM' is in two super-functions: "
                                            f"TECH (line {first}) and DATA "
                                            "(a function belongs to one super-function; remove it from one list)\n")


def test_repeats_and_undefined_functions_are_all_reported(run, catalog):
    taxonomy = catalog / "taxonomy.yaml"
    edit(taxonomy, GROUP, "    functions: [AIMLAM, AIMLAM]\n  - code: TECH\n    name: Again\n    functions: [DATENG]\n")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    tech, listed = line_of(taxonomy, "- code: TECH"), line_of(taxonomy, "[AIMLAM, AIMLAM]")
    again = line_of(taxonomy, "name: Again") - 1
    assert result.code == 1
    assert result.out.splitlines() == [
        f"taxonomy.yaml:{again}:11: super-function 'TECH' is defined twice, first at line {tech} "
        "(remove one of them, or give this one its own code)",
        f"taxonomy.yaml:{listed}:25: function 'AIMLAM' is listed twice in super-function TECH, first at line {listed} "
        "(remove one of them)",
        f"taxonomy.yaml:{again + 2}:17: super-function TECH lists function 'DATENG', which the taxonomy does not define "
        "(add the function under `functions:`, or remove it here)",
    ]


@pytest.mark.parametrize("old, new, message", [
    (GROUP, "", "{line}:5: missing required key 'functions' in super_functions[0] (add `functions:`, the codes of the "
                "functions in this super-function, each defined under the top-level `functions:`)"),
    (GROUP, "    functions: []\n", "{line}:16: super_functions[0].functions needs at least 1 item (The codes of the "
                                   "functions in this super-function, each defined under the top-level `functions:`)"),
    ("  - code: TECH\n", "  - code: tech\n", "{line}:11: super_functions[0].code 'tech' is not in the expected form "
                                             "(Upper-case super-function code, 2 to 12 letters or digits, e.g. TECH)"),
])
def test_schema_messages(run, catalog, old, new, message):
    taxonomy = catalog / "taxonomy.yaml"
    edit(taxonomy, old, new)
    line = line_of(taxonomy, "- code: tech" if "tech" in new else new.strip() or "- code: TECH")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    assert (result.code, result.out) == (1, "taxonomy.yaml:" + message.format(line=line) + "\n")


def test_super_function_is_not_taken_for_function_anywhere(run, catalog):
    taxonomy, profile = catalog / "taxonomy.yaml", catalog / "roles" / "AIMLAM.GEN.P1.yaml"
    edit(taxonomy, "super_functions:", "super_function:")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    assert (result.code, result.out) == (1, f"taxonomy.yaml:{line_of(taxonomy, 'super_function:')}:1: unknown key "
                                            "'super_function' (did you mean 'super_functions'? it lists the "
                                            "super-functions, each with the codes of its functions)\n")
    edit(taxonomy, "super_function:", "super_functions:")
    edit(taxonomy, "    name: Artificial", "    super_function: TECH\n    name: Artificial")
    result = run("validate", "taxonomy.yaml", cwd=catalog)
    assert (result.code, result.out) == (1, f"taxonomy.yaml:{line_of(taxonomy, 'super_function: TECH')}:5: unknown key "
                                            "'super_function' in functions[0] (a function's super-function is set by "
                                            "listing the function under `functions:` of an entry in `super_functions:`)\n")
    edit(taxonomy, "    super_function: TECH\n", "")
    edit(profile, "\nfunction:", "\nsuper_function:\n  code: TECH\nfunction:")
    result = run("validate", "roles/AIMLAM.GEN.P1.yaml", cwd=catalog)
    assert (result.code, result.out) == (1, f"roles/AIMLAM.GEN.P1.yaml:{line_of(profile, 'super_function:')}:1: unknown "
                                            "key 'super_function' (a role's super-function comes from its function: "
                                            "list the function under `super_functions:` in taxonomy.yaml)\n")
    assert "did you mean 'function'" not in result.out + result.err


def test_a_taxonomy_without_super_functions_stays_valid(run, catalog):
    taxonomy = catalog / "taxonomy.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    start, end = text.index("super_functions:"), text.index("functions:\n  - code: AIMLAM")
    taxonomy.write_text(text[:start] + text[end:], encoding="utf-8")
    assert run("validate", cwd=catalog).code == 0
    assert Catalog(catalog).taxonomy.super_function_of("AIMLAM") is None
