"""A catalog's site templates rendered in the sandbox, their failures worded as one line.

A site built with a catalog's own templates can fail where the shipped ones cannot: a
syntax error, a misspelt value, something the sandbox refuses, a limit reached. Each
becomes a :class:`~jdgen.errors.TemplateError` naming the template file and line (exit 2),
never a traceback, worded as a posting template's would be
(:mod:`jdgen.render.template_failures`) but naming a *site* template.
"""

from __future__ import annotations

import jinja2

from ..render.template_failures import TemplateWording, template_failures


def _not_found(env: jinja2.Environment, name: str) -> tuple[str, str]:
    missing = name.removeprefix("site/")  # the loader's name for it; the author wrote the rest
    return (f"site template {missing!r} not found in the catalog's templates/site/ nor among jdgen's",
            "name a template that exists, or add it to the catalog's templates/site/ folder")


SITE_TEMPLATE = TemplateWording(
    noun="site template",
    sandbox_hint="templates may only lay out the page's values",
    undefined_hint="the values each site page offers are those the shipped templates/site/ pages use",
    bounds_hint="the limits are those of posting templates, listed under Templates in the README",
    not_found=_not_found,
)


def render_guarded(env: jinja2.Environment, name: str, context: dict) -> str:
    with template_failures(env, name, SITE_TEMPLATE):
        return env.get_template(name).render(context)
