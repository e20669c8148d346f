"""jdgen render never writes a company posting that lint finds errors in, unless told to.

The catalog here is the built-in one with a P7 profile added: Northwind (Denver and New
York) has no P7 pay band, and Colorado, New York State and New York City all require a
pay range in postings, so AIMLAM.GEN.P7 for Northwind breaks three laws (JD401 errors).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit, line_of

DATE = "2026-11-23"
P7 = "AIMLAM.GEN.P7"
HELD = ("not written: AIMLAM.GEN.P7 for northwind, with 3 lint errors "
        "(fix them, or pass --allow-errors to write it anyway)")
DRAFT = ("warning: AIMLAM.GEN.P7 is not approved (status: draft); its posting is marked as a draft: "
         "review it before publishing")


def findings(catalog: Path, severity: str) -> list[str]:
    company = catalog / "companies" / "northwind.yaml"
    denver, nyc = line_of(company, "- id: denver"), line_of(company, "- id: nyc")
    where = "catalog/companies/northwind.yaml"
    tail = "and the P7 posting for AIMLAM.GEN.P7 has none (add pay_bands.P7 or the role's pay)"
    return [f"{where}:{denver}:5: JD401 {severity} Colorado requires a pay range in postings (since 2021-01-01), {tail}",
            f"{where}:{nyc}:5: JD401 {severity} New York (state) requires a pay range in postings (since 2023-09-17), "
            f"{tail}",
            f"{where}:{nyc}:5: JD401 {severity} New York City requires a pay range in postings (since 2022-11-01), {tail}"]


def render(run, catalog: Path, *args: str):
    return run("--catalog", str(catalog), "render", *args, "--date", DATE, cwd=catalog.parent)


def test_a_posting_that_breaks_a_pay_law_is_not_written_and_exits_1(run, p7):
    result = render(run, p7, P7, "-c", "northwind")
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines() == [*findings(p7, "error"), HELD]


def test_nothing_is_written_to_the_named_file(run, p7):
    target = p7.parent / "posting.docx"
    result = render(run, p7, P7, "-c", "northwind", "-o", str(target))
    assert result.code == 1
    assert not target.exists()
    assert result.err.splitlines()[-1] == HELD


def test_allow_errors_writes_it_with_the_findings_as_warnings(run, p7):
    result = render(run, p7, P7, "-c", "northwind", "--allow-errors")
    assert result.code == 0
    assert result.out.startswith("# Principal AI/ML")
    assert "\n\n> DRAFT — not approved for publication (profile status: draft)\n\n" in result.out
    assert result.err.splitlines() == [*findings(p7, "warning"), DRAFT]


def test_a_batch_writes_the_other_postings_and_exits_1(run, p7):
    out = p7.parent / "out"
    result = render(run, p7, "--all", "--all-companies", "-f", "md,docx", "-o", str(out))
    assert result.code == 1
    written = sorted(path.name for path in out.iterdir())
    assert f"{P7}.northwind.md" not in written and f"{P7}.northwind.docx" not in written
    assert f"{P7}.lindenhof.md" in written and "AIMLAM.GEN.P6.northwind.docx" in written
    assert len(written) == 2 * (13 * 2 - 1)
    assert result.err.splitlines()[-1] == HELD
    assert [line for line in result.err.splitlines() if " JD" in line] == findings(p7, "error")


def test_generic_postings_are_not_gated(run, p7):
    result = render(run, p7, P7)
    assert (result.code, result.err) == (0, DRAFT + "\n")


def test_check_reports_the_held_posting_and_exits_1(run, p7):
    out = p7.parent / "out"
    assert render(run, p7, "--all", "-c", "northwind", "-o", str(out), "--allow-errors").code == 0
    result = render(run, p7, "--all", "-c", "northwind", "-o", str(out), "--check")
    assert result.code == 1
    assert result.out == ""   # the held posting is neither compared nor an orphan
    assert result.err.splitlines()[-1] == HELD.replace("not written", "not checked")


@pytest.mark.parametrize("config", [
    '[lint.severity]\nJD401 = "warning"\n',
    '[lint]\nignore = ["JD401"]\n',
    '[lint]\nselect = ["JD5"]\n',
    '[lint.per-file-ignores]\n"companies/*.yaml" = ["pay-range-required"]\n',
], ids=["severity", "ignore", "select", "per-file-ignores"])
def test_the_catalog_lint_configuration_decides(run, p7, config):
    (p7 / "jdgen.toml").write_text(config, encoding="utf-8")
    result = render(run, p7, P7, "-c", "northwind")
    assert (result.code, result.err) == (0, DRAFT + "\n")


def test_a_suppression_comment_in_the_company_file_counts(run, p7):
    edit(p7 / "companies" / "northwind.yaml", "pay_bands:\n",
         "# jdgen: ignore-file[JD401] P7 offers are made in person, never advertised\npay_bands:\n")
    result = render(run, p7, P7, "-c", "northwind")
    assert (result.code, result.err) == (0, DRAFT + "\n")


def test_a_warning_rule_raised_to_error_by_the_configuration_gates_too(run, catalog):
    """The gate skips rules that can only warn; a [lint.severity] override makes one count."""
    (catalog / "jdgen.toml").write_text('[lint.severity]\nJD502 = "error"\n', encoding="utf-8")
    edit(catalog / "companies" / "northwind.yaml", "  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer\n",
         "  AIMLAM.GEN.P4:\n    title: Senior Machine Learning Engineer\n    summary: We want a rockstar.\n")
    result = render(run, catalog, "AIMLAM.GEN.P4", "-c", "northwind")
    assert result.code == 1
    line = line_of(catalog / "companies" / "northwind.yaml", "summary: We want a rockstar.")
    assert result.err.splitlines()[0].startswith(f"catalog/companies/northwind.yaml:{line}:")
    assert " JD502 error 'rockstar'" in result.err.splitlines()[0]
    assert result.err.splitlines()[-1] == ("not written: AIMLAM.GEN.P4 for northwind, with 1 lint error "
                                           "(fix it, or pass --allow-errors to write it anyway)")


def test_laws_are_judged_as_of_the_posting_date(run, p7):
    """New York State's law took effect on 2023-09-17: a posting dated before it breaks two laws."""
    result = run("--catalog", str(p7), "render", P7, "-c", "northwind", "--date", "2023-09-01", cwd=p7.parent)
    assert result.code == 1
    assert [line for line in result.err.splitlines() if " JD401 " in line] == [
        f for f in findings(p7, "error") if "New York (state)" not in f]


