"""The language rules report every match at its own line:col, and never inside a proper noun: the
company's name (with or without its legal suffix) or a phrase of `[lint] allow` (jdgen.toml, or
[tool.jdgen.lint] in pyproject.toml), which is checked like the other lint keys."""

from __future__ import annotations

import json

import pytest

from conftest import edit

AS_OF = ["--as-of", "2026-11-23"]
P4 = "roles/AIMLAM.GEN.P4.yaml"
QUALIFICATION = "  - text: Leadership in AI/ML innovation"


def where(run, catalog, *codes):
    result = run("lint", P4, "--format", "json", *AS_OF, *(a for c in codes for a in ("--select", c)), cwd=catalog)
    found = json.loads(result.out)["findings"]
    return result.code, [(f["code"], f["line"], f["column"], f["message"].split(":")[0]) for f in found]


def test_every_match_is_reported_at_its_own_column(run, catalog):
    edit(catalog / P4, QUALIFICATION, "  - text: A ninja, a rockstar and another ninja")
    code, found = where(run, catalog, "JD502")
    assert (code, found) == (0, [("JD502", 202, 13, "'ninja'"), ("JD502", 202, 22, "'rockstar'"),
                                 ("JD502", 202, 43, "'ninja'")])


def test_a_trait_word_twice_is_two_findings(run, catalog):
    edit(catalog / P4, QUALIFICATION, "  - text: Aggressive closers, aggressive negotiators")
    code, found = where(run, catalog, "JD501")
    assert (code, found) == (0, [("JD501", 202, 11, "'Aggressive' is masculine-coded"),
                                 ("JD501", 202, 31, "'aggressive' is masculine-coded")])


def test_aggressive_pay_or_plans_are_not_a_person(run, catalog):
    edit(catalog / P4, QUALIFICATION, "  - text: Aggressive compensation, aggressive timelines")
    assert where(run, catalog, "JD501") == (0, [])


@pytest.mark.parametrize("config", ['[lint]\nallow = ["Rockstar Games"]\n',
                                    '[tool.jdgen.lint]\nallow = ["rockstar games"]\n'])
def test_an_allowed_phrase_is_not_reported_but_the_word_beside_it_is(run, catalog, config):
    edit(catalog / P4, QUALIFICATION, "  - text: Shipped titles at Rockstar Games as a rockstar")
    name = "pyproject.toml" if config.startswith("[tool") else "jdgen.toml"
    if name == "pyproject.toml":
        (catalog / "jdgen.toml").unlink()
    (catalog / name).write_text(config, encoding="utf-8")
    if name == "pyproject.toml":
        (catalog / "jdgen.toml").write_text("", encoding="utf-8")
    code, found = where(run, catalog, "JD502")
    assert (code, found) == (0, [("JD502", 202, 49, "'rockstar'")])


def test_the_company_name_without_its_legal_suffix_is_allowed(run, catalog):
    edit(catalog / "companies/northwind.yaml", "  name: Northwind Analytics, Inc.", "  name: Ninjas Code Ltd.")
    edit(catalog / "companies/northwind.yaml", "  - A 30-minute call with a recruiter about the role",
         "  - A call with Ninjas Code to unleash your inner ninja, about the role")
    result = run("lint", "--format", "json", "--select", "JD502", *AS_OF, cwd=catalog)
    found = [(f["line"], f["column"], f["message"].split(":")[0]) for f in json.loads(result.out)["findings"]]
    assert (result.code, found) == (0, [(60, 51, "'ninja'")])


@pytest.mark.parametrize("toml, message", [
    ('[lint]\nallow = "Ninjas Code"\n',
     'jdgen.toml:2:1: lint.allow: must be a list of phrases (text) (e.g. allow = ["Ninjas Code", "Rockstar Games"])'),
    ('[lint]\nallow = ["Ninjas Code", 5]\n',
     'jdgen.toml:2:1: lint.allow: must be a list of phrases (text) (e.g. allow = ["Ninjas Code", "Rockstar Games"])'),
    ('[lint]\nallow = ["Ninjas Code", "  "]\n',
     'jdgen.toml:2:1: lint.allow: phrase 2 is blank (write the name, e.g. "Ninjas Code", or remove it)'),
    ('[lint]\nallow = ["' + "x" * 101 + '"]\n',
     'jdgen.toml:2:1: lint.allow: phrase 1 is 101 characters long, more than 100 '
     '(allow the name itself, not the sentence around it)'),
    ('[lint]\nallow = [' + ", ".join(f'"n{i}"' for i in range(201)) + ']\n',
     'jdgen.toml:2:1: lint.allow: has 201 phrases, more than the 200 jdgen reads (list the names your postings use)'),
    ('[lint]\nallows = ["Ninjas Code"]\n',
     "jdgen.toml:2:1: lint.allows: unknown key (did you mean 'allow'?)"),
])
def test_a_bad_allow_list_is_a_configuration_error(run, catalog, toml, message):
    (catalog / "jdgen.toml").write_text(toml, encoding="utf-8")
    result = run("lint", *AS_OF, cwd=catalog)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")
