"""The site's templates: ``templates/site/*.j2`` and its static files, shipped with jdgen,
and those a catalog puts in its own ``templates/site/`` folder to replace them.

Without a catalog folder the shipped templates run in a plain Jinja environment (the
sandbox costs time and guards nothing there), with:

* autoescape on for every template: every value from the catalog is HTML-escaped, and
  the only markup that enters unescaped is the chart SVG, which :mod:`.charts` builds
  from escaped text (marked safe here, at one place);
* ``StrictUndefined``: a misspelt context key fails the build instead of printing nothing;
* no ``trans``, no filters beyond Jinja's own: the context is already worded.

A catalog's ``templates/site/NAME`` replaces the shipped ``NAME`` (``role.html.j2``,
``base.html.j2``, ``_macros.html.j2``, ...), as its ``templates/`` replaces posting
templates. Those templates are data from a repository, so the whole site then renders in
the posting templates' sandbox (:class:`jdgen.render.sandbox.BoundedSandbox`: no Python
internals, every value, the output and the work bounded) and reads through their loader
(:class:`jdgen.render.loader.ContainedLoader`: no link out of the catalog is followed,
only regular files are read). The CSS and the search script stay jdgen's. A failing catalog template stops the
build with one line naming the file and line (:mod:`.template_errors`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..resources import shipped

STATIC = ("site.css", "search.js")


def site_templates() -> Path:
    return shipped("templates") / "site"


# What a dict answers to as an attribute: its methods and nothing else (a dict has no __dict__).
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja's environment with its ``a.b`` lookup taken the short way for the dicts pages are made of.

    Jinja tries ``getattr(a, "b")`` before ``a["b"]``; on a dict that raises an exception for
    every key a template reads, thousands per page. For a dict the attribute exists only
    when ``b`` is one of dict's own names, so the item is looked up directly otherwise:
    the same answer, without the exception.
    """

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


@cache
def environment(override: str | None = None) -> jinja2.Environment:
    """The environment for the shipped templates, or, given a catalog's ``templates/`` folder
    (one holding ``site/``), the sandbox that looks in its ``site/`` first."""
    options = dict(undefined=jinja2.StrictUndefined, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True, auto_reload=False)
    if override is None:
        # auto_reload off: the shipped templates do not change during a build, so no stat per page.
        env = _Environment(loader=jinja2.FileSystemLoader(str(site_templates())), **options)
    else:
        from ..render.loader import ContainedLoader
        from ..render.sandbox import BoundedSandbox

        # auto_reload on: a catalog's templates may change between two builds of one process
        # (a server, a test), and --check must see it; the cost is a stat per template and page.
        options["auto_reload"] = True
        env = BoundedSandbox(loader=_SiteFolder(ContainedLoader((override, str(site_templates().parent)))), **options)
    env.filters["svg"] = Markup  # charts.pay_chart escapes every value it draws
    return env


def compile_shipped() -> None:
    """Compile every shipped site template now, so that worker processes forked later inherit
    them instead of each compiling its own (about 80 ms a process)."""
    env = environment()
    for path in sorted(site_templates().glob("*.j2")):
        env.get_template(path.name)


def catalog_site_templates(catalog) -> str | None:
    """The catalog's ``templates/`` folder, when it has a ``site`` folder."""
    folder = catalog.templates_dir
    return str(folder) if (folder / "site").is_dir() else None


class _SiteFolder(jinja2.BaseLoader):
    """Site template ``NAME`` read as ``site/NAME`` from the ``templates/`` folders: the loader
    confines each folder to its parent, so a catalog's ``templates/`` keeps its site templates
    inside the catalog, exactly as its posting templates (a link to a shared file of the catalog
    is followed, one that leaves it is not)."""

    def __init__(self, inner: jinja2.BaseLoader):
        self.inner = inner

    def get_source(self, environment, template):
        return self.inner.get_source(environment, f"site/{template}")


def render_page(template: str, context: dict, override: str | None = None) -> bytes:
    if override is None:
        return environment().get_template(template).render(context).encode("utf-8")
    from .template_errors import render_guarded

    return render_guarded(environment(override), template, context).encode("utf-8")


def static_files() -> dict[str, bytes]:
    """The CSS and the search script, as ``assets/NAME`` → bytes."""
    return {f"assets/{name}": (site_templates() / name).read_bytes() for name in STATIC}