def _rule_examples():
    """tests/lint/test_rule_examples.py, for its way of applying a rule's documented example."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_jdgen_rule_examples",
                                                  Path(__file__).parent / "lint" / "test_rule_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _posting_rules():
    from jdgen.lint.ruleset import all_rules

    return [rule for rule in all_rules().values() if rule.target == "posting"]


@pytest.mark.parametrize("rule", _posting_rules(), ids=lambda rule: rule.code)
def test_the_gate_finds_every_error_a_full_lint_of_the_posting_finds(tmp_path, rule):
    """The gate skips the rules that declare they only warn; on every rule's bad example, with
    each company, that skips no error (a rule whose findings can become errors must say so)."""
    from datetime import date

    from jdgen.catalog.companies import company_files, find_company
    from jdgen.catalog.root import Catalog
    from jdgen.compose.posting import compose
    from jdgen.errors import InvalidInputError
    from jdgen.lint import load_config
    from jdgen.lint.engine import lint_posting

    examples = _rule_examples()
    root = examples.fresh_catalog(tmp_path)
    examples.apply_example(root, rule.bad)
    catalog = Catalog(root)
    config, when = load_config(root), date.fromisoformat(DATE)
    profile = catalog.profile("AIMLAM.GEN.P4")
    composed = 0
    for slug in sorted(company_files(catalog)):
        try:
            posting = compose(catalog, profile, find_company(catalog, slug), when)
        except InvalidInputError:  # the example's change does not merge with this company's block
            continue
        composed += 1
        everything = lint_posting(catalog, posting, config=config, as_of=when)
        gated = lint_posting(catalog, posting, config=config, as_of=when, severities=("error",))
        assert gated == [finding for finding in everything if finding.severity == "error"], slug
    assert composed
