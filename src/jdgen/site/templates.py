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


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(site_templates())), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["svg"] = Markup  # charts.pay_chart escapes every value it draws
    return env


def render_page(template: str, context: dict) -> bytes:
    return environment().get_template(template).render(context).encode("utf-8")


def static_files() -> dict[str, bytes]:
    """The CSS and the search script, as ``assets/NAME`` → bytes."""
    return {f"assets/{name}": (site_templates() / name).read_bytes() for name in STATIC}
