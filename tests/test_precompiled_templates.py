"""The shipped posting templates run from their compiled form (jdgen.render.precompiled) only
when that form is exactly what compiling them now would give, and still inside the sandbox."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from jinja2.sandbox import SecurityError

from jdgen.errors import TemplateError
from jdgen.render import compiled
from jdgen.render.compile_shipped import FOLDER, generated
from jdgen.render.env import environment, render_template, search_path
from jdgen.render.precompiled import code_digest, source_digest
from jdgen.resources import builtin_catalog, shipped



def test_compiled_templates_are_fresh():
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in FOLDER.glob("*.py")}
    assert on_disk == generated(), "stale: run python -m jdgen.render.compile_shipped"


def _compiles(monkeypatch, env: jinja2.Environment) -> list[str]:
    """The names ``env`` compiles from now on (its template cache emptied first)."""
    env.cache.clear()
    names: list[str] = []
    original = env.compile

    def counting(source, name=None, *args, **kwargs):
        names.append(name)
        return original(source, name, *args, **kwargs)

    monkeypatch.setattr(env, "compile", counting)
    return names


@pytest.mark.parametrize("kind, name", [("md", "posting.md.j2"), ("html", "posting.html.j2")])
def test_shipped_templates_are_not_compiled(monkeypatch, kind, name):
    env = environment(kind, search_path(None))
    compiles = _compiles(monkeypatch, env)
    template = env.get_template(name)
    assert compiles == []
    assert template.filename == str(shipped("templates") / name)  # errors name the template, not the module


def _fresh_template(monkeypatch, env: jinja2.Environment, name: str) -> tuple[jinja2.Template, list[str]]:
    compiles = _compiles(monkeypatch, env)
    return env.get_template(name), compiles


def _render_probe(template: jinja2.Template) -> str:
    """The built-in AIMLAM.GEN.P4 for Northwind through ``template``."""
    from jdgen.catalog.root import discover
    from jdgen.catalog.companies import find_company
    from jdgen.compose.posting import compose
    from jdgen.render.context import build_context

    catalog = discover(builtin_catalog())
    posting = compose(catalog, catalog.profile("AIMLAM.GEN.P4"), find_company(catalog, "northwind"), date(2026, 11, 23))
    return template.render(build_context(posting))


def test_a_catalog_template_that_differs_is_compiled(monkeypatch, tmp_path):
    templates = tmp_path / "catalog" / "templates"
    templates.mkdir(parents=True)
    shipped_text = (shipped("templates") / "posting.md.j2").read_text(encoding="utf-8")
    (templates / "posting.md.j2").write_text(shipped_text + "Changed.\n", encoding="utf-8")
    template, compiles = _fresh_template(monkeypatch, environment("md", search_path(templates)), "posting.md.j2")
    assert compiles == ["posting.md.j2"]
    assert _render_probe(template).endswith("Changed.\n")


def test_a_catalog_copy_of_the_shipped_template_runs_compiled_under_its_own_name(monkeypatch, tmp_path):
    templates = tmp_path / "catalog" / "templates"
    templates.mkdir(parents=True)
    shutil.copy(shipped("templates") / "posting.md.j2", templates / "posting.md.j2")
    template, compiles = _fresh_template(monkeypatch, environment("md", search_path(templates)), "posting.md.j2")
    assert compiles == []
    assert template.filename == str(templates / "posting.md.j2")


@pytest.mark.parametrize("field, value", [("JINJA_VERSION", "3.0.0"), ("CODE_DIGEST", "0" * 64)])
def test_another_jinja_or_jdgen_compiles_again(monkeypatch, field, value):
    monkeypatch.setattr(compiled, field, value)
    env = environment("md", search_path(None))
    template, compiles = _fresh_template(monkeypatch, env, "posting.md.j2")
    assert compiles == ["posting.md.j2"]
    monkeypatch.undo()
    env.cache.clear()
    assert _render_probe(template) == _render_probe(env.get_template("posting.md.j2"))


def _index_with(monkeypatch, tmp_path: Path, env: jinja2.Environment, name: str, source: str) -> SimpleNamespace:
    """An index like jdgen.render.compiled holding ``source`` compiled for ``env``, as compile_shipped writes it."""
    package = tmp_path / "planted_index"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "evil.py").write_text(env.compile(source, name, name, raw=True), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "planted_index", raising=False)
    return SimpleNamespace(__name__="planted_index", JINJA_VERSION=jinja2.__version__, CODE_DIGEST=code_digest(),
                           TEMPLATES={("md", name): ("evil", source_digest(source))})


def test_compiled_code_still_runs_in_the_sandbox(monkeypatch, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    source = "# {{ title }}\n\n{{ title.__class__.__mro__ }}\n"
    (templates / "evil.md.j2").write_text(source, encoding="utf-8")
    env = environment("md", search_path(templates))
    index = _index_with(monkeypatch, tmp_path, env, "evil.md.j2", source)
    monkeypatch.setattr(env.loader, "index", index)
    template, compiles = _fresh_template(monkeypatch, env, "evil.md.j2")
    assert compiles == []  # it did run from the planted module
    with pytest.raises(SecurityError):
        template.render(title="x")
    with pytest.raises(TemplateError) as failure:
        render_template("evil.md.j2", "md", {"title": "x"}, templates)
    # The message names the template's file and line, as for a template compiled now.
    assert str(failure.value.diagnostics()[0].location).endswith("evil.md.j2:3:1")
