"""The site's templates: ``templates/site/*.j2`` and its static files, shipped with jdgen.

The site's look is jdgen's, not the catalog's: a catalog's ``templates/`` folder replaces
posting templates, never these. So they run in a plain Jinja environment (the sandbox
that guards a catalog's own templates costs time and guards nothing here), with:

* autoescape on for every template: every value from the catalog is HTML-escaped, and
  the only markup that enters unescaped is the chart SVG, which :mod:`.charts` builds
  from escaped text (marked safe here, at one place);
* ``StrictUndefined``: a misspelt context key fails the build instead of printing nothing;
* no ``trans``, no filters beyond Jinja's own: the context is already worded.
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
def environment() -> jinja2.Environment:
    # auto_reload off: the shipped templates do not change during a build, so no stat per page.
    env = _Environment(loader=jinja2.FileSystemLoader(str(site_templates())), autoescape=True,
                       undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True, auto_reload=False)
    env.filters["svg"] = Markup  # charts.pay_chart escapes every value it draws
    return env


def render_page(template: str, context: dict) -> bytes:
    return environment().get_template(template).render(context).encode("utf-8")


def static_files() -> dict[str, bytes]:
    """The CSS and the search script, as ``assets/NAME`` → bytes."""
    return {f"assets/{name}": (site_templates() / name).read_bytes() for name in STATIC}
